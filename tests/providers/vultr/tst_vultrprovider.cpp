// VultrProvider end to end against a fake Vultr API: every cursor page, every combination of the
// three status words, prices joined from the plan catalog, each power action, create, the
// catalogs. The requests are checked as well as what is read from the replies.
#include "vultrparser.h"
#include "vultrtesting.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QTest>

using namespace VultrTesting;

using namespace Qt::StringLiterals;

namespace {
const QString exampleKeyId = QStringLiteral("cb676a46-66fd-4dfb-b839-443f2e6c0b60");
const QString laptopKeyId = QStringLiteral("3b8066a7-b438-455a-9688-44afc9a3597f");
const QString laptopKey = QStringLiteral(
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIvzOyD6BnX3pwXFkLoJHGwplQoys/ykH1CRBOVK2GKg laptop");

QStringList *s_log = nullptr;
void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    if (s_log)
        s_log->append(QString::fromLatin1(context.category ? context.category : "") + u' '
                      + message);
}

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

class TestVultrProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsEveryPageWithPrices();
    void cachesThePlanCatalog();
    void listsMachinesWhenPlansAreUnavailable();
    void mapsEveryState_data();
    void mapsEveryState();
    void runsActions_data();
    void runsActions();
    void hasNoGracefulShutdown();
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
    void verifiesWithTheAccount();
    void usesTheDocumentedEndpoint();
};

void TestVultrProvider::listsEveryPageWithPrices()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    serveInstancePages(server);
    auto vultr = provider(server);

    const auto outcome = AsyncResult::run<QList<Machine>>(
        [&](Callback<QList<Machine>> done) { vultr->listMachines(std::move(done)); });
    QVERIFY2(outcome->ok(), outcome->describe());
    QVERIFY(!outcome->calledSynchronously);
    QCOMPARE(outcome->calls, 1);

    // Three pages: the first without a cursor, then meta.links.next as "cursor" each time,
    // percent-encoded so that '+' stays a plus.
    const auto pages = server.requests("GET", QStringLiteral("/v2/instances"));
    QCOMPARE(pages.size(), 3);
    QVERIFY(!pages.at(0).query.hasQueryItem(QStringLiteral("cursor")));
    QCOMPARE(pages.at(1).query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded),
             secondPage);
    QVERIFY2(pages.at(1).target.contains("cursor=bmV4dF9fMg%2B%2Fx%3D%3D"), pages.at(1).target);
    QCOMPARE(pages.at(2).query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded),
             thirdPage);
    for (const RecordedRequest &page : pages) {
        QCOMPARE(page.query.queryItemValue(QStringLiteral("per_page")), QStringLiteral("500"));
        QCOMPARE(page.header("Authorization"), "Bearer " + token);
    }
    const auto plans = server.requests("GET", QStringLiteral("/v2/plans"));
    QCOMPARE(plans.size(), 1);
    QCOMPARE(plans.first().header("Authorization"), "Bearer " + token);

    const QList<Machine> machines = outcome->result->value();
    QCOMPARE(machines.size(), 5);
    const Machine *first = find(machines, exampleKeyId); // the docs' example instance id
    QVERIFY(first);
    QCOMPARE(first->providerId, QStringLiteral("vultr"));
    QCOMPARE(first->name, QStringLiteral("Example Instance"));
    QCOMPARE(first->state, MachineState::Running);
    QCOMPARE(first->providerState, QStringLiteral("active (running, ok)"));
    QCOMPARE(first->region, QStringLiteral("atl"));
    QCOMPARE(first->size, QStringLiteral("vc2-6c-16gb"));
    QCOMPARE(first->image, QStringLiteral("CentOS SELinux 8 x64"));
    QCOMPARE(first->publicIpv4, QStringList {u"192.0.2.123"_s});
    QVERIFY(first->privateIpv4.isEmpty()); // "internal_ip": ""
    QCOMPARE(first->publicIpv6, QStringList {u"2001:db8:1112:18fb:200:ff:fe00:0"_s});
    QCOMPARE(first->tags, QStringList({u"a tag"_s, u"another"_s}));
    QCOMPARE(first->createdAt, QDateTime(QDate(2020, 10, 10), QTime(1, 56, 20), Qt::UTC));
    QCOMPARE(first->vcpus, 6);
    QCOMPARE(first->memoryMb, 16384);
    QCOMPARE(first->diskGb, 320);
    QCOMPARE(first->pricePerMonth, std::optional<double>(80));
    QCOMPARE(first->pricePerHour, std::optional<double>(80.0 / 672)); // Vultr's 672-hour month
    QCOMPARE(first->extra.value(QStringLiteral("powerStatus")).toString(),
             QStringLiteral("running"));
    QVERIFY(!first->extra.contains(QStringLiteral("kvm"))); // a console URL with a token in it

    const Machine *db = find(machines, QStringLiteral("1c2d3e4f-0000-4000-8000-000000000002"));
    QCOMPARE(db->state, MachineState::Stopped);
    QCOMPARE(db->providerState, QStringLiteral("active (stopped, ok)"));
    QCOMPARE(db->privateIpv4, QStringList {u"10.1.96.3"_s});
    QVERIFY(db->publicIpv6.isEmpty());
    QCOMPARE(db->pricePerMonth, std::optional<double>(20));

    const Machine *worker = find(machines, QStringLiteral("1c2d3e4f-0000-4000-8000-000000000003"));
    QCOMPARE(worker->state, MachineState::Starting);
    QCOMPARE(worker->publicIpv6, QStringList {u"2001:db8:1112:18fc::1"_s}); // from v6_networks

    // Still being deployed: no label yet, "0.0.0.0" until an address is assigned.
    const Machine *fresh = find(machines, QStringLiteral("4f0f12e5-1f84-404f-aa84-85f431ea5ec2"));
    QCOMPARE(fresh->state, MachineState::Pending);
    QCOMPARE(fresh->name, QStringLiteral("my_hostname"));
    QVERIFY(fresh->publicIps().isEmpty());
    QCOMPARE(fresh->pricePerMonth, std::optional<double>(5));
}

void TestVultrProvider::cachesThePlanCatalog()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    serveInstancePages(server);
    auto vultr = provider(server);
    for (int round = 0; round < 2; ++round) {
        const auto outcome = AsyncResult::run<QList<Machine>>(
            [&](Callback<QList<Machine>> done) { vultr->listMachines(std::move(done)); });
        QVERIFY2(outcome->ok(), outcome->describe());
        QCOMPARE(find(outcome->result->value(), exampleKeyId)->pricePerMonth,
                 std::optional<double>(80));
    }
    QCOMPARE(server.requests("GET", QStringLiteral("/v2/instances")).size(), 6);
    QCOMPARE(server.requests("GET", QStringLiteral("/v2/plans")).size(), 1);
}

void TestVultrProvider::listsMachinesWhenPlansAreUnavailable()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    serveInstancePages(server);
    server.on("GET", QStringLiteral("/v2/plans"),
              FakeResponse::file(QStringLiteral("vultr/error-500.json"), 500));
    auto vultr = provider(server);
    auto outcome = AsyncResult::run<QList<Machine>>(
        [&](Callback<QList<Machine>> done) { vultr->listMachines(std::move(done)); });
    QVERIFY2(outcome->ok(), outcome->describe());
    QCOMPARE(outcome->result->value().size(), 5);
    for (const Machine &machine : outcome->result->value())
        QVERIFY(!machine.pricePerMonth && !machine.pricePerHour);

    server.on("GET", QStringLiteral("/v2/plans"),
              FakeResponse::file(QStringLiteral("vultr/plans.json")));
    outcome = AsyncResult::run<QList<Machine>>(
        [&](Callback<QList<Machine>> done) { vultr->listMachines(std::move(done)); });
    QVERIFY2(outcome->ok(), outcome->describe());
    QCOMPARE(find(outcome->result->value(), exampleKeyId)->pricePerMonth,
             std::optional<double>(80));
}

void TestVultrProvider::mapsEveryState_data()
{
    QTest::addColumn<QString>("providerState");
    QTest::addColumn<MachineState::State>("state");
    QTest::newRow("running, ok") << "active (running, ok)" << MachineState::Running;
    QTest::newRow("installing or booting")
        << "active (running, installingbooting)" << MachineState::Starting;
    QTest::newRow("powered, no server status yet")
        << "active (running, none)" << MachineState::Starting;
    QTest::newRow("locked while running") << "active (running, locked)" << MachineState::Pending;
    QTest::newRow("halted") << "active (stopped, ok)" << MachineState::Stopped;
    QTest::newRow("halted, none") << "active (stopped, none)" << MachineState::Stopped;
    QTest::newRow("halted, locked") << "active (stopped, locked)" << MachineState::Stopped;
    QTest::newRow("pending") << "pending (running, none)" << MachineState::Pending;
    QTest::newRow("pending, stopped") << "pending (stopped, none)" << MachineState::Pending;
    QTest::newRow("suspended") << "suspended (stopped, ok)" << MachineState::Suspended;
    QTest::newRow("suspended while on") << "suspended (running, ok)" << MachineState::Suspended;
    QTest::newRow("resizing") << "resizing (running, ok)" << MachineState::Pending;
    QTest::newRow("resizing, stopped") << "resizing (stopped, locked)" << MachineState::Pending;
    QTest::newRow("unknown power status")
        << "active (a_power_state_added_later, ok)" << MachineState::Unknown;
    QTest::newRow("unknown status")
        << "a_status_added_later (running, ok)" << MachineState::Unknown;
}

void TestVultrProvider::mapsEveryState()
{
    QFETCH(QString, providerState);
    QFETCH(MachineState::State, state);
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v2/instances"),
              FakeResponse::file(QStringLiteral("vultr/instances-states.json")));
    server.on("GET", QStringLiteral("/v2/plans"),
              FakeResponse::file(QStringLiteral("vultr/plans.json")));
    auto vultr = provider(server);
    const auto outcome = AsyncResult::run<QList<Machine>>(
        [&](Callback<QList<Machine>> done) { vultr->listMachines(std::move(done)); });
    QVERIFY2(outcome->ok(), outcome->describe());
    QCOMPARE(outcome->result->value().size(), 15);
    const Machine *machine = nullptr;
    for (const Machine &candidate : outcome->result->value()) {
        if (candidate.providerState == providerState)
            machine = &candidate;
    }
    QVERIFY2(machine, qPrintable(providerState));
    QCOMPARE(machine->state, state);
}

void TestVultrProvider::runsActions_data()
{
    QTest::addColumn<MachineAction::Action>("action");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    const QString instance = QStringLiteral("/v2/instances/") + exampleKeyId;
    QTest::newRow("start") << MachineAction::Start << QByteArray("POST")
                           << instance + QStringLiteral("/start");
    QTest::newRow("poweroff") << MachineAction::PowerOff << QByteArray("POST")
                              << instance + QStringLiteral("/halt");
    QTest::newRow("reboot") << MachineAction::Reboot << QByteArray("POST")
                            << instance + QStringLiteral("/reboot");
    QTest::newRow("destroy") << MachineAction::Destroy << QByteArray("DELETE") << instance;
}

void TestVultrProvider::runsActions()
{
    QFETCH(MachineAction::Action, action);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on(method, path, FakeResponse::raw(204, {}, {})); // 204 No Content, as documented
    auto vultr = provider(server);
    const auto outcome = AsyncResult::run<void>(
        [&](Callback<void> done) { vultr->runAction(exampleKeyId, action, done); });
    QVERIFY2(outcome->ok(), outcome->describe());
    QVERIFY(!outcome->calledSynchronously);
    QCOMPARE(server.requestCount(), 1);
    const RecordedRequest request = server.lastRequest();
    QCOMPARE(request.method, method);
    QCOMPARE(request.path, path);
    QVERIFY(request.query.isEmpty());
    QVERIFY(request.body.isEmpty());
    QCOMPARE(request.header("Authorization"), "Bearer " + token);
}

void TestVultrProvider::hasNoGracefulShutdown()
{
    const ProviderMetadata vultrMetadata = metadata();
    QVERIFY(!vultrMetadata.can(QStringLiteral("shutdown")));
    QVERIFY(vultrMetadata.can(QStringLiteral("poweroff")));
    const auto allowed = MachineAction::allowed(MachineState::Running, vultrMetadata.capabilities);
    QVERIFY(!allowed.contains(MachineAction::Shutdown));
    QVERIFY(allowed.contains(MachineAction::PowerOff));

    FakeCloudServer server;
    QVERIFY(server.listen());
    auto vultr = provider(server);
    const auto outcome = AsyncResult::run<void>([&](Callback<void> done) {
        vultr->runAction(exampleKeyId, MachineAction::Shutdown, done);
    });
    QVERIFY(outcome->result);
    QVERIFY(!outcome->calledSynchronously);
    QCOMPARE(outcome->error().kind(), Error::Unsupported);
    QCOMPARE(server.requestCount(), 0);
}

void TestVultrProvider::createsAnInstance()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v2/ssh-keys"),
              FakeResponse::file(QStringLiteral("vultr/ssh-keys.json")));
    server.on("POST", QStringLiteral("/v2/instances"),
              FakeResponse::file(QStringLiteral("vultr/instance-created.json"), 202));
    auto vultr = provider(server);

    QStringList log;
    s_log = &log;
    QLoggingCategory::setFilterRules(QStringLiteral("clouddeck.*=true"));
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    const auto outcome = AsyncResult::run<Machine>(
        [&](Callback<Machine> done) { vultr->createMachine(webServer(), std::move(done)); });
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    s_log = nullptr;
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

void TestVultrProvider::sendsEachKindOfImage_data()
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

void TestVultrProvider::sendsEachKindOfImage()
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
    const auto outcome = AsyncResult::run<Machine>(
        [&](Callback<Machine> done) { vultr->createMachine(request, std::move(done)); });
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

void TestVultrProvider::refusesAnUnknownKey()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v2/ssh-keys"),
              FakeResponse::file(QStringLiteral("vultr/ssh-keys.json")));
    auto vultr = provider(server);
    CreateMachineRequest request = webServer();
    request.sshKeys = {QStringLiteral("no-such-key")};
    const auto outcome = AsyncResult::run<Machine>(
        [&](Callback<Machine> done) { vultr->createMachine(request, std::move(done)); });
    QVERIFY(outcome->result);
    QCOMPARE(outcome->error().kind(), Error::InvalidInput);
    QVERIFY2(outcome->error().message().contains(QStringLiteral("no-such-key")),
             outcome->describe());
    QCOMPARE(server.requests("POST", QStringLiteral("/v2/instances")).size(), 0);

    // A key line that is registered is found by its key material.
    request.sshKeys = {laptopKey};
    server.on("POST", QStringLiteral("/v2/instances"),
              FakeResponse::file(QStringLiteral("vultr/instance-created.json"), 202));
    const auto byLine = AsyncResult::run<Machine>(
        [&](Callback<Machine> done) { vultr->createMachine(request, std::move(done)); });
    QVERIFY2(byLine->ok(), byLine->describe());
    QCOMPARE(server.lastRequest().json().value(u"sshkey_id").toArray(), QJsonArray({laptopKeyId}));
}

void TestVultrProvider::refusesIncompleteCreate()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    auto vultr = provider(server);
    CreateMachineRequest request = webServer();
    request.image.clear();
    const auto outcome = AsyncResult::run<Machine>(
        [&](Callback<Machine> done) { vultr->createMachine(request, std::move(done)); });
    QVERIFY(outcome->result);
    QVERIFY(!outcome->calledSynchronously);
    QCOMPARE(outcome->error().kind(), Error::InvalidInput);
    QCOMPARE(server.requestCount(), 0);
}

void TestVultrProvider::listsRegions()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v2/regions"),
              FakeResponse::file(QStringLiteral("vultr/regions.json")));
    auto vultr = provider(server);
    const auto outcome = AsyncResult::run<QList<Region>>(
        [&](Callback<QList<Region>> done) { vultr->listRegions(std::move(done)); });
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

void TestVultrProvider::listsPlans()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v2/plans"),
              FakeResponse::file(QStringLiteral("vultr/plans.json")));
    auto vultr = provider(server);
    const auto outcome = AsyncResult::run<QList<Size>>(
        [&](Callback<QList<Size>> done) { vultr->listSizes(std::move(done)); });
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

void TestVultrProvider::usesHourlyCostWhenGiven()
{
    const auto plans = VultrParser::plans(QJsonDocument::fromJson(R"({"plans": [
        {"id": "vc2-1c-1gb", "vcpu_count": 1, "ram": 1024, "disk": 25, "monthly_cost": 5,
         "hourly_cost": 0.007, "locations": ["ewr"]}],
        "meta": {"total": 1, "links": {"next": "", "prev": ""}}})")
                                              .object());
    QVERIFY(plans.ok());
    QCOMPARE(plans.value().first().priceHourly, std::optional<double>(0.007));
}

void TestVultrProvider::listsImages()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v2/os"), FakeResponse::file(QStringLiteral("vultr/os.json")));
    server.on("GET", QStringLiteral("/v2/snapshots"),
              FakeResponse::file(QStringLiteral("vultr/snapshots.json")));
    auto vultr = provider(server);
    const auto outcome = AsyncResult::run<QList<Image>>(
        [&](Callback<QList<Image>> done) { vultr->listImages(std::move(done)); });
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

void TestVultrProvider::listsSshKeys()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v2/ssh-keys"),
              FakeResponse::file(QStringLiteral("vultr/ssh-keys.json")));
    auto vultr = provider(server);
    const auto outcome = AsyncResult::run<QList<SshKey>>(
        [&](Callback<QList<SshKey>> done) { vultr->listSshKeys(std::move(done)); });
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

void TestVultrProvider::verifiesWithTheAccount()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v2/account"),
              FakeResponse::file(QStringLiteral("vultr/account.json")));
    auto vultr = provider(server);
    const auto outcome =
        AsyncResult::run<QString>([&](Callback<QString> done) { vultr->verify(std::move(done)); });
    QVERIFY2(outcome->ok(), outcome->describe());
    QCOMPARE(outcome->result->value(), QStringLiteral("Example Account (admin@example.com)"));
    QCOMPARE(server.lastRequest().header("Authorization"), "Bearer " + token);
}

void TestVultrProvider::usesTheDocumentedEndpoint()
{
    Account account;
    account.id = QStringLiteral("no-endpoint");
    account.providerId = QStringLiteral("vultr");
    VultrProvider vultr(metadata(), account, {});
    QCOMPARE(vultr.url(QStringLiteral("/instances")),
             QUrl(QStringLiteral("https://api.vultr.com/v2/instances")));
    vultr.setPageSize(0);
    QCOMPARE(vultr.pageSize(), 1);
    vultr.setPageSize(9999);
    QCOMPARE(vultr.pageSize(), 500);
}

QTEST_GUILESS_MAIN(TestVultrProvider)
#include "tst_vultrprovider.moc"
