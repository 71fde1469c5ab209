#pragma once

#include "metricseries.h"
#include "result.h"

#include <QJsonObject>

/**
 * @brief Reads DigitalOcean's droplet metrics replies (/v2/monitoring/metrics/droplet/...).
 *
 * The replies are Prometheus query results (digitalocean/openapi,
 * specification/resources/monitoring/models/metrics.yml): {"status": "success", "data":
 * {"resultType": "matrix", "result": [{"metric": {labels}, "values": [[1435781430, "1"], ...]}]}}.
 * An empty result means the droplet's monitoring agent sends nothing (not installed, or the
 * droplet was off): an empty series saying so, not an error.
 */
class DigitalOceanMetricsParser
{
public:
    /// CPU: one series per mode ("idle", "user", "system", ...) of cumulative CPU seconds.
    /// The busy share between two samples is 1 - Δidle/Δall, in percent.
    [[nodiscard]] static Result<MetricSeries> cpu(const QJsonObject &reply);
    /// Bandwidth: one series in megabits per second (as the control panel's graphs show it),
    /// converted to bit/s.
    [[nodiscard]] static Result<MetricSeries> bandwidth(const QJsonObject &reply,
                                                        MetricSeries::Kind kind);
    /// The note of a series without data.
    [[nodiscard]] static QString agentMissing();
};
