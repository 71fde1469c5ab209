// HttpClient against a real local HTTP(S) server: every error kind, every retry path, pacing,
// pinning, redaction and the async contract (exactly once, never synchronously, never after
// delete).
#include "fakecloudserver.h"
#include "httpclient.h"
#include "httperrortext.h"
#include "testhelpers.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QLocale>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <array>

namespace {
/// A callback's result, and how often it came.
template<typename T>
struct Outcome
{
    std::optional<Result<T>> result;
    int calls = 0;
    QEventLoop *loop = nullptr;

    Callback<T> callback()
    {
        return [this](Result<T> value) {
            ++calls;
            result.emplace(std::move(value));
            if (loop)
                loop->quit();
        };
    }
    /// Runs the event loop until the callback came. A real event loop rather than qWaitFor(),
    /// which sleeps 10 ms between polls and would make every request look 60 ms slow.
    [[nodiscard]] bool wait(int timeoutMs = 15'000)
    {
        if (!result) {
            QEventLoop eventLoop;
            QTimer::singleShot(timeoutMs, &eventLoop, &QEventLoop::quit);
            loop = &eventLoop;
            eventLoop.exec();
            loop = nullptr;
        }
        return result.has_value();
    }
    [[nodiscard]] const Error &error() const { return result->error(); }
};

HttpClient::RetryPolicy fastRetries()
{
    HttpClient::RetryPolicy policy;
    policy.maxRetries = 3;
    policy.baseDelayMs = 5;
    policy.maxDelayMs = 40;
    policy.maxRetryAfterSeconds = 3;
    return policy;
}

/// DigitalOcean's error body: {"id": "...", "message": "..."}.
HttpClient::ProviderError readProviderError(const HttpResponse &response)
{
    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    return {body.value(QLatin1String("id")).toString(),
            body.value(QLatin1String("message")).toString()};
}

FakeResponse errorBody(int status, const char *id, const char *message)
{
    return FakeResponse::json(QJsonObject {{QStringLiteral("id"), QLatin1String(id)},
                                           {QStringLiteral("message"), QLatin1String(message)}},
                              status);
}

/// Log lines of clouddeck.net while alive, at every level.
class LogCapture
{
public:
    LogCapture()
    {
        s_lines.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("clouddeck.net*=true"));
        m_previous = qInstallMessageHandler(&LogCapture::handler);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QString());
    }
    [[nodiscard]] QString all() const { return s_lines.join(QLatin1Char('\n')); }

private:
    static void handler(QtMsgType, const QMessageLogContext &context, const QString &message)
    {
        if (context.category && QByteArray(context.category).startsWith("clouddeck.net"))
            s_lines.append(message);
    }
    static inline QStringList s_lines;
    QtMessageHandler m_previous = nullptr;
};
} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<HttpClient> m_client;

    Result<HttpResponse> get(const QString &path)
    {
        Outcome<HttpResponse> outcome;
        m_client->send(HttpRequest::get(m_server->url(path)), outcome.callback());
        if (!outcome.wait())
            return Error(Error::Cancelled, QStringLiteral("test: no callback within 15 s"));
        return *outcome.result;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeCloudServer>();
        QVERIFY(m_server->listen());
        m_client = std::make_unique<HttpClient>();
        m_client->setRetryPolicy(fastRetries());
        m_client->setErrorReader(&readProviderError);
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void successWithJson()
    {
        m_server->on("GET", QStringLiteral("/v2/account"),
                     FakeResponse::json(QJsonObject {
                         {QStringLiteral("account"),
                          QJsonObject {{QStringLiteral("email"), QStringLiteral("ops@example.com")},
                                       {QStringLiteral("droplet_limit"), 25}}}}));
        m_client->setAuthorizer(
            [](HttpRequest &request) { request.setHeader("Authorization", "Bearer t0ken"); });
        Outcome<QJsonObject> outcome;
        m_client->sendJson(HttpRequest::get(m_server->url(QStringLiteral("/v2/account"))),
                           outcome.callback());
        QVERIFY(outcome.wait());
        QVERIFY2(outcome.result->ok(), qPrintable(outcome.error().message()));
        const QJsonObject account =
            outcome.result->value().value(QLatin1String("account")).toObject();
        QCOMPARE(account.value(QLatin1String("email")).toString(),
                 QStringLiteral("ops@example.com"));
        QCOMPARE(account.value(QLatin1String("droplet_limit")).toInt(), 25);
        QCOMPARE(outcome.calls, 1);

        QCOMPARE(m_server->requestCount(), 1);
        const RecordedRequest request = m_server->lastRequest();
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.path, QStringLiteral("/v2/account"));
        QCOMPARE(request.header("Authorization"), QByteArray("Bearer t0ken"));
        QVERIFY(request.header("User-Agent").startsWith("CloudDeck/"));
        QVERIFY(request.body.isEmpty());
        QCOMPARE(m_client->pendingRequests(), 0);
    }

    void postSendsJsonBodyAndQuery()
    {
        m_server->on(
            "POST", QStringLiteral("/v2/droplets/*/actions"),
            FakeResponse::json(QJsonObject {{QStringLiteral("action"), QJsonObject()}}, 201));
        QUrl url = m_server->url(QStringLiteral("/v2/droplets/3164494/actions"));
        url.setQuery(QStringLiteral("tag_name=web%20tier&per_page=200"));
        Outcome<HttpResponse> outcome;
        m_client->send(HttpRequest::json("POST", url,
                                         QJsonDocument(QJsonObject {
                                             {QStringLiteral("type"), QStringLiteral("reboot")}})),
                       outcome.callback());
        QVERIFY(outcome.wait());
        QVERIFY(outcome.result->ok());
        QCOMPARE(outcome.result->value().status, 201);

        const RecordedRequest request = m_server->lastRequest();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.pathArgs, QStringList {QStringLiteral("3164494")});
        QCOMPARE(request.query.queryItemValue(QStringLiteral("tag_name"), QUrl::FullyDecoded),
                 QStringLiteral("web tier"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("per_page")), QStringLiteral("200"));
        QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(request.json().value(QLatin1String("type")).toString(), QStringLiteral("reboot"));
    }

    void errorKinds_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("messagePart");
        QTest::addColumn<QString>("providerCode");

        QTest::newRow("401") << 401 << int(Error::Auth)
                             << QStringLiteral("credentials were rejected")
                             << QStringLiteral("unauthorized");
        QTest::newRow("403") << 403 << int(Error::Forbidden)
                             << QStringLiteral("not allowed to do this")
                             << QStringLiteral("forbidden");
        QTest::newRow("404") << 404 << int(Error::NotFound) << QStringLiteral("Not found")
                             << QStringLiteral("not_found");
        QTest::newRow("409") << 409 << int(Error::BadRequest)
                             << QStringLiteral("refused the request") << QStringLiteral("conflict");
        QTest::newRow("422") << 422 << int(Error::BadRequest)
                             << QStringLiteral("refused the request")
                             << QStringLiteral("unprocessable_entity");
        QTest::newRow("500") << 500 << int(Error::Server) << QStringLiteral("problem on its side")
                             << QStringLiteral("server_error");
    }
    void errorKinds()
    {
        QFETCH(int, status);
        QFETCH(int, kind);
        QFETCH(QString, messagePart);
        QFETCH(QString, providerCode);
        const QByteArray code = providerCode.toUtf8();
        m_server->on("GET", QStringLiteral("/v2/droplets"),
                     errorBody(status, code.constData(), "Name is already in use."));

        const Result<HttpResponse> result = get(QStringLiteral("/v2/droplets"));
        QVERIFY(!result.ok());
        QCOMPARE(int(result.error().kind()), kind);
        QCOMPARE(result.error().httpStatus(), status);
        QCOMPARE(result.error().providerCode(), providerCode);
        const QString message = result.error().message();
        QVERIFY2(message.contains(messagePart), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("HTTP %1: Name is already in use.").arg(status)),
                 qPrintable(message));
        // None of these is worth repeating: the same request gets the same answer.
        QCOMPARE(m_server->requestCount(), 1);
    }

    void errorWithoutProviderMessage()
    {
        m_server->on("GET", QStringLiteral("/v2/droplets"), FakeResponse::raw(401, "", ""));
        const Result<HttpResponse> result = get(QStringLiteral("/v2/droplets"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::Auth);
        QVERIFY2(result.error().message().contains(QStringLiteral("(HTTP 401)")),
                 qPrintable(result.error().message()));
        QVERIFY(result.error().providerCode().isEmpty());
    }

    void retriesTransientServerErrorThenSucceeds()
    {
        m_server->enqueue("GET", QStringLiteral("/v2/droplets"),
                          errorBody(503, "service_unavailable", "Try again."));
        m_server->on("GET", QStringLiteral("/v2/droplets"),
                     FakeResponse::json(QJsonObject {{QStringLiteral("droplets"), QJsonArray()}}));
        const Result<HttpResponse> result = get(QStringLiteral("/v2/droplets"));
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QCOMPARE(result.value().status, 200);
        QCOMPARE(m_server->requestCount(), 2);
    }

    void transientServerErrorsUpToTheLimit_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("502") << 502;
        QTest::newRow("503") << 503;
        QTest::newRow("504") << 504;
    }
    void transientServerErrorsUpToTheLimit()
    {
        QFETCH(int, status);
        m_server->on("GET", QStringLiteral("/v2/droplets"), errorBody(status, "gateway", "Oops."));
        const Result<HttpResponse> result = get(QStringLiteral("/v2/droplets"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::Server);
        QCOMPARE(result.error().httpStatus(), status);
        QCOMPARE(m_server->requestCount(), fastRetries().maxRetries + 1);
    }

    void retryBackoffGrows()
    {
        HttpClient::RetryPolicy policy = fastRetries();
        policy.baseDelayMs = 40;
        policy.maxDelayMs = 10'000;
        policy.maxRetries = 2;
        m_client->setRetryPolicy(policy);
        QList<qint64> arrivals;
        QElapsedTimer clock;
        clock.start();
        connect(m_server.get(), &FakeCloudServer::requestReceived, this,
                [&] { arrivals.append(clock.elapsed()); });
        m_server->on("GET", QStringLiteral("/v2/droplets"), errorBody(502, "bad_gateway", "x"));
        QVERIFY(!get(QStringLiteral("/v2/droplets")).ok());
        QCOMPARE(arrivals.size(), 3);
        // base, then twice base (plus jitter below half the base); a coarse timer may fire up to
        // 5% early
        const qint64 first = arrivals.at(1) - arrivals.at(0);
        const qint64 second = arrivals.at(2) - arrivals.at(1);
        QVERIFY2(first >= 38, qPrintable(QString::number(first)));
        QVERIFY2(second >= 76, qPrintable(QString::number(second)));
    }

    void rateLimitedWithRetryAfterThenSucceeds_data()
    {
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("minimumWaitMs");
        QTest::newRow("0") << QByteArray("0") << 0;
        QTest::newRow("1") << QByteArray("1") << 950;
    }
    void rateLimitedWithRetryAfterThenSucceeds()
    {
        QFETCH(QByteArray, retryAfter);
        QFETCH(int, minimumWaitMs);
        m_server->enqueue("GET", QStringLiteral("/v2/droplets"),
                          errorBody(429, "too_many_requests", "API rate limit exceeded.")
                              .withHeader("Retry-After", retryAfter));
        m_server->on("GET", QStringLiteral("/v2/droplets"), FakeResponse::json(QJsonObject()));
        QList<qint64> arrivals;
        QElapsedTimer clock;
        clock.start();
        connect(m_server.get(), &FakeCloudServer::requestReceived, this,
                [&] { arrivals.append(clock.elapsed()); });

        const Result<HttpResponse> result = get(QStringLiteral("/v2/droplets"));
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QCOMPARE(arrivals.size(), 2);
        QVERIFY2(arrivals.at(1) - arrivals.at(0) >= minimumWaitMs,
                 qPrintable(QStringLiteral("waited %1 ms").arg(arrivals.at(1) - arrivals.at(0))));
    }

    void rateLimitedPostIsRetried()
    {
        // 429 means "not processed": even a POST is safe to send again.
        m_server->enqueue(
            "POST", QStringLiteral("/v2/droplets"),
            errorBody(429, "too_many_requests", "Slow down.").withHeader("Retry-After", "0"));
        m_server->on(
            "POST", QStringLiteral("/v2/droplets"),
            FakeResponse::json(QJsonObject {{QStringLiteral("droplet"), QJsonObject()}}, 202));
        Outcome<HttpResponse> outcome;
        m_client->send(HttpRequest::json("POST", m_server->url(QStringLiteral("/v2/droplets")),
                                         QJsonDocument(QJsonObject {
                                             {QStringLiteral("name"), QStringLiteral("web-1")}})),
                       outcome.callback());
        QVERIFY(outcome.wait());
        QVERIFY2(outcome.result->ok(), qPrintable(outcome.error().message()));
        QCOMPARE(outcome.result->value().status, 202);
        const QList<RecordedRequest> posts =
            m_server->requests("POST", QStringLiteral("/v2/droplets"));
        QCOMPARE(posts.size(), 2);
        QCOMPARE(posts.at(0).body, posts.at(1).body);
    }

    void rateLimitedBeyondPatienceIsReported()
    {
        m_server->on("GET", QStringLiteral("/v2/droplets"),
                     errorBody(429, "too_many_requests", "Come back in an hour.")
                         .withHeader("Retry-After", "3600"));
        const Result<HttpResponse> result = get(QStringLiteral("/v2/droplets"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::RateLimited);
        QCOMPARE(result.error().retryAfterSeconds(), 3600);
        QVERIFY(result.error().message().contains(QStringLiteral("Come back in an hour.")));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void rateLimitedWithoutRetryAfterGivesUpAfterRetries()
    {
        m_server->on("GET", QStringLiteral("/v2/droplets"),
                     errorBody(429, "too_many_requests", "Slow down."));
        const Result<HttpResponse> result = get(QStringLiteral("/v2/droplets"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::RateLimited);
        QCOMPARE(result.error().retryAfterSeconds(), -1);
        QCOMPARE(m_server->requestCount(), fastRetries().maxRetries + 1);
    }

    void serverErrorOnPostIsNotRetried_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("500") << 500;
        QTest::newRow("503") << 503;
    }
    void serverErrorOnPostIsNotRetried()
    {
        QFETCH(int, status);
        // The server may have acted before failing: sending again could create a second machine.
        m_server->on("POST", QStringLiteral("/v2/droplets"),
                     errorBody(status, "server_error", "x"));
        Outcome<HttpResponse> outcome;
        m_client->send(HttpRequest::json("POST", m_server->url(QStringLiteral("/v2/droplets")),
                                         QJsonDocument(QJsonObject())),
                       outcome.callback());
        QVERIFY(outcome.wait());
        QVERIFY(!outcome.result->ok());
        QCOMPARE(outcome.error().kind(), Error::Server);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void explicitlyIdempotentPostIsRetried()
    {
        m_server->enqueue("POST", QStringLiteral("/v2/query"), errorBody(503, "unavailable", "x"));
        m_server->on("POST", QStringLiteral("/v2/query"), FakeResponse::json(QJsonObject()));
        HttpRequest request = HttpRequest::json("POST", m_server->url(QStringLiteral("/v2/query")),
                                                QJsonDocument(QJsonObject()));
        request.idempotent = true;
        Outcome<HttpResponse> outcome;
        m_client->send(request, outcome.callback());
        QVERIFY(outcome.wait());
        QVERIFY(outcome.result->ok());
        QCOMPARE(m_server->requestCount(), 2);
    }

    void closedConnectionIsRetriedThenNetworkError()
    {
        m_server->on("GET", QStringLiteral("/v2/droplets"),
                     FakeResponse().withFault(FakeResponse::Fault::Close));
        const Result<HttpResponse> result = get(QStringLiteral("/v2/droplets"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::Network);
        QVERIFY2(result.error().message().contains(QStringLiteral("127.0.0.1")),
                 qPrintable(result.error().message()));
        // Each of our attempts reached the server (QNAM may add its own resend on a reused
        // connection, so at least, not exactly).
        QVERIFY2(m_server->requestCount() >= fastRetries().maxRetries + 1,
                 qPrintable(QString::number(m_server->requestCount())));
    }

    void closedConnectionRecovers()
    {
        m_server->enqueue("GET", QStringLiteral("/v2/droplets"),
                          FakeResponse().withFault(FakeResponse::Fault::Close));
        m_server->on("GET", QStringLiteral("/v2/droplets"), FakeResponse::json(QJsonObject()));
        const Result<HttpResponse> result = get(QStringLiteral("/v2/droplets"));
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QCOMPARE(m_server->requestCount(), 2);
    }

    void closedConnectionOnPostIsNotRetried()
    {
        m_server->on("POST", QStringLiteral("/v2/droplets"),
                     FakeResponse().withFault(FakeResponse::Fault::Close));
        int attempts = 0;
        m_client->setAuthorizer([&](HttpRequest &) { ++attempts; });
        Outcome<HttpResponse> outcome;
        m_client->send(HttpRequest::json("POST", m_server->url(QStringLiteral("/v2/droplets")),
                                         QJsonDocument(QJsonObject())),
                       outcome.callback());
        QVERIFY(outcome.wait());
        QVERIFY(!outcome.result->ok());
        QCOMPARE(outcome.error().kind(), Error::Network);
        QCOMPARE(attempts, 1); // HttpClient itself never sent it again
        // Known limit of QNAM (Qt 6.4): when a connection closes before any byte of the reply,
        // QHttpNetworkConnectionChannel resends the request once on its own, whatever the method.
        // HttpClient cannot turn that off; at least it never adds its own retries to it.
        QVERIFY2(m_server->requestCount() <= 2,
                 qPrintable(QString::number(m_server->requestCount())));
    }

    void truncatedBodyIsInvalidReplyAfterRetries()
    {
        m_server->on(
            "GET", QStringLiteral("/v2/droplets"),
            FakeResponse::raw(200, QByteArray(R"({"droplets":[)") + QByteArray(400, ' ') + "]}")
                .withFault(FakeResponse::Fault::Truncate));
        const Result<HttpResponse> result = get(QStringLiteral("/v2/droplets"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::InvalidReply);
        QVERIFY2(result.error().message().contains(QStringLiteral("cut off")),
                 qPrintable(result.error().message()));
        QCOMPARE(m_server->requestCount(), fastRetries().maxRetries + 1);
    }

    void truncatedBodyRecovers()
    {
        m_server->enqueue("GET", QStringLiteral("/v2/droplets"),
                          FakeResponse::raw(200, R"({"droplets":[1,2,3,4,5,6]})")
                              .withFault(FakeResponse::Fault::Truncate));
        m_server->on("GET", QStringLiteral("/v2/droplets"),
                     FakeResponse::raw(200, R"({"droplets":[1,2,3,4,5,6]})"));
        Outcome<QJsonObject> outcome;
        m_client->sendJson(HttpRequest::get(m_server->url(QStringLiteral("/v2/droplets"))),
                           outcome.callback());
        QVERIFY(outcome.wait());
        QVERIFY2(outcome.result->ok(), qPrintable(outcome.error().message()));
        QCOMPARE(outcome.result->value().value(QLatin1String("droplets")).toArray().size(), 6);
    }

    void timeout()
    {
        m_client->setTimeoutMs(150);
        m_server->on("GET", QStringLiteral("/v2/droplets"),
                     FakeResponse::json(QJsonObject()).withDelay(3'000));
        QElapsedTimer clock;
        clock.start();
        const Result<HttpResponse> result = get(QStringLiteral("/v2/droplets"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::Timeout);
        QVERIFY2(result.error().message().contains(QStringLiteral("did not answer within 0.15 s")),
                 qPrintable(result.error().message()));
        QVERIFY(clock.elapsed() < 3'000); // it did not wait for the late answer
        QCOMPARE(m_server->requestCount(), 1);
    }

    void perRequestTimeoutWins()
    {
        m_client->setTimeoutMs(60'000);
        m_server->on("GET", QStringLiteral("/v2/slow"),
                     FakeResponse::json(QJsonObject()).withDelay(3'000));
        HttpRequest request = HttpRequest::get(m_server->url(QStringLiteral("/v2/slow")));
        request.timeoutMs = 100;
        Outcome<HttpResponse> outcome;
        m_client->send(request, outcome.callback());
        QVERIFY(outcome.wait(2'000));
        QCOMPARE(outcome.error().kind(), Error::Timeout);
    }

    void invalidJson_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("garbage") << QByteArray("<html>Bad gateway</html>")
                                 << QStringLiteral("not valid JSON");
        QTest::newRow("cut") << QByteArray(R"({"droplets": [{"id": 1)")
                             << QStringLiteral("not valid JSON");
        QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("not an object");
    }
    void invalidJson()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, messagePart);
        m_server->on("GET", QStringLiteral("/v2/droplets"), FakeResponse::raw(200, body));
        Outcome<QJsonObject> outcome;
        m_client->sendJson(HttpRequest::get(m_server->url(QStringLiteral("/v2/droplets"))),
                           outcome.callback());
        QVERIFY(outcome.wait());
        QVERIFY(!outcome.result->ok());
        QCOMPARE(outcome.error().kind(), Error::InvalidReply);
        QVERIFY2(outcome.error().message().contains(messagePart),
                 qPrintable(outcome.error().message()));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void emptyReplyIsAnEmptyObject()
    {
        m_server->on("DELETE", QStringLiteral("/v2/droplets/*"), FakeResponse::raw(204, {}));
        Outcome<QJsonObject> outcome;
        HttpRequest request = HttpRequest::get(m_server->url(QStringLiteral("/v2/droplets/7")));
        request.method = "DELETE";
        m_client->sendJson(request, outcome.callback());
        QVERIFY(outcome.wait());
        QVERIFY2(outcome.result->ok(), qPrintable(outcome.error().message()));
        QVERIFY(outcome.result->value().isEmpty());
        QCOMPARE(m_server->lastRequest().method, QByteArray("DELETE"));
    }

    void plainHttpToRemoteHostIsRefused()
    {
        bool authorized = false;
        m_client->setAuthorizer([&](HttpRequest &) { authorized = true; });
        Outcome<HttpResponse> outcome;
        m_client->send(HttpRequest::get(QUrl(QStringLiteral("http://api.example.com/v2/droplets"))),
                       outcome.callback());
        QCOMPARE(outcome.calls, 0); // never from inside send()
        QVERIFY(outcome.wait());
        QCOMPARE(outcome.error().kind(), Error::Insecure);
        QVERIFY(outcome.error().message().contains(QStringLiteral("api.example.com")));
        QVERIFY(!authorized); // the credentials were never even added
        QCOMPARE(m_server->requestCount(), 0);
    }

    void loopbackHosts()
    {
        QVERIFY(HttpClient::isLoopback(QUrl(QStringLiteral("http://127.0.0.1:8080/v2"))));
        QVERIFY(HttpClient::isLoopback(QUrl(QStringLiteral("http://localhost/v2"))));
        QVERIFY(HttpClient::isLoopback(QUrl(QStringLiteral("http://[::1]:9/"))));
        QVERIFY(!HttpClient::isLoopback(QUrl(QStringLiteral("http://localhost.example.com/"))));
        QVERIFY(!HttpClient::isLoopback(QUrl(QStringLiteral("http://10.0.0.1/"))));
    }

    void invalidUrlIsRefused()
    {
        Outcome<HttpResponse> outcome;
        m_client->send(HttpRequest::get(QUrl(QStringLiteral("ftp://127.0.0.1/x"))),
                       outcome.callback());
        QCOMPARE(outcome.calls, 0);
        QVERIFY(outcome.wait());
        QCOMPARE(outcome.error().kind(), Error::InvalidInput);
    }

    void callbackNeverSynchronous()
    {
        m_server->on("GET", QStringLiteral("/v2/account"), FakeResponse::json(QJsonObject()));
        bool returned = false;
        bool calledBeforeReturn = false;
        int calls = 0;
        m_client->send(HttpRequest::get(m_server->url(QStringLiteral("/v2/account"))),
                       [&](Result<HttpResponse>) {
                           calledBeforeReturn = calledBeforeReturn || !returned;
                           ++calls;
                       });
        returned = true;
        QTRY_COMPARE(calls, 1);
        QVERIFY(!calledBeforeReturn);
    }

    void deletingClientMidRequestCallsNothing()
    {
        m_server->on("GET", QStringLiteral("/v2/droplets"),
                     FakeResponse::json(QJsonObject()).withDelay(300));
        int calls = 0;
        m_client->send(HttpRequest::get(m_server->url(QStringLiteral("/v2/droplets"))),
                       [&](Result<HttpResponse>) { ++calls; });
        QSignalSpy received(m_server.get(), &FakeCloudServer::requestReceived);
        QVERIFY(received.wait());
        m_client.reset();
        // The aborted connection closes; the late answer has nowhere to go.
        QTRY_COMPARE(m_server->openConnectionCount(), 0);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCoreApplication::processEvents();
        QCOMPARE(calls, 0);
    }

    void deletingClientDuringRetryWaitCallsNothing()
    {
        HttpClient::RetryPolicy policy = fastRetries();
        policy.baseDelayMs = 200;
        m_client->setRetryPolicy(policy);
        m_server->on("GET", QStringLiteral("/v2/droplets"), errorBody(503, "unavailable", "x"));
        LogCapture log;
        int calls = 0;
        m_client->send(HttpRequest::get(m_server->url(QStringLiteral("/v2/droplets"))),
                       [&](Result<HttpResponse>) { ++calls; });
        QTRY_VERIFY(log.all().contains(QStringLiteral("retrying"))); // the retry timer runs
        QCOMPARE(m_server->requestCount(), 1);
        m_client.reset();
        QSignalSpy received(m_server.get(), &FakeCloudServer::requestReceived);
        QVERIFY(!received.wait(500)); // well past the retry that would have happened
        QCOMPARE(calls, 0);
    }

    void deletingClientInsideItsCallbackIsSafe()
    {
        m_server->on("GET", QStringLiteral("/v2/a"), FakeResponse::json(QJsonObject()));
        m_server->on("GET", QStringLiteral("/v2/b"),
                     FakeResponse::json(QJsonObject()).withDelay(200));
        int calls = 0;
        m_client->send(HttpRequest::get(m_server->url(QStringLiteral("/v2/b"))),
                       [&](Result<HttpResponse>) { ++calls; });
        m_client->send(HttpRequest::get(m_server->url(QStringLiteral("/v2/a"))),
                       [&](Result<HttpResponse> result) {
                           ++calls;
                           QVERIFY(result.ok());
                           m_client.reset(); // the owner goes away in reaction to a reply
                       });
        QTRY_VERIFY(!m_client);
        QTRY_COMPARE(m_server->openConnectionCount(), 0);
        QCoreApplication::processEvents();
        QCOMPARE(calls, 1); // the other request was aborted silently
    }

    void authorizerRunsForEveryAttempt()
    {
        int attempts = 0;
        m_client->setAuthorizer([&](HttpRequest &request) {
            ++attempts;
            request.setHeader("Authorization", "Bearer attempt-" + QByteArray::number(attempts));
        });
        m_server->enqueue("GET", QStringLiteral("/v2/droplets"), errorBody(502, "x", "x"));
        m_server->enqueue("GET", QStringLiteral("/v2/droplets"), errorBody(504, "x", "x"));
        m_server->on("GET", QStringLiteral("/v2/droplets"), FakeResponse::json(QJsonObject()));
        QVERIFY(get(QStringLiteral("/v2/droplets")).ok());
        QCOMPARE(attempts, 3);
        const QList<RecordedRequest> requests = m_server->requests();
        QCOMPARE(requests.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(requests.at(i).header("Authorization"),
                     "Bearer attempt-" + QByteArray::number(i + 1));
    }

    void pagesAcrossThreePages()
    {
        servePages(QStringLiteral("/v2/droplets"), 3, -1);
        QStringList names;
        QList<int> pages;
        Outcome<void> outcome;
        m_client->getPages(
            HttpRequest::get(m_server->url(QStringLiteral("/v2/droplets?page=1&per_page=2"))),
            [&](const HttpResponse &response) { return readPage(response, &names, &pages); },
            outcome.callback());
        QVERIFY(outcome.wait());
        QVERIFY2(outcome.result->ok(), qPrintable(outcome.error().message()));
        QCOMPARE(outcome.calls, 1);
        QCOMPARE(pages, (QList<int> {1, 2, 3}));
        QCOMPARE(names.size(), 6);
        QCOMPARE(names.first(), QStringLiteral("vm-1-a"));
        QCOMPARE(names.last(), QStringLiteral("vm-3-b"));
        const QList<RecordedRequest> requests = m_server->requests();
        QCOMPARE(requests.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(requests.at(i).query.queryItemValue(QStringLiteral("page")),
                     QString::number(i + 1));
            QCOMPARE(requests.at(i).query.queryItemValue(QStringLiteral("per_page")),
                     QStringLiteral("2"));
        }
    }

    void pagesStopAtAnErrorMidway()
    {
        servePages(QStringLiteral("/v2/droplets"), 3, 2);
        QStringList names;
        QList<int> pages;
        Outcome<void> outcome;
        m_client->getPages(
            HttpRequest::get(m_server->url(QStringLiteral("/v2/droplets?page=1&per_page=2"))),
            [&](const HttpResponse &response) { return readPage(response, &names, &pages); },
            outcome.callback());
        QVERIFY(outcome.wait());
        QVERIFY(!outcome.result->ok());
        QCOMPARE(outcome.error().kind(), Error::Forbidden);
        QCOMPARE(outcome.calls, 1);
        QCOMPARE(pages, QList<int> {1});
        QCOMPARE(m_server->requestCount(), 2); // page 3 was never asked for
    }

    void pageHandlerErrorStops()
    {
        servePages(QStringLiteral("/v2/droplets"), 3, -1);
        Outcome<void> outcome;
        int handled = 0;
        m_client->getPages(
            HttpRequest::get(m_server->url(QStringLiteral("/v2/droplets?page=1"))),
            [&](const HttpResponse &) -> Result<std::optional<HttpRequest>> {
                ++handled;
                return Error(Error::InvalidReply, QStringLiteral("droplets is not an array"));
            },
            outcome.callback());
        QVERIFY(outcome.wait());
        QCOMPARE(outcome.error().kind(), Error::InvalidReply);
        QCOMPARE(handled, 1);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void pagesStopAtMaxPages()
    {
        // A provider whose "next" link never ends.
        m_server->on("GET", QStringLiteral("/v2/loop"), FakeResponse::json(QJsonObject()));
        Outcome<void> outcome;
        const QUrl url = m_server->url(QStringLiteral("/v2/loop"));
        m_client->getPages(
            HttpRequest::get(url),
            [&](const HttpResponse &) -> Result<std::optional<HttpRequest>> {
                return std::optional<HttpRequest>(HttpRequest::get(url));
            },
            outcome.callback(), 4);
        QVERIFY(outcome.wait());
        QCOMPARE(outcome.error().kind(), Error::InvalidReply);
        QCOMPARE(m_server->requestCount(), 4);
    }

    void redactedHeadersHideSecrets()
    {
        HttpRequest request;
        request.setHeader("Authorization", "Bearer dop_v1_supersecret");
        request.setHeader("X-Auth-Token", "gAAAAAopenstacksecret");
        request.setHeader("X-Amz-Security-Token", "FQoGZXIvYXdzEAsessionsecret");
        request.setHeader("Accept", "application/json");
        const QString redacted = HttpClient::redactedHeaders(request);
        QVERIFY(!redacted.contains(QStringLiteral("supersecret")));
        QVERIFY(!redacted.contains(QStringLiteral("openstacksecret")));
        QVERIFY(!redacted.contains(QStringLiteral("sessionsecret")));
        QVERIFY(redacted.contains(QStringLiteral("Authorization: REDACTED")));
        QVERIFY(redacted.contains(QStringLiteral("Accept: application/json")));
    }

    void redactedUrlHidesSignedParameters()
    {
        const QUrl url(QStringLiteral(
            "https://user:hunter2@ec2.amazonaws.com/?Action=DescribeInstances&X-Amz-Credential="
            "AKIDEXAMPLE%2F20150830&X-Amz-Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c4"
            "00e06b5924a6f2b5d7&X-Amz-Security-Token=sessiontok&token=abc123&api_key=k3y"));
        const QString redacted = HttpClient::redactedUrl(url);
        for (const char *secret :
             {"hunter2", "AKIDEXAMPLE", "5d672d79c15b", "sessiontok", "abc123", "k3y"})
            QVERIFY2(!redacted.contains(QLatin1String(secret)), secret);
        QVERIFY(redacted.contains(QStringLiteral("Action=DescribeInstances")));
        QVERIFY(redacted.contains(QStringLiteral("X-Amz-Signature=REDACTED")));
        QVERIFY(redacted.contains(QStringLiteral("ec2.amazonaws.com")));
    }

    void logsNeverShowSecrets()
    {
        LogCapture log;
        m_server->enqueue("GET", QStringLiteral("/v2/droplets"), errorBody(503, "x", "x"));
        m_server->on("GET", QStringLiteral("/v2/droplets"), errorBody(401, "unauthorized", "no"));
        m_client->setAuthorizer([](HttpRequest &request) {
            request.setHeader("Authorization", "Bearer dop_v1_supersecret");
        });
        QVERIFY(
            !get(QStringLiteral("/v2/droplets?token=querysecret&X-Amz-Signature=sigsecret")).ok());
        const QString lines = log.all();
        QVERIFY2(lines.contains(QStringLiteral("/v2/droplets")), qPrintable(lines)); // it did log
        QVERIFY(!lines.contains(QStringLiteral("supersecret")));
        QVERIFY(!lines.contains(QStringLiteral("querysecret")));
        QVERIFY(!lines.contains(QStringLiteral("sigsecret")));
    }

    void rateLimitHoldsNextRequestUntilReset()
    {
        // The budget is spent; the window refills at the next full second but one.
        const qint64 resetSeconds = QDateTime::currentSecsSinceEpoch() + 2;
        m_server->enqueue("GET", QStringLiteral("/v2/droplets"),
                          FakeResponse::json(QJsonObject())
                              .withHeader("RateLimit-Limit", "5000")
                              .withHeader("RateLimit-Remaining", "0")
                              .withHeader("RateLimit-Reset", QByteArray::number(resetSeconds)));
        m_server->on("GET", QStringLiteral("/v2/droplets"),
                     FakeResponse::json(QJsonObject())
                         .withHeader("RateLimit-Limit", "5000")
                         .withHeader("RateLimit-Remaining", "4999")
                         .withHeader("RateLimit-Reset", QByteArray::number(resetSeconds + 3600)));
        QList<qint64> arrivalsMs; // wall clock, as the reset is
        connect(m_server.get(), &FakeCloudServer::requestReceived, this,
                [&] { arrivalsMs.append(QDateTime::currentMSecsSinceEpoch()); });
        QSignalSpy rateLimitChanged(m_client.get(), &HttpClient::rateLimitChanged);

        QVERIFY(get(QStringLiteral("/v2/droplets")).ok());
        QCOMPARE(rateLimitChanged.size(), 1);
        QVERIFY(m_client->lastRateLimit());
        QCOMPARE(m_client->lastRateLimit()->remaining, 0);
        QCOMPARE(m_client->lastRateLimit()->limit, 5000);

        // Two requests right away: both wait for the reset, neither is lost.
        Outcome<HttpResponse> second;
        Outcome<HttpResponse> third;
        m_client->send(HttpRequest::get(m_server->url(QStringLiteral("/v2/droplets"))),
                       second.callback());
        m_client->send(HttpRequest::get(m_server->url(QStringLiteral("/v2/droplets"))),
                       third.callback());
        QVERIFY(second.wait(5'000));
        QVERIFY(third.wait(5'000));
        QVERIFY(second.result->ok() && third.result->ok());
        QCOMPARE(arrivalsMs.size(), 3);
        QVERIFY2(arrivalsMs.at(1) >= resetSeconds * 1000 && arrivalsMs.at(2) >= resetSeconds * 1000,
                 qPrintable(QStringLiteral("sent %1 ms before the reset")
                                .arg(resetSeconds * 1000 - arrivalsMs.at(1))));
        QVERIFY(arrivalsMs.at(1) - arrivalsMs.at(0) >= 900);
        QCOMPARE(m_client->lastRateLimit()->remaining, 4999);

        // With plenty left, the next one goes at once (well under the second we just waited).
        QElapsedTimer clock;
        clock.start();
        QVERIFY(get(QStringLiteral("/v2/droplets")).ok());
        QVERIFY(clock.elapsed() < 900);
    }

    void customRateLimitReader()
    {
        m_client->setRateLimitReader([](const HttpResponse &response) -> std::optional<RateLimit> {
            if (response.header("X-Budget").isEmpty())
                return std::nullopt;
            RateLimit limit;
            limit.remaining = response.header("X-Budget").toInt();
            return limit;
        });
        m_server->on("GET", QStringLiteral("/v2/x"),
                     FakeResponse::json(QJsonObject()).withHeader("X-Budget", "17"));
        QVERIFY(get(QStringLiteral("/v2/x")).ok());
        QVERIFY(m_client->lastRateLimit());
        QCOMPARE(m_client->lastRateLimit()->remaining, 17);
    }

    void sameOriginRedirectIsFollowed()
    {
        m_server->on("GET", QStringLiteral("/v2/old"),
                     FakeResponse::raw(301, {}).withHeader("Location", "/v2/new"));
        m_server->on("GET", QStringLiteral("/v2/new"), FakeResponse::json(QJsonObject()));
        m_client->setAuthorizer(
            [](HttpRequest &request) { request.setHeader("Authorization", "Bearer t"); });
        const Result<HttpResponse> result = get(QStringLiteral("/v2/old"));
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QCOMPARE(m_server->requestCount(), 2);
        QCOMPARE(m_server->lastRequest().path, QStringLiteral("/v2/new"));
    }

    void crossOriginRedirectIsRefused()
    {
        // Another port is another origin: the token must not follow the redirect there.
        FakeCloudServer elsewhere;
        QVERIFY(elsewhere.listen());
        elsewhere.on("GET", QStringLiteral("/steal"), FakeResponse::json(QJsonObject()));
        m_server->on("GET", QStringLiteral("/v2/old"),
                     FakeResponse::raw(302, {}).withHeader(
                         "Location", elsewhere.url(QStringLiteral("/steal")).toEncoded()));
        m_client->setAuthorizer(
            [](HttpRequest &request) { request.setHeader("Authorization", "Bearer t"); });
        const Result<HttpResponse> result = get(QStringLiteral("/v2/old"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::InvalidReply);
        QVERIFY2(result.error().message().contains(QStringLiteral("redirected")),
                 qPrintable(result.error().message()));
        QCOMPARE(elsewhere.requestCount(), 0);
        QCOMPARE(m_server->requestCount(), 1); // the same redirect would come again: no retry
    }

    void parallelRequestsAllComplete()
    {
        m_server->on("GET", QStringLiteral("/v2/regions/*"), [](const RecordedRequest &request) {
            return FakeResponse::json(
                       QJsonObject {{QStringLiteral("region"), request.pathArgs.at(0)}})
                .withDelay(100);
        });
        std::array<Outcome<QJsonObject>, 8> outcomes;
        for (size_t i = 0; i < outcomes.size(); ++i)
            m_client->sendJson(
                HttpRequest::get(m_server->url(QStringLiteral("/v2/regions/r%1").arg(i))),
                outcomes[i].callback());
        QCOMPARE(m_client->pendingRequests(), 8);
        for (size_t i = 0; i < outcomes.size(); ++i) {
            QVERIFY(outcomes[i].wait());
            QVERIFY(outcomes[i].result->ok());
            QCOMPARE(outcomes[i].result->value().value(QLatin1String("region")).toString(),
                     QStringLiteral("r%1").arg(i));
            QCOMPARE(outcomes[i].calls, 1);
        }
        QCOMPARE(m_client->pendingRequests(), 0);
        QVERIFY(m_server->connectionCount() > 1); // QNAM opened several connections at once
    }

    void retryAfterParsing()
    {
        QCOMPARE(HttpErrorText::retryAfterSeconds("120"), 120);
        QCOMPARE(HttpErrorText::retryAfterSeconds(" 0 "), 0);
        QCOMPARE(HttpErrorText::retryAfterSeconds(""), -1);
        QCOMPARE(HttpErrorText::retryAfterSeconds("soon"), -1);
        const QDateTime inAMinute = QDateTime::currentDateTimeUtc().addSecs(60);
        const QByteArray date =
            QLocale::c().toString(inAMinute, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toLatin1()
            + " GMT";
        const int seconds = HttpErrorText::retryAfterSeconds(date);
        QVERIFY2(seconds >= 58 && seconds <= 60, qPrintable(QString::number(seconds)));
        QCOMPARE(HttpErrorText::retryAfterSeconds("Wed, 21 Oct 2015 07:28:00 GMT"), 0); // past
    }

    // TLS: a private cloud with a self-signed certificate.

    void tlsSelfSignedIsRefusedThenPinnedThenChanged()
    {
        const TestCertificate first = makeSelfSignedCertificate();
        const TestCertificate second = makeSelfSignedCertificate();
        QVERIFY(!first.isNull() && !second.isNull());
        QVERIFY(first.sha256() != second.sha256());
        FakeCloudServer server;
        QVERIFY(server.listenTls(first.certificate, first.key));
        QCOMPARE(server.url().scheme(), QStringLiteral("https"));
        server.on("GET", QStringLiteral("/v2/account"), FakeResponse::json(QJsonObject()));
        const QUrl url = server.url(QStringLiteral("/v2/account"));

        // Untrusted: refused, with the fingerprint a UI can offer to pin; nothing was sent.
        Outcome<HttpResponse> refused;
        m_client->send(HttpRequest::get(url), refused.callback());
        QVERIFY(refused.wait());
        QVERIFY(!refused.result->ok());
        QCOMPARE(refused.error().kind(), Error::Tls);
        QCOMPARE(refused.error().peerCertificateSha256(), first.sha256());
        QVERIFY2(refused.error().message().contains(QString::fromLatin1(first.sha256())),
                 qPrintable(refused.error().message()));
        QCOMPARE(server.requestCount(), 0);

        // Pinned (on the same client, as after the user accepts): accepted.
        m_client->setPinnedCertificateSha256(first.sha256().toUpper());
        Outcome<HttpResponse> pinned;
        m_client->send(HttpRequest::get(url), pinned.callback());
        QVERIFY(pinned.wait());
        QVERIFY2(pinned.result->ok(), qPrintable(pinned.error().message()));
        QCOMPARE(server.requestCount(), 1);

        // The server now presents another certificate: refused as a change.
        server.setCertificate(second.certificate, second.key);
        server.disconnectAll();
        QTRY_COMPARE(server.openConnectionCount(), 0);
        Outcome<HttpResponse> changed;
        m_client->send(HttpRequest::get(url), changed.callback());
        QVERIFY(changed.wait());
        QVERIFY(!changed.result->ok());
        QCOMPARE(changed.error().kind(), Error::Tls);
        QCOMPARE(changed.error().peerCertificateSha256(), second.sha256());
        QVERIFY2(changed.error().message().contains(QStringLiteral("has changed")),
                 qPrintable(changed.error().message()));
        QCOMPARE(server.requestCount(), 1);

        // A fresh client pinned to the old certificate sees the same.
        HttpClient fresh;
        fresh.setPinnedCertificateSha256(first.sha256());
        Outcome<HttpResponse> freshOutcome;
        fresh.send(HttpRequest::get(url), freshOutcome.callback());
        QVERIFY(freshOutcome.wait());
        QCOMPARE(freshOutcome.error().kind(), Error::Tls);
        QVERIFY(freshOutcome.error().message().contains(QStringLiteral("has changed")));
        QCOMPARE(server.requestCount(), 1);
    }

    void changingThePinRechecksOpenConnections()
    {
        const TestCertificate certificate = makeSelfSignedCertificate();
        QVERIFY(!certificate.isNull());
        FakeCloudServer server;
        QVERIFY(server.listenTls(certificate.certificate, certificate.key));
        server.on("GET", QStringLiteral("/v2/account"), FakeResponse::json(QJsonObject()));
        const QUrl url = server.url(QStringLiteral("/v2/account"));
        m_client->setPinnedCertificateSha256(certificate.sha256());
        Outcome<HttpResponse> first;
        m_client->send(HttpRequest::get(url), first.callback());
        QVERIFY(first.wait());
        QVERIFY(first.result->ok());
        QCOMPARE(server.openConnectionCount(), 1); // kept alive

        // The user pins something else: the open, already trusted connection must not be used.
        m_client->setPinnedCertificateSha256(QByteArray(64, 'a'));
        Outcome<HttpResponse> second;
        m_client->send(HttpRequest::get(url), second.callback());
        QVERIFY(second.wait());
        QCOMPARE(second.error().kind(), Error::Tls);
        QCOMPARE(second.error().peerCertificateSha256(), certificate.sha256());
        QCOMPARE(server.requestCount(), 1);
    }

    void tlsFailureLeavesOtherRequestsAlone()
    {
        // A refused handshake must not disturb what else the client has in flight.
        const TestCertificate certificate = makeSelfSignedCertificate();
        QVERIFY(!certificate.isNull());
        FakeCloudServer untrusted;
        QVERIFY(untrusted.listenTls(certificate.certificate, certificate.key));
        m_server->on("GET", QStringLiteral("/v2/slow"),
                     FakeResponse::json(QJsonObject {{QStringLiteral("ok"), true}}).withDelay(400));
        Outcome<HttpResponse> slow;
        m_client->send(HttpRequest::get(m_server->url(QStringLiteral("/v2/slow"))),
                       slow.callback());
        QTRY_COMPARE(m_server->requestCount(), 1);
        Outcome<HttpResponse> refused;
        m_client->send(HttpRequest::get(untrusted.url(QStringLiteral("/v2/account"))),
                       refused.callback());
        QVERIFY(refused.wait());
        QCOMPARE(refused.error().kind(), Error::Tls);
        QVERIFY(!slow.result);
        QVERIFY(slow.wait());
        QVERIFY2(slow.result->ok(), qPrintable(slow.error().message()));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void tlsPinnedFromTheStart()
    {
        const TestCertificate certificate = makeSelfSignedCertificate();
        QVERIFY(!certificate.isNull());
        FakeCloudServer server;
        QVERIFY(server.listenTls(certificate.certificate, certificate.key));
        server.on("POST", QStringLiteral("/v2/droplets"), FakeResponse::json(QJsonObject(), 202));
        m_client->setPinnedCertificateSha256(certificate.sha256());
        Outcome<QJsonObject> outcome;
        m_client->sendJson(HttpRequest::json("POST", server.url(QStringLiteral("/v2/droplets")),
                                             QJsonDocument(QJsonObject {
                                                 {QStringLiteral("name"), QStringLiteral("a")}})),
                           outcome.callback());
        QVERIFY(outcome.wait());
        QVERIFY2(outcome.result->ok(), qPrintable(outcome.error().message()));
        QCOMPARE(server.lastRequest().json().value(QLatin1String("name")).toString(),
                 QStringLiteral("a"));
    }

private:
    /// @p count pages of two droplets each at @p path, DigitalOcean style (links.pages.next);
    /// page @p failingPage (or none) answers 403.
    void servePages(const QString &path, int count, int failingPage)
    {
        m_server->on("GET", path, [this, count, failingPage](const RecordedRequest &request) {
            const int page = request.query.queryItemValue(QStringLiteral("page")).toInt();
            if (page == failingPage)
                return errorBody(403, "forbidden", "You do not have access.");
            QJsonArray droplets;
            for (const char *suffix : {"a", "b"})
                droplets.append(QJsonObject {
                    {QStringLiteral("name"),
                     QStringLiteral("vm-%1-%2").arg(page).arg(QLatin1String(suffix))}});
            QJsonObject pages;
            if (page < count) {
                QUrl next = m_server->url(request.path);
                next.setQuery(QStringLiteral("page=%1&per_page=2").arg(page + 1));
                pages.insert(QStringLiteral("next"), next.toString());
            }
            return FakeResponse::json(QJsonObject {
                {QStringLiteral("droplets"), droplets},
                {QStringLiteral("links"), QJsonObject {{QStringLiteral("pages"), pages}}},
                {QStringLiteral("meta"), QJsonObject {{QStringLiteral("total"), count * 2}}}});
        });
    }

    static Result<std::optional<HttpRequest>> readPage(const HttpResponse &response,
                                                       QStringList *names, QList<int> *pages)
    {
        Result<QJsonObject> body = response.jsonObject();
        if (!body.ok())
            return body.error();
        pages->append(QUrlQuery(response.url).queryItemValue(QStringLiteral("page")).toInt());
        const QJsonArray droplets = body.value().value(QLatin1String("droplets")).toArray();
        for (const QJsonValue &droplet : droplets)
            names->append(droplet.toObject().value(QLatin1String("name")).toString());
        const QString next = body.value()
                                 .value(QLatin1String("links"))
                                 .toObject()
                                 .value(QLatin1String("pages"))
                                 .toObject()
                                 .value(QLatin1String("next"))
                                 .toString();
        if (next.isEmpty())
            return std::optional<HttpRequest>();
        return std::optional<HttpRequest>(HttpRequest::get(QUrl(next)));
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
