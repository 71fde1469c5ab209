#pragma once

#include "clouddeck_core_export.h"
#include "result.h"
#include "toolcredentials.h"

#include <QObject>

class AccountService;
class AccountStore;
class CredentialStore;
class ProviderRegistry;

/**
 * @brief Turns the credentials found in other tools' files (ToolCredentials) into accounts:
 * `accounts import --from-tools` and the GUI's "Import from installed tools".
 *
 * Each credential is handled on its own, in order: one that cannot be imported is skipped with
 * its reason; one an existing account already uses (the same token or access key) is recognised
 * as that account; the others are verified (unless told not to) and added under a free name, the
 * secret to the keychain. One failure does not stop the rest. The tools' files are never written.
 */
class CLOUDDECK_CORE_EXPORT ToolImport : public QObject
{
    Q_OBJECT
public:
    struct Outcome
    {
        enum Kind { Imported, Duplicate, Skipped, Failed };
        ToolCredentials::Found found;
        Kind kind = Skipped;
        QString accountName; ///< the account added, or the existing one it duplicates
        QString message; ///< why it was skipped or failed
    };

    ToolImport(AccountService *service, AccountStore *accounts, CredentialStore *credentials,
               ProviderRegistry *registry, QObject *parent = nullptr);

    void run(QList<ToolCredentials::Found> found, bool verify, Callback<QList<Outcome>> done);

    /// The name of the existing account that already holds @p found's credential (the same
    /// token, or the same AWS access key id), or "" (later, as every callback). The GUI's list
    /// asks this before anything is imported.
    void findExisting(const ToolCredentials::Found &found, std::function<void(QString)> answer);

    /// "work", or "work 2" when taken: the first free name for @p wanted.
    [[nodiscard]] QString freeName(const QString &wanted) const;
    /// "The file ~/.config/doctl/config.yaml still holds the secret ..." once per file imported.
    [[nodiscard]] static QStringList notes(const QList<Outcome> &outcomes);

private:
    struct Run;
    void next(const std::shared_ptr<Run> &run);
    [[nodiscard]] QStringList candidates(const QString &providerId) const;
    void findDuplicate(const ToolCredentials::Found &found, QStringList candidates,
                       const std::function<void(QString)> &answer);

    AccountService *m_service;
    AccountStore *m_accounts;
    CredentialStore *m_credentials;
    ProviderRegistry *m_registry;
};
