#pragma once

#include "clouddeck_core_export.h"
#include "error.h"
#include "machineaction.h"
#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>
#include <QObject>
#include <QPointer>
#include <QSet>

class AccountStore;
class CredentialStore;
class MachineModel;
class Provider;
class ProviderRegistry;

CLOUDDECK_CORE_EXPORT Q_DECLARE_LOGGING_CATEGORY(lcInventory)

    /**
     * @brief Knows every machine of every account: refreshes accounts in parallel and merges each
     * result into the MachineModel as a diff.
     *
     * It owns one Provider per account, created on first use from the account's settings and its
     * secret (read once from the keychain). A failed refresh never removes known machines: the
     * account keeps its error and the time of its last good refresh.
     */
    class CLOUDDECK_CORE_EXPORT Inventory : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool refreshing READ isRefreshing NOTIFY refreshingChanged)
public:
    Inventory(ProviderRegistry *registry, AccountStore *accounts, CredentialStore *credentials,
              MachineModel *model, QObject *parent = nullptr);
    ~Inventory() override;

    [[nodiscard]] bool isRefreshing() const { return !m_refreshing.isEmpty(); }
    [[nodiscard]] bool isRefreshing(const QString &accountId) const
    {
        return m_refreshing.contains(accountId);
    }
    [[nodiscard]] Error lastError(const QString &accountId) const
    {
        return m_status.value(accountId).error;
    }
    [[nodiscard]] QDateTime lastSuccess(const QString &accountId) const
    {
        return m_status.value(accountId).lastSuccess;
    }
    [[nodiscard]] MachineModel *model() const { return m_model; }

    /// Refreshes every account at once; each finishes on its own (refreshFinished per account).
    Q_INVOKABLE void refreshAll();
    Q_INVOKABLE void refresh(const QString &accountId);
    /// Runs @p action on a machine; the row shows the action as pending until it is done.
    void runAction(const QString &accountId, const QString &machineId, MachineAction::Action action,
                   Callback<void> done = {});
    /// The account's provider, created (secret read from the keychain) when needed.
    void withProvider(const QString &accountId, Callback<Provider *> done);
    /// Forgets the provider of @p accountId (after its settings or secret changed).
    void dropProvider(const QString &accountId);

Q_SIGNALS:
    void refreshingChanged();
    void refreshStarted(const QString &accountId);
    void refreshFinished(const QString &accountId, const Error &error);
    void actionFinished(const QString &accountId, const QString &machineId,
                        MachineAction::Action action, const Error &error);

private:
    struct Status
    {
        Error error;
        QDateTime lastSuccess;
    };
    void syncAccountInfo(const QString &accountId);

    ProviderRegistry *m_registry;
    AccountStore *m_accounts;
    CredentialStore *m_credentials;
    MachineModel *m_model;
    QHash<QString, QPointer<Provider>> m_providers;
    QHash<QString, QList<Callback<Provider *>>> m_waitingForProvider;
    QHash<QString, Status> m_status;
    QSet<QString> m_refreshing;
};
