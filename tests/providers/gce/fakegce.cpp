#include "fakegce.h"

#include "credentialfile.h"
#include "jwtverifier.h"
#include "providertesting.h"
#include "testhelpers.h"

#include <QFile>
#include <QUrlQuery>

namespace {
QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}
} // namespace

FakeGce::FakeGce(FakeCloudServer &server)
    : m_server(server)
{ }

QString FakeGce::path(const QString &path)
{
    return QStringLiteral("/compute/v1/projects/%1%2").arg(QLatin1String(project), path);
}

FakeResponse FakeGce::fixture(const QString &name, int status)
{
    return FakeResponse::file(testDataPath(QStringLiteral("gce/%1.json").arg(name)), status);
}

QByteArray FakeGce::currentToken() const
{
    return "ya29.test-" + QByteArray::number(m_grants);
}

FakeResponse FakeGce::token(const RecordedRequest &request)
{
    if (request.header("Content-Type") != "application/x-www-form-urlencoded")
        m_failures.append(QStringLiteral("token request is not a form"));
    if (!request.header("Authorization").isEmpty())
        m_failures.append(QStringLiteral("the token request carried an Authorization header"));
    const QUrlQuery form(QString::fromUtf8(request.body));
    const QString grant = form.queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded);
    if (grant == QLatin1String("urn:ietf:params:oauth:grant-type:jwt-bearer")) {
        const QByteArray assertion =
            form.queryItemValue(QStringLiteral("assertion"), QUrl::FullyDecoded).toLatin1();
        const JwtVerifier::Verified jwt = JwtVerifier::verify(
            assertion, readFile(testDataPath(QStringLiteral("gce/test-key-DO-NOT-USE.pub.pem"))));
        QStringList wrong;
        if (!jwt.failure.isEmpty())
            wrong.append(jwt.failure);
        const QJsonObject &claims = jwt.claims;
        if (jwt.header.value(QLatin1String("kid")).toString() != QLatin1String(keyId))
            wrong.append(QStringLiteral("kid"));
        if (claims.value(QLatin1String("iss")).toString() != QLatin1String(clientEmail))
            wrong.append(QStringLiteral("iss"));
        if (claims.value(QLatin1String("scope")).toString()
            != QLatin1String("https://www.googleapis.com/auth/compute "
                             "https://www.googleapis.com/auth/monitoring.read"))
            wrong.append(QStringLiteral("scope"));
        if (claims.value(QLatin1String("aud")).toString()
            != QLatin1String("https://oauth2.googleapis.com/token"))
            wrong.append(QStringLiteral("aud"));
        const qint64 iat = claims.value(QLatin1String("iat")).toInteger(-1);
        const qint64 exp = claims.value(QLatin1String("exp")).toInteger(-1);
        if (iat <= 0 || exp <= iat || exp - iat > 3600)
            wrong.append(QStringLiteral("iat/exp (more than an hour, or not numbers)"));
        if (!wrong.isEmpty()) {
            m_failures.append(QStringLiteral("assertion: ") + wrong.join(QStringLiteral(", ")));
            return fixture(QStringLiteral("token_error_invalid_grant"), 400);
        }
        m_lastClaims = claims;
        m_lastHeader = jwt.header;
    } else if (grant == QLatin1String("refresh_token")) {
        const QVariantMap adc = applicationDefaultSecrets();
        if (form.queryItemValue(QStringLiteral("refresh_token"), QUrl::FullyDecoded)
                != adc.value(QStringLiteral("refreshToken")).toString()
            || form.queryItemValue(QStringLiteral("client_secret"), QUrl::FullyDecoded)
                   != adc.value(QStringLiteral("clientSecret")).toString()
            || form.queryItemValue(QStringLiteral("client_id"), QUrl::FullyDecoded)
                   != applicationDefaultAccount()
                          .settings.value(QStringLiteral("clientId"))
                          .toString()) {
            m_failures.append(QStringLiteral("refresh_token grant with the wrong client or token"));
            return fixture(QStringLiteral("token_error_invalid_grant"), 400);
        }
    } else {
        m_failures.append(QStringLiteral("unknown grant_type ") + grant);
        return fixture(QStringLiteral("token_error_invalid_grant"), 400);
    }
    ++m_grants;
    m_revoked = false;
    QJsonObject reply = readJsonFixture(QStringLiteral("gce/token.json")).object();
    reply.insert(QStringLiteral("access_token"), QString::fromLatin1(currentToken()));
    return FakeResponse::json(reply);
}

FakeResponse FakeGce::authorizedOr(const RecordedRequest &request, const FakeResponse &response)
{
    if (m_revoked || m_grants == 0 || request.header("Authorization") != "Bearer " + currentToken())
        return fixture(QStringLiteral("error_unauthenticated"), 401);
    return response;
}

void FakeGce::serveFixtures()
{
    m_server.on("POST", QStringLiteral("/token"),
                [this](const RecordedRequest &request) { return token(request); });
    auto route = [this](const QByteArray &method, const QString &pattern,
                        std::function<FakeResponse(const RecordedRequest &)> answer) {
        m_server.on(method, path(pattern), [this, answer](const RecordedRequest &request) {
            return authorizedOr(request, answer(request));
        });
    };
    auto fixed = [](const QString &name) {
        return [name](const RecordedRequest &) {
            return fixture(name);
        };
    };
    route("GET", QString(), fixed(QStringLiteral("project")));
    route("GET", QStringLiteral("/aggregated/instances"), [](const RecordedRequest &request) {
        return fixture(request.query.hasQueryItem(QStringLiteral("pageToken"))
                           ? QStringLiteral("instances_aggregated_page2")
                           : QStringLiteral("instances_aggregated_page1"));
    });
    route("GET", QStringLiteral("/aggregated/disks"), fixed(QStringLiteral("disks_aggregated")));
    for (const char *verb : {"start", "stop", "reset", "resume"})
        route("POST", QStringLiteral("/zones/*/instances/*/") + QLatin1String(verb),
              fixed(QStringLiteral("operation_running")));
    route("DELETE", QStringLiteral("/zones/*/instances/*"),
          fixed(QStringLiteral("operation_running")));
    route("POST", QStringLiteral("/zones/*/operations/*/wait"),
          fixed(QStringLiteral("operation_done")));
    route("POST", QStringLiteral("/zones/*/instances"), fixed(QStringLiteral("operation_insert")));
    route("GET", QStringLiteral("/zones"), fixed(QStringLiteral("zones")));
    route("GET", QStringLiteral("/zones/*/machineTypes"),
          fixed(QStringLiteral("machine_types_page1")));
    route("GET", QStringLiteral("/global/images"), fixed(QStringLiteral("images_own")));
    // Public image projects are other projects: their own paths.
    m_server.on("GET", QStringLiteral("/compute/v1/projects/*/global/images/family/*"),
                [this](const RecordedRequest &request) {
                    return authorizedOr(request,
                                        request.pathArgs.value(1) == QLatin1String("debian-12")
                                            ? fixture(QStringLiteral("image_family_debian"))
                                            : fixture(QStringLiteral("error_not_found"), 404));
                });
}

ProviderMetadata FakeGce::metadata()
{
    return ProviderTesting::metadata(GCE_METADATA);
}

Account FakeGce::account(const QStringList &regions) const
{
    Account account;
    account.id = QStringLiteral("00000000-0000-4000-8000-000000000ce1");
    account.providerId = QStringLiteral("gce");
    account.name = QStringLiteral("GCE test");
    account.endpoint = m_server.url(QStringLiteral("/compute/v1"));
    account.regions = regions;
    const ProviderMetadata meta = metadata();
    const auto values = CredentialFile::read(
        meta.credentialFiles.at(0), testDataPath(QStringLiteral("gce/service_account_key.json")));
    for (auto it = values.value().begin(); it != values.value().end(); ++it) {
        if (!meta.field(it.key())->secret)
            account.settings.insert(it.key(), it.value());
    }
    account.settings.insert(QStringLiteral("tokenEndpoint"),
                            m_server.url(QStringLiteral("/token")).toString());
    account.settings.insert(QStringLiteral("monitoringEndpoint"),
                            m_server.url(QStringLiteral("/monitoring/v3")).toString());
    return account;
}

QVariantMap FakeGce::serviceAccountSecrets()
{
    const ProviderMetadata meta = metadata();
    const auto values = CredentialFile::read(
        meta.credentialFiles.at(0), testDataPath(QStringLiteral("gce/service_account_key.json")));
    return {{QStringLiteral("privateKey"), values.value().value(QStringLiteral("privateKey"))}};
}

QVariantMap FakeGce::applicationDefaultSecrets()
{
    const ProviderMetadata meta = metadata();
    QVariantMap values =
        CredentialFile::read(
            meta.credentialFiles.at(1),
            testDataPath(QStringLiteral("gce/application_default_credentials.json")))
            .value();
    return {{QStringLiteral("clientSecret"), values.value(QStringLiteral("clientSecret"))},
            {QStringLiteral("refreshToken"), values.value(QStringLiteral("refreshToken"))}};
}

Account FakeGce::applicationDefaultAccount() const
{
    Account result = account();
    for (const char *key : {"clientEmail", "privateKeyId"})
        result.settings.remove(QLatin1String(key));
    result.settings.insert(
        QStringLiteral("clientId"),
        QStringLiteral("000000000000-clouddecktestonly.apps.googleusercontent.com"));
    return result;
}
