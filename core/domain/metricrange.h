#pragma once

#include "clouddeck_core_export.h"

#include <QDateTime>
#include <QString>
#include <optional>

/**
 * @brief The time window metrics are asked for: a span ending now, and the step wanted.
 *
 * The spans are the ones the UI offers (1 h, 24 h, 7 d, 30 d). Each has a step that keeps a
 * series near 60-360 points, small enough to cache for thousands of machines and fine enough for
 * a graph; a cloud with a coarser resolution answers with its own (MetricSeries::resolution).
 */
class CLOUDDECK_CORE_EXPORT MetricRange
{
public:
    enum class Span { Hour, Day, Week, Month };

    Span span = Span::Hour;
    QDateTime start; ///< UTC
    QDateTime end; ///< UTC
    int stepSeconds = 60;

    /// The window of @p span ending at @p end (whole seconds, UTC).
    [[nodiscard]] static MetricRange last(Span span, const QDateTime &end);
    [[nodiscard]] static int defaultStepSeconds(Span span);
    [[nodiscard]] static int spanSeconds(Span span);
    /// "1h", "24h", "7d", "30d"
    [[nodiscard]] static QString spanId(Span span);
    [[nodiscard]] static std::optional<Span> spanFromId(const QString &id);
};
