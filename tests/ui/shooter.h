#pragma once

#include <QQuickWindow>
#include <QString>

/**
 * @brief Puts the real window into a shape (size, theme, density) and writes what it shows as
 * a PNG, refusing pictures that could not be grabbed or came out (nearly) blank.
 */
class Shooter
{
public:
    Shooter(QQuickWindow *window, QString outDir);

    void resize(int width, int height, const QString &theme, const QString &density);
    void shot(const QString &name);

    [[nodiscard]] int count() const { return m_count; }

    /// Lets layout, bindings and the short UI animations finish.
    static void settle(int ms = 450);

private:
    [[nodiscard]] static int distinctColours(const QImage &image);

    QQuickWindow *m_window;
    QString m_out;
    int m_count = 0;
};
