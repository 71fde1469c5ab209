#include "activitymodel.h"
#include "activitystore.h"
#include "inventorytestsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace InventoryTest;
using Action = MachineAction::Action;

/// The activity log: every action and create the inventory runs is written to the cache when it
/// is sent and updated when it ends, read back newest first by any program on that cache (the
/// GUI shows what the CLI did), and kept to the newest ActivityStore::maxEntries rows.
class TestActivityLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_rig = std::make_unique<InventoryRig>();
        m_cache = std::make_unique<InventoryCache>(m_rig->dir.filePath(QStringLiteral("c.sqlite")));
        QVERIFY(m_cache->open());
        m_rig->inventory.setCache(m_cache.get());
        m_account = m_rig->addAccount(QStringLiteral("Work"));
        m_rig->listings[m_account] = machines(QString(), 2); // web-0, web-1, running
        QSignalSpy finished(&m_rig->inventory, &Inventory::refreshFinished);
        m_rig->inventory.refresh(m_account);
        QVERIFY(finished.wait());
        m_provider = m_rig->provider(m_account);
        m_id = m_rig->listings[m_account].at(0).id;
    }
    void cleanup()
    {
        m_rig.reset();
        m_cache.reset();
    }

    void anActionIsLoggedWhenSentAndWhenItEnds()
    {
        m_provider->actionMode = FakeProvider::ActionMode::Hold;
        QSignalSpy changed(&m_rig->inventory, &Inventory::activityChanged);
        m_rig->inventory.runAction(m_account, m_id, Action::Shutdown);
        QCOMPARE(changed.count(), 1);
        QList<ActivityEntry> log = m_rig->inventory.activity();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log[0].outcome, ActivityEntry::Outcome::Started);
        QCOMPARE(log[0].action, QStringLiteral("shutdown"));
        QCOMPARE(log[0].machineId, m_id);
        QCOMPARE(log[0].machineName, QStringLiteral("web-0"));
        QCOMPARE(log[0].accountName, QStringLiteral("Work"));
        QCOMPARE(log[0].source, QStringLiteral("clouddeck")); // the GUI, unless told otherwise
        QVERIFY(log[0].at.isValid());

        QSignalSpy actionFinished(&m_rig->inventory, &Inventory::actionFinished);
        QTRY_COMPARE(m_provider->actionCalls.size(), 1); // the provider is reached asynchronously
        m_provider->releaseActions();
        QVERIFY(actionFinished.wait());
        log = m_rig->inventory.activity();
        QCOMPARE(log.size(), 1); // the same row, now ended
        QCOMPARE(log[0].outcome, ActivityEntry::Outcome::Succeeded);
        QCOMPARE(log[0].message, QString());
        QCOMPARE(log[0].toJson().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("succeeded"));
    }

    void aRefusedActionKeepsTheCloudsWords()
    {
        m_provider->actionMode = FakeProvider::ActionMode::Fail;
        QSignalSpy actionFinished(&m_rig->inventory, &Inventory::actionFinished);
        m_rig->inventory.runAction(m_account, m_id, Action::Shutdown);
        QVERIFY(actionFinished.wait());
        const QList<ActivityEntry> log = m_rig->inventory.activity();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log[0].outcome, ActivityEntry::Outcome::Failed);
        QVERIFY2(log[0].message.contains(QLatin1String("locked")), qPrintable(log[0].message));
    }

    void aReplacedActionSaysSo()
    {
        m_provider->actionMode = FakeProvider::ActionMode::Hold;
        m_rig->inventory.runAction(m_account, m_id, Action::Shutdown);
        m_rig->inventory.runAction(m_account, m_id, Action::PowerOff); // the shutdown hangs
        const QList<ActivityEntry> log = m_rig->inventory.activity();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log[0].action, QStringLiteral("poweroff")); // newest first
        QCOMPARE(log[0].outcome, ActivityEntry::Outcome::Started);
        QCOMPARE(log[1].action, QStringLiteral("shutdown"));
        QCOMPARE(log[1].outcome, ActivityEntry::Outcome::Failed);
        QCOMPARE(log[1].message, QStringLiteral("Replaced by power off."));
    }

    void createsAreLogged()
    {
        CreateMachineRequest request;
        request.name = QStringLiteral("api-1");
        request.region = QStringLiteral("fra1");
        request.size = QStringLiteral("s-1vcpu-1gb");
        request.image = QStringLiteral("debian-12-x64");
        std::optional<Result<Machine>> answer;
        m_rig->inventory.createMachine(m_account, request,
                                       [&answer](Result<Machine> result) { answer = result; });
        QTRY_VERIFY(answer.has_value());
        QVERIFY(answer->ok());
        m_provider->createError = Error(Error::BadRequest, QStringLiteral("Region is full."), 422);
        request.name = QStringLiteral("api-2");
        answer.reset();
        m_rig->inventory.createMachine(m_account, request,
                                       [&answer](Result<Machine> result) { answer = result; });
        QTRY_VERIFY(answer.has_value());
        QVERIFY(!answer->ok());

        const QList<ActivityEntry> log = m_rig->inventory.activity();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log[1].action, QStringLiteral("create"));
        QCOMPARE(log[1].machineName, QStringLiteral("api-1"));
        QCOMPARE(log[1].outcome, ActivityEntry::Outcome::Succeeded);
        QVERIFY(!log[1].machineId.isEmpty());
        QCOMPARE(log[0].machineName, QStringLiteral("api-2"));
        QCOMPARE(log[0].outcome, ActivityEntry::Outcome::Failed);
        QVERIFY(log[0].message.contains(QLatin1String("Region is full")));
        QCOMPARE(log[0].actionText(), QStringLiteral("Create"));
    }

    /// Another program on the same cache file (the CLI beside the GUI): its rows show after
    /// reload(); the model passes QAbstractItemModelTester and states times against its clock.
    void theModelShowsWhatAnotherProgramDid()
    {
        ActivityModel model(&m_rig->inventory);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        model.setClock([now] { return now; });
        QCOMPARE(model.rowCount(), 0);

        {
            InventoryCache other(m_cache->fileName());
            QVERIFY(other.open());
            ActivityEntry entry;
            entry.at = now.addDays(-30);
            entry.accountId = m_account;
            entry.accountName = QStringLiteral("Work");
            entry.machineId = m_id;
            entry.machineName = QStringLiteral("web-0");
            entry.action = QStringLiteral("destroy");
            entry.source = QStringLiteral("clouddeck-cli");
            QVERIFY(ActivityStore(&other).append(entry) > 0);
        }
        QCOMPARE(model.rowCount(), 0); // nothing told this process yet
        QSignalSpy count(&model, &ActivityModel::countChanged);
        model.reload();
        QCOMPARE(count.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex first = model.index(0);
        QCOMPARE(first.data(ActivityModel::ActionTextRole).toString(), QStringLiteral("Destroy"));
        QCOMPARE(first.data(ActivityModel::OutcomeTextRole).toString(), QStringLiteral("Sent"));
        QCOMPARE(first.data(ActivityModel::SourceRole).toString(), QStringLiteral("clouddeck-cli"));
        QVERIFY2(first.data(ActivityModel::TimeTextRole).toString().contains(QLatin1Char('-')),
                 "a month ago is a date");

        // This process's own action arrives by itself, newest first, its time of day only.
        m_rig->inventory.runAction(m_account, m_id, Action::Reboot);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data(ActivityModel::ActionRole).toString(),
                 QStringLiteral("reboot"));
        QVERIFY(!model.index(0).data(ActivityModel::TimeTextRole).toString().contains(
            QLatin1Char('-')));
    }

    void onlyTheNewestRowsAreKept()
    {
        ActivityStore store(m_cache.get());
        ActivityEntry entry;
        entry.at = QDateTime::currentDateTimeUtc();
        entry.accountId = m_account;
        entry.action = QStringLiteral("start");
        for (int i = 0; i < ActivityStore::maxEntries + 5; ++i) {
            entry.machineName = QStringLiteral("m-%1").arg(i);
            QVERIFY(store.append(entry) > 0);
        }
        const QList<ActivityEntry> log = store.entries(ActivityStore::maxEntries * 2);
        QCOMPARE(log.size(), ActivityStore::maxEntries);
        QCOMPARE(log.first().machineName,
                 QStringLiteral("m-%1").arg(ActivityStore::maxEntries + 4));
        QCOMPARE(log.last().machineName, QStringLiteral("m-5"));
    }

    void withoutACacheNothingIsLoggedAndNothingBreaks()
    {
        InventoryRig rig; // no cache set
        const QString account = rig.addAccount(QStringLiteral("Bare"));
        rig.listings[account] = machines(QString(), 1);
        QSignalSpy finished(&rig.inventory, &Inventory::refreshFinished);
        rig.inventory.refresh(account);
        QVERIFY(finished.wait());
        QSignalSpy actionFinished(&rig.inventory, &Inventory::actionFinished);
        rig.inventory.runAction(account, rig.listings[account].at(0).id, Action::Reboot);
        QVERIFY(actionFinished.wait());
        QVERIFY(rig.inventory.activity().isEmpty());
    }

private:
    std::unique_ptr<InventoryRig> m_rig;
    std::unique_ptr<InventoryCache> m_cache;
    QString m_account;
    QString m_id;
    FakeProvider *m_provider = nullptr;
};

QTEST_GUILESS_MAIN(TestActivityLog)
#include "tst_activitylog.moc"
