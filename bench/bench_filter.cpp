// Search and filter over 10,000 machines, per keystroke. Goal (issue 4): under 10 ms.
#include "inventorytestsupport.h"
#include "machinefiltermodel.h"

#include <QTest>

using namespace InventoryTest;

namespace {
constexpr int s_count = 10'000;
}

class BenchFilter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QList<Machine> list;
        for (int account = 0; account < 4; ++account)
            list += machines(QStringLiteral("account-%1").arg(account), s_count / 4,
                             account * s_count / 4);
        for (int account = 0; account < 4; ++account) {
            const QString id = QStringLiteral("account-%1").arg(account);
            QList<Machine> mine;
            for (const Machine &m : std::as_const(list)) {
                if (m.accountId == id)
                    mine.append(m);
            }
            m_model.setAccountMachines(id, mine);
        }
        QCOMPARE(m_model.rowCount(), s_count);
        m_filter.setMachineModel(&m_model);
        QCOMPARE(m_filter.rowCount(), s_count);
    }

    /// Typing "web-12" then deleting it, one keystroke per iteration: narrowing and widening.
    void keystroke_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::newRow("'' -> 'w' (first keystroke: builds the search text; all match)")
            << QString() << QStringLiteral("w");
        QTest::newRow("'web-1' -> 'web-12'") << QStringLiteral("web-1") << QStringLiteral("web-12");
        QTest::newRow("'web-12' -> 'web-1' (backspace)")
            << QStringLiteral("web-12") << QStringLiteral("web-1");
        QTest::newRow("'' -> '203.0.1' (an IP)") << QString() << QStringLiteral("203.0.1");
        QTest::newRow("'prod' -> 'prod t' (two words)")
            << QStringLiteral("prod") << QStringLiteral("prod t");
        QTest::newRow("'zz' -> 'zzz' (nothing matches)")
            << QStringLiteral("zz") << QStringLiteral("zzz");
        // The window's costliest keystroke (bench_window): every row back after a search that
        // matched none; this half of it, the model's, is the search's end and the re-sort.
        QTest::newRow("'zzz' -> '' (all rows back, and the search again)")
            << QStringLiteral("zzz") << QString();
    }

    void keystroke()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        m_filter.setSearchText(from);
        // Each iteration is one keystroke (to) plus the one that undoes it (from): halve it.
        QBENCHMARK
        {
            m_filter.setSearchText(to);
            m_filter.setSearchText(from);
        }
        m_filter.setSearchText(to);
        qInfo("%s: %d of %d rows shown", QTest::currentDataTag(), m_filter.rowCount(), s_count);
        m_filter.setSearchText({});
    }

    void stateChip()
    {
        QBENCHMARK
        {
            m_filter.setStates({QStringLiteral("stopped")});
            m_filter.setStates({});
        }
    }

    void sortByCost()
    {
        int flip = 0;
        QBENCHMARK
        {
            m_filter.setSortKey(++flip % 2 ? MachineFilterModel::SortByCost
                                           : MachineFilterModel::SortByName);
            // The proxy sorts lazily, when a view next asks for a row.
            if (!m_filter.index(0, 0).isValid())
                QFAIL("no rows");
        }
        m_filter.setSortKey(MachineFilterModel::SortByName);
    }

    void summaryOfAllRows()
    {
        QBENCHMARK
        {
            m_filter.setAccountIds({QStringLiteral("account-1")});
            volatile double cost = m_filter.totalMonthlyCost();
            Q_UNUSED(cost);
            m_filter.setAccountIds({});
            cost = m_filter.totalMonthlyCost();
        }
    }

private:
    MachineModel m_model;
    MachineFilterModel m_filter;
};

QTEST_GUILESS_MAIN(BenchFilter)
#include "bench_filter.moc"
