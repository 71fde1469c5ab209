#include "fakecloudserver.h"

#include "fakecloudserverconnection.h"

#include <QDateTime>
#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

Q_LOGGING_CATEGORY(lcFakeServer, "clouddeck.test.fakeserver", QtWarningMsg)

struct FakeCloudServer::Route
{
    QByteArray method; ///< "*" matches any method
    QString pattern;
    Handler handler;
};

namespace {
QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 412:
        return "Precondition Failed";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        break;
    }
    return "Unknown";
}

bool hasHeader(const QList<std::pair<QByteArray, QByteArray>> &headers, const QByteArray &name)
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

RecordedRequest toRecorded(const HttpRequestParser::Request &parsed)
{
    RecordedRequest request;
    request.method = parsed.method;
    request.target = parsed.target;
    request.headers = parsed.headers;
    request.body = parsed.body;
    // Absolute-form targets ("http://host/path") are legal too; keep only path and query.
    QByteArray originForm = parsed.target;
    if (!originForm.startsWith('/')) {
        const QUrl absolute(QString::fromLatin1(originForm));
        originForm = absolute.path(QUrl::FullyEncoded).toLatin1();
        if (absolute.hasQuery())
            originForm += '?' + absolute.query(QUrl::FullyEncoded).toLatin1();
    }
    const qsizetype question = originForm.indexOf('?');
    const QByteArray rawPath = question < 0 ? originForm : originForm.left(question);
    request.path = QUrl::fromPercentEncoding(rawPath);
    if (question >= 0)
        request.query = QUrlQuery(QString::fromLatin1(originForm.mid(question + 1)));
    return request;
}
} // namespace

FakeCloudServer::FakeCloudServer(QObject *parent)
    : QObject(parent)
    , m_notFound(FakeResponse::raw(
          404,
          R"({"id":"not_found","message":"The resource you were accessing could not be found."})"))
{ }

FakeCloudServer::~FakeCloudServer()
{
    for (auto it = m_open.cbegin(); it != m_open.cend(); ++it) {
        it.key()->disconnect(this);
        it.key()->abort();
        delete it.value()->stream;
        delete it.value();
    }
    m_open.clear();
    qDeleteAll(m_routes);
    qDeleteAll(m_queue);
}

bool FakeCloudServer::listen()
{
    if (m_server)
        return false;
    m_tls = false;
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this,
            &FakeCloudServer::onPendingConnection);
    connect(m_server, &QTcpServer::newConnection, this, [this] { ++m_connections; });
    return m_server->listen(QHostAddress::LocalHost, 0);
}

bool FakeCloudServer::listenTls(const QSslCertificate &certificate, const QSslKey &key)
{
    if (m_server || certificate.isNull() || key.isNull())
        return false;
    m_tls = true;
    auto *server = new QSslServer(this);
    m_server = server;
    setCertificate(certificate, key);
    // QSslServer hands out a socket only after its handshake; a refused handshake is still counted.
    connect(server, &QTcpServer::pendingConnectionAvailable, this,
            &FakeCloudServer::onPendingConnection);
    connect(server, &QTcpServer::newConnection, this, [this] { ++m_connections; });
    connect(server, &QSslServer::errorOccurred, this,
            [](QSslSocket *, QAbstractSocket::SocketError error) {
                qCDebug(lcFakeServer) << "TLS connection failed:" << error;
            });
    return server->listen(QHostAddress::LocalHost, 0);
}

void FakeCloudServer::setCertificate(const QSslCertificate &certificate, const QSslKey &key)
{
    m_certificate = certificate;
    m_key = key;
    if (auto *server = qobject_cast<QSslServer *>(m_server)) {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(certificate);
        configuration.setPrivateKey(key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        server->setSslConfiguration(configuration); // used for every socket accepted from now on
    }
}

quint16 FakeCloudServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QUrl FakeCloudServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2")
                    .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
                    .arg(port())
                + path);
}

void FakeCloudServer::on(const QByteArray &method, const QString &pathPattern, Handler handler)
{
    m_routes.append(new Route {method.toUpper(), pathPattern, std::move(handler)});
}

void FakeCloudServer::on(const QByteArray &method, const QString &pathPattern,
                         const FakeResponse &response)
{
    on(method, pathPattern, [response](const RecordedRequest &) { return response; });
}

void FakeCloudServer::enqueue(const QByteArray &method, const QString &pathPattern,
                              const FakeResponse &response)
{
    m_queue.append(new Route {method.toUpper(), pathPattern, [response](const RecordedRequest &) {
                                  return response;
                              }});
}

void FakeCloudServer::setNotFoundResponse(const FakeResponse &response)
{
    m_notFound = response;
}

QList<RecordedRequest> FakeCloudServer::requests(const QByteArray &method,
                                                 const QString &pathPattern) const
{
    QList<RecordedRequest> found;
    for (const RecordedRequest &request : m_requests) {
        if ((method == "*" || request.method == method.toUpper())
            && matches(pathPattern, request.path, nullptr))
            found.append(request);
    }
    return found;
}

RecordedRequest FakeCloudServer::lastRequest() const
{
    return m_requests.isEmpty() ? RecordedRequest() : m_requests.constLast();
}

void FakeCloudServer::disconnectAll()
{
    const QList<QTcpSocket *> sockets = m_open.keys();
    for (QTcpSocket *socket : sockets) {
        if (Connection *connection = m_open.value(socket))
            connection->closing = true;
        socket->disconnectFromHost();
    }
}

bool FakeCloudServer::matches(const QString &pattern, const QString &path, QStringList *args)
{
    // Compare segment by segment on the raw path, so an encoded '/' (%2F) stays inside its segment.
    const QStringList want = pattern.split(QLatin1Char('/'));
    const QStringList have = path.split(QLatin1Char('/'));
    if (want.size() != have.size())
        return false;
    QStringList captured;
    for (qsizetype i = 0; i < want.size(); ++i) {
        if (want.at(i) == QLatin1String("*")) {
            if (have.at(i).isEmpty())
                return false;
            captured.append(have.at(i));
        } else if (want.at(i) != have.at(i)) {
            return false;
        }
    }
    if (args)
        *args = captured;
    return true;
}

FakeCloudServer::Handler FakeCloudServer::takeHandler(const RecordedRequest &request,
                                                      QStringList *args)
{
    const auto routeMatches = [&](const Route *route) {
        return (route->method == "*" || route->method == request.method)
               && matches(route->pattern, request.path, args);
    };
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        if (routeMatches(m_queue.at(i))) {
            Route *route = m_queue.takeAt(i);
            Handler handler = std::move(route->handler);
            delete route;
            return handler;
        }
    }
    for (qsizetype i = m_routes.size() - 1; i >= 0; --i) {
        if (routeMatches(m_routes.at(i)))
            return m_routes.at(i)->handler;
    }
    args->clear();
    return {};
}

void FakeCloudServer::onPendingConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_open.insert(socket, new Connection);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this,
                [this, socket] { onDisconnected(socket); });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void FakeCloudServer::onReadyRead(QTcpSocket *socket)
{
    Connection *connection = m_open.value(socket);
    if (!connection)
        return;
    connection->parser.append(socket->readAll());
    processBuffer(socket);
}

void FakeCloudServer::onDisconnected(QTcpSocket *socket)
{
    Connection *connection = m_open.take(socket);
    if (connection)
        delete connection->stream;
    delete connection;
    socket->deleteLater(); // also cancels any delayed answer, whose timer lives on the socket
}

void FakeCloudServer::processBuffer(QTcpSocket *socket)
{
    Connection *connection = m_open.value(socket);
    // One request at a time: HTTP/1.1 answers in request order even when pipelined.
    while (connection && !connection->busy && !connection->closing) {
        HttpRequestParser::Request parsed;
        const HttpRequestParser::Status status = connection->parser.take(&parsed);
        if (status == HttpRequestParser::Status::Incomplete) {
            if (!connection->continueSent && connection->parser.headExpectsContinue()) {
                // The client waits for this before it sends the body.
                connection->continueSent = true;
                socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            return;
        }
        if (status == HttpRequestParser::Status::Malformed) {
            qCWarning(lcFakeServer).noquote()
                << "malformed request:" << connection->parser.errorString();
            connection->closing = true;
            write(socket, FakeResponse::raw(400, R"({"id":"bad_request","message":"malformed"})"),
                  "GET", false);
            return;
        }
        connection->busy = true;
        connection->continueSent = false;
        if (!parsed.keepAlive)
            connection->closing = true;
        respond(socket, toRecorded(parsed), parsed.keepAlive);
        connection = m_open.value(socket); // respond() may have dropped the connection
    }
}

void FakeCloudServer::respond(QTcpSocket *socket, RecordedRequest request, bool keepAlive)
{
    const Handler handler = takeHandler(request, &request.pathArgs);
    m_requests.append(request);
    QPointer<QTcpSocket> guard(socket);
    Q_EMIT requestReceived(request);
    const FakeResponse response = handler ? handler(request) : m_notFound;
    if (!guard || !m_open.contains(socket))
        return;

    const QByteArray method = request.method;
    auto answer = [this, socket, response, method, keepAlive] {
        Connection *connection = m_open.value(socket);
        if (!connection)
            return;
        switch (response.fault) {
        case FakeResponse::Fault::Close:
            connection->closing = true;
            socket->disconnectFromHost();
            return;
        case FakeResponse::Fault::Truncate:
            connection->closing = true;
            write(socket, response, method, keepAlive); // write() cuts the connection
            return;
        case FakeResponse::Fault::None:
            break;
        }
        if (response.isStreamed() && method != "HEAD")
            return startStream(socket, response, keepAlive); // ends in endStream()
        write(socket, response, method, keepAlive);
        connection->busy = false;
        if (!connection->closing && !connection->parser.isEmpty())
            processBuffer(socket);
    };
    if (response.delayMs > 0)
        QTimer::singleShot(response.delayMs, socket, answer); // dies with the socket
    else
        answer();
}

QByteArray FakeCloudServer::head(const FakeResponse &response, const QByteArray &method,
                                 bool keepAlive)
{
    // No body for HEAD, 1xx, 204 and 304 (RFC 9110 section 6.4.1).
    const bool bodyless = method == "HEAD" || response.status < 200 || response.status == 204
                          || response.status == 304;
    const bool chunked = response.source && response.sourceSize < 0;
    const qint64 length = response.source ? response.sourceSize : response.body.size();
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
                      + reasonPhrase(response.status) + "\r\n";
    head += "Date: "
            + QLocale::c()
                  .toString(QDateTime::currentDateTimeUtc(),
                            QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                  .toLatin1()
            + "\r\n";
    head += "Server: FakeCloudServer\r\n";
    if (!bodyless && !hasHeader(response.headers, "Content-Type")
        && (length != 0 || response.source))
        head += "Content-Type: application/json\r\n";
    if (chunked && !bodyless)
        head += "Transfer-Encoding: chunked\r\n";
    else if (response.status != 204 && response.status >= 200 && length >= 0
             && !hasHeader(response.headers, "Content-Length")
             && !hasHeader(response.headers, "Transfer-Encoding"))
        head += "Content-Length: " + QByteArray::number(length) + "\r\n";
    head += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    head += "\r\n";
    return head;
}

void FakeCloudServer::write(QTcpSocket *socket, const FakeResponse &response,
                            const QByteArray &method, bool keepAlive)
{
    const bool truncate = response.fault == FakeResponse::Fault::Truncate;
    const bool bodyless = method == "HEAD" || response.status < 200 || response.status == 204
                          || response.status == 304;
    QByteArray bytes = head(response, method, keepAlive);
    // One write: QTcpSocket sends each write() as its own segment, and Nagle's algorithm would
    // hold a separate body back until the client's delayed ACK, 40 ms per response.
    if (!bodyless)
        bytes += truncate ? response.body.left(response.body.size() / 2) : response.body;
    socket->write(bytes);
    if (!keepAlive || truncate)
        socket->disconnectFromHost(); // after the bytes above are written
}
