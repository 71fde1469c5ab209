// VultrProvider end to end against a fake Vultr API: every cursor page, every combination of the
// three status words, prices joined from the plan catalog, each power action. The requests are
// checked as well as what is read from the replies. Create and the catalogs: tst_vultrcreate.
#include "pricedlistchecks.h"
#include "vultrparser.h"
#include "vultrtesting.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace VultrTesting;

using namespace Qt::StringLiterals;

namespace {
// The example instance id of Vultr's reference.
const QString exampleInstanceId = QStringLiteral("cb676a46-66fd-4dfb-b839-443f2e6c0b60");
} // namespace

class TestVultrProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsEveryPageWithPrices();
    void cachesThePlanCatalog();
    void failsAListingFarShortOfItsTotal();
    void listsMachinesWhenPlansAreUnavailable();
    void mapsEveryState_data();
    void mapsEveryState();
    void runsActions_data();
    void runsActions();
    void hasNoGracefulShutdown();
    void verifiesWithTheAccount();
    void usesTheDocumentedEndpoint();
};

void TestVultrProvider::listsEveryPageWithPrices()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    serveInstancePages(server);
    auto vultr = provider(server);

    const auto outcome = listMachines(*vultr);
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
    const Machine *first = find(machines, exampleInstanceId);
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
    PricedListChecks::cachesTheCatalog(server, *vultr, QStringLiteral("/v2/instances"), 3,
                                       QStringLiteral("/v2/plans"), exampleInstanceId, 80);
}

void TestVultrProvider::failsAListingFarShortOfItsTotal()
{
    // The first page with no next cursor and meta.total 1000000: the listing contradicts itself.
    FakeCloudServer server;
    QVERIFY(server.listen());
    serveInstancePages(server);
    QJsonObject page = readJsonFixture(QStringLiteral("vultr/instances-page1.json")).object();
    const qsizetype count = page.value(QLatin1String("instances")).toArray().size();
    page.insert(QStringLiteral("meta"),
                QJsonObject {{QStringLiteral("total"), 1'000'000},
                             {QStringLiteral("links"),
                              QJsonObject {{QStringLiteral("next"), QString()},
                                           {QStringLiteral("prev"), QString()}}}});
    server.on("GET", QStringLiteral("/v2/instances"), FakeResponse::json(page));
    auto vultr = provider(server);
    const auto outcome = listMachines(*vultr);
    QVERIFY(outcome->result && !outcome->ok());
    QCOMPARE(outcome->error().kind(), Error::InvalidReply);
    QVERIFY2(outcome->error().message().contains(QLatin1String("1000000")), outcome->describe());

    QJsonObject meta = page.value(QLatin1String("meta")).toObject();
    meta.insert(QStringLiteral("total"), qint64(count));
    page.insert(QStringLiteral("meta"), meta);
    server.on("GET", QStringLiteral("/v2/instances"), FakeResponse::json(page));
    const auto complete = listMachines(*vultr);
    QVERIFY2(complete->ok(), complete->describe());
    QCOMPARE(complete->result->value().size(), count);
}

void TestVultrProvider::listsMachinesWhenPlansAreUnavailable()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    serveInstancePages(server);
    auto vultr = provider(server);
    PricedListChecks::listsWithoutPrices(
        server, *vultr, QStringLiteral("/v2/plans"),
        FakeResponse::file(QStringLiteral("vultr/error-500.json"), 500),
        FakeResponse::file(QStringLiteral("vultr/plans.json")), 5, exampleInstanceId, 80);
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
    const auto outcome = listMachines(*vultr);
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
    const QString instance = QStringLiteral("/v2/instances/") + exampleInstanceId;
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
    const auto outcome = runAction(*vultr, exampleInstanceId, action);
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
    const auto outcome = runAction(*vultr, exampleInstanceId, MachineAction::Shutdown);
    QVERIFY(outcome->result);
    QVERIFY(!outcome->calledSynchronously);
    QCOMPARE(outcome->error().kind(), Error::Unsupported);
    QCOMPARE(server.requestCount(), 0);
}

void TestVultrProvider::verifiesWithTheAccount()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v2/account"),
              FakeResponse::file(QStringLiteral("vultr/account.json")));
    auto vultr = provider(server);
    const auto outcome = verify(*vultr);
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
