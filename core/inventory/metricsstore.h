#pragma once

#include "clouddeck_core_export.h"
#include "metricrange.h"
#include "metricseries.h"

#include <QList>
#include <optional>

class InventoryCache;

/**
 * @brief The metric series last fetched, kept in the offline cache (its "metrics" table).
 *
 * One row per account, machine, kind and span: a newer fetch replaces the older. Read back
 * offline with the time they were fetched (MetricSeries::fetchedAt), so that the UI states
 * their age as it does for machines. A row that cannot be read (unknown kind, damaged points)
 * is skipped and logged, never fatal: the next fetch writes it again. Uses the cache's
 * connection and follows its rules (one thread; writes fail while the cache is read-only).
 */
class CLOUDDECK_CORE_EXPORT MetricsStore
{
public:
    explicit MetricsStore(InventoryCache *cache);

    /// Stores @p series (keyed by its account, machine and kind) as the one for @p span.
    bool store(const MetricSeries &series, MetricRange::Span span);
    bool store(const QList<MetricSeries> &series, MetricRange::Span span);
    /// The stored series, or nothing (none stored, or its row is damaged).
    [[nodiscard]] std::optional<MetricSeries> series(const QString &accountId,
                                                     const QString &machineId,
                                                     MetricSeries::Kind kind,
                                                     MetricRange::Span span) const;
    /// Every readable stored series of the machine for @p span, in kind order.
    [[nodiscard]] QList<MetricSeries>
    machineSeries(const QString &accountId, const QString &machineId, MetricRange::Span span) const;
    /// Forgets the machine's series (it was destroyed).
    bool removeMachine(const QString &accountId, const QString &machineId);

private:
    InventoryCache *m_cache;
};
