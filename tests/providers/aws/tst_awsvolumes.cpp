// EBS volumes and what they cost: DescribeVolumes per region (the request as botocore's ec2
// service-2.json has it: Version 2016-11-15, Filter.1.Name/Value.1, MaxResults, NextToken;
// signed for ec2), the storage GetProducts (productFamily Storage, volumeApiName, regionCode;
// signed for pricing), the parse of volumeSet/item, each machine's volumes price, the 7-day
// cache, a key without ec2:DescribeVolumes, and MachineCost's rules on the result.
#include "asyncresult.h"
#include "awsprovider.h"
#include "awsvolumes.h"
#include "fakeec2.h"
#include "fakepricelist.h"
#include "machinecost.h"
#include "testhelpers.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString running = u"i-1234567890abcdef0"_s; // t3.micro, one gp3 8 GiB
const QString stoppedWindows = u"i-0bbbbbbbbbbbbbbb2"_s; // gp2 30 GiB + io2 100 GiB
const QString unknownType = u"i-0ccccccccccccccc3"_s; // one "gp9" volume
const QString detached = u"i-0598c7d356eba48d7"_s; // its only volume is detached
const QString fastGp3 = u"i-0eeeeeeeeeeeeeee5"_s; // gp3 with 6,000 IOPS and 250 MiB/s
const QString twoTypes = u"i-0fffffffffffffff6"_s; // st1 125 GiB + gp3 8 GiB
const QString terminated = u"i-0ddddddddddddddd4"_s;

Machine find(const QList<Machine> &machines, const QString &id)
{
    for (const Machine &machine : machines) {
        if (machine.id == id)
            return machine;
    }
    return {};
}

QString volumesPrice(const Machine &machine)
{
    return machine.extra.value(u"volumesPrice"_s).toString();
}
} // namespace

class TestAwsVolumes : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<FakeEc2> m_fake;
    std::unique_ptr<FakePriceList> m_prices;
    std::unique_ptr<AwsProvider> m_provider;
    std::unique_ptr<QTemporaryDir> m_dir;
    QDateTime m_now;

    std::unique_ptr<AwsProvider> makeProvider(bool withPrices = true)
    {
        Account account = m_fake->account();
        if (withPrices)
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

    static ProviderMetadata::Billing awsBilling() { return FakeEc2::metadata().billing; }

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
        if (m_fake)
            QVERIFY2(m_fake->signatureFailures().isEmpty(),
                     qPrintable(m_fake->signatureFailures().join(u'\n')));
        m_provider.reset();
        m_prices.reset();
        m_fake.reset();
        m_server.reset();
        m_dir.reset();
    }

    void describeVolumesFollowsEachRegionsListing()
    {
        QCOMPARE(list().size(), 8);
        const QList<Ec2Call> calls = m_fake->calls(u"DescribeVolumes"_s);
        // us-east-1 in two pages, eu-west-1 in one; signed for ec2 in the region asked (FakeEc2
        // refuses anything else, and cleanup() checks), Version 2016-11-15 (likewise).
        QCOMPARE(calls.size(), 3);
        QStringList regions;
        for (const Ec2Call &call : calls) {
            regions.append(call.region);
            QCOMPARE(call.param(u"Version"_s), u"2016-11-15"_s);
            QCOMPARE(call.param(u"Filter.1.Name"_s), u"status"_s);
            QCOMPARE(call.param(u"Filter.1.Value.1"_s), u"in-use"_s);
            QCOMPARE(call.param(u"MaxResults"_s), u"500"_s);
            QVERIFY(!call.request.body.contains("Filter.2"));
        }
        regions.sort();
        QCOMPARE(regions, (QStringList {u"eu-west-1"_s, u"us-east-1"_s, u"us-east-1"_s}));
        const auto pages = m_fake->calls(u"DescribeVolumes"_s);
        QStringList tokens;
        for (const Ec2Call &call : pages) {
            if (call.region == u"us-east-1"_s)
                tokens.append(call.param(u"NextToken"_s));
        }
        QCOMPARE(tokens,
                 (QStringList {QString(), QString::fromLatin1(FakeEc2::volumesPage2Token)}));
        // After the region's instances: the listing's last DescribeInstances page comes first.
        const QList<Ec2Call> all = m_fake->calls();
        qsizetype lastInstances = -1, firstVolumes = -1;
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (all[i].region != u"us-east-1"_s)
                continue;
            if (all[i].action == u"DescribeInstances"_s)
                lastInstances = i;
            if (all[i].action == u"DescribeVolumes"_s && firstVolumes < 0)
                firstVolumes = i;
        }
        QVERIFY(lastInstances >= 0 && firstVolumes > lastInstances);
    }

    void storagePricesAreAskedOncePerTypeAndRegion()
    {
        list();
        const QList<PricingCall> calls = m_prices->storageCalls();
        QSet<QString> keys;
        for (const PricingCall &call : calls) {
            const RecordedRequest &r = call.request;
            QCOMPARE(r.method, QByteArray("POST"));
            QCOMPARE(r.header("X-Amz-Target"), QByteArray("AWSPriceListService.GetProducts"));
            QCOMPARE(r.header("Content-Type"), QByteArray("application/x-amz-json-1.1"));
            QVERIFY(r.header("X-CloudDeck-Signing-Service").isEmpty());
            QVERIFY2(call.verdict.valid, qPrintable(call.verdict.failure));
            QCOMPARE(call.verdict.service, u"pricing"_s);
            QCOMPARE(call.verdict.region, u"us-east-1"_s);
            QCOMPARE(r.json()[u"ServiceCode"_s].toString(), u"AmazonEC2"_s);
            QCOMPARE(r.json()[u"FormatVersion"_s].toString(), u"aws_v1"_s);
            QVERIFY(call.allTermMatch);
            QCOMPARE(call.filters.size(), 3); // productFamily, volumeApiName, regionCode
            keys.insert(call.filters.value(u"volumeApiName"_s) + u'|'
                        + call.filters.value(u"regionCode"_s));
        }
        // Each type in use once per region; never the unknown "gp9".
        QCOMPARE(calls.size(), 5);
        QCOMPARE(keys, QSet<QString>(FakePriceList::storagePrices().keyBegin(),
                                     FakePriceList::storagePrices().keyEnd()));
        // The instances' own requests are as before.
        QCOMPARE(m_prices->calls().size(), 5);
    }

    void eachMachineCarriesItsVolumesPrice()
    {
        const QList<Machine> machines = list();
        // 8 GiB gp3 at $0.08 (not the Local Zone's $0.50 listed first).
        const Machine micro = find(machines, running);
        QCOMPARE(volumesPrice(micro), u"0.64"_s);
        QCOMPARE(micro.extra.value(u"volumesCurrency"_s).toString(), u"USD"_s);
        QCOMPARE(micro.extra.value(u"volumeCount"_s).toInt(), 1);
        QCOMPARE(micro.extra.value(u"volumesGiB"_s).toInt(), 8);
        QVERIFY(!micro.extra.contains(u"volumesUnpricedCharges"_s)); // 3,000 IOPS, 125 MiB/s
        // Two pages, two volumes: 30 GiB gp2 $3.00 + 100 GiB io2 $12.50; io2's IOPS left out.
        const Machine windows = find(machines, stoppedWindows);
        QCOMPARE(volumesPrice(windows), u"15.50"_s);
        QCOMPARE(windows.extra.value(u"volumeCount"_s).toInt(), 2);
        QCOMPARE(windows.extra.value(u"volumesGiB"_s).toInt(), 130);
        QVERIFY(windows.extra.value(u"volumesUnpricedCharges"_s).toBool());
        // An unknown type: counted, not priced (no figure rather than one too low).
        const Machine odd = find(machines, unknownType);
        QCOMPARE(odd.extra.value(u"volumeCount"_s).toInt(), 1);
        QVERIFY(!odd.extra.contains(u"volumesPrice"_s));
        // A detached volume is nobody's.
        QVERIFY(!find(machines, detached).extra.contains(u"volumeCount"_s));
        // gp3 beyond its baseline: storage priced, the rest said to be left out.
        const Machine fast = find(machines, fastGp3);
        QCOMPARE(volumesPrice(fast), u"1.76"_s);
        QVERIFY(fast.extra.value(u"volumesUnpricedCharges"_s).toBool());
        // Two types, each rounded once: st1 125 x 0.05 = 6.25, gp3 8 x 0.088 = 0.704 -> 0.70.
        QCOMPARE(volumesPrice(find(machines, twoTypes)), u"6.95"_s);
        QVERIFY(!find(machines, terminated).extra.contains(u"volumeCount"_s));
    }

    void machineCostBillsTheVolumes()
    {
        const QList<Machine> machines = list();
        // Stopped: the instance is free, its volumes are not.
        const MachineCost stopped =
            MachineCost::of(find(machines, stoppedWindows), awsBilling(), nullptr);
        QCOMPARE(stopped.billed, Money(1550, u"USD"_s));
        QVERIFY(stopped.offButBilled);
        QVERIFY(!stopped.volumesOnly);
        QVERIFY(stopped.estimate);
        QCOMPARE(stopped.source, MachineCost::Source::PriceListApi);
        QCOMPARE(stopped.billedText(), u"≈ $15.50"_s);
        // (No translation is loaded here: the plural is tst_machinecost's.)
        QVERIFY2(stopped.note.contains(u"EBS volume"_s) && stopped.note.contains(u"(130 GiB)"_s),
                 qPrintable(stopped.note));
        QVERIFY2(stopped.note.contains(u"provisioned IOPS and throughput are not included"_s),
                 qPrintable(stopped.note));
        // Running: the instance ($7.59) and its volume ($0.64).
        const MachineCost up = MachineCost::of(find(machines, running), awsBilling(), nullptr);
        QCOMPARE(up.billed, Money(823, u"USD"_s));
        QCOMPARE(*up.volumes, Money(64, u"USD"_s));
        QVERIFY2(up.note.contains(u"$7.59 for the instance"_s), qPrintable(up.note));
    }

    void volumesAndTheirPricesAreCached()
    {
        list();
        QCOMPARE(m_prices->storageCalls().size(), 5);
        list();
        QCOMPARE(m_prices->storageCalls().size(), 5);
        QCOMPARE(m_fake->calls(u"DescribeVolumes"_s).size(), 6); // volumes change: every listing
        // Another process reads the same file.
        m_provider = makeProvider();
        QCOMPARE(volumesPrice(find(list(), stoppedWindows)), u"15.50"_s);
        QCOMPARE(m_prices->storageCalls().size(), 5);
        m_now = m_now.addDays(6);
        list();
        QCOMPARE(m_prices->storageCalls().size(), 5);
        m_now = m_now.addDays(2);
        list();
        QCOMPARE(m_prices->storageCalls().size(), 10);
    }

    void notSoldStorageIsRemembered()
    {
        m_prices->setStorageAnswer(
            FakeResponse::file(testDataPath(u"aws/pricing_get_products_empty.json"_s), 200,
                               "application/x-amz-json-1.1"));
        const QList<Machine> machines = list();
        QVERIFY(!find(machines, running).extra.contains(u"volumesPrice"_s));
        QVERIFY(find(machines, running).pricePerMonth); // the instance still priced
        const qsizetype asked = m_prices->storageCalls().size();
        list();
        QCOMPARE(m_prices->storageCalls().size(), asked);
        // Today's wording when no volumes price is known.
        const MachineCost cost =
            MachineCost::of(find(machines, stoppedWindows), awsBilling(), nullptr);
        QVERIFY(cost.volumesOnly);
        QVERIFY(!cost.offButBilled);
        QVERIFY(cost.billed.isZero());
        QVERIFY(cost.note.contains(u"not priced here"_s));
    }

    void aKeyWithoutDescribeVolumesGetsOneHint()
    {
        m_fake->on(u"DescribeVolumes"_s, [](const Ec2Call &) {
            return FakeEc2::xml(u"error_unauthorized_operation.xml"_s, 403);
        });
        const QList<Machine> machines = list();
        QCOMPARE(machines.size(), 8); // not an error on the account
        const Machine micro = find(machines, running);
        QVERIFY(micro.pricePerMonth);
        QVERIFY(!micro.extra.contains(u"volumeCount"_s));
        QCOMPARE(micro.extra.value(u"priceHint"_s).toString(),
                 AwsProvider::volumesPermissionHint());
        QVERIFY(AwsProvider::volumesPermissionHint().contains(u"ec2:DescribeVolumes"_s));
        QCOMPARE(m_prices->storageCalls().size(), 0);
        // The first refusal ends the asking in every region, for an hour.
        const qsizetype asked = m_fake->calls(u"DescribeVolumes"_s).size();
        QVERIFY(asked <= 2);
        QVERIFY(find(list(), running).extra.contains(u"priceHint"_s));
        QCOMPARE(m_fake->calls(u"DescribeVolumes"_s).size(), asked);
        m_fake->serveFixtures();
        m_now = m_now.addSecs(3700);
        const Machine fixed = find(list(), running);
        QCOMPARE(volumesPrice(fixed), u"0.64"_s);
        QVERIFY(!fixed.extra.contains(u"priceHint"_s));
    }

    void anotherFailureKeepsTheLastKnownVolumes()
    {
        QCOMPARE(volumesPrice(find(list(), stoppedWindows)), u"15.50"_s);
        m_fake->on(u"DescribeVolumes"_s, [](const Ec2Call &) {
            return FakeEc2::xml(u"error_internal_error.xml"_s, 500);
        });
        const QList<Machine> machines = list();
        QCOMPARE(machines.size(), 8);
        QCOMPARE(volumesPrice(find(machines, stoppedWindows)), u"15.50"_s);
        QVERIFY(!find(machines, stoppedWindows).extra.contains(u"priceHint"_s));
    }

    void noVolumesAskedWithoutPrices()
    {
        m_provider = makeProvider(false); // an EC2-compatible cloud: no Price List
        QCOMPARE(list().size(), 8);
        QCOMPARE(m_fake->calls(u"DescribeVolumes"_s).size(), 0);
    }

    void parseReadsVolumeSetItems()
    {
        const auto page =
            AwsVolumes::parse(readFixture(u"aws/describe_volumes_us-east-1_page1.xml"_s));
        QVERIFY(page.ok());
        QCOMPARE(page.value().nextToken, QString::fromLatin1(FakeEc2::volumesPage2Token));
        QCOMPARE(page.value().items.size(), 3);
        const AwsVolumes::Volume &io2 = page.value().items.at(2);
        QCOMPARE(io2.id, u"vol-0b0000000000000b2"_s);
        QCOMPARE(io2.type, u"io2"_s);
        QCOMPARE(io2.sizeGiB, 100);
        QCOMPARE(io2.iops, 4000);
        QCOMPARE(io2.instanceIds, QStringList {stoppedWindows});
        const auto last =
            AwsVolumes::parse(readFixture(u"aws/describe_volumes_us-east-1_page2.xml"_s));
        QVERIFY(last.ok());
        QVERIFY(last.value().nextToken.isEmpty());
        QCOMPARE(last.value().items.size(), 2); // the detached one left out
        QCOMPARE(last.value().items.at(1).type, u"gp9"_s); // kept as sent
        QVERIFY(AwsVolumes::parse(readFixture(u"aws/describe_volumes_empty.xml"_s)).ok());
        // Not a crash: wrong root, no volumeSet, an item without an id, not XML.
        QVERIFY(!AwsVolumes::parse(readFixture(u"aws/describe_instances_empty.xml"_s)).ok());
        QVERIFY(!AwsVolumes::parse("<DescribeVolumesResponse/>").ok());
        QVERIFY(!AwsVolumes::parse("<DescribeVolumesResponse><volumeSet><item><size>8</size>"
                                   "</item></volumeSet></DescribeVolumesResponse>")
                     .ok());
        QVERIFY(!AwsVolumes::parse("{\"not\": \"xml\"}").ok());
    }

    void storagePriceParse()
    {
        const AwsPriceList::StorageKey key {u"gp3"_s, u"us-east-1"_s};
        QCOMPARE(key.id(), u"ebs|gp3|us-east-1"_s);
        QVERIFY(!AwsPriceList::storagePrice("not json", key).ok());
        QVERIFY(!AwsPriceList::storagePrice("{\"PriceList\": [1]}", key).ok());
        // Another type, or an hourly dimension only, prices nothing.
        const auto other = AwsPriceList::storagePrice(
            "{\"PriceList\": "
            "[\"{\\\"product\\\":{\\\"attributes\\\":{\\\"volumeApiName\\\":\\\"gp2\\\"}}}\"]}",
            key);
        QVERIFY(other.ok());
        QVERIFY(!other.value());
        for (const QString &type :
             {u"standard"_s, u"io1"_s, u"io2"_s, u"gp2"_s, u"sc1"_s, u"st1"_s, u"gp3"_s})
            QVERIFY(AwsPriceList::isKnownVolumeType(type));
        QVERIFY(!AwsPriceList::isKnownVolumeType(u"gp9"_s));
    }

    void unpricedChargesAreTold_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("iops");
        QTest::addColumn<int>("throughput");
        QTest::addColumn<bool>("unpriced");
        QTest::newRow("gp3 baseline") << u"gp3"_s << 3000 << 125 << false;
        QTest::newRow("gp3 iops") << u"gp3"_s << 3001 << 125 << true;
        QTest::newRow("gp3 throughput") << u"gp3"_s << 3000 << 126 << true;
        QTest::newRow("gp2") << u"gp2"_s << 300 << 0 << false;
        QTest::newRow("io1") << u"io1"_s << 100 << 0 << true;
        QTest::newRow("io2") << u"io2"_s << 100 << 0 << true;
        QTest::newRow("standard") << u"standard"_s << 0 << 0 << true; // I/O requests
        QTest::newRow("st1") << u"st1"_s << 0 << 0 << false;
        QTest::newRow("sc1") << u"sc1"_s << 0 << 0 << false;
    }
    void unpricedChargesAreTold()
    {
        QFETCH(QString, type);
        QFETCH(int, iops);
        QFETCH(int, throughput);
        QFETCH(bool, unpriced);
        AwsVolumes::Volume volume;
        volume.type = type;
        volume.iops = iops;
        volume.throughputMiBps = throughput;
        QCOMPARE(AwsVolumes::hasUnpricedCharges(volume), unpriced);
    }
};

QTEST_GUILESS_MAIN(TestAwsVolumes)
#include "tst_awsvolumes.moc"
