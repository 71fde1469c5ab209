#pragma once

#include "clouddeck_core_export.h"
#include "machinemodel.h"
#include "providermetadata.h"
#include "userprices.h"

#include <QMap>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QStringList>
#include <QTimer>
#include <QVariantMap>
#include <functional>
#include <optional>

/**
 * @brief Search, filter chips and sort over a MachineModel, with the summary a header shows.
 *
 * Free text: every whitespace-separated word must start a word (case-insensitive) of the name, a
 * tag, the region, the size or the image, or start an IP address. Filters: account ids, provider
 * ids, state ids (or the groups "transition": starting, stopping, rebooting, pending; "other":
 * unknown, terminated) and tags; within one filter any value matches, across filters all must (an
 * empty filter lets everything through). Sort keys: name (natural: "web-2" before "web-10"),
 * state, provider, region, cost and created; ties fall back to the name.
 * Summary properties describe the rows shown: count per state, count per account and the total
 * monthly cost (machines without a price are counted in unpricedCount).
 * Facets are what the filter chips offer: counts per state group, provider and tag within the
 * account chosen in the sidebar (@c account), independent of the search and the other chips, so
 * typing never recomputes them; they follow the machines once per burst of changes.
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
    /// Only machines idle for a week (MachineModel::IdleRole): the "Idle" chip.
    Q_PROPERTY(bool idleOnly READ idleOnly WRITE setIdleOnly NOTIFY idleOnlyChanged)
    /// How many machines of the whole list are idle (the chip's count; 0 hides it).
    Q_PROPERTY(int idleCount READ idleCount NOTIFY summaryChanged)
    Q_PROPERTY(SortKey sortKey READ sortKey WRITE setSortKey NOTIFY sortKeyChanged)
    Q_PROPERTY(Qt::SortOrder sortOrder READ sortOrder WRITE setSortOrder NOTIFY sortOrderChanged)
    Q_PROPERTY(bool filtersActive READ filtersActive NOTIFY filtersActiveChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY totalCountChanged)
    Q_PROPERTY(QVariantMap stateCounts READ stateCounts NOTIFY summaryChanged)
    Q_PROPERTY(QVariantMap accountCounts READ accountCounts NOTIFY summaryChanged)
    Q_PROPERTY(double totalMonthlyCost READ totalMonthlyCost NOTIFY summaryChanged)
    Q_PROPERTY(QVariantMap monthlyCosts READ monthlyCosts NOTIFY summaryChanged)
    Q_PROPERTY(int unpricedCount READ unpricedCount NOTIFY summaryChanged)
    Q_PROPERTY(QStringList availableTags READ availableTags NOTIFY availableTagsChanged)
    Q_PROPERTY(QString account READ account WRITE setAccount NOTIFY accountIdsChanged)
    Q_PROPERTY(bool active READ active NOTIFY filtersActiveChanged)
    Q_PROPERTY(QVariantList stateFacets READ stateFacets NOTIFY facetsChanged)
    Q_PROPERTY(QVariantList providerFacets READ providerFacets NOTIFY facetsChanged)
    Q_PROPERTY(QVariantList tagFacets READ tagFacets NOTIFY facetsChanged)
    Q_PROPERTY(QVariantList sortKeys READ sortKeys CONSTANT)
public:
    enum SortKey {
        SortByName,
        SortByState,
        SortByProvider,
        SortByRegion,
        SortByCost,
        SortByCreated,
        SortByIdle ///< idle machines first, the costliest first among them
    };
    Q_ENUM(SortKey)

    explicit MachineFilterModel(QObject *parent = nullptr);

    [[nodiscard]] MachineModel *machineModel() const { return m_machines; }
    void setMachineModel(MachineModel *model);
    /// The cost rules the summary's monthly totals follow, so that the header says what the
    /// Cost page says (MachineCost: the user's prices first, the cloud's billing rule for a
    /// machine that is off). Without them a machine's listed price counts as it is.
    void setPricing(std::function<ProviderMetadata::Billing(const QString &providerId)> billing,
                    UserPrices *userPrices);
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
    [[nodiscard]] bool idleOnly() const { return m_idleOnly; }
    void setIdleOnly(bool idleOnly);
    [[nodiscard]] int idleCount() const;
    void setTags(const QStringList &tags);
    [[nodiscard]] SortKey sortKey() const { return m_sortKey; }
    void setSortKey(SortKey key);
    void setSortOrder(Qt::SortOrder order);
    [[nodiscard]] bool filtersActive() const;

    [[nodiscard]] int count() const { return rowCount(); }
    [[nodiscard]] int totalCount() const;
    [[nodiscard]] QVariantMap stateCounts() const;
    [[nodiscard]] QVariantMap accountCounts() const;
    /// The monthly cost of the machines shown that are priced in US dollars.
    [[nodiscard]] double totalMonthlyCost() const;
    /// Monthly cost per currency of the machines shown ({"USD": 1234.5, "EUR": 56.7}): prices in
    /// different currencies are never added up.
    [[nodiscard]] QVariantMap monthlyCosts() const;
    [[nodiscard]] int unpricedCount() const;
    /// Every tag on any machine (not only those shown), sorted: the tag chips to offer.
    [[nodiscard]] QStringList availableTags() const;

    /// The one account chosen in the sidebar (accountIds with one entry), or empty for all.
    [[nodiscard]] QString account() const { return m_accountIds.value(0); }
    void setAccount(const QString &accountId);
    /// A search or a chip is active (the account chosen in the sidebar does not count).
    [[nodiscard]] bool active() const;
    /// [{id, text, stateId, count, checked}] per state group, in a fixed order; a group with no
    /// machines is left out unless checked.
    [[nodiscard]] QVariantList stateFacets() const;
    /// [{id, count, checked}] per provider id.
    [[nodiscard]] QVariantList providerFacets() const;
    /// [{id, count, checked}]: the 12 most used tags, then any checked tag not among them.
    [[nodiscard]] QVariantList tagFacets() const;
    /// [{id: SortKey, text}] in menu order.
    [[nodiscard]] static QVariantList sortKeys();

    /// Adds @p value to the filter @p filter ("accounts", "providers", "states", "tags"), or
    /// removes it when present (a chip's tap).
    Q_INVOKABLE void toggleFilter(const QString &filter, const QString &value);
    Q_INVOKABLE void clearFilters();
    /// Clears the search and the chips, not the account chosen in the sidebar (nor the sort).
    Q_INVOKABLE void clear();
    /// The row of a machine in this view, or -1.
    Q_INVOKABLE [[nodiscard]] int rowOf(const QString &accountId, const QString &machineId) const;
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
    void idleOnlyChanged();
    void sortKeyChanged();
    void sortOrderChanged();
    void filtersActiveChanged();
    void countChanged();
    void totalCountChanged();
    void summaryChanged();
    void availableTagsChanged();
    void facetsChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow,
                                        const QModelIndex &sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    struct Summary
    {
        QVariantMap states;
        QVariantMap accounts;
        QVariantMap monthlyByCurrency;
        double monthly = 0;
        int unpriced = 0;
    };
    void refilter(bool wasActive);
    /// What the search looks at in one machine, case-folded: its words (name, tags, region,
    /// size, image) and its addresses, each field ended by a separator character.
    struct Haystack
    {
        QString words;
        QString addresses;
    };
    [[nodiscard]] static Haystack haystack(const Machine &machine);
    [[nodiscard]] bool matchesWords(const Haystack &haystack) const;
    void updateHaystacks(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                         const QList<int> &roles);
    void markSummaryDirty();
    void markTagsDirty();
    void markFacetsDirty();
    void notifyFacets();
    void updateFacetCounts() const;
    [[nodiscard]] bool acceptsState(MachineState::State state) const;
    const Summary &summary() const;
    [[nodiscard]] int compareRows(int left, int right) const;

    QPointer<MachineModel> m_machines;
    std::function<ProviderMetadata::Billing(const QString &providerId)> m_billing;
    QPointer<UserPrices> m_userPrices;
    QString m_searchText;
    QStringList m_words; ///< case-folded
    mutable QList<Haystack> m_haystacks; ///< per source row, while searching (see haystack())
    QTimer m_haystackRelease; ///< frees m_haystacks when a cleared search stays cleared
    static constexpr int haystackKeepMs = 60 * 1000;
    QStringList m_accountIds;
    QStringList m_providerIds;
    QStringList m_states;
    QList<int> m_stateValues; ///< MachineState::State values the state filter lets through
    QStringList m_tags;
    bool m_idleOnly = false;
    SortKey m_sortKey = SortByName;
    mutable Summary m_summary;
    mutable bool m_summaryDirty = true;
    /// The summary of every source row, kept until the source or the prices change: clearing
    /// a search brings all rows back, and recounting 10,000 of them is most of that keystroke.
    mutable std::optional<Summary> m_wholeSummary;
    bool m_summaryNotifyQueued = false;
    mutable QStringList m_availableTags;
    mutable bool m_tagsDirty = true;
    bool m_tagsNotifyQueued = false;
    struct FacetCounts
    {
        QHash<QString, int> stateGroups;
        QMap<QString, int> providers;
        QHash<QString, int> tags;
    };
    mutable FacetCounts m_facetCounts;
    mutable bool m_facetsDirty = true;
    bool m_facetsNotifyQueued = false;
    bool m_refiltering = false; ///< inside invalidateFilter(): one countChanged afterwards
};
