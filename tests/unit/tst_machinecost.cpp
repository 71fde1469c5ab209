// MachineCost with volumes billed apart (AWS EBS, issue 17): a stopped AWS instance costs its
// volumes' price when the plugin knows it, a running one its price plus its volumes, and without
// a volumes price the old wording stands; CostReport's totals, JSON and CSV follow.
#include "costreport.h"
#include "providerregistry.h"
#include "translations.h"
#include "userprices.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
Machine aws(const QString &id, MachineState::State state, std::optional<double> monthly,
            const QString &volumes = {}, int count = 1, int gib = 8)
{
    Machine m;
    m.accountId = u"acct"_s;
    m.providerId = u"aws"_s;
    m.id = id;
    m.name = id;
    m.state = state;
    m.pricePerMonth = monthly;
    m.region = u"us-east-1"_s;
    m.size = u"t3.micro"_s;
    if (!volumes.isEmpty()) {
        m.extra.insert(u"volumesPrice"_s, volumes);
        m.extra.insert(u"volumesCurrency"_s, u"USD"_s);
        m.extra.insert(u"volumeCount"_s, count);
        m.extra.insert(u"volumesGiB"_s, gib);
    }
    return m;
}
} // namespace

class TestMachineCost : public QObject
{
    Q_OBJECT

    ProviderRegistry m_registry;
    QTemporaryDir m_dir;

    [[nodiscard]] ProviderMetadata::Billing billing() const
    {
        return m_registry.metadata(u"aws"_s).billing;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The English plural forms ("1 EBS volume", "2 EBS volumes"), as the GUI and CLI load.
        Translations::install();
        QVERIFY(m_dir.isValid());
        QCOMPARE(billing().stopped, ProviderMetadata::Billing::Stopped::Volumes);
    }

    void stoppedCostsItsVolumes()
    {
        const MachineCost cost = MachineCost::of(
            aws(u"i-1"_s, MachineState::Stopped, 7.59, u"15.50"_s, 2, 130), billing(), nullptr);
        QCOMPARE(cost.billed, Money(1550, u"USD"_s));
        QCOMPARE(cost.volumes, std::optional<Money>(Money(1550, u"USD"_s)));
        QCOMPARE(cost.price, std::optional<Money>(Money(759 + 1550, u"USD"_s))); // when running
        QVERIFY(cost.off);
        QVERIFY(cost.offButBilled);
        QVERIFY(!cost.volumesOnly);
        QVERIFY(cost.estimate);
        QCOMPARE(cost.source, MachineCost::Source::PriceListApi);
        QCOMPARE(cost.billedText(), u"≈ $15.50"_s);
        QVERIFY2(cost.note.contains(u"the instance is not billed, but its 2 EBS volumes (130 GiB) "
                                    "still are: ≈ $15.50 a month"_s),
                 qPrintable(cost.note));
        QVERIFY(!cost.note.contains(u"not included"_s));
        // Volumes with IOPS or throughput beyond storage say they are left out.
        Machine fast = aws(u"i-2"_s, MachineState::Stopped, 7.59, u"1.76"_s);
        fast.extra.insert(u"volumesUnpricedCharges"_s, true);
        QVERIFY(MachineCost::of(fast, billing(), nullptr)
                    .note.contains(u"provisioned IOPS and throughput are not included"_s));
        // Suspended is off too.
        QCOMPARE(MachineCost::of(aws(u"i-3"_s, MachineState::Suspended, 7.59, u"0.64"_s), billing(),
                                 nullptr)
                     .billed,
                 Money(64, u"USD"_s));
    }

    void stoppedWithoutAnInstancePriceStillCostsItsVolumes()
    {
        // A spot instance (no on-demand price), stopped: its volumes are known.
        const MachineCost cost = MachineCost::of(
            aws(u"i-spot"_s, MachineState::Stopped, std::nullopt, u"0.64"_s), billing(), nullptr);
        QCOMPARE(cost.billed, Money(64, u"USD"_s));
        QVERIFY(cost.offButBilled);
        QVERIFY(!cost.price);
        QCOMPARE(cost.source, MachineCost::Source::PriceListApi);
    }

    void runningCostsInstancePlusVolumes()
    {
        const MachineCost cost = MachineCost::of(
            aws(u"i-1"_s, MachineState::Running, 7.59, u"0.64"_s), billing(), nullptr);
        QCOMPARE(cost.billed, Money(823, u"USD"_s));
        QCOMPARE(cost.priceText(), u"≈ $8.23"_s);
        QVERIFY(!cost.offButBilled);
        QVERIFY2(cost.note.contains(u"≈ $7.59 for the instance and ≈ $0.64 for its 1 EBS volume "
                                    "(8 GiB)"_s),
                 qPrintable(cost.note));
        // Without an instance price, the volumes alone are no running price.
        const MachineCost unknown = MachineCost::of(
            aws(u"i-spot"_s, MachineState::Running, std::nullopt, u"0.64"_s), billing(), nullptr);
        QVERIFY(!unknown.billed.isValid());
    }

    void withoutAVolumesPriceTheOldWordingStands()
    {
        const MachineCost stopped =
            MachineCost::of(aws(u"i-1"_s, MachineState::Stopped, 7.59), billing(), nullptr);
        QVERIFY(stopped.volumesOnly);
        QVERIFY(!stopped.offButBilled);
        QCOMPARE(stopped.billed, Money(0, u"USD"_s));
        QVERIFY(!stopped.volumes);
        QVERIFY(stopped.note.contains(u"its disks still are (not priced here)"_s));
        const MachineCost up =
            MachineCost::of(aws(u"i-1"_s, MachineState::Running, 7.59), billing(), nullptr);
        QCOMPARE(up.billed, Money(759, u"USD"_s));
        QVERIFY(up.note.isEmpty());
        // Counted but unpriced volumes (an unknown type) are no price either.
        Machine counted = aws(u"i-2"_s, MachineState::Stopped, 7.59);
        counted.extra.insert(u"volumeCount"_s, 1);
        QVERIFY(MachineCost::of(counted, billing(), nullptr).volumesOnly);
        // Nor is a volumes price that does not parse.
        QVERIFY(MachineCost::of(aws(u"i-3"_s, MachineState::Stopped, 7.59, u"1,50"_s), billing(),
                                nullptr)
                    .volumesOnly);
    }

    void volumesInAnotherCurrencyAreNotAdded()
    {
        Machine china = aws(u"i-cn"_s, MachineState::Running, 50.0, u"3.00"_s);
        china.extra.insert(u"priceCurrency"_s, u"CNY"_s);
        const MachineCost cost = MachineCost::of(china, billing(), nullptr);
        QCOMPARE(cost.billed, Money(5000, u"CNY"_s));
        QVERIFY(!cost.volumes);
    }

    void aUserPriceIsTheWholeRunningPrice()
    {
        UserPrices prices(m_dir.filePath(u"prices.ini"_s));
        QVERIFY(prices.setMachinePrice(u"acct"_s, u"i-1"_s, Money(2000, u"USD"_s)));
        const MachineCost up = MachineCost::of(
            aws(u"i-1"_s, MachineState::Running, 7.59, u"0.64"_s), billing(), &prices);
        QCOMPARE(up.billed, Money(2000, u"USD"_s));
        QCOMPARE(up.source, MachineCost::Source::User);
        // Stopped, the volumes are what is still billed.
        const MachineCost off = MachineCost::of(
            aws(u"i-1"_s, MachineState::Stopped, 7.59, u"0.64"_s), billing(), &prices);
        QCOMPARE(off.billed, Money(64, u"USD"_s));
        QCOMPARE(off.price, std::optional<Money>(Money(2000, u"USD"_s)));
        QCOMPARE(off.source, MachineCost::Source::User);
    }

    void theReportCountsStoppedVolumesAsOffButBilled()
    {
        CostReport::Context context;
        context.metadata = [this](const QString &id) {
            return m_registry.metadata(id);
        };
        const QList<Machine> machines = {
            aws(u"i-run"_s, MachineState::Running, 7.59, u"0.64"_s),
            aws(u"i-off"_s, MachineState::Stopped, 80.88, u"15.50"_s, 2, 130),
            aws(u"i-unpriced"_s, MachineState::Stopped, 7.59),
        };
        const CostReport report =
            CostReport::build(machines, context, CostReport::GroupBy::Provider);
        QCOMPARE(report.total().amount(u"USD"_s), Money(823 + 1550, u"USD"_s));
        QCOMPARE(report.offButBilled().amount(u"USD"_s), Money(1550, u"USD"_s));
        QCOMPARE(report.offButBilledCount(), 1);
        QVERIFY(report.offButBilledIsEstimate());
        QCOMPARE(report.volumesOnlyCount(), 1); // the one whose volumes are not priced
        QVERIFY(report.hasEstimates());
        const QJsonObject json = report.toJson();
        QCOMPARE(json[u"total"_s][u"USD"_s].toString(), u"23.73"_s);
        QCOMPARE(json[u"offButBilled"_s][u"USD"_s].toString(), u"15.50"_s);
        const QJsonArray lines = json[u"machines"_s].toArray();
        QCOMPARE(lines[1][u"volumesMonthly"_s].toString(), u"15.50"_s);
        QCOMPARE(lines[1][u"billedMonthly"_s].toString(), u"15.50"_s);
        QVERIFY(!lines[2].toObject().contains(u"volumesMonthly"_s));
        const QList<QByteArray> rows = report.toCsv().split('\n');
        QVERIFY(rows.at(0).trimmed().endsWith(",idle,volumes_monthly"));
        QVERIFY2(rows.at(2).trimmed().endsWith(",no,15.50"), rows.at(2).constData());
    }
};

QTEST_GUILESS_MAIN(TestMachineCost)
#include "tst_machinecost.moc"
