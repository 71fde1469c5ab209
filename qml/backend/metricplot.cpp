#include "metricplot.h"

#include "metricformat.h"

#include <QColor>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <limits>

namespace {
// A stretch without points longer than this many steps is a hole: a minute or two of jitter in
// a cloud's sampling is not.
constexpr double holeSteps = 2.5;
} // namespace

double MetricPlot::xOf(qint64 timeMs) const
{
    const double span = double(qMax<qint64>(1, endMs - startMs));
    return area.left() + area.width() * double(timeMs - startMs) / span;
}

double MetricPlot::yOf(double value) const
{
    const double range = high - low;
    double fraction = range > 0 ? (value - low) / range : 0;
    fraction = std::clamp(fraction, 0.0, 1.0);
    return area.bottom() - area.height() * fraction;
}

qint64 MetricPlot::timeAt(double x) const
{
    if (area.width() <= 0)
        return startMs;
    const double fraction = std::clamp((x - area.left()) / area.width(), 0.0, 1.0);
    return startMs + qint64(std::llround(fraction * double(endMs - startMs)));
}

QList<QPolygonF> MetricPlot::segments(const QList<MetricSeries::Point> &points,
                                      int resolutionSeconds) const
{
    QList<QPolygonF> runs;
    QPolygonF run;
    const qint64 hole = resolutionSeconds > 0 ? qint64(holeSteps * resolutionSeconds * 1000)
                                              : std::numeric_limits<qint64>::max();
    qint64 previous = 0;
    auto close = [&] {
        if (!run.isEmpty())
            runs.append(run);
        run.clear();
    };
    for (const MetricSeries::Point &point : points) {
        if (point.timeMs < startMs || point.timeMs > endMs)
            continue;
        if (!std::isfinite(point.value)) {
            close();
            continue;
        }
        if (!run.isEmpty() && point.timeMs - previous > hole)
            close();
        run.append(QPointF(xOf(point.timeMs), yOf(point.value)));
        previous = point.timeMs;
    }
    close();
    return runs;
}

void MetricPlot::draw(QPainter *painter, const QList<QPolygonF> &runs, const QColor &color,
                      qreal width, bool fill) const
{
    painter->setRenderHint(QPainter::Antialiasing, true);
    if (fill) {
        QColor under = color;
        under.setAlphaF(0.14f);
        for (const QPolygonF &run : runs) {
            if (run.size() < 2)
                continue;
            QPainterPath path;
            path.moveTo(run.first().x(), area.bottom());
            for (const QPointF &point : run)
                path.lineTo(point);
            path.lineTo(run.last().x(), area.bottom());
            path.closeSubpath();
            painter->fillPath(path, under);
        }
    }
    QPen pen(color, width);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    for (const QPolygonF &run : runs) {
        if (run.size() == 1) {
            // A lone point between gaps would be invisible as a line of no length.
            painter->setPen(Qt::NoPen);
            painter->setBrush(color);
            painter->drawEllipse(run.first(), width * 1.25, width * 1.25);
            painter->setPen(pen);
            painter->setBrush(Qt::NoBrush);
        } else {
            painter->drawPolyline(run);
        }
    }
}

double MetricPlot::maximum(const QList<MetricSeries::Point> &points)
{
    double best = 0;
    bool any = false;
    for (const MetricSeries::Point &point : points) {
        if (std::isfinite(point.value) && (!any || point.value > best)) {
            best = point.value;
            any = true;
        }
    }
    return best;
}

double MetricPlot::minimum(const QList<MetricSeries::Point> &points)
{
    double best = 0;
    bool any = false;
    for (const MetricSeries::Point &point : points) {
        if (std::isfinite(point.value) && (!any || point.value < best)) {
            best = point.value;
            any = true;
        }
    }
    return best;
}

void MetricPlot::fitValues(const QList<MetricSeries::Point> &points, const QString &unit)
{
    if (unit == QLatin1String("%")) {
        // 0-100 for every machine, so that rows compare at a glance; a cloud reporting more
        // than 100 % (several cores summed) widens it.
        low = 0;
        high = std::max(100.0, MetricFormat::niceCeiling(maximum(points)));
        return;
    }
    const double lowest = minimum(points);
    low = lowest < 0 ? -MetricFormat::niceCeiling(-lowest) : 0;
    high = MetricFormat::niceCeiling(maximum(points));
    if (high <= low)
        high = low + 1;
}
