#include "inventorytestsupport.h"
#include "machineaction.h"
#include "machinemodel.h"
#include "modelsignals.h"
#include "userprices.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace InventoryTest;

namespace {
QList<int> rolesOf(const QSignalSpy &spy, int at)
{
    return spy.at(at).at(2).value<QList<int>>();
}
} // namespace

class TestMachineModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_model = new MachineModel(this);
        m_tester = new QAbstractItemModelTester(
            m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    }
    void cleanup()
    {
        delete m_tester;
        delete m_model;
    }

    void firstFillInsertsRows()
    {
        ModelSignals spies(m_model);
        QSignalSpy count(m_model, &MachineModel::countChanged);
        const auto stats =
            m_model->setAccountMachines(QStringLiteral("a"), machines(QStringLiteral("a"), 10));
        QCOMPARE(stats.added, 10);
        QCOMPARE(m_model->rowCount(), 10);
        QCOMPARE(spies.inserted.size(), 1);
        QCOMPARE(spies.reset.size(), 0);
        QCOMPARE(count.size(), 1);
        const QModelIndex first = m_model->index(0);
        QCOMPARE(first.data(MachineModel::NameRole).toString(), QStringLiteral("web-0"));
        QCOMPARE(first.data(MachineModel::AccountIdRole).toString(), QStringLiteral("a"));
        QCOMPARE(first.data(MachineModel::StateIdRole).toString(), QStringLiteral("running"));
    }

    /// The contract: a refresh where nothing changed emits no model signal at all.
    void noChangeRefreshOf1000EmitsNothing()
    {
        const QList<Machine> list = machines(QStringLiteral("a"), 1000);
        m_model->setAccountMachines(QStringLiteral("a"), list);
        ModelSignals spies(m_model);
        QSignalSpy count(m_model, &MachineModel::countChanged);
        const QDateTime seenAt = QDateTime::currentDateTimeUtc().addSecs(60);
        const auto stats = m_model->setAccountMachines(QStringLiteral("a"), list, seenAt);
        QCOMPARE(stats, MachineModel::MergeStats());
        QCOMPARE(spies.total(), 0);
        QCOMPARE(count.size(), 0);
        // lastSeen moved silently
        QCOMPARE(m_model->at(500).lastSeen, seenAt);
    }

    /// ... and one changed machine emits exactly one dataChanged, with only its changed roles.
    void oneChangeOf1000EmitsOneDataChanged()
    {
        QList<Machine> list = machines(QStringLiteral("a"), 1000);
        m_model->setAccountMachines(QStringLiteral("a"), list);
        ModelSignals spies(m_model);
        list[421].state = MachineState::Stopped;
        list[421].providerState = QStringLiteral("off");
        m_model->setAccountMachines(QStringLiteral("a"), list);
        QCOMPARE(spies.total(), 1);
        QCOMPARE(spies.changed.size(), 1);
        const QModelIndex index = spies.changed.at(0).at(0).toModelIndex();
        QCOMPARE(index.row(), 421);
        QCOMPARE(spies.changed.at(0).at(1).toModelIndex(), index);
        QList<int> roles = rolesOf(spies.changed, 0);
        std::sort(roles.begin(), roles.end());
        QList<int> expected = {MachineModel::StateRole,          MachineModel::StateIdRole,
                               MachineModel::StateTextRole,      MachineModel::IsTransitionRole,
                               MachineModel::AllowedActionsRole, MachineModel::ProviderStateRole,
                               MachineModel::SwipeActionsRole,   MachineModel::ErrorReasonRole,
                               MachineModel::PrimaryActionRole};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(roles, expected);
        QCOMPARE(index.data(MachineModel::StateIdRole).toString(), QStringLiteral("stopped"));
    }

    void ipChangeNamesDerivedRoles()
    {
        QList<Machine> list = machines(QStringLiteral("a"), 3);
        m_model->setAccountMachines(QStringLiteral("a"), list);
        ModelSignals spies(m_model);
        list[0].publicIpv4 = {QStringLiteral("198.51.100.7")};
        m_model->setAccountMachines(QStringLiteral("a"), list);
        QCOMPARE(spies.changed.size(), 1);
        const QList<int> roles = rolesOf(spies.changed, 0);
        QVERIFY(roles.contains(MachineModel::PublicIpv4Role));
        QVERIFY(roles.contains(MachineModel::PublicIpsRole));
        QVERIFY(roles.contains(MachineModel::PrimaryIpRole));
        QVERIFY(!roles.contains(MachineModel::PrivateIpsRole));
        QCOMPARE(m_model->index(0).data(MachineModel::PrimaryIpRole).toString(),
                 QStringLiteral("198.51.100.7"));
    }

    void removalsAreRangesAndIndexStaysRight()
    {
        QList<Machine> list = machines(QStringLiteral("a"), 10);
        m_model->setAccountMachines(QStringLiteral("a"), list);
        ModelSignals spies(m_model);
        QList<Machine> kept;
        for (int i : {0, 3, 4, 8})
            kept.append(list.at(i));
        const auto stats = m_model->setAccountMachines(QStringLiteral("a"), kept);
        QCOMPARE(stats.removed, 6);
        QCOMPARE(m_model->rowCount(), 4);
        QCOMPARE(spies.removed.size(), 3); // rows 9, 5-7, 1-2
        for (const Machine &m : kept)
            QCOMPARE(m_model->at(m_model->rowOf(QStringLiteral("a"), m.id)).id, m.id);
        QCOMPARE(m_model->rowOf(QStringLiteral("a"), list.at(1).id), -1);
    }

    void accountsAreIndependent()
    {
        m_model->setAccountMachines(QStringLiteral("a"), machines(QStringLiteral("a"), 3));
        m_model->setAccountMachines(QStringLiteral("b"), machines(QStringLiteral("b"), 2));
        QCOMPARE(m_model->rowCount(), 5);
        QCOMPARE(m_model->machineCount(QStringLiteral("a")), 3);
        // Same machine ids in both accounts: keys are (account, id).
        QVERIFY(m_model->rowOf(QStringLiteral("a"), machine(QString(), 0).id)
                != m_model->rowOf(QStringLiteral("b"), machine(QString(), 0).id));
        m_model->setAccountMachines(QStringLiteral("a"), {});
        QCOMPARE(m_model->rowCount(), 2);
        m_model->removeAccount(QStringLiteral("b"));
        QCOMPARE(m_model->rowCount(), 0);
    }

    void optimisticOverlay()
    {
        QList<Machine> list = machines(QStringLiteral("a"), 3);
        m_model->setAccountCapabilities(QStringLiteral("a"), fakeMetadata().capabilities);
        m_model->setAccountMachines(QStringLiteral("a"), list);
        const QString id = list.at(1).id;
        ModelSignals spies(m_model);
        m_model->setPendingAction(QStringLiteral("a"), id, QStringLiteral("reboot"));
        m_model->setOptimisticState(QStringLiteral("a"), id, MachineState::Rebooting);
        QCOMPARE(spies.changed.size(), 2);
        QVERIFY(rolesOf(spies.changed, 1).contains(MachineModel::StateRole));
        const QModelIndex index = m_model->index(1);
        QCOMPARE(index.data(MachineModel::StateIdRole).toString(), QStringLiteral("rebooting"));
        QCOMPARE(index.data(MachineModel::IsTransitionRole).toBool(), true);
        QCOMPARE(index.data(MachineModel::PendingActionRole).toString(), QStringLiteral("reboot"));
        QCOMPARE(index.data(MachineModel::AllowedActionsRole).toStringList(),
                 (QStringList {QStringLiteral("poweroff"), QStringLiteral("destroy")}));
        QCOMPARE(m_model->at(1).state, MachineState::Running); // the real one underneath
        QCOMPARE(m_model->stateAt(1), MachineState::Rebooting);

        // A refresh changes the real state underneath: the overlay hides it, nothing emitted.
        spies.clear();
        list[1].state = MachineState::Stopped;
        m_model->setAccountMachines(QStringLiteral("a"), list);
        QCOMPARE(spies.total(), 0);
        QCOMPARE(index.data(MachineModel::StateIdRole).toString(), QStringLiteral("rebooting"));

        // Clearing the overlay shows the real state.
        m_model->setOptimisticState(QStringLiteral("a"), id, std::nullopt);
        QCOMPARE(spies.changed.size(), 1);
        QCOMPARE(index.data(MachineModel::StateIdRole).toString(), QStringLiteral("stopped"));
        // Setting the same overlay twice or clearing twice emits nothing.
        spies.clear();
        m_model->setOptimisticState(QStringLiteral("a"), id, std::nullopt);
        QCOMPARE(spies.total(), 0);
    }

    void actionErrorAndPendingRoles()
    {
        m_model->setAccountMachines(QStringLiteral("a"), machines(QStringLiteral("a"), 1));
        const QString id = m_model->at(0).id;
        ModelSignals spies(m_model);
        m_model->setActionError(QStringLiteral("a"), id, QStringLiteral("locked"));
        QCOMPARE(spies.changed.size(), 1);
        QCOMPARE(rolesOf(spies.changed, 0), QList<int> {MachineModel::ActionErrorRole});
        QCOMPARE(m_model->actionError(0), QStringLiteral("locked"));
        m_model->setActionError(QStringLiteral("a"), id, QStringLiteral("locked"));
        QCOMPARE(spies.changed.size(), 1);
        m_model->setActionError(QStringLiteral("a"), QStringLiteral("nope"), QStringLiteral("x"));
        QCOMPARE(spies.changed.size(), 1);
    }

    void accountNameChangeEmitsOneRangePerRun()
    {
        m_model->setAccountMachines(QStringLiteral("a"), machines(QStringLiteral("a"), 5));
        m_model->setAccountMachines(QStringLiteral("b"), machines(QStringLiteral("b"), 5));
        m_model->upsert(machine(QStringLiteral("a"), 50));
        ModelSignals spies(m_model);
        m_model->setAccountName(QStringLiteral("a"), QStringLiteral("Work"));
        QCOMPARE(spies.changed.size(), 2); // rows 0-4 and row 10
        QCOMPARE(spies.changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(spies.changed.at(0).at(1).toModelIndex().row(), 4);
        QCOMPARE(spies.changed.at(1).at(0).toModelIndex().row(), 10);
        QCOMPARE(m_model->index(10).data(MachineModel::AccountNameRole).toString(),
                 QStringLiteral("Work"));
        spies.clear();
        m_model->setAccountName(QStringLiteral("a"), QStringLiteral("Work"));
        QCOMPARE(spies.total(), 0);
    }

    void upsertAddsOrChanges()
    {
        ModelSignals spies(m_model);
        Machine m = machine(QStringLiteral("a"), 1);
        m_model->upsert(m);
        QCOMPARE(spies.inserted.size(), 1);
        m.name = QStringLiteral("db-1");
        m_model->upsert(m);
        QCOMPARE(spies.changed.size(), 1);
        QVERIFY(rolesOf(spies.changed, 0).contains(MachineModel::NameRole));
        m_model->upsert(m);
        QCOMPARE(spies.changed.size(), 1);
    }

    void diffAgainstStalePictureStillConverges()
    {
        m_model->setAccountMachines(QStringLiteral("a"), machines(QStringLiteral("a"), 2));
        MachineDiff diff;
        diff.accountId = QStringLiteral("a");
        Machine existing = machine(QStringLiteral("a"), 0);
        existing.name = QStringLiteral("renamed");
        diff.added = {existing}; // already here
        diff.changed = {{machine(QStringLiteral("a"), 5), MachineDiff::Name}}; // not here
        diff.removed = {QStringLiteral("no-such-id")};
        m_model->applyDiff(diff);
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->at(m_model->rowOf(QStringLiteral("a"), existing.id)).name,
                 QStringLiteral("renamed"));
        QVERIFY(m_model->rowOf(QStringLiteral("a"), machine(QString(), 5).id) >= 0);
    }

    void getAndRoleNames()
    {
        m_model->setAccountMachines(QStringLiteral("a"), machines(QStringLiteral("a"), 2));
        const QVariantMap row = m_model->get(1);
        QCOMPARE(row.value(QStringLiteral("name")).toString(), QStringLiteral("web-1"));
        QCOMPARE(row.value(QStringLiteral("pricePerMonth")).toDouble(), 12.0);
        QVERIFY(m_model->get(7).isEmpty());
        QCOMPARE(m_model->indexOf(QStringLiteral("a"), m_model->at(1).id), 1);
        const auto names = m_model->roleNames();
        for (const char *name : {"accountId", "name", "stateId", "publicIps", "pendingAction",
                                 "actionError", "allowedActions", "lastSeen"})
            QVERIFY2(names.values().contains(QByteArray(name)), name);
        Machine unpriced = machine(QStringLiteral("a"), 9);
        unpriced.pricePerMonth.reset();
        m_model->upsert(unpriced);
        QVERIFY(!m_model->get(2).value(QStringLiteral("pricePerMonth")).isValid());
    }

    void swipeOffersTheTwoLikeliestActions_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<QStringList>("allowed");
        QTest::addColumn<QStringList>("swipe");
        const QStringList all = {QStringLiteral("start"), QStringLiteral("shutdown"),
                                 QStringLiteral("poweroff"), QStringLiteral("reboot"),
                                 QStringLiteral("destroy")};
        QTest::newRow("running") << int(MachineState::Running) << all
                                 << QStringList {QStringLiteral("reboot"),
                                                 QStringLiteral("shutdown")};
        QTest::newRow("running, no reboot")
            << int(MachineState::Running)
            << QStringList {QStringLiteral("shutdown"), QStringLiteral("poweroff")}
            << QStringList {QStringLiteral("shutdown"), QStringLiteral("poweroff")};
        QTest::newRow("stopped") << int(MachineState::Stopped) << all
                                 << QStringList {QStringLiteral("start"),
                                                 QStringLiteral("destroy")};
        QTest::newRow("stopped, cannot destroy")
            << int(MachineState::Stopped) << QStringList {QStringLiteral("start")}
            << QStringList {QStringLiteral("start")};
        QTest::newRow("nothing allowed")
            << int(MachineState::Pending) << QStringList() << QStringList();
    }
    void swipeOffersTheTwoLikeliestActions()
    {
        QFETCH(int, state);
        QFETCH(QStringList, allowed);
        QFETCH(QStringList, swipe);
        QCOMPARE(MachineModel::swipeActions(MachineState::State(state), allowed), swipe);
    }

    void swipeAndErrorReasonRolesFollowTheState()
    {
        m_model->setAccountCapabilities(QStringLiteral("a"),
                                        {QStringLiteral("start"), QStringLiteral("shutdown"),
                                         QStringLiteral("reboot"), QStringLiteral("destroy")});
        QList<Machine> list = machines(QStringLiteral("a"), 2);
        list[1].state = MachineState::Error;
        list[1].providerState = QStringLiteral("errored");
        m_model->setAccountMachines(QStringLiteral("a"), list);
        const QModelIndex running = m_model->index(0);
        const QModelIndex failed = m_model->index(1);
        QCOMPARE(running.data(MachineModel::SwipeActionsRole).toStringList(),
                 (QStringList {QStringLiteral("reboot"), QStringLiteral("shutdown")}));
        QCOMPARE(running.data(MachineModel::ErrorReasonRole).toString(), QString());
        // The provider's own state text, until it gives a reason.
        QCOMPARE(failed.data(MachineModel::ErrorReasonRole).toString(), QStringLiteral("errored"));
        QCOMPARE(m_model->get(1).value(QStringLiteral("errorReason")).toString(),
                 QStringLiteral("errored"));

        ModelSignals spies(m_model);
        list[1].extra.insert(QStringLiteral("stateReason"), QStringLiteral("host failure"));
        m_model->setAccountMachines(QStringLiteral("a"), list);
        QCOMPARE(spies.changed.size(), 1);
        QVERIFY(rolesOf(spies.changed, 0).contains(MachineModel::ErrorReasonRole));
        QCOMPARE(failed.data(MachineModel::ErrorReasonRole).toString(),
                 QStringLiteral("host failure"));

        // An action in flight: the overlay's state drives the swipe too.
        spies.clear();
        m_model->setOptimisticState(QStringLiteral("a"), list[0].id, MachineState::Stopping);
        QVERIFY(rolesOf(spies.changed, 0).contains(MachineModel::SwipeActionsRole));
        const QStringList swipe = running.data(MachineModel::SwipeActionsRole).toStringList();
        QCOMPARE(swipe, MachineModel::swipeActions(
                            MachineState::Stopping,
                            running.data(MachineModel::AllowedActionsRole).toStringList()));
        QVERIFY(!swipe.contains(QStringLiteral("reboot")));

        // New capabilities change what a swipe offers, for every row of the account.
        spies.clear();
        m_model->setAccountCapabilities(QStringLiteral("a"), {QStringLiteral("shutdown")});
        QVERIFY(rolesOf(spies.changed, 0).contains(MachineModel::SwipeActionsRole));
        m_model->setOptimisticState(QStringLiteral("a"), list[0].id, std::nullopt);
        QCOMPARE(running.data(MachineModel::SwipeActionsRole).toStringList(),
                 QStringList {QStringLiteral("shutdown")});
    }

    /// Open SSH is the first thing to do with a running machine, Start with a stopped one: the
    /// details ask the model which, instead of comparing action names.
    /// Issue 12, item 10: a destroy in flight says "Destroying…" (not "Stopping…"), and while a
    /// shutdown hangs in "Stopping" Power off stays offered.
    void destroyInFlightSaysDestroyingAndStoppingOffersPowerOff()
    {
        m_model->setAccountCapabilities(QStringLiteral("a"),
                                        {QStringLiteral("shutdown"), QStringLiteral("poweroff"),
                                         QStringLiteral("destroy")});
        QList<Machine> list = machines(QStringLiteral("a"), 2);
        list[0].state = MachineState::Running;
        list[1].state = MachineState::Running;
        m_model->setAccountMachines(QStringLiteral("a"), list);
        ModelSignals spies(m_model);
        m_model->setOptimisticState(QStringLiteral("a"), list[0].id, MachineState::Stopping);
        m_model->setPendingAction(QStringLiteral("a"), list[0].id, QStringLiteral("destroy"));
        QVERIFY(rolesOf(spies.changed, spies.changed.size() - 1).contains(MachineModel::StateTextRole));
        QCOMPARE(m_model->index(0).data(MachineModel::StateTextRole).toString(),
                 QStringLiteral("Destroying…"));

        m_model->setOptimisticState(QStringLiteral("a"), list[1].id, MachineState::Stopping);
        m_model->setPendingAction(QStringLiteral("a"), list[1].id, QStringLiteral("shutdown"));
        QVERIFY(m_model->index(1).data(MachineModel::StateTextRole).toString()
                != QStringLiteral("Destroying…"));
        QVERIFY(m_model->index(1)
                    .data(MachineModel::AllowedActionsRole)
                    .toStringList()
                    .contains(QStringLiteral("poweroff")));
        QVERIFY(MachineAction::canReplace(MachineAction::Shutdown, MachineAction::PowerOff));
        QVERIFY(!MachineAction::canReplace(MachineAction::Destroy, MachineAction::PowerOff));
        QVERIFY(MachineAction::isForced(MachineAction::PowerOff)); // the GUI confirms it
    }

    void primaryActionFollowsTheState()
    {
        m_model->setAccountCapabilities(QStringLiteral("a"),
                                        {QStringLiteral("start"), QStringLiteral("shutdown"),
                                         QStringLiteral("destroy")});
        QList<Machine> list = machines(QStringLiteral("a"), 2);
        list[0].state = MachineState::Running;
        list[1].state = MachineState::Stopped;
        m_model->setAccountMachines(QStringLiteral("a"), list);
        const QModelIndex running = m_model->index(0);
        const QModelIndex stopped = m_model->index(1);
        QCOMPARE(running.data(MachineModel::PrimaryActionRole).toString(), QString());
        QCOMPARE(stopped.data(MachineModel::PrimaryActionRole).toString(), QStringLiteral("start"));
        QCOMPARE(m_model->get(1).value(QStringLiteral("primaryAction")).toString(),
                 QStringLiteral("start"));

        ModelSignals spies(m_model);
        m_model->setOptimisticState(QStringLiteral("a"), list[1].id, MachineState::Starting);
        QVERIFY(rolesOf(spies.changed, 0).contains(MachineModel::PrimaryActionRole));
        QCOMPARE(stopped.data(MachineModel::PrimaryActionRole).toString(), QString());
        m_model->setOptimisticState(QStringLiteral("a"), list[1].id, std::nullopt);

        // Without the start capability nothing is offered first.
        spies.clear();
        m_model->setAccountCapabilities(QStringLiteral("a"), {QStringLiteral("destroy")});
        QVERIFY(rolesOf(spies.changed, 0).contains(MachineModel::PrimaryActionRole));
        QCOMPARE(stopped.data(MachineModel::PrimaryActionRole).toString(), QString());
    }

    /// A price the user set is what the row shows (in its own currency, without the cloud's
    /// hourly price, marked "user"); the Machine record keeps the cloud's price.
    void userPricesReplaceTheListedOnesInRows()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        UserPrices prices(dir.filePath(QStringLiteral("prices.ini")));
        m_model->setAccountMachines(QStringLiteral("a"), {machine(QStringLiteral("a"), 1),
                                                          machine(QStringLiteral("a"), 2)});
        m_model->setUserPrices(&prices);
        const QModelIndex one = m_model->index(0);
        const QModelIndex two = m_model->index(1);
        QCOMPARE(one.data(MachineModel::PriceSourceRole).toString(), QStringLiteral("provider"));
        QCOMPARE(one.data(MachineModel::PricePerMonthRole).toDouble(), 12.0);

        QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
        QVERIFY(prices.setMachinePrice(QStringLiteral("a"), m_model->at(0).id,
                                       Money(999, QStringLiteral("EUR"))));
        QCOMPARE(changed.size(), 1);
        QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(MachineModel::PricePerMonthRole));
        QCOMPARE(one.data(MachineModel::PricePerMonthRole).toDouble(), 9.99);
        QCOMPARE(one.data(MachineModel::CurrencyRole).toString(), QStringLiteral("EUR"));
        QCOMPARE(one.data(MachineModel::PriceSourceRole).toString(), QStringLiteral("user"));
        QVERIFY(!one.data(MachineModel::PricePerHourRole).isValid());
        QCOMPARE(*m_model->at(0).pricePerMonth, 12.0);
        // A size price covers the other machine (s-1vcpu-1gb is machine 1's size, c-8 machine 2's).
        QVERIFY(prices.setSizePrice(QStringLiteral("a"), m_model->at(1).size,
                                    Money(100, QStringLiteral("USD"))));
        QCOMPARE(two.data(MachineModel::PricePerMonthRole).toDouble(), 1.0);
        QCOMPARE(two.data(MachineModel::PriceSourceRole).toString(), QStringLiteral("user"));

        m_model->setUserPrices(nullptr);
        QCOMPARE(one.data(MachineModel::PricePerMonthRole).toDouble(), 12.0);
        QCOMPARE(one.data(MachineModel::CurrencyRole).toString(), QStringLiteral("USD"));
    }

private:
    MachineModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

QTEST_GUILESS_MAIN(TestMachineModel)
#include "tst_machinemodel.moc"
