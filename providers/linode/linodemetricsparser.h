#pragma once

#include "metricrange.h"
#include "metricseries.h"
#include "result.h"

#include <QDate>
#include <QJsonObject>
#include <QStringList>

/**
 * @brief Reads Linode's GET /linode/instances/{id}/stats and /stats/{year}/{month} replies and
 * says which of the two a range needs.
 *
 * Shape (linode-api-docs openapi.yaml 4.189, operations get-linode-stats and
 * get-linode-stats-by-year-month): {"cpu": [[ms, %], …], "io": {"io", "swap"}, "netv4": {"in",
 * "out", "private_in", "private_out"}, "netv6": {…}, "title"}; the live API and linodego
 * (instance_stats.go) wrap the series in "data", so both are read. Timestamps are Unix
 * milliseconds. Network is in bit/s already: the public IPv4 and IPv6 series are added up (a
 * machine's traffic, as DigitalOcean's and Hetzner's public-interface figures are). CPU is
 * Linode's per-core sum (a busy 2-core Linode reads 200 %), said in the note. Disk is one
 * figure, "io.io" in blocks/s, reads and writes together: it is the disk_read series, and
 * disk_write is empty with a note saying so.
 */
class LinodeMetricsParser
{
public:
    /// The @p kind series of one stats reply (all its points; see window()).
    [[nodiscard]] static Result<MetricSeries> series(const QJsonObject &reply,
                                                     MetricSeries::Kind kind);
    /// The paths (below the instance) that cover @p range when today is @p today (UTC):
    /// "stats" for spans up to a day (the last 24 h), else "stats/YYYY/M" for each month the
    /// range touches, only the current month when it alone covers the range (Linode answers it
    /// with the past 30 days).
    [[nodiscard]] static QStringList paths(const MetricRange &range, const QDate &today);
    /// The points of @p parts merged in time order (one point per time, the first part's where
    /// two overlap), cut to [start, end] of @p range; resolution and note recomputed.
    [[nodiscard]] static MetricSeries window(const QList<MetricSeries> &parts,
                                             const MetricRange &range);
};
