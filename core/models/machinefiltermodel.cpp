#include "machinefiltermodel.h"

#include "machinemodel.h"
#include "machineorder.h"

#include <QSet>

#include <algorithm>

namespace {
template<typename T>
int compareValues(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
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
    m_haystacks.clear();
    if (model) {
        // Connected before the base class connects its own: the search text of changed rows
        // must be current when it re-filters them.
        auto forget = [this] {
            m_haystacks.clear();
        };
        connect(model, &QAbstractItemModel::rowsInserted, this, forget);
        connect(model, &QAbstractItemModel::rowsRemoved, this, forget);
        connect(model, &QAbstractItemModel::rowsMoved, this, forget);
        connect(model, &QAbstractItemModel::modelReset, this, forget);
        connect(model, &QAbstractItemModel::layoutChanged, this, forget);
        connect(model, &QAbstractItemModel::dataChanged, this,
                &MachineFilterModel::updateHaystacks);
    }
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
        word = word.trimmed().toCaseFolded();
    m_words.removeAll(QString());
    if (m_words.isEmpty()) {
        m_haystacks.clear(); // only kept while searching
        m_haystacks.squeeze();
    }
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
    m_stateValues.clear();
    for (const QString &id : stateIds) {
        const MachineState::State state = MachineState::fromId(id);
        // An id no state has ("runing") matches nothing, as a filter on it should.
        m_stateValues.append(MachineState::id(state) == id ? int(state) : -1);
    }
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

QString MachineFilterModel::haystack(const Machine &m)
{
    // Every searchable field, case-folded once, separated by a character no word contains, so
    // a search is one plain substring test per word instead of a case-insensitive one per field.
    // Built in one pass into one allocation: the first keystroke builds it for every row.
    const std::initializer_list<const QString *> fields = {&m.name, &m.region, &m.size, &m.image};
    const std::initializer_list<const QStringList *> lists = {
        &m.publicIpv4, &m.publicIpv6, &m.privateIpv4, &m.privateIpv6, &m.tags};
    qsizetype size = 0;
    for (const QString *field : fields)
        size += field->size() + 1;
    for (const QStringList *list : lists) {
        for (const QString &item : *list)
            size += item.size() + 1;
    }
    QString text(size, Qt::Uninitialized);
    QChar *out = text.data();
    auto put = [&out](const QString &value) {
        for (const QChar c : value) {
            const char16_t u = c.unicode();
            if (u < 0x80)
                *out++ = QChar(u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u);
            else
                *out++ = c.toCaseFolded();
        }
        *out++ = QChar(0x1);
    };
    for (const QString *field : fields)
        put(*field);
    for (const QStringList *list : lists) {
        for (const QString &item : *list)
            put(item);
    }
    return text;
}

bool MachineFilterModel::matchesSearch(const Machine &machine) const
{
    return matchesWords(haystack(machine));
}

bool MachineFilterModel::matchesWords(const QString &haystack) const
{
    return std::all_of(m_words.cbegin(), m_words.cend(),
                       [&haystack](const QString &word) { return haystack.contains(word); });
}

void MachineFilterModel::updateHaystacks(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                         const QList<int> &roles)
{
    if (m_haystacks.isEmpty() || !m_machines)
        return;
    static const QList<int> searched = {
        MachineModel::NameRole,        MachineModel::RegionRole,      MachineModel::SizeRole,
        MachineModel::ImageRole,       MachineModel::PublicIpv4Role,  MachineModel::PublicIpv6Role,
        MachineModel::PrivateIpv4Role, MachineModel::PrivateIpv6Role, MachineModel::TagsRole};
    if (!roles.isEmpty() && std::none_of(roles.cbegin(), roles.cend(), [](int role) {
            return searched.contains(role);
        }))
        return;
    for (int row = topLeft.row(); row <= bottomRight.row() && row < m_haystacks.size(); ++row)
        m_haystacks[row] = haystack(m_machines->at(row));
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
    if (!m_stateValues.isEmpty() && !m_stateValues.contains(int(m_machines->stateAt(sourceRow))))
        return false;
    if (!m_tags.isEmpty() && std::none_of(m_tags.cbegin(), m_tags.cend(), [&m](const QString &tag) {
            return m.tags.contains(tag);
        }))
        return false;
    if (m_words.isEmpty())
        return true;
    if (m_haystacks.size() != m_machines->rowCount()) {
        // Built at the first keystroke and kept while searching: typing costs one plain
        // substring test per row and word.
        m_haystacks.clear();
        m_haystacks.reserve(m_machines->rowCount());
        for (int row = 0; row < m_machines->rowCount(); ++row)
            m_haystacks.append(haystack(m_machines->at(row)));
    }
    return matchesWords(m_haystacks.at(sourceRow));
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
        result = compareValues(MachineOrder::stateRank(m_machines->stateAt(left)),
                               MachineOrder::stateRank(m_machines->stateAt(right)));
        break;
    case SortByProvider:
        result = MachineOrder::naturalCompare(a.providerId, b.providerId);
        break;
    case SortByRegion:
        result = MachineOrder::naturalCompare(a.region, b.region);
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
        result = MachineOrder::naturalCompare(a.name, b.name);
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
