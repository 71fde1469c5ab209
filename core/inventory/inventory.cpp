#include "inventory.h"

#include "httpclient.h"

#include "accountstore.h"
#include "credentialstore.h"
#include "httpclient.h"
#include "machinediff.h"
#include "machinemodel.h"
#include "pollscheduler.h"
#include "provider.h"
#include "providerregistry.h"

#include <QDir>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcInventory, "clouddeck.inventory", QtInfoMsg)

Inventory::Inventory(ProviderRegistry *registry, AccountStore *accounts,
                     CredentialStore *credentials, MachineModel *model, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_accounts(accounts)
    , m_credentials(credentials)
    , m_model(model)
    , m_scheduler(new PollScheduler(this))
{
    connect(m_accounts, &AccountStore::accountUpdated, this, [this](const QString &id) {
        dropProvider(id);
        syncAccountInfo(id);
        if (m_scheduler->isActive())
            m_scheduler->requestRefresh(id); // its endpoint or secret may have changed
    });
    connect(m_accounts, &AccountStore::accountRemoved, this, &Inventory::onAccountRemoved);
    connect(m_accounts, &AccountStore::accountAdded, this, &Inventory::syncAccountInfo);
    connect(m_scheduler, &PollScheduler::refreshDue, this, &Inventory::refresh);
    connect(m_scheduler, &PollScheduler::suspendedChanged, this, &Inventory::suspendedChanged);
    for (const Account &account : m_accounts->accounts())
        syncAccountInfo(account.id);
}

Inventory::~Inventory() = default;

QDateTime Inventory::now() const
{
    return m_scheduler->now();
}

void Inventory::syncAccountInfo(const QString &accountId)
{
    const auto account = m_accounts->account(accountId);
    if (!account)
        return;
    m_model->setAccountName(accountId, account->name);
    const ProviderMetadata metadata = m_registry->metadata(account->providerId);
    if (metadata.isValid())
        m_model->setAccountCapabilities(accountId, metadata.capabilities);
    m_scheduler->addAccount(accountId, account->pollIntervalSeconds * 1000);
}

void Inventory::onAccountRemoved(const QString &accountId)
{
    cancelActions(accountId, Error(Error::Cancelled, tr("The account was removed.")));
    dropProvider(accountId);
    m_status.remove(accountId);
    m_cacheMirrored.remove(accountId);
    m_cacheErrors.remove(accountId);
    m_scheduler->removeAccount(accountId);
    m_model->removeAccount(accountId);
    if (m_cache)
        m_cache->removeAccount(accountId);
    Q_EMIT accountStatusChanged(accountId);
}

void Inventory::setCache(InventoryCache *cache)
{
    if (m_cache == cache)
        return;
    if (m_cache)
        m_cache->disconnect(this);
    m_cache = cache;
    if (!m_cache)
        return;
    connect(m_cache, &InventoryCache::recovered, this, &Inventory::setCacheNotice);
    // The file was replaced while open: write back everything we know, so it is whole again.
    connect(m_cache, &InventoryCache::reset, this, &Inventory::rewriteCache);
    setCacheNotice(m_cache->recoveryNotice());
}

void Inventory::setCacheNotice(const QString &notice)
{
    if (notice.isEmpty() || m_cacheNotice == notice)
        return;
    m_cacheNotice = notice;
    Q_EMIT cacheNoticeChanged();
}

bool Inventory::openCache()
{
    if (!m_cache)
        return false;
    if (!m_cache->isOpen() && !m_cache->open()) {
        setCacheNotice(m_cache->errorString());
        return false;
    }
    setCacheNotice(m_cache->recoveryNotice());
    if (m_cache->isReadOnly())
        setCacheNotice(m_cache->errorString());
    QStringList ids;
    for (const Account &account : m_accounts->accounts())
        ids.append(account.id);
    keepOrPurgeUnknownAccounts(ids);
    return true;
}

int Inventory::loadFromCache(const QStringList &only)
{
    if (!openCache())
        return 0;
    // An account already refreshed in this run has fresher data than the file.
    QStringList ids;
    for (const Account &account : m_accounts->accounts()) {
        const Status status = m_status.value(account.id);
        if ((!status.lastSuccess.isValid() || status.fromCache)
            && (only.isEmpty() || only.contains(account.id)))
            ids.append(account.id);
    }
    if (ids.isEmpty())
        return 0;

    // Every account's rows in one query at start; only the few wanted ones after refreshes.
    QHash<QString, QList<Machine>> byAccount;
    if (ids.size() == m_accounts->accounts().size()) {
        QList<Machine> cached = m_cache->machines();
        for (Machine &machine : cached)
            byAccount[machine.accountId].append(std::move(machine));
    } else {
        for (const QString &id : std::as_const(ids))
            byAccount.insert(id, m_cache->machines(id));
    }

    int loaded = 0;
    QList<Machine> fresh; // of accounts that show nothing yet: added in one go, after the loop
    QStringList loadedIds;
    for (const QString &id : std::as_const(ids)) {
        const InventoryCache::AccountStatus stored = m_cache->status(id);
        Status &status = m_status[id];
        status.lastSuccess = stored.lastSuccess;
        status.error = stored.lastError;
        status.fromCache = true;
        QList<Machine> machines = byAccount.take(id);
        loaded += int(machines.size());
        if (m_model->machineCount(id) == 0) {
            // The usual start: nothing shown yet, so everything is added (moved, not copied).
            for (Machine &machine : machines) {
                machine.accountId = id;
                fresh.append(std::move(machine));
            }
        } else {
            m_model->applyDiff(MachineDiff::compute(id, m_model->machinesOf(id), machines));
        }
        loadedIds.append(id);
        m_cacheMirrored.insert(id);
    }
    m_model->addNewAccounts(std::move(fresh));
    for (const QString &id : std::as_const(loadedIds))
        Q_EMIT accountStatusChanged(id);
    qCDebug(lcInventory) << "loaded" << loaded << "machines from the cache";
    return loaded;
}

void Inventory::keepOrPurgeUnknownAccounts(const QStringList &known)
{
    QStringList unknown;
    for (const QString &id : m_cache->accountIds()) {
        if (!known.contains(id))
            unknown.append(id);
    }
    const QString previous = m_keptAccountsNotice;
    m_keptAccountsNotice.clear();
    if (unknown.isEmpty())
        return;
    // Cached rows go when the user removes their account (onAccountRemoved, the CLI's
    // "accounts remove"). Rows of accounts the settings do not list are purged only when the
    // settings were read and list accounts: a missing, empty, unreadable or garbled file, or one
    // under another XDG_CONFIG_HOME, says nothing about which accounts exist, and purging on its
    // word would lose the whole offline picture for good.
    const Error settings = m_accounts->loadError();
    if (!settings.isError() && !known.isEmpty()) {
        m_cache->removeAccountsExcept(known);
        return;
    }
    int rows = 0;
    for (const QString &id : std::as_const(unknown))
        rows += m_cache->machineCount(id);
    const QString reason =
        settings.isError()
            ? settings.message()
            : tr("the account settings %1 list no accounts")
                  .arg(QDir::toNativeSeparators(m_accounts->fileName()));
    m_keptAccountsNotice =
        tr("The offline cache holds %n cached machine(s) of accounts that are not in the settings, "
           "but %1: nothing was removed. Restore the settings file (or use the same "
           "XDG_CONFIG_HOME as before) to see them again.",
           nullptr, rows)
            .arg(reason);
    qCWarning(lcInventory).noquote() << m_keptAccountsNotice;
    if (previous != m_keptAccountsNotice)
        Q_EMIT cacheNoticeChanged();
}

void Inventory::rewriteCache()
{
    if (!m_cache || !m_cache->isOpen())
        return;
    for (const Account &account : m_accounts->accounts()) {
        const Status status = m_status.value(account.id);
        // Only what this process holds: an account it never listed nor read (the CLI's online
        // list of another account) has no rows to write back.
        if (status.lastSuccess.isValid()
            && m_cache->replaceMachines(account.id, m_model->machines(account.id),
                                        status.lastSuccess))
            m_cacheMirrored.insert(account.id);
        if (status.error.isError())
            m_cache->recordFailure(account.id, status.error, now());
    }
}

void Inventory::startPolling()
{
    if (!m_scheduler->followNetworkReachability())
        qCDebug(lcInventory) << "no network information backend: refreshes will not follow it";
    m_scheduler->start();
}

void Inventory::stopPolling()
{
    m_scheduler->stop();
}

bool Inventory::isSuspended() const
{
    return m_scheduler->isSuspended();
}

void Inventory::setSuspended(bool suspended)
{
    m_scheduler->setSuspended(suspended);
}

void Inventory::dropProvider(const QString &accountId)
{
    if (m_refreshing.contains(accountId)) {
        // Deleting the provider aborts its requests without calling back: end the refresh here.
        m_refreshToken.remove(accountId);
        finishRefresh(accountId, Error(Error::Cancelled, tr("The account changed.")), nullptr);
    }
    cancelActions(accountId, Error(Error::Cancelled,
                                   tr("The account changed while the action was in progress; "
                                      "refresh to see its outcome.")));
    if (QPointer<Provider> provider = m_providers.take(accountId))
        provider->deleteLater();
}

void Inventory::setMachinesInView(const QString &accountId, const QStringList &machineIds)
{
    if (m_inViewAccount != accountId) {
        if (Provider *previous = m_providers.value(m_inViewAccount))
            previous->setMachinesInView({});
    }
    m_inViewAccount = accountId;
    m_inView = machineIds;
    if (Provider *provider = m_providers.value(accountId))
        provider->setMachinesInView(machineIds);
}

void Inventory::withProvider(const QString &accountId, Callback<Provider *> done)
{
    if (Provider *provider = m_providers.value(accountId)) {
        QMetaObject::invokeMethod(
            this, [done, provider] { done(provider); }, Qt::QueuedConnection);
        return;
    }
    const auto account = m_accounts->account(accountId);
    if (!account) {
        QMetaObject::invokeMethod(
            this, [done] { done(Error(Error::NotFound, tr("No such account."))); },
            Qt::QueuedConnection);
        return;
    }
    auto &waiting = m_waitingForProvider[accountId];
    waiting.append(std::move(done));
    if (waiting.size() > 1)
        return; // a keychain read for this account is already on its way

    const ProviderMetadata metadata = m_registry->metadata(account->providerId);
    auto create = [this, accountId](const Result<QVariantMap> &secrets) {
        const QList<Callback<Provider *>> callbacks = m_waitingForProvider.take(accountId);
        const auto account = m_accounts->account(accountId);
        Result<Provider *> result(Error(Error::NotFound, tr("No such account.")));
        if (!secrets.ok()) {
            result = secrets.error();
        } else if (account) {
            QString error;
            Provider *provider = m_providerFactory
                                     ? m_providerFactory(*account, secrets.value(), this, &error)
                                     : m_registry->create(*account, secrets.value(), this, &error);
            if (provider) {
                m_providers.insert(accountId, provider);
                connect(provider->http(), &HttpClient::waiting, this,
                        [this, accountId](const QString &reason, const QDateTime &until) {
                            Status &status = m_status[accountId];
                            status.waitReason = reason;
                            status.waitUntil = until;
                            Q_EMIT accountWaiting(accountId, reason, until);
                            Q_EMIT accountStatusChanged(accountId);
                        });
                if (accountId == m_inViewAccount)
                    provider->setMachinesInView(m_inView);
                m_model->setAccountCapabilities(accountId, provider->metadata().capabilities);
                result = provider;
            } else {
                result = Error(Error::Unsupported, error);
            }
        }
        for (const auto &callback : callbacks)
            callback(result);
    };
    if (metadata.secretFields().isEmpty()) {
        // Nothing to read from the keychain (the demo cloud): create on the next turn.
        QMetaObject::invokeMethod(
            this, [create] { create(QVariantMap()); }, Qt::QueuedConnection);
        return;
    }
    m_credentials->read(accountId, create);
}

void Inventory::refreshAll()
{
    m_accounts->reload();
    for (const Account &account : m_accounts->accounts())
        refresh(account.id);
}

void Inventory::refresh(const QString &accountId)
{
    if (m_refreshing.contains(accountId)) {
        // One refresh per account at a time; one more after it when asked while it runs, since
        // what was asked for (an action's outcome) may have happened after it started.
        m_refreshAgain.insert(accountId);
        return;
    }
    if (!m_accounts->account(accountId))
        return;
    m_refreshing.insert(accountId);
    const quint64 token = ++m_nextToken;
    m_refreshToken.insert(accountId, token);
    m_scheduler->refreshStarted(accountId);
    updateRefreshing();
    Q_EMIT refreshStarted(accountId);

    auto current = [this, accountId, token] {
        return m_refreshToken.value(accountId) == token;
    };
    withProvider(accountId, [this, accountId, current](Result<Provider *> provider) {
        if (!current())
            return;
        if (!provider.ok())
            return finishRefresh(accountId, provider.error(), nullptr);
        QPointer<Provider> source = provider.value();
        source->listMachines([this, accountId, current, source](Result<QList<Machine>> machines) {
            if (!current())
                return;
            if (machines.ok())
                applyRefresh(accountId, machines.takeValue());
            finishRefresh(accountId, machines.ok() ? Error() : machines.error(), source);
        });
    });
}

void Inventory::applyRefresh(const QString &accountId, QList<Machine> machines)
{
    const QDateTime seenAt = now();
    const auto account = m_accounts->account(accountId);
    const QString providerId = account ? account->providerId : QString();
    // Touched only when needed: writing to every machine of a 10,000-machine listing costs more
    // than the whole diff. lastSeen travels as the diff's seenAt.
    const bool needsFix = std::any_of(machines.cbegin(), machines.cend(), [&](const Machine &m) {
        return m.accountId != accountId || m.providerId.isEmpty();
    });
    if (needsFix) {
        for (Machine &machine : machines) {
            machine.accountId = accountId;
            if (machine.providerId.isEmpty())
                machine.providerId = providerId;
        }
    }
    MachineDiff diff =
        MachineDiff::compute(accountId, m_model->machinesOf(accountId), machines, seenAt);
    writeToCache(diff, machines);
    const auto stats = m_model->applyDiff(std::move(diff));
    Status &status = m_status[accountId];
    status.lastSuccess = seenAt;
    status.fromCache = false;
    qCDebug(lcInventory) << accountId << "added" << stats.added << "removed" << stats.removed
                         << "changed" << stats.changed;
    resolveActionsAfterRefresh(accountId);
}

void Inventory::writeToCache(const MachineDiff &diff, const QList<Machine> &machines)
{
    const QString &accountId = diff.accountId;
    if (!m_cache)
        return;
    if (!m_cache->isOpen()) {
        noteCacheWrite(accountId, false);
        return;
    }
    InventoryCache::WriteResult result = InventoryCache::WriteResult::OutOfSync;
    // The diff is against what the model held: it fits the file only when the model held what
    // the file does.
    if (m_cacheMirrored.contains(accountId))
        result = m_cache->applyDiff(diff);
    if (result == InventoryCache::WriteResult::OutOfSync) {
        // Rows never read (the CLI's online list), or another process or a failed write left
        // the file behind: compare the whole list with what the file holds, writing what differs.
        result = m_cache->syncMachines(accountId, machines, diff.seenAt)
                     ? InventoryCache::WriteResult::Written
                     : InventoryCache::WriteResult::Failed;
    }
    if (result == InventoryCache::WriteResult::Written)
        m_cacheMirrored.insert(accountId);
    else
        m_cacheMirrored.remove(accountId);
    noteCacheWrite(accountId, result == InventoryCache::WriteResult::Written);
}

void Inventory::noteCacheWrite(const QString &accountId, bool written)
{
    const QString before = m_cacheErrors.value(accountId);
    if (written) {
        m_cacheErrors.remove(accountId);
    } else {
        QString problem = m_cache->takeWriteProblem();
        if (problem.isEmpty())
            problem = m_cache->errorString().isEmpty() ? tr("it is not open")
                                                       : m_cache->errorString();
        // Said as what it is: the refresh worked, only its copy for offline use was not kept.
        const QString message =
            tr("The offline cache could not be written: %1. The machines shown are current; what "
               "the cache held before is kept.")
                .arg(problem);
        m_cacheErrors.insert(accountId, message);
        qCWarning(lcInventory).noquote() << accountId << message;
    }
    if (before != m_cacheErrors.value(accountId))
        Q_EMIT accountStatusChanged(accountId);
}

void Inventory::finishRefresh(const QString &accountId, const Error &error, Provider *provider)
{
    if (!m_refreshing.remove(accountId))
        return;
    m_refreshToken.remove(accountId);
    // A cancelled refresh (the account changed under it) says nothing about the account.
    m_status[accountId].waitReason.clear();
    m_status[accountId].waitUntil = {};
    if (error.kind() != Error::Cancelled) {
        Status &status = m_status[accountId];
        status.error = error;
        if (error.isError()) {
            qCInfo(lcInventory).noquote()
                << "refresh of" << accountId << "failed:" << error.message();
            if (m_cache && m_cache->isOpen())
                m_cache->recordFailure(accountId, error, now());
        }
    }
    std::optional<RateLimit> rateLimit;
    if (provider)
        rateLimit = provider->http()->lastRateLimit();
    if (!error.isError())
        m_scheduler->setTransitions(accountId, machinesInTransition(accountId),
                                    m_model->machinesOf(accountId).size());
    m_scheduler->refreshFinished(accountId, error, needsFastPolling(accountId), rateLimit);
    Q_EMIT refreshFinished(accountId, error);
    Q_EMIT accountStatusChanged(accountId);
    if (m_refreshAgain.remove(accountId))
        refresh(accountId);
    updateRefreshing();
}

void Inventory::updateRefreshing()
{
    // Emitted on real changes only: a refresh that follows another at once is no flicker.
    if (m_refreshingShown == isRefreshing())
        return;
    m_refreshingShown = isRefreshing();
    Q_EMIT refreshingChanged();
}

// Fast polling follows what the user started here; machines in transition for other reasons
// reach the scheduler by id (setTransitions), which bounds how long they keep it fast.
bool Inventory::needsFastPolling(const QString &accountId) const
{
    return std::any_of(m_actions.cbegin(), m_actions.cend(),
                       [&accountId](const PendingAction &action) {
                           return action.accountId == accountId;
                       });
}

QStringList Inventory::machinesInTransition(const QString &accountId) const
{
    QStringList ids;
    const QList<const Machine *> machines = m_model->machinesOf(accountId);
    for (const Machine *machine : machines) {
        if (MachineState::isTransition(machine->state))
            ids.append(machine->id);
    }
    return ids;
}
