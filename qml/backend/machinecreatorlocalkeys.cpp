// MachineCreator: the SSH public keys on this computer, beside the account's (the wizard's key
// step). Kept apart from machinecreator.cpp, which holds the catalog and the request.

#include "machinecreator.h"

#include "accountstore.h"
#include "providerregistry.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

QVariantList MachineCreator::localKeys() const
{
    QVariantList result;
    const QString home = QDir::homePath() + QLatin1Char('/');
    for (const LocalSshKeys::Key &key : m_localKeys) {
        // "~/.ssh/id_ed25519.pub": which file, in the words a shell user knows.
        const QString file =
            key.path.startsWith(home) ? QStringLiteral("~/") + key.path.mid(home.size()) : key.path;
        result.append(QVariantMap {{QStringLiteral("id"), key.line},
                                   {QStringLiteral("name"), key.name},
                                   {QStringLiteral("fingerprint"), key.fingerprint},
                                   {QStringLiteral("file"), QDir::toNativeSeparators(file)}});
    }
    return result;
}

bool MachineCreator::acceptsLocalKeys() const
{
    const auto account = m_accounts ? m_accounts->account(m_accountId) : std::nullopt;
    return account && m_registry
           && m_registry->metadata(account->providerId).can(QStringLiteral("keyText"));
}

QString MachineCreator::localKeyNote() const
{
    const auto account = m_accounts ? m_accounts->account(m_accountId) : std::nullopt;
    if (!account || !m_registry || acceptsLocalKeys())
        return {};
    QStringList takers;
    const auto providers = m_registry->providers();
    for (const ProviderMetadata &metadata : providers) {
        if (metadata.can(QStringLiteral("keyText")) && !metadata.demo)
            takers.append(metadata.name);
    }
    takers.sort(Qt::CaseInsensitive);
    // Uploading the key to the account first is the cloud's own step (its console or CLI);
    // CloudDeck does not add keys to an account behind the user's back.
    return tr("%1 takes only keys stored in the account: add the key there first (in its "
              "console), then pick it above. %2 take a key from this computer as it is.")
        .arg(m_registry->metadata(account->providerId).name, QLocale().createSeparatedList(takers));
}

void MachineCreator::reloadLocalKeys()
{
    QList<LocalSshKeys::Key> keys = LocalSshKeys::scan(LocalSshKeys::defaultFolder());
    const QString folder = QDir(LocalSshKeys::defaultFolder()).absolutePath();
    for (const LocalSshKeys::Key &key : std::as_const(m_localKeys)) {
        if (QFileInfo(key.path).absolutePath() != folder)
            keys.append(key); // chosen from elsewhere: kept for this wizard
    }
    m_localKeys = keys;
    Q_EMIT localKeysChanged();
}

bool MachineCreator::addLocalKeyFile(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    Result<LocalSshKeys::Key> key = LocalSshKeys::read(path);
    if (!key.ok()) {
        m_localKeyError = key.error().message();
        Q_EMIT localKeysChanged();
        return false;
    }
    m_localKeyError.clear();
    const QString line = key.value().line;
    const bool known = std::any_of(m_localKeys.cbegin(), m_localKeys.cend(),
                                   [&line](const LocalSshKeys::Key &k) { return k.line == line; });
    if (!known)
        m_localKeys.append(key.takeValue());
    Q_EMIT localKeysChanged();
    if (acceptsLocalKeys() && !m_keys.contains(line))
        toggleKey(line);
    return true;
}
