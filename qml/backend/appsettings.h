#pragma once

#include <QByteArray>
#include <QObject>
#include <QRect>
#include <QVariantMap>
#include <QQmlEngine>

class QSettings;

/**
 * @brief The GUI's preferences (theme, density, refresh intervals, SSH template, view state) in
 * settings.ini under the app's config folder. Never holds a secret.
 */
class AppSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)
    Q_PROPERTY(QString density READ density WRITE setDensity NOTIFY densityChanged)
    Q_PROPERTY(int refreshIntervalSeconds READ refreshIntervalSeconds WRITE
                   setRefreshIntervalSeconds NOTIFY refreshIntervalSecondsChanged)
    Q_PROPERTY(int fastRefreshIntervalSeconds READ fastRefreshIntervalSeconds WRITE
                   setFastRefreshIntervalSeconds NOTIFY fastRefreshIntervalSecondsChanged)
    Q_PROPERTY(QString sshCommandTemplate READ sshCommandTemplate WRITE setSshCommandTemplate NOTIFY
                   sshCommandTemplateChanged)
    Q_PROPERTY(QString sshUser READ sshUser WRITE setSshUser NOTIFY sshUserChanged)
    Q_PROPERTY(QString viewMode READ viewMode WRITE setViewMode NOTIFY viewModeChanged)
    Q_PROPERTY(
        bool notifications READ notifications WRITE setNotifications NOTIFY notificationsChanged)
    Q_PROPERTY(QString defaultSshCommandTemplate READ defaultSshCommandTemplate CONSTANT)
public:
    [[nodiscard]] static AppSettings *instance();
    [[nodiscard]] static AppSettings *create(QQmlEngine *, QJSEngine *);

    [[nodiscard]] QString theme() const { return m_theme; }
    void setTheme(const QString &theme);
    [[nodiscard]] QString density() const { return m_density; }
    void setDensity(const QString &density);
    [[nodiscard]] int refreshIntervalSeconds() const { return m_refreshInterval; }
    void setRefreshIntervalSeconds(int seconds);
    [[nodiscard]] int fastRefreshIntervalSeconds() const { return m_fastRefreshInterval; }
    void setFastRefreshIntervalSeconds(int seconds);
    [[nodiscard]] QString sshCommandTemplate() const { return m_sshTemplate; }
    void setSshCommandTemplate(const QString &value);
    [[nodiscard]] QString sshUser() const { return m_sshUser; }
    void setSshUser(const QString &user);
    [[nodiscard]] QString viewMode() const { return m_viewMode; }
    void setViewMode(const QString &mode);
    [[nodiscard]] bool notifications() const { return m_notifications; }
    void setNotifications(bool on);
    /// The remembered pane sizes of the split for layout @p layout ("wide", "medium").
    /// Undefined (an invalid QVariant) until a state was saved.
    Q_INVOKABLE [[nodiscard]] QVariant splitState(const QString &layout) const;
    Q_INVOKABLE void setSplitState(const QString &layout, const QByteArray &state);
    /// The main window's last normal geometry (invalid before the first close) and whether it
    /// was maximised. Main.qml restores them onto a screen.
    Q_INVOKABLE [[nodiscard]] QRect windowGeometry() const;
    Q_INVOKABLE [[nodiscard]] bool windowMaximized() const;
    Q_INVOKABLE void setWindowState(const QRect &geometry, bool maximized);
    /// The list's sort as last chosen: {key, order} (MachineFilterModel's enums); empty before.
    Q_INVOKABLE [[nodiscard]] QVariantMap sortState() const;
    void setSortState(int key, int order);
    /// The list's column choices as MachineColumns::state() gives them; empty before.
    Q_INVOKABLE [[nodiscard]] QVariantMap columnState() const;
    void setColumnState(const QVariantMap &state);


    /// A terminal running ssh, per OS: {user} and {host} are replaced argument by argument.
    [[nodiscard]] static QString defaultSshCommandTemplate();

    Q_INVOKABLE void resetSshCommandTemplate();

Q_SIGNALS:
    void themeChanged();
    void densityChanged();
    void refreshIntervalSecondsChanged();
    void fastRefreshIntervalSecondsChanged();
    void sshCommandTemplateChanged();
    void sshUserChanged();
    void viewModeChanged();
    void notificationsChanged();

private:
    explicit AppSettings(QObject *parent = nullptr);
    void store(const QString &key, const QVariant &value);

    QSettings *m_settings;
    QString m_theme;
    QString m_density;
    int m_refreshInterval = 60;
    int m_fastRefreshInterval = 5;
    QString m_sshTemplate;
    QString m_sshUser;
    QString m_viewMode;
    bool m_notifications = true;
};
