#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <utility>

class QTcpServer;
class QTcpSocket;

/// @brief One request as the fake server received it, for assertions on what our code sent.
struct RecordedRequest
{
    QByteArray method;
    QString path; ///< percent-decoded path, no query
    QByteArray target; ///< the request target exactly as sent ("/v2/droplets?page=2")
    QUrlQuery query;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QStringList pathArgs; ///< the values matched by '*' segments of the route

    [[nodiscard]] QByteArray header(const QByteArray &name) const; ///< case-insensitive
    [[nodiscard]] QJsonObject json() const; ///< body as a JSON object
};

/// @brief What the fake server answers, including the faults a real network produces.
struct FakeResponse
{
    enum class Fault {
        None,
        Truncate, ///< announce the full Content-Length, send half the body, close
        Close, ///< close the connection without answering
    };
    int status = 200;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    int delayMs = 0; ///< answer this much later (timeouts, parallel refresh)
    Fault fault = Fault::None;

    /// Makes the bytes of a body from @p offset, at most @p maxBytes of them; empty at the end.
    using BodySource = std::function<QByteArray(qint64 offset, qint64 maxBytes)>;
    /// When set, the body (instead of `body`), made piece by piece as the client reads it, so a
    /// test can serve a gigabyte without holding it.
    BodySource source;
    qint64 sourceSize = -1; ///< the source's length (Content-Length); -1: chunked, ends when empty
    int trickleBytes = 0; ///< > 0: the body goes out this many bytes at a time,
    int trickleIntervalMs = 0; ///< this far apart (a slow but live server)
    qint64 stallAfterBytes = -1; ///< >= 0: after this many body bytes, silence; the connection
                                 ///< stays open (a server that hangs mid-reply)

    /// Whether the body is sent piece by piece (a source, a trickle or a stall).
    [[nodiscard]] bool isStreamed() const
    {
        return source || trickleBytes > 0 || stallAfterBytes >= 0;
    }

    [[nodiscard]] static FakeResponse json(const QJsonDocument &document, int status = 200);
    [[nodiscard]] static FakeResponse json(const QJsonObject &object, int status = 200);
    [[nodiscard]] static FakeResponse raw(int status, const QByteArray &body,
                                          const QByteArray &contentType = "application/json");
    /// The file's bytes as the body; a relative @p path is a fixture under tests/data. Fails the
    /// test (and answers 500) if unreadable.
    [[nodiscard]] static FakeResponse file(const QString &path, int status = 200,
                                           const QByteArray &contentType = "application/json");
    /// Sets a header (replacing one of the same name; append to headers for repeated ones).
    /// Content-Length and Connection are added by the server; Content-Type too, if not set.
    FakeResponse &withHeader(const QByteArray &name, const QByteArray &value);
    FakeResponse &withDelay(int ms);
    FakeResponse &withFault(Fault fault);
    /// A body of @p size bytes made by @p source as it is sent (@p size -1: chunked, with no
    /// length announced).
    [[nodiscard]] static FakeResponse generated(qint64 size, BodySource source, int status = 200);
    /// Sends the body @p bytes at a time, every @p intervalMs.
    FakeResponse &withTrickle(int bytes, int intervalMs);
    /// Sends the head and the first @p bytes of the body, then nothing more.
    FakeResponse &withStall(qint64 bytes);
};

/**
 * @brief A local HTTP(S)/1.1 server on 127.0.0.1 that plays a cloud API in tests.
 *
 * Routes match a method and a path pattern where '*' stands for one path segment
 * ("/v2/droplets/ * /actions" without the spaces); the most recently added matching route wins, so
 * a test can override a default. One-shot responses queued with enqueue() are served first, in
 * order. The method "*" matches any method. Every request is recorded (and requestReceived() is
 * emitted) before its handler runs. Keep-alive connections are supported, as QNAM uses them, with
 * several requests per connection (answered in order) and several connections at once; a delayed
 * answer never blocks other connections.
 */
class FakeCloudServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<FakeResponse(const RecordedRequest &)>;

    explicit FakeCloudServer(QObject *parent = nullptr);
    ~FakeCloudServer() override;

    bool listen(); ///< plain HTTP
    bool listenTls(const QSslCertificate &certificate, const QSslKey &key); ///< HTTPS
    /// Presents another certificate from now on (new connections), e.g. to test a changed pin.
    void setCertificate(const QSslCertificate &certificate, const QSslKey &key);
    [[nodiscard]] quint16 port() const;
    /// "http(s)://127.0.0.1:<port>" + @p path
    [[nodiscard]] QUrl url(const QString &path = {}) const;

    /// @p handler runs for every matching request, in the server's (the test's) thread.
    void on(const QByteArray &method, const QString &pathPattern, Handler handler);
    void on(const QByteArray &method, const QString &pathPattern, const FakeResponse &response);
    /// Answers the next matching request only, before any route (FIFO among queued ones).
    void enqueue(const QByteArray &method, const QString &pathPattern,
                 const FakeResponse &response);
    /// What unmatched requests get (default: 404 with a JSON body).
    void setNotFoundResponse(const FakeResponse &response);

    [[nodiscard]] QList<RecordedRequest> requests() const { return m_requests; }
    [[nodiscard]] QList<RecordedRequest> requests(const QByteArray &method,
                                                  const QString &pathPattern) const;
    [[nodiscard]] RecordedRequest lastRequest() const;
    [[nodiscard]] int requestCount() const { return int(m_requests.size()); }
    void clearRequests() { m_requests.clear(); }
    /// Connections accepted so far (tests of connection reuse and of TLS handshakes).
    [[nodiscard]] int connectionCount() const { return m_connections; }
    /// Connections open right now.
    [[nodiscard]] int openConnectionCount() const { return int(m_open.size()); }
    /// Closes every open connection, as a server restart or a load balancer would; clients must
    /// reconnect (and, over TLS, see the current certificate).
    void disconnectAll();

Q_SIGNALS:
    void requestReceived(const RecordedRequest &request);

private:
    struct Route;
    struct Connection;
    struct Stream;
    void onPendingConnection();
    void onReadyRead(QTcpSocket *socket);
    void onDisconnected(QTcpSocket *socket);
    /// Parses and answers the requests buffered on @p socket, one at a time and in order.
    void processBuffer(QTcpSocket *socket);
    void respond(QTcpSocket *socket, RecordedRequest request, bool keepAlive);
    void write(QTcpSocket *socket, const FakeResponse &response, const QByteArray &method,
               bool keepAlive);
    /// The head, then the body of a streamed response piece by piece (pump()).
    void startStream(QTcpSocket *socket, const FakeResponse &response, bool keepAlive);
    void pump(QTcpSocket *socket);
    void endStream(QTcpSocket *socket);
    [[nodiscard]] Handler takeHandler(const RecordedRequest &request, QStringList *args);
    [[nodiscard]] static QByteArray head(const FakeResponse &response, const QByteArray &method,
                                         bool keepAlive);
    [[nodiscard]] static bool matches(const QString &pattern, const QString &path,
                                      QStringList *args);

    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QList<Route *> m_routes;
    QList<Route *> m_queue;
    FakeResponse m_notFound;
    QList<RecordedRequest> m_requests;
    QHash<QTcpSocket *, Connection *> m_open;
    int m_connections = 0;
};
