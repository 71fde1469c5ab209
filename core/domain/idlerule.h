#pragma once

#include "clouddeck_core_export.h"
#include "metricseries.h"

#include <QDateTime>
#include <optional>

/**
 * @brief Whether a machine has been idle: its CPU stayed under 2 % for the last 7 days.
 *
 * Decided only where the data covers the week: the series must reach back to 7 days before now
 * (within two of its own steps) and hold real points for at least 80 % of it, so a machine
 * created yesterday, or one whose cloud kept two days of samples, is not called idle on too
 * little. "Stayed under" is every point, not the average: a nightly job at 60 % for an hour is
 * a machine doing work, however quiet the rest of the week was.
 */
class CLOUDDECK_CORE_EXPORT IdleRule
{
public:
    static constexpr double thresholdPercent = 2.0;
    static constexpr int windowDays = 7;
    static constexpr double minimumCoverage = 0.8;

    /// true idle, false busy, nothing when @p weekCpu does not cover the window ending at @p now.
    [[nodiscard]] static std::optional<bool> isIdle(const MetricSeries &weekCpu,
                                                    const QDateTime &now);
};
