// The service-account sign-in without a network: the JWT GceJwt signs checked by an independent
// verifier with the test key's PUBLIC half (tests/data/gce/test-key-DO-NOT-USE.pub.pem, a key
// made for these tests only), the token request GceCredentials builds for both kinds of
// credential, and the key files read through the plugin's metadata.
#include "credentialfile.h"
#include "fakegce.h"
#include "gcecredentials.h"
#include "gcejwt.h"
#include "httprequest.h"
#include "jwtverifier.h"
#include "testhelpers.h"

#include <QTest>
#include <QUrlQuery>

class TestGceJwt : public QObject
{
    Q_OBJECT

    static QByteArray publicKey()
    {
        return readFixture(QStringLiteral("gce/test-key-DO-NOT-USE.pub.pem"));
    }
    static QByteArray privateKey()
    {
        return readFixture(QStringLiteral("gce/test-key-DO-NOT-USE.pem"));
    }
    static QUrlQuery form(const HttpRequest &request)
    {
        return QUrlQuery(QString::fromUtf8(request.body));
    }

private Q_SLOTS:
    void signsAnAssertionTheTestKeysPublicHalfVerifies()
    {
        const GceJwt::Claims claims {QStringLiteral("svc@p.iam.gserviceaccount.com"),
                                     QStringLiteral("https://www.googleapis.com/auth/compute"),
                                     QStringLiteral("https://oauth2.googleapis.com/token"),
                                     1'764'748'800, 1'764'752'400};
        const Result<QByteArray> jwt = GceJwt::sign(privateKey(), QStringLiteral("kid-1"), claims);
        QVERIFY2(jwt.ok(), qPrintable(jwt.error().message()));
        // Unpadded base64url: no '=', '+' or '/' anywhere.
        QVERIFY(!jwt.value().contains('=') && !jwt.value().contains('+')
                && !jwt.value().contains('/'));
        const JwtVerifier::Verified verified = JwtVerifier::verify(jwt.value(), publicKey());
        QVERIFY2(verified.failure.isEmpty(), qPrintable(verified.failure));
        QCOMPARE(verified.header.value(QLatin1String("alg")).toString(), QStringLiteral("RS256"));
        QCOMPARE(verified.header.value(QLatin1String("typ")).toString(), QStringLiteral("JWT"));
        QCOMPARE(verified.header.value(QLatin1String("kid")).toString(), QStringLiteral("kid-1"));
        QCOMPARE(verified.claims.value(QLatin1String("iss")).toString(), claims.issuer);
        QCOMPARE(verified.claims.value(QLatin1String("scope")).toString(), claims.scope);
        QCOMPARE(verified.claims.value(QLatin1String("aud")).toString(), claims.audience);
        QCOMPARE(verified.claims.value(QLatin1String("iat")).toInteger(), claims.issuedAt);
        QCOMPARE(verified.claims.value(QLatin1String("exp")).toInteger(), claims.expiresAt);
    }

    void aTamperedAssertionDoesNotVerify()
    {
        const Result<QByteArray> jwt =
            GceJwt::sign(privateKey(), QString(),
                         {QStringLiteral("a"), QStringLiteral("s"), QStringLiteral("u"), 1, 2});
        QVERIFY(jwt.ok());
        QList<QByteArray> parts = jwt.value().split('.');
        parts[1] = GceJwt::base64Url(R"({"iss":"b","scope":"s","aud":"u","iat":1,"exp":2})");
        QVERIFY(!JwtVerifier::verify(parts.join('.'), publicKey()).failure.isEmpty());
    }

    void refusesWhatIsNotAnRsaPrivateKey_data()
    {
        QTest::addColumn<QByteArray>("pem");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray(
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        QTest::newRow("public half") << publicKey();
        QTest::newRow("truncated") << privateKey().left(400);
    }
    void refusesWhatIsNotAnRsaPrivateKey()
    {
        QFETCH(QByteArray, pem);
        const Result<QByteArray> jwt = GceJwt::sign(pem, QString(), {});
        QVERIFY(!jwt.ok());
        QCOMPARE(jwt.error().kind(), Error::InvalidInput);
        QVERIFY(jwt.error().message().contains(QLatin1String("key file")));
    }

    void serviceAccountTokenRequestIsAJwtBearerGrant()
    {
        FakeCloudServer server;
        QVERIFY(server.listen());
        FakeGce fake(server);
        const GceCredentials credentials(fake.account(), FakeGce::serviceAccountSecrets());
        QCOMPARE(credentials.kind(), GceCredentials::ServiceAccount);
        QCOMPARE(credentials.projectId(), QStringLiteral("clouddeck-test"));
        const Result<HttpRequest> request = credentials.tokenRequest(1'764'748'800);
        QVERIFY(request.ok());
        QCOMPARE(request.value().method, QByteArray("POST"));
        QCOMPARE(request.value().url, server.url(QStringLiteral("/token")));
        QCOMPARE(request.value().header("Content-Type"),
                 QByteArray("application/x-www-form-urlencoded"));
        QVERIFY(request.value().header("Authorization").isEmpty());
        const QUrlQuery body = form(request.value());
        QCOMPARE(body.queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded),
                 QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer"));
        const JwtVerifier::Verified jwt = JwtVerifier::verify(
            body.queryItemValue(QStringLiteral("assertion"), QUrl::FullyDecoded).toLatin1(),
            publicKey());
        QVERIFY2(jwt.failure.isEmpty(), qPrintable(jwt.failure));
        QCOMPARE(jwt.header.value(QLatin1String("kid")).toString(), QLatin1String(FakeGce::keyId));
        QCOMPARE(jwt.claims.value(QLatin1String("iss")).toString(),
                 QLatin1String(FakeGce::clientEmail));
        QCOMPARE(jwt.claims.value(QLatin1String("scope")).toString(),
                 QStringLiteral("https://www.googleapis.com/auth/compute "
                                "https://www.googleapis.com/auth/monitoring.read"));
        QCOMPARE(jwt.claims.value(QLatin1String("aud")).toString(),
                 QStringLiteral("https://oauth2.googleapis.com/token"));
        const qint64 iat = jwt.claims.value(QLatin1String("iat")).toInteger();
        QCOMPARE(iat, 1'764'748'800);
        QVERIFY(jwt.claims.value(QLatin1String("exp")).toInteger() - iat <= 3600);
        QVERIFY(jwt.claims.value(QLatin1String("exp")).toInteger() > iat);
    }

    void applicationDefaultCredentialsUseTheRefreshTokenGrant()
    {
        FakeCloudServer server;
        QVERIFY(server.listen());
        FakeGce fake(server);
        QVariantMap secrets = FakeGce::applicationDefaultSecrets();
        secrets.insert(QStringLiteral("refreshToken"), QStringLiteral("1//0a+b/c=d&e"));
        const GceCredentials credentials(fake.applicationDefaultAccount(), secrets);
        QCOMPARE(credentials.kind(), GceCredentials::AuthorizedUser);
        const Result<HttpRequest> request = credentials.tokenRequest(0);
        QVERIFY(request.ok());
        // Every reserved character escaped, so '+' stays a plus and '&' cannot split the form.
        QVERIFY(request.value().body.contains("refresh_token=1%2F%2F0a%2Bb%2Fc%3Dd%26e"));
        const QUrlQuery body = form(request.value());
        QCOMPARE(body.queryItemValue(QStringLiteral("grant_type")),
                 QStringLiteral("refresh_token"));
        QCOMPARE(body.queryItemValue(QStringLiteral("client_id")),
                 QStringLiteral("000000000000-clouddecktestonly.apps.googleusercontent.com"));
        QVERIFY(!body.queryItemValue(QStringLiteral("client_secret")).isEmpty());
    }

    void noCredentialsIsCredentialsMissing()
    {
        Account account;
        account.settings.insert(QStringLiteral("projectId"), QStringLiteral("p"));
        const GceCredentials credentials(account, {});
        QCOMPARE(credentials.kind(), GceCredentials::None);
        QCOMPARE(credentials.tokenRequest(0).error().kind(), Error::CredentialsMissing);
    }

    void readsTheKeyFilesThroughTheMetadata()
    {
        const ProviderMetadata metadata = FakeGce::metadata();
        QCOMPARE(metadata.credentialFiles.size(), 2);
        const auto key =
            CredentialFile::read(metadata.credentialFiles.at(0),
                                 testDataPath(QStringLiteral("gce/service_account_key.json")));
        QVERIFY(key.ok());
        QCOMPARE(key.value().value(QStringLiteral("projectId")).toString(),
                 QStringLiteral("clouddeck-test"));
        QCOMPARE(key.value().value(QStringLiteral("clientEmail")).toString(),
                 QLatin1String(FakeGce::clientEmail));
        QCOMPARE(key.value().value(QStringLiteral("privateKeyId")).toString(),
                 QLatin1String(FakeGce::keyId));
        QVERIFY(key.value()
                    .value(QStringLiteral("privateKey"))
                    .toString()
                    .startsWith(QLatin1String("-----BEGIN PRIVATE KEY-----")));
        // Only the private key is a secret field.
        for (auto it = key.value().begin(); it != key.value().end(); ++it)
            QCOMPARE(metadata.field(it.key())->secret, it.key() == QLatin1String("privateKey"));
        // The ADC file is not a key file, and the other way round.
        const auto wrong = CredentialFile::read(
            metadata.credentialFiles.at(0),
            testDataPath(QStringLiteral("gce/application_default_credentials.json")));
        QCOMPARE(wrong.error().kind(), Error::InvalidInput);
        QVERIFY(wrong.error().message().contains(QLatin1String("authorized_user")));
        const auto adc = CredentialFile::read(
            metadata.credentialFiles.at(1),
            testDataPath(QStringLiteral("gce/application_default_credentials.json")));
        QVERIFY(adc.ok());
        QCOMPARE(adc.value().value(QStringLiteral("projectId")).toString(),
                 QStringLiteral("clouddeck-test"));
        QVERIFY(metadata.field(QStringLiteral("refreshToken"))->secret);
        QVERIFY(metadata.field(QStringLiteral("refreshToken"))->hidden);
        QVERIFY(!CredentialFile::parse(metadata.credentialFiles.at(0), "[1]").ok());
        QVERIFY(!CredentialFile::read(metadata.credentialFiles.at(0),
                                      QStringLiteral("/nonexistent/key.json"))
                     .ok());
    }
};

QTEST_GUILESS_MAIN(TestGceJwt)
#include "tst_gcejwt.moc"
