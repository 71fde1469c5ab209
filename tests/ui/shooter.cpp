#include "shooter.h"

#include "appsettings.h"
#include "screentools.h"

#include <QImage>
#include <QSet>
#include <QTest>

#include <cstdio>

using ScreenTools::fail;

Shooter::Shooter(QQuickWindow *window, QString outDir)
    : m_window(window)
    , m_out(std::move(outDir))
{ }

void Shooter::resize(int width, int height, const QString &theme, const QString &density)
{
    AppSettings::instance()->setTheme(theme);
    AppSettings::instance()->setDensity(density);
    m_window->resize(width, height);
    settle();
}

void Shooter::shot(const QString &name)
{
    settle();
    const QImage image = m_window->grabWindow();
    if (image.isNull())
        fail(QStringLiteral("%1: the window could not be grabbed").arg(name));
    if (image.size() != m_window->size() * m_window->devicePixelRatio())
        fail(QStringLiteral("%1: grabbed %2x%3").arg(name).arg(image.width()).arg(image.height()));
    if (distinctColours(image) < 8)
        fail(QStringLiteral("%1: the picture is (nearly) blank").arg(name));
    const QString file = m_out + QLatin1Char('/') + name + QStringLiteral(".png");
    if (!image.save(file))
        fail(QStringLiteral("cannot write %1").arg(file));
    std::printf("wrote %s (%dx%d)\n", qPrintable(file), image.width(), image.height());
    ++m_count;
}

void Shooter::shotIn(const QString &base, std::initializer_list<Shape> shapes)
{
    for (const Shape &shape : shapes) {
        const QString theme = QLatin1String(shape.theme);
        resize(shape.width, shape.height, theme, QLatin1String(shape.density));
        shot(QStringLiteral("%1-%2x%3-%4").arg(base).arg(shape.width).arg(shape.height).arg(theme));
    }
}

void Shooter::settle(int ms)
{
    QTest::qWait(ms);
}

int Shooter::distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height() && colours.size() < 64; y += 7) {
        for (int x = 0; x < image.width(); x += 13)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}
