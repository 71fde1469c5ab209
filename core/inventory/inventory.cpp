#include "inventory.h"

#include "accountstore.h"
#include "credentialstore.h"
#include "machinemodel.h"
#include "provider.h"
#include "providerregistry.h"

#include <QSet>

Q_LOGGING_CATEGORY(lcInventory, "clouddeck.inventory", QtInfoMsg)

Inventory::Inventory(ProviderRegistry *registry, AccountStore *accounts,
                     CredentialStore *credentials, MachineModel *model, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_accounts(accounts)
    , m_credentials(credentials)
    , m_model(model)
{
    connect(m_accounts, &AccountStore::accountUpdated, this, [this](const QString &id) {
        dropProvider(id);
        syncAccountInfo(id);
    });
    connect(m_accounts, &AccountStore::accountRemoved, this, [this](const QString &id) {
        dropProvider(id);
        m_status.remove(id);
        m_model->removeAccount(id);
    });
    connect(m_accounts, &AccountStore::accountAdded, this, &Inventory::syncAccountInfo);
    for (const Account &account : m_accounts->accounts())
        syncAccountInfo(account.id);
}

Inventory::~Inventory() = default;

void Inventory::syncAccountInfo(const QString &accountId)
{
    const auto account = m_accounts->account(accountId);
    if (!account)
        return;
    m_model->setAccountName(accountId, account->name);
    m_model->setAccountCapabilities(accountId,
                                    m_registry->metadata(account->providerId).capabilities);
}

void Inventory::dropProvider(const QString &accountId)
{
    if (QPointer<Provider> provider = m_providers.take(accountId))
        provider->deleteLater();
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
            Provider *provider = m_registry->create(*account, secrets.value(), this, &error);
            if (provider) {
                m_providers.insert(accountId, provider);
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
    if (m_refreshing.contains(accountId))
        return; // one refresh per account at a time; its result is as fresh as a new one
    const bool wasRefreshing = isRefreshing();
    m_refreshing.insert(accountId);
    if (!wasRefreshing)
        Q_EMIT refreshingChanged();
    Q_EMIT refreshStarted(accountId);

    auto finish = [this, accountId](const Error &error) {
        Status &status = m_status[accountId];
        status.error = error;
        if (!error.isError())
            status.lastSuccess = QDateTime::currentDateTimeUtc();
        else
            qCInfo(lcInventory).noquote()
                << "refresh of" << accountId << "failed:" << error.message();
        m_refreshing.remove(accountId);
        Q_EMIT refreshFinished(accountId, error);
        if (!isRefreshing())
            Q_EMIT refreshingChanged();
    };

    withProvider(accountId, [this, accountId, finish](Result<Provider *> provider) {
        if (!provider.ok())
            return finish(provider.error());
        provider.value()->listMachines([this, accountId, finish](Result<QList<Machine>> machines) {
            if (!machines.ok())
                return finish(machines.error());
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (Machine &machine : machines.value()) {
                machine.accountId = accountId;
                machine.lastSeen = now;
            }
            const auto stats = m_model->setAccountMachines(accountId, machines.value());
            qCDebug(lcInventory) << accountId << "added" << stats.added << "removed"
                                 << stats.removed << "changed" << stats.changed;
            finish({});
        });
    });
}

void Inventory::runAction(const QString &accountId, const QString &machineId,
                          MachineAction::Action action, Callback<void> done)
{
    m_model->setPendingAction(accountId, machineId, MachineAction::id(action));
    m_model->setActionError(accountId, machineId, {});
    auto finish = [this, accountId, machineId, action, done](const Result<void> &result) {
        m_model->setPendingAction(accountId, machineId, {});
        if (!result.ok())
            m_model->setActionError(accountId, machineId, result.error().message());
        Q_EMIT actionFinished(accountId, machineId, action, result.error());
        if (done)
            done(result);
        refresh(accountId);
    };
    withProvider(accountId, [machineId, action, finish](Result<Provider *> provider) {
        if (!provider.ok())
            return finish(provider.error());
        provider.value()->runAction(machineId, action, finish);
    });
}
