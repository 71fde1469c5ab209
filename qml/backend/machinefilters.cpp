#include "machinefilters.h"

#include "machinemodel.h"
#include "machineviewmodel.h"

#include <QMap>
#include <QSet>

namespace {
QString stateGroup(MachineState::State state)
{
    if (MachineState::isTransition(state))
        return QStringLiteral("transition");
    if (state == MachineState::Terminated)
        return QStringLiteral("unknown");
    return MachineState::id(state);
}

QStringList toggled(QStringList list, const QString &value)
{
    if (!list.removeOne(value))
        list.append(value);
    return list;
}
} // namespace

MachineFilters::MachineFilters(MachineModel *machines, QObject *parent)
    : QObject(parent)
    , m_machines(machines)
    , m_view(new MachineViewModel(this))
{
    m_view->setSourceModel(machines);

    // One recomputation per burst of changes (a refresh of thousands of rows), not one per row.
    m_facetsUpdate.setSingleShot(true);
    m_facetsUpdate.setInterval(30);
    connect(&m_facetsUpdate, &QTimer::timeout, this, &MachineFilters::updateFacets);
    m_totalsUpdate.setSingleShot(true);
    m_totalsUpdate.setInterval(30);
    connect(&m_totalsUpdate, &QTimer::timeout, this, &MachineFilters::updateTotals);

    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_machines, signal, &m_facetsUpdate, qOverload<>(&QTimer::start));
        connect(m_view, signal, &m_totalsUpdate, qOverload<>(&QTimer::start));
    }
    connect(m_machines, &QAbstractItemModel::modelReset, &m_facetsUpdate,
            qOverload<>(&QTimer::start));
    connect(m_view, &QAbstractItemModel::modelReset, &m_totalsUpdate, qOverload<>(&QTimer::start));
    connect(m_view, &QAbstractItemModel::layoutChanged, &m_totalsUpdate,
            qOverload<>(&QTimer::start));
    connect(m_machines, &QAbstractItemModel::dataChanged, &m_facetsUpdate,
            qOverload<>(&QTimer::start));
    connect(m_view, &QAbstractItemModel::dataChanged, &m_totalsUpdate, qOverload<>(&QTimer::start));
    connect(this, &MachineFilters::filtersChanged, &m_totalsUpdate, qOverload<>(&QTimer::start));
    updateFacets();
    updateTotals();
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

QStringList MachineFilters::states() const
{
    return m_view->states();
}

QStringList MachineFilters::providers() const
{
    return m_view->providers();
}

QStringList MachineFilters::tags() const
{
    return m_view->tags();
}

QString MachineFilters::account() const
{
    return m_view->accounts().value(0);
}

void MachineFilters::setAccount(const QString &accountId)
{
    if (accountId == account())
        return;
    m_view->setAccounts(accountId.isEmpty() ? QStringList() : QStringList {accountId});
    Q_EMIT filtersChanged();
    updateFacets();
}

QString MachineFilters::sortKey() const
{
    return m_view->sortKey();
}

void MachineFilters::setSortKey(const QString &key)
{
    if (key == sortKey())
        return;
    m_view->setSort(key, sortDescending());
    Q_EMIT filtersChanged();
}

bool MachineFilters::sortDescending() const
{
    return m_view->sortDescending();
}

void MachineFilters::setSortDescending(bool descending)
{
    if (descending == sortDescending())
        return;
    m_view->setSort(sortKey(), descending);
    Q_EMIT filtersChanged();
}

bool MachineFilters::active() const
{
    return !m_view->searchText().isEmpty() || !m_view->states().isEmpty()
           || !m_view->providers().isEmpty() || !m_view->tags().isEmpty();
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
    m_view->setStates(toggled(m_view->states(), stateGroup));
    Q_EMIT filtersChanged();
    updateFacets();
}

void MachineFilters::toggleProvider(const QString &providerId)
{
    m_view->setProviders(toggled(m_view->providers(), providerId));
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
    m_view->setSearchText({});
    m_view->setStates({});
    m_view->setProviders({});
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
    return m_view->rowCount();
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
        if (states.value(id) == 0 && !m_view->states().contains(id))
            continue;
        stateFacets.append(
            QVariantMap {{QStringLiteral("id"), id},
                         {QStringLiteral("text"), text},
                         {QStringLiteral("stateId"),
                          id == QLatin1String("transition") ? QStringLiteral("starting") : id},
                         {QStringLiteral("count"), states.value(id)},
                         {QStringLiteral("checked"), m_view->states().contains(id)}});
    }

    QVariantList providerFacets;
    for (auto it = providers.cbegin(); it != providers.cend(); ++it) {
        providerFacets.append(
            QVariantMap {{QStringLiteral("id"), it.key()},
                         {QStringLiteral("count"), it.value()},
                         {QStringLiteral("checked"), m_view->providers().contains(it.key())}});
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

void MachineFilters::updateTotals()
{
    double total = 0;
    QSet<QString> accounts;
    const int rows = m_view->rowCount();
    for (int row = 0; row < rows; ++row) {
        const Machine &machine = m_machines->at(m_view->mapToSource(m_view->index(row, 0)).row());
        accounts.insert(machine.accountId);
        if (machine.pricePerMonth && machine.state != MachineState::Terminated)
            total += *machine.pricePerMonth;
    }
    m_shownMonthly = total;
    m_shownAccounts = int(accounts.size());
    Q_EMIT totalsChanged();
}
