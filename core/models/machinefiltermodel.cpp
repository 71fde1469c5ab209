#include "machinefiltermodel.h"

#include "machinemodel.h"

#include <QSet>

#include <algorithm>

namespace {
/// Case-insensitive, with digit runs compared as numbers: "web-2" < "web-10" < "Web-11".
int naturalCompare(QStringView a, QStringView b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a.at(i).isDigit() && b.at(j).isDigit()) {
            while (i < a.size() && a.at(i) == u'0')
                ++i;
            while (j < b.size() && b.at(j) == u'0')
                ++j;
            qsizetype endA = i;
            qsizetype endB = j;
            while (endA < a.size() && a.at(endA).isDigit())
                ++endA;
            while (endB < b.size() && b.at(endB).isDigit())
                ++endB;
            if (endA - i != endB - j)
                return endA - i < endB - j ? -1 : 1;
            for (; i < endA; ++i, ++j) {
                if (a.at(i) != b.at(j))
                    return a.at(i) < b.at(j) ? -1 : 1;
            }
            continue;
        }
        const char16_t ca = a.at(i).toCaseFolded().unicode();
        const char16_t cb = b.at(j).toCaseFolded().unicode();
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size())
        return 1;
    return j < b.size() ? -1 : 0;
}

/// Running machines first, then those on their way somewhere, then those at rest.
int stateRank(MachineState::State state)
{
    switch (state) {
    case MachineState::Running:
        return 0;
    case MachineState::Starting:
        return 1;
    case MachineState::Rebooting:
        return 2;
    case MachineState::Pending:
        return 3;
    case MachineState::Stopping:
        return 4;
    case MachineState::Stopped:
        return 5;
    case MachineState::Suspended:
        return 6;
    case MachineState::Error:
        return 7;
    case MachineState::Unknown:
        return 8;
    case MachineState::Terminated:
        return 9;
    }
    return 10;
}

template<typename T>
int compareValues(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

bool anyContains(const QStringList &fields, const QString &word)
{
    return std::any_of(fields.cbegin(), fields.cend(), [&word](const QString &field) {
        return field.contains(word, Qt::CaseInsensitive);
    });
}
} // namespace

MachineFilterModel::MachineFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    QSortFilterProxyModel::sort(0, Qt::AscendingOrder);
    auto rowsChanged = [this] {
        Q_EMIT countChanged();
        markSummaryDirty();
    };
    connect(this, &QAbstractItemModel::rowsInserted, this, rowsChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, rowsChanged);
    connect(this, &QAbstractItemModel::modelReset, this, rowsChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &MachineFilterModel::markSummaryDirty);
    connect(this, &QAbstractItemModel::dataChanged, this, &MachineFilterModel::markSummaryDirty);
}

void MachineFilterModel::setMachineModel(MachineModel *model)
{
    setSourceModel(model);
}

void MachineFilterModel::setSourceModel(QAbstractItemModel *model)
{
    if (sourceModel() == model)
        return;
    if (sourceModel())
        sourceModel()->disconnect(this);
    m_machines = qobject_cast<MachineModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
    if (model) {
        auto sourceRowsChanged = [this] {
            Q_EMIT totalCountChanged();
            markTagsDirty();
        };
        connect(model, &QAbstractItemModel::rowsInserted, this, sourceRowsChanged);
        connect(model, &QAbstractItemModel::rowsRemoved, this, sourceRowsChanged);
        connect(model, &QAbstractItemModel::modelReset, this, sourceRowsChanged);
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                    if (roles.isEmpty() || roles.contains(MachineModel::TagsRole))
                        markTagsDirty();
                });
    }
    Q_EMIT machineModelChanged();
    Q_EMIT totalCountChanged();
    Q_EMIT countChanged();
    markTagsDirty();
    markSummaryDirty();
}

void MachineFilterModel::setSearchText(const QString &text)
{
    if (m_searchText == text)
        return;
    const bool wasActive = filtersActive();
    m_searchText = text;
    m_words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString &word : m_words)
        word = word.trimmed();
    m_words.removeAll(QString());
    Q_EMIT searchTextChanged();
    refilter(wasActive);
}

void MachineFilterModel::setAccountIds(const QStringList &ids)
{
    if (m_accountIds == ids)
        return;
    const bool wasActive = filtersActive();
    m_accountIds = ids;
    Q_EMIT accountIdsChanged();
    refilter(wasActive);
}

void MachineFilterModel::setProviderIds(const QStringList &ids)
{
    if (m_providerIds == ids)
        return;
    const bool wasActive = filtersActive();
    m_providerIds = ids;
    Q_EMIT providerIdsChanged();
    refilter(wasActive);
}

void MachineFilterModel::setStates(const QStringList &stateIds)
{
    if (m_states == stateIds)
        return;
    const bool wasActive = filtersActive();
    m_states = stateIds;
    Q_EMIT statesChanged();
    refilter(wasActive);
}

void MachineFilterModel::setTags(const QStringList &tags)
{
    if (m_tags == tags)
        return;
    const bool wasActive = filtersActive();
    m_tags = tags;
    Q_EMIT tagsChanged();
    refilter(wasActive);
}

void MachineFilterModel::setSortKey(SortKey key)
{
    if (m_sortKey == key)
        return;
    m_sortKey = key;
    Q_EMIT sortKeyChanged();
    invalidate(); // sort() with an unchanged column and order would do nothing
}

void MachineFilterModel::setSortOrder(Qt::SortOrder order)
{
    if (sortOrder() == order)
        return;
    QSortFilterProxyModel::sort(0, order);
    Q_EMIT sortOrderChanged();
}

bool MachineFilterModel::filtersActive() const
{
    return !m_words.isEmpty() || !m_accountIds.isEmpty() || !m_providerIds.isEmpty()
           || !m_states.isEmpty() || !m_tags.isEmpty();
}

void MachineFilterModel::refilter(bool wasActive)
{
    invalidateFilter();
    if (filtersActive() != wasActive)
        Q_EMIT filtersActiveChanged();
}

void MachineFilterModel::toggleFilter(const QString &filter, const QString &value)
{
    auto toggled = [&value](QStringList list) {
        if (!list.removeOne(value))
            list.append(value);
        return list;
    };
    if (filter == QLatin1String("accounts"))
        setAccountIds(toggled(m_accountIds));
    else if (filter == QLatin1String("providers"))
        setProviderIds(toggled(m_providerIds));
    else if (filter == QLatin1String("states"))
        setStates(toggled(m_states));
    else if (filter == QLatin1String("tags"))
        setTags(toggled(m_tags));
}

void MachineFilterModel::clearFilters()
{
    setSearchText({});
    setAccountIds({});
    setProviderIds({});
    setStates({});
    setTags({});
}

bool MachineFilterModel::matchesSearch(const Machine &m) const
{
    for (const QString &word : m_words) {
        const bool found = m.name.contains(word, Qt::CaseInsensitive)
                           || m.region.contains(word, Qt::CaseInsensitive)
                           || m.size.contains(word, Qt::CaseInsensitive)
                           || m.image.contains(word, Qt::CaseInsensitive)
                           || anyContains(m.publicIpv4, word) || anyContains(m.publicIpv6, word)
                           || anyContains(m.privateIpv4, word) || anyContains(m.privateIpv6, word)
                           || anyContains(m.tags, word);
        if (!found)
            return false;
    }
    return true;
}

bool MachineFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_machines || sourceParent.isValid())
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    const Machine &m = m_machines->at(sourceRow);
    if (!m_accountIds.isEmpty() && !m_accountIds.contains(m.accountId))
        return false;
    if (!m_providerIds.isEmpty() && !m_providerIds.contains(m.providerId))
        return false;
    if (!m_states.isEmpty() && !m_states.contains(MachineState::id(m_machines->stateAt(sourceRow))))
        return false;
    if (!m_tags.isEmpty() && std::none_of(m_tags.cbegin(), m_tags.cend(), [&m](const QString &tag) {
            return m.tags.contains(tag);
        }))
        return false;
    return matchesSearch(m);
}

int MachineFilterModel::compareRows(int left, int right) const
{
    const Machine &a = m_machines->at(left);
    const Machine &b = m_machines->at(right);
    int result = 0;
    switch (m_sortKey) {
    case SortByName:
        break;
    case SortByState:
        result = compareValues(stateRank(m_machines->stateAt(left)),
                               stateRank(m_machines->stateAt(right)));
        break;
    case SortByProvider:
        result = naturalCompare(a.providerId, b.providerId);
        break;
    case SortByRegion:
        result = naturalCompare(a.region, b.region);
        break;
    case SortByCost:
        // Machines without a price sort below the cheapest priced one.
        result = compareValues(a.pricePerMonth.value_or(-1.0), b.pricePerMonth.value_or(-1.0));
        break;
    case SortByCreated:
        result = compareValues(a.createdAt, b.createdAt);
        break;
    }
    if (result == 0)
        result = naturalCompare(a.name, b.name);
    if (result == 0)
        result = compareValues(a.accountId, b.accountId);
    if (result == 0)
        result = compareValues(a.id, b.id);
    return result;
}

bool MachineFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_machines)
        return QSortFilterProxyModel::lessThan(left, right);
    return compareRows(left.row(), right.row()) < 0;
}

int MachineFilterModel::totalCount() const
{
    return sourceModel() ? sourceModel()->rowCount() : 0;
}

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
    std::sort(m_availableTags.begin(), m_availableTags.end(),
              [](const QString &a, const QString &b) { return naturalCompare(a, b) < 0; });
    m_tagsDirty = false;
    return m_availableTags;
}

int MachineFilterModel::sourceRow(int row) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    return mapToSource(index(row, 0)).row();
}

QVariantMap MachineFilterModel::get(int row) const
{
    return m_machines ? m_machines->get(sourceRow(row)) : QVariantMap();
}
