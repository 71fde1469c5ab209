#include "singleinstance.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QLocalSocket>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcInstance, "clouddeck.gui.instance", QtInfoMsg)

namespace {
constexpr QByteArrayView raiseRequest = "raise\n";
}

SingleInstance::SingleInstance(const QString &key, QObject *parent)
    : QObject(parent)
    , m_key(key)
{
    // Only this user may connect (the Unix socket's mode, the pipe's ACL on Windows).
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, &SingleInstance::readRequests);
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::socketName(const QString &cacheDir)
{
    // The user's name as well as the folder: /tmp is shared, and two users may point at one
    // cache folder by mistake. A hash keeps the name short (a Unix socket path has ~108 bytes).
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME"); // Windows
    const QByteArray hash = QCryptographicHash::hash((user + QLatin1Char('\n') + cacheDir).toUtf8(),
                                                     QCryptographicHash::Sha256);
    const QString name = QStringLiteral("clouddeck-") + QString::fromLatin1(hash.toHex().left(24));
    // The user's runtime folder where there is one (Linux: private, emptied at logout); else a
    // plain name, which Qt puts in the temporary folder (Unix) or makes a named pipe (Windows).
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QFileInfo(runtime).isDir())
        return runtime + QLatin1Char('/') + name;
    return name;
}

QString SingleInstance::serverName() const
{
    return m_server.isListening() ? m_server.fullServerName() : QString();
}

SingleInstance::Role SingleInstance::start()
{
    if (tellRunningInstance()) {
        qCInfo(lcInstance) << "CloudDeck is already running: asked it to show its window";
        return m_role = Secondary;
    }
    if (listen())
        return m_role = Primary;
    // Another instance may have started between our connect and our listen: ask it once more
    // before declaring the socket stale.
    if (tellRunningInstance())
        return m_role = Secondary;
    // Nobody answers: a crashed instance left its socket behind. Take it over. (With
    // UserAccessOption Qt binds in a private folder and renames over the path, so on Unix a
    // stale file rarely gets here; a named pipe on Windows dies with its process.)
    qCInfo(lcInstance) << "Taking over the socket of an instance that is gone:" << m_key;
    QLocalServer::removeServer(m_key);
    if (listen())
        return m_role = Primary;
    qCWarning(lcInstance) << "Cannot listen on" << m_key << ':' << m_server.errorString()
                          << "- running without the single-instance rule";
    return m_role = Failed;
}

bool SingleInstance::tellRunningInstance()
{
    QLocalSocket socket;
    socket.connectToServer(m_key);
    if (!socket.waitForConnected(connectTimeoutMs))
        return false;
    socket.write(raiseRequest.data(), raiseRequest.size());
    const bool sent = socket.waitForBytesWritten(connectTimeoutMs);
    socket.disconnectFromServer();
    if (socket.state() != QLocalSocket::UnconnectedState)
        socket.waitForDisconnected(connectTimeoutMs);
    return sent;
}

bool SingleInstance::listen()
{
    return m_server.listen(m_key);
}

void SingleInstance::readRequests()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readFrom(socket); });
        // The request may be buffered already (the client wrote and left before we looked).
        QMetaObject::invokeMethod(
            socket, [this, socket] { readFrom(socket); }, Qt::QueuedConnection);
    }
}

void SingleInstance::readFrom(QLocalSocket *socket)
{
    while (socket->canReadLine()) {
        const QByteArray line = socket->readLine(64);
        if (line == raiseRequest)
            Q_EMIT raiseRequested();
        else
            qCInfo(lcInstance) << "Ignoring an unknown request from another instance";
    }
    // A client that sends a long line without its newline is not one of ours.
    if (socket->bytesAvailable() > 64)
        socket->abort();
}
