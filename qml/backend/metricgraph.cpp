#include "metricgraph.h"

#include "metricformat.h"
#include "metricplot.h"
#include "metricsource.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QHoverEvent>
#include <QLineF>
#include <QLocale>
#include <QPainter>
#include <QRegularExpression>
#include <QStyleHints>
#include <QTimeZone>
#include <QTouchEvent>

#include <algorithm>
#include <iterator>
#include <cmath>

namespace {
constexpr qreal lineWidth = 2;
constexpr qreal labelGap = 6;
// The steps a time axis may take, shortest first.
constexpr int timeSteps[] = {300,   600,   900,   1800,  3600,   2 * 3600, 3 * 3600,
                             21600, 43200, 86400, 2 * 86400, 7 * 86400};

/// The locale's short time without seconds (some locales' short format has them; an axis at
/// round minutes does not need them).
QString shortTime(const QTime &time)
{
    static const QString format = [] {
        QString pattern = QLocale().timeFormat(QLocale::ShortFormat);
        pattern.remove(QRegularExpression(QStringLiteral("[:.]ss?")));
        return pattern;
    }();
    return QLocale().toString(time, format);
}

QString localTime(qint64 ms, bool withDate)
{
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(ms).toLocalTime();
    const QString time = shortTime(when.time());
    return withDate ? QLocale().toString(when.date(), QStringLiteral("d MMM")) + QLatin1Char(' ')
                          + time
                    : time;
}
} // namespace

MetricGraph::MetricGraph(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(true);
    setImplicitSize(320, 140);
    setAcceptHoverEvents(true);
    setAcceptTouchEvents(true);
    m_font.setPixelSize(11);
    relayout();
}

MetricGraph::~MetricGraph() = default;

void MetricGraph::setSource(MetricSource *source)
{
    if (m_source == source)
        return;
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    if (m_source) {
        connect(m_source, &MetricSource::dataChanged, this, [this] {
            relayout();
            updateReadout();
            update();
        });
    }
    emit sourceChanged();
    relayout();
    updateReadout();
    update();
}

void MetricGraph::setColor(const QColor &color)
{
    if (m_color == color)
        return;
    m_color = color;
    emit styleChanged();
    update();
}

void MetricGraph::setTextColor(const QColor &color)
{
    if (m_textColor == color)
        return;
    m_textColor = color;
    emit styleChanged();
    update();
}

void MetricGraph::setGridColor(const QColor &color)
{
    if (m_gridColor == color)
        return;
    m_gridColor = color;
    emit styleChanged();
    update();
}

void MetricGraph::setFont(const QFont &font)
{
    if (m_font == font)
        return;
    m_font = font;
    emit styleChanged();
    relayout();
    update();
}

void MetricGraph::setValueAxisWidth(qreal width)
{
    if (qFuzzyCompare(m_valueAxisWidth + 1, width + 1))
        return;
    m_valueAxisWidth = width;
    emit styleChanged();
    relayout();
    updateReadout();
    update();
}

void MetricGraph::setProbeX(qreal x)
{
    if (x < 0)
        x = -1;
    if (qFuzzyCompare(m_probeX + 2, x + 2))
        return;
    m_probeX = x;
    updateReadout();
    update();
}

void MetricGraph::stepProbe(int direction)
{
    if (!m_source || m_source->points().isEmpty())
        return;
    const QList<MetricSeries::Point> &points = m_source->points();
    const int last = int(points.size()) - 1;
    const int index = m_readoutIndex < 0 ? last : std::clamp(m_readoutIndex + direction, 0, last);
    setProbeX(plot().xOf(points.at(index).timeMs));
}

QString MetricGraph::readoutText() const
{
    return hasReadout() ? m_readoutTime + QStringLiteral(" · ") + m_readoutValue : QString();
}

QStringList MetricGraph::timeLabels() const
{
    QStringList labels;
    for (const Tick &tick : m_timeTicks)
        labels.append(tick.text);
    return labels;
}

void MetricGraph::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickPaintedItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.size() != oldGeometry.size()) {
        relayout();
        updateReadout();
    }
}

MetricPlot MetricGraph::plot() const
{
    MetricPlot plot;
    if (m_source) {
        plot.startMs = m_source->rangeStartMs();
        plot.endMs = m_source->rangeEndMs();
    }
    plot.low = m_low;
    plot.high = m_high;
    plot.area = m_area;
    return plot;
}

void MetricGraph::relayout()
{
    const QString unit = m_source ? m_source->valueUnit() : QStringLiteral("%");
    MetricPlot values;
    values.fitValues(m_source ? m_source->points() : QList<MetricSeries::Point>(), unit);
    m_low = values.low;
    m_high = values.high;
    m_valueTicks = {m_low, (m_low + m_high) / 2, m_high};
    if (m_low < 0)
        m_valueTicks = {m_low, 0, m_high};
    m_valueLabels.clear();
    const QFontMetricsF metrics(m_font);
    qreal labelWidth = 0;
    for (const double tick : std::as_const(m_valueTicks)) {
        const QString text = tick == 0 ? QStringLiteral("0") : MetricFormat::value(tick, unit);
        m_valueLabels.append(text);
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(text));
    }
    const qreal timeLabelWidth = metrics.horizontalAdvance(QStringLiteral("00:00 PM"));
    const qreal top = std::ceil(metrics.height() / 2);
    const qreal left = std::ceil(std::max(labelWidth, m_valueAxisWidth) + labelGap);
    const qreal right = std::ceil(timeLabelWidth / 2);
    const qreal bottom = std::ceil(metrics.height() + labelGap / 2);
    m_area = QRectF(left, top, std::max<qreal>(1, width() - left - right),
                    std::max<qreal>(1, height() - top - bottom));

    // Time ticks at round local times, as many as fit with room between the labels.
    m_timeTicks.clear();
    if (m_source && m_source->rangeEndMs() > m_source->rangeStartMs()) {
        const qint64 start = m_source->rangeStartMs();
        const qint64 end = m_source->rangeEndMs();
        const qint64 spanSeconds = (end - start) / 1000;
        const qreal room = timeLabelWidth + 2 * labelGap;
        const int fit = std::max(2, int(m_area.width() / room));
        int step = timeSteps[std::size(timeSteps) - 1];
        for (const int candidate : timeSteps) {
            if (spanSeconds / candidate <= fit) {
                step = candidate;
                break;
            }
        }
        const bool days = step >= 86400;
        QDateTime tick = QDateTime::fromMSecsSinceEpoch(start).toLocalTime();
        tick.setTime(QTime(0, 0));
        while (tick.toMSecsSinceEpoch() < start)
            tick = days ? tick.addDays(step / 86400) : tick.addSecs(step);
        for (; tick.toMSecsSinceEpoch() <= end;
             tick = days ? tick.addDays(step / 86400) : tick.addSecs(step)) {
            const qint64 ms = tick.toMSecsSinceEpoch();
            m_timeTicks.append({ms, days ? QLocale().toString(tick.date(), QStringLiteral("d MMM"))
                                         : shortTime(tick.time())});
        }
    }
    emit layoutChanged();
}

void MetricGraph::updateReadout()
{
    int index = -1;
    QString time;
    QString value;
    QPointF point;
    const QList<MetricSeries::Point> empty;
    const QList<MetricSeries::Point> &points = m_source ? m_source->points() : empty;
    if (m_probeX >= m_area.left() - lineWidth && m_probeX <= m_area.right() + lineWidth
        && !points.isEmpty()) {
        const MetricPlot plot = this->plot();
        const qint64 at = plot.timeAt(m_probeX);
        // The nearest point in time (points are in time order).
        auto it = std::lower_bound(points.cbegin(), points.cend(), at,
                                   [](const MetricSeries::Point &p, qint64 t) { return p.timeMs < t; });
        if (it == points.cend() || (it != points.cbegin() && at - (it - 1)->timeMs < it->timeMs - at))
            --it;
        index = int(it - points.cbegin());
        const qint64 stepMs = qint64(std::max(60, m_source->resolutionSeconds())) * 1000;
        const bool far = std::abs(it->timeMs - at) > stepMs * 3 / 2;
        const bool spanLong = plot.endMs - plot.startMs > 86400LL * 1000;
        if (far || !std::isfinite(it->value)) {
            // Over a hole: say so at the pointer's own time rather than jump to a far point.
            time = localTime(at, spanLong);
            value = QCoreApplication::translate("MetricGraph", "no data");
            point = QPointF(m_probeX, m_area.bottom());
        } else {
            time = localTime(it->timeMs, spanLong);
            value = MetricFormat::value(it->value, m_source->valueUnit());
            point = QPointF(plot.xOf(it->timeMs), plot.yOf(it->value));
        }
    }
    if (index == m_readoutIndex && time == m_readoutTime && value == m_readoutValue
        && point == m_readoutPoint)
        return;
    m_readoutIndex = index;
    m_readoutTime = time;
    m_readoutValue = value;
    m_readoutPoint = point;
    emit readoutChanged();
}

void MetricGraph::paint(QPainter *painter)
{
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setFont(m_font);
    const QFontMetricsF metrics(m_font);
    const MetricPlot plot = this->plot();

    // Value grid and labels (right-aligned against the plot).
    for (int i = 0; i < m_valueTicks.size(); ++i) {
        const qreal y = std::round(plot.yOf(m_valueTicks.at(i))) + 0.5;
        painter->setPen(QPen(m_gridColor, 1));
        painter->drawLine(QPointF(m_area.left(), y), QPointF(m_area.right(), y));
        painter->setPen(m_textColor);
        const QRectF label(0, y - metrics.height() / 2, m_area.left() - labelGap, metrics.height());
        painter->drawText(label, Qt::AlignRight | Qt::AlignVCenter, m_valueLabels.value(i));
    }
    // Time ticks and labels (centred under their tick, never past the item's edges).
    for (const Tick &tick : std::as_const(m_timeTicks)) {
        const qreal x = std::round(plot.xOf(tick.timeMs)) + 0.5;
        painter->setPen(QPen(m_gridColor, 1));
        painter->drawLine(QPointF(x, m_area.bottom()), QPointF(x, m_area.bottom() + 3));
        const qreal textWidth = metrics.horizontalAdvance(tick.text);
        const qreal left = std::clamp(x - textWidth / 2, 0.0, std::max(0.0, width() - textWidth));
        painter->setPen(m_textColor);
        painter->drawText(QPointF(left, m_area.bottom() + labelGap / 2 + metrics.ascent()),
                          tick.text);
    }
    if (m_source && !m_source->points().isEmpty()) {
        painter->save();
        painter->setClipRect(m_area.adjusted(-lineWidth, -lineWidth, lineWidth, lineWidth));
        plot.draw(painter, plot.segments(m_source->points(), m_source->resolutionSeconds()),
                  m_color, lineWidth, true);
        painter->restore();
    }
    if (hasReadout()) {
        QPen cross(m_textColor, 1, Qt::DashLine);
        painter->setPen(cross);
        painter->drawLine(QPointF(m_readoutPoint.x(), m_area.top()),
                          QPointF(m_readoutPoint.x(), m_area.bottom()));
        painter->setPen(QPen(m_color, 2));
        painter->setBrush(m_gridColor.lightnessF() > 0.5 ? Qt::white : Qt::black);
        painter->drawEllipse(m_readoutPoint, 4, 4);
    }
}

void MetricGraph::hoverMoveEvent(QHoverEvent *event)
{
    setProbeX(event->position().x());
}

void MetricGraph::hoverLeaveEvent(QHoverEvent *)
{
    setProbeX(-1);
}

void MetricGraph::touchEvent(QTouchEvent *event)
{
    if (event->points().isEmpty())
        return;
    const QPointF position = event->points().constFirst().position();
    switch (event->type()) {
    case QEvent::TouchBegin:
        // Held still for a moment: a readout; moved at once: the pane scrolls (the Flickable
        // takes the touch over, see touchUngrabEvent).
        m_touchStart = position;
        m_holding = false;
        m_hold.start(QGuiApplication::styleHints()->mousePressAndHoldInterval(), this);
        event->accept();
        break;
    case QEvent::TouchUpdate:
        if (m_holding) {
            setProbeX(position.x());
        } else if (QLineF(position, m_touchStart).length()
                   > QGuiApplication::styleHints()->startDragDistance()) {
            m_hold.stop();
        }
        event->accept();
        break;
    case QEvent::TouchEnd:
    case QEvent::TouchCancel:
        touchUngrabEvent();
        break;
    default:
        QQuickPaintedItem::touchEvent(event);
    }
}

void MetricGraph::touchUngrabEvent()
{
    m_hold.stop();
    m_holding = false;
    setKeepTouchGrab(false);
    setProbeX(-1);
}

void MetricGraph::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_hold.timerId())
        return QQuickPaintedItem::timerEvent(event);
    m_hold.stop();
    m_holding = true;
    setKeepTouchGrab(true); // the finger now slides along the graph, not the pane
    setProbeX(m_touchStart.x());
}
