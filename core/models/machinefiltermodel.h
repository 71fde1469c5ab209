#pragma once

#include "clouddeck_core_export.h"
#include "machinemodel.h"

#include <QPointer>
#include <QSortFilterProxyModel>
#include <QStringList>
#include <QVariantMap>

/**
 * @brief Search, filter chips and sort over a MachineModel, with the summary a header shows.
 *
 * Free text: every whitespace-separated word must occur (case-insensitive) in the name, an IP
 * address, a tag, the region, the size or the image. Filters: account ids, provider ids, state ids
 * and tags; within one filter any value matches, across filters all must (an empty filter lets
 * everything through). Sort keys: name (natural: "web-2" before "web-10"), state, provider,
 * region, cost and created; ties fall back to the name.
 * Summary properties describe the rows shown: count per state, count per account and the total
 * monthly cost (machines without a price are counted in unpricedCount).
 */
class CLOUDDECK_CORE_EXPORT MachineFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_PROPERTY(MachineModel *machineModel READ machineModel WRITE setMachineModel NOTIFY
                   machineModelChanged)
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)
    Q_PROPERTY(QStringList accountIds READ accountIds WRITE setAccountIds NOTIFY accountIdsChanged)
    Q_PROPERTY(
        QStringList providerIds READ providerIds WRITE setProviderIds NOTIFY providerIdsChanged)
    Q_PROPERTY(QStringList states READ states WRITE setStates NOTIFY statesChanged)
    Q_PROPERTY(QStringList tags READ tags WRITE setTags NOTIFY tagsChanged)
    Q_PROPERTY(SortKey sortKey READ sortKey WRITE setSortKey NOTIFY sortKeyChanged)
    Q_PROPERTY(Qt::SortOrder sortOrder READ sortOrder WRITE setSortOrder NOTIFY sortOrderChanged)
    Q_PROPERTY(bool filtersActive READ filtersActive NOTIFY filtersActiveChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY totalCountChanged)
    Q_PROPERTY(QVariantMap stateCounts READ stateCounts NOTIFY summaryChanged)
    Q_PROPERTY(QVariantMap accountCounts READ accountCounts NOTIFY summaryChanged)
    Q_PROPERTY(double totalMonthlyCost READ totalMonthlyCost NOTIFY summaryChanged)
    Q_PROPERTY(int unpricedCount READ unpricedCount NOTIFY summaryChanged)
    Q_PROPERTY(QStringList availableTags READ availableTags NOTIFY availableTagsChanged)
public:
    enum SortKey {
        SortByName,
        SortByState,
        SortByProvider,
        SortByRegion,
        SortByCost,
        SortByCreated
    };
    Q_ENUM(SortKey)

    explicit MachineFilterModel(QObject *parent = nullptr);

    [[nodiscard]] MachineModel *machineModel() const { return m_machines; }
    void setMachineModel(MachineModel *model);
    void setSourceModel(QAbstractItemModel *model) override;

    [[nodiscard]] QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text);
    [[nodiscard]] QStringList accountIds() const { return m_accountIds; }
    void setAccountIds(const QStringList &ids);
    [[nodiscard]] QStringList providerIds() const { return m_providerIds; }
    void setProviderIds(const QStringList &ids);
    [[nodiscard]] QStringList states() const { return m_states; }
    void setStates(const QStringList &stateIds);
    [[nodiscard]] QStringList tags() const { return m_tags; }
    void setTags(const QStringList &tags);
    [[nodiscard]] SortKey sortKey() const { return m_sortKey; }
    void setSortKey(SortKey key);
    void setSortOrder(Qt::SortOrder order);
    [[nodiscard]] bool filtersActive() const;

    [[nodiscard]] int count() const { return rowCount(); }
    [[nodiscard]] int totalCount() const;
    [[nodiscard]] QVariantMap stateCounts() const;
    [[nodiscard]] QVariantMap accountCounts() const;
    [[nodiscard]] double totalMonthlyCost() const;
    [[nodiscard]] int unpricedCount() const;
    /// Every tag on any machine (not only those shown), sorted: the tag chips to offer.
    [[nodiscard]] QStringList availableTags() const;

    /// Adds @p value to the filter @p filter ("accounts", "providers", "states", "tags"), or
    /// removes it when present (a chip's tap).
    Q_INVOKABLE void toggleFilter(const QString &filter, const QString &value);
    Q_INVOKABLE void clearFilters();
    /// The MachineModel row behind @p row, or -1.
    Q_INVOKABLE int sourceRow(int row) const;
    /// Every role of @p row by name (see MachineModel::get).
    Q_INVOKABLE QVariantMap get(int row) const;

    /// True when @p machine passes the search text alone (exposed for tests and benchmarks).
    [[nodiscard]] bool matchesSearch(const Machine &machine) const;

Q_SIGNALS:
    void machineModelChanged();
    void searchTextChanged();
    void accountIdsChanged();
    void providerIdsChanged();
    void statesChanged();
    void tagsChanged();
    void sortKeyChanged();
    void sortOrderChanged();
    void filtersActiveChanged();
    void countChanged();
    void totalCountChanged();
    void summaryChanged();
    void availableTagsChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow,
                                        const QModelIndex &sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    struct Summary
    {
        QVariantMap states;
        QVariantMap accounts;
        double monthly = 0;
        int unpriced = 0;
    };
    void refilter(bool wasActive);
    [[nodiscard]] static QString haystack(const Machine &machine);
    [[nodiscard]] bool matchesWords(const QString &haystack) const;
    void updateHaystacks(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                         const QList<int> &roles);
    void markSummaryDirty();
    void markTagsDirty();
    const Summary &summary() const;
    [[nodiscard]] int compareRows(int left, int right) const;

    QPointer<MachineModel> m_machines;
    QString m_searchText;
    QStringList m_words; ///< case-folded
    mutable QList<QString> m_haystacks; ///< per source row, while searching (see haystack())
    QStringList m_accountIds;
    QStringList m_providerIds;
    QStringList m_states;
    QList<int> m_stateValues;
    QStringList m_tags;
    SortKey m_sortKey = SortByName;
    mutable Summary m_summary;
    mutable bool m_summaryDirty = true;
    bool m_summaryNotifyQueued = false;
    mutable QStringList m_availableTags;
    mutable bool m_tagsDirty = true;
    bool m_tagsNotifyQueued = false;
};
