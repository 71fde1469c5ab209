// AWS prices from the Price List Query API: the GetProducts requests (target header, JSON 1.1
// body with its TERM_MATCH filters, SigV4 for the service "pricing", host), the nested PriceList
// strings, the 7-day cache and its expiry on an injected clock, a key without pricing:GetProducts.
// Shapes from botocore's pricing/2017-10-15/service-2.json (see tests/data/aws/README.md).
#include "asyncresult.h"
#include "awsprovider.h"
#include "fakeec2.h"
#include "fakepricelist.h"
#include "sigv4verifier.h"
#include "testhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestAwsPricing : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<FakeEc2> m_fake;
    std::unique_ptr<FakePriceList> m_prices;
    std::unique_ptr<AwsProvider> m_provider;
    std::unique_ptr<QTemporaryDir> m_dir;
    QDateTime m_now;

    std::unique_ptr<AwsProvider> makeProvider()
    {
        Account account = m_fake->account();
        account.settings.insert(u"pricingEndpoint"_s, m_prices->url().toString());
        auto provider = m_fake->provider(account);
        provider->setPriceCacheFile(m_dir->filePath(u"aws-prices.json"_s));
        provider->setPriceClock([this] { return m_now; });
        return provider;
    }

    QList<Machine> list()
    {
        auto outcome = AsyncResult::await<QList<Machine>>(
            [this](auto done) { m_provider->listMachines(done); });
        if (!outcome || !outcome->ok())
            return {};
        return outcome->result->value();
    }

    static Machine find(const QList<Machine> &machines, const QString &id)
    {
        for (const Machine &machine : machines) {
            if (machine.id == id)
                return machine;
        }
        return {};
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_server = std::make_unique<FakeCloudServer>();
        QVERIFY(m_server->listen());
        m_fake = std::make_unique<FakeEc2>(*m_server);
        m_fake->serveFixtures();
        m_prices = std::make_unique<FakePriceList>();
        QVERIFY(m_prices->listen());
        m_now = QDateTime::currentDateTimeUtc();
        m_provider = makeProvider();
    }
    void cleanup()
    {
        m_provider.reset();
        m_prices.reset();
        m_fake.reset();
        m_server.reset();
        m_dir.reset();
    }

    void requestsAreWhatThePriceListWants()
    {
        const QList<Machine> machines = list();
        QCOMPARE(machines.size(), 8);
        // One request per (type, region, system) in use: not the destroyed t3.micro (same key
        // as the running one anyway), not the spot m5.large (no on-demand price).
        QCOMPARE(m_prices->calls().size(), 5);
        QSet<QString> types;
        for (const PricingCall &call : m_prices->calls()) {
            const RecordedRequest &r = call.request;
            QCOMPARE(r.method, QByteArray("POST"));
            QCOMPARE(r.path, u"/"_s);
            QCOMPARE(r.header("X-Amz-Target"), QByteArray("AWSPriceListService.GetProducts"));
            QCOMPARE(r.header("Content-Type"), QByteArray("application/x-amz-json-1.1"));
            QCOMPARE(r.header("Host"), m_prices->url().authority().toUtf8());
            QVERIFY(r.header("X-CloudDeck-Signing-Region").isEmpty());
            QVERIFY(r.header("X-CloudDeck-Signing-Service").isEmpty());
            QVERIFY2(call.verdict.valid, qPrintable(call.verdict.failure));
            QCOMPARE(call.verdict.service, u"pricing"_s);
            QCOMPARE(call.verdict.region, u"us-east-1"_s);
            QVERIFY(call.verdict.signedHeaders.contains("x-amz-target"));
            QVERIFY(call.verdict.signedHeaders.contains("host"));
            const QJsonObject body = r.json();
            QCOMPARE(body[u"ServiceCode"_s].toString(), u"AmazonEC2"_s);
            QCOMPARE(body[u"FormatVersion"_s].toString(), u"aws_v1"_s);
            QVERIFY(body[u"MaxResults"_s].isDouble());
            QVERIFY(body[u"MaxResults"_s].toInt() >= 1 && body[u"MaxResults"_s].toInt() <= 100);
            QVERIFY(call.allTermMatch);
            QCOMPARE(call.filters.value(u"tenancy"_s), u"Shared"_s);
            QCOMPARE(call.filters.value(u"preInstalledSw"_s), u"NA"_s);
            QCOMPARE(call.filters.value(u"capacitystatus"_s), u"Used"_s);
            QCOMPARE(call.filters.value(u"licenseModel"_s), u"No License required"_s);
            types.insert(call.filters.value(u"instanceType"_s) + u'|'
                         + call.filters.value(u"regionCode"_s) + u'|'
                         + call.filters.value(u"operatingSystem"_s));
        }
        QCOMPARE(types, QSet<QString>(FakePriceList::instancePrices().keyBegin(),
                                      FakePriceList::instancePrices().keyEnd()));
    }

    void pricesComeFromTheNestedStrings()
    {
        const QList<Machine> machines = list();
        // t3.micro: $0.0104 an hour, 730 hours: $7.59 a month.
        const Machine micro = find(machines, u"i-1234567890abcdef0"_s);
        QCOMPARE(micro.size, u"t3.micro"_s);
        QVERIFY(micro.pricePerMonth);
        QCOMPARE(qRound64(*micro.pricePerMonth * 100), qint64(759));
        QCOMPARE(*micro.pricePerHour, 0.0104);
        QCOMPARE(micro.extra.value(u"priceSource"_s).toString(), u"price-list-api"_s);
        // Windows: its own product (0.1108 * 730 = 80.884).
        const Machine windows = find(machines, u"i-0bbbbbbbbbbbbbbb2"_s);
        QCOMPARE(qRound64(*windows.pricePerMonth * 100), qint64(8088));
        // The spot instance has no on-demand price.
        const Machine spot = find(machines, u"i-0aaaaaaaaaaaaaaa1"_s);
        QVERIFY(!spot.pricePerMonth);
        QVERIFY(!spot.extra.contains(u"priceHint"_s));
    }

    void cachedForSevenDays()
    {
        list();
        QCOMPARE(m_prices->calls().size(), 5);
        list();
        QCOMPARE(m_prices->calls().size(), 5); // all from the cache
        // Another provider (the CLI, another account) reads the file.
        m_provider = makeProvider();
        const Machine micro = find(list(), u"i-1234567890abcdef0"_s);
        QCOMPARE(m_prices->calls().size(), 5);
        QCOMPARE(qRound64(*micro.pricePerMonth * 100), qint64(759));
        QFile file(m_dir->filePath(u"aws-prices.json"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(FakeEc2::secretAccessKey));
        // Six days later still fresh, eight days later asked again.
        m_now = m_now.addDays(6);
        list();
        QCOMPARE(m_prices->calls().size(), 5);
        m_now = m_now.addDays(2);
        list();
        QCOMPARE(m_prices->calls().size(), 10);
    }

    void notSoldIsRememberedToo()
    {
        m_prices->setAnswer(
            FakeResponse::file(testDataPath(u"aws/pricing_get_products_empty.json"_s), 200,
                               "application/x-amz-json-1.1"));
        const QList<Machine> machines = list();
        QCOMPARE(machines.size(), 8);
        QVERIFY(!find(machines, u"i-1234567890abcdef0"_s).pricePerMonth);
        const qsizetype asked = m_prices->calls().size();
        list();
        QCOMPARE(m_prices->calls().size(), asked);
    }

    void aKeyWithoutPermissionGetsOneHintNotAnError()
    {
        m_prices->setAnswer(
            FakeResponse::file(testDataPath(u"aws/pricing_error_access_denied.json"_s), 400,
                               "application/x-amz-json-1.1"));
        const QList<Machine> machines = list();
        QCOMPARE(machines.size(), 8); // the listing stands
        const Machine micro = find(machines, u"i-1234567890abcdef0"_s);
        QVERIFY(!micro.pricePerMonth);
        QVERIFY(micro.extra.value(u"priceHint"_s)
                    .toString()
                    .contains(u"add pricing:GetProducts to its IAM policy to see AWS costs"_s));
        // The first refusal stops the rest: at most the requests already in flight.
        QVERIFY(m_prices->calls().size() <= 4);
        const qsizetype asked = m_prices->calls().size();
        // Not asked again on every refresh...
        const Machine again = find(list(), u"i-1234567890abcdef0"_s);
        QCOMPARE(m_prices->calls().size(), asked);
        QVERIFY(again.extra.contains(u"priceHint"_s));
        // ...but after an hour (the policy may have been fixed).
        m_prices->setAnswer(std::nullopt);
        m_now = m_now.addSecs(3700);
        const Machine fixed = find(list(), u"i-1234567890abcdef0"_s);
        QVERIFY(fixed.pricePerMonth);
        QVERIFY(!fixed.extra.contains(u"priceHint"_s));
    }

    void otherFailuresLeavePricesEmptyAndRest()
    {
        m_prices->setAnswer(
            FakeResponse::raw(500, "{\"__type\":\"InternalErrorException\",\"Message\":\"x\"}",
                              "application/x-amz-json-1.1"));
        const QList<Machine> machines = list();
        QCOMPARE(machines.size(), 8);
        QVERIFY(!find(machines, u"i-1234567890abcdef0"_s).pricePerMonth);
        QVERIFY(!find(machines, u"i-1234567890abcdef0"_s).extra.contains(u"priceHint"_s));
        const qsizetype asked = m_prices->calls().size();
        list();
        QCOMPARE(m_prices->calls().size(), asked); // resting for a while
    }

    void noPricesForEc2CompatibleClouds()
    {
        // An endpoint override without a pricingEndpoint: no AWS Price List there.
        m_provider = m_fake->provider(m_fake->account());
        m_provider->setPriceCacheFile(m_dir->filePath(u"other.json"_s));
        QCOMPARE(list().size(), 8);
        QCOMPARE(m_prices->calls().size(), 0);
        QVERIFY(m_provider->pricingEndpoint().isEmpty());
        Account real = m_fake->account();
        real.endpoint = QUrl();
        AwsProvider aws(FakeEc2::metadata(), real, {});
        QCOMPARE(aws.pricingEndpoint(), QUrl(u"https://api.pricing.us-east-1.amazonaws.com/"_s));
    }

    void platformsMapOntoThePriceListsWords_data()
    {
        QTest::addColumn<QString>("details");
        QTest::addColumn<QString>("os");
        QTest::addColumn<QString>("software");
        QTest::addColumn<QString>("license");
        const QString none = u"No License required"_s;
        QTest::newRow("linux") << u"Linux/UNIX"_s << u"Linux"_s << u"NA"_s << none;
        QTest::newRow("windows") << u"Windows"_s << u"Windows"_s << u"NA"_s << none;
        QTest::newRow("byol") << u"Windows BYOL"_s << u"Windows"_s << u"NA"_s
                              << u"Bring your own license"_s;
        QTest::newRow("sql web") << u"Windows with SQL Server Web"_s << u"Windows"_s << u"SQL Web"_s
                                 << none;
        QTest::newRow("rhel") << u"Red Hat Enterprise Linux"_s << u"RHEL"_s << u"NA"_s << none;
        QTest::newRow("suse") << u"SUSE Linux"_s << u"SUSE"_s << u"NA"_s << none;
        QTest::newRow("ubuntu pro") << u"Ubuntu Pro"_s << u"Ubuntu Pro"_s << u"NA"_s << none;
        QTest::newRow("unknown") << u"Plan 9"_s << QString() << QString() << QString();
    }
    void platformsMapOntoThePriceListsWords()
    {
        QFETCH(QString, details);
        QFETCH(QString, os);
        QFETCH(QString, software);
        QFETCH(QString, license);
        Machine machine;
        machine.size = u"t3.micro"_s;
        machine.region = u"us-east-1"_s;
        machine.extra.insert(u"platformDetails"_s, details);
        const auto key = AwsPriceList::keyFor(machine);
        QCOMPARE(key.has_value(), !os.isEmpty());
        if (!key)
            return;
        QCOMPARE(key->operatingSystem, os);
        QCOMPARE(key->preInstalledSw, software);
        QCOMPARE(key->licenseModel, license);
    }

    void malformedRepliesAreInvalidNotCrashes()
    {
        const AwsPriceList::Key key {u"t3.micro"_s, u"us-east-1"_s, u"Linux"_s};
        QVERIFY(!AwsPriceList::price("not json", key).ok());
        QVERIFY(!AwsPriceList::price("{\"PriceList\": [{\"product\": {}}]}", key).ok());
        QVERIFY(!AwsPriceList::price("{\"PriceList\": [\"not json either\"]}", key).ok());
        QVERIFY(!AwsPriceList::price("{\"FormatVersion\": \"aws_v1\"}", key).ok());
        // A product of another type, or without an hourly on-demand term, prices nothing.
        const auto other = AwsPriceList::price(
            "{\"PriceList\": "
            "[\"{\\\"product\\\":{\\\"attributes\\\":{\\\"instanceType\\\":\\\"m5.large\\\"}}}\"]}",
            key);
        QVERIFY(other.ok());
        QVERIFY(!other.value());
        const auto error = AwsPriceList::error(
            "{\"__type\":\"com.amazon.coral.service#AccessDeniedException\",\"Message\":\"no\"}");
        QCOMPARE(error.code, u"AccessDeniedException"_s);
        QCOMPARE(error.kind, Error::Forbidden);
    }
};

QTEST_GUILESS_MAIN(TestAwsPricing)
#include "tst_awspricing.moc"
