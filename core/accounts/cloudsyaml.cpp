#include "cloudsyaml.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <yaml-cpp/yaml.h>

namespace {
// The auth fields CloudDeck reads, from clouds.yaml's names to the account's.
const struct
{
    const char *yaml;
    const char *setting;
} s_settings[] = {
    {"application_credential_id", "applicationCredentialId"},
    {"username", "username"},
    {"user_domain_name", "userDomainName"},
    {"user_domain_id", "userDomainId"},
    {"project_name", "projectName"},
    {"project_id", "projectId"},
    {"project_domain_name", "projectDomainName"},
    {"project_domain_id", "projectDomainId"},
};

Error invalid(const QString &message)
{
    return Error(Error::InvalidInput, message);
}

// secure.yaml over clouds.yaml: maps merged key by key, anything else replaced.
YAML::Node merged(const YAML::Node &base, const YAML::Node &over)
{
    // A missing key gives an invalid node, which Clone() refuses: check before cloning.
    const bool hasOver = over.IsDefined() && !over.IsNull();
    if (!base.IsDefined())
        return hasOver ? YAML::Clone(over) : YAML::Node();
    if (!base.IsMap() || !over.IsMap())
        return hasOver ? YAML::Clone(over) : YAML::Clone(base);
    YAML::Node result = YAML::Clone(base);
    for (const auto &item : over) {
        const std::string key = item.first.as<std::string>();
        result[key] = merged(base[key], item.second);
    }
    return result;
}

// A scalar as text; empty when absent. A list or map where text belongs is an error.
Result<QString> text(const YAML::Node &node, const QString &cloud, const char *field)
{
    if (!node.IsDefined() || node.IsNull())
        return QString();
    if (!node.IsScalar())
        return invalid(CloudsYaml::tr("Cloud \"%1\": %2 must be a single value.")
                           .arg(cloud, QString::fromLatin1(field)));
    return QString::fromStdString(node.as<std::string>()).trimmed();
}

Result<CloudsYaml::Entry> readCloud(const QString &name, const YAML::Node &cloud,
                                    const YAML::Node &secureCloud, const QString &source)
{
    const auto missing = [&name](const char *field) {
        return invalid(CloudsYaml::tr("Cloud \"%1\" has no %2; nothing was imported.")
                           .arg(name, QString::fromLatin1(field)));
    };
    if (!cloud.IsMap())
        return invalid(CloudsYaml::tr("Cloud \"%1\" is not a mapping of settings.").arg(name));
    const YAML::Node all = merged(cloud, secureCloud);
    if (all["profile"].IsDefined())
        return invalid(CloudsYaml::tr("Cloud \"%1\" uses a vendor profile, which CloudDeck does "
                                      "not read; give its auth_url and credentials instead.")
                           .arg(name));
    const YAML::Node auth = all["auth"];
    if (!auth.IsMap())
        return missing("auth");
    CloudsYaml::Entry entry;
    entry.cloud = name;
    entry.account.providerId = QStringLiteral("openstack");
    entry.account.name = name;

    const Result<QString> version = text(all["identity_api_version"], name, "identity_api_version");
    if (!version.ok())
        return version.error();
    if (!version.value().isEmpty() && !version.value().startsWith(QLatin1Char('3')))
        return invalid(CloudsYaml::tr("Cloud \"%1\" uses Identity API v%2; CloudDeck speaks v3.")
                           .arg(name, version.value()));
    const Result<QString> authUrl = text(auth["auth_url"], name, "auth_url");
    if (!authUrl.ok())
        return authUrl.error();
    if (authUrl.value().isEmpty())
        return missing("auth.auth_url");
    entry.account.endpoint = QUrl(authUrl.value(), QUrl::StrictMode);
    if (!entry.account.endpoint.isValid() || entry.account.endpoint.host().isEmpty())
        return invalid(CloudsYaml::tr("Cloud \"%1\": auth_url \"%2\" is not a URL.")
                           .arg(name, authUrl.value()));

    for (const auto &field : s_settings) {
        const Result<QString> value = text(auth[field.yaml], name, field.yaml);
        if (!value.ok())
            return value.error();
        if (!value.value().isEmpty())
            entry.account.settings.insert(QString::fromLatin1(field.setting), value.value());
    }

    Result<QString> authType = text(all["auth_type"], name, "auth_type");
    if (!authType.ok())
        return authType.error();
    QString type = authType.value();
    if (type.isEmpty())
        type = entry.account.settings.contains(QStringLiteral("applicationCredentialId"))
                   ? QStringLiteral("v3applicationcredential")
                   : QStringLiteral("password");
    const bool inPlainFile = [&]() {
        const YAML::Node plain = cloud["auth"];
        return plain.IsMap()
               && ((plain["password"].IsDefined() && !plain["password"].IsNull())
                   || (plain["application_credential_secret"].IsDefined()
                       && !plain["application_credential_secret"].IsNull()));
    }();
    if (type == QLatin1String("v3applicationcredential")) {
        if (!entry.account.settings.contains(QStringLiteral("applicationCredentialId"))) {
            if (auth["application_credential_name"].IsDefined())
                return invalid(CloudsYaml::tr("Cloud \"%1\" names its application credential; "
                                              "CloudDeck needs its id "
                                              "(application_credential_id).")
                                   .arg(name));
            return missing("auth.application_credential_id");
        }
        const Result<QString> secret =
            text(auth["application_credential_secret"], name, "application_credential_secret");
        if (!secret.ok())
            return secret.error();
        if (secret.value().isEmpty())
            return missing("auth.application_credential_secret (in clouds.yaml or secure.yaml)");
        entry.secrets.insert(QStringLiteral("applicationCredentialSecret"), secret.value());
        // Application credentials carry their own user and project; keep nothing else.
        for (const auto &field : s_settings) {
            if (qstrcmp(field.setting, "applicationCredentialId") != 0)
                entry.account.settings.remove(QString::fromLatin1(field.setting));
        }
    } else if (type == QLatin1String("password") || type == QLatin1String("v3password")) {
        if (!entry.account.settings.contains(QStringLiteral("username")))
            return missing(auth["user_id"].IsDefined()
                               ? "auth.username (CloudDeck signs in by user name, not user_id)"
                               : "auth.username");
        const Result<QString> password = text(auth["password"], name, "password");
        if (!password.ok())
            return password.error();
        if (password.value().isEmpty())
            return missing("auth.password (in clouds.yaml or secure.yaml)");
        if (!entry.account.settings.contains(QStringLiteral("projectName"))
            && !entry.account.settings.contains(QStringLiteral("projectId")))
            return missing("auth.project_name or auth.project_id");
        entry.secrets.insert(QStringLiteral("password"), password.value());
        entry.account.settings.remove(QStringLiteral("applicationCredentialId"));
    } else {
        return invalid(CloudsYaml::tr("Cloud \"%1\" uses auth_type \"%2\", which CloudDeck does "
                                      "not support. Create an application credential "
                                      "(auth_type v3applicationcredential) for it.")
                           .arg(name, type));
    }
    if (inPlainFile)
        entry.notes.append(CloudsYaml::tr("%1 still holds the secret of cloud \"%2\" in plain "
                                          "text. CloudDeck keeps its copy in the keychain; "
                                          "delete it from the file or move it to secure.yaml.")
                               .arg(source, name));

    const Result<QString> region = text(all["region_name"], name, "region_name");
    if (!region.ok())
        return region.error();
    if (!region.value().isEmpty())
        entry.account.regions.append(region.value());
    const YAML::Node regions = all["regions"];
    if (regions.IsDefined() && !regions.IsNull()) {
        if (!regions.IsSequence())
            return invalid(CloudsYaml::tr("Cloud \"%1\": regions must be a list.").arg(name));
        for (const auto &item : regions) {
            const YAML::Node node = item;
            const Result<QString> one = text(node.IsMap() ? node["name"] : node, name, "regions");
            if (!one.ok())
                return one.error();
            if (!one.value().isEmpty() && !entry.account.regions.contains(one.value()))
                entry.account.regions.append(one.value());
        }
    }
    Result<QString> interface = text(all["interface"], name, "interface");
    if (!interface.ok())
        return interface.error();
    QString chosen = interface.value().toLower();
    if (chosen.endsWith(QLatin1String("url")))
        chosen.chop(3); // the old "publicURL" style
    if (!chosen.isEmpty()) {
        if (chosen != QLatin1String("public") && chosen != QLatin1String("internal")
            && chosen != QLatin1String("admin"))
            return invalid(CloudsYaml::tr("Cloud \"%1\": interface \"%2\" is not public, "
                                          "internal or admin.")
                               .arg(name, interface.value()));
        entry.account.settings.insert(QStringLiteral("interface"), chosen);
    }
    const Result<QString> verify = text(all["verify"], name, "verify");
    if (verify.ok() && (verify.value() == QLatin1String("false")
                        || verify.value() == QLatin1String("False")))
        entry.notes.append(CloudsYaml::tr("Cloud \"%1\" turns certificate checks off (verify: "
                                          "false). CloudDeck never does: if its certificate is "
                                          "self-signed, pin it (accounts edit \"%1\" --pin-cert "
                                          "SHA256).")
                               .arg(name));
    if (all["cacert"].IsDefined())
        entry.notes.append(CloudsYaml::tr("Cloud \"%1\" names a CA file (cacert), which CloudDeck "
                                          "does not read; pin the server's certificate instead "
                                          "if the system does not trust it.")
                               .arg(name));
    return entry;
}
} // namespace

QStringList CloudsYaml::searchPath(const QString &fileName)
{
    QStringList result;
    if (fileName == QLatin1String("clouds.yaml")) {
        const QString configured = qEnvironmentVariable("OS_CLIENT_CONFIG_FILE");
        if (!configured.isEmpty())
            result.append(configured);
    }
    result.append(QDir::current().filePath(fileName));
    result.append(QDir::home().filePath(QStringLiteral(".config/openstack/") + fileName));
    result.append(QStringLiteral("/etc/openstack/") + fileName);
    return result;
}

QString CloudsYaml::findCloudsYaml()
{
    for (const QString &candidate : searchPath()) {
        if (QFileInfo(candidate).isFile())
            return candidate;
    }
    return {};
}

Result<QList<CloudsYaml::Entry>> CloudsYaml::read(const QString &file, const QString &cloud)
{
    const QString path = file.isEmpty() ? findCloudsYaml() : file;
    if (path.isEmpty())
        return invalid(tr("No clouds.yaml found (looked in %1). Name the file: accounts import "
                          "--clouds-yaml FILE.")
                           .arg(searchPath().join(QStringLiteral(", "))));
    QFile clouds(path);
    if (!clouds.open(QIODevice::ReadOnly))
        return invalid(tr("Cannot read %1: %2.").arg(path, clouds.errorString()));
    QStringList secureCandidates = {QFileInfo(path).dir().filePath(QStringLiteral("secure.yaml"))};
    secureCandidates += searchPath(QStringLiteral("secure.yaml"));
    QByteArray secure;
    for (const QString &candidate : std::as_const(secureCandidates)) {
        QFile file(candidate);
        if (file.open(QIODevice::ReadOnly)) {
            secure = file.readAll();
            break;
        }
    }
    return parse(clouds.readAll(), secure, cloud, path);
}

Result<QList<CloudsYaml::Entry>> CloudsYaml::parse(const QByteArray &clouds,
                                                   const QByteArray &secure, const QString &cloud,
                                                   const QString &source)
{
    YAML::Node root;
    YAML::Node secureRoot;
    try {
        root = YAML::Load(clouds.toStdString());
        if (!secure.isEmpty())
            secureRoot = YAML::Load(secure.toStdString());
    } catch (const YAML::Exception &error) {
        return invalid(tr("%1 is not valid YAML: %2.").arg(source, QString::fromStdString(error.what())));
    }
    try {
        const YAML::Node all = root["clouds"];
        if (!root.IsMap() || !all.IsMap())
            return invalid(tr("%1 has no \"clouds\" section.").arg(source));
        const YAML::Node secureClouds = secureRoot.IsMap() ? secureRoot["clouds"] : YAML::Node();
        QStringList names;
        for (const auto &item : all)
            names.append(QString::fromStdString(item.first.as<std::string>()));
        if (!cloud.isEmpty() && !names.contains(cloud))
            return invalid(tr("%1 has no cloud \"%2\"; it has %3.")
                               .arg(source, cloud, names.join(QStringLiteral(", "))));
        QList<Entry> result;
        for (const QString &name : std::as_const(names)) {
            if (!cloud.isEmpty() && name != cloud)
                continue;
            const std::string key = name.toStdString();
            // Only a cloud that secure.yaml has: a missing key is an invalid node.
            YAML::Node secureCloud;
            if (secureClouds.IsMap()) {
                for (const auto &item : secureClouds) {
                    if (item.first.as<std::string>() == key)
                        secureCloud = item.second;
                }
            }
            Result<Entry> entry = readCloud(name, all[key], secureCloud, source);
            if (!entry.ok())
                return entry.error();
            result.append(entry.takeValue());
        }
        return result;
    } catch (const YAML::Exception &error) {
        return invalid(tr("%1 is not in the clouds.yaml form: %2.")
                           .arg(source, QString::fromStdString(error.what())));
    }
}
