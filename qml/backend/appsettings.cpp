#include "appsettings.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>

namespace {
QString oneOf(const QString &value, const QStringList &allowed)
{
    return allowed.contains(value) ? value : allowed.constFirst();
}
} // namespace

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
    , m_settings(new QSettings(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
                                   + QStringLiteral("/settings.ini"),
                               QSettings::IniFormat, this))
{
    m_theme = oneOf(m_settings->value(QStringLiteral("ui/theme")).toString(),
                    {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")});
    m_density =
        oneOf(m_settings->value(QStringLiteral("ui/density")).toString(),
              {QStringLiteral("auto"), QStringLiteral("comfortable"), QStringLiteral("compact")});
    m_viewMode = oneOf(m_settings->value(QStringLiteral("ui/viewMode")).toString(),
                       {QStringLiteral("list"), QStringLiteral("grid")});
    m_refreshInterval =
        qBound(15, m_settings->value(QStringLiteral("refresh/idleSeconds"), 60).toInt(), 3600);
    m_fastRefreshInterval =
        qBound(2, m_settings->value(QStringLiteral("refresh/fastSeconds"), 5).toInt(), 120);
    m_sshTemplate =
        m_settings->value(QStringLiteral("ssh/commandTemplate"), defaultSshCommandTemplate())
            .toString();
    m_sshUser = m_settings->value(QStringLiteral("ssh/user"), QStringLiteral("root")).toString();
    m_notifications = m_settings->value(QStringLiteral("ui/notifications"), true).toBool();
}

AppSettings *AppSettings::instance()
{
    static AppSettings *s_instance = new AppSettings(QCoreApplication::instance());
    return s_instance;
}

AppSettings *AppSettings::create(QQmlEngine *, QJSEngine *)
{
    AppSettings *settings = instance();
    QJSEngine::setObjectOwnership(settings, QJSEngine::CppOwnership);
    return settings;
}

QString AppSettings::defaultSshCommandTemplate()
{
#if defined(Q_OS_MACOS)
    return QStringLiteral("open ssh://{user}@{host}");
#elif defined(Q_OS_WIN)
    return QStringLiteral("cmd.exe /c start ssh {user}@{host}");
#else
    // Debian's alternatives pick the user's terminal; it runs the rest of the line.
    return QStringLiteral("x-terminal-emulator -e ssh {user}@{host}");
#endif
}

void AppSettings::store(const QString &key, const QVariant &value)
{
    m_settings->setValue(key, value);
}

void AppSettings::setTheme(const QString &theme)
{
    if (theme == m_theme)
        return;
    m_theme = theme;
    store(QStringLiteral("ui/theme"), theme);
    Q_EMIT themeChanged();
}

void AppSettings::setDensity(const QString &density)
{
    if (density == m_density)
        return;
    m_density = density;
    store(QStringLiteral("ui/density"), density);
    Q_EMIT densityChanged();
}

void AppSettings::setRefreshIntervalSeconds(int seconds)
{
    seconds = qBound(15, seconds, 3600);
    if (seconds == m_refreshInterval)
        return;
    m_refreshInterval = seconds;
    store(QStringLiteral("refresh/idleSeconds"), seconds);
    Q_EMIT refreshIntervalSecondsChanged();
}

void AppSettings::setFastRefreshIntervalSeconds(int seconds)
{
    seconds = qBound(2, seconds, 120);
    if (seconds == m_fastRefreshInterval)
        return;
    m_fastRefreshInterval = seconds;
    store(QStringLiteral("refresh/fastSeconds"), seconds);
    Q_EMIT fastRefreshIntervalSecondsChanged();
}

void AppSettings::setSshCommandTemplate(const QString &value)
{
    if (value == m_sshTemplate)
        return;
    m_sshTemplate = value;
    store(QStringLiteral("ssh/commandTemplate"), value);
    Q_EMIT sshCommandTemplateChanged();
}

void AppSettings::resetSshCommandTemplate()
{
    setSshCommandTemplate(defaultSshCommandTemplate());
}

void AppSettings::setSshUser(const QString &user)
{
    if (user == m_sshUser)
        return;
    m_sshUser = user;
    store(QStringLiteral("ssh/user"), user);
    Q_EMIT sshUserChanged();
}

void AppSettings::setViewMode(const QString &mode)
{
    if (mode == m_viewMode)
        return;
    m_viewMode = mode;
    store(QStringLiteral("ui/viewMode"), mode);
    Q_EMIT viewModeChanged();
}

void AppSettings::setNotifications(bool on)
{
    if (on == m_notifications)
        return;
    m_notifications = on;
    store(QStringLiteral("ui/notifications"), on);
    Q_EMIT notificationsChanged();
}

QVariant AppSettings::splitState(const QString &layout) const
{
    const QByteArray state = m_settings->value(QStringLiteral("split/") + layout).toByteArray();
    return state.isEmpty() ? QVariant() : QVariant(state);
}

void AppSettings::setSplitState(const QString &layout, const QByteArray &state)
{
    m_settings->setValue(QStringLiteral("split/") + layout, state);
}

QRect AppSettings::windowGeometry() const
{
    return m_settings->value(QStringLiteral("window/geometry")).toRect();
}

bool AppSettings::windowMaximized() const
{
    return m_settings->value(QStringLiteral("window/maximized")).toBool();
}

void AppSettings::setWindowState(const QRect &geometry, bool maximized)
{
    if (geometry.isValid())
        m_settings->setValue(QStringLiteral("window/geometry"), geometry);
    m_settings->setValue(QStringLiteral("window/maximized"), maximized);
}

QVariantMap AppSettings::sortState() const
{
    if (!m_settings->contains(QStringLiteral("list/sortKey")))
        return {};
    return {{QStringLiteral("key"), m_settings->value(QStringLiteral("list/sortKey")).toInt()},
            {QStringLiteral("order"), m_settings->value(QStringLiteral("list/sortOrder")).toInt()}};
}

void AppSettings::setSortState(int key, int order)
{
    m_settings->setValue(QStringLiteral("list/sortKey"), key);
    m_settings->setValue(QStringLiteral("list/sortOrder"), order);
}

QVariantMap AppSettings::columnState() const
{
    // JSON rather than QSettings' @Variant blob: the file stays readable and editable.
    const QByteArray json = m_settings->value(QStringLiteral("list/columns")).toByteArray();
    return QJsonDocument::fromJson(json).object().toVariantMap();
}

void AppSettings::setColumnState(const QVariantMap &state)
{
    if (state.isEmpty()) {
        m_settings->remove(QStringLiteral("list/columns"));
        return;
    }
    m_settings->setValue(
        QStringLiteral("list/columns"),
        QString::fromUtf8(
            QJsonDocument(QJsonObject::fromVariantMap(state)).toJson(QJsonDocument::Compact)));
}
