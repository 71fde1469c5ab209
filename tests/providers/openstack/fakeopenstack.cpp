#include "fakeopenstack.h"

#include "novaparser.h"
#include "testhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace {
const QString s_host = QStringLiteral("http://openstack.example.com");

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    default:
        return QStringLiteral("undefined");
    }
}

void expectString(QStringList &problems, const QJsonObject &object, const QString &key,
                  const QString &where)
{
    if (!object.value(key).isString() || object.value(key).toString().isEmpty())
        problems.append(QStringLiteral("%1.%2 must be a non-empty string, not %3")
                            .arg(where, key, typeName(object.value(key))));
}

void onlyKeys(QStringList &problems, const QJsonObject &object, const QStringList &allowed,
              const QString &where)
{
    for (const QString &key : object.keys()) {
        if (!allowed.contains(key))
            problems.append(QStringLiteral("%1 has a field the reference does not define: %2")
                                .arg(where, key));
    }
}

QStringList checkDomain(const QJsonValue &value, const QString &where)
{
    QStringList problems;
    const QJsonObject domain = value.toObject();
    if (!value.isObject() || (domain.value(QLatin1String("name")).toString().isEmpty()
                              && domain.value(QLatin1String("id")).toString().isEmpty()))
        problems.append(where + QStringLiteral(" must be an object with a name or an id"));
    onlyKeys(problems, domain, {QStringLiteral("name"), QStringLiteral("id")}, where);
    return problems;
}
} // namespace

QStringList checkAuthBody(const QJsonObject &body)
{
    // api-ref identity v3: "Password authentication with scoped authorization" and
    // "Authenticating with an Application Credential".
    QStringList problems;
    onlyKeys(problems, body, {QStringLiteral("auth")}, QStringLiteral("body"));
    const QJsonObject auth = body.value(QLatin1String("auth")).toObject();
    onlyKeys(problems, auth, {QStringLiteral("identity"), QStringLiteral("scope")},
             QStringLiteral("auth"));
    const QJsonObject identity = auth.value(QLatin1String("identity")).toObject();
    const QJsonArray methods = identity.value(QLatin1String("methods")).toArray();
    if (methods.size() != 1)
        return problems << QStringLiteral("auth.identity.methods must name one method");
    const QString method = methods.at(0).toString();
    onlyKeys(problems, identity, {QStringLiteral("methods"), method},
             QStringLiteral("auth.identity"));
    if (method == QLatin1String("application_credential")) {
        const QJsonObject credential = identity.value(method).toObject();
        expectString(problems, credential, QStringLiteral("id"),
                     QStringLiteral("application_credential"));
        expectString(problems, credential, QStringLiteral("secret"),
                     QStringLiteral("application_credential"));
        onlyKeys(problems, credential, {QStringLiteral("id"), QStringLiteral("secret")},
                 QStringLiteral("application_credential"));
        if (auth.contains(QLatin1String("scope")))
            problems.append(QStringLiteral("an application credential takes no scope"));
    } else if (method == QLatin1String("password")) {
        const QJsonObject user =
            identity.value(method).toObject().value(QLatin1String("user")).toObject();
        expectString(problems, user, QStringLiteral("name"), QStringLiteral("password.user"));
        expectString(problems, user, QStringLiteral("password"), QStringLiteral("password.user"));
        problems += checkDomain(user.value(QLatin1String("domain")),
                                QStringLiteral("password.user.domain"));
        onlyKeys(problems, user,
                 {QStringLiteral("name"), QStringLiteral("password"), QStringLiteral("domain")},
                 QStringLiteral("password.user"));
        const QJsonObject project =
            auth.value(QLatin1String("scope")).toObject().value(QLatin1String("project")).toObject();
        if (project.value(QLatin1String("id")).toString().isEmpty()) {
            expectString(problems, project, QStringLiteral("name"), QStringLiteral("scope.project"));
            problems += checkDomain(project.value(QLatin1String("domain")),
                                    QStringLiteral("scope.project.domain"));
        }
    } else {
        problems.append(QStringLiteral("unknown method ") + method);
    }
    return problems;
}

QStringList checkActionBody(const QJsonObject &body)
{
    // api-ref compute: Start Server (os-start), Stop Server (os-stop), Reboot Server.
    QStringList problems;
    if (body.size() != 1)
        return {QStringLiteral("an action body has exactly one action")};
    const QString action = body.keys().constFirst();
    const QJsonValue value = body.value(action);
    if (action == QLatin1String("os-start") || action == QLatin1String("os-stop")) {
        if (!value.isNull())
            problems.append(action + QStringLiteral(" must be null"));
    } else if (action == QLatin1String("reboot")) {
        const QString type = value.toObject().value(QLatin1String("type")).toString();
        if (type != QLatin1String("SOFT") && type != QLatin1String("HARD"))
            problems.append(QStringLiteral("reboot.type must be SOFT or HARD"));
        onlyKeys(problems, value.toObject(), {QStringLiteral("type")}, QStringLiteral("reboot"));
    } else {
        problems.append(QStringLiteral("unexpected action ") + action);
    }
    return problems;
}

QStringList checkCreateBody(const QJsonObject &body, const QString &microversion)
{
    // api-ref compute: Create Server; nova/api/openstack/compute/schemas/servers.py.
    QStringList problems;
    onlyKeys(problems, body, {QStringLiteral("server")}, QStringLiteral("body"));
    const QJsonObject server = body.value(QLatin1String("server")).toObject();
    onlyKeys(problems, server,
             {QStringLiteral("name"), QStringLiteral("flavorRef"), QStringLiteral("imageRef"),
              QStringLiteral("key_name"), QStringLiteral("networks"), QStringLiteral("metadata"),
              QStringLiteral("tags"), QStringLiteral("user_data")},
             QStringLiteral("server"));
    for (const char *required : {"name", "flavorRef", "imageRef"})
        expectString(problems, server, QString::fromLatin1(required), QStringLiteral("server"));
    if (server.contains(QLatin1String("key_name")))
        expectString(problems, server, QStringLiteral("key_name"), QStringLiteral("server"));
    const QJsonValue networks = server.value(QLatin1String("networks"));
    const bool from237 = NovaParser::compareVersions(microversion, QStringLiteral("2.37")) >= 0;
    if (networks.isString()) {
        if (!from237 || (networks.toString() != QLatin1String("auto")
                         && networks.toString() != QLatin1String("none")))
            problems.append(QStringLiteral("networks as a string is \"auto\"/\"none\", from 2.37"));
    } else if (networks.isArray()) {
        for (const QJsonValue &network : networks.toArray()) {
            if (network.toObject().value(QLatin1String("uuid")).toString().isEmpty())
                problems.append(QStringLiteral("each network needs a uuid"));
        }
    } else if (from237) {
        problems.append(QStringLiteral("networks is required from 2.37"));
    }
    if (server.contains(QLatin1String("metadata"))) {
        const QJsonObject metadata = server.value(QLatin1String("metadata")).toObject();
        for (auto it = metadata.begin(); it != metadata.end(); ++it) {
            if (!it.value().isString())
                problems.append(QStringLiteral("metadata values are strings"));
        }
    }
    if (server.contains(QLatin1String("tags"))) {
        if (NovaParser::compareVersions(microversion, QStringLiteral("2.52")) < 0)
            problems.append(QStringLiteral("tags on create need 2.52"));
        for (const QJsonValue &tag : server.value(QLatin1String("tags")).toArray()) {
            if (!tag.isString() || tag.toString().contains(QLatin1Char('/'))
                || tag.toString().contains(QLatin1Char(',')) || tag.toString().size() > 60)
                problems.append(QStringLiteral("a tag is a string of at most 60, no / or ,"));
        }
    }
    if (server.contains(QLatin1String("user_data"))) {
        const QByteArray data = server.value(QLatin1String("user_data")).toString().toLatin1();
        const auto decoded =
            QByteArray::fromBase64Encoding(data, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || data.size() > 65535)
            problems.append(QStringLiteral("user_data must be base64 of at most 65535 bytes"));
    }
    return problems;
}

FakeOpenStack::FakeOpenStack(FakeCloudServer &server)
    : m_server(server)
{ }

ProviderMetadata FakeOpenStack::metadata()
{
    return ProviderTesting::metadata(OPENSTACK_METADATA);
}

Account FakeOpenStack::account() const
{
    Account account = ProviderTesting::account(
        m_server, {QStringLiteral("7e0d3c1a-openstack-test"), QStringLiteral("openstack"),
                   QStringLiteral("OpenStack test"), QStringLiteral("/identity/v3")});
    account.settings.insert(QStringLiteral("applicationCredentialId"),
                            QString::fromLatin1(appCredentialId));
    return account;
}

Account FakeOpenStack::passwordAccount() const
{
    Account account = ProviderTesting::account(
        m_server, {QStringLiteral("7e0d3c1a-openstack-pw"), QStringLiteral("openstack"),
                   QStringLiteral("OpenStack password"), QStringLiteral("/identity/v3")});
    account.settings.insert(QStringLiteral("username"), QString::fromLatin1(username));
    account.settings.insert(QStringLiteral("userDomainName"), QStringLiteral("Default"));
    account.settings.insert(QStringLiteral("projectName"), QStringLiteral("demo"));
    account.settings.insert(QStringLiteral("projectDomainName"), QStringLiteral("Default"));
    return account;
}

QVariantMap FakeOpenStack::appCredentialSecrets()
{
    return {{QStringLiteral("applicationCredentialSecret"), QString::fromLatin1(appCredentialSecret)}};
}

QVariantMap FakeOpenStack::passwordSecrets()
{
    return {{QStringLiteral("password"), QString::fromLatin1(password)}};
}

std::unique_ptr<OpenStackProvider> FakeOpenStack::provider(const Account &account,
                                                           const QVariantMap &secrets) const
{
    auto provider = std::make_unique<OpenStackProvider>(metadata(), account, secrets);
    HttpClient::RetryPolicy retries;
    retries.maxRetries = 1;
    retries.baseDelayMs = 10;
    retries.maxDelayMs = 50;
    provider->http()->setRetryPolicy(retries);
    provider->setPageSize(2);
    return provider;
}

std::unique_ptr<OpenStackProvider> FakeOpenStack::provider() const
{
    return provider(account(), appCredentialSecrets());
}

QByteArray FakeOpenStack::fixture(const QString &name) const
{
    QByteArray bytes = readFixture(QStringLiteral("openstack/%1.json").arg(name));
    bytes.replace(s_host.toUtf8(), m_server.url().toString().toUtf8());
    return bytes;
}

FakeResponse FakeOpenStack::reply(const QString &name, int status) const
{
    return FakeResponse::raw(status, fixture(name));
}

QList<RecordedRequest> FakeOpenStack::authorizedRequests() const
{
    QList<RecordedRequest> result;
    for (const RecordedRequest &request : m_server.requests()) {
        if (!request.path.endsWith(QLatin1String("/auth/tokens")))
            result.append(request);
    }
    return result;
}

void FakeOpenStack::violation(const RecordedRequest &request, const QString &what) const
{
    m_state->violations.append(
        QStringLiteral("%1 %2: %3").arg(QString::fromLatin1(request.method), request.path, what));
}

std::optional<FakeResponse> FakeOpenStack::refuse(const RecordedRequest &request) const
{
    const QByteArray token = request.header("X-Auth-Token");
    if (!token.isEmpty() && m_state->issued.contains(token) && !m_state->revoked.contains(token))
        return std::nullopt;
    return FakeResponse::file(QStringLiteral("openstack/error_keystone_unauthorized.json"), 401)
        .withHeader("WWW-Authenticate", "Keystone uri=\"" + m_server.url().toEncoded() + "/identity\"");
}

void FakeOpenStack::checkMicroversion(const RecordedRequest &request) const
{
    // "OpenStack-API-Version: compute 2.x" (api-ref compute, "Microversions"); never above the
    // maximum this Nova advertises.
    const QByteArray header = request.header("OpenStack-API-Version");
    static const QRegularExpression pattern(QStringLiteral("^compute (\\d+\\.\\d+)$"));
    const auto match = pattern.match(QString::fromLatin1(header));
    if (!match.hasMatch())
        return violation(request, QStringLiteral("no OpenStack-API-Version: compute X.Y header"));
    if (NovaParser::compareVersions(match.captured(1), m_state->novaMax) > 0)
        violation(request, QStringLiteral("microversion above the cloud's maximum"));
}

void FakeOpenStack::serveFixtures(const QString &tokenFixture)
{
    serveKeystone(tokenFixture);
    serveNova(QStringLiteral("/compute/v2.1"),
              {QStringLiteral("servers_detail_regionone_page1"),
               QStringLiteral("servers_detail_regionone_page2")},
              QStringLiteral("flavors_detail"));
    serveNova(QStringLiteral("/r2/compute/v2.1"), {QStringLiteral("servers_detail_regiontwo")},
              QStringLiteral("flavors_detail_regiontwo"));
    serveGlanceAndNeutron();
}

void FakeOpenStack::serveKeystone(const QString &tokenFixture)
{
    const auto state = m_state;
    m_server.on("POST", QStringLiteral("/identity/v3/auth/tokens"),
                [this, state, tokenFixture](const RecordedRequest &request) {
                    if (!request.header("Content-Type").startsWith("application/json"))
                        violation(request, QStringLiteral("Content-Type is not application/json"));
                    if (!request.header("X-Auth-Token").isEmpty())
                        violation(request, QStringLiteral("a token sent to get a token"));
                    const QJsonObject body = request.json();
                    for (const QString &problem : checkAuthBody(body))
                        violation(request, problem);
                    const QJsonObject identity =
                        body[QLatin1String("auth")][QLatin1String("identity")].toObject();
                    const QJsonObject credential =
                        identity[QLatin1String("application_credential")].toObject();
                    const QJsonObject user =
                        identity[QLatin1String("password")][QLatin1String("user")].toObject();
                    const bool valid =
                        (credential[QLatin1String("id")] == QLatin1String(appCredentialId)
                         && credential[QLatin1String("secret")]
                                == QLatin1String(appCredentialSecret))
                        || (user[QLatin1String("name")] == QLatin1String(username)
                            && user[QLatin1String("password")] == QLatin1String(password));
                    if (!valid)
                        return FakeResponse::file(
                            QStringLiteral("openstack/error_keystone_unauthorized.json"), 401);
                    const QByteArray token = "gAAAAABfake-token-" + QByteArray::number(state->next++);
                    state->issued.insert(token);
                    return FakeResponse::raw(201, fixture(tokenFixture))
                        .withHeader("X-Subject-Token", token);
                });
}

void FakeOpenStack::serveNova(const QString &prefix, const QStringList &pages,
                              const QString &flavors)
{
    m_server.on("GET", prefix, reply(QStringLiteral("compute_version")));
    // GET /servers/{id} first: the later route wins, and /servers/detail must stay itself.
    m_server.on("GET", prefix + QStringLiteral("/servers/*"),
                [this, pages](const RecordedRequest &request) {
                    if (auto refused = refuse(request))
                        return *refused;
                    for (const QString &page : pages) {
                        const QJsonArray servers = QJsonDocument::fromJson(fixture(page))
                                                       .object()[QLatin1String("servers")]
                                                       .toArray();
                        for (const QJsonValue &server : servers) {
                            if (server[QLatin1String("id")] == request.pathArgs.value(0))
                                return FakeResponse::json(
                                    QJsonObject {{QStringLiteral("server"), server}});
                        }
                    }
                    return reply(QStringLiteral("error_item_not_found"), 404);
                });
    m_server.on("GET", prefix + QStringLiteral("/servers/detail"),
                [this, pages](const RecordedRequest &request) {
                    if (auto refused = refuse(request))
                        return *refused;
                    checkMicroversion(request);
                    if (request.query.queryItemValue(QStringLiteral("limit")).toInt() <= 0)
                        violation(request, QStringLiteral("limit is a positive integer"));
                    const QString marker = request.query.queryItemValue(QStringLiteral("marker"));
                    if (marker.isEmpty())
                        return reply(pages.constFirst());
                    for (qsizetype i = 0; i + 1 < pages.size(); ++i) {
                        const QJsonArray servers = QJsonDocument::fromJson(fixture(pages.at(i)))
                                                       .object()[QLatin1String("servers")]
                                                       .toArray();
                        if (servers.last()[QLatin1String("id")].toString() == marker)
                            return reply(pages.at(i + 1));
                    }
                    return reply(QStringLiteral("error_bad_request"), 400);
                });
    m_server.on("POST", prefix + QStringLiteral("/servers/*/action"),
                [this](const RecordedRequest &request) {
                    if (auto refused = refuse(request))
                        return *refused;
                    checkMicroversion(request);
                    for (const QString &problem : checkActionBody(request.json()))
                        violation(request, problem);
                    return FakeResponse::raw(202, {}, "text/plain");
                });
    m_server.on("DELETE", prefix + QStringLiteral("/servers/*"),
                [this](const RecordedRequest &request) {
                    if (auto refused = refuse(request))
                        return *refused;
                    checkMicroversion(request);
                    if (!request.body.isEmpty())
                        violation(request, QStringLiteral("DELETE has no body"));
                    return FakeResponse::raw(204, {}, "text/plain");
                });
    m_server.on("POST", prefix + QStringLiteral("/servers"), [this](const RecordedRequest &request) {
        if (auto refused = refuse(request))
            return *refused;
        checkMicroversion(request);
        const QString version =
            QString::fromLatin1(request.header("OpenStack-API-Version")).section(QLatin1Char(' '), 1);
        for (const QString &problem : checkCreateBody(request.json(), version))
            violation(request, problem);
        return reply(QStringLiteral("server_create_response"), 202);
    });
    m_server.on("GET", prefix + QStringLiteral("/flavors/detail"),
                [this, flavors](const RecordedRequest &request) {
                    if (auto refused = refuse(request))
                        return *refused;
                    checkMicroversion(request);
                    return reply(flavors);
                });
    m_server.on("GET", prefix + QStringLiteral("/os-keypairs"), [this](const RecordedRequest &request) {
        if (auto refused = refuse(request))
            return *refused;
        checkMicroversion(request);
        const QString marker = request.query.queryItemValue(QStringLiteral("marker"));
        if (marker.isEmpty())
            return reply(QStringLiteral("keypairs_page1"));
        if (marker == QLatin1String("keypair-5d935425-31d5-48a7-a0f1-e76e9813f2c3"))
            return reply(QStringLiteral("keypairs_page2"));
        return reply(QStringLiteral("error_bad_request"), 400);
    });
}

void FakeOpenStack::serveGlanceAndNeutron()
{
    for (const QString &prefix : {QString(), QStringLiteral("/r2")}) {
        m_server.on("GET", prefix + QStringLiteral("/image/v2/images"),
                    [this](const RecordedRequest &request) {
                        if (auto refused = refuse(request))
                            return *refused;
                        if (request.query.queryItemValue(QStringLiteral("status"))
                            != QLatin1String("active"))
                            violation(request, QStringLiteral("images are asked for active only"));
                        const QString marker =
                            request.query.queryItemValue(QStringLiteral("marker"));
                        if (marker.isEmpty())
                            return reply(QStringLiteral("images_page1"));
                        if (marker == QLatin1String("781b3762-9469-4cec-b58d-3349e5de4e9c"))
                            return reply(QStringLiteral("images_page2"));
                        return FakeResponse::raw(400, "400 Bad Request\n\nmarker not found",
                                                 "text/plain");
                    });
        m_server.on("GET", prefix + QStringLiteral("/network/v2.0/networks"),
                    [this](const RecordedRequest &request) {
                        if (auto refused = refuse(request))
                            return *refused;
                        return reply(QStringLiteral("networks"));
                    });
    }
}
