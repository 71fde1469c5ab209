#include "inventorytestsupport.h"
#include "pollscheduler.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace InventoryTest;
using Action = MachineAction::Action;

/// Optimistic actions: the transition shows at once; confirmed by a refresh showing the target
/// state; a failure or a timeout returns the row to the machine's real state with the error.
class TestInventoryActions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_rig.reset(new InventoryRig);
        m_tester.reset(new QAbstractItemModelTester(
            &m_rig->model, QAbstractItemModelTester::FailureReportingMode::QtTest));
        m_account = m_rig->addAccount(QStringLiteral("Work"));
        QList<Machine> listing = machines(QString(), 3);
        listing[2].state = MachineState::Stopped;
        m_rig->listings[m_account] = listing;
        QSignalSpy finished(&m_rig->inventory, &Inventory::refreshFinished);
        m_rig->inventory.refresh(m_account);
        QVERIFY(finished.wait());
        QCOMPARE(m_rig->model.rowCount(), 3);
        m_provider = m_rig->provider(m_account);
        m_id = listing.at(0).id; // running
        m_finished.reset(new QSignalSpy(&m_rig->inventory, &Inventory::actionFinished));
    }
    void cleanup()
    {
        m_finished.reset();
        m_tester.reset();
        m_rig.reset();
    }

    void confirmedByARefresh()
    {
        m_provider->actionMode = FakeProvider::ActionMode::Hold;
        int answered = 0;
        Error answer(Error::Cancelled, QStringLiteral("not yet"));
        m_rig->inventory.runAction(m_account, m_id, Action::Shutdown, [&](Result<void> result) {
            ++answered;
            answer = result.error();
        });
        // At once, before any reply: the transition, the pending action, fast polling.
        QCOMPARE(stateOf(m_id), QStringLiteral("stopping"));
        QCOMPARE(roleOf(m_id, MachineModel::PendingActionRole).toString(),
                 QStringLiteral("shutdown"));
        QVERIFY(roleOf(m_id, MachineModel::IsTransitionRole).toBool());
        QVERIFY(m_rig->inventory.isActionPending(m_account, m_id));
        const auto scheduler = m_rig->inventory.scheduler();
        QVERIFY(scheduler->nextRefresh(m_account)
                <= scheduler->now().addMSecs(scheduler->intervals().fastMs));
        QTRY_COMPARE(m_provider->actionCalls.size(), 1);
        QCOMPARE(m_provider->actionCalls.first(), std::make_pair(m_id, Action::Shutdown));
        QCOMPARE(answered, 0);

        m_provider->releaseActions(); // the provider accepts; its listing now says "stopped"
        QVERIFY(m_finished->wait());
        QCOMPARE(answered, 1);
        QVERIFY(!answer.isError());
        QCOMPARE(m_finished->first().at(0).toString(), m_account);
        QCOMPARE(m_finished->first().at(1).toString(), m_id);
        QCOMPARE(m_finished->first().at(2).value<Action>(), Action::Shutdown);
        QVERIFY(!m_finished->first().at(3).value<Error>().isError());
        QCOMPARE(stateOf(m_id), QStringLiteral("stopped"));
        QCOMPARE(roleOf(m_id, MachineModel::PendingActionRole).toString(), QString());
        QCOMPARE(roleOf(m_id, MachineModel::ActionErrorRole).toString(), QString());
        QVERIFY(!m_rig->inventory.isActionPending(m_account, m_id));
    }

    void waitsUntilTheListingShowsTheTarget()
    {
        m_provider->actionMode = FakeProvider::ActionMode::SucceedNoChange;
        const int listCalls = m_provider->listCalls;
        m_rig->inventory.runAction(m_account, m_id, Action::Shutdown);
        // Accepted, and a refresh follows at once, but it still says "running": keep waiting.
        QTRY_VERIFY(m_provider->listCalls > listCalls);
        QTRY_VERIFY(!m_rig->inventory.isRefreshing());
        QCOMPARE(m_finished->size(), 0);
        QCOMPARE(stateOf(m_id), QStringLiteral("stopping"));
        // The account is polled fast meanwhile.
        const auto scheduler = m_rig->inventory.scheduler();
        QCOMPARE(scheduler->lastDelayMs(m_account), scheduler->intervals().fastMs);
        // Later the provider shows it stopped.
        m_provider->listing[0].state = MachineState::Stopped;
        m_rig->inventory.refresh(m_account);
        QVERIFY(m_finished->wait());
        QVERIFY(!m_finished->first().at(3).value<Error>().isError());
        QCOMPARE(stateOf(m_id), QStringLiteral("stopped"));
    }

    void failureReturnsTheRealStateWithTheError()
    {
        m_provider->actionMode = FakeProvider::ActionMode::Fail;
        const int listCalls = m_provider->listCalls;
        Error answer;
        m_rig->inventory.runAction(m_account, m_id, Action::Reboot,
                                   [&](Result<void> result) { answer = result.error(); });
        QCOMPARE(stateOf(m_id), QStringLiteral("rebooting"));
        QVERIFY(m_finished->wait());
        const Error error = m_finished->first().at(3).value<Error>();
        QCOMPARE(error.kind(), Error::BadRequest);
        QCOMPARE(error.message(), QStringLiteral("The droplet is locked."));
        QCOMPARE(answer.kind(), Error::BadRequest);
        QCOMPARE(stateOf(m_id), QStringLiteral("running"));
        QCOMPARE(roleOf(m_id, MachineModel::ActionErrorRole).toString(),
                 QStringLiteral("The droplet is locked."));
        QCOMPARE(roleOf(m_id, MachineModel::PendingActionRole).toString(), QString());
        QVERIFY(!m_rig->inventory.isActionPending(m_account, m_id));
        // It may have done part of its work: the account is refreshed.
        QTRY_VERIFY(m_provider->listCalls > listCalls);
        // The next attempt clears the old error at once.
        m_provider->actionMode = FakeProvider::ActionMode::Hold;
        m_rig->inventory.runAction(m_account, m_id, Action::Reboot);
        QCOMPARE(roleOf(m_id, MachineModel::ActionErrorRole).toString(), QString());
    }

    void unconfirmedActionTimesOut()
    {
        m_rig->inventory.setActionTimeoutMs(300);
        m_provider->actionMode = FakeProvider::ActionMode::SucceedNoChange;
        m_rig->inventory.runAction(m_account, m_id, Action::Shutdown);
        QVERIFY(m_finished->wait(5000));
        const Error error = m_finished->first().at(3).value<Error>();
        QCOMPARE(error.kind(), Error::Timeout);
        QVERIFY(error.message().contains(QStringLiteral("not confirmed")));
        QCOMPARE(stateOf(m_id), QStringLiteral("running"));
        QCOMPARE(roleOf(m_id, MachineModel::ActionErrorRole).toString(), error.message());
        QVERIFY(!m_rig->inventory.isActionPending(m_account, m_id));
    }

    /// The provider never answers: the caller still gets exactly one answer (the timeout), and the
    /// late reply changes nothing.
    void timeoutBeforeTheProviderAnswers()
    {
        m_rig->inventory.setActionTimeoutMs(300);
        m_provider->actionMode = FakeProvider::ActionMode::Hold;
        QList<Error> answers;
        m_rig->inventory.runAction(m_account, m_id, Action::Start,
                                   [&](Result<void> result) { answers.append(result.error()); });
        QVERIFY(m_finished->wait(5000));
        QCOMPARE(answers.size(), 1);
        QCOMPARE(answers.first().kind(), Error::Timeout);
        m_provider->releaseActions();
        QTRY_VERIFY(!m_rig->inventory.isRefreshing());
        QCoreApplication::processEvents();
        QCOMPARE(answers.size(), 1);
        QCOMPARE(m_finished->size(), 1);
    }

    void secondClickSendsNothing()
    {
        m_provider->actionMode = FakeProvider::ActionMode::Hold;
        QList<Error> answers;
        auto record = [&](Result<void> result) {
            answers.append(result.error());
        };
        m_rig->inventory.runAction(m_account, m_id, Action::Reboot, record);
        m_rig->inventory.runAction(m_account, m_id, Action::Reboot, record);
        QTRY_COMPARE(m_provider->actionCalls.size(), 1);
        m_rig->inventory.runAction(m_account, m_id, Action::Reboot, record);
        QCoreApplication::processEvents();
        QCOMPARE(m_provider->actionCalls.size(), 1);
        QCOMPARE(answers.size(), 0);
        m_provider->releaseActions();
        QTRY_COMPARE(answers.size(), 3); // every click hears the one outcome
        QVERIFY(std::none_of(answers.cbegin(), answers.cend(),
                             [](const Error &e) { return e.isError(); }));
        QTRY_COMPARE(m_finished->size(), 1);
        QCOMPARE(m_provider->actionCalls.size(), 1);
    }

    void clickAfterAcceptanceSendsNothingEither()
    {
        m_provider->actionMode = FakeProvider::ActionMode::SucceedNoChange;
        m_rig->inventory.runAction(m_account, m_id, Action::Shutdown);
        QTRY_VERIFY(!m_rig->inventory.isRefreshing() && m_provider->actionCalls.size() == 1);
        bool answered = false;
        m_rig->inventory.runAction(m_account, m_id, Action::Shutdown,
                                   [&](Result<void> result) { answered = result.ok(); });
        QVERIFY(!answered); // never synchronously
        QTRY_VERIFY(answered);
        QCOMPARE(m_provider->actionCalls.size(), 1);
    }

    void anotherActionReplacesTheOneInFlight()
    {
        m_provider->actionMode = FakeProvider::ActionMode::Hold;
        m_rig->inventory.runAction(m_account, m_id, Action::Reboot);
        QCOMPARE(stateOf(m_id), QStringLiteral("rebooting"));
        m_rig->inventory.runAction(m_account, m_id, Action::PowerOff);
        QCOMPARE(stateOf(m_id), QStringLiteral("stopping"));
        QCOMPARE(roleOf(m_id, MachineModel::PendingActionRole).toString(),
                 QStringLiteral("poweroff"));
        QTRY_COMPARE(m_provider->actionCalls.size(), 2);
        m_provider->releaseActions(); // reboot then power off; the listing ends "stopped"
        QVERIFY(m_finished->wait());
        QCOMPARE(m_finished->size(), 1);
        QCOMPARE(m_finished->first().at(2).value<Action>(), Action::PowerOff);
        QCOMPARE(stateOf(m_id), QStringLiteral("stopped"));
    }

    void destroyIsConfirmedWhenTheMachineIsGone()
    {
        const QString id = m_rig->model.at(2).id; // stopped
        m_rig->inventory.runAction(m_account, id, Action::Destroy);
        QCOMPARE(stateOf(id), QStringLiteral("stopping"));
        QVERIFY(m_finished->wait());
        QVERIFY(!m_finished->first().at(3).value<Error>().isError());
        QCOMPARE(m_rig->model.rowOf(m_account, id), -1);
        QCOMPARE(m_rig->model.rowCount(), 2);
    }

    void errorStateFailsTheAction()
    {
        m_provider->actionMode = FakeProvider::ActionMode::SucceedNoChange;
        // (Not a reboot: its target, running, is what the listing shows before and after.)
        m_rig->inventory.runAction(m_account, m_id, Action::Shutdown);
        QTRY_VERIFY(!m_rig->inventory.isRefreshing() && m_provider->actionCalls.size() == 1);
        m_provider->listing[0].state = MachineState::Error;
        m_rig->inventory.refresh(m_account);
        QVERIFY(m_finished->wait());
        QVERIFY(m_finished->first().at(3).value<Error>().isError());
        QCOMPARE(stateOf(m_id), QStringLiteral("error"));
    }

    void removingTheAccountCancelsItsActions()
    {
        m_provider->actionMode = FakeProvider::ActionMode::Hold;
        Error answer;
        m_rig->inventory.runAction(m_account, m_id, Action::Start,
                                   [&](Result<void> result) { answer = result.error(); });
        QVERIFY(m_rig->accounts.remove(m_account));
        QCOMPARE(m_finished->size(), 1);
        QCOMPARE(m_finished->first().at(3).value<Error>().kind(), Error::Cancelled);
        QCOMPARE(answer.kind(), Error::Cancelled);
        QCOMPARE(m_rig->model.rowCount(), 0);
    }

    void unknownAccountOrMachine()
    {
        Error answer;
        m_rig->inventory.runAction(QStringLiteral("nope"), m_id, Action::Start,
                                   [&](Result<void> result) { answer = result.error(); });
        QVERIFY(m_finished->wait());
        QCOMPARE(answer.kind(), Error::NotFound);
        QCOMPARE(m_finished->first().at(3).value<Error>().kind(), Error::NotFound);
    }

    void qmlEntryPoint()
    {
        m_provider->actionMode = FakeProvider::ActionMode::Hold;
        QVERIFY(!m_rig->inventory.runAction(m_account, m_id, QStringLiteral("dance")));
        QVERIFY(!m_rig->inventory.isActionPending(m_account, m_id));
        QVERIFY(m_rig->inventory.runAction(m_account, m_id, QStringLiteral("reboot")));
        QCOMPARE(stateOf(m_id), QStringLiteral("rebooting"));
    }

private:
    QVariant roleOf(const QString &id, int role) const
    {
        return m_rig->model.index(m_rig->model.rowOf(m_account, id)).data(role);
    }
    QString stateOf(const QString &id) const
    {
        return roleOf(id, MachineModel::StateIdRole).toString();
    }

    std::unique_ptr<InventoryRig> m_rig;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QSignalSpy> m_finished;
    QString m_account;
    QString m_id;
    FakeProvider *m_provider = nullptr;
};

QTEST_GUILESS_MAIN(TestInventoryActions)
#include "tst_inventoryactions.moc"
