// Inventory: optimistic machine actions. (Refresh and merge are in inventory.cpp.)
#include "inventory.h"

#include "accountstore.h"
#include "activitystore.h"
#include "machinemodel.h"
#include "pollscheduler.h"
#include "provider.h"

#include <QTimer>

QString Inventory::actionKey(const QString &accountId, const QString &machineId)
{
    return accountId + QChar(0x1f) + machineId;
}

bool Inventory::isActionPending(const QString &accountId, const QString &machineId) const
{
    return m_actions.contains(actionKey(accountId, machineId));
}

bool Inventory::runAction(const QString &accountId, const QString &machineId,
                          const QString &actionId)
{
    const auto action = MachineAction::fromId(actionId);
    if (!action)
        return false;
    runAction(accountId, machineId, *action);
    return true;
}

void Inventory::runAction(const QString &accountId, const QString &machineId,
                          MachineAction::Action action, Callback<void> done)
{
    const QString key = actionKey(accountId, machineId);
    if (const auto it = m_actions.constFind(key);
        it != m_actions.constEnd() && it->action == action) {
        // The same request again (a second click): nothing is sent; it shares the first's answer.
        qCDebug(lcInventory) << MachineAction::id(action) << "already in flight for" << machineId;
        if (!done)
            return;
        if (it->accepted)
            QTimer::singleShot(0, this, [done] { done({}); });
        else
            m_actionWaiters[it->serial].append(std::move(done));
        return;
    }
    if (const auto it = m_actions.find(key); it != m_actions.end()) {
        // Another action replaces the one in flight (power off while a shutdown hangs): the old
        // one's answer still reaches its callers, but no longer drives the row.
        endActivity(it->activityId,
                    Error(Error::Cancelled, tr("Replaced by %1.")
                                                .arg(MachineAction::text(action).toLower())));
        delete it->timeout;
        m_actions.erase(it);
    }

    PendingAction pending;
    pending.accountId = accountId;
    pending.machineId = machineId;
    pending.action = action;
    pending.serial = ++m_nextSerial;
    pending.timeout = new QTimer(this);
    pending.timeout->setSingleShot(true);
    const quint64 serial = pending.serial;
    connect(pending.timeout, &QTimer::timeout, this,
            [this, key, serial] { onActionTimeout(key, serial); });
    pending.timeout->start(m_actionTimeoutMs);
    const int row = m_model->rowOf(accountId, machineId);
    pending.activityId =
        recordActivity(accountId, machineId, row >= 0 ? m_model->at(row).name : QString(),
                       MachineAction::id(action), ActivityEntry::Outcome::Started);
    m_actions.insert(key, pending);
    if (done)
        m_actionWaiters[serial].append(std::move(done));

    m_model->setActionError(accountId, machineId, {});
    m_model->setPendingAction(accountId, machineId, MachineAction::id(action));
    m_model->setOptimisticState(accountId, machineId, MachineAction::transitionState(action));
    m_scheduler->actionStarted(accountId);

    withProvider(accountId, [this, key, serial, machineId, action](Result<Provider *> provider) {
        if (!provider.ok())
            return onActionAnswered(key, serial, provider.error());
        provider.value()->runAction(machineId, action,
                                    [this, key, serial](const Result<void> &result) {
                                        onActionAnswered(key, serial, result.error());
                                    });
    });
}

void Inventory::onActionAnswered(const QString &key, quint64 serial, const Error &error)
{
    const QList<Callback<void>> waiters = m_actionWaiters.take(serial);
    for (const Callback<void> &waiter : waiters)
        waiter(error.isError() ? Result<void>(error) : Result<void>());

    const auto it = m_actions.find(key);
    if (it == m_actions.end() || it->serial != serial)
        return; // replaced by another action, or already timed out
    const QString accountId = it->accountId;
    if (error.isError()) {
        resolveAction(key, error);
        refresh(accountId); // the action may have done part of its work
        return;
    }
    it->accepted = true;
    it->following = true;
    const QString machineId = it->machineId;
    const MachineAction::Action action = it->action;
    withProvider(accountId, [this, key, serial, machineId, action](Result<Provider *> provider) {
        if (!provider.ok())
            return onActionFollowed(key, serial, {}); // the listing still tells
        provider.value()->followAction(machineId, action,
                                       [this, key, serial](const Result<void> &result) {
                                           onActionFollowed(key, serial, result.error());
                                       });
    });
    m_scheduler->actionStarted(accountId);
    refresh(accountId);
}

void Inventory::onActionFollowed(const QString &key, quint64 serial, const Error &error)
{
    const auto it = m_actions.find(key);
    if (it == m_actions.end() || it->serial != serial)
        return; // replaced by another action, or already resolved
    const QString accountId = it->accountId;
    if (error.isError()) {
        resolveAction(key, error);
        refresh(accountId);
        return;
    }
    it->following = false;
    refresh(accountId); // the listing confirms the target state
}

void Inventory::onActionTimeout(const QString &key, quint64 serial)
{
    const auto it = m_actions.constFind(key);
    if (it == m_actions.constEnd() || it->serial != serial)
        return;
    const QString accountId = it->accountId;
    const Error error(Error::Timeout,
                      tr("%1 was not confirmed by the provider within %2 s; the machine shows its "
                         "last known state. Refresh to check again.")
                          .arg(MachineAction::text(it->action))
                          .arg(m_actionTimeoutMs / 1000));
    resolveAction(key, error);
    refresh(accountId);
}

void Inventory::resolveAction(const QString &key, const Error &error)
{
    const auto it = m_actions.find(key);
    if (it == m_actions.end())
        return;
    const PendingAction pending = *it;
    m_actions.erase(it);
    delete pending.timeout;

    m_model->setOptimisticState(pending.accountId, pending.machineId, std::nullopt);
    m_model->setPendingAction(pending.accountId, pending.machineId, {});
    if (error.isError())
        m_model->setActionError(pending.accountId, pending.machineId, error.message());
    // Callers still waiting for the provider's answer (a timeout came first) get this outcome
    // now and never another.
    const QList<Callback<void>> waiters = m_actionWaiters.take(pending.serial);
    for (const Callback<void> &waiter : waiters)
        waiter(error.isError() ? Result<void>(error) : Result<void>());
    if (error.isError()) {
        qCInfo(lcInventory).noquote() << MachineAction::id(pending.action) << "of"
                                      << pending.machineId << "failed:" << error.message();
    }
    endActivity(pending.activityId, error);
    Q_EMIT actionFinished(pending.accountId, pending.machineId, pending.action, error);
}

void Inventory::resolveActionsAfterRefresh(const QString &accountId)
{
    QList<std::pair<QString, Error>> resolved;
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it) {
        const PendingAction &pending = *it;
        if (pending.accountId != accountId || !pending.accepted || pending.following)
            continue;
        const int row = m_model->rowOf(accountId, pending.machineId);
        const MachineState::State target = MachineAction::targetState(pending.action);
        if (row < 0) {
            // Gone from the listing: what destroy aims for, and the end of any other action.
            resolved.append(
                {it.key(), pending.action == MachineAction::Destroy
                               ? Error()
                               : Error(Error::NotFound, tr("The machine no longer exists."))});
            continue;
        }
        const MachineState::State state = m_model->at(row).state;
        if (state == target)
            resolved.append({it.key(), Error()});
        else if (state == MachineState::Error)
            resolved.append(
                {it.key(), Error(Error::Server, tr("%1 failed: the provider reports the machine "
                                                   "in an error state.")
                                                    .arg(MachineAction::text(pending.action)))});
    }
    for (const auto &[key, error] : std::as_const(resolved))
        resolveAction(key, error);
}

void Inventory::cancelActions(const QString &accountId, const Error &error)
{
    QStringList keys;
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it) {
        if (it->accountId == accountId)
            keys.append(it.key());
    }
    for (const QString &key : std::as_const(keys))
        resolveAction(key, error);
}

QList<ActivityEntry> Inventory::activity(int limit) const
{
    return m_cache ? ActivityStore(m_cache).entries(limit) : QList<ActivityEntry> {};
}

qint64 Inventory::recordActivity(const QString &accountId, const QString &machineId,
                                 const QString &machineName, const QString &action,
                                 ActivityEntry::Outcome outcome, const QString &message)
{
    if (!m_cache)
        return 0;
    ActivityEntry entry;
    entry.at = now();
    entry.accountId = accountId;
    if (const auto account = m_accounts->account(accountId))
        entry.accountName = account->name;
    entry.machineId = machineId;
    entry.machineName = machineName;
    entry.action = action;
    entry.outcome = outcome;
    entry.message = message;
    entry.source = m_activitySource;
    const qint64 id = ActivityStore(m_cache).append(entry);
    if (id > 0)
        Q_EMIT activityChanged();
    return id;
}

void Inventory::endActivity(qint64 id, const Error &error, const QString &doneMessage)
{
    if (!m_cache || id <= 0)
        return;
    const auto outcome =
        error.isError() ? ActivityEntry::Outcome::Failed : ActivityEntry::Outcome::Succeeded;
    if (ActivityStore(m_cache).update(id, outcome, error.isError() ? error.message() : doneMessage))
        Q_EMIT activityChanged();
}
