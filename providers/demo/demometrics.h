#pragma once

#include "metricrange.h"
#include "metricseries.h"

#include <QString>
#include <optional>

/**
 * @brief Plausible, deterministic metric series for the Demo cloud's machines.
 *
 * A value depends only on the machine id, the kind and the point's time, so two fetches of the
 * same window agree and a later one continues the earlier one. Each machine has its own level
 * (some idle, some busy: @p level when given, else one drawn from the id), a daily rhythm and
 * noise; now and then a sample is missing, as on a
 * real cloud. Every series says it is simulated (its note), like everything in the Demo cloud.
 */
class DemoMetrics
{
public:
    [[nodiscard]] static MetricSeries series(const QString &accountId, const QString &machineId,
                                             MetricSeries::Kind kind, const MetricRange &range,
                                             bool running,
                                             std::optional<double> level = std::nullopt);
};
