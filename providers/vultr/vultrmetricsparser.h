#pragma once

#include "metricrange.h"
#include "metricseries.h"
#include "result.h"

#include <QJsonObject>

/**
 * @brief Reads Vultr's GET /v2/instances/{instance-id}/bandwidth reply, the only metrics Vultr's
 * API has.
 *
 * Shape (govultr's Bandwidth type, instance.go, and its test reply; Vultr's OpenAPI
 * get-instance-bandwidth: keys are dates, days UTC; its optional date_range query is not sent):
 * {"bandwidth": {"2025-12-01": {"incoming_bytes": n, "outgoing_bytes": n}, …}}, one entry per
 * day (UTC), about the past 30. Each day becomes one point at its midnight, in average bit/s over
 * the day (bytes * 8 / 86400), resolution 86400. A day missing a figure is a gap. CPU and disk
 * are not reported: fetchMetrics refuses them with Unsupported before asking.
 */
class VultrMetricsParser
{
public:
    /// The NetworkIn or NetworkOut series of @p reply, cut to the days that overlap @p range.
    [[nodiscard]] static Result<MetricSeries>
    series(const QJsonObject &reply, MetricSeries::Kind kind, const MetricRange &range);
    /// The sentence of the Unsupported error for CPU and disk.
    [[nodiscard]] static QString bandwidthOnly();
};
