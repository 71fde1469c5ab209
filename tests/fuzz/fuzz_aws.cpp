// EC2's XML replies (every parser of AwsParser, the XML reader itself, CloudWatch's
// GetMetricData) and the Price List's JSON, all from the same bytes: a fixture of one reply is
// also a damaged reply of every other kind.
#include "awsmetrics.h"
#include "awsparser.h"
#include "awspricelist.h"
#include "awsxmlelement.h"
#include "fuzzinput.h"

using FuzzInput::expect;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = FuzzInput::bytes(data, size);
    const QString region = QStringLiteral("us-east-1");
    expect(AwsXmlElement::parse(bytes), "AwsXmlElement::parse");
    expect(AwsParser::instances(bytes, region), "AwsParser::instances");
    expect(AwsParser::runInstances(bytes, region), "AwsParser::runInstances");
    expect(AwsParser::stateChange(bytes, u"StartInstancesResponse", QStringLiteral("i-1")),
           "AwsParser::stateChange");
    // A reboot EC2 answered with return=false is Server: AWS said no.
    expect(AwsParser::stateChange(bytes, u"RebootInstancesResponse", QStringLiteral("i-1")),
           "AwsParser::stateChange", {Error::Server});
    expect(AwsParser::regions(bytes), "AwsParser::regions");
    expect(AwsParser::instanceTypes(bytes), "AwsParser::instanceTypes");
    expect(AwsParser::images(bytes, region), "AwsParser::images");
    expect(AwsParser::keyPairs(bytes), "AwsParser::keyPairs");
    (void)AwsParser::error(bytes);
    // A query CloudWatch answered with a failed status is that status (Forbidden or Server).
    expect(AwsMetrics::page(bytes, 8.0 / 300), "AwsMetrics::page",
           {Error::Forbidden, Error::Server});

    AwsPriceList::Key key;
    key.instanceType = QStringLiteral("t3.micro");
    key.regionCode = region;
    key.operatingSystem = QStringLiteral("Linux");
    expect(AwsPriceList::price(bytes, key), "AwsPriceList::price");
    (void)AwsPriceList::error(bytes);
    return 0;
}
