#include "toolcredentials.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <yaml-cpp/yaml.h>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ToolCredentials", text);
}

// An INI file as the AWS CLI and linode-cli write it: [section], key = value, # and ; comments.
// (QSettings would read it too, but it interprets backslashes and %-escapes in values, and a
// secret must come through byte for byte.)
using IniSections = QList<std::pair<QString, QList<std::pair<QString, QString>>>>;

IniSections parseIni(const QByteArray &text)
{
    IniSections sections;
    for (const QByteArray &raw : text.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
            sections.append({line.mid(1, line.size() - 2).trimmed(), {}});
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0 || sections.isEmpty())
            continue;
        sections.last().second.append(
            {line.left(equals).trimmed().toLower(), line.mid(equals + 1).trimmed()});
    }
    return sections;
}

QString iniValue(const QList<std::pair<QString, QString>> &entries, const QString &key)
{
    for (const auto &[name, value] : entries) {
        if (name == key)
            return value;
    }
    return {};
}

// The part of TOML that hcloud's cli.toml uses: key = "string" | number | bool, [table] and
// [[array of tables]]. Each table becomes one entry list, named by its header.
struct TomlTable
{
    QString header; ///< "contexts" for [[contexts]], "" for the top level
    QHash<QString, QString> values;
};

QString tomlString(QStringView value, bool *ok)
{
    *ok = true;
    if (value.size() >= 2 && value.front() == QLatin1Char('\'') && value.back() == QLatin1Char('\''))
        return value.mid(1, value.size() - 2).toString(); // literal string: no escapes
    if (value.size() < 2 || value.front() != QLatin1Char('"') || value.back() != QLatin1Char('"')) {
        *ok = false;
        return value.toString();
    }
    QString result;
    const QStringView inner = value.mid(1, value.size() - 2);
    for (qsizetype i = 0; i < inner.size(); ++i) {
        if (inner[i] != QLatin1Char('\\') || i + 1 == inner.size()) {
            result.append(inner[i]);
            continue;
        }
        const QChar next = inner[++i];
        switch (next.unicode()) {
        case 'n':
            result.append(QLatin1Char('\n'));
            break;
        case 't':
            result.append(QLatin1Char('\t'));
            break;
        default:
            result.append(next); // \" and \\ and anything else stand for themselves
        }
    }
    return result;
}

QList<TomlTable> parseToml(const QByteArray &text, QString *error)
{
    QList<TomlTable> tables {TomlTable {}};
    int number = 0;
    for (const QByteArray &raw : text.split('\n')) {
        ++number;
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1String("[[")) && line.endsWith(QLatin1String("]]"))) {
            tables.append({line.mid(2, line.size() - 4).trimmed(), {}});
            continue;
        }
        if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
            tables.append({line.mid(1, line.size() - 2).trimmed(), {}});
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            *error = tr("line %1 is not \"key = value\"").arg(number);
            return {};
        }
        bool quoted = false;
        const QString value = tomlString(QStringView(line).mid(equals + 1).trimmed(), &quoted);
        tables.last().values.insert(line.left(equals).trimmed(), value);
    }
    return tables;
}

ToolCredentials::Found found(const QString &tool, const QString &file, const QString &context,
                             const QString &providerId)
{
    ToolCredentials::Found entry;
    entry.tool = tool;
    entry.file = file;
    entry.context = context;
    entry.providerId = providerId;
    return entry;
}

QList<ToolCredentials::Found> unreadable(const QString &tool, const QString &file,
                                         const QString &providerId, const QString &why)
{
    ToolCredentials::Found entry = found(tool, file, QString(), providerId);
    entry.problem = tr("%1 could not be read (%2).").arg(file, why);
    return {entry};
}

// A YAML file's top-level map, or an error entry.
std::optional<YAML::Node> yamlMap(const QByteArray &text, QString *error)
{
    try {
        const YAML::Node root = YAML::Load(text.toStdString());
        if (root.IsNull())
            return YAML::Node(YAML::NodeType::Map);
        if (!root.IsMap()) {
            *error = tr("not a YAML map");
            return std::nullopt;
        }
        return root;
    } catch (const YAML::Exception &exception) {
        *error = QString::fromStdString(exception.msg);
        return std::nullopt;
    }
}

QString yamlText(const YAML::Node &node)
{
    return node && node.IsScalar() ? QString::fromStdString(node.as<std::string>()).trimmed()
                                   : QString();
}

QString readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    return QString::fromUtf8(file.readAll());
}
} // namespace

QString ToolCredentials::Found::suggestedName() const
{
    return context.isEmpty() ? tool : tool + QLatin1Char(' ') + context;
}

ToolCredentials::Locations ToolCredentials::Locations::fromEnvironment()
{
    Locations where;
    where.home = QDir::homePath();
    where.configHome = qEnvironmentVariable("XDG_CONFIG_HOME");
    // In a Flatpak, XDG_CONFIG_HOME is the app's own (~/.var/app/<id>/config); the tools' files
    // are in the host's, which Flatpak names HOST_XDG_CONFIG_HOME (or left at ~/.config).
    if (qEnvironmentVariableIsSet("FLATPAK_ID"))
        where.configHome = qEnvironmentVariable("HOST_XDG_CONFIG_HOME");
    if (where.configHome.isEmpty())
        where.configHome = where.home + QStringLiteral("/.config");
    where.hcloudConfig = qEnvironmentVariable("HCLOUD_CONFIG");
    where.awsCredentials = qEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE");
    where.awsConfig = qEnvironmentVariable("AWS_CONFIG_FILE");
    return where;
}

QList<ToolCredentials::Found> ToolCredentials::readDoctl(const QByteArray &yaml,
                                                         const QString &file)
{
    const QString tool = QStringLiteral("doctl");
    const QString provider = QStringLiteral("digitalocean");
    QString error;
    const std::optional<YAML::Node> root = yamlMap(yaml, &error);
    if (!root)
        return unreadable(tool, file, provider, error);
    QList<Found> result;
    // doctl's --api-url, kept in the config like every global flag: that API, not the public one.
    const QString apiUrl = yamlText((*root)["api-url"]);
    auto add = [&](const QString &context, const QString &token) {
        if (token.isEmpty())
            return;
        Found entry = found(tool, file, context, provider);
        entry.secrets.insert(QStringLiteral("token"), token);
        if (!apiUrl.isEmpty() && apiUrl != QLatin1String("https://api.digitalocean.com"))
            entry.endpoint = QUrl(apiUrl); // our DigitalOcean endpoint, like doctl's, has no /v2
        result.append(entry);
    };
    // `doctl auth init` writes the default context's token at the top level, the others under
    // auth-contexts.
    add(QStringLiteral("default"), yamlText((*root)["access-token"]));
    const YAML::Node contexts = (*root)["auth-contexts"];
    if (contexts && contexts.IsMap()) {
        for (const auto &item : contexts)
            add(QString::fromStdString(item.first.as<std::string>()), yamlText(item.second));
    }
    return result;
}

QList<ToolCredentials::Found> ToolCredentials::readHcloud(const QByteArray &toml,
                                                          const QString &file)
{
    const QString tool = QStringLiteral("hcloud");
    const QString provider = QStringLiteral("hetzner");
    QString error;
    const QList<TomlTable> tables = parseToml(toml, &error);
    if (!error.isEmpty())
        return unreadable(tool, file, provider, error);
    QList<Found> result;
    for (const TomlTable &table : tables) {
        if (table.header != QLatin1String("contexts"))
            continue;
        Found entry = found(tool, file, table.values.value(QStringLiteral("name")), provider);
        const QString token = table.values.value(QStringLiteral("token"));
        if (token.isEmpty())
            entry.problem = tr("The context has no token.");
        else
            entry.secrets.insert(QStringLiteral("token"), token);
        result.append(entry);
    }
    return result;
}

QList<ToolCredentials::Found> ToolCredentials::readLinodeCli(const QByteArray &ini,
                                                             const QString &file)
{
    QList<Found> result;
    for (const auto &[section, entries] : parseIni(ini)) {
        const QString token = iniValue(entries, QStringLiteral("token"));
        if (section == QLatin1String("DEFAULT") || token.isEmpty())
            continue; // [DEFAULT] names the default user; users are the other sections
        Found entry = found(QStringLiteral("linode-cli"), file, section, QStringLiteral("linode"));
        entry.secrets.insert(QStringLiteral("token"), token);
        // Its "region" is where linode-cli creates things, not a filter: every region is listed.
        if (const QString host = iniValue(entries, QStringLiteral("api_host"));
            !host.isEmpty() && host != QLatin1String("api.linode.com")) {
            const QString scheme = iniValue(entries, QStringLiteral("api_scheme"));
            const QString version = iniValue(entries, QStringLiteral("api_version"));
            entry.endpoint = QUrl(QStringLiteral("%1://%2/%3")
                                      .arg(scheme.isEmpty() ? QStringLiteral("https") : scheme, host,
                                           version.isEmpty() ? QStringLiteral("v4") : version));
        }
        result.append(entry);
    }
    return result;
}

QList<ToolCredentials::Found> ToolCredentials::readVultrCli(const QByteArray &yaml,
                                                            const QString &file)
{
    const QString tool = QStringLiteral("vultr-cli");
    const QString provider = QStringLiteral("vultr");
    QString error;
    const std::optional<YAML::Node> root = yamlMap(yaml, &error);
    if (!root)
        return unreadable(tool, file, provider, error);
    const QString key = yamlText((*root)["api-key"]);
    if (key.isEmpty())
        return {};
    Found entry = found(tool, file, QString(), provider);
    entry.secrets.insert(QStringLiteral("token"), key);
    return {entry};
}

QList<ToolCredentials::Found> ToolCredentials::readAws(const QByteArray &credentials,
                                                       const QString &credentialsFile,
                                                       const QByteArray &config,
                                                       const QString &configFile)
{
    // Profiles are named "[name]" in credentials and "[profile name]" (or "[default]") in config.
    QHash<QString, QList<std::pair<QString, QString>>> settings;
    QStringList order;
    for (const auto &[section, entries] : parseIni(config)) {
        QString name = section;
        if (name.startsWith(QLatin1String("profile ")))
            name = name.mid(8).trimmed();
        else if (name != QLatin1String("default"))
            continue; // [sso-session ...], [services ...]
        settings.insert(name, entries);
        order.append(name);
    }
    QHash<QString, QList<std::pair<QString, QString>>> keys;
    for (const auto &[section, entries] : parseIni(credentials)) {
        keys.insert(section, entries);
        if (!order.contains(section))
            order.append(section);
    }
    QList<Found> result;
    for (const QString &name : std::as_const(order)) {
        const auto config = settings.value(name);
        const auto secret = keys.value(name);
        Found entry = found(QStringLiteral("aws"), keys.contains(name) ? credentialsFile : configFile,
                            name, QStringLiteral("aws"));
        // The profile's region is where the AWS CLI works by default; CloudDeck lists every
        // enabled region, so it is not made a filter.
        const QString id = iniValue(secret, QStringLiteral("aws_access_key_id"));
        const QString key = iniValue(secret, QStringLiteral("aws_secret_access_key"));
        if (!id.isEmpty() && !key.isEmpty()) {
            entry.settings.insert(QStringLiteral("accessKeyId"), id);
            entry.secrets.insert(QStringLiteral("secretAccessKey"), key);
            if (const QString session = iniValue(secret, QStringLiteral("aws_session_token"));
                !session.isEmpty())
                entry.secrets.insert(QStringLiteral("sessionToken"), session);
        } else if (!iniValue(config, QStringLiteral("sso_session")).isEmpty()
                   || !iniValue(config, QStringLiteral("sso_start_url")).isEmpty()) {
            entry.problem = tr("An AWS SSO profile: CloudDeck cannot sign in with SSO yet.");
        } else if (!iniValue(config, QStringLiteral("credential_process")).isEmpty()) {
            entry.problem = tr("Its keys come from a credential_process, which CloudDeck does "
                               "not run.");
        } else if (!iniValue(config, QStringLiteral("role_arn")).isEmpty()) {
            entry.problem = tr("A role to assume: CloudDeck cannot assume roles yet.");
        } else {
            continue; // settings only (a region for the default profile): nothing to import
        }
        result.append(entry);
    }
    return result;
}

QList<ToolCredentials::Found> ToolCredentials::scan(const Locations &where)
{
    QList<Found> result;
    auto each = [&](const QString &path, const QString &tool, const QString &provider,
                    const std::function<QList<Found>(const QByteArray &, const QString &)> &read) {
        if (path.isEmpty() || !QFileInfo(path).isFile()) {
            if (QFileInfo(path).exists()) // a folder where a file should be
                result += unreadable(tool, path, provider, tr("not a file"));
            return;
        }
        QString error;
        const QString text = readFile(path, &error);
        if (!error.isEmpty())
            return void(result += unreadable(tool, path, provider, error));
        result += read(text.toUtf8(), path);
    };
    each(where.configHome + QStringLiteral("/doctl/config.yaml"), QStringLiteral("doctl"),
         QStringLiteral("digitalocean"), &readDoctl);
    each(where.hcloudConfig.isEmpty() ? where.configHome + QStringLiteral("/hcloud/cli.toml")
                                      : where.hcloudConfig,
         QStringLiteral("hcloud"), QStringLiteral("hetzner"), &readHcloud);
    each(where.configHome + QStringLiteral("/linode-cli"), QStringLiteral("linode-cli"),
         QStringLiteral("linode"), &readLinodeCli);
    const QString vultrHome = where.home + QStringLiteral("/.vultr-cli.yaml");
    each(QFileInfo(vultrHome).exists() ? vultrHome
                                       : where.configHome + QStringLiteral("/vultr-cli.yaml"),
         QStringLiteral("vultr-cli"), QStringLiteral("vultr"), &readVultrCli);
    const QString credentials = where.awsCredentials.isEmpty()
                                    ? where.home + QStringLiteral("/.aws/credentials")
                                    : where.awsCredentials;
    const QString config = where.awsConfig.isEmpty() ? where.home + QStringLiteral("/.aws/config")
                                                     : where.awsConfig;
    if (QFileInfo(credentials).isFile() || QFileInfo(config).isFile()) {
        QString credentialsError;
        QString configError;
        const QString keys =
            QFileInfo(credentials).isFile() ? readFile(credentials, &credentialsError) : QString();
        const QString settings =
            QFileInfo(config).isFile() ? readFile(config, &configError) : QString();
        if (!credentialsError.isEmpty() || !configError.isEmpty())
            result += unreadable(QStringLiteral("aws"),
                                 credentialsError.isEmpty() ? config : credentials,
                                 QStringLiteral("aws"),
                                 credentialsError.isEmpty() ? configError : credentialsError);
        else
            result += readAws(keys.toUtf8(), credentials, settings.toUtf8(), config);
    }
    return result;
}
