// The engine's hot paths with 10,000 machines: merging a refresh, and a cold start from the cache.
// Goals (issue 4): merge under 20 ms, cache load under 100 ms.
#include "inventorycache.h"
#include "machinerecord.h"
#include "inventorytestsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace InventoryTest;

namespace {
constexpr int s_count = 10'000;
}

class BenchInventory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_rig.reset(new InventoryRig);
        m_account = m_rig->addAccount(QStringLiteral("Big"));
        m_listing = machines(m_account, s_count);
        m_cacheFile = m_rig->dir.filePath(QStringLiteral("cold.sqlite"));
        InventoryCache cache(m_cacheFile);
        QVERIFY(cache.open());
        QVERIFY(cache.replaceMachines(m_account, m_listing, QDateTime::currentDateTimeUtc()));
    }

    /// A refresh of 10,000 machines of which one changed: diff, model signals, cache transaction.
    void mergeOneChange()
    {
        InventoryCache cache(m_rig->dir.filePath(QStringLiteral("merge.sqlite")));
        m_rig->inventory.setCache(&cache);
        QCOMPARE(m_rig->inventory.loadFromCache(), 0);
        m_rig->inventory.applyRefresh(m_account, m_listing);
        QCOMPARE(m_rig->model.rowCount(), s_count);
        QCOMPARE(cache.machineCount(m_account), s_count);
        QList<Machine> listing = m_listing;
        int flip = 0;
        QBENCHMARK
        {
            listing[4321].name = QStringLiteral("renamed-%1").arg(++flip);
            m_rig->inventory.applyRefresh(m_account, listing);
        }
        QCOMPARE(m_rig->model.at(m_rig->model.rowOf(m_account, listing.at(4321).id)).name,
                 listing.at(4321).name);
        QCOMPARE(cache.machineCount(m_account), s_count);
        m_rig->inventory.setCache(nullptr);
        m_rig->model.removeAccount(m_account);
    }

    /// The same without the cache: what the diff and the model cost alone.
    void mergeOneChangeModelOnly()
    {
        m_rig->inventory.applyRefresh(m_account, m_listing);
        QList<Machine> listing = m_listing;
        int flip = 0;
        QBENCHMARK
        {
            listing[4321].state = ++flip % 2 ? MachineState::Stopped : MachineState::Running;
            m_rig->inventory.applyRefresh(m_account, listing);
        }
        m_rig->model.removeAccount(m_account);
    }

    void mergeNoChange()
    {
        m_rig->inventory.applyRefresh(m_account, m_listing);
        QBENCHMARK
        {
            m_rig->inventory.applyRefresh(m_account, m_listing);
        }
        m_rig->model.removeAccount(m_account);
    }

    /// Start-up: open the cache file (integrity check, schema check) and fill an empty model.
    void coldCacheLoad()
    {
        QBENCHMARK
        {
            MachineModel model;
            Inventory inventory(&m_rig->registry, &m_rig->accounts, &m_rig->credentials, &model);
            InventoryCache cache(m_cacheFile);
            inventory.setCache(&cache);
            if (inventory.loadFromCache() != s_count)
                QFAIL("not every machine was loaded");
        }
    }

    /// The parts of the cold start, to see where the time goes.
    void coldCacheOpenOnly()
    {
        QBENCHMARK
        {
            InventoryCache cache(m_cacheFile);
            QVERIFY(cache.open());
        }
    }

    void coldCacheReadOnly()
    {
        InventoryCache cache(m_cacheFile);
        QVERIFY(cache.open());
        QBENCHMARK
        {
            const QList<Machine> loaded = cache.machines();
            QCOMPARE(loaded.size(), s_count);
        }
    }

    void coldModelFillOnly()
    {
        QBENCHMARK
        {
            MachineModel model;
            model.setAccountMachines(m_account, m_listing);
        }
    }

    /// A first refresh writing all 10,000 rows (a new account, or after the cache was rebuilt).
    void fullCacheWrite()
    {
        InventoryCache cache(m_rig->dir.filePath(QStringLiteral("full.sqlite")));
        QVERIFY(cache.open());
        QBENCHMARK
        {
            QVERIFY(cache.replaceMachines(m_account, m_listing, QDateTime::currentDateTimeUtc()));
        }
    }

    /// The CLI's online list writes a listing without reading the cache: every record encoded
    /// and compared with the stored one; here none differs, so nothing but the time is written.
    void syncUnchangedListing()
    {
        InventoryCache cache(m_rig->dir.filePath(QStringLiteral("sync.sqlite")));
        QVERIFY(cache.open());
        QVERIFY(cache.replaceMachines(m_account, m_listing, QDateTime::currentDateTimeUtc()));
        QBENCHMARK
        {
            QVERIFY(cache.syncMachines(m_account, m_listing, QDateTime::currentDateTimeUtc()));
        }
    }

    void encodeRecords()
    {
        qsizetype bytes = 0;
        QBENCHMARK
        {
            for (const Machine &machine : std::as_const(m_listing))
                bytes += MachineRecord::encode(machine).size();
        }
        QVERIFY(bytes > 0);
    }

private:
    std::unique_ptr<InventoryRig> m_rig;
    QString m_account;
    QList<Machine> m_listing;
    QString m_cacheFile;
};

QTEST_GUILESS_MAIN(BenchInventory)
#include "bench_inventory.moc"
