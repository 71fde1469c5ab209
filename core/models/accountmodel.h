#pragma once

#include "clouddeck_core_export.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QPointer>

class AccountStore;
class Inventory;
class ProviderRegistry;

/**
 * @brief One row per account: what the sidebar shows (name, provider and its mark, machine count,
 * status, last refresh time, last error).
 *
 * Built from the AccountStore (which accounts, in its order: by name), the ProviderRegistry
 * (provider name and mark from plugin metadata) and the Inventory (refresh state, errors, times,
 * and the MachineModel for counts). Changes arrive as row inserts, removals, moves and
 * dataChanged of the roles that changed; the model is never reset after it was first filled.
 */
class CLOUDDECK_CORE_EXPORT AccountModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Status {
        Unknown, ///< never refreshed, nothing cached
        Ok,
        Refreshing,
        Failed, ///< the last refresh failed; errorMessage says why
        Offline, ///< the last refresh could not reach the provider
        CredentialsMissing, ///< the keychain has no secret for it
    };
    Q_ENUM(Status)

    enum Role {
        AccountIdRole = Qt::UserRole + 1,
        NameRole,
        ProviderIdRole,
        ProviderNameRole,
        ProviderMarkRole,
        IsDemoRole,
        MachineCountRole,
        StatusRole, ///< Status as int
        StatusIdRole, ///< "ok", "refreshing", "error", "offline", "credentialsMissing", "unknown"
        StatusTextRole,
        RefreshingRole,
        LastRefreshRole, ///< QDateTime of the last good refresh (invalid: never)
        ErrorMessageRole, ///< the last refresh's error, empty when it worked
        ErrorKindRole, ///< Error::kindId of it ("auth", "network", ...)
        /// The sidebar's line: "4 machines · 12 s ago", "Offline · data from 10:42", ...
        /// (its ages move with setNow()).
        StatusLineRole,
        NeedsAttentionRole, ///< failed, offline or credentials missing: show the reason and Retry
        SuggestsEditRole, ///< the fix is likely in the account's settings or secret
    };
    Q_ENUM(Role)

    AccountModel(AccountStore *accounts, Inventory *inventory, ProviderRegistry *registry,
                 QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE int indexOf(const QString &accountId) const;
    Q_INVOKABLE QVariantMap get(int row) const;
    [[nodiscard]] static QString statusId(Status status);

    /// The time the ages in StatusLineRole are measured against. The owner moves it on (the GUI
    /// every few seconds from its clock); rows whose line changes get dataChanged.
    void setNow(const QDateTime &now);
    [[nodiscard]] QDateTime now() const { return m_now; }

Q_SIGNALS:
    void countChanged();

private:
    struct Row
    {
        QString id;
        QString name;
        QString providerId;
        QString providerName;
        QString providerMark;
        bool demo = false;
        int machines = 0;
        Status status = Unknown;
        QDateTime lastRefresh;
        QString errorMessage;
        QString errorKind;
        /// While a request is held back (Retry-After, a spent rate limit): why, and until when.
        QString waitReason;
        QDateTime waitUntil;
        bool operator==(const Row &) const = default;
    };
    [[nodiscard]] Row rowFor(const QString &accountId) const;
    [[nodiscard]] static QString statusLine(const Row &row, const QDateTime &now);
    [[nodiscard]] static QList<int> changedRoles(const Row &before, const Row &after);
    /// Brings the rows in line with the store: removals, moves, inserts, then changed roles.
    void sync();
    void updateAccount(const QString &accountId);
    void updateCounts();

    QPointer<AccountStore> m_accounts;
    QPointer<Inventory> m_inventory;
    QPointer<ProviderRegistry> m_registry;
    QList<Row> m_rows;
    QDateTime m_now = QDateTime::currentDateTimeUtc();
};
