#pragma once

#include "metricseries.h"
#include "result.h"

#include <QJsonObject>

/**
 * @brief Reads Hetzner Cloud's GET /servers/{id}/metrics reply.
 *
 * {"metrics": {"start": "…", "end": "…", "step": 60, "time_series": {"<name>": {"values":
 * [[1435781470.622, "42"], …]}}}} (docs.hetzner.cloud "Get Metrics for a Server"; hcloud-go
 * hcloud/schema/server.go ServerGetMetricsResponse). The names used: "cpu" (percent),
 * "network.0.bandwidth.in|out" and "disk.0.bandwidth.read|write" (bytes per second; network is
 * converted to bit/s). A name missing from the reply is an empty series, not an error.
 */
class HetznerMetricsParser
{
public:
    [[nodiscard]] static Result<MetricSeries> series(const QJsonObject &reply,
                                                     MetricSeries::Kind kind);
    /// The "type" query value that has @p kind ("cpu", "network", "disk").
    [[nodiscard]] static QString type(MetricSeries::Kind kind);
    /// The time series name of @p kind in the reply.
    [[nodiscard]] static QString seriesName(MetricSeries::Kind kind);
};
