#pragma once

#include "clouddeck_core_export.h"
#include "costtotals.h"
#include "machine.h"
#include "machinecost.h"
#include "providermetadata.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

class UserPrices;

/**
 * @brief The monthly run-rate of a set of machines, grouped by provider, account, region, tag or
 * size, with totals per currency and the part that is for machines that are off.
 *
 * Built in core so the CLI (`clouddeck-cli cost`) and the GUI's Cost page say the same. A machine
 * with several tags counts in each of its tag groups (so tag groups may add up to more than the
 * total, as in every cloud console's tag view); the totals count every machine once. Destroyed
 * machines are left out.
 */
class CLOUDDECK_CORE_EXPORT CostReport
{
    Q_DECLARE_TR_FUNCTIONS(CostReport)
public:
    enum class GroupBy { Provider, Account, Region, Tag, Size };

    /// What the report needs to know beyond the machines.
    struct Context
    {
        std::function<ProviderMetadata(const QString &providerId)> metadata;
        std::function<QString(const QString &accountId)> accountName;
        const UserPrices *userPrices = nullptr;
        /// Whether the machine has been idle for a week (MetricsFeed); unset: none is.
        std::function<bool(const Machine &machine)> isIdle;
    };

    struct Line
    {
        Machine machine;
        QString accountName;
        QString providerName;
        MachineCost cost;
        bool idle = false; ///< CPU under 2 % for a week: costing money for nothing
    };

    struct Group
    {
        QString key; ///< the provider id, account id, region, tag or size ("" for none)
        QString label; ///< what is shown
        int machines = 0;
        int offButBilled = 0; ///< machines off and still billed
        int unpriced = 0; ///< machines without a known price
        bool estimate = false; ///< some amount in it is an estimate
        CostTotals total; ///< billed, per currency
        CostTotals offButBilledTotal;
    };

    [[nodiscard]] static CostReport build(const QList<Machine> &machines, const Context &context,
                                          GroupBy groupBy);

    [[nodiscard]] GroupBy groupBy() const { return m_groupBy; }
    [[nodiscard]] const QList<Line> &lines() const { return m_lines; }
    /// Largest first (by the amount in the report's main currency), then by label.
    [[nodiscard]] const QList<Group> &groups() const { return m_groups; }
    [[nodiscard]] const CostTotals &total() const { return m_total; }
    /// "$312/mo is for machines that are off."
    [[nodiscard]] const CostTotals &offButBilled() const { return m_offButBilled; }
    [[nodiscard]] int offButBilledCount() const { return m_offButBilledCount; }
    /// Some of offButBilled() is an estimate (a stopped AWS instance's volumes), shown with "≈".
    [[nodiscard]] bool offButBilledIsEstimate() const { return m_offButBilledEstimate; }
    /// "$54/mo is for 3 machines idle for a week." (running, billed, doing nothing)
    [[nodiscard]] const CostTotals &idle() const { return m_idle; }
    [[nodiscard]] int idleCount() const { return m_idleCount; }
    /// Machines off whose disks alone are billed (AWS), not priced here.
    [[nodiscard]] int volumesOnlyCount() const { return m_volumesOnlyCount; }
    [[nodiscard]] int unpricedCount() const { return m_unpricedCount; }
    [[nodiscard]] bool hasEstimates() const { return m_estimate; }
    /// The currency most machines are priced in, for sorting and for scaling bars.
    [[nodiscard]] QString mainCurrency() const { return m_mainCurrency; }
    /// Distinct hints from the providers ("add pricing:GetProducts to see AWS costs"), each once.
    [[nodiscard]] const QStringList &hints() const { return m_hints; }

    /// The grand total in the user's target currency with their rates, when every currency has
    /// one (an approximation, shown with "≈").
    [[nodiscard]] std::optional<Money> converted(const QString &target,
                                                 const QHash<QString, qint64> &ratesPpm) const;

    /// "provider", "account", ...; nullopt for an unknown id.
    [[nodiscard]] static std::optional<GroupBy> groupByFromId(const QString &id);
    [[nodiscard]] static QString groupById(GroupBy groupBy);

    /// The report as the CLI's --json prints it.
    [[nodiscard]] QJsonObject toJson() const;
    /// One row per machine (RFC 4180, with a header row): prices, sources, what is billed.
    [[nodiscard]] QByteArray toCsv() const;

private:
    GroupBy m_groupBy = GroupBy::Provider;
    QList<Line> m_lines;
    QList<Group> m_groups;
    CostTotals m_total;
    CostTotals m_offButBilled;
    int m_offButBilledCount = 0;
    bool m_offButBilledEstimate = false;
    CostTotals m_idle;
    int m_idleCount = 0;
    int m_volumesOnlyCount = 0;
    int m_unpricedCount = 0;
    bool m_estimate = false;
    QString m_mainCurrency;
    QStringList m_hints;
};
