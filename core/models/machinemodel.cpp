#include "machinemodel.h"

#include "machineaction.h"

#include <QSet>

#include <algorithm>

MachineModel::MachineModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int MachineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> MachineModel::roleNames() const
{
    return {
        {AccountIdRole, "accountId"},
        {AccountNameRole, "accountName"},
        {ProviderRole, "provider"},
        {MachineIdRole, "machineId"},
        {NameRole, "name"},
        {StateRole, "state"},
        {StateIdRole, "stateId"},
        {StateTextRole, "stateText"},
        {ProviderStateRole, "providerState"},
        {IsTransitionRole, "isTransition"},
        {RegionRole, "region"},
        {SizeRole, "size"},
        {ImageRole, "image"},
        {PublicIpv4Role, "publicIpv4"},
        {PublicIpv6Role, "publicIpv6"},
        {PrivateIpv4Role, "privateIpv4"},
        {PrivateIpv6Role, "privateIpv6"},
        {PublicIpsRole, "publicIps"},
        {PrivateIpsRole, "privateIps"},
        {PrimaryIpRole, "primaryIp"},
        {TagsRole, "tags"},
        {CreatedAtRole, "createdAt"},
        {PricePerMonthRole, "pricePerMonth"},
        {PricePerHourRole, "pricePerHour"},
        {VcpusRole, "vcpus"},
        {MemoryMbRole, "memoryMb"},
        {DiskGbRole, "diskGb"},
        {ExtraRole, "extra"},
        {LastSeenRole, "lastSeen"},
        {PendingActionRole, "pendingAction"},
        {ActionErrorRole, "actionError"},
        {AllowedActionsRole, "allowedActions"},
        {Qt::DisplayRole, "display"},
    };
}

QVariant MachineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Machine &m = row.machine;
    const MachineState::State state = row.optimisticState.value_or(m.state);
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return m.name;
    case AccountIdRole:
        return m.accountId;
    case AccountNameRole:
        return m_accountNames.value(m.accountId);
    case ProviderRole:
        return m.providerId;
    case MachineIdRole:
        return m.id;
    case StateRole:
        return int(state);
    case StateIdRole:
        return MachineState::id(state);
    case StateTextRole:
        return MachineState::text(state);
    case ProviderStateRole:
        return m.providerState;
    case IsTransitionRole:
        return MachineState::isTransition(state) || !row.pendingAction.isEmpty();
    case RegionRole:
        return m.region;
    case SizeRole:
        return m.size;
    case ImageRole:
        return m.image;
    case PublicIpv4Role:
        return m.publicIpv4;
    case PublicIpv6Role:
        return m.publicIpv6;
    case PrivateIpv4Role:
        return m.privateIpv4;
    case PrivateIpv6Role:
        return m.privateIpv6;
    case PublicIpsRole:
        return m.publicIps();
    case PrivateIpsRole:
        return m.privateIps();
    case PrimaryIpRole:
        return m.primaryIp();
    case TagsRole:
        return m.tags;
    case CreatedAtRole:
        return m.createdAt;
    case PricePerMonthRole:
        return m.pricePerMonth ? QVariant(*m.pricePerMonth) : QVariant();
    case PricePerHourRole:
        return m.pricePerHour ? QVariant(*m.pricePerHour) : QVariant();
    case VcpusRole:
        return m.vcpus;
    case MemoryMbRole:
        return m.memoryMb;
    case DiskGbRole:
        return m.diskGb;
    case ExtraRole:
        return m.extra;
    case LastSeenRole:
        return m.lastSeen;
    case PendingActionRole:
        return row.pendingAction;
    case ActionErrorRole:
        return row.actionError;
    case AllowedActionsRole: {
        QStringList ids;
        const auto allowed = MachineAction::allowed(state, m_capabilities.value(m.accountId));
        for (MachineAction::Action action : allowed)
            ids.append(MachineAction::id(action));
        return ids;
    }
    default:
        return {};
    }
}

QList<int> MachineModel::changedRoles(const Machine &a, const Machine &b)
{
    QList<int> roles;
    auto check = [&roles](bool differs, std::initializer_list<int> affected) {
        if (differs)
            roles.append(affected);
    };
    check(a.name != b.name, {NameRole, Qt::DisplayRole});
    check(a.providerId != b.providerId, {ProviderRole});
    check(a.state != b.state,
          {StateRole, StateIdRole, StateTextRole, IsTransitionRole, AllowedActionsRole});
    check(a.providerState != b.providerState, {ProviderStateRole});
    check(a.region != b.region, {RegionRole});
    check(a.size != b.size, {SizeRole});
    check(a.image != b.image, {ImageRole});
    check(a.publicIpv4 != b.publicIpv4, {PublicIpv4Role});
    check(a.publicIpv6 != b.publicIpv6, {PublicIpv6Role});
    check(a.privateIpv4 != b.privateIpv4, {PrivateIpv4Role});
    check(a.privateIpv6 != b.privateIpv6, {PrivateIpv6Role});
    check(a.publicIps() != b.publicIps(), {PublicIpsRole});
    check(a.privateIps() != b.privateIps(), {PrivateIpsRole});
    check(a.primaryIp() != b.primaryIp(), {PrimaryIpRole});
    check(a.tags != b.tags, {TagsRole});
    check(a.createdAt != b.createdAt, {CreatedAtRole});
    check(a.pricePerMonth != b.pricePerMonth, {PricePerMonthRole});
    check(a.pricePerHour != b.pricePerHour, {PricePerHourRole});
    check(a.vcpus != b.vcpus, {VcpusRole});
    check(a.memoryMb != b.memoryMb, {MemoryMbRole});
    check(a.diskGb != b.diskGb, {DiskGbRole});
    check(a.extra != b.extra, {ExtraRole});
    // lastSeen is deliberately not compared: every poll moves it, and a poll that found nothing
    // new must not make views repaint. The new value is stored silently.
    return roles;
}

namespace {
// The roles that follow the shown state; while an overlay is set they do not follow the real one.
const QList<int> s_stateRoles = {MachineModel::StateRole, MachineModel::StateIdRole,
                                 MachineModel::StateTextRole, MachineModel::IsTransitionRole,
                                 MachineModel::AllowedActionsRole};
} // namespace

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
    removeRows(gone);

    for (const MachineDiff::Change &change : std::as_const(diff.changed)) {
        const int row = rowOf(diff.accountId, change.machine.id);
        if (row < 0) {
            diff.added.append(change.machine); // the diff was made against an older picture
            continue;
        }
        Row &r = m_rows[row];
        QList<int> roles = changedRoles(r.machine, change.machine);
        if (r.optimisticState) {
            for (int stateRole : s_stateRoles)
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
    m_rows.reserve(m_rows.size() + machines.size());
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
        for (int stateRole : s_stateRoles)
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
    removeRows(rows);
    m_accountNames.remove(accountId);
    m_capabilities.remove(accountId);
}

void MachineModel::removeRows(QList<int> rows)
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
    emitAccountChanged(accountId, {AllowedActionsRole});
}

void MachineModel::setPendingAction(const QString &accountId, const QString &machineId,
                                    const QString &action)
{
    const int row = rowOf(accountId, machineId);
    if (row < 0 || m_rows.at(row).pendingAction == action)
        return;
    m_rows[row].pendingAction = action;
    emitRowChanged(row, {PendingActionRole, IsTransitionRole});
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

int MachineModel::rowOf(const QString &accountId, const QString &machineId) const
{
    const auto account = m_index.constFind(accountId);
    return account == m_index.constEnd() ? -1 : account->value(machineId, -1);
}

QList<Machine> MachineModel::machines(const QString &accountId) const
{
    QList<Machine> result;
    for (const Row &row : m_rows) {
        if (accountId.isEmpty() || row.machine.accountId == accountId)
            result.append(row.machine);
    }
    return result;
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
        emitRowChanged(row, s_stateRoles);
}

int MachineModel::machineCount(const QString &accountId) const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [&accountId](const Row &row) {
        return row.machine.accountId == accountId;
    }));
}

QVariantMap MachineModel::get(int row) const
{
    QVariantMap result;
    if (row < 0 || row >= m_rows.size())
        return result;
    const QModelIndex index = this->index(row);
    const auto names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        result.insert(QString::fromLatin1(it.value()), data(index, it.key()));
    return result;
}

QList<const Machine *> MachineModel::machinesOf(const QString &accountId) const
{
    QList<const Machine *> result;
    const auto account = m_index.constFind(accountId);
    if (account == m_index.constEnd())
        return result;
    result.reserve(account->size());
    for (const Row &row : m_rows) {
        if (row.machine.accountId == accountId)
            result.append(&row.machine);
    }
    return result;
}
