#pragma once

#include "clouddeck_core_export.h"
#include "machine.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>

/**
 * @brief One row per machine across all accounts; the list every view binds to.
 *
 * Refreshes arrive per account and are merged as a diff: rows inserted, rows removed, and
 * dataChanged carrying only the roles that changed. A refresh where nothing changed emits nothing.
 * The model is never reset after it was first filled.
 */
class CLOUDDECK_CORE_EXPORT MachineModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        AccountIdRole = Qt::UserRole + 1,
        AccountNameRole,
        ProviderRole,
        MachineIdRole,
        NameRole,
        StateRole, ///< MachineState::State as int
        StateIdRole, ///< "running"
        StateTextRole, ///< "Running"
        ProviderStateRole,
        IsTransitionRole,
        RegionRole,
        SizeRole,
        ImageRole,
        PublicIpv4Role,
        PublicIpv6Role,
        PrivateIpv4Role,
        PrivateIpv6Role,
        PublicIpsRole,
        PrivateIpsRole,
        PrimaryIpRole,
        TagsRole,
        CreatedAtRole,
        PricePerMonthRole, ///< undefined when the provider does not say
        PricePerHourRole,
        VcpusRole,
        MemoryMbRole,
        DiskGbRole,
        ExtraRole,
        LastSeenRole,
        PendingActionRole, ///< action id in flight ("reboot"), or empty
        ActionErrorRole, ///< the provider's message when the last action failed
        AllowedActionsRole, ///< action ids allowed in this state by the provider's capabilities
    };
    Q_ENUM(Role)

    struct MergeStats
    {
        int added = 0;
        int removed = 0;
        int changed = 0;
        bool operator==(const MergeStats &) const = default;
    };

    explicit MachineModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Makes @p machines the complete set known for @p accountId, as a diff against what is shown.
    MergeStats setAccountMachines(const QString &accountId, const QList<Machine> &machines);
    /// Updates one machine (or adds it), emitting only the roles that changed.
    void upsert(const Machine &machine);
    void removeAccount(const QString &accountId);
    void setAccountName(const QString &accountId, const QString &name);
    /// Action ids the account's provider supports; AllowedActionsRole combines them with state.
    void setAccountCapabilities(const QString &accountId, const QStringList &capabilities);
    void setPendingAction(const QString &accountId, const QString &machineId,
                          const QString &action);
    void setActionError(const QString &accountId, const QString &machineId, const QString &message);

    [[nodiscard]] int rowOf(const QString &accountId, const QString &machineId) const;
    [[nodiscard]] const Machine &at(int row) const { return m_rows.at(row).machine; }
    [[nodiscard]] QList<Machine> machines(const QString &accountId = {}) const;
    [[nodiscard]] QString pendingAction(int row) const { return m_rows.at(row).pendingAction; }

    /// The roles whose values differ between @p before and @p after.
    [[nodiscard]] static QList<int> changedRoles(const Machine &before, const Machine &after);

Q_SIGNALS:
    void countChanged();

private:
    struct Row
    {
        Machine machine;
        QString pendingAction;
        QString actionError;
    };
    static QString key(const QString &accountId, const QString &machineId);
    void rebuildIndex();
    void removeRows(QList<int> rows);
    void emitRowChanged(int row, const QList<int> &roles);

    QList<Row> m_rows;
    QHash<QString, int> m_index; ///< key(account, id) -> row
    QHash<QString, QString> m_accountNames;
    QHash<QString, QStringList> m_capabilities;
};
