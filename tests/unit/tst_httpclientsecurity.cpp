// HttpClient's security promises: no plain http beyond this computer, no secrets in logs, no
// credentials following a redirect to another host, and TLS pinning for self-signed private clouds.
#include "httpclienttesting.h"
#include "testhelpers.h"

#include <QSignalSpy>

class TestHttpClientSecurity : public HttpClientTestCase
{
    Q_OBJECT

private Q_SLOTS:
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

    void redirectsAreNotFollowed_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("sameHost");
        QTest::newRow("301 same host") << 301 << true;
        QTest::newRow("302 other host") << 302 << false;
        QTest::newRow("307 other host") << 307 << false;
    }
    void redirectsAreNotFollowed()
    {
        // A redirect could carry the token anywhere (QNAM copies Authorization along): it is
        // reported with its target instead, so the user can correct the endpoint.
        QFETCH(int, status);
        QFETCH(bool, sameHost);
        FakeCloudServer elsewhere;
        QVERIFY(elsewhere.listen());
        elsewhere.on("GET", QStringLiteral("/steal"), FakeResponse::json(QJsonObject()));
        m_server->on("GET", QStringLiteral("/steal"), FakeResponse::json(QJsonObject()));
        const QByteArray location =
            sameHost ? QByteArray("/steal") : elsewhere.url(QStringLiteral("/steal")).toEncoded();
        m_server->on("GET", QStringLiteral("/v2/old"),
                     FakeResponse::raw(status, {}).withHeader("Location", location));
        m_client->setAuthorizer(
            [](HttpRequest &request) { request.setHeader("Authorization", "Bearer t"); });
        const Result<HttpResponse> result = get(QStringLiteral("/v2/old"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::InvalidReply);
        QCOMPARE(result.error().httpStatus(), status);
        const QUrl target = sameHost ? m_server->url(QStringLiteral("/steal"))
                                     : elsewhere.url(QStringLiteral("/steal"));
        QVERIFY2(result.error().message().contains(target.toString()),
                 qPrintable(result.error().message()));
        QCOMPARE(m_server->requestCount(), 1); // not followed, and not retried
        QCOMPARE(elsewhere.requestCount(), 0);
    }

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
};

QTEST_GUILESS_MAIN(TestHttpClientSecurity)
#include "tst_httpclientsecurity.moc"
