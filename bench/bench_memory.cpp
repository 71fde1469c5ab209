// Memory held for 10,000 machines: resident set growth (from /proc/self/statm) while a model is
// filled from the cache as the app does at start. Goal (issue 4): under 25 MB.
#include "inventorycache.h"
#include "inventorytestsupport.h"
#include "machinefiltermodel.h"

#include <QFile>
#include <QTest>

#include <malloc.h>
#include <unistd.h>

using namespace InventoryTest;

namespace {
constexpr int s_count = 10'000;

/// Resident set size in bytes, after giving freed heap back to the system.
qint64 residentBytes()
{
    malloc_trim(0);
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * sysconf(_SC_PAGESIZE) : -1;
}
} // namespace

class BenchMemory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_rig.reset(new InventoryRig);
        m_account = m_rig->addAccount(QStringLiteral("Big"));
        m_cacheFile = m_rig->dir.filePath(QStringLiteral("memory.sqlite"));
        InventoryCache cache(m_cacheFile);
        QVERIFY(cache.open());
        QVERIFY(cache.replaceMachines(m_account, machines(m_account, s_count),
                                      QDateTime::currentDateTimeUtc()));
    }

    /// The model holding 10,000 machines loaded from the cache, with the cache closed again.
    void modelOf10000()
    {
        const qint64 before = residentBytes();
        {
            InventoryCache cache(m_cacheFile);
            m_rig->inventory.setCache(&cache);
            QCOMPARE(m_rig->inventory.loadFromCache(), s_count);
            m_rig->inventory.setCache(nullptr);
        }
        const qint64 model = residentBytes() - before;
        MachineFilterModel filter;
        filter.setMachineModel(&m_rig->model);
        filter.setSearchText(QStringLiteral("web"));
        QCOMPARE(filter.rowCount(), s_count);
        const qint64 withFilter = residentBytes() - before;
        // QtTest runs this twice; the second run reuses the heap the first one freed, so only the
        // first one says what a fresh process needs.
        static int run = 0;
        ++run;
        qInfo("run %d%s: RSS growth for %d machines: model %.1f MB, model + sorted filter with a "
              "search %.1f MB (%lld bytes per machine)",
              run, run == 1 ? " (fresh heap)" : " (reused heap)", s_count, model / 1048576.0,
              withFilter / 1048576.0, withFilter / s_count);
        QTest::setBenchmarkResult(qreal(withFilter), QTest::BytesAllocated);
        QCOMPARE(m_rig->model.rowCount(), s_count);
        // QtTest may run a benchmark function more than once: leave things as they were.
        m_rig->model.removeAccount(m_account);
    }

private:
    std::unique_ptr<InventoryRig> m_rig;
    QString m_account;
    QString m_cacheFile;
};

QTEST_GUILESS_MAIN(BenchMemory)
#include "bench_memory.moc"
