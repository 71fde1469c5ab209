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

// The states a value of the state filter stands for: one state by id, or a chip's group.
QList<int> statesOf(const QString &value)
{
    if (value == QLatin1String("transition")) {
        return {MachineState::Starting, MachineState::Stopping, MachineState::Rebooting,
                MachineState::Pending};
    }
    if (value == QLatin1String("other"))
        return {MachineState::Unknown, MachineState::Terminated};
    const MachineState::State state = MachineState::fromId(value);
    // An id no state has ("runing") matches nothing, as a filter on it should.
    return {MachineState::id(state) == value ? int(state) : -1};
}

// True when @p word starts at @p at in @p text: at its start or after a character that is no
// letter or digit (a field separator, "-", ".", "_", a space).
bool startsWord(const QString &text, qsizetype at)
{
    return at == 0 || !text.at(at - 1).isLetterOrNumber();
}
} // namespace

MachineFilterModel::MachineFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    QSortFilterProxyModel::sort(0, Qt::AscendingOrder);
    m_haystackRelease.setSingleShot(true);
    m_haystackRelease.setInterval(haystackKeepMs);
    connect(&m_haystackRelease, &QTimer::timeout, this, [this] {
        m_haystacks.clear();
        m_haystacks.squeeze();
    });
    auto rowsChanged = [this] {
        // A new search removes and inserts rows in many runs: say so once, after it.
        if (!m_refiltering)
            Q_EMIT countChanged();
        markSummaryDirty();
    };
    connect(this, &QAbstractItemModel::rowsInserted, this, rowsChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, rowsChanged);
    connect(this, &QAbstractItemModel::modelReset, this, rowsChanged);
    // Not on layoutChanged: a sort moves rows, and the summary (counts, totals) has no order.
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
            m_wholeSummary.reset();
        };
        connect(model, &QAbstractItemModel::rowsInserted, this, forget);
        connect(model, &QAbstractItemModel::rowsRemoved, this, forget);
        connect(model, &QAbstractItemModel::rowsMoved, this, forget);
        connect(model, &QAbstractItemModel::modelReset, this, forget);
        connect(model, &QAbstractItemModel::layoutChanged, this, forget);
        connect(model, &QAbstractItemModel::dataChanged, this,
                &MachineFilterModel::updateHaystacks);
        connect(model, &QAbstractItemModel::dataChanged, this, [this] { m_wholeSummary.reset(); });
    }
    m_wholeSummary.reset();
    QSortFilterProxyModel::setSourceModel(model);
    if (model) {
        auto sourceRowsChanged = [this] {
            Q_EMIT totalCountChanged();
            markTagsDirty();
            markFacetsDirty();
        };
        connect(model, &QAbstractItemModel::rowsInserted, this, sourceRowsChanged);
        connect(model, &QAbstractItemModel::rowsRemoved, this, sourceRowsChanged);
        connect(model, &QAbstractItemModel::modelReset, this, sourceRowsChanged);
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                    if (roles.isEmpty() || roles.contains(MachineModel::TagsRole))
                        markTagsDirty();
                    if (roles.isEmpty() || roles.contains(MachineModel::TagsRole)
                        || roles.contains(MachineModel::StateRole)
                        || roles.contains(MachineModel::ProviderRole))
                        markFacetsDirty();
                });
    }
    Q_EMIT machineModelChanged();
    Q_EMIT totalCountChanged();
    Q_EMIT countChanged();
    markTagsDirty();
    markFacetsDirty();
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
    // The search text of every row is kept a while after a search is cleared: the next search
    // usually follows soon, and building it for 10,000 rows is most of a first keystroke
    // (12 ms), freeing it most of a clearing one. Released when no search follows.
    if (m_words.isEmpty())
        m_haystackRelease.start();
    else
        m_haystackRelease.stop();
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
    markFacetsDirty(); // counted within the chosen account
}

void MachineFilterModel::setProviderIds(const QStringList &ids)
{
    if (m_providerIds == ids)
        return;
    const bool wasActive = filtersActive();
    m_providerIds = ids;
    Q_EMIT providerIdsChanged();
    refilter(wasActive);
    notifyFacets();
}

void MachineFilterModel::setStates(const QStringList &stateIds)
{
    if (m_states == stateIds)
        return;
    const bool wasActive = filtersActive();
    m_states = stateIds;
    m_stateValues.clear();
    for (const QString &id : stateIds)
        m_stateValues += statesOf(id);
    Q_EMIT statesChanged();
    refilter(wasActive);
    notifyFacets(); // "checked"
}

void MachineFilterModel::setIdleOnly(bool idleOnly)
{
    if (m_idleOnly == idleOnly)
        return;
    const bool wasActive = filtersActive();
    m_idleOnly = idleOnly;
    Q_EMIT idleOnlyChanged();
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
    notifyFacets();
}

void MachineFilterModel::setSortKey(SortKey key)
{
    if (m_sortKey == key)
        return;
    m_sortKey = key;
    Q_EMIT sortKeyChanged();
    // sort() with an unchanged column and order does nothing, and invalidate() announces a
    // layout change without a hint, which Qt Quick's views take as a reset: every row's delegate
    // destroyed and built again (180 ms with 10,000 machines at 1920x1080). A new sort role
    // re-sorts once (the sorting is dynamic) and says VerticalSortHint: the delegates stay and
    // are told once that their rows changed. lessThan() reads m_sortKey, not the role.
    setSortRole(Qt::UserRole + 0x4000 + int(key));
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
           || !m_states.isEmpty() || !m_tags.isEmpty() || m_idleOnly;
}

void MachineFilterModel::refilter(bool wasActive)
{
    const int before = rowCount();
    m_refiltering = true;
    invalidateFilter();
    m_refiltering = false;
    if (rowCount() != before)
        Q_EMIT countChanged();
    if (filtersActive() != wasActive)
        Q_EMIT filtersActiveChanged();
}

void MachineFilterModel::setAccount(const QString &accountId)
{
    setAccountIds(accountId.isEmpty() ? QStringList() : QStringList {accountId});
}

bool MachineFilterModel::active() const
{
    return !m_words.isEmpty() || !m_providerIds.isEmpty() || !m_states.isEmpty()
           || !m_tags.isEmpty();
}

void MachineFilterModel::clear()
{
    setSearchText({});
    setProviderIds({});
    setStates({});
    setTags({});
    setIdleOnly(false);
}

int MachineFilterModel::rowOf(const QString &accountId, const QString &machineId) const
{
    const int source = m_machines ? m_machines->rowOf(accountId, machineId) : -1;
    return source < 0 ? -1 : mapFromSource(m_machines->index(source)).row();
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
    else if (filter == QLatin1String("idle"))
        setIdleOnly(!m_idleOnly);
}

void MachineFilterModel::clearFilters()
{
    setSearchText({});
    setAccountIds({});
    setProviderIds({});
    setStates({});
    setTags({});
    setIdleOnly(false);
}

MachineFilterModel::Haystack MachineFilterModel::haystack(const Machine &m)
{
    // Every searchable field, case-folded once and ended by a character no word contains, so a
    // search is a plain substring test per word instead of a case-insensitive one per field.
    // Built in one pass per string: the first keystroke builds them for every row.
    const std::initializer_list<const QString *> fields = {&m.name, &m.region, &m.size, &m.image};
    const std::initializer_list<const QStringList *> wordLists = {&m.tags};
    const std::initializer_list<const QStringList *> addressLists = {
        &m.publicIpv4, &m.publicIpv6, &m.privateIpv4, &m.privateIpv6};
    auto build = [](std::initializer_list<const QString *> single,
                    std::initializer_list<const QStringList *> lists) {
        qsizetype size = 0;
        for (const QString *field : single)
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
        for (const QString *field : single)
            put(*field);
        for (const QStringList *list : lists) {
            for (const QString &item : *list)
                put(item);
        }
        return text;
    };
    return {build(fields, wordLists), build({}, addressLists)};
}

bool MachineFilterModel::matchesSearch(const Machine &machine) const
{
    return matchesWords(haystack(machine));
}

// A word matches where it starts a word of a name, tag, region, size or image ("db" finds
// "db-1" and the tag "database", not "mongodb"), or where it starts an address ("2001:db8"
// finds that IPv6 address, "db" does not).
bool MachineFilterModel::matchesWords(const Haystack &haystack) const
{
    return std::all_of(m_words.cbegin(), m_words.cend(), [&haystack](const QString &word) {
        for (qsizetype at = haystack.words.indexOf(word); at >= 0;
             at = haystack.words.indexOf(word, at + 1)) {
            if (startsWord(haystack.words, at))
                return true;
        }
        for (qsizetype at = haystack.addresses.indexOf(word); at >= 0;
             at = haystack.addresses.indexOf(word, at + 1)) {
            if (at == 0 || haystack.addresses.at(at - 1) == QChar(0x1))
                return true;
        }
        return false;
    });
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
    if (!m_stateValues.isEmpty() && !acceptsState(m_machines->stateAt(sourceRow)))
        return false;
    if (m_idleOnly && !m_machines->isIdle(sourceRow))
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

bool MachineFilterModel::acceptsState(MachineState::State state) const
{
    return m_stateValues.contains(int(state));
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
    case SortByIdle:
        // What idles costs money: idle first, and among them (and the rest) the costliest.
        result = compareValues(!m_machines->isIdle(left), !m_machines->isIdle(right));
        if (result == 0)
            result = compareValues(b.pricePerMonth.value_or(-1.0), a.pricePerMonth.value_or(-1.0));
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
    // Not the base class's: it compares sortRole(), which setSortKey() sets to a role no model
    // has. A source that is not a MachineModel sorts by its display text.
    if (!m_machines)
        return QVariant::compare(left.data(Qt::DisplayRole), right.data(Qt::DisplayRole))
               == QPartialOrdering::Less;
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
