#pragma once

#include <QQuickWindow>
#include <QString>
#include <initializer_list>

/**
 * @brief Puts the real window into a shape (size, theme, density) and writes what it shows as
 * a PNG, refusing pictures that could not be grabbed or came out (nearly) blank.
 */
class Shooter
{
public:
    /// A window shape a screen is shown in.
    struct Shape
    {
        int width;
        int height;
        const char *theme; ///< "light" or "dark"
        const char *density; ///< "compact" or "comfortable"
    };

    Shooter(QQuickWindow *window, QString outDir);

    void resize(int width, int height, const QString &theme, const QString &density);
    void shot(const QString &name);
    /// The current screen in each of @p shapes, as "<base>-<width>x<height>-<theme>.png".
    void shotIn(const QString &base, std::initializer_list<Shape> shapes);

    [[nodiscard]] int count() const { return m_count; }

    /// Lets layout, bindings and the short UI animations finish.
    static void settle(int ms = 450);

private:
    [[nodiscard]] static int distinctColours(const QImage &image);

    QQuickWindow *m_window;
    QString m_out;
    int m_count = 0;
};
