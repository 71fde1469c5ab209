// DigitalOceanProvider listing droplets from a fake DigitalOcean API: the requests it sends
// (method, path, query, headers) across pages, and every status and field it reads.
#include "digitaloceanprovider.h"
#include "digitaloceantestcase.h"
#include "fakedigitalocean.h"
#include "testhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
Machine byId(const QList<Machine> &machines, const QString &id)
{
    for (const Machine &machine : machines) {
        if (machine.id == id)
            return machine;
    }
    return {};
}
} // namespace

class TestDigitalOceanProvider : public DigitalOceanTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void listsDropletsAcrossThreePages();
    void mapsEveryStatus_data();
    void mapsEveryStatus();
    void readsEveryField();
    void readsAddressesOfEachFamily();
    void dropsDuplicatesAcrossPages();
    void stopsWhenThereAreNoLinks();
    void failsAListingFarShortOfItsTotal();
    void rejectsANextLinkThatLoops();
    void endpointOverrideKeepsItsPath();
    void deletingTheProviderCancels();
};

void TestDigitalOceanProvider::listsDropletsAcrossThreePages()
{
    const auto result = list();
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(AsyncResult::describe(result->error())));
    QStringList ids;
    for (const Machine &machine : result->value())
        ids.append(machine.id);
    QCOMPARE(ids, QStringList({QStringLiteral("3164444"), QStringLiteral("3164445"),
                               QStringLiteral("3164459"), QStringLiteral("3164460"),
                               QStringLiteral("3164412")}));

    const auto requests = m_server->requests("GET", QStringLiteral("/v2/droplets"));
    QCOMPARE(requests.size(), 3);
    QCOMPARE(m_server->requestCount(), 3);
    QCOMPARE(FakeDigitalOcean::pagesRequested(requests),
             QStringList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
    const QByteArray host = "127.0.0.1:" + QByteArray::number(m_server->port());
    for (const RecordedRequest &request : requests) {
        QCOMPARE(request.query.queryItemValue(QStringLiteral("per_page")), QStringLiteral("2"));
        QCOMPARE(request.header("Authorization"), FakeDigitalOcean::bearer());
        // links.pages.next names https://api.digitalocean.com: only its page number is used.
        QCOMPARE(request.header("Host"), host);
        QVERIFY(request.body.isEmpty());
    }
}

void TestDigitalOceanProvider::mapsEveryStatus_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("status");
    QTest::addColumn<MachineState::State>("state");
    QTest::newRow("new") << "3164445"
                         << "new" << MachineState::Pending;
    QTest::newRow("active") << "3164444"
                            << "active" << MachineState::Running;
    QTest::newRow("off") << "3164459"
                         << "off" << MachineState::Stopped;
    QTest::newRow("archive") << "3164460"
                             << "archive" << MachineState::Suspended;
}

void TestDigitalOceanProvider::mapsEveryStatus()
{
    QFETCH(QString, id);
    QFETCH(QString, status);
    QFETCH(MachineState::State, state);
    const auto result = list();
    QVERIFY(result && result->ok());
    const Machine machine = byId(result->value(), id);
    QCOMPARE(machine.id, id);
    QCOMPARE(machine.providerState, status);
    QCOMPARE(machine.state, state);
    // A status the reference does not list yet is kept as text and shown as unknown.
    QCOMPARE(DigitalOceanParser::state(QStringLiteral("resizing")), MachineState::Unknown);
}

void TestDigitalOceanProvider::readsEveryField()
{
    const auto result = list();
    QVERIFY(result && result->ok());

    // The reference's example droplet, unchanged.
    const Machine web = byId(result->value(), QStringLiteral("3164444"));
    QCOMPARE(web.providerId, QStringLiteral("digitalocean"));
    QCOMPARE(web.name, QStringLiteral("example.com"));
    QCOMPARE(web.region, QStringLiteral("nyc3"));
    QCOMPARE(web.extra.value(QStringLiteral("regionName")).toString(),
             QStringLiteral("New York 3"));
    QCOMPARE(web.size, QStringLiteral("s-1vcpu-1gb"));
    QCOMPARE(web.image, QStringLiteral("Ubuntu 20.04 (LTS) x64"));
    QCOMPARE(web.extra.value(QStringLiteral("imageSlug")).toString(),
             QStringLiteral("ubuntu-20-04-x64"));
    QCOMPARE(web.extra.value(QStringLiteral("imageId")).toString(), QStringLiteral("63663980"));
    QCOMPARE(web.publicIpv4, QStringList({QStringLiteral("192.241.165.154")}));
    QCOMPARE(web.privateIpv4, QStringList({QStringLiteral("10.128.192.124")}));
    QCOMPARE(web.publicIpv6, QStringList({QStringLiteral("2604:a880:0:1010::18a:a001")}));
    QVERIFY(web.privateIpv6.isEmpty());
    QCOMPARE(web.tags, QStringList({QStringLiteral("web"), QStringLiteral("env:prod")}));
    QCOMPARE(web.createdAt, QDateTime(QDate(2020, 7, 21), QTime(18, 37, 44), Qt::UTC));
    QVERIFY(web.pricePerMonth.has_value());
    QCOMPARE(*web.pricePerMonth, 5.0);
    QVERIFY(web.pricePerHour.has_value());
    QCOMPARE(*web.pricePerHour, 0.00743999984115362);
    QCOMPARE(web.vcpus, 1);
    QCOMPARE(web.memoryMb, 1024);
    QCOMPARE(web.diskGb, 25);
    QCOMPARE(web.extra.value(QStringLiteral("vpcUuid")).toString(),
             QStringLiteral("760e09ef-dc84-11e8-981e-3cfdfeaae000"));
    QCOMPARE(web.extra.value(QStringLiteral("features")).toStringList(),
             QStringList({QStringLiteral("backups"), QStringLiteral("private_networking"),
                          QStringLiteral("ipv6")}));
    QVERIFY(!web.extra.contains(QStringLiteral("locked")));
    QCOMPARE(web.primaryIp(), QStringLiteral("192.241.165.154"));

    // Being created: locked, no addresses yet, its own size and price.
    const Machine building = byId(result->value(), QStringLiteral("3164445"));
    QCOMPARE(building.name, QStringLiteral("build-01"));
    QVERIFY(building.publicIps().isEmpty());
    QVERIFY(building.privateIps().isEmpty());
    QCOMPARE(building.extra.value(QStringLiteral("locked")).toBool(), true);
    QCOMPARE(building.region, QStringLiteral("fra1"));
    QCOMPARE(building.size, QStringLiteral("s-2vcpu-2gb"));
    QCOMPARE(building.image, QStringLiteral("Debian 12 x64"));
    QCOMPARE(*building.pricePerMonth, 18.0);
    QCOMPARE(*building.pricePerHour, 0.02678571);
    QVERIFY(building.tags.isEmpty());
    QCOMPARE(building.createdAt, QDateTime(QDate(2024, 3, 5), QTime(9, 12, 3), Qt::UTC));

    // Archived, from a private snapshot (no slug: the image is known by id only).
    const Machine archived = byId(result->value(), QStringLiteral("3164460"));
    QCOMPARE(archived.image, QStringLiteral("Ubuntu Nifty New Snapshot"));
    QVERIFY(!archived.extra.contains(QStringLiteral("imageSlug")));
    QCOMPARE(archived.extra.value(QStringLiteral("imageId")).toString(), QStringLiteral("7555620"));
    QCOMPARE(archived.size, QStringLiteral("s-4vcpu-8gb"));
    QCOMPARE(*archived.pricePerMonth, 48.0);
    QCOMPARE(archived.tags, QStringList({QStringLiteral("legacy")}));
}

void TestDigitalOceanProvider::readsAddressesOfEachFamily()
{
    const auto result = list();
    QVERIFY(result && result->ok());
    const Machine stage = byId(result->value(), QStringLiteral("3164412"));
    QCOMPARE(stage.publicIpv4, QStringList({QStringLiteral("192.241.247.248")}));
    QVERIFY(stage.privateIpv4.isEmpty());
    QCOMPARE(stage.publicIpv6, QStringList({QStringLiteral("2a03:b0c0:2:d0::1a5:f001")}));
    QCOMPARE(stage.privateIpv6, QStringList({QStringLiteral("fd00:0:2:d0::1a5:f001")}));
    QCOMPARE(stage.region, QStringLiteral("ams3"));
    QCOMPARE(stage.size, QStringLiteral("c-2"));
    QCOMPARE(*stage.pricePerMonth, 42.0);
    QCOMPARE(*stage.pricePerHour, 0.0625);
    QCOMPARE(stage.image, QStringLiteral("Arch Linux A custom image"));

    const Machine off = byId(result->value(), QStringLiteral("3164459"));
    QCOMPARE(off.publicIpv4, QStringList({QStringLiteral("162.243.0.4")}));
    QCOMPARE(off.privateIpv4, QStringList({QStringLiteral("10.128.192.138")}));
    QVERIFY(off.publicIpv6.isEmpty());
    QCOMPARE(off.tags, QStringList({QStringLiteral("storage"), QStringLiteral("env:prod")}));
}

void TestDigitalOceanProvider::dropsDuplicatesAcrossPages()
{
    // A droplet created while we page shifts the offsets: page 2 repeats page 1's last droplet.
    QJsonObject page2 = FakeDigitalOcean::fixture(QStringLiteral("droplets_page2"));
    QJsonArray droplets = page2.value(QLatin1String("droplets")).toArray();
    droplets.prepend(FakeDigitalOcean::fixture(QStringLiteral("droplets_page1"))
                         .value(QLatin1String("droplets"))
                         .toArray()
                         .at(1));
    page2.insert(QStringLiteral("droplets"), droplets);
    m_server->on("GET", QStringLiteral("/v2/droplets"), [page2](const RecordedRequest &request) {
        if (request.query.queryItemValue(QStringLiteral("page")) == QLatin1String("2"))
            return FakeResponse::json(page2);
        return FakeDigitalOcean::page(
            request, {QStringLiteral("droplets_page1"), {}, QStringLiteral("droplets_page3")});
    });
    const auto result = list();
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(AsyncResult::describe(result->error())));
    QCOMPARE(result->value().size(), 5);
    QCOMPARE(m_server->requestCount(), 3);
}

void TestDigitalOceanProvider::failsAListingFarShortOfItsTotal()
{
    // One page of 2 droplets, no next link, and meta.total 1,000,000: the listing contradicts
    // itself, so it fails (and the cache keeps what the user saw) rather than replacing 440 rows.
    QJsonObject page = FakeDigitalOcean::fixture(QStringLiteral("droplets_page1"));
    page.remove(QStringLiteral("links"));
    page.insert(QStringLiteral("meta"), QJsonObject {{QStringLiteral("total"), 1'000'000}});
    m_server->on("GET", QStringLiteral("/v2/droplets"), FakeResponse::json(page));
    const auto result = list();
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().kind(), Error::InvalidReply);
    QVERIFY2(result->error().message().contains(QLatin1String("states 1000000 items but ended "
                                                              "after 2")),
             qPrintable(result->error().message()));

    // A few short of the total (droplets deleted while paging) is honest.
    page.insert(QStringLiteral("meta"), QJsonObject {{QStringLiteral("total"), 5}});
    m_server->on("GET", QStringLiteral("/v2/droplets"), FakeResponse::json(page));
    const auto close = list();
    QVERIFY(close && close->ok());
    QCOMPARE(close->value().size(), 2);
}

void TestDigitalOceanProvider::stopsWhenThereAreNoLinks()
{
    // "If the response contains 20 objects or fewer, no links object will be returned."
    QJsonObject only = FakeDigitalOcean::fixture(QStringLiteral("droplets_page1"));
    only.remove(QStringLiteral("links"));
    m_server->on("GET", QStringLiteral("/v2/droplets"), FakeResponse::json(only));
    const auto result = list();
    QVERIFY(result && result->ok());
    QCOMPARE(result->value().size(), 2);
    QCOMPARE(m_server->requestCount(), 1);

    // ... and "pages" holds only the links that make sense: none on the last page.
    only.insert(QStringLiteral("links"), QJsonObject {{QStringLiteral("pages"), QJsonObject()}});
    m_server->on("GET", QStringLiteral("/v2/droplets"), FakeResponse::json(only));
    m_server->clearRequests();
    const auto again = list();
    QVERIFY(again && again->ok());
    QCOMPARE(m_server->requestCount(), 1);
}

void TestDigitalOceanProvider::rejectsANextLinkThatLoops()
{
    QJsonObject page = FakeDigitalOcean::fixture(QStringLiteral("droplets_page2"));
    page.insert(QStringLiteral("links"),
                QJsonObject {{QStringLiteral("pages"),
                              QJsonObject {{QStringLiteral("next"),
                                            QStringLiteral("https://api.digitalocean.com/v2/"
                                                           "droplets?page=1&per_page=2")}}}});
    m_server->on("GET", QStringLiteral("/v2/droplets"), [page](const RecordedRequest &request) {
        if (request.query.queryItemValue(QStringLiteral("page")) == QLatin1String("2"))
            return FakeResponse::json(page);
        return FakeDigitalOcean::page(request, {QStringLiteral("droplets_page1")});
    });
    const auto result = list();
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind(), Error::InvalidReply);
    QVERIFY2(result->error().message().contains(QLatin1String("page 1")),
             qPrintable(result->error().message()));
    // Page 1 states 5 droplets, 2 a page: pages 2 and 3 go out together, then no more.
    QVERIFY2(m_server->requestCount() <= 3, qPrintable(QString::number(m_server->requestCount())));
}

void TestDigitalOceanProvider::endpointOverrideKeepsItsPath()
{
    // An override replaces the documented base URL whole, path included (a proxy, a test).
    Account account = m_fake->account();
    account.endpoint = m_server->url(QStringLiteral("/proxy/do"));
    DigitalOceanProvider provider(FakeDigitalOcean::metadata(), account,
                                  {{QStringLiteral("token"), QString::fromLatin1("t0k")}});
    m_server->on("GET", QStringLiteral("/proxy/do/v2/account"),
                 FakeDigitalOcean::reply(QStringLiteral("account")));
    const auto result =
        AsyncResult::await<QString>([&provider](auto done) { provider.verify(done); });
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(AsyncResult::describe(result->error())));
    QCOMPARE(m_server->lastRequest().path, QStringLiteral("/proxy/do/v2/account"));
    QCOMPARE(m_server->lastRequest().header("Authorization"), QByteArray("Bearer t0k"));
    // Without an override: the documented "servers" URL.
    QCOMPARE(FakeDigitalOcean::metadata().defaultEndpoint,
             QUrl(QStringLiteral("https://api.digitalocean.com")));
}

void TestDigitalOceanProvider::deletingTheProviderCancels()
{
    m_server->on("GET", QStringLiteral("/v2/droplets"),
                 FakeDigitalOcean::reply(QStringLiteral("droplets_page1")).withDelay(300));
    int calls = 0;
    m_provider->listMachines([&calls](Result<QList<Machine>>) { ++calls; });
    QTRY_COMPARE(m_server->requestCount(), 1);
    m_provider.reset();
    // A second account asks for something answered later than the first reply: once it has its
    // answer, the first reply has come and gone, and nobody may have been called back for it.
    m_server->on("GET", QStringLiteral("/v2/account"),
                 FakeDigitalOcean::reply(QStringLiteral("account")).withDelay(600));
    const auto other = m_fake->provider();
    const auto result = AsyncResult::await<QString>([&other](auto done) { other->verify(done); });
    QVERIFY(result && result->ok());
    QCOMPARE(calls, 0);
}

QTEST_GUILESS_MAIN(TestDigitalOceanProvider)
#include "tst_digitaloceanprovider.moc"
