#include "svgicon.h"

#include <QCache>
#include <QFile>
#include <QPainter>
#include <QQuickWindow>
#include <QSvgRenderer>

namespace {
QString localPath(const QUrl &url)
{
    if (url.scheme() == QLatin1String("qrc"))
        return QLatin1Char(':') + url.path();
    if (url.isLocalFile())
        return url.toLocalFile();
    return url.toString();
}

QSvgRenderer *renderer(const QUrl &source, const QColor &color, const QColor &accent)
{
    static QCache<QString, QSvgRenderer> s_cache(256);
    const QString key = source.toString() + QLatin1Char('|') + color.name(QColor::HexArgb)
                        + QLatin1Char('|') + accent.name(QColor::HexArgb);
    if (QSvgRenderer *cached = s_cache.object(key))
        return cached;
    QFile file(localPath(source));
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    QByteArray svg = file.readAll();
    if (color.isValid())
        svg.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
    svg.replace("accentColor",
                (accent.isValid() ? accent : QColor(0x1f, 0x6f, 0xeb)).name().toLatin1());
    auto *result = new QSvgRenderer(svg);
    if (!result->isValid()) {
        delete result;
        return nullptr;
    }
    s_cache.insert(key, result);
    return result;
}
} // namespace

SvgIcon::SvgIcon(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setImplicitSize(24, 24);
    setAntialiasing(true);
}

void SvgIcon::setSource(const QUrl &source)
{
    if (source == m_source)
        return;
    m_source = source;
    updateValid();
    update();
    Q_EMIT sourceChanged();
}

void SvgIcon::setColor(const QColor &color)
{
    if (color == m_color)
        return;
    m_color = color;
    update();
    Q_EMIT colorChanged();
}

void SvgIcon::setAccent(const QColor &color)
{
    if (color == m_accent)
        return;
    m_accent = color;
    update();
    Q_EMIT accentChanged();
}

void SvgIcon::updateValid()
{
    const bool valid = !m_source.isEmpty() && QFile::exists(localPath(m_source));
    if (valid == m_valid)
        return;
    m_valid = valid;
    Q_EMIT validChanged();
}

void SvgIcon::paint(QPainter *painter)
{
    if (m_source.isEmpty())
        return;
    QSvgRenderer *svg = renderer(m_source, m_color, m_accent);
    if (!svg)
        return;
    // Keep the drawing's aspect ratio, centred in the item.
    QSizeF size = svg->defaultSize();
    size.scale(width(), height(), Qt::KeepAspectRatio);
    const QRectF target((width() - size.width()) / 2, (height() - size.height()) / 2, size.width(),
                        size.height());

    // Rows reuse the same few icons at the same sizes: draw each SVG once per size, colour and
    // device pixel ratio, then blit (QtSvg parsing and text rendering are what cost).
    static QCache<QString, QImage> s_images(4 * 1024 * 1024); // cost in bytes
    const qreal ratio = window() ? window()->effectiveDevicePixelRatio() : 1.0;
    const QSize pixels = (size * ratio).toSize();
    if (pixels.isEmpty())
        return;
    const QString key = m_source.toString() + QLatin1Char('|') + m_color.name(QColor::HexArgb)
                        + QLatin1Char('|') + m_accent.name(QColor::HexArgb) + QLatin1Char('|')
                        + QString::number(pixels.width()) + QLatin1Char('x')
                        + QString::number(pixels.height());
    if (const QImage *cached = s_images.object(key)) {
        painter->drawImage(target, *cached);
        return;
    }
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter imagePainter(&image);
    imagePainter.setRenderHint(QPainter::Antialiasing);
    svg->render(&imagePainter, QRectF(QPointF(0, 0), QSizeF(pixels)));
    imagePainter.end();
    image.setDevicePixelRatio(ratio);
    painter->drawImage(target, image);
    s_images.insert(key, new QImage(image), int(image.sizeInBytes())); // may drop it at once
}
