#include "accountstore.h"

#include "terminaltext.h"

#include "providerregistry.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

namespace {
const QString s_group = QStringLiteral("accounts");
}

AccountStore::AccountStore(QObject *parent)
    : AccountStore(defaultFileName(), parent)
{ }

AccountStore::AccountStore(const QString &fileName, QObject *parent)
    : QObject(parent)
    , m_settings(new QSettings(fileName, QSettings::IniFormat, this))
{
    reload();
}

AccountStore::~AccountStore() = default;

QString AccountStore::defaultFileName()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
           + QStringLiteral("/accounts.ini");
}

QString AccountStore::fileName() const
{
    return m_settings->fileName();
}

void AccountStore::reload()
{
    m_settings->sync();
    m_accounts.clear();
    m_loadError = {};
    const QFileInfo file(m_settings->fileName());
    const QString path = QDir::toNativeSeparators(file.filePath());
    if (file.exists() && !file.isFile()) {
        m_loadError = Error(Error::InvalidInput,
                            tr("the account settings %1 are not a file").arg(path));
    } else if (file.exists() && !file.isReadable()) {
        m_loadError =
            Error(Error::InvalidInput, tr("the account settings %1 cannot be read").arg(path));
    } else if (m_settings->status() != QSettings::NoError) {
        m_loadError = Error(Error::InvalidInput,
                            tr("the account settings %1 are unreadable (%2)")
                                .arg(path, m_settings->status() == QSettings::FormatError
                                               ? tr("not a settings file")
                                               : tr("access denied")));
    } else if (!file.exists()) {
        m_loadError =
            Error(Error::NotFound, tr("the account settings %1 do not exist").arg(path));
    }
    m_settings->beginGroup(s_group);
    const QStringList ids = m_settings->childGroups();
    int invalid = 0;
    for (const QString &id : ids) {
        m_settings->beginGroup(id);
        Account account;
        account.id = id;
        account.providerId = m_settings->value(QStringLiteral("provider")).toString();
        account.name = m_settings->value(QStringLiteral("name")).toString();
        account.endpoint = QUrl(m_settings->value(QStringLiteral("endpoint")).toString());
        account.settings =
            QJsonDocument::fromJson(m_settings->value(QStringLiteral("settings")).toByteArray())
                .object()
                .toVariantMap();
        account.regions = m_settings->value(QStringLiteral("regions")).toStringList();
        account.pinnedCertificateSha256 =
            m_settings->value(QStringLiteral("pinnedCertificateSha256")).toByteArray();
        account.pollIntervalSeconds = m_settings->value(QStringLiteral("pollInterval")).toInt();
        account.ssh.user = m_settings->value(QStringLiteral("sshUser")).toString();
        account.ssh.port = m_settings->value(QStringLiteral("sshPort")).toInt();
        account.ssh.identityFile = m_settings->value(QStringLiteral("sshIdentityFile")).toString();
        account.ssh.privateAddress = m_settings->value(QStringLiteral("sshPrivateAddress")).toBool();
        m_settings->endGroup();
        if (account.isValid())
            m_accounts.append(account);
        else
            ++invalid;
    }
    m_settings->endGroup();
    if (!m_loadError.isError() && invalid > 0 && m_accounts.isEmpty()) {
        m_loadError = Error(Error::InvalidInput,
                            tr("the account settings %1 are unreadable (no complete account)")
                                .arg(path));
    }
    std::sort(m_accounts.begin(), m_accounts.end(), [](const Account &a, const Account &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
}

std::optional<Account> AccountStore::account(const QString &id) const
{
    for (const Account &account : m_accounts) {
        if (account.id == id)
            return account;
    }
    return std::nullopt;
}

std::optional<Account> AccountStore::findByName(const QString &name) const
{
    for (const Account &account : m_accounts) {
        if (account.name.compare(name, Qt::CaseInsensitive) == 0)
            return account;
    }
    return std::nullopt;
}

QString AccountStore::uniqueName(const QString &base) const
{
    QString name = base;
    for (int n = 2; findByName(name); ++n)
        name = QStringLiteral("%1 %2").arg(base).arg(n);
    return name;
}

Error AccountStore::validate(const Account &account, const ProviderRegistry *registry) const
{
    if (account.name.trimmed().isEmpty())
        return Error(Error::InvalidInput, tr("The account needs a name."));
    if (TerminalText::hasControlCharacters(account.name)) {
        return Error(Error::InvalidInput,
                     tr("An account name cannot contain control characters (such as a line break "
                        "or an escape character)."));
    }
    if (const auto other = findByName(account.name.trimmed()); other && other->id != account.id) {
        return Error(Error::InvalidInput,
                     tr("An account named \"%1\" already exists; choose another name.")
                         .arg(account.name.trimmed()));
    }
    if (account.providerId.isEmpty())
        return Error(Error::InvalidInput, tr("The account needs a provider."));
    if (registry && !registry->contains(account.providerId)) {
        return Error(Error::InvalidInput, tr("Unknown provider \"%1\". Known providers: %2.")
                                              .arg(account.providerId, registry->providerIds().join(
                                                                           QStringLiteral(", "))));
    }
    if (!account.endpoint.isEmpty()) {
        const QUrl &url = account.endpoint;
        const bool httpish =
            url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http");
        // A password in the URL would be stored in the settings file and printed by
        // `accounts list`: secrets go to the keychain only.
        if (!url.userInfo().isEmpty()) {
            return Error(Error::InvalidInput,
                         tr("The endpoint must not contain a user name or password (%1); "
                            "credentials are entered separately and kept in the keychain.")
                             .arg(TerminalText::printable(
                                 url.toDisplayString(QUrl::RemoveUserInfo))));
        }
        if (!url.isValid() || !httpish || url.host().isEmpty()) {
            if (!url.isValid()) {
                // An unparseable QUrl has no text left to show: say what QUrl could not read
                // (its errorString() goes on to quote the source; the first clause is enough).
                return Error(Error::InvalidInput,
                             tr("The endpoint is not a valid URL (%1); give an http(s) URL such "
                                "as https://api.example.com/v1.")
                                 .arg(TerminalText::printable(
                                     url.errorString().section(QLatin1Char(';'), 0, 0))));
            }
            return Error(Error::InvalidInput,
                         tr("The endpoint \"%1\" is not an http(s) URL such as "
                            "https://api.example.com/v1.")
                             .arg(TerminalText::printable(url.toDisplayString())));
        }
    }
    static const QRegularExpression sha256(QStringLiteral("^[0-9a-f]{64}$"));
    if (!account.pinnedCertificateSha256.isEmpty()
        && !sha256.match(QString::fromLatin1(account.pinnedCertificateSha256)).hasMatch()) {
        return Error(Error::InvalidInput,
                     tr("A pinned certificate must be a SHA-256 fingerprint: 64 hex digits."));
    }
    return validateSsh(account.ssh);
}

Error AccountStore::validateSsh(const Account::Ssh &ssh)
{
    // Each value becomes one argument of ssh: a leading "-" would make it an option.
    static const QRegularExpression user(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}$"));
    if (!ssh.user.isEmpty() && !user.match(ssh.user).hasMatch()) {
        return Error(Error::InvalidInput,
                     tr("\"%1\" is not a login name: letters, digits, \"_\", \".\" and \"-\", "
                        "not starting with \"-\" or \".\".")
                         .arg(TerminalText::printable(ssh.user)));
    }
    if (ssh.port < 0 || ssh.port > 65535)
        return Error(Error::InvalidInput, tr("An SSH port is a number from 1 to 65535."));
    if (ssh.identityFile.contains(QLatin1String("PRIVATE KEY"))) {
        // Pasted key material would be written to the settings file in the clear.
        return Error(Error::InvalidInput,
                     tr("Give the path of the key file (such as ~/.ssh/id_ed25519), not the key "
                        "itself: CloudDeck never stores private keys."));
    }
    if (ssh.identityFile.startsWith(QLatin1Char('-')) || ssh.identityFile.contains(QLatin1Char('\n')))
        return Error(Error::InvalidInput, tr("The SSH key file is not a file name."));
    return {};
}

Error AccountStore::add(Account &account, const ProviderRegistry *registry)
{
    account.name = account.name.trimmed();
    if (account.id.isEmpty())
        account.id = Account::newId();
    reload();
    if (Error error = validate(account, registry); error.isError())
        return error;
    write(account);
    reload();
    Q_EMIT accountAdded(account.id);
    return {};
}

Error AccountStore::update(const Account &account, const ProviderRegistry *registry)
{
    reload();
    if (!this->account(account.id))
        return Error(Error::NotFound, tr("No such account."));
    Account trimmed = account;
    trimmed.name = trimmed.name.trimmed();
    if (Error error = validate(trimmed, registry); error.isError())
        return error;
    write(trimmed);
    reload();
    Q_EMIT accountUpdated(account.id);
    return {};
}

bool AccountStore::remove(const QString &id)
{
    reload();
    if (!account(id))
        return false;
    m_settings->remove(s_group + QLatin1Char('/') + id);
    m_settings->sync();
    reload();
    Q_EMIT accountRemoved(id);
    return true;
}

void AccountStore::write(const Account &account)
{
    QDir().mkpath(QFileInfo(m_settings->fileName()).absolutePath());
    m_settings->beginGroup(s_group + QLatin1Char('/') + account.id);
    m_settings->setValue(QStringLiteral("provider"), account.providerId);
    m_settings->setValue(QStringLiteral("name"), account.name);
    m_settings->setValue(QStringLiteral("endpoint"), account.endpoint.toString());
    m_settings->setValue(QStringLiteral("settings"),
                         QJsonDocument(QJsonObject::fromVariantMap(account.settings))
                             .toJson(QJsonDocument::Compact));
    m_settings->setValue(QStringLiteral("regions"), account.regions);
    m_settings->setValue(QStringLiteral("pinnedCertificateSha256"),
                         account.pinnedCertificateSha256);
    m_settings->setValue(QStringLiteral("pollInterval"), account.pollIntervalSeconds);
    // Written only when set, so files of older versions and untouched accounts stay as they were.
    auto optional = [this](const QString &key, const QVariant &value, bool set) {
        if (set)
            m_settings->setValue(key, value);
        else
            m_settings->remove(key);
    };
    optional(QStringLiteral("sshUser"), account.ssh.user, !account.ssh.user.isEmpty());
    optional(QStringLiteral("sshPort"), account.ssh.port, account.ssh.port > 0);
    optional(QStringLiteral("sshIdentityFile"), account.ssh.identityFile,
             !account.ssh.identityFile.isEmpty());
    optional(QStringLiteral("sshPrivateAddress"), true, account.ssh.privateAddress);
    m_settings->endGroup();
    m_settings->sync();
}
