#pragma once

#include "account.h"
#include "clouddeck_core_export.h"
#include "error.h"

#include <QList>
#include <QObject>
#include <optional>

class ProviderRegistry;
class QSettings;

/**
 * @brief The accounts' non-secret settings, in an INI file under the app's config location.
 *
 * Nothing secret is ever written here: secrets go to CredentialStore. Changes by another process
 * (the CLI while the GUI runs) are seen after reload().
 */
class CLOUDDECK_CORE_EXPORT AccountStore : public QObject
{
    Q_OBJECT
public:
    /// The store at QStandardPaths::AppConfigLocation/accounts.ini.
    explicit AccountStore(QObject *parent = nullptr);
    AccountStore(const QString &fileName, QObject *parent = nullptr);
    ~AccountStore() override;

    [[nodiscard]] static QString defaultFileName();
    [[nodiscard]] QString fileName() const;

    /// All accounts, sorted by name.
    [[nodiscard]] QList<Account> accounts() const { return m_accounts; }
    [[nodiscard]] std::optional<Account> account(const QString &id) const;
    [[nodiscard]] std::optional<Account> findByName(const QString &name) const;
    /// A name no account uses yet: @p base, else "base 2", "base 3", ...
    Q_INVOKABLE [[nodiscard]] QString uniqueName(const QString &base) const;

    /// Checks what a user can get wrong: empty or duplicate name, unknown provider (when a
    /// registry is given), an endpoint that is not an http(s) URL, a malformed pin.
    [[nodiscard]] Error validate(const Account &account,
                                 const ProviderRegistry *registry = nullptr) const;
    /// The login options: a user name and key file that cannot turn into ssh options, a port in
    /// range, and a key *file*, never pasted key material.
    [[nodiscard]] static Error validateSsh(const Account::Ssh &ssh);
    /// Validates, then saves a new account (a new id is made when empty). Nothing saved on error.
    Error add(Account &account, const ProviderRegistry *registry = nullptr);
    Error update(const Account &account, const ProviderRegistry *registry = nullptr);
    bool remove(const QString &id);
    void reload();
    /// Why the last reload() could not read the settings: NotFound when the file does not exist
    /// (a first start, or another XDG_CONFIG_HOME), InvalidInput when it is a folder, unreadable
    /// or garbled. No error when it was read (even with no accounts in it).
    [[nodiscard]] Error loadError() const { return m_loadError; }

Q_SIGNALS:
    void accountAdded(const QString &id);
    void accountUpdated(const QString &id);
    void accountRemoved(const QString &id);

private:
    void write(const Account &account);
    QSettings *m_settings;
    QList<Account> m_accounts;
    Error m_loadError;
};
