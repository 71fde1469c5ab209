#pragma once

#include "account.h"
#include "error.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>
#include <QVariantMap>

class AccountService;
class AccountStore;
class CredentialStore;
class Inventory;
class ProviderRegistry;

/**
 * @brief The add/edit-account form's logic: the fields a provider's metadata asks for, Verify
 * before Save, and certificate pinning for self-signed endpoints.
 *
 * Secret field values live only in this object's memory while the form is open; save() hands
 * them to the CredentialStore (the keychain) and clear() forgets them. They are never exposed as
 * properties, logged, or written to settings. Any edit after a successful verification makes the
 * form unverified again, so what is saved is always what was verified. The services come in as
 * properties (QML sets them from AppController; tests from their own instances).
 */
class AccountEditor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("accountservice.h")
    Q_MOC_INCLUDE("accountstore.h")
    Q_MOC_INCLUDE("credentialstore.h")
    Q_MOC_INCLUDE("inventory.h")
    Q_MOC_INCLUDE("providerregistry.h")
    Q_PROPERTY(ProviderRegistry *registry MEMBER m_registry NOTIFY servicesChanged REQUIRED)
    Q_PROPERTY(AccountStore *accountStore MEMBER m_accounts NOTIFY servicesChanged REQUIRED)
    Q_PROPERTY(CredentialStore *credentials MEMBER m_credentials NOTIFY servicesChanged REQUIRED)
    Q_PROPERTY(AccountService *accountService MEMBER m_service NOTIFY servicesChanged REQUIRED)
    /// Refreshes a saved account at once.
    Q_PROPERTY(Inventory *inventory MEMBER m_inventory NOTIFY servicesChanged REQUIRED)
    Q_PROPERTY(QString providerId READ providerId WRITE setProviderId NOTIFY providerChanged)
    Q_PROPERTY(QVariantMap provider READ provider NOTIFY providerChanged)
    Q_PROPERTY(QVariantList fields READ fields NOTIFY providerChanged)
    Q_PROPERTY(QString accountId READ accountId NOTIFY accountIdChanged)
    Q_PROPERTY(bool editing READ editing NOTIFY accountIdChanged)
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY inputChanged)
    Q_PROPERTY(QString endpoint READ endpoint WRITE setEndpoint NOTIFY inputChanged)
    Q_PROPERTY(bool complete READ complete NOTIFY inputChanged)
    /// How to log in to the account's machines (Account::Ssh); not checked by Verify, so
    /// changing them keeps a verified form verified. Validated on save (AccountStore).
    Q_PROPERTY(QString sshUser READ sshUser WRITE setSshUser NOTIFY sshChanged)
    Q_PROPERTY(QString sshPort READ sshPort WRITE setSshPort NOTIFY sshChanged)
    Q_PROPERTY(QString sshIdentityFile READ sshIdentityFile WRITE setSshIdentityFile NOTIFY
                   sshChanged)
    Q_PROPERTY(bool sshPrivateAddress READ sshPrivateAddress WRITE setSshPrivateAddress NOTIFY
                   sshChanged)
    /// The user a machine gets when the field is empty ("ec2-user" on AWS, else the app's).
    Q_PROPERTY(QString sshDefaultUser READ sshDefaultUser NOTIFY providerChanged)
    /// What is wrong with the SSH fields, or empty.
    Q_PROPERTY(QString sshProblem READ sshProblem NOTIFY sshChanged)
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY statusChanged)
    Q_PROPERTY(QString message READ message NOTIFY statusChanged)
    Q_PROPERTY(QString certificateFingerprint READ certificateFingerprint NOTIFY statusChanged)
    Q_PROPERTY(QString pinnedFingerprint READ pinnedFingerprint NOTIFY statusChanged)
public:
    enum Status {
        Editing, ///< not verified yet (or changed since)
        Verifying,
        Verified, ///< message says who the credentials belong to
        Failed, ///< message says exactly what went wrong
        NeedsPin, ///< TLS error with a certificate the user may choose to trust
        Saving,
        Saved,
    };
    Q_ENUM(Status)

    explicit AccountEditor(QObject *parent = nullptr);
    ~AccountEditor() override;

    [[nodiscard]] QString providerId() const { return m_account.providerId; }
    void setProviderId(const QString &providerId);
    [[nodiscard]] QVariantMap provider() const;
    [[nodiscard]] QVariantList fields() const;
    [[nodiscard]] QString accountId() const { return m_editing ? m_account.id : QString(); }
    [[nodiscard]] bool editing() const { return m_editing; }
    [[nodiscard]] QString name() const { return m_account.name; }
    void setName(const QString &name);
    /// The endpoint exactly as typed (never re-normalised while typing); checked by verify().
    [[nodiscard]] QString endpoint() const { return m_endpointText; }
    void setEndpoint(const QString &endpoint);
    [[nodiscard]] bool complete() const;
    [[nodiscard]] QString sshUser() const { return m_account.ssh.user; }
    void setSshUser(const QString &user);
    [[nodiscard]] QString sshPort() const { return m_sshPortText; }
    void setSshPort(const QString &port);
    [[nodiscard]] QString sshIdentityFile() const { return m_account.ssh.identityFile; }
    void setSshIdentityFile(const QString &file);
    [[nodiscard]] bool sshPrivateAddress() const { return m_account.ssh.privateAddress; }
    void setSshPrivateAddress(bool privateAddress);
    [[nodiscard]] QString sshDefaultUser() const;
    [[nodiscard]] QString sshProblem() const;
    /// A key file picked in a file dialog: its local path, as ssh -i takes it.
    Q_INVOKABLE void setSshIdentityFileUrl(const QUrl &file);
    [[nodiscard]] Status status() const { return m_status; }
    [[nodiscard]] bool busy() const { return m_status == Verifying || m_status == Saving; }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] QString certificateFingerprint() const;
    [[nodiscard]] QString pinnedFingerprint() const;

    /// Sets a credential field; secret fields stay in memory only.
    Q_INVOKABLE void setField(const QString &fieldId, const QString &value);
    /// Fills the fields the provider's credential file @p fileId maps from the JSON file at
    /// @p file (a GCE service-account key): {ok, message}. Secrets stay in memory, as typed
    /// ones do; the message names what was loaded, never a secret.
    Q_INVOKABLE QVariantMap importCredentialFile(const QString &fileId, const QUrl &file);
    /// The value of a non-secret field (secret fields always read as empty).
    Q_INVOKABLE [[nodiscard]] QString field(const QString &fieldId) const;
    /// Starts editing an existing account (secret fields empty: "keep the stored secret").
    Q_INVOKABLE bool load(const QString &accountId);
    Q_INVOKABLE void verify();
    /// Trusts the certificate from the last TLS error for this account, then verifies again.
    Q_INVOKABLE void trustCertificate();
    /// Saves the verified account: the secret to the keychain, then the settings.
    Q_INVOKABLE void save();
    /// Saves without a check (the CLI's --no-verify), offered after a check failed: the secret to
    /// the keychain and the settings, validated as always; the account shows its problem later.
    Q_INVOKABLE void saveUnverified();
    /// Forgets everything typed, secrets included.
    Q_INVOKABLE void clear();

Q_SIGNALS:
    void servicesChanged();
    void providerChanged();
    void accountIdChanged();
    void inputChanged();
    void sshChanged();
    void statusChanged();
    void saved(const QString &accountId);

private:
    void store();
    /// The typed endpoint is empty (the default) or an http(s) URL with a host; sets Failed with
    /// a sentence otherwise.
    bool endpointUsable();
    void setStatus(Status status, const QString &message = {});
    void verified(quint64 generation, const QString &who);
    void verifyFailed(quint64 generation, const Error &error);
    void changed();
    [[nodiscard]] bool isSecret(const QString &fieldId) const;

    ProviderRegistry *m_registry = nullptr;
    AccountStore *m_accounts = nullptr;
    CredentialStore *m_credentials = nullptr;
    AccountService *m_service = nullptr;
    Inventory *m_inventory = nullptr;
    Account m_account;
    QVariantMap m_secrets;
    QString m_sshPortText;
    QString m_endpointText;
    bool m_editing = false;
    Status m_status = Editing;
    QString m_message;
    QByteArray m_offeredCertificate;
    quint64 m_generation = 0; ///< results of an outdated verification are ignored
};
