#pragma once

#include "clouddeck_core_export.h"
#include "machine.h"
#include "machinediff.h"
#include "money.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QPointer>
#include <optional>

/**
 * @brief One row per machine across all accounts; the list every view binds to.
 *
 * Refreshes arrive per account and are merged as a diff: rows inserted, rows removed, and
 * dataChanged carrying only the roles that changed. A refresh where nothing changed emits nothing.
 * The model is never reset after it was first filled.
 *
 * An action in flight lays an optimistic state over the machine's real state (StateRole and its
 * relatives show the overlay) until the Inventory clears it; refreshes keep updating the real
 * machine underneath, so clearing the overlay returns the row to whatever the provider last said.
 */
class UserPrices;

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
        StateRole, ///< MachineState::State as int (the optimistic state while one is set)
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
        /// The (at most two) action ids a swipe on the row offers: the likeliest in this state.
        SwipeActionsRole,
        /// Why the machine is in error, in the provider's words (its state reason, else its own
        /// state text); empty unless the state shown is error.
        ErrorReasonRole,
        CurrencyRole, ///< ISO 4217 code of the prices ("USD" unless the provider says otherwise)
        /// The action offered first in this state ("start" for a stopped machine), or empty when
        /// connecting is the likeliest next step (a running machine): the details' primary button.
        PrimaryActionRole,
        /// Its CPU stayed under 2 % for the last week (MetricsFeed/IdleRule decide; false until
        /// they know): a machine that is only costing money.
        IdleRole,
        /// Where PricePerMonthRole comes from: "user" (a price the user set, which then also
        /// gives CurrencyRole and hides the cloud's hourly price), "provider", or empty.
        PriceSourceRole,
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

    /// Applies one account's diff: removed rows, dataChanged with the changed roles of changed
    /// machines, appended rows; lastSeen of every machine of the account moves to diff.seenAt
    /// silently (when valid). An empty diff emits nothing at all.
    MergeStats applyDiff(const MachineDiff &diff);
    /// The same, taking the added machines over instead of copying them.
    MergeStats applyDiff(MachineDiff &&diff);
    /// Adds the machines of accounts that show none yet (the cache at start-up), all of them in
    /// one insertion: views, counts and the summary see one change, not one per account (ten
    /// accounts of 1,000 had the header's totals computed ten times before the first frame).
    /// Machines of an account that already has rows are merged as applyDiff() would.
    void addNewAccounts(QList<Machine> machines);
    /// Makes @p machines the complete set known for @p accountId, as a diff against what is shown.
    MergeStats setAccountMachines(const QString &accountId, const QList<Machine> &machines,
                                  const QDateTime &seenAt = {});
    /// Updates one machine (or adds it), emitting only the roles that changed.
    void upsert(const Machine &machine);
    void removeAccount(const QString &accountId);
    void setAccountName(const QString &accountId, const QString &name);
    /// Action ids the account's provider supports; AllowedActionsRole combines them with state.
    void setAccountCapabilities(const QString &accountId, const QStringList &capabilities);
    [[nodiscard]] QStringList accountCapabilities(const QString &accountId) const
    {
        return m_capabilities.value(accountId);
    }
    void setPendingAction(const QString &accountId, const QString &machineId,
                          const QString &action);
    void setActionError(const QString &accountId, const QString &machineId, const QString &message);
    /// Shows @p state instead of the machine's real state until cleared with std::nullopt.
    void setOptimisticState(const QString &accountId, const QString &machineId,
                            std::optional<MachineState::State> state);

    [[nodiscard]] int rowOf(const QString &accountId, const QString &machineId) const;
    /// The machine as the provider last described it (its real state, not the overlay).
    [[nodiscard]] const Machine &at(int row) const { return m_rows.at(row).machine; }
    /// The state shown: the optimistic overlay while an action is in flight, else the real one.
    [[nodiscard]] MachineState::State stateAt(int row) const
    {
        const Row &r = m_rows.at(row);
        return r.optimisticState.value_or(r.machine.state);
    }
    [[nodiscard]] QList<Machine> machines(const QString &accountId = {}) const;
    /// The account's machines in row order, without copies; valid until the model next changes.
    [[nodiscard]] QList<const Machine *> machinesOf(const QString &accountId) const;
    [[nodiscard]] int machineCount(const QString &accountId) const;
    [[nodiscard]] QString pendingAction(int row) const { return m_rows.at(row).pendingAction; }
    [[nodiscard]] bool isIdle(int row) const { return m_rows.at(row).idle; }
    void setIdle(const QString &accountId, const QString &machineId, bool idle);
    [[nodiscard]] QString actionError(int row) const { return m_rows.at(row).actionError; }
    /// Prices the user set replace the listed ones in what rows show (the Machine records
    /// keep the cloud's, for the cache and --json); may be null.
    void setUserPrices(UserPrices *prices);
    [[nodiscard]] QString accountName(const QString &accountId) const
    {
        return m_accountNames.value(accountId);
    }

    /// The row of a machine, or -1 (for QML).
    Q_INVOKABLE int indexOf(const QString &accountId, const QString &machineId) const
    {
        return rowOf(accountId, machineId);
    }
    /// Every role of @p row by its role name (for QML detail panes); empty for a bad row.
    Q_INVOKABLE QVariantMap get(int row) const;

    /// The swipe's actions for a machine in @p state of those @p allowed: reboot and shut down a
    /// running machine, start (or destroy) a stopped one; power off where nothing else fits.
    [[nodiscard]] static QStringList swipeActions(MachineState::State state,
                                                  const QStringList &allowed);
    /// The primary action among @p allowed for a machine in @p state (see PrimaryActionRole).
    [[nodiscard]] static QString primaryAction(MachineState::State state,
                                               const QStringList &allowed);
    /// The currency of @p machine's prices, "USD" unless its provider said otherwise.
    [[nodiscard]] static QString currencyOf(const Machine &machine);
    [[nodiscard]] std::optional<Money> userPrice(const Machine &machine) const;

    /// The roles whose values differ between @p before and @p after.
    [[nodiscard]] static QList<int> changedRoles(const Machine &before, const Machine &after);

Q_SIGNALS:
    void countChanged();

private:
    // Q_DECLARE_TYPEINFO below names Row from outside the class.
    template <typename>
    friend class QTypeInfo;
    struct Row
    {
        Machine machine;
        QString pendingAction;
        QString actionError;
        std::optional<MachineState::State> optimisticState;
        bool idle = false;
    };
    [[nodiscard]] static const QList<int> &stateRoles();
    void rebuildIndex();
    /// Not "removeRows": that would hide QAbstractItemModel::removeRows (clang -Woverloaded-virtual).
    void removeRowsAt(QList<int> rows);
    void appendRows(QList<Machine> machines);
    void emitRowChanged(int row, const QList<int> &roles);
    /// dataChanged for every row of @p accountId, one signal per contiguous run of rows.
    void emitAccountChanged(const QString &accountId, const QList<int> &roles);

    QList<Row> m_rows;
    /// account id -> machine id -> row. Nested, so a lookup hashes a short machine id only and
    /// no (account, id) key strings are kept for every row.
    QHash<QString, QHash<QString, int>> m_index;
    QHash<QString, QString> m_accountNames;
    QHash<QString, QStringList> m_capabilities;
    QPointer<UserPrices> m_userPrices;
};

// Its rows move by realloc() when the list grows: Machine and QString are relocatable.
Q_DECLARE_TYPEINFO(MachineModel::Row, Q_RELOCATABLE_TYPE);
