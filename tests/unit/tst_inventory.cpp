#include "inventorycache.h"
#include "inventorytestsupport.h"
#include "modelsignals.h"
#include "negativewait.h"
#include "pollscheduler.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace InventoryTest;

/// Refresh, merge, cache and polling through the Inventory, with FakeProviders.
class TestInventory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_rig.reset(new InventoryRig);
        m_tester.reset(new QAbstractItemModelTester(
            &m_rig->model, QAbstractItemModelTester::FailureReportingMode::QtTest));
    }
    void cleanup()
    {
        m_tester.reset();
        m_rig.reset();
    }

    void refreshMergesIntoTheModel()
    {
        const QString a = m_rig->addAccount(QStringLiteral("Work"));
        m_rig->listings[a] = machines(QString(), 5);
        QCOMPARE(refresh(a).message(), QString());
        QCOMPARE(m_rig->model.rowCount(), 5);
        const Machine &m = m_rig->model.at(0);
        QCOMPARE(m.accountId, a);
        QCOMPARE(m.providerId, QStringLiteral("fake"));
        QVERIFY(m.lastSeen.isValid());
        QCOMPARE(m_rig->model.index(0).data(MachineModel::AccountNameRole).toString(),
                 QStringLiteral("Work"));
        QVERIFY(m_rig->inventory.lastSuccess(a).isValid());
        QVERIFY(!m_rig->inventory.lastError(a).isError());
        QVERIFY(!m_rig->inventory.isFromCache(a));
        // The provider's capabilities reach the rows once the provider exists.
        QVERIFY(m_rig->model.index(0)
                    .data(MachineModel::AllowedActionsRole)
                    .toStringList()
                    .contains(QStringLiteral("reboot")));
    }

    void accountsRefreshInParallel()
    {
        const QString a = m_rig->addAccount(QStringLiteral("A"));
        const QString b = m_rig->addAccount(QStringLiteral("B"));
        m_rig->listings[a] = machines(QString(), 2);
        m_rig->listings[b] = machines(QString(), 3, 10);
        m_rig->holdListings = true;
        QSignalSpy refreshing(&m_rig->inventory, &Inventory::refreshingChanged);
        QSignalSpy finished(&m_rig->inventory, &Inventory::refreshFinished);
        m_rig->inventory.refreshAll();
        QVERIFY(m_rig->inventory.isRefreshing());
        // Both accounts' listings are in flight at the same time.
        QTRY_VERIFY(m_rig->providers.value(a) && m_rig->providers.value(b));
        QTRY_COMPARE(m_rig->providers.value(a)->heldListings(), 1);
        QTRY_COMPARE(m_rig->providers.value(b)->heldListings(), 1);
        QVERIFY(m_rig->inventory.isRefreshing(a) && m_rig->inventory.isRefreshing(b));
        // Asking again while one runs sends nothing more now.
        m_rig->inventory.refresh(a);
        QCOMPARE(m_rig->providers.value(a)->listCalls, 1);
        m_rig->providers.value(b)->releaseListings();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toString(), b);
        m_rig->providers.value(a)->holdListing = false;
        m_rig->providers.value(a)->releaseListings();
        // a finishes, then runs once more (it was asked while running), then everything is idle.
        QTRY_COMPARE(finished.size(), 3);
        QTRY_VERIFY(!m_rig->inventory.isRefreshing());
        QCOMPARE(m_rig->providers.value(a)->listCalls, 2);
        QCOMPARE(refreshing.size(), 2); // on, off: the extra refresh of a followed at once
        QCOMPARE(m_rig->model.rowCount(), 5);
    }

    void failedRefreshKeepsWhatIsKnown()
    {
        const QString a = m_rig->addAccount(QStringLiteral("A"));
        m_rig->listings[a] = machines(QString(), 3);
        QCOMPARE(refresh(a).message(), QString());
        const QDateTime good = m_rig->inventory.lastSuccess(a);
        const QDateTime seen = m_rig->model.at(0).lastSeen;
        QSignalSpy status(&m_rig->inventory, &Inventory::accountStatusChanged);
        for (const Error &error :
             {Error(Error::Network, QStringLiteral("Could not connect.")),
              Error(Error::Auth, QStringLiteral("The token was revoked."), 401),
              Error(Error::InvalidReply, QStringLiteral("The reply was cut short.")),
              Error(Error::Server, QStringLiteral("Service unavailable"), 503)}) {
            m_rig->provider(a)->listError = error;
            ModelSignals spies(&m_rig->model);
            const Error reported = refresh(a);
            QCOMPARE(reported.kind(), error.kind());
            QCOMPARE(m_rig->inventory.lastError(a).message(), error.message());
            QCOMPARE(m_rig->inventory.lastErrorMessage(a), error.message());
            QCOMPARE(m_rig->inventory.lastSuccess(a), good);
            QCOMPARE(spies.total(), 0);
            QCOMPARE(m_rig->model.rowCount(), 3);
            QCOMPARE(m_rig->model.at(0).lastSeen, seen);
        }
        QVERIFY(status.size() >= 4);
        m_rig->provider(a)->listError = Error();
        QCOMPARE(refresh(a).message(), QString());
        QVERIFY(!m_rig->inventory.lastError(a).isError());
    }

    /// Through the whole engine: a refresh that finds nothing new emits no model signal, and one
    /// changed machine emits exactly one dataChanged.
    void noChangeRefreshEmitsNothingAndOneChangeOneSignal()
    {
        const QString a = m_rig->addAccount(QStringLiteral("A"));
        m_rig->listings[a] = machines(QString(), 1000);
        InventoryCache cache(m_rig->dir.filePath(QStringLiteral("cache.sqlite")));
        m_rig->inventory.setCache(&cache);
        QCOMPARE(m_rig->inventory.loadFromCache(), 0);
        QCOMPARE(refresh(a).message(), QString());
        QCOMPARE(m_rig->model.rowCount(), 1000);
        {
            ModelSignals spies(&m_rig->model);
            QCOMPARE(refresh(a).message(), QString());
            QCOMPARE(spies.total(), 0);
        }
        ModelSignals spies(&m_rig->model);
        m_rig->provider(a)->listing[640].name = QStringLiteral("renamed");
        QCOMPARE(refresh(a).message(), QString());
        QCOMPARE(spies.total(), 1);
        QCOMPARE(spies.changed.size(), 1);
        QCOMPARE(spies.changed.first().at(0).toModelIndex().row(), 640);
        QCOMPARE(cache.machines(a).size(), 1000);
    }

    void cachePaintsBeforeAnyReply()
    {
        const QString file = m_rig->dir.filePath(QStringLiteral("cache.sqlite"));
        const QString a = m_rig->addAccount(QStringLiteral("A"));
        const QString b = m_rig->addAccount(QStringLiteral("B"));
        {
            InventoryCache cache(file);
            QVERIFY(cache.open());
            QVERIFY(cache.replaceMachines(a, machines(a, 4),
                                          QDateTime::currentDateTimeUtc().addSecs(-7200)));
            QVERIFY(cache.recordFailure(b, Error(Error::Auth, QStringLiteral("401 from B"), 401),
                                        QDateTime::currentDateTimeUtc()));
        }
        InventoryCache cache(file);
        m_rig->inventory.setCache(&cache);
        QSignalSpy status(&m_rig->inventory, &Inventory::accountStatusChanged);
        // Synchronous: the rows are there before the event loop runs, with no provider made.
        QCOMPARE(m_rig->inventory.loadFromCache(), 4);
        QCOMPARE(m_rig->model.rowCount(), 4);
        QCOMPARE(m_rig->providersCreated, 0);
        QVERIFY(m_rig->inventory.isFromCache(a));
        QVERIFY(m_rig->inventory.lastSuccess(a).secsTo(QDateTime::currentDateTimeUtc()) >= 7199);
        QCOMPARE(m_rig->inventory.lastError(b).kind(), Error::Auth);
        QCOMPARE(status.size(), 2);

        // The first refresh then merges as a diff against the cached picture.
        QList<Machine> fresh = machines(QString(), 4);
        fresh[2].state = MachineState::Stopped;
        m_rig->listings[a] = fresh;
        // Made now: a provider made later would bring its capabilities (a dataChanged of
        // allowedActions) into the count below. With plugins they are known from the start.
        QVERIFY(m_rig->provider(a));
        ModelSignals spies(&m_rig->model);
        QCOMPARE(refresh(a).message(), QString());
        QCOMPARE(spies.total(), 1);
        QVERIFY(!m_rig->inventory.isFromCache(a));
    }

    /// What `clouddeck-cli machines list` does when an account cannot be reached: cached rows
    /// stay, marked as such, with their age and the reason.
    void unreachableAccountFallsBackToTheCache()
    {
        const QString file = m_rig->dir.filePath(QStringLiteral("cache.sqlite"));
        const QString a = m_rig->addAccount(QStringLiteral("A"));
        const QDateTime then = QDateTime::currentDateTimeUtc().addSecs(-3600);
        {
            InventoryCache cache(file);
            QVERIFY(cache.open());
            QVERIFY(cache.replaceMachines(a, machines(a, 2), then));
        }
        InventoryCache cache(file);
        m_rig->inventory.setCache(&cache);
        m_rig->inventory.loadFromCache();
        m_rig->provider(a)->listError = Error(Error::Network, QStringLiteral("Host unreachable."));
        QCOMPARE(refresh(a).kind(), Error::Network);
        QCOMPARE(m_rig->model.rowCount(), 2);
        QVERIFY(m_rig->inventory.isFromCache(a));
        QCOMPARE(m_rig->inventory.lastSuccess(a), then);
        // The failure is in the cache too, the last good time kept.
        QCOMPARE(cache.status(a).lastError.kind(), Error::Network);
        QCOMPARE(cache.status(a).lastSuccess, then);
    }

    /// The CLI's online list opens the cache without reading its rows: a refresh that works is
    /// written by comparing its list with the stored one, and only the accounts that did not
    /// answer are read afterwards.
    void refreshWithoutReadingTheCache()
    {
        const QString file = m_rig->dir.filePath(QStringLiteral("cache.sqlite"));
        const QString a = m_rig->addAccount(QStringLiteral("A"));
        const QString b = m_rig->addAccount(QStringLiteral("B"));
        const QString c = m_rig->addAccount(QStringLiteral("C")); // not refreshed at all
        const QDateTime then = QDateTime::currentDateTimeUtc().addSecs(-3600);
        {
            InventoryCache cache(file);
            QVERIFY(cache.open());
            QVERIFY(cache.replaceMachines(a, machines(a, 4), then));
            QVERIFY(cache.replaceMachines(b, machines(b, 3, 100), then));
            QVERIFY(cache.replaceMachines(c, machines(c, 2, 200), then));
        }
        InventoryCache cache(file);
        m_rig->inventory.setCache(&cache);
        QVERIFY(m_rig->inventory.openCache());
        QCOMPARE(m_rig->model.rowCount(), 0); // nothing read

        QList<Machine> listing = machines(QString(), 4);
        listing.removeAt(1);
        listing[0].name = QStringLiteral("renamed");
        m_rig->listings[a] = listing;
        m_rig->provider(b)->listError = Error(Error::Network, QStringLiteral("Host unreachable."));
        QCOMPARE(refresh(a).message(), QString());
        QCOMPARE(refresh(b).kind(), Error::Network);
        QCOMPARE(m_rig->model.rowCount(), 3); // only A's fresh list
        QCOMPARE(cache.machineCount(a), 3);
        const QList<Machine> stored = cache.machines(a);
        QVERIFY(std::any_of(stored.cbegin(), stored.cend(),
                            [](const Machine &m) { return m.name == QStringLiteral("renamed"); }));
        QVERIFY(cache.status(a).lastSuccess > then);

        // B did not answer: its cached rows are read now (and only its: C was not asked for);
        // A's fresh list is not replaced.
        QCOMPARE(m_rig->inventory.loadFromCache({b}), 3);
        QCOMPARE(m_rig->model.machineCount(a), 3);
        QCOMPARE(m_rig->model.machineCount(b), 3);
        QCOMPARE(m_rig->model.machineCount(c), 0);
        QCOMPARE(m_rig->inventory.loadFromCache(), 5); // B again (unchanged) and C
        QCOMPARE(m_rig->model.machineCount(b), 3);
        QCOMPARE(m_rig->model.machineCount(c), 2);
        QVERIFY(m_rig->inventory.isFromCache(b));
        QVERIFY(!m_rig->inventory.isFromCache(a));
        QCOMPARE(m_rig->inventory.lastSuccess(b), then);

        // From now on A's refreshes are diffs against what the file holds.
        m_rig->provider(a)->listing.removeFirst();
        QCOMPARE(refresh(a).message(), QString());
        QCOMPARE(cache.machineCount(a), 2);
        QCOMPARE(cache.machineCount(b), 3);
        QCOMPARE(cache.machineCount(c), 2);
    }

    void refreshesWriteTheCache()
    {
        const QString a = m_rig->addAccount(QStringLiteral("A"));
        InventoryCache cache(m_rig->dir.filePath(QStringLiteral("cache.sqlite")));
        m_rig->inventory.setCache(&cache);
        m_rig->inventory.loadFromCache();
        m_rig->listings[a] = machines(QString(), 6);
        QCOMPARE(refresh(a).message(), QString());
        QCOMPARE(cache.machineCount(a), 6);
        m_rig->provider(a)->listing.removeFirst();
        m_rig->provider(a)->listing[0].tags = {QStringLiteral("db")};
        QCOMPARE(refresh(a).message(), QString());
        QCOMPARE(cache.machineCount(a), 5);
        QList<Machine> cached = cache.machines(a);
        const auto it = std::find_if(cached.cbegin(), cached.cend(), [&](const Machine &m) {
            return m.id == m_rig->provider(a)->listing.at(0).id;
        });
        QVERIFY(it != cached.cend());
        QCOMPARE(it->tags, QStringList {QStringLiteral("db")});
        QCOMPARE(cache.status(a).lastSuccess.toMSecsSinceEpoch(),
                 m_rig->inventory.lastSuccess(a).toMSecsSinceEpoch());
    }

    /// Another process (the CLI) changed the file behind our back: the next refresh notices and
    /// writes the account's whole list, so the file is right again.
    void cacheChangedByAnotherProcessHeals()
    {
        const QString file = m_rig->dir.filePath(QStringLiteral("cache.sqlite"));
        const QString a = m_rig->addAccount(QStringLiteral("A"));
        InventoryCache cache(file);
        m_rig->inventory.setCache(&cache);
        m_rig->inventory.loadFromCache();
        m_rig->listings[a] = machines(QString(), 5);
        QCOMPARE(refresh(a).message(), QString());
        {
            InventoryCache other(file);
            QVERIFY(other.open());
            QVERIFY(other.removeMachine(a, m_rig->model.at(1).id));
            QVERIFY(other.upsertMachine(machine(a, 77)));
            QVERIFY(other.upsertMachine(machine(a, 78)));
        }
        m_rig->provider(a)->listing[3].name = QStringLiteral("changed");
        QCOMPARE(refresh(a).message(), QString());
        QList<QString> ids;
        for (const Machine &m : cache.machines(a))
            ids.append(m.id);
        std::sort(ids.begin(), ids.end());
        QList<QString> expected;
        for (const Machine &m : m_rig->provider(a)->listing)
            expected.append(m.id);
        std::sort(expected.begin(), expected.end());
        QCOMPARE(ids, expected);
    }

    void cacheResetIsRewrittenFromWhatIsKnown()
    {
        const QString file = m_rig->dir.filePath(QStringLiteral("cache.sqlite"));
        const QString a = m_rig->addAccount(QStringLiteral("A"));
        InventoryCache cache(file);
        m_rig->inventory.setCache(&cache);
        m_rig->inventory.loadFromCache();
        m_rig->listings[a] = machines(QString(), 3);
        QCOMPARE(refresh(a).message(), QString());
        QVERIFY(cache.removeAccount(a));
        Q_EMIT cache.reset(); // as after a damaged file was replaced while open
        QCOMPARE(cache.machineCount(a), 3);
        QVERIFY(cache.status(a).lastSuccess.isValid());
    }

    void corruptCacheIsReportedOnce()
    {
        const QString file = m_rig->dir.filePath(QStringLiteral("cache.sqlite"));
        QFile garbage(file);
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(4096, '\x5a'));
        garbage.close();
        InventoryCache cache(file);
        QSignalSpy notice(&m_rig->inventory, &Inventory::cacheNoticeChanged);
        m_rig->inventory.setCache(&cache);
        QCOMPARE(m_rig->inventory.loadFromCache(), 0);
        QCOMPARE(notice.size(), 1);
        QVERIFY(m_rig->inventory.cacheNotice().contains(QStringLiteral("moved")));
        const QString a = m_rig->addAccount(QStringLiteral("A"));
        m_rig->listings[a] = machines(QString(), 2);
        QCOMPARE(refresh(a).message(), QString());
        QCOMPARE(cache.machineCount(a), 2); // rebuilt by the refresh
        QCOMPARE(notice.size(), 1);
    }

    void removingAnAccountRemovesItsRowsEverywhere()
    {
        const QString a = m_rig->addAccount(QStringLiteral("A"));
        const QString b = m_rig->addAccount(QStringLiteral("B"));
        InventoryCache cache(m_rig->dir.filePath(QStringLiteral("cache.sqlite")));
        m_rig->inventory.setCache(&cache);
        m_rig->inventory.loadFromCache();
        m_rig->listings[a] = machines(QString(), 3);
        m_rig->listings[b] = machines(QString(), 2);
        QCOMPARE(refresh(a).message(), QString());
        QCOMPARE(refresh(b).message(), QString());
        QVERIFY(m_rig->accounts.remove(a));
        QCOMPARE(m_rig->model.rowCount(), 2);
        QCOMPARE(cache.machineCount(a), 0);
        QVERIFY(!cache.status(a).lastSuccess.isValid());
        QCOMPARE(cache.machineCount(b), 2);
        QVERIFY(!m_rig->inventory.lastSuccess(a).isValid());
    }

    void accountsRemovedWhileClosedArePurgedAtLoad()
    {
        const QString file = m_rig->dir.filePath(QStringLiteral("cache.sqlite"));
        const QString a = m_rig->addAccount(QStringLiteral("A"));
        {
            InventoryCache cache(file);
            QVERIFY(cache.open());
            QVERIFY(cache.replaceMachines(a, machines(a, 1), QDateTime::currentDateTimeUtc()));
            QVERIFY(cache.replaceMachines(QStringLiteral("gone"),
                                          machines(QStringLiteral("gone"), 3),
                                          QDateTime::currentDateTimeUtc()));
        }
        InventoryCache cache(file);
        m_rig->inventory.setCache(&cache);
        QCOMPARE(m_rig->inventory.loadFromCache(), 1);
        QCOMPARE(cache.accountIds(), QStringList {a});
    }

    void droppingTheProviderEndsItsRefresh()
    {
        const QString a = m_rig->addAccount(QStringLiteral("A"));
        m_rig->listings[a] = machines(QString(), 2);
        QCOMPARE(refresh(a).message(), QString());
        m_rig->provider(a)->holdListing = true;
        QSignalSpy finished(&m_rig->inventory, &Inventory::refreshFinished);
        m_rig->inventory.refresh(a);
        QTRY_COMPARE(m_rig->provider(a)->heldListings(), 1);
        m_rig->inventory.dropProvider(a); // the account's settings changed
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(1).value<Error>().kind(), Error::Cancelled);
        QVERIFY(!m_rig->inventory.isRefreshing(a));
        QVERIFY(!m_rig->inventory.lastError(a).isError()); // a cancel says nothing about it
        QCOMPARE(m_rig->model.rowCount(), 2);
        // A new provider is made for the next refresh.
        QCOMPARE(refresh(a).message(), QString());
        QCOMPARE(m_rig->providersCreated, 2);
    }

    void pollingRefreshesAndPausesWhileSuspended()
    {
        const QString a = m_rig->addAccount(QStringLiteral("A"));
        m_rig->listings[a] = machines(QString(), 1);
        PollScheduler::Intervals intervals;
        intervals.idleMs = 30;
        m_rig->inventory.scheduler()->setIntervals(intervals);
        QSignalSpy finished(&m_rig->inventory, &Inventory::refreshFinished);
        m_rig->inventory.startPolling();
        QTRY_VERIFY(finished.size() >= 3);
        QSignalSpy suspended(&m_rig->inventory, &Inventory::suspendedChanged);
        m_rig->inventory.setSuspended(true);
        QCOMPARE(suspended.size(), 1);
        QVERIFY(m_rig->inventory.isSuspended());
        QTRY_VERIFY(!m_rig->inventory.isRefreshing());
        const int calls = m_rig->provider(a)->listCalls;
        expectNothingWithin(200); // no refresh while suspended
        QCOMPARE(m_rig->provider(a)->listCalls, calls);
        m_rig->inventory.setSuspended(false);
        QTRY_VERIFY(m_rig->provider(a)->listCalls > calls);
        m_rig->inventory.stopPolling();
        // A new account is refreshed as soon as it is added while polling.
        m_rig->inventory.startPolling();
        const QString b = m_rig->addAccount(QStringLiteral("B"));
        QVERIFY(m_rig->inventory.isRefreshing(b));
        m_rig->inventory.stopPolling();
    }

    void catalogsAreCachedForOfflineUse()
    {
        const QString a = m_rig->addAccount(QStringLiteral("A"));
        InventoryCache cache(m_rig->dir.filePath(QStringLiteral("cache.sqlite")));
        m_rig->inventory.setCache(&cache);
        m_rig->inventory.loadFromCache();
        Region nyc;
        nyc.id = QStringLiteral("nyc3");
        nyc.name = QStringLiteral("New York 3");
        m_rig->provider(a)->regions = {nyc};
        QList<Region> got;
        bool answered = false;
        m_rig->inventory.fetchRegions(a, [&](Result<QList<Region>> result) {
            QVERIFY(result.ok());
            got = result.value();
            answered = true;
        });
        QVERIFY(!answered); // never synchronously
        QTRY_VERIFY(answered);
        QCOMPARE(got, QList<Region> {nyc});
        // Offline: the stored copy answers.
        m_rig->provider(a)->regionsError = Error(Error::Network, QStringLiteral("offline"));
        answered = false;
        got.clear();
        m_rig->inventory.fetchRegions(a, [&](Result<QList<Region>> result) {
            QVERIFY(result.ok());
            got = result.value();
            answered = true;
        });
        QTRY_VERIFY(answered);
        QCOMPARE(got, QList<Region> {nyc});
        // Nothing stored and unsupported: the error itself.
        Error error;
        answered = false;
        m_rig->inventory.fetchSizes(a, [&](Result<QList<Size>> result) {
            error = result.error();
            answered = true;
        });
        QTRY_VERIFY(answered);
        QCOMPARE(error.kind(), Error::Unsupported);
    }

    void unknownAccountIsIgnored()
    {
        QSignalSpy started(&m_rig->inventory, &Inventory::refreshStarted);
        m_rig->inventory.refresh(QStringLiteral("no-such-account"));
        QCOMPARE(started.size(), 0);
        QVERIFY(!m_rig->inventory.isRefreshing());
    }

    /// An account of a real plugin whose secret is not in the keychain (the tests run without
    /// one): the refresh fails with a keychain error and nothing is touched.
    void missingSecretIsReported()
    {
        m_rig->inventory.setProviderFactory({});
        m_rig->credentials.setRetryDelayMs(10);
        if (!m_rig->registry.contains(QStringLiteral("digitalocean")))
            QSKIP("the DigitalOcean plugin is not built");
        const QString a = m_rig->addAccount(QStringLiteral("DO"), QStringLiteral("digitalocean"));
        const Error error = refresh(a);
        QVERIFY2(error.kind() == Error::Keychain || error.kind() == Error::CredentialsMissing,
                 qPrintable(error.message()));
        QCOMPARE(m_rig->model.rowCount(), 0);
    }

private:
    /// Refreshes @p accountId and waits for the outcome.
    Error refresh(const QString &accountId)
    {
        QSignalSpy finished(&m_rig->inventory, &Inventory::refreshFinished);
        m_rig->inventory.refresh(accountId);
        if (!finished.wait(10'000))
            return Error(Error::Timeout, QStringLiteral("test: no refreshFinished"));
        return finished.first().at(1).value<Error>();
    }

    std::unique_ptr<InventoryRig> m_rig;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_GUILESS_MAIN(TestInventory)
#include "tst_inventory.moc"
