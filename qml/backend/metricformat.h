#pragma once

#include <QString>

/**
 * @brief Words and numbers for metric values, shared by the sparkline cells, the graphs and their
 * readouts: "37 %", "1.2 Mbit/s", "340 kB/s", "5-minute points".
 *
 * Units are the ones providers convert to (MetricSeries::unitFor: "%", "bit/s", "B/s") plus the
 * few a cloud keeps as its own ("blocks/s" of Linode); any other unit gets the same SI prefixes.
 */
namespace MetricFormat {
/// @p value in @p unit with an SI prefix and two or three significant digits; "—" for NaN.
[[nodiscard]] QString value(double value, const QString &unit);
/// The step between points in words: "1-minute points", "5-minute points", "daily points".
[[nodiscard]] QString resolution(int seconds);
/// The axis label of @p unit: "%", "bit/s", "B/s".
[[nodiscard]] QString axisUnit(const QString &unit);
/// A round number at or above @p value (1, 2, 2.5, 5 times a power of ten) for the top of an axis.
[[nodiscard]] double niceCeiling(double value);
} // namespace MetricFormat
