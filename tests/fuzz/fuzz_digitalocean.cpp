// DigitalOcean's JSON replies: droplets, actions, the account, the catalog, errors and the
// monitoring API's metrics.
#include "digitaloceanmetricsparser.h"
#include "digitaloceanparser.h"
#include "fuzzinput.h"
#include "httpresponse.h"

using FuzzInput::expect;
using Parser = DigitalOceanParser;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    HttpResponse response;
    response.status = 422;
    response.body = FuzzInput::bytes(data, size);
    (void)Parser::error(response);
    const std::optional<QJsonObject> page = FuzzInput::object(response.body);
    if (!page)
        return 0;
    expect(Parser::droplets(*page), "DigitalOceanParser::droplets");
    expect(Parser::createdDroplet(*page), "DigitalOceanParser::createdDroplet");
    expect(Parser::nextPage(*page, 1), "DigitalOceanParser::nextPage");
    (void)Parser::statedTotal(*page);
    expect(Parser::action(*page), "DigitalOceanParser::action");
    expect(Parser::account(*page), "DigitalOceanParser::account");
    expect(Parser::regions(*page), "DigitalOceanParser::regions");
    expect(Parser::sizes(*page), "DigitalOceanParser::sizes");
    expect(Parser::images(*page, Parser::ImageSource::Distribution), "DigitalOceanParser::images");
    expect(Parser::images(*page, Parser::ImageSource::Private), "DigitalOceanParser::images");
    expect(Parser::sshKeys(*page), "DigitalOceanParser::sshKeys");
    expect(DigitalOceanMetricsParser::cpu(*page), "DigitalOceanMetricsParser::cpu");
    expect(DigitalOceanMetricsParser::bandwidth(*page, MetricSeries::Kind::NetworkIn),
           "DigitalOceanMetricsParser::bandwidth");
    return 0;
}
