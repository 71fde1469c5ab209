// MachineFilterModel: the summary of what is shown (counts, cost) and the tags on offer, computed
// when asked and announced once per event-loop turn. Filtering and sorting are in
// machinefiltermodel.cpp.
#include "machinefiltermodel.h"

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
    Summary summary;
    if (m_machines) {
        QHash<QString, int> states;
        QHash<QString, int> accounts;
        for (int row = 0; row < rowCount(); ++row) {
            const int source = mapToSource(index(row, 0)).row();
            const Machine &m = m_machines->at(source);
            ++states[MachineState::id(m_machines->stateAt(source))];
            ++accounts[m.accountId];
            if (m.pricePerMonth)
                summary.monthly += *m.pricePerMonth;
            else
                ++summary.unpriced;
        }
        for (auto it = states.cbegin(); it != states.cend(); ++it)
            summary.states.insert(it.key(), it.value());
        for (auto it = accounts.cbegin(); it != accounts.cend(); ++it)
            summary.accounts.insert(it.key(), it.value());
    }
    m_summary = summary;
    m_summaryDirty = false;
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

int MachineFilterModel::unpricedCount() const
{
    return summary().unpriced;
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
