#pragma once

#include "clouddeck_core_export.h"
#include "metricseries.h"
#include "result.h"

#include <QJsonArray>
#include <QJsonValue>

/**
 * @brief Reads the [timestamp, value] pairs that Prometheus-style metrics APIs return
 * (DigitalOcean's monitoring, Hetzner's server metrics).
 *
 * A timestamp is a number of seconds (with a fraction); a value is a string ("0.5", "NaN",
 * "+Inf") or a number, or null. A value that is null, "NaN", infinite or unreadable becomes a
 * gap (NaN); a pair without a readable timestamp makes the reply invalid, since its points could
 * no longer be placed in time.
 */
class CLOUDDECK_CORE_EXPORT MetricPointReader
{
public:
    /// @p what names the series for the error ("cpu"); @p scale multiplies every value (unit
    /// conversion: bytes to bits is 8).
    [[nodiscard]] static Result<QList<MetricSeries::Point>>
    points(const QJsonValue &values, const QString &what, double scale = 1);
    /// The most common step between consecutive points in seconds (0 with fewer than two).
    [[nodiscard]] static int resolutionSeconds(const QList<MetricSeries::Point> &points);
};
