// The shared token helper (core/provider: OAuthToken, OAuthTokenEndpoint) that Azure, Google
// Compute Engine and OpenStack sign in with, against the local FakeCloudServer: the form POST as
// RFC 6749 sections 4.4 and 5 describe it, caching until shortly before expires_in, one fetch for
// concurrent callers, the Bearer header only for the API hosts (or another header for the hosts
// an audience accepts), one renewal after a 401, and the error kinds of a failed sign-in.
#include "httpclienttesting.h"
#include "oauthtoken.h"
#include "oauthtokenendpoint.h"

#include <QJsonArray>
#include <QUrlQuery>
#include <array>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(FakeResponse)

namespace {

/// An RFC 6749 section 5.1 reply, as Microsoft's identity platform sends it (v2.0 token endpoint;
/// "ext_expires_in" is Microsoft's, and ignored).
FakeResponse tokenReply(const QString &token, const QJsonValue &expiresIn = 3599)
{
    return FakeResponse::json(QJsonObject {{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                           {QStringLiteral("expires_in"), expiresIn},
                                           {QStringLiteral("ext_expires_in"), 3599},
                                           {QStringLiteral("access_token"), token}});
}

/// An RFC 6749 section 5.2 error body.
FakeResponse oauthError(int status, const char *code, const char *description)
{
    return FakeResponse::json(
        QJsonObject {{QStringLiteral("error"), QLatin1String(code)},
                     {QStringLiteral("error_description"), QLatin1String(description)}},
        status);
}

/// Azure Resource Manager's error body, for the reader the API falls back to.
HttpClient::ProviderError armError(const HttpResponse &response)
{
    const QJsonObject error =
        QJsonDocument::fromJson(response.body).object().value(QLatin1String("error")).toObject();
    return {error.value(QLatin1String("code")).toString(),
            error.value(QLatin1String("message")).toString()};
}

} // namespace

// Not an HttpClientTestCase: the token helper is made after its client, in init(), which that
// fixture keeps to itself.
class TestOAuthToken : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<HttpClient> m_client;

    QDateTime m_now;
    int m_issued = 0;
    std::unique_ptr<OAuthToken> m_token;

    QUrl tokenUrl() const { return m_server->url(QStringLiteral("/tenant/oauth2/v2.0/token")); }

    /// A token helper fetching with a client-credentials POST to the fake server, on a clock the
    /// test moves, sending the token to the fake server's host only.
    void makeToken()
    {
        m_token = std::make_unique<OAuthToken>([this](Callback<OAuthToken::Token> done) {
            OAuthTokenEndpoint::fetch(
                m_client.get(), tokenUrl(),
                {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                 {QStringLiteral("client_id"), QStringLiteral("app-id")},
                 {QStringLiteral("client_secret"), QStringLiteral("s3+cr/t&x=y z~")},
                 {QStringLiteral("scope"),
                  QStringLiteral("https://management.azure.com/.default")}},
                done);
        });
        m_token->setClock([this] { return m_now; });
        m_token->setTokenUrl(tokenUrl());
        m_token->install(m_client.get(), {m_server->url()}, OAuthTokenEndpoint::errors(&armError));
    }

    /// Tokens "token-1", "token-2", ... one per request, each living @p lifetime seconds.
    void serveTokens(int lifetime = 3599, int delayMs = 0)
    {
        m_server->on("POST", QStringLiteral("/tenant/oauth2/v2.0/token"),
                     [this, lifetime, delayMs](const RecordedRequest &) {
                         return tokenReply(QStringLiteral("token-%1").arg(++m_issued), lifetime)
                             .withDelay(delayMs);
                     });
    }

    Result<void> withToken()
    {
        auto outcome = AsyncResult::await<void>([this](auto done) { m_token->withToken(done); });
        if (!outcome)
            return Error(Error::Cancelled, QStringLiteral("no single, later callback"));
        return *outcome->result;
    }

    /// GET /api through authorized(), waited for.
    Result<HttpResponse> authorizedGet(const QUrl &url)
    {
        auto outcome = AsyncResult::await<HttpResponse>([this, url](auto done) {
            m_token->authorized<HttpResponse>(
                [this, url](Callback<HttpResponse> sent) {
                    m_client->send(HttpRequest::get(url), sent);
                },
                done);
        });
        if (!outcome)
            return Error(Error::Cancelled, QStringLiteral("no single, later callback"));
        return *outcome->result;
    }

    QList<RecordedRequest> tokenRequests() const
    {
        return m_server->requests("POST", QStringLiteral("/tenant/oauth2/v2.0/token"));
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeCloudServer>();
        QVERIFY(m_server->listen());
        m_client = makeTestClient();
        m_now = QDateTime(QDate(2026, 12, 3), QTime(6, 0), Qt::UTC);
        m_issued = 0;
        makeToken();
    }
    void cleanup()
    {
        m_token.reset();
        m_client.reset();
        m_server.reset();
    }

    void formPostAsRfc6749Describes()
    {
        serveTokens();
        const Result<void> ready = withToken();
        QVERIFY2(ready.ok(), qPrintable(AsyncResult::describe(ready.error())));
        const auto requests = tokenRequests();
        QCOMPARE(requests.size(), 1);
        const RecordedRequest &request = requests.first();
        QCOMPARE(request.header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
        QVERIFY(request.header("Authorization").isEmpty()); // the secret is in the body only
        // Every reserved byte of the secret escaped: '+' is not a space, '&' and '=' no new field.
        QVERIFY2(request.body.contains("client_secret=s3%2Bcr%2Ft%26x%3Dy%20z~"), request.body);
        const QUrlQuery form(QString::fromLatin1(request.body));
        QCOMPARE(form.queryItemValue(QStringLiteral("grant_type")),
                 QStringLiteral("client_credentials"));
        QCOMPARE(form.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded),
                 QStringLiteral("https://management.azure.com/.default"));
        QCOMPARE(form.queryItemValue(QStringLiteral("client_secret"), QUrl::FullyDecoded),
                 QStringLiteral("s3+cr/t&x=y z~"));
        QCOMPARE(m_token->accessToken(), QByteArray("token-1"));
    }

    void bearerOnlyForTheApiHost()
    {
        serveTokens();
        m_server->on("GET", QStringLiteral("/api"), FakeResponse::json(QJsonObject {}));
        FakeCloudServer elsewhere;
        QVERIFY(elsewhere.listen());
        elsewhere.on("GET", QStringLiteral("/prices"), FakeResponse::json(QJsonObject {}));

        QVERIFY(authorizedGet(m_server->url(QStringLiteral("/api"))).ok());
        QCOMPARE(m_server->lastRequest().header("Authorization"), QByteArray("Bearer token-1"));
        QVERIFY(authorizedGet(elsewhere.url(QStringLiteral("/prices"))).ok());
        QVERIFY(elsewhere.lastRequest().header("Authorization").isEmpty());
        // The token endpoint never gets the token, though it shares the API's host here.
        m_token->renew([](Result<void>) {});
        QTRY_COMPARE(tokenRequests().size(), 2);
        QVERIFY(tokenRequests().last().header("Authorization").isEmpty());
    }

    void anotherHeaderForTheHostsTheAudienceAccepts()
    {
        // OpenStack's way: "X-Auth-Token: <token>" with no prefix, for the hosts it lists.
        serveTokens();
        m_server->on("GET", QStringLiteral("/api"), FakeResponse::json(QJsonObject {}));
        FakeCloudServer elsewhere;
        QVERIFY(elsewhere.listen());
        elsewhere.on("GET", QStringLiteral("/api"), FakeResponse::json(QJsonObject {}));
        QUrl other = elsewhere.url(QStringLiteral("/api"));
        other.setHost(QStringLiteral("localhost")); // the same machine, a host not listed
        const QString allowed = m_server->url().host();
        m_token->setHeader("X-Auth-Token");
        m_client->setAuthorizer(
            m_token->authorizer([allowed](const QUrl &url) { return url.host() == allowed; }));

        QVERIFY(authorizedGet(m_server->url(QStringLiteral("/api"))).ok());
        QCOMPARE(m_server->lastRequest().header("X-Auth-Token"), QByteArray("token-1"));
        QVERIFY(m_server->lastRequest().header("Authorization").isEmpty());
        QVERIFY(authorizedGet(other).ok());
        QCOMPARE(elsewhere.requestCount(), 1);
        QVERIFY(elsewhere.lastRequest().header("X-Auth-Token").isEmpty());
        // The audience accepts the token endpoint's host; the request for a token still gets none.
        m_token->renew([](Result<void>) {});
        QTRY_COMPARE(tokenRequests().size(), 2);
        QVERIFY(tokenRequests().last().header("X-Auth-Token").isEmpty());
    }

    void theAudienceSeesTheWholeUrl()
    {
        // So a rule like Keystone's fits: listed hosts on any port, never from https down to
        // plain http, and never the token request, though it is on a listed host.
        OAuthToken token([](Callback<OAuthToken::Token> done) {
            done(OAuthToken::Token {QByteArray("gAAAAAB-t"), 3600});
        });
        token.setHeader("X-Auth-Token");
        token.setTokenUrl(QUrl(QStringLiteral("https://keystone.example.com:5000/v3/auth/tokens")));
        const QStringList hosts {QStringLiteral("keystone.example.com"),
                                 QStringLiteral("compute.example.com")};
        const HttpClient::Authorizer authorize = token.authorizer([hosts](const QUrl &url) {
            return hosts.contains(url.host()) && url.scheme() == QLatin1String("https");
        });
        QVERIFY(AsyncResult::await<void>([&token](auto done) { token.withToken(done); }));
        const auto sent = [&authorize](const char *url) {
            HttpRequest request = HttpRequest::get(QUrl(QLatin1String(url)));
            authorize(request);
            return request;
        };
        QCOMPARE(sent("https://compute.example.com:8774/v2.1/servers").header("X-Auth-Token"),
                 QByteArray("gAAAAAB-t"));
        QVERIFY(sent("https://compute.example.com:8774/").header("Authorization").isEmpty());
        QCOMPARE(sent("https://keystone.example.com:5000/v3/projects").header("X-Auth-Token"),
                 QByteArray("gAAAAAB-t"));
        QVERIFY(
            sent("http://compute.example.com:8774/v2.1/servers").header("X-Auth-Token").isEmpty());
        QVERIFY(sent("https://compute.example.com.evil.example/").header("X-Auth-Token").isEmpty());
        QVERIFY(sent("https://keystone.example.com:5000/v3/auth/tokens")
                    .header("X-Auth-Token")
                    .isEmpty());
    }

    void cachedUntilShortlyBeforeExpiry()
    {
        serveTokens(3600);
        QVERIFY(withToken().ok());
        QCOMPARE(m_token->renewAt(), m_now.addSecs(3600 - OAuthToken::renewMarginSeconds));
        m_now = m_now.addSecs(3000);
        QVERIFY(withToken().ok());
        QCOMPARE(tokenRequests().size(), 1);
        QCOMPARE(m_token->accessToken(), QByteArray("token-1"));
        m_now = m_now.addSecs(301); // inside the 5 minutes before the end
        QVERIFY(withToken().ok());
        QCOMPARE(tokenRequests().size(), 2);
        QCOMPARE(m_token->accessToken(), QByteArray("token-2"));
    }

    void shortLivedTokenRenewsAtHalfItsLife()
    {
        serveTokens(60);
        QVERIFY(withToken().ok());
        QCOMPARE(m_token->renewAt(), m_now.addSecs(30));
        m_now = m_now.addSecs(29);
        QVERIFY(withToken().ok());
        QCOMPARE(m_token->fetches(), 1);
        m_now = m_now.addSecs(1);
        QVERIFY(withToken().ok());
        QCOMPARE(m_token->fetches(), 2);
    }

    void expiresInAsStringOrMissing()
    {
        m_server->enqueue("POST", QStringLiteral("/tenant/oauth2/v2.0/token"),
                          tokenReply(QStringLiteral("a"), QStringLiteral("1800")));
        QVERIFY(withToken().ok());
        QCOMPARE(m_token->renewAt(), m_now.addSecs(1800 - 300));
        m_server->enqueue("POST", QStringLiteral("/tenant/oauth2/v2.0/token"),
                          FakeResponse::json(QJsonObject {{u"token_type"_s, u"bearer"_s},
                                                          {u"access_token"_s, u"b"_s}}));
        m_token->invalidate("a");
        QVERIFY(withToken().ok());
        QCOMPARE(m_token->renewAt(), m_now.addSecs(OAuthToken::defaultLifetimeSeconds
                                                   - OAuthToken::defaultLifetimeSeconds / 2));
    }

    void concurrentCallersShareOneFetch()
    {
        serveTokens(3599, 100);
        std::array<Outcome<void>, 4> outcomes;
        for (auto &outcome : outcomes)
            m_token->withToken(outcome.callback());
        for (auto &outcome : outcomes) {
            QVERIFY(outcome.wait());
            QVERIFY(outcome.ok());
            QCOMPARE(outcome.calls, 1);
        }
        QCOMPARE(tokenRequests().size(), 1);
        QCOMPARE(m_token->fetches(), 1);
    }

    void renewsOnceAfter401()
    {
        serveTokens();
        int calls = 0;
        m_server->on("GET", QStringLiteral("/api"), [&calls](const RecordedRequest &) {
            return ++calls == 1 ? FakeResponse::json(
                       QJsonObject {
                           {u"error"_s, QJsonObject {{u"code"_s, u"ExpiredAuthenticationToken"_s},
                                                     {u"message"_s, u"The token expired."_s}}}},
                       401)
                                : FakeResponse::json(QJsonObject {{u"ok"_s, true}});
        });
        const Result<HttpResponse> reply = authorizedGet(m_server->url(QStringLiteral("/api")));
        QVERIFY2(reply.ok(), qPrintable(AsyncResult::describe(reply.error())));
        const auto api = m_server->requests("GET", QStringLiteral("/api"));
        QCOMPARE(api.size(), 2);
        QCOMPARE(api.at(0).header("Authorization"), QByteArray("Bearer token-1"));
        QCOMPARE(api.at(1).header("Authorization"), QByteArray("Bearer token-2"));
        QCOMPARE(tokenRequests().size(), 2);
    }

    void secondConsecutive401IsTheAnswer()
    {
        serveTokens();
        m_server->on(
            "GET", QStringLiteral("/api"),
            FakeResponse::json(
                QJsonObject {{u"error"_s, QJsonObject {{u"code"_s, u"InvalidAuthenticationToken"_s},
                                                       {u"message"_s, u"Not valid."_s}}}},
                401));
        const Result<HttpResponse> reply = authorizedGet(m_server->url(QStringLiteral("/api")));
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().kind(), Error::Auth);
        QCOMPARE(reply.error().providerCode(), QStringLiteral("InvalidAuthenticationToken"));
        QCOMPARE(m_server->requests("GET", QStringLiteral("/api")).size(), 2);
        QCOMPARE(tokenRequests().size(), 2);
    }

    void forbiddenIsNotRenewed()
    {
        serveTokens();
        m_server->on(
            "GET", QStringLiteral("/api"),
            FakeResponse::json(
                QJsonObject {{u"error"_s, QJsonObject {{u"code"_s, u"AuthorizationFailed"_s},
                                                       {u"message"_s, u"No access."_s}}}},
                403));
        const Result<HttpResponse> reply = authorizedGet(m_server->url(QStringLiteral("/api")));
        QCOMPARE(reply.error().kind(), Error::Forbidden);
        QCOMPARE(reply.error().providerCode(), QStringLiteral("AuthorizationFailed"));
        QCOMPARE(tokenRequests().size(), 1);
        QCOMPARE(m_server->requests("GET", QStringLiteral("/api")).size(), 1);
    }

    void fetchFailuresKeepTheirKind_data()
    {
        QTest::addColumn<FakeResponse>("reply");
        QTest::addColumn<Error::Kind>("kind");
        QTest::addColumn<QString>("code");
        // Microsoft answers a wrong secret with 401, a tenant that does not exist with 400
        // invalid_request; Google a bad JWT with 400 invalid_grant.
        QTest::newRow("azure wrong secret") << oauthError(
            401, "invalid_client", "AADSTS7000215: Invalid client secret provided.\r\nTrace ID: 1")
                                            << Error::Auth << QStringLiteral("invalid_client");
        QTest::newRow("azure unknown tenant")
            << oauthError(400, "invalid_request", "AADSTS90002: Tenant 'x' not found.")
            << Error::Auth << QStringLiteral("invalid_request");
        QTest::newRow("google bad jwt")
            << oauthError(400, "invalid_grant", "Invalid JWT Signature.") << Error::Auth
            << QStringLiteral("invalid_grant");
        QTest::newRow("unauthorized client")
            << oauthError(400, "unauthorized_client", "Not allowed.") << Error::Auth
            << QStringLiteral("unauthorized_client");
        QTest::newRow("bad scope") << oauthError(400, "invalid_scope", "No such scope.")
                                   << Error::BadRequest << QStringLiteral("invalid_scope");
        QTest::newRow("server") << FakeResponse::raw(500, "<html>oops</html>", "text/html")
                                << Error::Server << QString();
        QTest::newRow("dropped") << FakeResponse().withFault(FakeResponse::Fault::Close)
                                 << Error::Network << QString();
        QTest::newRow("no token") << FakeResponse::json(
            QJsonObject {{u"token_type"_s, u"Bearer"_s}})
                                  << Error::InvalidReply << QString();
        QTest::newRow("not bearer") << FakeResponse::json(
            QJsonObject {{u"token_type"_s, u"mac"_s}, {u"access_token"_s, u"x"_s}})
                                    << Error::InvalidReply << QString();
        QTest::newRow("header injection") << FakeResponse::json(
            QJsonObject {{u"token_type"_s, u"Bearer"_s}, {u"access_token"_s, u"x\r\nHost: evil"_s}})
                                          << Error::InvalidReply << QString();
    }
    void fetchFailuresKeepTheirKind()
    {
        QFETCH(FakeResponse, reply);
        QFETCH(Error::Kind, kind);
        QFETCH(QString, code);
        m_server->on("POST", QStringLiteral("/tenant/oauth2/v2.0/token"), reply);
        const Result<void> ready = withToken();
        QVERIFY(!ready.ok());
        QCOMPARE(ready.error().kind(), kind);
        QCOMPARE(ready.error().providerCode(), code);
        QVERIFY(!m_token->hasToken());
        if (kind == Error::Auth) {
            QVERIFY2(ready.error().message().contains(QLatin1String("127.0.0.1")),
                     qPrintable(ready.error().message()));
            QVERIFY(!ready.error().message().contains(QLatin1String("Trace ID")));
        }
        // A failed sign-in is not cached: the next caller asks again.
        const int before = int(tokenRequests().size());
        (void)withToken();
        QVERIFY(tokenRequests().size() > before);
    }

    void failedFetchFailsTheOperationWithoutRunningIt()
    {
        m_server->on("POST", QStringLiteral("/tenant/oauth2/v2.0/token"),
                     oauthError(401, "invalid_client", "Invalid client secret provided."));
        m_server->on("GET", QStringLiteral("/api"), FakeResponse::json(QJsonObject {}));
        const Result<HttpResponse> reply = authorizedGet(m_server->url(QStringLiteral("/api")));
        QCOMPARE(reply.error().kind(), Error::Auth);
        QCOMPARE(m_server->requests("GET", QStringLiteral("/api")).size(), 0);
        QCOMPARE(tokenRequests().size(), 1); // a rejected secret is not asked twice
    }

    void synchronousFetchStillAnswersLater()
    {
        OAuthToken token([](Callback<OAuthToken::Token> done) {
            done(OAuthToken::Token {QByteArray("sync"), 100});
        });
        auto outcome = AsyncResult::await<void>([&token](auto done) { token.withToken(done); });
        QVERIFY(outcome);
        QVERIFY(outcome->ok());
        QCOMPARE(token.accessToken(), QByteArray("sync"));
        // A cached token is handed out later too.
        QVERIFY(AsyncResult::await<void>([&token](auto done) { token.withToken(done); }));
    }

    void authorizerOfADestroyedTokenAddsNothing()
    {
        serveTokens();
        QVERIFY(withToken().ok());
        m_token.reset();
        m_server->on("GET", QStringLiteral("/api"), FakeResponse::json(QJsonObject {}));
        QVERIFY(
            sendAndWait(*m_client, HttpRequest::get(m_server->url(QStringLiteral("/api")))).ok());
        QVERIFY(m_server->lastRequest().header("Authorization").isEmpty());
    }

    void sameOriginComparesSchemeHostAndPort()
    {
        const QList<QUrl> bases {QUrl(QStringLiteral("https://management.azure.com/"))};
        QVERIFY(OAuthToken::sameOrigin(QUrl(QStringLiteral("https://MANAGEMENT.azure.com:443/x")),
                                       bases));
        QVERIFY(
            !OAuthToken::sameOrigin(QUrl(QStringLiteral("http://management.azure.com/x")), bases));
        QVERIFY(!OAuthToken::sameOrigin(QUrl(QStringLiteral("https://management.azure.com:8443/")),
                                        bases));
        QVERIFY(!OAuthToken::sameOrigin(
            QUrl(QStringLiteral("https://management.azure.com.evil.example/")), bases));
    }

    void apiErrorBodiesGoToTheApiReader()
    {
        const HttpClient::ErrorReader reader = OAuthTokenEndpoint::errors(&armError);
        HttpResponse arm;
        arm.status = 404;
        arm.body = R"({"error":{"code":"ResourceNotFound","message":"Gone."}})";
        QCOMPARE(reader(arm).code, QStringLiteral("ResourceNotFound"));
        QCOMPARE(reader(arm).kind, Error::None);
        HttpResponse oauth;
        oauth.status = 400;
        oauth.body = R"({"error":"invalid_grant","error_description":"Bad."})";
        QCOMPARE(reader(oauth).code, QStringLiteral("invalid_grant"));
        QCOMPARE(reader(oauth).kind, Error::Auth);
        HttpResponse html;
        html.status = 502;
        html.body = "<html/>";
        QVERIFY(reader(html).code.isEmpty());
    }
};

QTEST_MAIN(TestOAuthToken)
#include "tst_oauthtoken.moc"
