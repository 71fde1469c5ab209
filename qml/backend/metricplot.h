#pragma once

#include "metricseries.h"

#include <QList>
#include <QPolygonF>
#include <QRectF>

class QPainter;
class QColor;

/**
 * @brief The geometry the sparkline and the graph share: time and value mapped into a rectangle,
 * and a series cut into the runs of points between its gaps.
 *
 * A gap is a NaN (or infinite) value the cloud reported, or a stretch without points longer
 * than a few of the series' own steps; the line stops there instead of bridging it. Values
 * outside the scale are pinned to its edge, so one absurd sample cannot push the rest of the
 * line out of sight.
 */
class MetricPlot
{
public:
    qint64 startMs = 0;
    qint64 endMs = 1;
    double low = 0;
    double high = 1;
    QRectF area;

    [[nodiscard]] double xOf(qint64 timeMs) const;
    [[nodiscard]] double yOf(double value) const;
    [[nodiscard]] qint64 timeAt(double x) const;

    /// Runs of consecutive real points inside the window, as polylines in @c area.
    [[nodiscard]] QList<QPolygonF> segments(const QList<MetricSeries::Point> &points,
                                            int resolutionSeconds) const;
    /// Draws @p runs as a line of @p width with a faint fill under it (one point: a dot).
    void draw(QPainter *painter, const QList<QPolygonF> &runs, const QColor &color,
              qreal width, bool fill) const;

    /// The largest finite value (0 without any).
    [[nodiscard]] static double maximum(const QList<MetricSeries::Point> &points);
    /// The smallest finite value (0 without any).
    [[nodiscard]] static double minimum(const QList<MetricSeries::Point> &points);
    /// The value axis for @p unit: CPU always 0-100 %, others from 0 (or the lowest negative
    /// value) to a round number above the highest.
    void fitValues(const QList<MetricSeries::Point> &points, const QString &unit);
};
