// HttpClient against a real local HTTP server: success, every error kind with its message,
// timeouts, malformed replies, and the async contract (exactly once, never synchronously, never
// after the client is deleted).
#include "httpclienttesting.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>

class TestHttpClient : public HttpClientTestCase
{
    Q_OBJECT

private Q_SLOTS:
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
        QVERIFY(request.header("Content-Length").isEmpty()); // a GET carries no body at all
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
        // Delete the client on the first event loop pass after it scheduled the retry, which is
        // before the retry timer can fire however slow the machine is.
        LogCapture log;
        log.onLine([this](const QString &line) {
            if (line.startsWith(QLatin1String("retrying")))
                QMetaObject::invokeMethod(
                    this, [this] { m_client.reset(); }, Qt::QueuedConnection);
        });
        int calls = 0;
        m_client->send(HttpRequest::get(m_server->url(QStringLiteral("/v2/droplets"))),
                       [&](Result<HttpResponse>) { ++calls; });
        QTRY_VERIFY(!m_client);
        QCOMPARE(m_server->requestCount(), 1);
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
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
