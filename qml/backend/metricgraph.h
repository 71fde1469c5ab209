#pragma once

#include "metricsource.h"

#include <QBasicTimer>
#include <QColor>
#include <QFont>
#include <QPointF>
#include <QPointer>
#include <QQuickPaintedItem>

class MetricPlot;

/**
 * @brief The details pane's graph of one series: value axis with its unit, time axis in local
 * time, the line with its gaps, and a readout of the point under the pointer.
 *
 * The readout follows the mouse (hover) or a finger held still for a moment (touch and hold,
 * then slide); QML shows readoutText and may also set probeX itself (keyboard, tests). All
 * painting is one item; axes and labels follow its size and the theme's colours and font.
 */
class MetricGraph : public QQuickPaintedItem
{
    Q_OBJECT
    Q_MOC_INCLUDE("metricsource.h")
    QML_ELEMENT
    Q_PROPERTY(MetricSource *source READ source WRITE setSource NOTIFY sourceChanged)
    Q_PROPERTY(QColor color READ color WRITE setColor NOTIFY styleChanged)
    Q_PROPERTY(QColor textColor READ textColor WRITE setTextColor NOTIFY styleChanged)
    Q_PROPERTY(QColor gridColor READ gridColor WRITE setGridColor NOTIFY styleChanged)
    Q_PROPERTY(QFont font READ font WRITE setFont NOTIFY styleChanged)
    /// The least room for the value labels, so that graphs stacked in a column line up.
    Q_PROPERTY(qreal valueAxisWidth READ valueAxisWidth WRITE setValueAxisWidth NOTIFY styleChanged)
    /// The x (item coordinates) whose point is read out; negative: none.
    Q_PROPERTY(qreal probeX READ probeX WRITE setProbeX NOTIFY readoutChanged)
    Q_PROPERTY(bool hasReadout READ hasReadout NOTIFY readoutChanged)
    /// "14:05" (local time; with the date on spans longer than a day).
    Q_PROPERTY(QString readoutTime READ readoutTime NOTIFY readoutChanged)
    /// "37 %", or "no data" over a gap.
    Q_PROPERTY(QString readoutValue READ readoutValue NOTIFY readoutChanged)
    Q_PROPERTY(QString readoutText READ readoutText NOTIFY readoutChanged)
    /// Where the read point is drawn (item coordinates), for a label beside it.
    Q_PROPERTY(QPointF readoutPoint READ readoutPoint NOTIFY readoutChanged)
    /// The plotting area (inside the axis labels), item coordinates.
    Q_PROPERTY(QRectF plotArea READ plotArea NOTIFY layoutChanged)
    /// The value axis' labels, bottom to top ("0", "50 %", "100 %"; tests and accessibility).
    Q_PROPERTY(QStringList valueLabels READ valueLabels NOTIFY layoutChanged)
    Q_PROPERTY(QStringList timeLabels READ timeLabels NOTIFY layoutChanged)
public:
    explicit MetricGraph(QQuickItem *parent = nullptr);
    ~MetricGraph() override;

    [[nodiscard]] MetricSource *source() const { return m_source; }
    void setSource(MetricSource *source);
    [[nodiscard]] QColor color() const { return m_color; }
    void setColor(const QColor &color);
    [[nodiscard]] QColor textColor() const { return m_textColor; }
    void setTextColor(const QColor &color);
    [[nodiscard]] QColor gridColor() const { return m_gridColor; }
    void setGridColor(const QColor &color);
    [[nodiscard]] QFont font() const { return m_font; }
    void setFont(const QFont &font);
    [[nodiscard]] qreal valueAxisWidth() const { return m_valueAxisWidth; }
    void setValueAxisWidth(qreal width);
    [[nodiscard]] qreal probeX() const { return m_probeX; }
    void setProbeX(qreal x);
    [[nodiscard]] bool hasReadout() const { return m_readoutIndex >= 0; }
    [[nodiscard]] QString readoutTime() const { return m_readoutTime; }
    [[nodiscard]] QString readoutValue() const { return m_readoutValue; }
    [[nodiscard]] QString readoutText() const;
    [[nodiscard]] QPointF readoutPoint() const { return m_readoutPoint; }
    [[nodiscard]] QRectF plotArea() const { return m_area; }
    [[nodiscard]] QStringList valueLabels() const { return m_valueLabels; }
    [[nodiscard]] QStringList timeLabels() const;

    /// Keyboard readout: to the next (+1) or previous (-1) point, from the newest when none.
    Q_INVOKABLE void stepProbe(int direction);

    void paint(QPainter *painter) override;

Q_SIGNALS:
    void sourceChanged();
    void styleChanged();
    void readoutChanged();
    void layoutChanged();

protected:
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;
    void hoverMoveEvent(QHoverEvent *event) override;
    void hoverLeaveEvent(QHoverEvent *event) override;
    void touchEvent(QTouchEvent *event) override;
    void touchUngrabEvent() override;
    void timerEvent(QTimerEvent *event) override;

private:
    struct Tick
    {
        qint64 timeMs;
        QString text;
    };

    void relayout();
    void updateReadout();
    [[nodiscard]] MetricPlot plot() const;

    QPointer<MetricSource> m_source;
    QColor m_color = QColor(0x1f, 0x5f, 0xcc);
    QColor m_textColor = QColor(0x5b, 0x64, 0x70);
    QColor m_gridColor = QColor(0xdd, 0xe1, 0xe7);
    QFont m_font;
    qreal m_valueAxisWidth = 0;

    // Layout, recomputed when data, size or font change (never while painting).
    QRectF m_area;
    double m_low = 0;
    double m_high = 1;
    QStringList m_valueLabels;
    QList<double> m_valueTicks;
    QList<Tick> m_timeTicks;

    qreal m_probeX = -1;
    int m_readoutIndex = -1;
    QString m_readoutTime;
    QString m_readoutValue;
    QPointF m_readoutPoint;

    QBasicTimer m_hold;
    QPointF m_touchStart;
    bool m_holding = false;
};
