// VultrProvider creating instances and listing what the create flow needs, against a fake Vultr
// API: the request body Vultr documents (os_id, snapshot_id or image_id; key ids looked up by
// name), the one-time root password of the reply never kept, and the catalogs.
#include "logcapture.h"
#include "vultrparser.h"
#include "vultrtesting.h"

#include <QJsonArray>
#include <QTest>

using namespace VultrTesting;

using namespace Qt::StringLiterals;

namespace {
const QString exampleKeyId = QStringLiteral("cb676a46-66fd-4dfb-b839-443f2e6c0b60");
const QString laptopKeyId = QStringLiteral("3b8066a7-b438-455a-9688-44afc9a3597f");
const QString laptopKey = QStringLiteral(
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIvzOyD6BnX3pwXFkLoJHGwplQoys/ykH1CRBOVK2GKg laptop");

CreateMachineRequest webServer()
{
    CreateMachineRequest request;
    request.name = QStringLiteral("Web Server 01");
    request.region = QStringLiteral("ewr");
    request.size = QStringLiteral("vc2-1c-1gb");
    request.image = QStringLiteral("2136");
    request.sshKeys = {QStringLiteral("laptop"), exampleKeyId}; // a name, then an id
    request.tags = {QStringLiteral("web")};
    request.userData = QStringLiteral("#cloud-config\npackages: [nginx]\n");
    return request;
}
} // namespace

class TestVultrCreate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsAnInstance();
    void sendsEachKindOfImage_data();
    void sendsEachKindOfImage();
    void refusesAnUnknownKey();
    void refusesIncompleteCreate();
    void listsRegions();
    void listsPlans();
    void usesHourlyCostWhenGiven();
    void listsImages();
    void listsSshKeys();
};

void TestVultrCreate::createsAnInstance()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v2/ssh-keys"),
              FakeResponse::file(QStringLiteral("vultr/ssh-keys.json")));
    server.on("POST", QStringLiteral("/v2/instances"),
              FakeResponse::file(QStringLiteral("vultr/instance-created.json"), 202));
    auto vultr = provider(server);

    auto capture = std::make_unique<LogCapture>(QStringLiteral("clouddeck.*=true"));
    const auto outcome = createMachine(*vultr, webServer());
    const QStringList log = capture->lines();
    capture.reset();
    QVERIFY2(outcome->ok(), outcome->describe());
    QVERIFY(!outcome->calledSynchronously);

    // A key given by name is looked up first; Vultr takes ids.
    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(server.requests().at(0).path, QStringLiteral("/v2/ssh-keys"));
    const RecordedRequest create = server.requests().at(1);
    QCOMPARE(create.method, QByteArray("POST"));
    QCOMPARE(create.path, QStringLiteral("/v2/instances"));
    QCOMPARE(create.header("Authorization"), "Bearer " + token);
    QCOMPARE(create.header("Content-Type"), QByteArray("application/json"));
    const QJsonObject body = create.json();
    QStringList fields = body.keys();
    fields.sort();
    QCOMPARE(fields, QStringList({u"hostname"_s, u"label"_s, u"os_id"_s, u"plan"_s, u"region"_s,
                                  u"sshkey_id"_s, u"tags"_s, u"user_data"_s}));
    QCOMPARE(body.value(u"region").toString(), QStringLiteral("ewr"));
    QCOMPARE(body.value(u"plan").toString(), QStringLiteral("vc2-1c-1gb"));
    QVERIFY(body.value(u"os_id").isDouble()); // an integer, as documented
    QCOMPARE(body.value(u"os_id").toInt(), 2136);
    QCOMPARE(body.value(u"label").toString(), QStringLiteral("Web Server 01"));
    QCOMPARE(body.value(u"hostname").toString(), QStringLiteral("web-server-01"));
    QCOMPARE(body.value(u"sshkey_id").toArray(), QJsonArray({laptopKeyId, exampleKeyId}));
    QCOMPARE(body.value(u"tags").toArray(), QJsonArray({QStringLiteral("web")}));
    QCOMPARE(QByteArray::fromBase64(body.value(u"user_data").toString().toLatin1()),
             QByteArray("#cloud-config\npackages: [nginx]\n"));

    // The reply's one-time root password is neither kept nor logged.
    const Machine &machine = outcome->result->value();
    QCOMPARE(machine.id, QStringLiteral("4f0f12e5-1f84-404f-aa84-85f431ea5ec2"));
    QCOMPARE(machine.state, MachineState::Pending);
    QCOMPARE(machine.name, QStringLiteral("web 01"));
    const QByteArray stored = QJsonDocument(machine.toJson()).toJson();
    QVERIFY2(!stored.contains("v5{Fkvb#2ycPGwHs"), stored);
    QVERIFY(!log.isEmpty());
    for (const QString &line : std::as_const(log))
        QVERIFY2(!line.contains(QStringLiteral("v5{Fkvb#2ycPGwHs")), qPrintable(line));
}

void TestVultrCreate::sendsEachKindOfImage_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("operating system") << "2136"
                                      << "os_id" << QJsonValue(2136);
    QTest::newRow("snapshot") << exampleKeyId << "snapshot_id" << QJsonValue(exampleKeyId);
    QTest::newRow("marketplace application")
        << "openlitespeed-wordpress"
        << "image_id" << QJsonValue(QStringLiteral("openlitespeed-wordpress"));
    QTest::newRow("explicit os") << "os:215"
                                 << "os_id" << QJsonValue(215);
    QTest::newRow("explicit snapshot") << "snapshot:abc"
                                       << "snapshot_id" << QJsonValue(QStringLiteral("abc"));
    QTest::newRow("explicit image") << "image:docker"
                                    << "image_id" << QJsonValue(QStringLiteral("docker"));
}

void TestVultrCreate::sendsEachKindOfImage()
{
    QFETCH(QString, image);
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("POST", QStringLiteral("/v2/instances"),
              FakeResponse::file(QStringLiteral("vultr/instance-created.json"), 202));
    auto vultr = provider(server);
    CreateMachineRequest request;
    request.region = QStringLiteral("ewr");
    request.size = QStringLiteral("vc2-1c-1gb");
    request.image = image;
    request.sshKeys = {laptopKeyId}; // ids only: no lookup needed
    const auto outcome = createMachine(*vultr, request);
    QVERIFY2(outcome->ok(), outcome->describe());
    QCOMPARE(server.requestCount(), 1);
    const QJsonObject body = server.lastRequest().json();
    QStringList fields = body.keys();
    fields.sort();
    QStringList expected {field, QStringLiteral("plan"), QStringLiteral("region"),
                          QStringLiteral("sshkey_id")};
    expected.sort();
    QCOMPARE(fields, expected);
    QCOMPARE(body.value(field), value);
}

void TestVultrCreate::refusesAnUnknownKey()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v2/ssh-keys"),
              FakeResponse::file(QStringLiteral("vultr/ssh-keys.json")));
    auto vultr = provider(server);
    CreateMachineRequest request = webServer();
    request.sshKeys = {QStringLiteral("no-such-key")};
    const auto outcome = createMachine(*vultr, request);
    QVERIFY(outcome->result);
    QCOMPARE(outcome->error().kind(), Error::InvalidInput);
    QVERIFY2(outcome->error().message().contains(QStringLiteral("no-such-key")),
             outcome->describe());
    QCOMPARE(server.requests("POST", QStringLiteral("/v2/instances")).size(), 0);

    // A key line that is registered is found by its key material.
    request.sshKeys = {laptopKey};
    server.on("POST", QStringLiteral("/v2/instances"),
              FakeResponse::file(QStringLiteral("vultr/instance-created.json"), 202));
    const auto byLine = createMachine(*vultr, request);
    QVERIFY2(byLine->ok(), byLine->describe());
    QCOMPARE(server.lastRequest().json().value(u"sshkey_id").toArray(), QJsonArray({laptopKeyId}));
}

void TestVultrCreate::refusesIncompleteCreate()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    auto vultr = provider(server);
    CreateMachineRequest request = webServer();
    request.image.clear();
    const auto outcome = createMachine(*vultr, request);
    QVERIFY(outcome->result);
    QVERIFY(!outcome->calledSynchronously);
    QCOMPARE(outcome->error().kind(), Error::InvalidInput);
    QCOMPARE(server.requestCount(), 0);
}

void TestVultrCreate::listsRegions()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v2/regions"),
              FakeResponse::file(QStringLiteral("vultr/regions.json")));
    auto vultr = provider(server);
    const auto outcome = listRegions(*vultr);
    QVERIFY2(outcome->ok(), outcome->describe());
    const QList<Region> regions = outcome->result->value();
    QCOMPARE(regions.size(), 3);
    QCOMPARE(regions.at(0).id, QStringLiteral("ams"));
    QCOMPARE(regions.at(0).name, QStringLiteral("Amsterdam"));
    QCOMPARE(regions.at(0).country, QStringLiteral("NL"));
    QVERIFY(regions.at(0).available);
    QCOMPARE(server.lastRequest().query.queryItemValue(QStringLiteral("per_page")),
             QStringLiteral("500"));
    QCOMPARE(server.lastRequest().header("Authorization"), "Bearer " + token);
}

void TestVultrCreate::listsPlans()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v2/plans"),
              FakeResponse::file(QStringLiteral("vultr/plans.json")));
    auto vultr = provider(server);
    const auto outcome = listSizes(*vultr);
    QVERIFY2(outcome->ok(), outcome->describe());
    const QList<Size> plans = outcome->result->value();
    QCOMPARE(plans.size(), 6);
    const Size &small = plans.at(0);
    QCOMPARE(small.id, QStringLiteral("vc2-1c-1gb"));
    QCOMPARE(small.description, QStringLiteral("Cloud Compute"));
    QCOMPARE(small.vcpus, 1);
    QCOMPARE(small.memoryMb, 1024);
    QCOMPARE(small.diskGb, 25);
    QCOMPARE(small.priceMonthly, std::optional<double>(5));
    QCOMPARE(small.priceHourly, std::optional<double>(5.0 / 672));
    QCOMPARE(small.regions,
             QStringList({u"ewr"_s, u"atl"_s, u"ams"_s})); // where it can be deployed
    QVERIFY(small.available);
    QCOMPARE(plans.at(1).priceMonthly, std::optional<double>(2.5));
    QCOMPARE(plans.at(4).description, QStringLiteral("High Frequency"));
    QVERIFY(!plans.at(5).available); // no locations: sold out everywhere
}

void TestVultrCreate::usesHourlyCostWhenGiven()
{
    const auto plans = VultrParser::plans(QJsonDocument::fromJson(R"({"plans": [
        {"id": "vc2-1c-1gb", "vcpu_count": 1, "ram": 1024, "disk": 25, "monthly_cost": 5,
         "hourly_cost": 0.007, "locations": ["ewr"]}],
        "meta": {"total": 1, "links": {"next": "", "prev": ""}}})")
                                              .object());
    QVERIFY(plans.ok());
    QCOMPARE(plans.value().first().priceHourly, std::optional<double>(0.007));
}

void TestVultrCreate::listsImages()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v2/os"), FakeResponse::file(QStringLiteral("vultr/os.json")));
    server.on("GET", QStringLiteral("/v2/snapshots"),
              FakeResponse::file(QStringLiteral("vultr/snapshots.json")));
    auto vultr = provider(server);
    const auto outcome = listImages(*vultr);
    QVERIFY2(outcome->ok(), outcome->describe());
    const QList<Image> images = outcome->result->value();
    QStringList ids;
    for (const Image &image : images)
        ids.append(image.id);
    // The pseudo systems (Custom, Snapshot, Backup, Application) and the pending snapshot are out.
    QCOMPARE(ids, QStringList({u"215"_s, u"2136"_s, u"2284"_s, u"2514"_s, exampleKeyId}));
    QCOMPARE(images.at(1).name, QStringLiteral("Debian 12 x64 (bookworm)"));
    QCOMPARE(images.at(1).distribution, QStringLiteral("debian"));
    QCOMPARE(images.at(1).kind, QStringLiteral("distribution"));
    QCOMPARE(images.at(4).name, QStringLiteral("Example Snapshot"));
    QCOMPARE(images.at(4).kind, QStringLiteral("snapshot"));
    QCOMPARE(server.requests("GET", QStringLiteral("/v2/os")).size(), 1);
    QCOMPARE(server.requests("GET", QStringLiteral("/v2/snapshots")).size(), 1);
}

void TestVultrCreate::listsSshKeys()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v2/ssh-keys"),
              FakeResponse::file(QStringLiteral("vultr/ssh-keys.json")));
    auto vultr = provider(server);
    const auto outcome = listSshKeys(*vultr);
    QVERIFY2(outcome->ok(), outcome->describe());
    const QList<SshKey> keys = outcome->result->value();
    QCOMPARE(keys.size(), 2);
    QCOMPARE(keys.at(0).id, exampleKeyId);
    QCOMPARE(keys.at(0).name, QStringLiteral("Example SSH Key"));
    QCOMPARE(keys.at(0).fingerprint,
             QStringLiteral("SHA256:eyV579JWcVqhyeWqsDcP//hSwjPpMv/4DpVn9nV0HYk"));
    QCOMPARE(keys.at(1).publicKey, laptopKey);
    QCOMPARE(keys.at(1).fingerprint,
             QStringLiteral("SHA256:e3A9f3Y6hFnMMPpSl5IGYU3rlT0OCWhZDE4NMdoH0ao"));
}

QTEST_GUILESS_MAIN(TestVultrCreate)
#include "tst_vultrcreate.moc"
