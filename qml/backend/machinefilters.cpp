#include "machinefilters.h"

#include "machinefiltermodel.h"
#include "machinemodel.h"

#include <QMap>

namespace {
QString stateGroup(MachineState::State state)
{
    if (MachineState::isTransition(state))
        return QStringLiteral("transition");
    if (state == MachineState::Terminated)
        return QStringLiteral("unknown");
    return MachineState::id(state);
}

QStringList statesOf(const QString &group)
{
    if (group == QLatin1String("transition")) {
        return {MachineState::id(MachineState::Starting), MachineState::id(MachineState::Stopping),
                MachineState::id(MachineState::Rebooting), MachineState::id(MachineState::Pending)};
    }
    if (group == QLatin1String("unknown"))
        return {MachineState::id(MachineState::Unknown),
                MachineState::id(MachineState::Terminated)};
    return {group};
}

QStringList toggled(QStringList list, const QString &value)
{
    if (!list.removeOne(value))
        list.append(value);
    return list;
}

const QList<std::pair<QString, MachineFilterModel::SortKey>> &sortKeyNames()
{
    static const QList<std::pair<QString, MachineFilterModel::SortKey>> s_names = {
        {QStringLiteral("name"), MachineFilterModel::SortByName},
        {QStringLiteral("state"), MachineFilterModel::SortByState},
        {QStringLiteral("provider"), MachineFilterModel::SortByProvider},
        {QStringLiteral("region"), MachineFilterModel::SortByRegion},
        {QStringLiteral("cost"), MachineFilterModel::SortByCost},
        {QStringLiteral("created"), MachineFilterModel::SortByCreated}};
    return s_names;
}
} // namespace

MachineFilters::MachineFilters(MachineModel *machines, QObject *parent)
    : QObject(parent)
    , m_machines(machines)
    , m_view(new MachineFilterModel(this))
{
    m_view->setMachineModel(machines);

    // One recomputation per burst of changes (a refresh of thousands of rows), not one per row.
    m_facetsUpdate.setSingleShot(true);
    m_facetsUpdate.setInterval(30);
    connect(&m_facetsUpdate, &QTimer::timeout, this, &MachineFilters::updateFacets);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_machines, signal, &m_facetsUpdate, qOverload<>(&QTimer::start));
    connect(m_machines, &QAbstractItemModel::modelReset, &m_facetsUpdate,
            qOverload<>(&QTimer::start));
    connect(m_machines, &QAbstractItemModel::dataChanged, &m_facetsUpdate,
            qOverload<>(&QTimer::start));
    connect(m_view, &MachineFilterModel::summaryChanged, this, &MachineFilters::totalsChanged);
    connect(m_view, &MachineFilterModel::countChanged, this, &MachineFilters::totalsChanged);
    updateFacets();
}

QAbstractItemModel *MachineFilters::view() const
{
    return m_view;
}

QString MachineFilters::searchText() const
{
    return m_view->searchText();
}

void MachineFilters::setSearchText(const QString &text)
{
    if (text == m_view->searchText())
        return;
    m_view->setSearchText(text);
    Q_EMIT filtersChanged();
}

QStringList MachineFilters::providers() const
{
    return m_view->providerIds();
}

QStringList MachineFilters::tags() const
{
    return m_view->tags();
}

QString MachineFilters::account() const
{
    return m_view->accountIds().value(0);
}

void MachineFilters::setAccount(const QString &accountId)
{
    if (accountId == account())
        return;
    m_view->setAccountIds(accountId.isEmpty() ? QStringList() : QStringList {accountId});
    Q_EMIT filtersChanged();
    updateFacets();
}

QString MachineFilters::sortKey() const
{
    for (const auto &[name, key] : sortKeyNames()) {
        if (key == m_view->sortKey())
            return name;
    }
    return QStringLiteral("name");
}

void MachineFilters::setSortKey(const QString &key)
{
    for (const auto &[name, value] : sortKeyNames()) {
        if (name == key && value != m_view->sortKey()) {
            m_view->setSortKey(value);
            Q_EMIT filtersChanged();
        }
    }
}

bool MachineFilters::sortDescending() const
{
    return m_view->sortOrder() == Qt::DescendingOrder;
}

void MachineFilters::setSortDescending(bool descending)
{
    if (descending == sortDescending())
        return;
    m_view->setSortOrder(descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    Q_EMIT filtersChanged();
}

bool MachineFilters::active() const
{
    return !m_view->searchText().isEmpty() || !m_stateGroups.isEmpty()
           || !m_view->providerIds().isEmpty() || !m_view->tags().isEmpty();
}

QVariantList MachineFilters::sortKeys() const
{
    auto key = [](const QString &id, const QString &text) {
        return QVariantMap {{QStringLiteral("id"), id}, {QStringLiteral("text"), text}};
    };
    return {key(QStringLiteral("name"), tr("Name")),
            key(QStringLiteral("state"), tr("State")),
            key(QStringLiteral("provider"), tr("Provider")),
            key(QStringLiteral("region"), tr("Region")),
            key(QStringLiteral("cost"), tr("Cost")),
            key(QStringLiteral("created"), tr("Created"))};
}

void MachineFilters::toggleState(const QString &stateGroup)
{
    m_stateGroups = toggled(m_stateGroups, stateGroup);
    QStringList states;
    for (const QString &group : std::as_const(m_stateGroups))
        states += statesOf(group);
    m_view->setStates(states);
    Q_EMIT filtersChanged();
    updateFacets();
}

void MachineFilters::toggleProvider(const QString &providerId)
{
    m_view->setProviderIds(toggled(m_view->providerIds(), providerId));
    Q_EMIT filtersChanged();
    updateFacets();
}

void MachineFilters::toggleTag(const QString &tag)
{
    m_view->setTags(toggled(m_view->tags(), tag));
    Q_EMIT filtersChanged();
    updateFacets();
}

void MachineFilters::clear()
{
    if (!active())
        return;
    m_stateGroups.clear();
    m_view->setSearchText({});
    m_view->setStates({});
    m_view->setProviderIds({});
    m_view->setTags({});
    Q_EMIT filtersChanged();
    updateFacets();
}

int MachineFilters::rowOf(const QString &accountId, const QString &machineId) const
{
    const int source = m_machines->rowOf(accountId, machineId);
    if (source < 0)
        return -1;
    return m_view->mapFromSource(m_machines->index(source)).row();
}

int MachineFilters::shownCount() const
{
    return m_view->count();
}

int MachineFilters::shownAccounts() const
{
    return int(m_view->accountCounts().size());
}

double MachineFilters::shownMonthly() const
{
    return m_view->totalMonthlyCost();
}

// Counts within the account chosen in the sidebar; a checked chip stays even at zero.
void MachineFilters::updateFacets()
{
    QMap<QString, int> states;
    QMap<QString, int> providers;
    QHash<QString, int> tags;
    const QString onlyAccount = account();
    const int rows = m_machines->rowCount();
    for (int row = 0; row < rows; ++row) {
        const Machine &machine = m_machines->at(row);
        if (!onlyAccount.isEmpty() && machine.accountId != onlyAccount)
            continue;
        const auto state =
            MachineState::State(m_machines->index(row).data(MachineModel::StateRole).toInt());
        ++states[stateGroup(state)];
        ++providers[machine.providerId];
        for (const QString &tag : machine.tags)
            ++tags[tag];
    }

    QVariantList stateFacets;
    const QList<std::pair<QString, QString>> order = {
        {QStringLiteral("running"), tr("Running")}, {QStringLiteral("transition"), tr("Busy")},
        {QStringLiteral("stopped"), tr("Stopped")}, {QStringLiteral("suspended"), tr("Suspended")},
        {QStringLiteral("error"), tr("Error")},     {QStringLiteral("unknown"), tr("Other")}};
    for (const auto &[id, text] : order) {
        if (states.value(id) == 0 && !m_stateGroups.contains(id))
            continue;
        stateFacets.append(
            QVariantMap {{QStringLiteral("id"), id},
                         {QStringLiteral("text"), text},
                         {QStringLiteral("stateId"),
                          id == QLatin1String("transition") ? QStringLiteral("starting") : id},
                         {QStringLiteral("count"), states.value(id)},
                         {QStringLiteral("checked"), m_stateGroups.contains(id)}});
    }

    QVariantList providerFacets;
    for (auto it = providers.cbegin(); it != providers.cend(); ++it) {
        providerFacets.append(
            QVariantMap {{QStringLiteral("id"), it.key()},
                         {QStringLiteral("count"), it.value()},
                         {QStringLiteral("checked"), m_view->providerIds().contains(it.key())}});
    }

    QList<std::pair<QString, int>> sortedTags;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        sortedTags.append({it.key(), it.value()});
    std::sort(sortedTags.begin(), sortedTags.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    QVariantList tagFacets;
    for (const auto &[tag, count] : std::as_const(sortedTags).mid(0, 12)) {
        tagFacets.append(QVariantMap {{QStringLiteral("id"), tag},
                                      {QStringLiteral("count"), count},
                                      {QStringLiteral("checked"), m_view->tags().contains(tag)}});
    }
    for (const QString &tag : m_view->tags()) {
        if (!tags.contains(tag))
            tagFacets.append(QVariantMap {{QStringLiteral("id"), tag},
                                          {QStringLiteral("count"), 0},
                                          {QStringLiteral("checked"), true}});
    }

    m_stateFacets = stateFacets;
    m_providerFacets = providerFacets;
    m_tagFacets = tagFacets;
    Q_EMIT facetsChanged();
}
