// CostModel, the Cost page's model: groups of what is shown, per-currency bars, the totals as
// properties, under QAbstractItemModelTester.
#include "costmodel.h"
#include "machinefiltermodel.h"
#include "machinemodel.h"
#include "providerregistry.h"
#include "userprices.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
Machine make(const QString &account, const QString &provider, const QString &id,
             MachineState::State state, std::optional<double> price, const QString &region)
{
    Machine m;
    m.accountId = account;
    m.providerId = provider;
    m.id = id;
    m.name = u"m-"_s + id;
    m.state = state;
    m.pricePerMonth = price;
    m.region = region;
    m.size = u"s-1"_s;
    return m;
}
} // namespace

class TestCostModel : public QObject
{
    Q_OBJECT

    ProviderRegistry m_registry;
    QTemporaryDir m_dir;
    MachineModel *m_machines = nullptr;
    CostModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_machines = new MachineModel(this);
        m_machines->setAccountName(u"do"_s, u"Work"_s);
        m_machines->setAccountName(u"hz"_s, u"Home"_s);
        m_machines->setAccountMachines(
            u"do"_s,
            {make(u"do"_s, u"digitalocean"_s, u"1"_s, MachineState::Running, 24, u"nyc3"_s),
             make(u"do"_s, u"digitalocean"_s, u"2"_s, MachineState::Stopped, 12, u"fra1"_s)});
        m_machines->setAccountMachines(
            u"hz"_s, {make(u"hz"_s, u"hetzner"_s, u"7"_s, MachineState::Running, 4.51, u"fsn1"_s)});
        m_model = new CostModel(this);
        m_tester = new QAbstractItemModelTester(
            m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        m_model->setRegistry(&m_registry);
        m_model->setMachineModel(m_machines);
    }
    void cleanup()
    {
        delete m_tester;
        delete m_model;
        delete m_machines;
    }

    void groupsByProviderWithTotals()
    {
        QTRY_COMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->machineCount(), 3);
        const QModelIndex first = m_model->index(0);
        QCOMPARE(first.data(CostModel::KeyRole).toString(), u"digitalocean"_s);
        QCOMPARE(first.data(CostModel::LabelRole).toString(), u"DigitalOcean"_s);
        QCOMPARE(first.data(CostModel::TotalTextRole).toString(), u"$36.00"_s);
        QCOMPARE(first.data(CostModel::OffButBilledTextRole).toString(), u"$12.00"_s);
        QCOMPARE(first.data(CostModel::OffButBilledCountRole).toInt(), 1);
        QCOMPARE(m_model->index(1).data(CostModel::TotalTextRole).toString(), u"€4.51"_s);
        QCOMPARE(m_model->totalText(), u"€4.51 + $36.00"_s);
        QCOMPARE(m_model->offButBilledText(), u"$12.00"_s);
        QCOMPARE(m_model->offButBilledCount(), 1);
        QVERIFY(m_model->hint().isEmpty());
        QCOMPARE(m_model->roleNames().value(CostModel::BarsRole), QByteArray("bars"));

        // Bars: each currency on its own scale, so the one euro group is a full bar.
        const QVariantList dollars = first.data(CostModel::BarsRole).toList();
        QCOMPARE(dollars.size(), 1);
        QCOMPARE(dollars[0].toMap()[u"currency"_s].toString(), u"USD"_s);
        QCOMPARE(dollars[0].toMap()[u"fraction"_s].toDouble(), 1.0);
        QVERIFY(dollars[0].toMap()[u"main"_s].toBool()); // two machines in dollars, one in euros
        const QVariantList euros = m_model->index(1).data(CostModel::BarsRole).toList();
        QCOMPARE(euros[0].toMap()[u"fraction"_s].toDouble(), 1.0);
        QVERIFY(!euros[0].toMap()[u"main"_s].toBool());
        QCOMPARE(m_model->index(0).data(CostModel::TotalLinesRole).toStringList(),
                 QStringList {u"$36.00"_s});

        const QVariantList off = m_model->offMachines();
        QCOMPARE(off.size(), 1);
        QCOMPARE(off[0].toMap()[u"name"_s].toString(), u"m-2"_s);
        QCOMPARE(off[0].toMap()[u"account"_s].toString(), u"Work"_s);
        QVERIFY(off[0].toMap()[u"billed"_s].toBool());
    }

    void regroupsAndFollowsChanges()
    {
        QTRY_COMPARE(m_model->rowCount(), 2);
        QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
        m_model->setGroupBy(u"region"_s);
        QCOMPARE(m_model->groupBy(), u"region"_s);
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->index(0).data(CostModel::KeyRole).toString(), u"nyc3"_s);
        QCOMPARE(reset.size(), 1);
        m_model->setGroupBy(u"bogus"_s); // ignored
        QCOMPARE(m_model->groupBy(), u"region"_s);

        // A price change in the same groups updates rows in place, without a reset.
        QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
        Machine pricier =
            make(u"do"_s, u"digitalocean"_s, u"1"_s, MachineState::Running, 48, u"nyc3"_s);
        m_machines->upsert(pricier);
        QTRY_VERIFY(changed.size() > 0);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(m_model->index(0).data(CostModel::TotalTextRole).toString(), u"$48.00"_s);
    }

    void idleMachinesFollowTheMetrics()
    {
        QTRY_COMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->idleCount(), 0);
        QVERIFY(m_model->idleText().isEmpty());
        QSignalSpy report(m_model, &CostModel::reportChanged);
        m_machines->setIdle(u"hz"_s, u"7"_s, true);
        m_machines->setIdle(u"do"_s, u"2"_s, true); // off: its cost is "off but billed", not idle
        QTRY_COMPARE(m_model->idleCount(), 1);
        QVERIFY(report.size() > 0);
        QCOMPARE(m_model->idleText(), u"€4.51"_s);
        const QVariantList idle = m_model->idleMachines();
        QCOMPARE(idle.size(), 1);
        QCOMPARE(idle[0].toMap()[u"name"_s].toString(), u"m-7"_s);
        QCOMPARE(idle[0].toMap()[u"account"_s].toString(), u"Home"_s);
        QCOMPARE(idle[0].toMap()[u"billedText"_s].toString(), u"€4.51"_s);
        m_machines->setIdle(u"hz"_s, u"7"_s, false);
        QTRY_COMPARE(m_model->idleCount(), 0);
    }

    void showsWhatTheViewShows()
    {
        MachineFilterModel filter;
        filter.setMachineModel(m_machines);
        filter.setAccountIds({u"hz"_s});
        m_model->setView(&filter);
        QTRY_COMPARE(m_model->machineCount(), 1);
        QCOMPARE(m_model->totalText(), u"€4.51"_s);
        filter.setAccountIds({});
        QTRY_COMPARE(m_model->machineCount(), 3);
        m_model->setView(nullptr);
    }

    void userPricesAndExport()
    {
        UserPrices prices(m_dir.filePath(u"prices.ini"_s));
        m_model->setUserPrices(&prices);
        prices.setMachinePrice(u"hz"_s, u"7"_s, Money(1000, u"EUR"_s));
        QTRY_COMPARE(m_model->totalText(), u"€10.00 + $36.00"_s);
        QVERIFY(m_model->convertedText().isEmpty()); // no rates set
        prices.setRate(u"USD"_s, u"EUR"_s, u"1.10"_s);
        QTRY_COMPARE(m_model->convertedText(), u"≈ $47.00"_s);

        const QString path = m_dir.filePath(u"cost.csv"_s);
        QVERIFY(m_model->exportCsv(QUrl::fromLocalFile(path)));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY(csv.startsWith("account,provider,name"));
        QVERIFY(csv.contains(",10.00,EUR,10.00,user,"));
        QVERIFY(
            !m_model->exportCsv(QUrl::fromLocalFile(m_dir.filePath(u"missing/dir/cost.csv"_s))));
        QVERIFY(!m_model->errorString().isEmpty());
        m_model->setUserPrices(nullptr);
    }
};

QTEST_GUILESS_MAIN(TestCostModel)
#include "tst_costmodel.moc"
