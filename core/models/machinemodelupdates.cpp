// MachineModel: everything that changes rows (diffs, single machines, per-row state). Reading the
// rows (roles, data, lookups) is in machinemodel.cpp.
#include "machinemodel.h"

#include <algorithm>

const QList<int> &MachineModel::stateRoles()
{
    // The roles that follow the shown state; while an overlay is set they do not follow the real
    // one.
    static const QList<int> roles = {StateRole,         StateIdRole,        StateTextRole,
                                     IsTransitionRole,  AllowedActionsRole, SwipeActionsRole,
                                     PrimaryActionRole, ErrorReasonRole};
    return roles;
}

void MachineModel::emitRowChanged(int row, const QList<int> &roles)
{
    const QModelIndex index = this->index(row);
    Q_EMIT dataChanged(index, index, roles);
}

void MachineModel::emitAccountChanged(const QString &accountId, const QList<int> &roles)
{
    int first = -1;
    for (int row = 0; row <= m_rows.size(); ++row) {
        const bool match = row < m_rows.size() && m_rows.at(row).machine.accountId == accountId;
        if (match && first < 0)
            first = row;
        if (!match && first >= 0) {
            Q_EMIT dataChanged(index(first), index(row - 1), roles);
            first = -1;
        }
    }
}

MachineModel::MergeStats MachineModel::applyDiff(const MachineDiff &diff)
{
    MachineDiff copy = diff; // implicitly shared: the added machines are copied once, below
    return applyDiff(std::move(copy));
}

MachineModel::MergeStats MachineModel::applyDiff(MachineDiff &&diff)
{
    MergeStats stats;

    QList<int> gone;
    gone.reserve(diff.removed.size());
    for (const QString &id : std::as_const(diff.removed)) {
        const int row = rowOf(diff.accountId, id);
        if (row >= 0)
            gone.append(row);
    }
    stats.removed = int(gone.size());
    removeRowsAt(gone);

    for (const MachineDiff::Change &change : std::as_const(diff.changed)) {
        const int row = rowOf(diff.accountId, change.machine.id);
        if (row < 0) {
            diff.added.append(change.machine); // the diff was made against an older picture
            continue;
        }
        Row &r = m_rows[row];
        QList<int> roles = changedRoles(r.machine, change.machine);
        if (r.optimisticState) {
            for (int stateRole : stateRoles())
                roles.removeAll(stateRole);
        }
        r.machine = change.machine;
        r.machine.accountId = diff.accountId;
        if (!roles.isEmpty()) {
            ++stats.changed;
            emitRowChanged(row, roles);
        }
    }

    if (diff.seenAt.isValid()) {
        // Every machine still listed was confirmed by this refresh. Views are not told (see
        // changedRoles): the value is there for whoever asks.
        for (Row &row : m_rows) {
            if (row.machine.accountId == diff.accountId)
                row.machine.lastSeen = diff.seenAt;
        }
    }

    // A machine the diff calls added may already be here (a diff against an older picture).
    QList<Machine> fresh;
    fresh.reserve(diff.added.size());
    for (Machine &machine : diff.added) {
        if (machine.accountId != diff.accountId)
            machine.accountId = diff.accountId;
        if (diff.seenAt.isValid())
            machine.lastSeen = diff.seenAt;
        if (rowOf(diff.accountId, machine.id) >= 0)
            upsert(machine);
        else
            fresh.append(std::move(machine));
    }
    stats.added = int(fresh.size());
    appendRows(std::move(fresh));
    return stats;
}

void MachineModel::addNewAccounts(QList<Machine> machines)
{
    QList<Machine> fresh;
    fresh.reserve(machines.size());
    for (Machine &machine : machines) {
        const auto shown = m_index.constFind(machine.accountId);
        if (shown != m_index.cend() && !shown->isEmpty())
            upsert(machine);
        else
            fresh.append(std::move(machine));
    }
    appendRows(std::move(fresh)); // faster when grouped by account, correct in any order
}

MachineModel::MergeStats MachineModel::setAccountMachines(const QString &accountId,
                                                          const QList<Machine> &machines,
                                                          const QDateTime &seenAt)
{
    return applyDiff(MachineDiff::compute(accountId, machinesOf(accountId), machines, seenAt));
}

void MachineModel::appendRows(QList<Machine> machines)
{
    if (machines.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(machines.size()) - 1);
    // Only into an empty list: Qt 6.4's QList::reserve() copies every row into the new block,
    // so reserving for each account's listing copied all the accounts before it. Appends grow
    // the list geometrically, moving rows with realloc() (Row is relocatable).
    if (m_rows.isEmpty())
        m_rows.reserve(machines.size());
    QHash<QString, int> *ids = nullptr;
    for (Machine &machine : machines) {
        if (!ids || machine.accountId != m_rows.constLast().machine.accountId) {
            ids = &m_index[machine.accountId];
            ids->reserve(ids->size() + machines.size());
        }
        ids->insert(machine.id, int(m_rows.size()));
        m_rows.append(Row {std::move(machine), {}, {}, std::nullopt});
    }
    endInsertRows();
    Q_EMIT countChanged();
}

void MachineModel::upsert(const Machine &machine)
{
    const int row = rowOf(machine.accountId, machine.id);
    if (row < 0) {
        appendRows({machine});
        return;
    }
    QList<int> roles = changedRoles(m_rows.at(row).machine, machine);
    if (m_rows.at(row).optimisticState) {
        for (int stateRole : stateRoles())
            roles.removeAll(stateRole);
    }
    m_rows[row].machine = machine;
    if (!roles.isEmpty())
        emitRowChanged(row, roles);
}

void MachineModel::removeAccount(const QString &accountId)
{
    QList<int> rows;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).machine.accountId == accountId)
            rows.append(row);
    }
    removeRowsAt(rows);
    m_accountNames.remove(accountId);
    m_capabilities.remove(accountId);
}

void MachineModel::removeRowsAt(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    // Remove contiguous ranges from the end so earlier row numbers stay valid.
    int end = int(rows.size()) - 1;
    while (end >= 0) {
        int start = end;
        while (start > 0 && rows.at(start - 1) == rows.at(start) - 1)
            --start;
        const int first = rows.at(start);
        const int last = rows.at(end);
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        end = start - 1;
    }
    rebuildIndex();
    Q_EMIT countChanged();
}

void MachineModel::rebuildIndex()
{
    m_index.clear();
    for (int row = 0; row < m_rows.size(); ++row)
        m_index[m_rows.at(row).machine.accountId].insert(m_rows.at(row).machine.id, row);
}

void MachineModel::setAccountName(const QString &accountId, const QString &name)
{
    if (m_accountNames.value(accountId) == name)
        return;
    m_accountNames.insert(accountId, name);
    emitAccountChanged(accountId, {AccountNameRole});
}

void MachineModel::setAccountCapabilities(const QString &accountId, const QStringList &capabilities)
{
    if (m_capabilities.value(accountId) == capabilities)
        return;
    m_capabilities.insert(accountId, capabilities);
    emitAccountChanged(accountId, {AllowedActionsRole, SwipeActionsRole, PrimaryActionRole});
}

void MachineModel::setPendingAction(const QString &accountId, const QString &machineId,
                                    const QString &action)
{
    const int row = rowOf(accountId, machineId);
    if (row < 0 || m_rows.at(row).pendingAction == action)
        return;
    m_rows[row].pendingAction = action;
    emitRowChanged(row, {PendingActionRole, IsTransitionRole, StateTextRole});
}

void MachineModel::setIdle(const QString &accountId, const QString &machineId, bool idle)
{
    const int row = rowOf(accountId, machineId);
    if (row < 0 || m_rows.at(row).idle == idle)
        return;
    m_rows[row].idle = idle;
    emitRowChanged(row, {IdleRole});
}

void MachineModel::setActionError(const QString &accountId, const QString &machineId,
                                  const QString &message)
{
    const int row = rowOf(accountId, machineId);
    if (row < 0 || m_rows.at(row).actionError == message)
        return;
    m_rows[row].actionError = message;
    emitRowChanged(row, {ActionErrorRole});
}

void MachineModel::setOptimisticState(const QString &accountId, const QString &machineId,
                                      std::optional<MachineState::State> state)
{
    const int row = rowOf(accountId, machineId);
    if (row < 0 || m_rows.at(row).optimisticState == state)
        return;
    const MachineState::State before = stateAt(row);
    m_rows[row].optimisticState = state;
    if (stateAt(row) != before)
        emitRowChanged(row, stateRoles());
}
