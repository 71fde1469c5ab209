#pragma once

#include "account.h"
#include "clouddeck_core_export.h"
#include "result.h"

#include <QObject>
#include <QVariantMap>
#include <optional>

class AccountStore;
class CredentialStore;
class ProviderRegistry;

/**
 * @brief The account workflows both front ends share: add, verify, edit, remove.
 *
 * Each keeps the rule "nothing half-saved": input is validated, the credentials are verified
 * against the provider (unless the caller opts out), the secret goes to the keychain, and only then
 * are the account's settings saved. A failure at any step leaves nothing behind.
 */
class CLOUDDECK_CORE_EXPORT AccountService : public QObject
{
    Q_OBJECT
public:
    AccountService(ProviderRegistry *registry, AccountStore *accounts, CredentialStore *credentials,
                   QObject *parent = nullptr);

    /// Checks name, provider, endpoint, pin and that every required credential field is filled.
    [[nodiscard]] Error validate(const Account &account, const QVariantMap &secrets) const;
    /// Verifies, stores the secret, then saves @p account (a new id is assigned). Yields the
    /// account.
    void add(Account account, const QVariantMap &secrets, bool verify, Callback<Account> done);
    /// One cheap authenticated call with these credentials; yields who they belong to.
    void verify(const Account &account, const QVariantMap &secrets, Callback<QString> done);
    /// verify() with the stored secret of an existing account.
    void verifyStored(const QString &accountId, Callback<QString> done);
    /// Saves changed settings and, when @p newSecrets is given, replaces the secret (verified first
    /// unless @p verify is false; with a new secret or endpoint, the check uses the new values).
    void edit(const Account &account, const std::optional<QVariantMap> &newSecrets, bool verify,
              Callback<Account> done);
    /// Removes the keychain entry, then the settings (AccountStore::accountRemoved tells the
    /// inventory and cache to drop the account's machines).
    void remove(const QString &accountId, Callback<void> done);

private:
    ProviderRegistry *m_registry;
    AccountStore *m_accounts;
    CredentialStore *m_credentials;
};
