#pragma once

#include <QColor>
#include <QQuickPaintedItem>
#include <QUrl>

/**
 * @brief An SVG icon drawn crisply at any size and device pixel ratio, tinted by the theme.
 *
 * The SVGs under resources/icons use the keyword "currentColor"; it is replaced by @c color before
 * rendering, so one file serves light and dark themes. Provider marks and illustrations that carry
 * their own colours leave @c color unset (illustrations may also use "accentColor" for
 * @c accent). Parsed renderers are shared between all icons with the same source and colours.
 */
class SvgIcon : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QUrl source READ source WRITE setSource NOTIFY sourceChanged)
    Q_PROPERTY(QColor color READ color WRITE setColor NOTIFY colorChanged)
    Q_PROPERTY(QColor accent READ accent WRITE setAccent NOTIFY accentChanged)
    Q_PROPERTY(bool valid READ isValid NOTIFY validChanged)
public:
    explicit SvgIcon(QQuickItem *parent = nullptr);

    [[nodiscard]] QUrl source() const { return m_source; }
    void setSource(const QUrl &source);
    [[nodiscard]] QColor color() const { return m_color; }
    void setColor(const QColor &color);
    [[nodiscard]] QColor accent() const { return m_accent; }
    void setAccent(const QColor &color);
    [[nodiscard]] bool isValid() const { return m_valid; }

    void paint(QPainter *painter) override;

Q_SIGNALS:
    void sourceChanged();
    void colorChanged();
    void accentChanged();
    void validChanged();

private:
    void updateValid();

    QUrl m_source;
    QColor m_color;
    QColor m_accent;
    bool m_valid = false;
};
