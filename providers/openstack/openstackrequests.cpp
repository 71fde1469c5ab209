#include "openstackrequests.h"

#include "novaparser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUrlQuery>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("OpenStackRequests", text);
}

QString setting(const Account &account, const char *id)
{
    return account.settings.value(QString::fromLatin1(id)).toString().trimmed();
}

// {"name": ..} or {"id": ..} of a domain; the name "Default" when neither is given, as the
// openstack client assumes.
QJsonObject domain(const Account &account, const char *nameField, const char *idField)
{
    const QString id = setting(account, idField);
    if (!id.isEmpty())
        return {{QStringLiteral("id"), id}};
    const QString name = setting(account, nameField);
    return {{QStringLiteral("name"), name.isEmpty() ? QStringLiteral("Default") : name}};
}
} // namespace

Result<OpenStackRequests::AuthMethod> OpenStackRequests::authMethod(const Account &account,
                                                                   const QVariantMap &secrets)
{
    if (!setting(account, "applicationCredentialId").isEmpty()) {
        if (secrets.value(QStringLiteral("applicationCredentialSecret")).toString().isEmpty())
            return Error(Error::CredentialsMissing,
                         tr("The application credential's secret is missing. Edit the account "
                            "and enter it (it was shown once, when the credential was made)."));
        return AuthMethod::ApplicationCredential;
    }
    if (setting(account, "username").isEmpty())
        return Error(Error::CredentialsMissing,
                     tr("This OpenStack account has neither an application credential nor a user "
                        "name. Enter an application credential ID and secret (recommended), or a "
                        "user name, password and project."));
    if (secrets.value(QStringLiteral("password")).toString().isEmpty())
        return Error(Error::CredentialsMissing,
                     tr("The password for %1 is missing. Edit the account and enter it.")
                         .arg(setting(account, "username")));
    if (setting(account, "projectName").isEmpty() && setting(account, "projectId").isEmpty())
        return Error(Error::InvalidInput,
                     tr("Password sign-in needs a project (name or ID): without one Keystone "
                        "gives no service catalog, so CloudDeck could not find any servers."));
    return AuthMethod::Password;
}

Result<QJsonObject> OpenStackRequests::authBody(const Account &account, const QVariantMap &secrets)
{
    const Result<AuthMethod> method = authMethod(account, secrets);
    if (!method.ok())
        return method.error();
    QJsonObject auth;
    if (method.value() == AuthMethod::ApplicationCredential) {
        auth.insert(QStringLiteral("identity"),
                    QJsonObject {
                        {QStringLiteral("methods"),
                         QJsonArray {QStringLiteral("application_credential")}},
                        {QStringLiteral("application_credential"),
                         QJsonObject {{QStringLiteral("id"),
                                       setting(account, "applicationCredentialId")},
                                      {QStringLiteral("secret"),
                                       secrets.value(QStringLiteral("applicationCredentialSecret"))
                                           .toString()}}}});
        return QJsonObject {{QStringLiteral("auth"), auth}};
    }
    const QJsonObject user {
        {QStringLiteral("name"), setting(account, "username")},
        {QStringLiteral("domain"), domain(account, "userDomainName", "userDomainId")},
        {QStringLiteral("password"), secrets.value(QStringLiteral("password")).toString()}};
    auth.insert(QStringLiteral("identity"),
                QJsonObject {{QStringLiteral("methods"), QJsonArray {QStringLiteral("password")}},
                             {QStringLiteral("password"),
                              QJsonObject {{QStringLiteral("user"), user}}}});
    QJsonObject project;
    if (const QString id = setting(account, "projectId"); !id.isEmpty()) {
        project.insert(QStringLiteral("id"), id);
    } else {
        project.insert(QStringLiteral("name"), setting(account, "projectName"));
        project.insert(QStringLiteral("domain"),
                       domain(account, "projectDomainName", "projectDomainId"));
    }
    auth.insert(QStringLiteral("scope"), QJsonObject {{QStringLiteral("project"), project}});
    return QJsonObject {{QStringLiteral("auth"), auth}};
}

QUrl OpenStackRequests::tokensUrl(const QUrl &authUrl)
{
    QString path = authUrl.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (!path.endsWith(QLatin1String("/v3")))
        path += QStringLiteral("/v3");
    QUrl result = authUrl;
    result.setPath(path + QStringLiteral("/auth/tokens"));
    result.setQuery(QString());
    return result;
}

QUrl OpenStackRequests::serviceUrl(const QUrl &endpoint, const QString &path,
                                   const QList<std::pair<QString, QString>> &query)
{
    QUrl result = endpoint;
    QString basePath = result.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    result.setPath(basePath + path);
    QUrlQuery urlQuery;
    for (const auto &[name, value] : query)
        urlQuery.addQueryItem(name, value);
    result.setQuery(urlQuery);
    return result;
}

QUrl OpenStackRequests::versioned(const QUrl &endpoint, const QString &version)
{
    QString path = endpoint.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    QUrl result = endpoint;
    result.setPath(path.endsWith(QLatin1Char('/') + version) ? path
                                                             : path + QLatin1Char('/') + version);
    return result;
}

QJsonObject OpenStackRequests::actionBody(MachineAction::Action action, bool hardReboot)
{
    switch (action) {
    case MachineAction::Start:
        return {{QStringLiteral("os-start"), QJsonValue::Null}};
    case MachineAction::Shutdown:
    case MachineAction::PowerOff:
        // Nova's os-stop is its only stop: a clean shutdown that powers off after the guest's
        // shutdown timeout.
        return {{QStringLiteral("os-stop"), QJsonValue::Null}};
    case MachineAction::Reboot:
        return {{QStringLiteral("reboot"),
                 QJsonObject {{QStringLiteral("type"),
                               hardReboot ? QStringLiteral("HARD") : QStringLiteral("SOFT")}}}};
    case MachineAction::Destroy:
        break;
    }
    return {};
}

Result<QJsonObject> OpenStackRequests::createBody(const CreateMachineRequest &request,
                                                  const QString &networkId,
                                                  const QString &microversion)
{
    static const QRegularExpression hostname(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$"));
    if (!hostname.match(request.name).hasMatch())
        return Error(Error::InvalidInput,
                     tr("\"%1\" is not a usable server name: letters, digits, '.', '-' and '_', "
                        "starting with a letter or digit.")
                         .arg(request.name));
    if (request.size.isEmpty() || request.image.isEmpty())
        return Error(Error::InvalidInput, tr("Choose a flavor and an image."));
    if (request.sshKeys.size() > 1)
        return Error(Error::InvalidInput,
                     tr("OpenStack takes one key pair per server; choose one."));
    QJsonObject server {{QStringLiteral("name"), request.name},
                        {QStringLiteral("flavorRef"), request.size},
                        {QStringLiteral("imageRef"), request.image}};
    if (!request.sshKeys.isEmpty())
        server.insert(QStringLiteral("key_name"), request.sshKeys.constFirst());
    if (!networkId.isEmpty())
        server.insert(QStringLiteral("networks"),
                      QJsonArray {QJsonObject {{QStringLiteral("uuid"), networkId}}});
    else if (NovaParser::compareVersions(microversion, QStringLiteral("2.37")) >= 0)
        server.insert(QStringLiteral("networks"), QStringLiteral("auto"));
    const QVariantMap metadata = request.extra.value(QStringLiteral("metadata")).toMap();
    if (!metadata.isEmpty())
        server.insert(QStringLiteral("metadata"), QJsonObject::fromVariantMap(metadata));
    if (!request.tags.isEmpty()) {
        if (NovaParser::compareVersions(microversion, QStringLiteral("2.52")) < 0)
            return Error(Error::Unsupported,
                         tr("This cloud's Compute API (microversion %1) cannot tag a server when "
                            "it is created (that needs 2.52). Create it without tags.")
                             .arg(microversion.isEmpty() ? QStringLiteral("2.1") : microversion));
        server.insert(QStringLiteral("tags"), QJsonArray::fromStringList(request.tags));
    }
    if (!request.userData.isEmpty()) {
        const QByteArray encoded = request.userData.toUtf8().toBase64();
        if (encoded.size() > 65535)
            return Error(Error::InvalidInput,
                         tr("The user data is too long: Nova takes at most 64 KiB once encoded."));
        server.insert(QStringLiteral("user_data"), QString::fromLatin1(encoded));
    }
    return QJsonObject {{QStringLiteral("server"), server}};
}
