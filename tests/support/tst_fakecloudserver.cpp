// FakeCloudServer speaks real HTTP/1.1 (keep-alive, pipelining, chunked bodies, faults), routes as
// documented, and the test helpers do what they promise. Checked with raw sockets, byte by byte.
#include "fakecloudserver.h"
#include "testhelpers.h"

#include <QEventLoop>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {
struct RawResponse
{
    int status = 0;
    QByteArray statusLine;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    [[nodiscard]] QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

/// A hand-driven HTTP client: writes exactly the bytes a test gives it.
class RawClient
{
public:
    explicit RawClient(quint16 port, QTcpSocket *socket = nullptr)
        : m_socket(socket ? socket : new QTcpSocket)
    {
        if (!socket)
            m_socket->connectToHost(QHostAddress::LocalHost, port);
    }
    ~RawClient() { delete m_socket; }

    [[nodiscard]] bool waitConnected()
    {
        return spin([this] { return m_socket->state() == QAbstractSocket::ConnectedState; });
    }
    void send(const QByteArray &bytes) { m_socket->write(bytes); }
    /// Waits for @p count complete responses; a HEAD response has no body whatever it announces.
    [[nodiscard]] QList<RawResponse> responses(int count, bool head = false)
    {
        QList<RawResponse> result;
        (void)spin([&] {
            m_buffer += m_socket->readAll();
            while (result.size() < count) {
                RawResponse response;
                if (!takeResponse(&response, head))
                    break;
                result.append(response);
            }
            return result.size() >= count;
        });
        return result;
    }
    /// Everything received until the server closed the connection.
    [[nodiscard]] QByteArray readUntilClosed()
    {
        (void)spin([this] {
            m_buffer += m_socket->readAll();
            return m_socket->state() == QAbstractSocket::UnconnectedState;
        });
        m_buffer += m_socket->readAll();
        return std::exchange(m_buffer, {});
    }
    [[nodiscard]] bool isConnected() const
    {
        return m_socket->state() == QAbstractSocket::ConnectedState;
    }

private:
    /// Runs the event loop until @p done holds, checking whenever the socket has news.
    bool spin(const std::function<bool()> &done, int timeoutMs = 5'000)
    {
        if (done())
            return true;
        QEventLoop loop;
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        const auto check = [&] {
            if (done())
                loop.quit();
        };
        const QMetaObject::Connection connections[] = {
            QObject::connect(m_socket, &QTcpSocket::readyRead, &loop, check),
            QObject::connect(m_socket, &QTcpSocket::stateChanged, &loop, check)};
        loop.exec();
        for (const auto &connection : connections)
            QObject::disconnect(connection);
        return done();
    }

    bool takeResponse(RawResponse *response, bool head)
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        response->statusLine = lines.first().trimmed();
        response->status = response->statusLine.split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            response->headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        }
        const qsizetype length = head ? 0 : response->header("Content-Length").toLongLong();
        if (m_buffer.size() < end + 4 + length)
            return false;
        response->body = m_buffer.mid(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        return true;
    }

    QTcpSocket *m_socket;
    QByteArray m_buffer;
};

QByteArray get(const QByteArray &target, const QByteArray &extra = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}
} // namespace

class TestFakeCloudServer : public QObject
{
    Q_OBJECT
    std::unique_ptr<FakeCloudServer> m_server;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeCloudServer>();
        QVERIFY(m_server->listen());
        QVERIFY(m_server->port() > 0);
        QCOMPARE(m_server->url(QStringLiteral("/v2/x?a=1")).toString(),
                 QStringLiteral("http://127.0.0.1:%1/v2/x?a=1").arg(m_server->port()));
    }
    void cleanup() { m_server.reset(); }

    void keepAliveServesSeveralRequestsOnOneConnection()
    {
        m_server->on("GET", QStringLiteral("/v2/account"),
                     FakeResponse::raw(200, R"({"ok":true})"));
        RawClient client(m_server->port());
        QVERIFY(client.waitConnected());
        for (int i = 0; i < 3; ++i) {
            client.send(get("/v2/account"));
            const QList<RawResponse> responses = client.responses(1);
            QCOMPARE(responses.size(), 1);
            QCOMPARE(responses.first().statusLine, QByteArray("HTTP/1.1 200 OK"));
            QCOMPARE(responses.first().body, QByteArray(R"({"ok":true})"));
            QCOMPARE(responses.first().header("Content-Type"), QByteArray("application/json"));
            QCOMPARE(responses.first().header("Connection"), QByteArray("keep-alive"));
        }
        QVERIFY(client.isConnected());
        QCOMPARE(m_server->connectionCount(), 1);
        QCOMPARE(m_server->requestCount(), 3);
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        m_server->on("GET", QStringLiteral("/slow"), FakeResponse::raw(200, "one").withDelay(150));
        m_server->on("GET", QStringLiteral("/fast"), FakeResponse::raw(200, "two"));
        RawClient client(m_server->port());
        QVERIFY(client.waitConnected());
        client.send(get("/slow") + get("/fast"));
        const QList<RawResponse> responses = client.responses(2);
        QCOMPARE(responses.size(), 2);
        QCOMPARE(responses.at(0).body, QByteArray("one"));
        QCOMPARE(responses.at(1).body, QByteArray("two"));
    }

    void bodyArrivingInPieces()
    {
        m_server->on("POST", QStringLiteral("/v2/droplets"), FakeResponse::raw(202, "{}"));
        RawClient client(m_server->port());
        QVERIFY(client.waitConnected());
        // The head alone first: the server asks for the body with "100 Continue".
        client.send("POST /v2/droplets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    "Expect: 100-continue\r\nContent-Length: 15\r\n\r\n");
        QCOMPARE(client.responses(1).value(0).statusLine, QByteArray("HTTP/1.1 100 Continue"));
        QCOMPARE(m_server->requestCount(), 0);
        client.send("{\"name\":");
        client.send("\"web1\"}");
        QCOMPARE(client.responses(1).value(0).status, 202);
        QCOMPARE(m_server->lastRequest().json().value(QLatin1String("name")).toString(),
                 QStringLiteral("web1"));
    }

    void chunkedRequestBody()
    {
        m_server->on("PUT", QStringLiteral("/v2/tags/*"), FakeResponse::raw(204, {}));
        m_server->on("GET", QStringLiteral("/v2/tags"), FakeResponse::raw(200, "[]"));
        RawClient client(m_server->port());
        QVERIFY(client.waitConnected());
        client.send("PUT /v2/tags/web HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    "4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\nX-Trailer: yes\r\n\r\n"
                    + get("/v2/tags"));
        const QList<RawResponse> responses = client.responses(2);
        QCOMPARE(responses.size(), 2);
        QCOMPARE(responses.at(0).statusLine, QByteArray("HTTP/1.1 204 No Content"));
        QVERIFY(responses.at(0).header("Content-Length").isEmpty());
        QCOMPARE(responses.at(1).body, QByteArray("[]"));
        QCOMPARE(m_server->requests().at(0).body, QByteArray("Wikipedia"));
        QCOMPARE(m_server->requests().at(0).pathArgs, QStringList {QStringLiteral("web")});
    }

    void connectionCloseIsHonoured_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("close") << get("/x", "Connection: close\r\n");
        QTest::newRow("http/1.0") << QByteArray("GET /x HTTP/1.0\r\n\r\n");
    }
    void connectionCloseIsHonoured()
    {
        QFETCH(QByteArray, request);
        RawClient client(m_server->port());
        QVERIFY(client.waitConnected());
        client.send(request);
        const QByteArray received = client.readUntilClosed();
        QVERIFY2(received.startsWith("HTTP/1.1 404 Not Found\r\n"), received.constData());
        QVERIFY(received.contains("\r\nConnection: close\r\n"));
        QVERIFY(!client.isConnected());
    }

    void routing()
    {
        m_server->on("GET", QStringLiteral("/v2/droplets/*"), FakeResponse::raw(200, "old"));
        m_server->on("GET", QStringLiteral("/v2/droplets/*"), FakeResponse::raw(200, "new"));
        m_server->on("*", QStringLiteral("/any"), FakeResponse::raw(200, "any"));
        m_server->enqueue("GET", QStringLiteral("/v2/droplets/*"), FakeResponse::raw(503, "q1"));
        m_server->enqueue("GET", QStringLiteral("/v2/droplets/*"), FakeResponse::raw(502, "q2"));
        RawClient client(m_server->port());
        QVERIFY(client.waitConnected());
        client.send(get("/v2/droplets/1") + get("/v2/droplets/2") + get("/v2/droplets/3")
                    + get("/v2/droplets/1/actions") + get("/v2/droplets/")
                    + "DELETE /any HTTP/1.1\r\n\r\n" + "POST /v2/droplets/4 HTTP/1.1\r\n\r\n");
        const QList<RawResponse> responses = client.responses(7);
        QCOMPARE(responses.size(), 7);
        QCOMPARE(responses.at(0).body, QByteArray("q1")); // one-shots first, in order
        QCOMPARE(responses.at(0).statusLine, QByteArray("HTTP/1.1 503 Service Unavailable"));
        QCOMPARE(responses.at(1).body, QByteArray("q2"));
        QCOMPARE(responses.at(2).body, QByteArray("new")); // then the newest route
        QCOMPARE(responses.at(3).status, 404); // '*' is one segment, not more
        QCOMPARE(responses.at(4).status, 404); // ... and not an empty one
        QCOMPARE(responses.at(5).body, QByteArray("any"));
        QCOMPARE(responses.at(6).status, 404); // method matters
        QCOMPARE(QJsonDocument::fromJson(responses.at(6).body)
                     .object()
                     .value(QLatin1String("id"))
                     .toString(),
                 QStringLiteral("not_found"));
        QCOMPARE(m_server->requests("GET", QStringLiteral("/v2/droplets/*")).size(), 3);
        QCOMPARE(m_server->requests("*", QStringLiteral("/v2/droplets/*")).size(), 4);

        m_server->setNotFoundResponse(FakeResponse::raw(410, "gone", "text/plain"));
        client.send(get("/nowhere"));
        const RawResponse gone = client.responses(1).value(0);
        QCOMPARE(gone.status, 410);
        QCOMPARE(gone.header("Content-Type"), QByteArray("text/plain"));
    }

    void handlerSeesTheRequest()
    {
        m_server->on("GET", QStringLiteral("/v2/*/droplets/*"), [](const RecordedRequest &request) {
            return FakeResponse::raw(200, request.pathArgs.join(QLatin1Char(',')).toUtf8())
                .withHeader("X-Echo", request.header("x-request-id"));
        });
        QSignalSpy received(m_server.get(), &FakeCloudServer::requestReceived);
        RawClient client(m_server->port());
        QVERIFY(client.waitConnected());
        client.send(
            get("/v2/a%20b/droplets/7?tag_name=web%20tier&page=2", "X-Request-ID: r-1\r\n"));
        const RawResponse response = client.responses(1).value(0);
        QCOMPARE(response.body, QByteArray("a b,7"));
        QCOMPARE(response.header("X-Echo"), QByteArray("r-1"));
        QCOMPARE(received.size(), 1);
        const RecordedRequest request = received.at(0).at(0).value<RecordedRequest>();
        QCOMPARE(request.path, QStringLiteral("/v2/a b/droplets/7"));
        QCOMPARE(request.target, QByteArray("/v2/a%20b/droplets/7?tag_name=web%20tier&page=2"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("tag_name"), QUrl::FullyDecoded),
                 QStringLiteral("web tier"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("page")), QStringLiteral("2"));
        QCOMPARE(request.header("X-REQUEST-ID"), QByteArray("r-1"));
        QCOMPARE(m_server->lastRequest().target, request.target);
        m_server->clearRequests();
        QCOMPARE(m_server->requestCount(), 0);
    }

    void delayDoesNotBlockOtherConnections()
    {
        m_server->on("GET", QStringLiteral("/slow"), FakeResponse::raw(200, "slow").withDelay(300));
        m_server->on("GET", QStringLiteral("/fast"), FakeResponse::raw(200, "fast"));
        RawClient slow(m_server->port());
        RawClient fast(m_server->port());
        QVERIFY(slow.waitConnected() && fast.waitConnected());
        slow.send(get("/slow"));
        QTRY_COMPARE(m_server->requestCount(), 1);
        fast.send(get("/fast"));
        QCOMPARE(fast.responses(1).value(0).body, QByteArray("fast"));
        QCOMPARE(m_server->requestCount(), 2);
        QCOMPARE(m_server->openConnectionCount(), 2);
        QCOMPARE(slow.responses(1).value(0).body, QByteArray("slow"));
    }

    void truncateAnnouncesFullLengthThenCloses()
    {
        m_server->on("GET", QStringLiteral("/x"),
                     FakeResponse::raw(200, "0123456789").withFault(FakeResponse::Fault::Truncate));
        RawClient client(m_server->port());
        QVERIFY(client.waitConnected());
        client.send(get("/x"));
        const QByteArray received = client.readUntilClosed();
        QVERIFY(received.contains("\r\nContent-Length: 10\r\n"));
        QVERIFY2(received.endsWith("\r\n\r\n01234"), received.constData());
    }

    void closeFaultAnswersNothing()
    {
        m_server->on("GET", QStringLiteral("/x"),
                     FakeResponse().withFault(FakeResponse::Fault::Close));
        RawClient client(m_server->port());
        QVERIFY(client.waitConnected());
        client.send(get("/x"));
        QCOMPARE(client.readUntilClosed(), QByteArray());
        QCOMPARE(m_server->requestCount(), 1); // recorded all the same
    }

    void headHasNoBody()
    {
        m_server->on("HEAD", QStringLiteral("/x"), FakeResponse::raw(200, "abcdef"));
        m_server->on("GET", QStringLiteral("/y"), FakeResponse::raw(200, "y"));
        RawClient client(m_server->port());
        QVERIFY(client.waitConnected());
        client.send("HEAD /x HTTP/1.1\r\n\r\n");
        const RawResponse head = client.responses(1, true).value(0);
        QCOMPARE(head.header("Content-Length"), QByteArray("6"));
        client.send(get("/y")); // the connection is still in step
        QCOMPARE(client.responses(1).value(0).body, QByteArray("y"));
    }

    void malformedRequestGets400()
    {
        RawClient client(m_server->port());
        QVERIFY(client.waitConnected());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("malformed request")));
        client.send("this is not http\r\n\r\n");
        QVERIFY(client.readUntilClosed().startsWith("HTTP/1.1 400 Bad Request\r\n"));
        QCOMPARE(m_server->requestCount(), 0);
    }

    void disconnectAllClosesConnections()
    {
        RawClient client(m_server->port());
        QVERIFY(client.waitConnected());
        QTRY_COMPARE(m_server->openConnectionCount(), 1);
        m_server->disconnectAll();
        QTRY_VERIFY(!client.isConnected());
        QTRY_COMPARE(m_server->openConnectionCount(), 0);
    }

    void tlsAndCertificateChange()
    {
        const TestCertificate first = makeSelfSignedCertificate();
        const TestCertificate second = makeSelfSignedCertificate(QStringLiteral("other"));
        QVERIFY(!first.isNull() && !second.isNull());
        QCOMPARE(first.sha256().size(), 64);
        FakeCloudServer server;
        QVERIFY(server.listenTls(first.certificate, first.key));
        server.on("GET", QStringLiteral("/x"), FakeResponse::raw(200, "secure"));

        const auto connect = [&](const TestCertificate &trusted) {
            auto *socket = new QSslSocket;
            QSslConfiguration configuration = socket->sslConfiguration();
            configuration.setCaCertificates({trusted.certificate});
            socket->setSslConfiguration(configuration);
            socket->setPeerVerifyName(QStringLiteral("127.0.0.1"));
            socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.port());
            return socket;
        };
        {
            QSslSocket *socket = connect(first);
            RawClient client(0, socket);
            QTRY_VERIFY(socket->isEncrypted());
            QCOMPARE(socket->peerCertificate(), first.certificate);
            client.send(get("/x"));
            QCOMPARE(client.responses(1).value(0).body, QByteArray("secure"));
        }
        server.setCertificate(second.certificate, second.key);
        {
            QSslSocket *socket = connect(second);
            RawClient client(0, socket);
            QTRY_VERIFY(socket->isEncrypted());
            QCOMPARE(socket->peerCertificate(), second.certificate);
        }
        QCOMPARE(server.connectionCount(), 2);
    }

    void fixtureHelpers()
    {
        QCOMPARE(testDataDir(), QStringLiteral(DATA_DIR));
        QCOMPARE(testDataPath(QStringLiteral("digitalocean/x.json")),
                 QStringLiteral(DATA_DIR "/digitalocean/x.json"));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(QStringLiteral("reply.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"droplets":[]})");
        file.close();
        const FakeResponse response = FakeResponse::file(file.fileName(), 201);
        QCOMPARE(response.status, 201);
        QCOMPARE(response.body, QByteArray(R"({"droplets":[]})"));
    }

    void runProcessCollectsOutput()
    {
        const CliRun run =
            runProcess(QStringLiteral("sh"),
                       {QStringLiteral("-c"), QStringLiteral("cat; echo oops >&2; exit 3")},
                       "secret on stdin\n");
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(run.out, QByteArray("secret on stdin\n"));
        QCOMPARE(run.err, QByteArray("oops\n"));
    }

    void runProcessKeepsTheServerAnswering()
    {
        // The child talks to the fake server in this thread: only works if we do not block.
        m_server->on("GET", QStringLiteral("/v2/account"), FakeResponse::raw(200, "pong"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PORT"), QString::number(m_server->port()));
        const CliRun run = runProcess(
            QStringLiteral("bash"),
            {QStringLiteral("-c"),
             QStringLiteral(
                 "exec 3<>/dev/tcp/127.0.0.1/$PORT; "
                 "printf 'GET /v2/account HTTP/1.1\\r\\nConnection: close\\r\\n\\r\\n' >&3; "
                 "cat <&3")},
            {}, env, 10'000);
        QVERIFY2(run.finished, qPrintable(run.errorString));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.endsWith("\r\n\r\npong"), run.out.constData());
        QCOMPARE(m_server->requestCount(), 1);
    }

    void runProcessTimeoutAndMissingProgram()
    {
        const CliRun slow = runProcess(QStringLiteral("sleep"), {QStringLiteral("30")}, {},
                                       QProcessEnvironment::systemEnvironment(), 200);
        QVERIFY(!slow.finished);
        QVERIFY(slow.timedOut);
        const CliRun missing = runProcess(QStringLiteral("/nonexistent/clouddeck-cli"), {});
        QVERIFY(!missing.finished);
        QVERIFY(!missing.timedOut);
        QVERIFY(!missing.errorString.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFakeCloudServer)
#include "tst_fakecloudserver.moc"
