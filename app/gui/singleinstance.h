#pragma once

#include <QLocalServer>
#include <QObject>
#include <QString>

class QLocalSocket;

/**
 * @brief One `clouddeck` per user and cache: a second start asks the first to raise its window
 * and exits, so two windows never poll and write the same inventory cache.
 *
 * The first instance listens on a local socket (a Unix socket, a named pipe on Windows) whose
 * name is derived from the user and the cache folder: two users, or a test with its own HOME,
 * never meet. A later one connects, sends "raise" and is told to exit. A socket left behind by a
 * crashed instance answers no connection: it is removed and taken over.
 */
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    enum Role {
        Primary, ///< we are the one instance: keep running, raise on raiseRequested()
        Secondary, ///< another instance was told to raise: exit (with 0)
        Failed, ///< neither (the socket cannot be created): run without the rule
    };
    Q_ENUM(Role)

    /// @p key tells instances apart: socketName() of the cache folder in the app.
    explicit SingleInstance(const QString &key, QObject *parent = nullptr);
    ~SingleInstance() override;

    /// Connects to a running instance or becomes it. Called once, before the window exists;
    /// it blocks for at most a connect timeout (a local socket answers at once or never).
    Role start();
    [[nodiscard]] Role role() const { return m_role; }
    /// The socket's full name once listening (a path on Unix), for tests and diagnostics.
    [[nodiscard]] QString serverName() const;

    /// "clouddeck-<hash of the user and @p cacheDir>" (in $XDG_RUNTIME_DIR when set): short
    /// enough for a Unix socket path.
    [[nodiscard]] static QString socketName(const QString &cacheDir);

    /// How long start() waits for a running instance to take the connection.
    static constexpr int connectTimeoutMs = 1000;

Q_SIGNALS:
    /// A second instance started: show, raise and activate the window.
    void raiseRequested();

private:
    [[nodiscard]] bool tellRunningInstance();
    [[nodiscard]] bool listen();
    void readRequests();
    void readFrom(QLocalSocket *socket);

    QString m_key;
    QLocalServer m_server;
    Role m_role = Failed;
};
