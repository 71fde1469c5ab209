#pragma once

#include "metricrange.h"
#include "metricseries.h"
#include "result.h"

#include <QJsonObject>
#include <QString>

/**
 * @brief Reads Proxmox VE's GET /nodes/{node}/{qemu|lxc}/{vmid}/rrddata replies and says which
 * timeframe a range needs.
 *
 * Schema (pve-docs api-viewer/apidata.js, both paths): timeframe is one of hour, day, week,
 * month, year and required; cf is AVERAGE or MAX; the reply is {"data": [object, …]} with the
 * rows left undeclared. The rows are the guest's RRD (pve-manager PVE::API2Tools /
 * PVE::RRD::create_rrd_data): "time" in Unix seconds and "cpu" (a fraction of the guest's
 * maxcpu), "netin"/"netout" and "diskread"/"diskwrite" in bytes/s, each absent from a row
 * where the RRD has no value (the guest was off): that row is a gap. A timeframe is always a bit
 * longer than the range it serves, so the points are cut to the range.
 */
class ProxmoxMetricsParser
{
public:
    /// The rrddata timeframe for @p span: hour, day, week, month.
    [[nodiscard]] static QString timeframe(MetricRange::Span span);
    /// The @p kind series of one rrddata reply, cut to [start, end] of @p range, in time order;
    /// CPU in % of the guest's cores, network in bit/s, disk in B/s.
    [[nodiscard]] static Result<MetricSeries> series(const QJsonObject &reply,
                                                     MetricSeries::Kind kind,
                                                     const MetricRange &range);
};
