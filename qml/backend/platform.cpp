#include "platform.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QInputDevice>
#include <QLocale>
#include <QPalette>

Platform::Platform(QObject *parent)
    : QObject(parent)
{
    const auto devices = QInputDevice::devices();
    m_touchPrimary = std::any_of(devices.cbegin(), devices.cend(), [](const QInputDevice *device) {
        return device->type() == QInputDevice::DeviceType::TouchScreen;
    });
    if (qEnvironmentVariableIsSet("CLOUDDECK_TOUCH"))
        m_touchPrimary = qEnvironmentVariableIntValue("CLOUDDECK_TOUCH") != 0;
    updateSystemDark();
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

Platform *Platform::instance()
{
    static Platform *s_instance = new Platform(QCoreApplication::instance());
    return s_instance;
}

Platform *Platform::create(QQmlEngine *, QJSEngine *)
{
    Platform *platform = instance();
    QJSEngine::setObjectOwnership(platform, QJSEngine::CppOwnership);
    return platform;
}

QString Platform::monoFamily() const
{
    return QFontDatabase::systemFont(QFontDatabase::FixedFont).family();
}

QString Platform::fontFamily() const
{
    return QGuiApplication::font().family();
}

QString Platform::os() const
{
#if defined(Q_OS_MACOS)
    return QStringLiteral("macos");
#elif defined(Q_OS_WIN)
    return QStringLiteral("windows");
#elif defined(Q_OS_ANDROID)
    return QStringLiteral("android");
#else
    return QStringLiteral("linux");
#endif
}

int Platform::keyboardModifiers() const
{
    return int(QGuiApplication::keyboardModifiers());
}

bool Platform::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance()
        && event->type() == QEvent::ApplicationPaletteChange)
        updateSystemDark();
    return QObject::eventFilter(watched, event);
}

void Platform::updateSystemDark()
{
    const QColor window = QGuiApplication::palette().color(QPalette::Window);
    const bool dark = window.lightness() < 128;
    if (dark == m_systemDark)
        return;
    m_systemDark = dark;
    Q_EMIT systemDarkChanged();
}
