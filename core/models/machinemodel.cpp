#include "machinemodel.h"

#include "userprices.h"

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
        {SwipeActionsRole, "swipeActions"},
        {ErrorReasonRole, "errorReason"},
        {CurrencyRole, "currency"},
        {PrimaryActionRole, "primaryAction"},
        {IdleRole, "idle"},
        {PriceSourceRole, "priceSource"},
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
        // A destroy shows as "Stopping" to the state machine, but the user asked to destroy.
        if (row.pendingAction == QLatin1String("destroy"))
            return tr("Destroying…");
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
        if (const std::optional<Money> own = userPrice(m))
            return own->toMajor();
        return m.pricePerMonth ? QVariant(*m.pricePerMonth) : QVariant();
    case PricePerHourRole:
        if (userPrice(m))
            return {};
        return m.pricePerHour ? QVariant(*m.pricePerHour) : QVariant();
    case PriceSourceRole:
        if (userPrice(m))
            return QStringLiteral("user");
        return m.pricePerMonth || m.pricePerHour ? QStringLiteral("provider") : QString();
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
    case IdleRole:
        return row.idle;
    case ActionErrorRole:
        return row.actionError;
    case CurrencyRole:
        if (const std::optional<Money> own = userPrice(m))
            return own->currency();
        return currencyOf(m);
    case AllowedActionsRole:
    case SwipeActionsRole:
    case PrimaryActionRole: {
        QStringList ids;
        const auto allowed = MachineAction::allowed(state, m_capabilities.value(m.accountId));
        for (MachineAction::Action action : allowed)
            ids.append(MachineAction::id(action));
        if (role == SwipeActionsRole)
            return swipeActions(state, ids);
        if (role == PrimaryActionRole)
            return primaryAction(state, ids);
        return ids;
    }
    case ErrorReasonRole: {
        if (state != MachineState::Error)
            return QString();
        const QString reason = m.extra.value(QStringLiteral("stateReason")).toString();
        return reason.isEmpty() ? m.providerState : reason;
    }
    default:
        return {};
    }
}

QStringList MachineModel::swipeActions(MachineState::State state, const QStringList &allowed)
{
    static const QStringList whenRunning = {QStringLiteral("reboot"), QStringLiteral("shutdown"),
                                            QStringLiteral("poweroff")};
    static const QStringList otherwise = {QStringLiteral("start"), QStringLiteral("destroy"),
                                          QStringLiteral("poweroff")};
    QStringList result;
    for (const QString &action : state == MachineState::Running ? whenRunning : otherwise) {
        if (allowed.contains(action) && result.size() < 2)
            result.append(action);
    }
    return result;
}

// A stopped (or suspended) machine is started before anything else; a running one is connected
// to, which is not a machine action: empty. Transitions and errors offer nothing first.
QString MachineModel::primaryAction(MachineState::State state, const QStringList &allowed)
{
    QString start = MachineAction::id(MachineAction::Start);
    if ((state == MachineState::Stopped || state == MachineState::Suspended)
        && allowed.contains(start))
        return start;
    return {};
}

QString MachineModel::currencyOf(const Machine &machine)
{
    // Until Machine carries it as a field (the cost work), a provider that does not bill in
    // dollars says so in extra["currency"]; the cache and --json keep extra as it is.
    const QString currency = machine.extra.value(QStringLiteral("currency")).toString();
    return currency.isEmpty() ? QStringLiteral("USD") : currency;
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
    check(a.state != b.state, {StateRole, StateIdRole, StateTextRole, IsTransitionRole,
                               AllowedActionsRole, SwipeActionsRole, PrimaryActionRole,
                               ErrorReasonRole});
    check(a.providerState != b.providerState, {ProviderStateRole, ErrorReasonRole});
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
    check(a.extra != b.extra, {ExtraRole, ErrorReasonRole, CurrencyRole});
    // lastSeen is deliberately not compared: every poll moves it, and a poll that found nothing
    // new must not make views repaint. The new value is stored silently.
    // A derived role (errorReason) may follow several fields: name it once.
    QList<int> unique;
    for (int role : std::as_const(roles)) {
        if (!unique.contains(role))
            unique.append(role);
    }
    return unique;
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

std::optional<Money> MachineModel::userPrice(const Machine &machine) const
{
    if (!m_userPrices)
        return std::nullopt;
    if (auto own = m_userPrices->machinePrice(machine.accountId, machine.id))
        return own;
    return m_userPrices->sizePrice(machine.accountId, machine.size);
}

void MachineModel::setUserPrices(UserPrices *prices)
{
    if (m_userPrices == prices)
        return;
    if (m_userPrices)
        disconnect(m_userPrices, nullptr, this, nullptr);
    m_userPrices = prices;
    const auto announce = [this] {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1),
                               {PricePerMonthRole, PricePerHourRole, PriceSourceRole, CurrencyRole});
    };
    if (m_userPrices)
        connect(m_userPrices, &UserPrices::changed, this, announce);
    announce();
}
