#include "sparkline.h"

#include "metricplot.h"
#include "metricsource.h"

#include <QPainter>

Sparkline::Sparkline(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(true);
    setImplicitSize(64, 20);
}

void Sparkline::setSource(MetricSource *source)
{
    if (m_source == source)
        return;
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    if (m_source)
        connect(m_source, &MetricSource::dataChanged, this, &Sparkline::reload);
    emit sourceChanged();
    reload();
}

void Sparkline::reload()
{
    int runs = 0;
    if (m_source && !m_source->points().isEmpty()) {
        MetricPlot plot;
        plot.startMs = m_source->rangeStartMs();
        plot.endMs = m_source->rangeEndMs();
        plot.area = QRectF(0, 0, 1, 1);
        runs = int(plot.segments(m_source->points(), m_source->resolutionSeconds()).size());
    }
    if (runs != m_segmentCount) {
        m_segmentCount = runs;
        emit segmentCountChanged();
    }
    update();
}

void Sparkline::setColor(const QColor &color)
{
    if (m_color == color)
        return;
    m_color = color;
    emit colorChanged();
    update();
}

void Sparkline::setLineWidth(qreal width)
{
    if (qFuzzyCompare(m_lineWidth, width))
        return;
    m_lineWidth = width;
    emit lineWidthChanged();
    update();
}

void Sparkline::paint(QPainter *painter)
{
    if (!m_source || m_source->points().isEmpty() || width() <= 0 || height() <= 0)
        return;
    MetricPlot plot;
    plot.startMs = m_source->rangeStartMs();
    plot.endMs = m_source->rangeEndMs();
    plot.fitValues(m_source->points(), m_source->valueUnit());
    // A line's width inside every edge, so that 0 % and 100 % are not cut in half.
    const qreal inset = m_lineWidth;
    plot.area = QRectF(inset, inset, width() - 2 * inset, height() - 2 * inset);
    plot.draw(painter, plot.segments(m_source->points(), m_source->resolutionSeconds()), m_color,
              m_lineWidth, true);
}
