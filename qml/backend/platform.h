#pragma once

#include <QObject>
#include <QQmlEngine>

/**
 * @brief What the QML layer needs to know about the platform: whether the system is in dark mode,
 * whether touch is the primary input, the monospace font, and the OS.
 *
 * Qt 6.4 has no QStyleHints::colorScheme (6.5+), so dark mode is derived from the application
 * palette's window colour and followed through ApplicationPaletteChange events.
 */
class Platform : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool systemDark READ systemDark NOTIFY systemDarkChanged)
    Q_PROPERTY(bool touchPrimary READ touchPrimary CONSTANT)
    Q_PROPERTY(QString monoFamily READ monoFamily CONSTANT)
    Q_PROPERTY(QString fontFamily READ fontFamily CONSTANT)
    Q_PROPERTY(QString os READ os CONSTANT)
    Q_PROPERTY(bool reducedMotion READ reducedMotion CONSTANT)
public:
    [[nodiscard]] static Platform *instance();
    [[nodiscard]] static Platform *create(QQmlEngine *, QJSEngine *);

    [[nodiscard]] bool systemDark() const { return m_systemDark; }
    [[nodiscard]] bool touchPrimary() const { return m_touchPrimary; }
    [[nodiscard]] QString monoFamily() const;
    [[nodiscard]] QString fontFamily() const;
    [[nodiscard]] QString os() const;
    /// No transitions (CLOUDDECK_REDUCE_MOTION=1): for people who prefer it, and screenshots.
    [[nodiscard]] bool reducedMotion() const
    {
        return qEnvironmentVariableIntValue("CLOUDDECK_REDUCE_MOTION") != 0;
    }
    /// The keyboard modifiers held right now (Ctrl/Shift-click in lists).
    Q_INVOKABLE [[nodiscard]] int keyboardModifiers() const;

Q_SIGNALS:
    void systemDarkChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit Platform(QObject *parent = nullptr);
    void updateSystemDark();

    bool m_systemDark = false;
    bool m_touchPrimary = false;
};
