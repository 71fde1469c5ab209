#include "machineviewmodel.h"

#include "machinemodel.h"

namespace {
// Problems first, then what is busy, then what runs: the order people scan a fleet in.
int stateRank(MachineState::State state)
{
    switch (state) {
    case MachineState::Error:
        return 0;
    case MachineState::Pending:
    case MachineState::Starting:
    case MachineState::Stopping:
    case MachineState::Rebooting:
        return 1;
    case MachineState::Running:
        return 2;
    case MachineState::Suspended:
        return 3;
    case MachineState::Stopped:
        return 4;
    default:
        return 5;
    }
}

bool anyContains(const QStringList &values, const QString &needle)
{
    return std::any_of(values.cbegin(), values.cend(), [&needle](const QString &value) {
        return value.contains(needle, Qt::CaseInsensitive);
    });
}
} // namespace

MachineViewModel::MachineViewModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    sort(0);
}

void MachineViewModel::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    invalidateRowsFilter();
}

void MachineViewModel::setStates(const QStringList &stateIds)
{
    if (stateIds == m_states)
        return;
    m_states = stateIds;
    invalidateRowsFilter();
}

void MachineViewModel::setProviders(const QStringList &providerIds)
{
    if (providerIds == m_providers)
        return;
    m_providers = providerIds;
    invalidateRowsFilter();
}

void MachineViewModel::setAccounts(const QStringList &accountIds)
{
    if (accountIds == m_accounts)
        return;
    m_accounts = accountIds;
    invalidateRowsFilter();
}

void MachineViewModel::setTags(const QStringList &tags)
{
    if (tags == m_tags)
        return;
    m_tags = tags;
    invalidateRowsFilter();
}

void MachineViewModel::setSort(const QString &key, bool descending)
{
    if (key == m_sortKey && descending == m_descending)
        return;
    m_sortKey = key;
    m_descending = descending;
    invalidate();
    sort(0, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
}

bool MachineViewModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *machines = static_cast<const MachineModel *>(sourceModel());
    const Machine &m = machines->at(sourceRow);
    if (!m_accounts.isEmpty() && !m_accounts.contains(m.accountId))
        return false;
    if (!m_providers.isEmpty() && !m_providers.contains(m.providerId))
        return false;
    if (!m_states.isEmpty()) {
        const auto state =
            MachineState::State(machines->index(sourceRow).data(MachineModel::StateRole).toInt());
        const QString id = MachineState::isTransition(state) ? QStringLiteral("transition")
                                                             : MachineState::id(state);
        if (!m_states.contains(id))
            return false;
    }
    if (!m_tags.isEmpty() && !std::any_of(m_tags.cbegin(), m_tags.cend(), [&m](const QString &tag) {
            return m.tags.contains(tag);
        }))
        return false;
    if (m_search.isEmpty())
        return true;
    const QString needle = m_search.trimmed();
    return m.name.contains(needle, Qt::CaseInsensitive) || anyContains(m.publicIps(), needle)
           || anyContains(m.privateIps(), needle) || anyContains(m.tags, needle)
           || m.region.contains(needle, Qt::CaseInsensitive)
           || m.size.contains(needle, Qt::CaseInsensitive)
           || m.image.contains(needle, Qt::CaseInsensitive)
           || machines->index(sourceRow)
                  .data(MachineModel::AccountNameRole)
                  .toString()
                  .contains(needle, Qt::CaseInsensitive)
           || m.id.contains(needle, Qt::CaseInsensitive);
}

bool MachineViewModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const auto *machines = static_cast<const MachineModel *>(sourceModel());
    const Machine &a = machines->at(left.row());
    const Machine &b = machines->at(right.row());
    auto byName = [&] {
        const int c = a.name.localeAwareCompare(b.name);
        return c != 0 ? c < 0 : a.id < b.id;
    };
    if (m_sortKey == QLatin1String("state")) {
        const int ra = stateRank(a.state), rb = stateRank(b.state);
        return ra != rb ? ra < rb : byName();
    }
    if (m_sortKey == QLatin1String("provider")) {
        const int c = a.providerId.compare(b.providerId);
        return c != 0 ? c < 0 : byName();
    }
    if (m_sortKey == QLatin1String("region")) {
        const int c = a.region.compare(b.region);
        return c != 0 ? c < 0 : byName();
    }
    if (m_sortKey == QLatin1String("cost")) {
        const double ca = a.pricePerMonth.value_or(-1), cb = b.pricePerMonth.value_or(-1);
        return ca != cb ? ca < cb : byName();
    }
    if (m_sortKey == QLatin1String("created"))
        return a.createdAt != b.createdAt ? a.createdAt < b.createdAt : byName();
    return byName();
}
