// MachineFilterModel: the summary of what is shown (counts, cost), the tags and facets on offer,
// computed when asked and announced once per event-loop turn. Filtering and sorting are in
// machinefiltermodel.cpp.
#include "machinefiltermodel.h"

#include "machinecost.h"
#include "machineorder.h"

#include <QSet>

#include <algorithm>

void MachineFilterModel::markSummaryDirty()
{
    m_summaryDirty = true;
    if (m_summaryNotifyQueued)
        return;
    // A refresh may change hundreds of rows in one go: tell bindings once, after it.
    m_summaryNotifyQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_summaryNotifyQueued = false;
            Q_EMIT summaryChanged();
        },
        Qt::QueuedConnection);
}

void MachineFilterModel::markTagsDirty()
{
    m_tagsDirty = true;
    if (m_tagsNotifyQueued)
        return;
    m_tagsNotifyQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_tagsNotifyQueued = false;
            Q_EMIT availableTagsChanged();
        },
        Qt::QueuedConnection);
}

const MachineFilterModel::Summary &MachineFilterModel::summary() const
{
    if (!m_summaryDirty)
        return m_summary;
    const bool whole = m_machines && rowCount() == m_machines->rowCount();
    if (whole && m_wholeSummary) {
        m_summary = *m_wholeSummary;
        m_summaryDirty = false;
        return m_summary;
    }
    Summary summary;
    if (m_machines) {
        QHash<QString, int> states;
        QHash<QString, int> accounts;
        // Minor units per currency: thousands of doubles would drift by cents.
        QHash<QString, qint64> costs;
        QHash<QString, ProviderMetadata::Billing> billings;
        // Sums do not depend on the order: with every row shown, the source rows are read as
        // they are, without a proxy index and its mapping for each (half the summary's time).
        const int rows = whole ? m_machines->rowCount() : rowCount();
        for (int row = 0; row < rows; ++row) {
            const int source = whole ? row : mapToSource(index(row, 0)).row();
            const Machine &m = m_machines->at(source);
            ++states[MachineState::id(m_machines->stateAt(source))];
            ++accounts[m.accountId];
            ProviderMetadata::Billing rules;
            if (m_billing) {
                auto billing = billings.constFind(m.providerId);
                if (billing == billings.constEnd())
                    billing = billings.insert(m.providerId, m_billing(m.providerId));
                rules = *billing;
            } else {
                rules.currency = MachineModel::currencyOf(m);
            }
            const MachineCost cost = MachineCost::of(m, rules, m_userPrices.data());
            if (cost.billed.isValid())
                costs[cost.billed.currency()] += cost.billed.minorUnits();
            else
                ++summary.unpriced;
        }
        for (auto it = states.cbegin(); it != states.cend(); ++it)
            summary.states.insert(it.key(), it.value());
        for (auto it = accounts.cbegin(); it != accounts.cend(); ++it)
            summary.accounts.insert(it.key(), it.value());
        for (auto it = costs.cbegin(); it != costs.cend(); ++it)
            summary.monthlyByCurrency.insert(it.key(), double(it.value()) / 100.0);
        summary.monthly = double(costs.value(QStringLiteral("USD"))) / 100.0;
    }
    m_summary = summary;
    m_summaryDirty = false;
    if (whole)
        m_wholeSummary = summary;
    return m_summary;
}

QVariantMap MachineFilterModel::stateCounts() const
{
    return summary().states;
}

QVariantMap MachineFilterModel::accountCounts() const
{
    return summary().accounts;
}

double MachineFilterModel::totalMonthlyCost() const
{
    return summary().monthly;
}

QVariantMap MachineFilterModel::monthlyCosts() const
{
    return summary().monthlyByCurrency;
}

int MachineFilterModel::unpricedCount() const
{
    return summary().unpriced;
}

int MachineFilterModel::idleCount() const
{
    int idle = 0;
    for (int row = 0; m_machines && row < m_machines->rowCount(); ++row)
        idle += m_machines->isIdle(row) ? 1 : 0;
    return idle;
}

QStringList MachineFilterModel::availableTags() const
{
    if (!m_tagsDirty)
        return m_availableTags;
    QSet<QString> tags;
    if (m_machines) {
        for (int row = 0; row < m_machines->rowCount(); ++row) {
            for (const QString &tag : m_machines->at(row).tags)
                tags.insert(tag);
        }
    }
    m_availableTags = QStringList(tags.cbegin(), tags.cend());
    std::sort(
        m_availableTags.begin(), m_availableTags.end(),
        [](const QString &a, const QString &b) { return MachineOrder::naturalCompare(a, b) < 0; });
    m_tagsDirty = false;
    return m_availableTags;
}

namespace {
// The chip a state counts under: the transitions share one, unknown and destroyed another.
QString stateGroup(MachineState::State state)
{
    if (MachineState::isTransition(state))
        return QStringLiteral("transition");
    if (state == MachineState::Unknown || state == MachineState::Terminated)
        return QStringLiteral("other");
    return MachineState::id(state);
}
} // namespace

void MachineFilterModel::markFacetsDirty()
{
    m_facetsDirty = true;
    notifyFacets();
}

// Once per event-loop turn, however many rows or chips changed.
void MachineFilterModel::notifyFacets()
{
    if (m_facetsNotifyQueued)
        return;
    m_facetsNotifyQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_facetsNotifyQueued = false;
            Q_EMIT facetsChanged();
        },
        Qt::QueuedConnection);
}

void MachineFilterModel::updateFacetCounts() const
{
    if (!m_facetsDirty)
        return;
    FacetCounts counts;
    if (m_machines) {
        const QString onlyAccount = account();
        const int rows = m_machines->rowCount();
        for (int row = 0; row < rows; ++row) {
            const Machine &machine = m_machines->at(row);
            if (!onlyAccount.isEmpty() && machine.accountId != onlyAccount)
                continue;
            ++counts.stateGroups[stateGroup(m_machines->stateAt(row))];
            ++counts.providers[machine.providerId];
            for (const QString &tag : machine.tags)
                ++counts.tags[tag];
        }
    }
    m_facetCounts = counts;
    m_facetsDirty = false;
}

QVariantList MachineFilterModel::stateFacets() const
{
    updateFacetCounts();
    const QList<std::pair<QString, QString>> order = {
        {QStringLiteral("running"), tr("Running")}, {QStringLiteral("transition"), tr("Busy")},
        {QStringLiteral("stopped"), tr("Stopped")}, {QStringLiteral("suspended"), tr("Suspended")},
        {QStringLiteral("error"), tr("Error")},     {QStringLiteral("other"), tr("Other")}};
    QVariantList facets;
    for (const auto &[id, text] : order) {
        const int count = m_facetCounts.stateGroups.value(id);
        const bool checked = m_states.contains(id);
        if (count == 0 && !checked)
            continue;
        const QString stateId = id == QLatin1String("transition") ? QStringLiteral("starting")
                                : id == QLatin1String("other")    ? QStringLiteral("unknown")
                                                                  : id;
        facets.append(QVariantMap {{QStringLiteral("id"), id},
                                   {QStringLiteral("text"), text},
                                   {QStringLiteral("stateId"), stateId},
                                   {QStringLiteral("count"), count},
                                   {QStringLiteral("checked"), checked}});
    }
    return facets;
}

QVariantList MachineFilterModel::providerFacets() const
{
    updateFacetCounts();
    QVariantList facets;
    for (auto it = m_facetCounts.providers.cbegin(); it != m_facetCounts.providers.cend(); ++it) {
        facets.append(QVariantMap {{QStringLiteral("id"), it.key()},
                                   {QStringLiteral("count"), it.value()},
                                   {QStringLiteral("checked"), m_providerIds.contains(it.key())}});
    }
    return facets;
}

QVariantList MachineFilterModel::tagFacets() const
{
    updateFacetCounts();
    QList<std::pair<QString, int>> sorted;
    sorted.reserve(m_facetCounts.tags.size());
    for (auto it = m_facetCounts.tags.cbegin(); it != m_facetCounts.tags.cend(); ++it)
        sorted.append({it.key(), it.value()});
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    QVariantList facets;
    for (const auto &[tag, count] : std::as_const(sorted).mid(0, 12)) {
        facets.append(QVariantMap {{QStringLiteral("id"), tag},
                                   {QStringLiteral("count"), count},
                                   {QStringLiteral("checked"), m_tags.contains(tag)}});
    }
    for (const QString &tag : m_tags) {
        if (!m_facetCounts.tags.contains(tag))
            facets.append(QVariantMap {{QStringLiteral("id"), tag},
                                       {QStringLiteral("count"), 0},
                                       {QStringLiteral("checked"), true}});
    }
    return facets;
}

QVariantList MachineFilterModel::sortKeys()
{
    auto key = [](SortKey id, const QString &text) {
        return QVariantMap {{QStringLiteral("id"), int(id)}, {QStringLiteral("text"), text}};
    };
    return {key(SortByName, tr("Name")),         key(SortByState, tr("State")),
            key(SortByProvider, tr("Provider")), key(SortByRegion, tr("Region")),
            key(SortByCost, tr("Cost")),         key(SortByCreated, tr("Created")),
            key(SortByIdle, tr("Idle first"))};
}

void MachineFilterModel::setPricing(
    std::function<ProviderMetadata::Billing(const QString &providerId)> billing,
    UserPrices *userPrices)
{
    m_billing = std::move(billing);
    if (m_userPrices)
        disconnect(m_userPrices, nullptr, this, nullptr);
    m_userPrices = userPrices;
    if (m_userPrices) {
        connect(m_userPrices, &UserPrices::changed, this, [this] {
            m_wholeSummary.reset();
            markSummaryDirty();
        });
    }
    m_wholeSummary.reset();
    markSummaryDirty();
}
