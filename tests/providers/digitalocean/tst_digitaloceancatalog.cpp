// DigitalOceanProvider reading the catalogs a create flow needs (regions, sizes with prices,
// images, the account's SSH keys), each across pages, and verifying credentials via /v2/account.
#include "digitaloceanprovider.h"
#include "digitaloceantestcase.h"
#include "fakedigitalocean.h"
#include "testhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

class TestDigitalOceanCatalog : public DigitalOceanTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void listsRegions();
    void listsSizesWithPrices();
    void listsDistributionAndPrivateImages();
    void listsAccountKeys();
    void verifiesWithAccount();
    void verifyReportsALockedAccount();
};

void TestDigitalOceanCatalog::listsRegions()
{
    const auto result =
        AsyncResult::await<QList<Region>>([this](auto done) { m_provider->listRegions(done); });
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(AsyncResult::describe(result->error())));
    const QList<Region> regions = result->value();
    QCOMPARE(regions.size(), 3);
    QCOMPARE(regions.at(0).id, QStringLiteral("nyc3"));
    QCOMPARE(regions.at(0).name, QStringLiteral("New York 3"));
    QVERIFY(regions.at(0).available);
    QVERIFY(regions.at(0).sizes.contains(QStringLiteral("s-1vcpu-1gb")));
    QCOMPARE(regions.at(1).id, QStringLiteral("fra1"));
    QCOMPARE(regions.at(1).sizes,
             QStringList({QStringLiteral("s-1vcpu-1gb"), QStringLiteral("s-2vcpu-2gb"),
                          QStringLiteral("c-2")}));
    QCOMPARE(regions.at(2).id, QStringLiteral("sfo1"));
    QVERIFY(!regions.at(2).available);

    const auto requests = m_server->requests("GET", QStringLiteral("/v2/regions"));
    QCOMPARE(FakeDigitalOcean::pagesRequested(requests),
             QStringList({QStringLiteral("1"), QStringLiteral("2")}));
    for (const RecordedRequest &request : requests) {
        QCOMPARE(request.query.queryItemValue(QStringLiteral("per_page")), QStringLiteral("2"));
        QCOMPARE(request.header("Authorization"), FakeDigitalOcean::bearer());
    }
}

void TestDigitalOceanCatalog::listsSizesWithPrices()
{
    const auto result =
        AsyncResult::await<QList<Size>>([this](auto done) { m_provider->listSizes(done); });
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(AsyncResult::describe(result->error())));
    const QList<Size> sizes = result->value();
    QCOMPARE(sizes.size(), 4);
    const Size &basic = sizes.at(0);
    QCOMPARE(basic.id, QStringLiteral("s-1vcpu-1gb"));
    QCOMPARE(basic.description, QStringLiteral("Basic"));
    QCOMPARE(basic.vcpus, 1);
    QCOMPARE(basic.memoryMb, 1024);
    QCOMPARE(basic.diskGb, 25);
    QCOMPARE(*basic.priceMonthly, 5.0);
    QCOMPARE(*basic.priceHourly, 0.00743999984115362);
    QCOMPARE(basic.regions.size(), 13);
    QVERIFY(basic.available);
    const Size &cpu = sizes.at(2);
    QCOMPARE(cpu.id, QStringLiteral("c-2"));
    QCOMPARE(cpu.description, QStringLiteral("CPU-Optimized"));
    QCOMPARE(*cpu.priceMonthly, 42.0);
    QCOMPARE(*cpu.priceHourly, 0.0625);
    QCOMPARE(cpu.regions,
             QStringList({QStringLiteral("ams3"), QStringLiteral("fra1"), QStringLiteral("nyc3")}));
    QVERIFY(!sizes.at(3).available);
    QCOMPARE(
        FakeDigitalOcean::pagesRequested(m_server->requests("GET", QStringLiteral("/v2/sizes"))),
        QStringList({QStringLiteral("1"), QStringLiteral("2")}));
}

void TestDigitalOceanCatalog::listsDistributionAndPrivateImages()
{
    const auto result =
        AsyncResult::await<QList<Image>>([this](auto done) { m_provider->listImages(done); });
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(AsyncResult::describe(result->error())));
    QStringList ids, kinds;
    for (const Image &image : result->value()) {
        ids.append(image.id);
        kinds.append(image.kind);
    }
    // Distribution images by slug (type "snapshot" in the reply, yet DigitalOcean's own), then
    // the user's snapshot, custom image and backup by id; the upload still pending is left out.
    QCOMPARE(ids, QStringList({QStringLiteral("ubuntu-20-04-x64"), QStringLiteral("debian-12-x64"),
                               QStringLiteral("fedora-39-x64"), QStringLiteral("7555620"),
                               QStringLiteral("7555621"), QStringLiteral("53893572")}));
    QCOMPARE(kinds, QStringList({QStringLiteral("distribution"), QStringLiteral("distribution"),
                                 QStringLiteral("distribution"), QStringLiteral("snapshot"),
                                 QStringLiteral("custom"), QStringLiteral("snapshot")}));
    const Image &ubuntu = result->value().at(0);
    QCOMPARE(ubuntu.name, QStringLiteral("Ubuntu 20.04 (LTS) x64"));
    QCOMPARE(ubuntu.distribution, QStringLiteral("Ubuntu"));
    QCOMPARE(ubuntu.regions.size(), 13);
    QCOMPARE(result->value().at(4).name, QStringLiteral("Arch Linux A custom image"));

    const auto requests = m_server->requests("GET", QStringLiteral("/v2/images"));
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests.at(0).query.queryItemValue(QStringLiteral("type")),
             QStringLiteral("distribution"));
    QCOMPARE(requests.at(1).query.queryItemValue(QStringLiteral("type")),
             QStringLiteral("distribution"));
    QCOMPARE(FakeDigitalOcean::pagesRequested(requests.mid(0, 2)),
             QStringList({QStringLiteral("1"), QStringLiteral("2")}));
    QCOMPARE(requests.at(2).query.queryItemValue(QStringLiteral("private")),
             QStringLiteral("true"));
    QCOMPARE(requests.at(2).query.queryItemValue(QStringLiteral("page")), QStringLiteral("1"));
}

void TestDigitalOceanCatalog::listsAccountKeys()
{
    const auto result =
        AsyncResult::await<QList<SshKey>>([this](auto done) { m_provider->listSshKeys(done); });
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(AsyncResult::describe(result->error())));
    QCOMPARE(result->value().size(), 2);
    const SshKey &first = result->value().at(0);
    QCOMPARE(first.id, QStringLiteral("289794"));
    QCOMPARE(first.name, QStringLiteral("Other Public Key"));
    QCOMPARE(first.fingerprint, QStringLiteral("3b:16:e4:bf:8b:00:8b:b8:59:8c:a9:d3:f0:19:fa:45"));
    QVERIFY(first.publicKey.startsWith(QLatin1String("ssh-rsa ")));
    QCOMPARE(result->value().at(1).id, QStringLiteral("512190"));
    QCOMPARE(FakeDigitalOcean::pagesRequested(
                 m_server->requests("GET", QStringLiteral("/v2/account/keys"))),
             QStringList({QStringLiteral("1"), QStringLiteral("2")}));
}

void TestDigitalOceanCatalog::verifiesWithAccount()
{
    const auto result =
        AsyncResult::await<QString>([this](auto done) { m_provider->verify(done); });
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(AsyncResult::describe(result->error())));
    QCOMPARE(result->value(), QStringLiteral("sammy@digitalocean.com (team My Team)"));
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(m_server->lastRequest().method, QByteArray("GET"));
    QCOMPARE(m_server->lastRequest().path, QStringLiteral("/v2/account"));
    QCOMPARE(m_server->lastRequest().header("Authorization"), FakeDigitalOcean::bearer());
}

void TestDigitalOceanCatalog::verifyReportsALockedAccount()
{
    QJsonObject reply = FakeDigitalOcean::fixture(QStringLiteral("account"));
    QJsonObject account = reply.value(QLatin1String("account")).toObject();
    account.insert(QStringLiteral("status"), QStringLiteral("locked"));
    account.insert(QStringLiteral("status_message"), QStringLiteral("Unpaid invoice."));
    reply.insert(QStringLiteral("account"), account);
    m_server->on("GET", QStringLiteral("/v2/account"), FakeResponse::json(reply));
    const auto result =
        AsyncResult::await<QString>([this](auto done) { m_provider->verify(done); });
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind(), Error::Forbidden);
    QVERIFY2(result->error().message().contains(QLatin1String("Unpaid invoice.")),
             qPrintable(result->error().message()));
}

QTEST_GUILESS_MAIN(TestDigitalOceanCatalog)
#include "tst_digitaloceancatalog.moc"
