// LinodeProvider end to end against a fake Linode API: every page, every state, prices joined from
// the type catalog, each power action. The requests are checked as well as what is read from the
// replies. Create and the catalogs: tst_linodecreate.
#include "linodetesting.h"
#include "pricedlistchecks.h"

#include <QJsonArray>
#include <QTest>

using namespace LinodeTesting;

using namespace Qt::StringLiterals;

class TestLinodeProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsEveryPageWithPrices();
    void dropsDuplicatesAcrossPages();
    void failsAListingFarShortOfItsResults();
    void cachesThePriceCatalog();
    void listsMachinesWhenPricesAreUnavailable();
    void mapsEveryState_data();
    void mapsEveryState();
    void runsActions_data();
    void runsActions();
    void hasNoForcedPowerOff();
    void verifiesWithTheProfile();
    void usesTheDocumentedEndpoint();
    void keepsPageSizeInLinodesRange();
};

void TestLinodeProvider::listsEveryPageWithPrices()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    serveInstancePages(server);
    auto linode = provider(server);

    const auto outcome = listMachines(*linode);
    QVERIFY2(outcome->ok(), outcome->describe());
    QVERIFY(!outcome->calledSynchronously);
    QCOMPARE(outcome->calls, 1);

    // The requests: three pages in order, the largest page size Linode allows, the token on each.
    const auto pages = server.requests("GET", QStringLiteral("/v4/linode/instances"));
    QCOMPARE(pages.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(pages.at(i).query.queryItemValue(QStringLiteral("page")), QString::number(i + 1));
        QCOMPARE(pages.at(i).query.queryItemValue(QStringLiteral("page_size")),
                 QStringLiteral("500"));
        QCOMPARE(pages.at(i).header("Authorization"), "Bearer " + token);
    }
    const auto types = server.requests("GET", QStringLiteral("/v4/linode/types"));
    QCOMPARE(types.size(), 1);
    QCOMPARE(types.first().header("Authorization"), "Bearer " + token);

    const QList<Machine> machines = outcome->result->value();
    QCOMPARE(machines.size(), 5);
    QStringList ids;
    for (const Machine &machine : machines)
        ids.append(machine.id);
    QCOMPARE(ids, QStringList({u"123"_s, u"124"_s, u"125"_s, u"126"_s, u"127"_s}));

    const Machine *first = find(machines, QStringLiteral("123"));
    QCOMPARE(first->providerId, QStringLiteral("linode"));
    QCOMPARE(first->name, QStringLiteral("linode123"));
    QCOMPARE(first->state, MachineState::Running);
    QCOMPARE(first->providerState, QStringLiteral("running"));
    QCOMPARE(first->region, QStringLiteral("us-east"));
    QCOMPARE(first->size, QStringLiteral("g6-standard-2"));
    QCOMPARE(first->image, QStringLiteral("linode/debian12"));
    QCOMPARE(first->publicIpv4, QStringList {u"203.0.113.1"_s});
    QCOMPARE(first->privateIpv4, QStringList {u"192.168.133.27"_s});
    QCOMPARE(first->publicIpv6, QStringList {u"c001:d00d::1337"_s}); // "/128" is not part of it
    QVERIFY(first->privateIpv6.isEmpty());
    QCOMPARE(first->tags, QStringList({u"example tag"_s, u"another example"_s}));
    // Linode's timestamps have no zone and are UTC, whatever the zone of this computer.
    QCOMPARE(first->createdAt, QDateTime(QDate(2018, 1, 1), QTime(0, 1, 1), Qt::UTC));
    QCOMPARE(first->vcpus, 2);
    QCOMPARE(first->memoryMb, 4096);
    QCOMPARE(first->diskGb, 80); // 81920 MB
    QCOMPARE(first->pricePerMonth, std::optional<double>(24));
    QCOMPARE(first->pricePerHour, std::optional<double>(0.036));
    QCOMPARE(first->extra.value(QStringLiteral("hypervisor")).toString(), QStringLiteral("kvm"));

    // Jakarta has its own price for the same type (region_prices).
    const Machine *jakarta = find(machines, QStringLiteral("124"));
    QCOMPARE(jakarta->state, MachineState::Stopped);
    QCOMPARE(jakarta->region, QStringLiteral("id-cgk"));
    QCOMPARE(jakarta->pricePerMonth, std::optional<double>(14.4));
    QCOMPARE(jakarta->pricePerHour, std::optional<double>(0.0216));
    QVERIFY(jakarta->image.isEmpty()); // "image": null
    QVERIFY(jakarta->publicIpv6.isEmpty()); // "ipv6": null
    QCOMPARE(jakarta->createdAt, QDateTime(QDate(2023, 6, 30), QTime(14, 5, 9), Qt::UTC));
    QCOMPARE(jakarta->diskGb, 50);

    // One list of IPv4 addresses: the private ranges are told apart by address alone.
    const Machine *worker = find(machines, QStringLiteral("125"));
    QCOMPARE(worker->publicIpv4, QStringList {u"192.0.2.10"_s});
    QCOMPARE(worker->privateIpv4, QStringList({u"10.0.0.5"_s, u"172.16.3.4"_s}));
    QCOMPARE(worker->publicIpv6, QStringList {u"2600:3c03::f03c:91ff:fe24:3a2f"_s});
    QCOMPARE(worker->state, MachineState::Starting);
    QCOMPARE(worker->extra.value(QStringLiteral("lkeClusterId")).toString(),
             QStringLiteral("4711"));
    QCOMPARE(worker->pricePerMonth, std::optional<double>(5));
    const Machine *second = find(machines, QStringLiteral("126"));
    QCOMPARE(second->publicIpv4,
             QStringList({u"192.0.2.11"_s, u"172.32.0.1"_s})); // outside 172.16/12
    QCOMPARE(second->state, MachineState::Rebooting);
    const Machine *builder = find(machines, QStringLiteral("127"));
    QCOMPARE(builder->state, MachineState::Pending);
    QCOMPARE(builder->image, QStringLiteral("private/15"));
    QCOMPARE(builder->pricePerMonth, std::optional<double>(50.4));
    QCOMPARE(builder->pricePerHour, std::optional<double>(0.0756));

    // X-RateLimit-* were read.
    const auto limit = linode->http()->lastRateLimit();
    QVERIFY(limit.has_value());
    QCOMPARE(limit->limit, 800);
    QCOMPARE(limit->remaining, 799);
    QVERIFY(limit->reset > QDateTime::currentDateTimeUtc());
}

void TestLinodeProvider::dropsDuplicatesAcrossPages()
{
    // Pages are offsets: a Linode created while we page shifts the rest, so page 2 repeats
    // page 1's last Linode (123, 124 | 124, 125, 126 | 127). The first copy is kept.
    FakeCloudServer server;
    QVERIFY(server.listen());
    serveInstancePages(server);
    QJsonObject page2 = readJsonFixture(QStringLiteral("linode/instances-page2.json")).object();
    QJsonArray shifted = page2.value(QLatin1String("data")).toArray();
    shifted.prepend(readJsonFixture(QStringLiteral("linode/instances-page1.json"))
                        .object()
                        .value(QLatin1String("data"))
                        .toArray()
                        .last());
    page2.insert(QStringLiteral("data"), shifted);
    server.on("GET", QStringLiteral("/v4/linode/instances"),
              [page2](const RecordedRequest &request) {
                  const QString page = request.query.queryItemValue(QStringLiteral("page"));
                  if (page == QLatin1String("2"))
                      return withRateLimit(FakeResponse::json(page2));
                  return withRateLimit(
                      FakeResponse::file(QStringLiteral("linode/instances-page%1.json").arg(page)));
              });
    auto linode = provider(server);
    const auto outcome = listMachines(*linode);
    QVERIFY2(outcome->ok(), outcome->describe());
    QStringList ids;
    for (const Machine &machine : outcome->result->value())
        ids.append(machine.id);
    QCOMPARE(ids.size(), 5);
    QCOMPARE(ids.first(), QStringLiteral("123"));
    QCOMPARE(ids.count(QStringLiteral("124")), 1);
    QCOMPARE(server.requests("GET", QStringLiteral("/v4/linode/instances")).size(), 3);
}

void TestLinodeProvider::failsAListingFarShortOfItsResults()
{
    // Page 1 of 1 with its 2 Linodes but "results": 1000000: the listing contradicts itself.
    FakeCloudServer server;
    QVERIFY(server.listen());
    serveInstancePages(server);
    QJsonObject page = readJsonFixture(QStringLiteral("linode/instances-page1.json")).object();
    page.insert(QStringLiteral("pages"), 1);
    page.insert(QStringLiteral("results"), 1'000'000);
    server.on("GET", QStringLiteral("/v4/linode/instances"),
              withRateLimit(FakeResponse::json(page)));
    auto linode = provider(server);
    const auto outcome = listMachines(*linode);
    QVERIFY(outcome->result && !outcome->ok());
    QCOMPARE(outcome->error().kind(), Error::InvalidReply);
    QVERIFY2(outcome->error().message().contains(QLatin1String("1000000")), outcome->describe());

    // As many as stated: a complete listing.
    page.insert(QStringLiteral("results"),
                qint64(page.value(QLatin1String("data")).toArray().size()));
    server.on("GET", QStringLiteral("/v4/linode/instances"),
              withRateLimit(FakeResponse::json(page)));
    const auto complete = listMachines(*linode);
    QVERIFY2(complete->ok(), complete->describe());
}

void TestLinodeProvider::cachesThePriceCatalog()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    serveInstancePages(server);
    auto linode = provider(server);
    PricedListChecks::cachesTheCatalog(server, *linode, QStringLiteral("/v4/linode/instances"), 3,
                                       QStringLiteral("/v4/linode/types"), QStringLiteral("123"),
                                       24);
}

void TestLinodeProvider::listsMachinesWhenPricesAreUnavailable()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    serveInstancePages(server);
    auto linode = provider(server);
    PricedListChecks::listsWithoutPrices(
        server, *linode, QStringLiteral("/v4/linode/types"),
        FakeResponse::file(QStringLiteral("linode/error-500.json"), 500),
        FakeResponse::file(QStringLiteral("linode/types.json")), 5, QStringLiteral("123"), 24);
}

void TestLinodeProvider::mapsEveryState_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<MachineState::State>("state");
    QTest::newRow("running") << "running" << MachineState::Running;
    QTest::newRow("offline") << "offline" << MachineState::Stopped;
    QTest::newRow("booting") << "booting" << MachineState::Starting;
    QTest::newRow("busy") << "busy" << MachineState::Starting;
    QTest::newRow("rebooting") << "rebooting" << MachineState::Rebooting;
    QTest::newRow("shutting_down") << "shutting_down" << MachineState::Stopping;
    QTest::newRow("provisioning") << "provisioning" << MachineState::Pending;
    QTest::newRow("deleting") << "deleting" << MachineState::Stopping;
    QTest::newRow("migrating") << "migrating" << MachineState::Pending;
    QTest::newRow("rebuilding") << "rebuilding" << MachineState::Pending;
    QTest::newRow("cloning") << "cloning" << MachineState::Pending;
    QTest::newRow("restoring") << "restoring" << MachineState::Pending;
    QTest::newRow("stopped") << "stopped" << MachineState::Stopped;
    QTest::newRow("billing_suspension") << "billing_suspension" << MachineState::Suspended;
    QTest::newRow("a_status_added_later") << "a_status_added_later" << MachineState::Unknown;
}

void TestLinodeProvider::mapsEveryState()
{
    QFETCH(QString, status);
    QFETCH(MachineState::State, state);
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v4/linode/instances"),
              FakeResponse::file(QStringLiteral("linode/instances-states.json")));
    server.on("GET", QStringLiteral("/v4/linode/types"),
              FakeResponse::file(QStringLiteral("linode/types.json")));
    auto linode = provider(server);
    const auto outcome = listMachines(*linode);
    QVERIFY2(outcome->ok(), outcome->describe());
    QCOMPARE(outcome->result->value().size(), 15);
    const Machine *machine = nullptr;
    for (const Machine &candidate : outcome->result->value()) {
        if (candidate.providerState == status)
            machine = &candidate;
    }
    QVERIFY2(machine, qPrintable(status));
    QCOMPARE(machine->state, state);
    QCOMPARE(machine->name, QStringLiteral("linode-") + QString(status).replace(u'_', u'-'));
}

void TestLinodeProvider::runsActions_data()
{
    QTest::addColumn<MachineAction::Action>("action");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::newRow("start") << MachineAction::Start << QByteArray("POST")
                           << "/v4/linode/instances/123/boot";
    QTest::newRow("shutdown") << MachineAction::Shutdown << QByteArray("POST")
                              << "/v4/linode/instances/123/shutdown";
    QTest::newRow("reboot") << MachineAction::Reboot << QByteArray("POST")
                            << "/v4/linode/instances/123/reboot";
    QTest::newRow("destroy") << MachineAction::Destroy << QByteArray("DELETE")
                             << "/v4/linode/instances/123";
}

void TestLinodeProvider::runsActions()
{
    QFETCH(MachineAction::Action, action);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on(method, path, withRateLimit(FakeResponse::json(QJsonObject())));
    auto linode = provider(server);

    const auto outcome = runAction(*linode, QStringLiteral("123"), action);
    QVERIFY2(outcome->ok(), outcome->describe());
    QVERIFY(!outcome->calledSynchronously);
    QCOMPARE(server.requestCount(), 1);
    const RecordedRequest request = server.lastRequest();
    QCOMPARE(request.method, method);
    QCOMPARE(request.path, path);
    QVERIFY(request.query.isEmpty());
    QCOMPARE(request.header("Authorization"), "Bearer " + token);
    QVERIFY(request.body.isEmpty()); // boot without config_id: the last booted profile
    QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
}

void TestLinodeProvider::hasNoForcedPowerOff()
{
    const ProviderMetadata linodeMetadata = metadata();
    QVERIFY(!linodeMetadata.can(QStringLiteral("poweroff")));
    QVERIFY(linodeMetadata.can(QStringLiteral("shutdown")));
    QVERIFY(!MachineAction::allowed(MachineState::Running, linodeMetadata.capabilities)
                 .contains(MachineAction::PowerOff));

    FakeCloudServer server;
    QVERIFY(server.listen());
    auto linode = provider(server);
    const auto outcome = runAction(*linode, QStringLiteral("123"), MachineAction::PowerOff);
    QVERIFY(outcome->result);
    QVERIFY(!outcome->calledSynchronously);
    QCOMPARE(outcome->error().kind(), Error::Unsupported);
    QVERIFY2(outcome->error().message().contains(QStringLiteral("shut")), outcome->describe());
    QCOMPARE(server.requestCount(), 0);
}

void TestLinodeProvider::verifiesWithTheProfile()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v4/profile"),
              FakeResponse::file(QStringLiteral("linode/profile.json")));
    auto linode = provider(server);
    const auto outcome = verify(*linode);
    QVERIFY2(outcome->ok(), outcome->describe());
    QCOMPARE(outcome->result->value(), QStringLiteral("exampleUser (example-user@gmail.com)"));
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(server.lastRequest().header("Authorization"), "Bearer " + token);
}

void TestLinodeProvider::usesTheDocumentedEndpoint()
{
    Account account;
    account.id = QStringLiteral("no-endpoint");
    account.providerId = QStringLiteral("linode");
    LinodeProvider linode(metadata(), account, {});
    QCOMPARE(linode.baseUrl(), QUrl(QStringLiteral("https://api.linode.com/v4")));
    QCOMPARE(linode.url(QStringLiteral("/linode/instances")),
             QUrl(QStringLiteral("https://api.linode.com/v4/linode/instances")));
}

void TestLinodeProvider::keepsPageSizeInLinodesRange()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v4/regions"),
              FakeResponse::file(QStringLiteral("linode/regions.json")));
    auto linode = provider(server);
    linode->setPageSize(10);
    QCOMPARE(linode->pageSize(), 25);
    linode->setPageSize(10'000);
    QCOMPARE(linode->pageSize(), 500);
    linode->setPageSize(25);
    const auto outcome = listRegions(*linode);
    QVERIFY2(outcome->ok(), outcome->describe());
    QCOMPARE(server.lastRequest().query.queryItemValue(QStringLiteral("page_size")),
             QStringLiteral("25"));
}

QTEST_GUILESS_MAIN(TestLinodeProvider)
#include "tst_linodeprovider.moc"
