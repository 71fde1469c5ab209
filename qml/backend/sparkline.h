#pragma once

#include "metricsource.h"

#include <QColor>
#include <QPointer>
#include <QQuickPaintedItem>

/**
 * @brief A row's small line of one series (the last hour of CPU): one item, no child per point.
 *
 * Painted with antialiasing at the window's device pixel ratio, so it is crisp at any DPI; it
 * repaints only when its source's data, its size or its colour change, which keeps a list of
 * thousands of recycled rows as cheap to scroll as rows without it. One hue from the theme
 * (the value beside it says the number), gaps as gaps, a lone point as a dot, nothing at all
 * without points (the cell says "—" instead).
 */
class Sparkline : public QQuickPaintedItem
{
    Q_OBJECT
    Q_MOC_INCLUDE("metricsource.h")
    QML_ELEMENT
    Q_PROPERTY(MetricSource *source READ source WRITE setSource NOTIFY sourceChanged)
    Q_PROPERTY(QColor color READ color WRITE setColor NOTIFY colorChanged)
    Q_PROPERTY(qreal lineWidth READ lineWidth WRITE setLineWidth NOTIFY lineWidthChanged)
    /// How many separate runs of the line are drawn (gaps + 1 where there are points; tests).
    Q_PROPERTY(int segmentCount READ segmentCount NOTIFY segmentCountChanged)
public:
    explicit Sparkline(QQuickItem *parent = nullptr);

    [[nodiscard]] MetricSource *source() const { return m_source; }
    void setSource(MetricSource *source);
    [[nodiscard]] QColor color() const { return m_color; }
    void setColor(const QColor &color);
    [[nodiscard]] qreal lineWidth() const { return m_lineWidth; }
    void setLineWidth(qreal width);
    [[nodiscard]] int segmentCount() const { return m_segmentCount; }

    void paint(QPainter *painter) override;

Q_SIGNALS:
    void sourceChanged();
    void colorChanged();
    void lineWidthChanged();
    void segmentCountChanged();

private:
    void reload();

    QPointer<MetricSource> m_source;
    QColor m_color = QColor(0x1f, 0x5f, 0xcc);
    qreal m_lineWidth = 1.5;
    int m_segmentCount = 0;
};
