#include "accountscommand.h"

#include "accountservice.h"
#include "accountstore.h"
#include "cliapp.h"
#include "cloudsyamlimport.h"
#include "credentialfile.h"
#include "inventorycache.h"
#include "providerregistry.h"
#include "secretinput.h"
#include "terminaltext.h"
#include "texttable.h"
#include "toolimportcommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {
/// How to log in to the account's machines (Account::Ssh), for `accounts add` and `edit`.
QList<QCommandLineOption> sshOptions()
{
    return {{QStringLiteral("ssh-user"), AccountsCommand::tr("Log in as this user."),
             QStringLiteral("user")},
            {QStringLiteral("ssh-port"), AccountsCommand::tr("SSH port (default 22)."),
             QStringLiteral("port")},
            {QStringLiteral("ssh-key"), AccountsCommand::tr("Private key file for ssh -i."),
             QStringLiteral("file")},
            {QStringLiteral("ssh-address"),
             AccountsCommand::tr("Connect by the public or private address."),
             QStringLiteral("public|private")}};
}

QCommandLineOption jsonOption()
{
    return QCommandLineOption(QStringLiteral("json"),
                              QCoreApplication::translate("AccountsCommand", "Print JSON."));
}

QString effectiveEndpoint(const Account &account, const ProviderMetadata &metadata)
{
    return account.endpoint.isEmpty() ? metadata.defaultEndpoint.toString()
                                      : account.endpointText();
}
} // namespace

AccountsCommand::AccountsCommand(CliApp *app)
    : QObject(app)
    , m_app(app)
{ }

void AccountsCommand::run(const QString &command, const QStringList &arguments)
{
    if (command == QLatin1String("providers"))
        return providers(arguments);
    const QString sub = arguments.value(1);
    const QStringList rest = QStringList {arguments.value(0)} + arguments.mid(2);
    if (sub == QLatin1String("list"))
        return list(rest);
    if (sub == QLatin1String("add"))
        return add(rest);
    if (sub == QLatin1String("verify"))
        return verify(rest);
    if (sub == QLatin1String("edit"))
        return edit(rest);
    if (sub == QLatin1String("remove"))
        return remove(rest);
    if (sub == QLatin1String("import"))
        return importClouds(rest);
    m_app->usageError(sub.isEmpty() ? tr("accounts: say list, add, verify, edit, remove or import.")
                                    : tr("Unknown accounts command \"%1\".").arg(sub));
}

QByteArray AccountsCommand::normalizeFingerprint(const QString &text)
{
    QString hex = text.trimmed().toLower();
    if (hex.startsWith(QLatin1String("sha256:")))
        hex = hex.mid(7);
    hex.remove(QRegularExpression(QStringLiteral("[:\\s]")));
    static const QRegularExpression valid(QStringLiteral("^[0-9a-f]{64}$"));
    return valid.match(hex).hasMatch() ? hex.toLatin1() : QByteArray();
}

void AccountsCommand::providers(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(jsonOption());
    if (!m_app->parse(parser, arguments))
        return;
    const auto providers = m_app->registry()->providers();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const ProviderMetadata &metadata : providers)
            array.append(metadata.toJson());
        m_app->out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return m_app->finish(CliApp::Ok);
    }
    //: Column headers of `clouddeck-cli providers`.
    TextTable table({tr("ID"), tr("NAME"), tr("ENDPOINT"), tr("CREDENTIALS")});
    for (const ProviderMetadata &metadata : providers) {
        QStringList fields;
        for (const auto &field : metadata.credentialFields)
            fields.append(field.secret ? field.id + tr(" (secret)") : field.id);
        table.addRow({metadata.id, metadata.name, metadata.defaultEndpoint.toString(),
                      fields.join(QStringLiteral(", "))});
    }
    m_app->out() << table.toString();
    m_app->finish(CliApp::Ok);
}

void AccountsCommand::list(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(jsonOption());
    if (!m_app->parse(parser, arguments))
        return;
    const auto accounts = m_app->accounts()->accounts();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Account &account : accounts) {
            const ProviderMetadata metadata = m_app->registry()->metadata(account.providerId);
            array.append(QJsonObject {
                {QStringLiteral("id"), account.id},
                {QStringLiteral("name"), account.name},
                {QStringLiteral("provider"), account.providerId},
                {QStringLiteral("endpoint"), effectiveEndpoint(account, metadata)},
                {QStringLiteral("endpointOverride"), !account.endpoint.isEmpty()},
                {QStringLiteral("regions"), QJsonArray::fromStringList(account.regions)},
                {QStringLiteral("pinnedCertificateSha256"),
                 QString::fromLatin1(account.pinnedCertificateSha256)},
                {QStringLiteral("settings"), QJsonObject::fromVariantMap(account.settings)},
                {QStringLiteral("ssh"),
                 QJsonObject {{QStringLiteral("user"), account.ssh.user},
                              {QStringLiteral("port"), account.ssh.port > 0 ? account.ssh.port : 22},
                              {QStringLiteral("keyFile"), account.ssh.identityFile},
                              {QStringLiteral("address"), account.ssh.privateAddress
                                                              ? QStringLiteral("private")
                                                              : QStringLiteral("public")}}},
            });
        }
        m_app->out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return m_app->finish(CliApp::Ok);
    }
    if (accounts.isEmpty()) {
        m_app->err() << tr(
            "No accounts yet. Add one with: clouddeck-cli accounts add --provider ID "
            "--name NAME")
                     << Qt::endl;
        return m_app->finish(CliApp::Ok);
    }
    //: Column headers of `clouddeck-cli accounts list`.
    TextTable table({tr("NAME"), tr("PROVIDER"), tr("ENDPOINT"), tr("ID")});
    for (const Account &account : accounts) {
        const ProviderMetadata metadata = m_app->registry()->metadata(account.providerId);
        table.addRow(
            {account.name, account.providerId, effectiveEndpoint(account, metadata), account.id});
    }
    m_app->out() << table.toString();
    m_app->finish(CliApp::Ok);
}

void AccountsCommand::addFieldOptions(QCommandLineParser &parser, const ProviderMetadata &metadata)
{
    for (const auto &field : metadata.settingFields()) {
        parser.addOption(QCommandLineOption(ProviderMetadata::optionName(field.id), field.label,
                                            QStringLiteral("value")));
    }
    // Credential files (GCE's --key-file, --adc-file): their secret fields come from the file.
    for (const auto &file : metadata.credentialFiles) {
        parser.addOption(QCommandLineOption(ProviderMetadata::optionName(file.id), file.label,
                                            QStringLiteral("file")));
    }
}

std::optional<QVariantMap> AccountsCommand::readCredentialFiles(const QCommandLineParser &parser,
                                                                const ProviderMetadata &metadata,
                                                                Account &account)
{
    QVariantMap secrets;
    for (const auto &file : metadata.credentialFiles) {
        const QString option = ProviderMetadata::optionName(file.id);
        if (!parser.isSet(option))
            continue;
        const Result<QVariantMap> values = CredentialFile::read(file, parser.value(option));
        if (!values.ok()) {
            m_app->fail(values.error());
            return std::nullopt;
        }
        for (auto it = values.value().begin(); it != values.value().end(); ++it) {
            const ProviderMetadata::Field *field = metadata.field(it.key());
            if (!field)
                continue;
            if (field->secret)
                secrets.insert(it.key(), it.value());
            else if (!parser.isSet(ProviderMetadata::optionName(it.key())))
                account.settings.insert(it.key(), it.value()); // an explicit option wins
        }
    }
    return secrets;
}

std::optional<QVariantMap> AccountsCommand::readSecrets(const ProviderMetadata &metadata)
{
    auto fields = metadata.secretFields();
    // Hidden secrets come from a credential file, never from a prompt.
    fields.removeIf([](const ProviderMetadata::Field &field) { return field.hidden; });
    QVariantMap secrets;
    if (fields.isEmpty())
        return secrets;
    QStringList labels;
    for (const auto &field : fields)
        labels.append(field.label);
    const auto values = SecretInput::read(labels);
    if (!values) {
        m_app->usageError(tr("Expected %1 on standard input (one per line), or run "
                             "in a terminal to be prompted.")
                              .arg(labels.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    for (int i = 0; i < fields.size(); ++i) {
        if (!values->at(i).isEmpty())
            secrets.insert(fields.at(i).id, values->at(i));
    }
    return secrets;
}

bool AccountsCommand::applyOptions(const QCommandLineParser &parser,
                                   const ProviderMetadata &metadata, Account &account)
{
    if (parser.isSet(QStringLiteral("endpoint"))) {
        const QString endpoint = parser.value(QStringLiteral("endpoint")).trimmed();
        // An empty value is most often a script's unset variable: never let it silently mean
        // "the public API" and send a real token there. `default` says so explicitly (edit).
        if (endpoint.isEmpty()) {
            m_app->usageError(tr("--endpoint needs a URL (to go back to the provider's own API: "
                                 "accounts edit NAME --endpoint default)."));
            return false;
        }
        if (endpoint != QLatin1String("default") && !Account::endpointFromText(endpoint).isValid()) {
            m_app->usageError(tr("--endpoint \"%1\" is not a valid URL (%2).")
                                  .arg(TerminalText::printable(endpoint),
                                       Account::endpointFromText(endpoint)
                                           .errorString()
                                           .section(QLatin1Char(';'), 0, 0)));
            return false;
        }
        account.endpoint = endpoint == QLatin1String("default")
                               ? QUrl()
                               : Account::endpointFromText(endpoint); // validated later
    }
    if (parser.isSet(QStringLiteral("regions"))) {
        account.regions =
            parser.value(QStringLiteral("regions")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (QString &region : account.regions)
            region = region.trimmed();
    }
    if (parser.isSet(QStringLiteral("pin-cert"))) {
        account.pinnedCertificateSha256 =
            normalizeFingerprint(parser.value(QStringLiteral("pin-cert")));
        if (account.pinnedCertificateSha256.isEmpty()) {
            m_app->usageError(tr("--pin-cert takes a SHA-256 fingerprint: 64 hex "
                                 "digits, colons allowed."));
            return false;
        }
    }
    if (parser.optionNames().contains(QStringLiteral("unpin"))
        && parser.isSet(QStringLiteral("unpin")))
        account.pinnedCertificateSha256.clear();
    for (const auto &field : metadata.settingFields()) {
        const QString option = ProviderMetadata::optionName(field.id);
        if (parser.isSet(option))
            account.settings.insert(field.id, parser.value(option).trimmed());
    }
    // An empty value resets to the default; AccountStore checks the rest when saving.
    if (parser.isSet(QStringLiteral("ssh-user")))
        account.ssh.user = parser.value(QStringLiteral("ssh-user")).trimmed();
    if (parser.isSet(QStringLiteral("ssh-port"))) {
        const QString port = parser.value(QStringLiteral("ssh-port")).trimmed();
        bool ok = port.isEmpty();
        account.ssh.port = port.isEmpty() ? 0 : port.toInt(&ok);
        if (!ok) {
            m_app->usageError(tr("--ssh-port takes a port number (not \"%1\").")
                                  .arg(TerminalText::printable(port)));
            return false;
        }
    }
    if (parser.isSet(QStringLiteral("ssh-key")))
        account.ssh.identityFile = parser.value(QStringLiteral("ssh-key")).trimmed();
    if (parser.isSet(QStringLiteral("ssh-address"))) {
        const QString address = parser.value(QStringLiteral("ssh-address")).trimmed();
        if (address != QLatin1String("public") && address != QLatin1String("private")) {
            m_app->usageError(tr("--ssh-address: say public or private (not \"%1\").")
                                  .arg(TerminalText::printable(address)));
            return false;
        }
        account.ssh.privateAddress = address == QLatin1String("private");
    }
    return true;
}

void AccountsCommand::add(const QStringList &arguments)
{
    // The provider decides which options exist (its credential fields), so find it first.
    QString providerId;
    for (int i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--provider") && i + 1 < arguments.size())
            providerId = arguments.at(i + 1);
        else if (arguments.at(i).startsWith(QLatin1String("--provider=")))
            providerId = arguments.at(i).mid(11);
    }
    const ProviderMetadata metadata = m_app->registry()->metadata(providerId);
    if (!providerId.isEmpty() && !metadata.isValid()) {
        return m_app->usageError(
            tr("Unknown provider \"%1\". Known providers: %2.")
                .arg(providerId, m_app->registry()->providerIds().join(QStringLiteral(", "))));
    }

    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("provider"), tr("Provider id."), QStringLiteral("id")},
        {QStringLiteral("name"), tr("Account name."), QStringLiteral("name")},
        {QStringLiteral("endpoint"), tr("API base URL override."), QStringLiteral("url")},
        {QStringLiteral("regions"), tr("Regions to include."), QStringLiteral("list")},
        {QStringLiteral("pin-cert"), tr("Trust this certificate."), QStringLiteral("sha256")},
        {QStringLiteral("no-verify"), tr("Save without checking the credentials.")},
        jsonOption(),
    });
    parser.addOptions(sshOptions());
    addFieldOptions(parser, metadata);
    if (!m_app->parse(parser, arguments))
        return;
    if (!parser.positionalArguments().isEmpty())
        return m_app->usageError(tr("accounts add takes no positional arguments; "
                                    "secrets are read from standard input."));
    if (providerId.isEmpty())
        return m_app->usageError(tr("accounts add needs --provider."));
    if (!parser.isSet(QStringLiteral("name")))
        return m_app->usageError(tr("accounts add needs --name."));

    Account account;
    account.providerId = providerId;
    account.name = parser.value(QStringLiteral("name"));
    if (!applyOptions(parser, metadata, account))
        return;
    const auto fileSecrets = readCredentialFiles(parser, metadata, account);
    if (!fileSecrets)
        return;
    // Validate before asking for the secret, so a typo does not cost a paste.
    if (Error error = m_app->accounts()->validate(account, m_app->registry()); error.isError())
        return m_app->fail(error);
    auto secrets = readSecrets(metadata);
    if (!secrets)
        return;
    secrets->insert(*fileSecrets);
    const bool verify = !parser.isSet(QStringLiteral("no-verify"));
    m_app->accountService()->add(
        account, *secrets, verify, [this, metadata](Result<Account> added) {
            if (!added.ok())
                return m_app->fail(added.error());
            //: %1 is the provider ("DigitalOcean"), %2 the account's name, %3 its id.
            m_app->out() << tr("Added %1 account \"%2\" (%3).")
                                .arg(metadata.name, added.value().name, added.value().id)
                         << Qt::endl;
            m_app->finish(CliApp::Ok);
        });
}

void AccountsCommand::verify(const QStringList &arguments)
{
    QCommandLineParser parser;
    if (!m_app->parse(parser, arguments))
        return;
    if (parser.positionalArguments().size() != 1)
        return m_app->usageError(tr("accounts verify takes one account name."));
    const auto account = m_app->accountByName(parser.positionalArguments().constFirst());
    if (!account)
        return;
    m_app->accountService()->verifyStored(account->id, [this, account](Result<QString> who) {
        if (!who.ok())
            return m_app->fail(who.error());
        m_app->out() << tr("OK: \"%1\" signs in as %2.").arg(account->name, who.value())
                     << Qt::endl;
        m_app->finish(CliApp::Ok);
    });
}

void AccountsCommand::edit(const QStringList &arguments)
{
    QString name;
    for (int i = 1; i < arguments.size(); ++i) {
        if (!arguments.at(i).startsWith(QLatin1Char('-'))
            && !arguments.at(i - 1).startsWith(QLatin1String("--"))) {
            name = arguments.at(i);
            break;
        }
    }
    const auto existing = m_app->accounts()->findByName(name);
    const ProviderMetadata metadata =
        existing ? m_app->registry()->metadata(existing->providerId) : ProviderMetadata();
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("name"), tr("New name."), QStringLiteral("name")},
        {QStringLiteral("endpoint"), tr("API base URL override (`default`: the provider's own)."),
         QStringLiteral("url")},
        {QStringLiteral("regions"), tr("Regions to include."), QStringLiteral("list")},
        {QStringLiteral("pin-cert"), tr("Trust this certificate."), QStringLiteral("sha256")},
        {QStringLiteral("unpin"), tr("Forget the pinned certificate.")},
        {QStringLiteral("secret"), tr("Read a new secret from standard input.")},
        {QStringLiteral("no-verify"), tr("Save without checking the credentials.")},
    });
    parser.addOptions(sshOptions());
    addFieldOptions(parser, metadata);
    if (!m_app->parse(parser, arguments))
        return;
    if (parser.positionalArguments().size() != 1)
        return m_app->usageError(tr("accounts edit takes one account name."));
    const auto account = m_app->accountByName(parser.positionalArguments().constFirst());
    if (!account)
        return;
    Account updated = *account;
    if (parser.isSet(QStringLiteral("name")))
        updated.name = parser.value(QStringLiteral("name"));
    if (!applyOptions(parser, metadata, updated))
        return;
    const auto fileSecrets = readCredentialFiles(parser, metadata, updated);
    if (!fileSecrets)
        return;
    std::optional<QVariantMap> secrets;
    if (parser.isSet(QStringLiteral("secret"))) {
        secrets = readSecrets(metadata);
        if (!secrets)
            return;
    }
    if (!fileSecrets->isEmpty()) { // a new key file replaces the stored secret
        if (!secrets)
            secrets = QVariantMap();
        secrets->insert(*fileSecrets);
    }
    const bool changesAccess =
        secrets || updated.endpoint != account->endpoint
        || updated.pinnedCertificateSha256 != account->pinnedCertificateSha256
        || updated.settings != account->settings;
    const bool verify = changesAccess && !parser.isSet(QStringLiteral("no-verify"));
    m_app->accountService()->edit(updated, secrets, verify, [this](Result<Account> saved) {
        if (!saved.ok())
            return m_app->fail(saved.error());
        m_app->out() << tr("Saved account \"%1\".").arg(saved.value().name) << Qt::endl;
        m_app->finish(CliApp::Ok);
    });
}

void AccountsCommand::remove(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("yes"), tr("Confirm the removal.")});
    if (!m_app->parse(parser, arguments))
        return;
    if (parser.positionalArguments().size() != 1)
        return m_app->usageError(tr("accounts remove takes one account name."));
    const auto account = m_app->accountByName(parser.positionalArguments().constFirst());
    if (!account)
        return;
    if (!parser.isSet(QStringLiteral("yes"))) {
        return m_app->usageError(tr("Removing \"%1\" deletes its stored secret and "
                                    "cached machines (the machines themselves are not "
                                    "touched). Add --yes to confirm.")
                                     .arg(account->name));
    }
    m_app->accountService()->remove(account->id, [this, account](Result<void> removed) {
        if (!removed.ok())
            return m_app->fail(removed.error());
        // Its cached machines go too (the app's Inventory does this itself when it removes one).
        if (QFile::exists(InventoryCache::defaultFileName())) {
            InventoryCache cache;
            if (cache.open())
                cache.removeAccount(account->id);
        }
        m_app->out() << tr("Removed account \"%1\".").arg(account->name) << Qt::endl;
        m_app->finish(CliApp::Ok);
    });
}

void AccountsCommand::importClouds(const QStringList &arguments)
{
    if (arguments.contains(QStringLiteral("--from-tools")))
        return (new ToolImportCommand(m_app))->run(arguments);
    // "--clouds-yaml [FILE]": the file is optional, which QCommandLineParser cannot express, so
    // a value that follows the flag (and is not an option) is taken out first.
    QStringList rest = arguments;
    QString file;
    const qsizetype flag = rest.indexOf(QStringLiteral("--clouds-yaml"));
    if (flag > 0 && flag + 1 < rest.size() && !rest.at(flag + 1).startsWith(QLatin1Char('-')))
        file = rest.takeAt(flag + 1);
    for (qsizetype i = 1; i < rest.size(); ++i) {
        if (rest.at(i).startsWith(QLatin1String("--clouds-yaml="))) {
            file = rest.at(i).mid(14);
            rest[i] = QStringLiteral("--clouds-yaml");
        }
    }
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("clouds-yaml"), tr("Read OpenStack's clouds.yaml (and "
                                           "secure.yaml beside it).")},
        {QStringLiteral("cloud"), tr("Import only this cloud."), QStringLiteral("name")},
        {QStringLiteral("pin-cert"), tr("Trust this certificate."), QStringLiteral("sha256")},
        {QStringLiteral("no-verify"), tr("Save without signing in first.")},
    });
    if (!m_app->parse(parser, rest))
        return;
    if (!parser.isSet(QStringLiteral("clouds-yaml")))
        return m_app->usageError(tr("accounts import reads --clouds-yaml [FILE] [--cloud NAME], or "
                                    "--from-tools [--tool NAME] [--yes]."));
    if (!parser.positionalArguments().isEmpty())
        return m_app->usageError(tr("accounts import: unexpected \"%1\".")
                                     .arg(parser.positionalArguments().constFirst()));
    QByteArray pin;
    if (parser.isSet(QStringLiteral("pin-cert"))) {
        pin = normalizeFingerprint(parser.value(QStringLiteral("pin-cert")));
        if (pin.isEmpty())
            return m_app->usageError(tr("--pin-cert takes a SHA-256 fingerprint: 64 "
                                        "hex digits, colons allowed."));
    }
    auto *importer = new CloudsYamlImport(m_app->accountService(), this);
    importer->run(file, parser.value(QStringLiteral("cloud")),
                  !parser.isSet(QStringLiteral("no-verify")), pin,
                  [this, importer](Result<CloudsYamlImport::Imported> imported) {
                      importer->deleteLater();
                      if (!imported.ok())
                          return m_app->fail(imported.error());
                      for (const Account &account : imported.value().accounts) {
                          m_app->out() << tr("Imported OpenStack account \"%1\" (%2).")
                                              .arg(account.name, account.id)
                                       << Qt::endl;
                      }
                      for (const QString &note : imported.value().notes)
                          m_app->err() << tr("Note: %1").arg(note) << Qt::endl;
                      m_app->finish(CliApp::Ok);
                  });
}
