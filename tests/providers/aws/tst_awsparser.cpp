// AwsParser, AwsXmlElement, AwsImageCatalog and AwsRunInstances on their own: every EC2 reply
// shape of tests/data/aws read field by field, every state and error code mapped, and the
// RunInstances parameters built from a create request.
#include "awsimagecatalog.h"
#include "awsparser.h"
#include "awsruninstances.h"
#include "testhelpers.h"

#include <QTest>

namespace {
QByteArray fixture(const QString &name)
{
    return readFixture(QStringLiteral("aws/") + name);
}

Machine byId(const QList<Machine> &machines, const QString &id)
{
    for (const Machine &machine : machines) {
        if (machine.id == id)
            return machine;
    }
    return {};
}

QString param(const AwsRunInstances::Params &params, const QString &name)
{
    for (const auto &[key, value] : params) {
        if (key == name)
            return value;
    }
    return QStringLiteral("<absent>");
}
} // namespace

class TestAwsParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEveryFieldOfAnInstance();
    void readsBothPagesAndTheToken();
    void mapsEveryState_data();
    void mapsEveryState();
    void fallsBackToTheStateCode();
    void namesAnUntaggedInstanceByItsId();
    void readsRegions();
    void readsInstanceTypes();
    void picksTheNewestOfficialImages();
    void readsOwnImages();
    void readsKeyPairs();
    void readsStateChanges();
    void rejectsAStateChangeForAnotherInstance();
    void readsRunInstances();
    void readsErrors_data();
    void readsErrors();
    void ignoresAnUnreadableErrorBody();
    void xmlIgnoresNamespacesAndDecodesText();
    void xmlRefusesWhatIsNotASimpleDocument_data();
    void xmlRefusesWhatIsNotASimpleDocument();
    void rejectsTheWrongReply();
    void buildsRunInstancesParameters();
    void runInstancesDefaultsToTheDefaultVpc();
    void runInstancesRefusesWhatEc2Cannot_data();
    void runInstancesRefusesWhatEc2Cannot();
};

void TestAwsParser::readsEveryFieldOfAnInstance()
{
    const auto page =
        AwsParser::instances(fixture(QStringLiteral("describe_instances_us-east-1_page1.xml")),
                             QStringLiteral("us-east-1"));
    QVERIFY2(page.ok(), qPrintable(page.error().message()));
    const Machine web = byId(page.value().items, QStringLiteral("i-1234567890abcdef0"));
    QCOMPARE(web.providerId, QStringLiteral("aws"));
    QCOMPARE(web.name, QStringLiteral("web-1"));
    QCOMPARE(web.state, MachineState::Running);
    QCOMPARE(web.providerState, QStringLiteral("running"));
    QCOMPARE(web.region, QStringLiteral("us-east-1"));
    QCOMPARE(web.size, QStringLiteral("t3.micro"));
    QCOMPARE(web.image, QStringLiteral("ami-0abcdef1234567890"));
    QCOMPARE(web.createdAt, QDateTime(QDate(2024, 5, 8), QTime(16, 46, 19), Qt::UTC));
    QCOMPARE(web.tags, QStringList({QStringLiteral("Name=web-1"), QStringLiteral("env=prod"),
                                    QStringLiteral("team=a&b")}));
    QCOMPARE(web.publicIpv4, QStringList {QStringLiteral("54.194.252.215")});
    QCOMPARE(web.privateIpv4,
             QStringList({QStringLiteral("10.0.0.157"), QStringLiteral("10.0.0.158")}));
    QCOMPARE(web.publicIpv6, QStringList {QStringLiteral("2600:1f18:4a3:6902:616:a83a:1d3c:3e5c")});
    QVERIFY(web.privateIpv6.isEmpty());
    QCOMPARE(web.vcpus, 2);
    QVERIFY(!web.pricePerHour && !web.pricePerMonth); // EC2's API has no prices
    QCOMPARE(web.extra.value(QStringLiteral("publicDnsName")).toString(),
             QStringLiteral("ec2-54-194-252-215.compute-1.amazonaws.com"));
    QCOMPARE(web.extra.value(QStringLiteral("privateDnsName")).toString(),
             QStringLiteral("ip-10-0-0-157.ec2.internal"));
    QCOMPARE(web.extra.value(QStringLiteral("platform")).toString(), QStringLiteral("Linux/UNIX"));
    QCOMPARE(web.extra.value(QStringLiteral("availabilityZone")).toString(),
             QStringLiteral("us-east-1c"));
    QCOMPARE(web.extra.value(QStringLiteral("keyName")).toString(), QStringLiteral("my-key-pair"));
    QCOMPARE(web.extra.value(QStringLiteral("vpcId")).toString(),
             QStringLiteral("vpc-1234567890abcdef0"));
    QCOMPARE(web.extra.value(QStringLiteral("subnetId")).toString(),
             QStringLiteral("subnet-04a636d18e83cfacb"));
    QCOMPARE(web.extra.value(QStringLiteral("architecture")).toString(), QStringLiteral("x86_64"));
    QCOMPARE(web.extra.value(QStringLiteral("launchTime")).toString(),
             QStringLiteral("2024-05-08T16:46:19.000Z"));
    QCOMPARE(web.extra.value(QStringLiteral("securityGroups")).toStringList(),
             QStringList {QStringLiteral("sg-0598c7d356eba48d7")});

    const Machine batch = byId(page.value().items, QStringLiteral("i-0aaaaaaaaaaaaaaa1"));
    QCOMPARE(batch.extra.value(QStringLiteral("lifecycle")).toString(), QStringLiteral("spot"));
    QCOMPARE(batch.extra.value(QStringLiteral("stateReason")).toString(),
             QStringLiteral("Client.UserInitiatedShutdown: User initiated shutdown"));
    QVERIFY(batch.publicIpv4.isEmpty());
    QVERIFY(!batch.extra.contains(QStringLiteral("publicDnsName"))); // <dnsName/> is empty
}

void TestAwsParser::readsBothPagesAndTheToken()
{
    const auto first =
        AwsParser::instances(fixture(QStringLiteral("describe_instances_us-east-1_page1.xml")),
                             QStringLiteral("us-east-1"));
    const auto second =
        AwsParser::instances(fixture(QStringLiteral("describe_instances_us-east-1_page2.xml")),
                             QStringLiteral("us-east-1"));
    QVERIFY(first.ok() && second.ok());
    // Two reservations on the first page: instances of every reservation count.
    QCOMPARE(first.value().items.size(), 3);
    QCOMPARE(first.value().nextToken, QStringLiteral("eyJ2IjoiMiIsImMiOiJwYWdlMiJ9"));
    QCOMPARE(second.value().items.size(), 3);
    QVERIFY(second.value().nextToken.isEmpty());
    const Machine windows = byId(second.value().items, QStringLiteral("i-0bbbbbbbbbbbbbbb2"));
    QCOMPARE(windows.extra.value(QStringLiteral("platform")).toString(), QStringLiteral("windows"));
    QCOMPARE(windows.extra.value(QStringLiteral("platformDetails")).toString(),
             QStringLiteral("Windows"));
    QCOMPARE(windows.tags, QStringList({QStringLiteral("Name=win-build"), QStringLiteral("os=")}));
    const Machine gone = byId(second.value().items, QStringLiteral("i-0ddddddddddddddd4"));
    QCOMPARE(gone.state, MachineState::Terminated); // shown as such until AWS drops it
    QCOMPARE(gone.name, QStringLiteral("old-test"));
}

void TestAwsParser::mapsEveryState_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<MachineState::State>("state");
    QTest::newRow("pending") << QStringLiteral("pending") << MachineState::Starting;
    QTest::newRow("running") << QStringLiteral("running") << MachineState::Running;
    QTest::newRow("stopping") << QStringLiteral("stopping") << MachineState::Stopping;
    QTest::newRow("stopped") << QStringLiteral("stopped") << MachineState::Stopped;
    QTest::newRow("shutting-down") << QStringLiteral("shutting-down") << MachineState::Stopping;
    QTest::newRow("terminated") << QStringLiteral("terminated") << MachineState::Terminated;
    QTest::newRow("unknown word") << QStringLiteral("hibernating") << MachineState::Unknown;
    QTest::newRow("empty") << QString() << MachineState::Unknown;
}

void TestAwsParser::mapsEveryState()
{
    QFETCH(QString, name);
    QFETCH(MachineState::State, state);
    QCOMPARE(AwsParser::state(name), state);
    // And the same through a whole reply, keeping EC2's own word.
    const QByteArray xml =
        QStringLiteral("<DescribeInstancesResponse><reservationSet><item><instancesSet><item>"
                       "<instanceId>i-1</instanceId><instanceState><name>%1</name>"
                       "</instanceState></item></instancesSet></item></reservationSet>"
                       "</DescribeInstancesResponse>")
            .arg(name)
            .toUtf8();
    const auto page = AwsParser::instances(xml, QStringLiteral("us-east-1"));
    QVERIFY(page.ok());
    QCOMPARE(page.value().items.first().state, state);
    QCOMPARE(page.value().items.first().providerState, name);
}

void TestAwsParser::fallsBackToTheStateCode()
{
    // Only the code, with a high byte set (which EC2 says to ignore).
    const QByteArray xml = "<DescribeInstancesResponse><reservationSet><item><instancesSet><item>"
                           "<instanceId>i-1</instanceId><instanceState><code>336</code>"
                           "</instanceState></item></instancesSet></item></reservationSet>"
                           "</DescribeInstancesResponse>";
    const auto page = AwsParser::instances(xml, QStringLiteral("us-east-1"));
    QVERIFY(page.ok());
    QCOMPARE(page.value().items.first().providerState, QStringLiteral("stopped"));
    QCOMPARE(page.value().items.first().state, MachineState::Stopped);
}

void TestAwsParser::namesAnUntaggedInstanceByItsId()
{
    const auto page = AwsParser::instances(
        fixture(QStringLiteral("describe_instances_eu-west-1.xml")), QStringLiteral("eu-west-1"));
    QVERIFY(page.ok());
    const Machine untagged = byId(page.value().items, QStringLiteral("i-0fffffffffffffff6"));
    QCOMPARE(untagged.name, QStringLiteral("i-0fffffffffffffff6"));
    QVERIFY(untagged.tags.isEmpty());
    QCOMPARE(untagged.region, QStringLiteral("eu-west-1"));
}

void TestAwsParser::readsRegions()
{
    const auto regions = AwsParser::regions(fixture(QStringLiteral("describe_regions_all.xml")));
    QVERIFY(regions.ok());
    QCOMPARE(regions.value().size(), 3);
    QCOMPARE(regions.value().at(0).id, QStringLiteral("us-east-1"));
    QCOMPARE(regions.value().at(0).name, QStringLiteral("US East (N. Virginia)"));
    QCOMPARE(regions.value().at(0).country, QStringLiteral("US"));
    QVERIFY(regions.value().at(0).available);
    QCOMPARE(regions.value().at(1).id, QStringLiteral("af-south-1"));
    QVERIFY(!regions.value().at(1).available); // not-opted-in
    QVERIFY(regions.value().at(2).available); // opted-in
}

void TestAwsParser::readsInstanceTypes()
{
    const auto page =
        AwsParser::instanceTypes(fixture(QStringLiteral("describe_instance_types_page1.xml")));
    QVERIFY(page.ok());
    QCOMPARE(page.value().nextToken, QStringLiteral("AAEAAbcdefTypesPage2"));
    QCOMPARE(page.value().items.size(), 2);
    const Size m5d = page.value().items.at(0);
    QCOMPARE(m5d.id, QStringLiteral("m5d.large"));
    QCOMPARE(m5d.vcpus, 2);
    QCOMPARE(m5d.memoryMb, 8192);
    QCOMPARE(m5d.diskGb, 75);
    QCOMPARE(m5d.description, QStringLiteral("2 vCPU, 8 GiB, 75 GB local disk, x86_64"));
    QVERIFY(!m5d.priceHourly && !m5d.priceMonthly);
    const Size micro = page.value().items.at(1);
    QCOMPARE(micro.diskGb, 0);
    QCOMPARE(micro.description, QStringLiteral("2 vCPU, 1 GiB, x86_64"));
}

void TestAwsParser::picksTheNewestOfficialImages()
{
    const auto page = AwsParser::images(fixture(QStringLiteral("describe_images_official.xml")),
                                        QStringLiteral("eu-west-1"));
    QVERIFY(page.ok());
    QCOMPARE(page.value().items.size(), 8);
    const QList<Image> current = AwsImageCatalog::current(page.value().items);
    QStringList summary;
    for (const Image &image : current) {
        summary.append(image.id + QLatin1Char(' ') + image.name);
        QCOMPARE(image.kind, QStringLiteral("distribution"));
        QCOMPARE(image.regions, QStringList {QStringLiteral("eu-west-1")});
    }
    // Newest serial per family; the copy under Canonical's name by another owner never wins;
    // Ubuntu 22.04 and Amazon Linux arm64 are absent from this reply and so from the list.
    QCOMPARE(summary,
             QStringList({QStringLiteral("ami-04b70fa74e45c3917 Ubuntu 24.04 LTS (x86_64)"),
                          QStringLiteral("ami-0c4e709339fa8521a Ubuntu 24.04 LTS (arm64)"),
                          QStringLiteral("ami-0ae8f15ae66fe8cda Amazon Linux 2023 (x86_64)"),
                          QStringLiteral("ami-058bd2d568351da34 Debian 12 (x86_64)")}));
    QCOMPARE(current.first().distribution, QStringLiteral("Ubuntu"));

    QVERIFY(
        AwsImageCatalog::matches(QStringLiteral("al2023-ami-2023.*-kernel-6.1-x86_64"),
                                 QStringLiteral("al2023-ami-2023.5.20240624.0-kernel-6.1-x86_64")));
    QVERIFY(
        !AwsImageCatalog::matches(QStringLiteral("al2023-ami-2023.*-kernel-6.1-x86_64"),
                                  QStringLiteral("al2023-ami-minimal-2023.5-kernel-6.1-x86_64")));
    QVERIFY(!AwsImageCatalog::matches(QStringLiteral("debian-12-amd64-*"),
                                      QStringLiteral("xdebian-12-amd64-1")));
    const auto query = AwsImageCatalog::query();
    QCOMPARE(query.first(),
             std::make_pair(QStringLiteral("Owner.1"), QStringLiteral("099720109477")));
    QVERIFY(query.contains(std::make_pair(QStringLiteral("Owner.2"), QStringLiteral("amazon"))));
    QVERIFY(query.contains(
        std::make_pair(QStringLiteral("Filter.2.Value.1"), QStringLiteral("available"))));
}

void TestAwsParser::readsOwnImages()
{
    const auto page = AwsParser::images(fixture(QStringLiteral("describe_images_self.xml")),
                                        QStringLiteral("us-east-1"));
    QVERIFY(page.ok());
    QCOMPARE(page.value().items.size(), 2);
    const Image golden = page.value().items.first().image;
    QCOMPARE(golden.id, QStringLiteral("ami-0123456789abcdef0"));
    QCOMPARE(golden.name, QStringLiteral("golden-web-2024-06"));
    QCOMPARE(golden.kind, QStringLiteral("custom"));
    QCOMPARE(golden.distribution, QStringLiteral("Linux/UNIX"));
    QCOMPARE(page.value().items.first().ownerId, QStringLiteral("123456789012"));
    QCOMPARE(page.value().items.at(1).image.distribution, QStringLiteral("Windows"));
}

void TestAwsParser::readsKeyPairs()
{
    const auto keys = AwsParser::keyPairs(fixture(QStringLiteral("describe_key_pairs.xml")));
    QVERIFY(keys.ok());
    QCOMPARE(keys.value().size(), 2);
    QCOMPARE(keys.value().first().id, QStringLiteral("my-key-pair")); // RunInstances' KeyName
    QCOMPARE(keys.value().first().fingerprint,
             QStringLiteral("1f:51:ae:28:bf:89:e9:d8:1f:25:5d:37:2d:7d:b8:ca:9f:f5:f1:6f"));
    QVERIFY(keys.value().first().publicKey.startsWith(QLatin1String("ssh-rsa ")));
}

void TestAwsParser::readsStateChanges()
{
    const auto replace = [](const QString &name) {
        return fixture(name).replace("${instanceId}", "i-1234567890abcdef0");
    };
    const QString id = QStringLiteral("i-1234567890abcdef0");
    auto state = AwsParser::stateChange(replace(QStringLiteral("start_instances.xml")),
                                        u"StartInstancesResponse", id);
    QVERIFY(state.ok());
    QCOMPARE(state.value(), QStringLiteral("pending"));
    state = AwsParser::stateChange(replace(QStringLiteral("stop_instances.xml")),
                                   u"StopInstancesResponse", id);
    QCOMPARE(state.value(), QStringLiteral("stopping"));
    state = AwsParser::stateChange(replace(QStringLiteral("terminate_instances.xml")),
                                   u"TerminateInstancesResponse", id);
    QCOMPARE(state.value(), QStringLiteral("shutting-down"));
    state = AwsParser::stateChange(fixture(QStringLiteral("reboot_instances.xml")),
                                   u"RebootInstancesResponse", id);
    QVERIFY(state.ok());
    const QByteArray refused =
        "<RebootInstancesResponse><return>false</return></RebootInstancesResponse>";
    state = AwsParser::stateChange(refused, u"RebootInstancesResponse", id);
    QVERIFY(!state.ok());
    QCOMPARE(state.error().kind(), Error::Server);
}

void TestAwsParser::rejectsAStateChangeForAnotherInstance()
{
    const QByteArray xml =
        fixture(QStringLiteral("stop_instances.xml")).replace("${instanceId}", "i-other");
    const auto state =
        AwsParser::stateChange(xml, u"StopInstancesResponse", QStringLiteral("i-mine"));
    QVERIFY(!state.ok());
    QCOMPARE(state.error().kind(), Error::InvalidReply);
    // A Start reply where a Stop was asked is not accepted either.
    const auto wrong =
        AwsParser::stateChange(fixture(QStringLiteral("start_instances.xml")),
                               u"StopInstancesResponse", QStringLiteral("${instanceId}"));
    QCOMPARE(wrong.error().kind(), Error::InvalidReply);
}

void TestAwsParser::readsRunInstances()
{
    const auto machine = AwsParser::runInstances(fixture(QStringLiteral("run_instances.xml")),
                                                 QStringLiteral("eu-west-1"));
    QVERIFY(machine.ok());
    QCOMPARE(machine.value().id, QStringLiteral("i-0123456789abcdef7"));
    QCOMPARE(machine.value().name, QStringLiteral("new-box"));
    QCOMPARE(machine.value().providerState, QStringLiteral("pending"));
    QCOMPARE(machine.value().region, QStringLiteral("eu-west-1"));
    QCOMPARE(machine.value().privateIpv4, QStringList {QStringLiteral("172.31.20.30")});
    const auto empty =
        AwsParser::runInstances("<RunInstancesResponse><instancesSet/></RunInstancesResponse>",
                                QStringLiteral("eu-west-1"));
    QCOMPARE(empty.error().kind(), Error::InvalidReply);
}

void TestAwsParser::readsErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("code");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("contains");
    QTest::newRow("AuthFailure") << QStringLiteral("error_auth_failure.xml")
                                 << QStringLiteral("AuthFailure") << Error::Auth
                                 << QStringLiteral("not able to validate");
    QTest::newRow("UnauthorizedOperation")
        << QStringLiteral("error_unauthorized_operation.xml")
        << QStringLiteral("UnauthorizedOperation") << Error::Forbidden
        << QStringLiteral("not authorized to perform this operation.");
    QTest::newRow("InvalidInstanceID.NotFound")
        << QStringLiteral("error_instance_not_found.xml")
        << QStringLiteral("InvalidInstanceID.NotFound") << Error::NotFound
        << QStringLiteral("'i-1a2b3c4d' does not exist");
    QTest::newRow("InvalidAMIID.NotFound")
        << QStringLiteral("error_ami_not_found.xml") << QStringLiteral("InvalidAMIID.NotFound")
        << Error::NotFound << QStringLiteral("does not exist");
    QTest::newRow("RequestLimitExceeded")
        << QStringLiteral("error_request_limit_exceeded.xml")
        << QStringLiteral("RequestLimitExceeded") << Error::RateLimited
        << QStringLiteral("Request limit exceeded.");
    QTest::newRow("Throttling") << QStringLiteral("error_throttling.xml")
                                << QStringLiteral("Throttling") << Error::RateLimited
                                << QStringLiteral("Rate exceeded");
    QTest::newRow("SignatureDoesNotMatch") << QStringLiteral("error_signature_does_not_match.xml")
                                           << QStringLiteral("SignatureDoesNotMatch") << Error::Auth
                                           << QStringLiteral("Check the secret access key.");
    QTest::newRow("RequestExpired")
        << QStringLiteral("error_request_expired.xml") << QStringLiteral("RequestExpired")
        << Error::Auth << QStringLiteral("clock");
    QTest::newRow("OptInRequired")
        << QStringLiteral("error_opt_in_required.xml") << QStringLiteral("OptInRequired")
        << Error::Forbidden << QStringLiteral("Enable the region");
    QTest::newRow("IncorrectInstanceState")
        << QStringLiteral("error_incorrect_instance_state.xml")
        << QStringLiteral("IncorrectInstanceState") << Error::None
        << QStringLiteral("not in a state from which it can be started");
    QTest::newRow("InternalError")
        << QStringLiteral("error_internal_error.xml") << QStringLiteral("InternalError")
        << Error::Server << QStringLiteral("internal error");
    QTest::newRow("Unavailable") << QStringLiteral("error_unavailable.xml")
                                 << QStringLiteral("Unavailable") << Error::Server
                                 << QStringLiteral("overloaded");
}

void TestAwsParser::readsErrors()
{
    QFETCH(QString, file);
    QFETCH(QString, code);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, contains);
    const HttpClient::ProviderError error = AwsParser::error(fixture(file));
    QCOMPARE(error.code, code);
    QCOMPARE(error.kind, kind);
    QVERIFY2(error.message.startsWith(code + QStringLiteral(": ")), qPrintable(error.message));
    QVERIFY2(error.message.contains(contains), qPrintable(error.message));
    QVERIFY2(error.message.contains(QLatin1String("(request ID ")), qPrintable(error.message));
    QVERIFY(!error.message.contains(QLatin1String("Encoded authorization failure message")));
    QCOMPARE(AwsParser::kindForCode(code), kind);
}

void TestAwsParser::ignoresAnUnreadableErrorBody()
{
    for (const QByteArray &body :
         {QByteArray(), QByteArray("<html>502 Bad Gateway"), QByteArray("{\"message\":\"json\"}"),
          QByteArray("<Response/>")}) {
        const HttpClient::ProviderError error = AwsParser::error(body);
        QVERIFY(error.code.isEmpty());
        QCOMPARE(error.kind, Error::None);
    }
    // The other AWS error shape (ErrorResponse, as STS and IAM send it) is read too.
    const HttpClient::ProviderError sts = AwsParser::error(
        "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded"
        "</Message></Error><RequestId>r-1</RequestId></ErrorResponse>");
    QCOMPARE(sts.kind, Error::RateLimited);
    QCOMPARE(sts.message, QStringLiteral("Throttling: Rate exceeded (request ID r-1)"));
}

void TestAwsParser::xmlIgnoresNamespacesAndDecodesText()
{
    const auto root = AwsXmlElement::parse(
        "<?xml version=\"1.0\"?>\n<a:R xmlns:a=\"urn:x\" xmlns=\"urn:y\"><item> padded </item>"
        "<t><![CDATA[<raw> & text]]></t><e>&lt;&amp;&#x263A;</e><list><item>1</item><other/>"
        "<item>2</item></list></a:R>");
    QVERIFY(root.ok());
    QCOMPARE(root.value().name(), QStringLiteral("R"));
    QCOMPARE(root.value().textAt(u"item"), QStringLiteral("padded"));
    QCOMPARE(root.value().textAt(u"t"), QStringLiteral("<raw> & text"));
    QCOMPARE(root.value().textAt(u"e"), QStringLiteral("<&\u263A"));
    QCOMPARE(root.value().items(u"list").size(), 2);
    QVERIFY(root.value().at(u"list/other"));
    QVERIFY(!root.value().at(u"list/missing/deeper"));
    QCOMPARE(root.value().textAt(u"nothing"), QString());
    QVERIFY(root.value().find(u"other"));
}

void TestAwsParser::xmlRefusesWhatIsNotASimpleDocument_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("whitespace") << QByteArray(" \n ");
    QTest::newRow("truncated") << fixture(QStringLiteral("describe_regions.xml")).left(200);
    QTest::newRow("two roots") << QByteArray("<a/><b/>");
    QTest::newRow("unclosed") << QByteArray("<a><b></a>");
    QTest::newRow("json") << QByteArray("{\"reservationSet\": []}");
    QTest::newRow("html") << QByteArray("<html><body><h1>502 Bad Gateway</h1><br></body></html>");
    QTest::newRow("dtd with entities")
        << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
                      "\"&a;&a;&a;&a;&a;&a;&a;&a;\">]><r>&b;&b;&b;</r>");
    QTest::newRow("undeclared entity") << QByteArray("<r>&nope;</r>");
    QTest::newRow("too deep") << QByteArray("<a>").repeated(AwsXmlElement::maxDepth + 1)
                                     + QByteArray("</a>").repeated(AwsXmlElement::maxDepth + 1);
    QTest::newRow("binary") << QByteArray("\x00\x01\xff\xfe<", 5);
}

void TestAwsParser::xmlRefusesWhatIsNotASimpleDocument()
{
    QFETCH(QByteArray, xml);
    const auto root = AwsXmlElement::parse(xml);
    QVERIFY(!root.ok());
    QCOMPARE(root.error().kind(), Error::InvalidReply);
    QVERIFY(!root.error().message().isEmpty());
}

void TestAwsParser::rejectsTheWrongReply()
{
    // A well-formed reply of another action, or an error document with status 200.
    auto page = AwsParser::instances(fixture(QStringLiteral("describe_regions.xml")),
                                     QStringLiteral("us-east-1"));
    QCOMPARE(page.error().kind(), Error::InvalidReply);
    QVERIFY(page.error().message().contains(QLatin1String("DescribeInstancesResponse")));
    page = AwsParser::instances(fixture(QStringLiteral("error_auth_failure.xml")),
                                QStringLiteral("us-east-1"));
    QCOMPARE(page.error().kind(), Error::InvalidReply);
    page = AwsParser::instances("<DescribeInstancesResponse/>", QStringLiteral("us-east-1"));
    QCOMPARE(page.error().kind(), Error::InvalidReply);
    page =
        AwsParser::instances("<DescribeInstancesResponse><reservationSet><item><instancesSet><item>"
                             "<instanceState><name>running</name></instanceState></item>"
                             "</instancesSet></item></reservationSet></DescribeInstancesResponse>",
                             QStringLiteral("us-east-1"));
    QCOMPARE(page.error().kind(), Error::InvalidReply); // an instance without an id
    QCOMPARE(AwsParser::regions("<DescribeRegionsResponse/>").error().kind(), Error::InvalidReply);
}

void TestAwsParser::buildsRunInstancesParameters()
{
    CreateMachineRequest request;
    request.name = QStringLiteral("new-box");
    request.region = QStringLiteral("eu-west-1");
    request.size = QStringLiteral("t3.micro");
    request.image = QStringLiteral("ami-0abcdef1234567890");
    request.sshKeys = {QStringLiteral("my-key-pair")};
    request.tags = {QStringLiteral("env=dev"), QStringLiteral("Name=ignored"),
                    QStringLiteral("flag"), QStringLiteral("url=a=b")};
    request.userData = QStringLiteral("#cloud-config\npackages: [nginx]\n");
    request.extra = {{QStringLiteral("subnetId"), QStringLiteral("subnet-0bb1c79de3EXAMPLE")},
                     {QStringLiteral("securityGroupIds"), QStringLiteral("sg-1, sg-2")}};
    const auto params = AwsRunInstances::params(request, QStringLiteral("token-1"));
    QVERIFY(params.ok());
    const AwsRunInstances::Params expected = {
        {QStringLiteral("ImageId"), QStringLiteral("ami-0abcdef1234567890")},
        {QStringLiteral("InstanceType"), QStringLiteral("t3.micro")},
        {QStringLiteral("MinCount"), QStringLiteral("1")},
        {QStringLiteral("MaxCount"), QStringLiteral("1")},
        {QStringLiteral("ClientToken"), QStringLiteral("token-1")},
        {QStringLiteral("KeyName"), QStringLiteral("my-key-pair")},
        {QStringLiteral("SubnetId"), QStringLiteral("subnet-0bb1c79de3EXAMPLE")},
        {QStringLiteral("SecurityGroupId.1"), QStringLiteral("sg-1")},
        {QStringLiteral("SecurityGroupId.2"), QStringLiteral("sg-2")},
        {QStringLiteral("TagSpecification.1.ResourceType"), QStringLiteral("instance")},
        {QStringLiteral("TagSpecification.1.Tag.1.Key"), QStringLiteral("Name")},
        {QStringLiteral("TagSpecification.1.Tag.1.Value"), QStringLiteral("new-box")},
        {QStringLiteral("TagSpecification.1.Tag.2.Key"), QStringLiteral("env")},
        {QStringLiteral("TagSpecification.1.Tag.2.Value"), QStringLiteral("dev")},
        {QStringLiteral("TagSpecification.1.Tag.3.Key"), QStringLiteral("flag")},
        {QStringLiteral("TagSpecification.1.Tag.3.Value"), QString()},
        {QStringLiteral("TagSpecification.1.Tag.4.Key"), QStringLiteral("url")},
        {QStringLiteral("TagSpecification.1.Tag.4.Value"), QStringLiteral("a=b")},
        {QStringLiteral("UserData"),
         QString::fromLatin1(QByteArray("#cloud-config\npackages: [nginx]\n").toBase64())},
    };
    QCOMPARE(params.value(), expected);

    request.extra.insert(
        QStringLiteral("securityGroupIds"),
        QStringList {QStringLiteral("sg-a"), QStringLiteral(" "), QStringLiteral("sg-b")});
    const auto fromList = AwsRunInstances::params(request, QStringLiteral("t"));
    QCOMPARE(param(fromList.value(), QStringLiteral("SecurityGroupId.2")), QStringLiteral("sg-b"));
    QCOMPARE(param(fromList.value(), QStringLiteral("SecurityGroupId.3")),
             QStringLiteral("<absent>"));
}

void TestAwsParser::runInstancesDefaultsToTheDefaultVpc()
{
    CreateMachineRequest request;
    request.size = QStringLiteral("t3.micro");
    request.image = QStringLiteral("ami-1");
    const auto params = AwsRunInstances::params(request, QStringLiteral("t"));
    QVERIFY(params.ok());
    for (const auto &[key, value] : params.value()) {
        QVERIFY2(!key.startsWith(QLatin1String("SubnetId"))
                     && !key.startsWith(QLatin1String("SecurityGroup"))
                     && !key.startsWith(QLatin1String("KeyName"))
                     && !key.startsWith(QLatin1String("TagSpecification"))
                     && key != QLatin1String("UserData"),
                 qPrintable(key));
    }
    QCOMPARE(params.value().size(), 5);
}

void TestAwsParser::runInstancesRefusesWhatEc2Cannot_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("size");
    QTest::addColumn<QStringList>("keys");
    QTest::newRow("no image") << QString() << QStringLiteral("t3.micro") << QStringList();
    QTest::newRow("no size") << QStringLiteral("ami-1") << QString() << QStringList();
    QTest::newRow("two key pairs") << QStringLiteral("ami-1") << QStringLiteral("t3.micro")
                                   << QStringList {QStringLiteral("a"), QStringLiteral("b")};
}

void TestAwsParser::runInstancesRefusesWhatEc2Cannot()
{
    QFETCH(QString, image);
    QFETCH(QString, size);
    QFETCH(QStringList, keys);
    CreateMachineRequest request;
    request.image = image;
    request.size = size;
    request.sshKeys = keys;
    const auto params = AwsRunInstances::params(request, QStringLiteral("t"));
    QVERIFY(!params.ok());
    QCOMPARE(params.error().kind(), Error::InvalidInput);
}

QTEST_GUILESS_MAIN(TestAwsParser)
#include "tst_awsparser.moc"
