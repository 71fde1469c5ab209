#include "machinemodel.h"

#include "machineaction.h"

#include <QSet>

MachineModel::MachineModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

QString MachineModel::key(const QString &accountId, const QString &machineId)
{
    return accountId + QChar(0x1f) + machineId;
}

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
        return int(m.state);
    case StateIdRole:
        return MachineState::id(m.state);
    case StateTextRole:
        return MachineState::text(m.state);
    case ProviderStateRole:
        return m.providerState;
    case IsTransitionRole:
        return MachineState::isTransition(m.state) || !row.pendingAction.isEmpty();
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
        const auto allowed = MachineAction::allowed(m.state, m_capabilities.value(m.accountId));
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

void MachineModel::emitRowChanged(int row, const QList<int> &roles)
{
    const QModelIndex index = this->index(row);
    Q_EMIT dataChanged(index, index, roles);
}

MachineModel::MergeStats MachineModel::setAccountMachines(const QString &accountId,
                                                          const QList<Machine> &machines)
{
    MergeStats stats;
    QSet<QString> incoming;
    incoming.reserve(machines.size());
    for (const Machine &machine : machines)
        incoming.insert(machine.id);

    QList<int> gone;
    for (int row = 0; row < m_rows.size(); ++row) {
        const Machine &known = m_rows.at(row).machine;
        if (known.accountId == accountId && !incoming.contains(known.id))
            gone.append(row);
    }
    stats.removed = int(gone.size());
    removeRows(gone);

    QList<Machine> added;
    for (const Machine &machine : machines) {
        const auto it = m_index.constFind(key(accountId, machine.id));
        if (it == m_index.constEnd()) {
            added.append(machine);
            continue;
        }
        Row &row = m_rows[*it];
        const QList<int> roles = changedRoles(row.machine, machine);
        row.machine = machine;
        row.machine.accountId = accountId;
        if (!roles.isEmpty()) {
            ++stats.changed;
            emitRowChanged(*it, roles);
        }
    }

    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (Machine &machine : added) {
            machine.accountId = accountId;
            m_index.insert(key(accountId, machine.id), int(m_rows.size()));
            m_rows.append(Row {machine, {}, {}});
        }
        endInsertRows();
        stats.added = int(added.size());
        Q_EMIT countChanged();
    }
    return stats;
}

void MachineModel::upsert(const Machine &machine)
{
    const int row = rowOf(machine.accountId, machine.id);
    if (row < 0) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
        m_index.insert(key(machine.accountId, machine.id), int(m_rows.size()));
        m_rows.append(Row {machine, {}, {}});
        endInsertRows();
        Q_EMIT countChanged();
        return;
    }
    const QList<int> roles = changedRoles(m_rows.at(row).machine, machine);
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
    m_index.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row)
        m_index.insert(key(m_rows.at(row).machine.accountId, m_rows.at(row).machine.id), row);
}

void MachineModel::setAccountName(const QString &accountId, const QString &name)
{
    if (m_accountNames.value(accountId) == name)
        return;
    m_accountNames.insert(accountId, name);
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).machine.accountId == accountId)
            emitRowChanged(row, {AccountNameRole});
    }
}

void MachineModel::setAccountCapabilities(const QString &accountId, const QStringList &capabilities)
{
    if (m_capabilities.value(accountId) == capabilities)
        return;
    m_capabilities.insert(accountId, capabilities);
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).machine.accountId == accountId)
            emitRowChanged(row, {AllowedActionsRole});
    }
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
    return m_index.value(key(accountId, machineId), -1);
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
