#pragma once

#include "toolcredentials.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>
#include <QStringList>

class AccountService;
class AccountStore;
class CredentialStore;
class Inventory;
class ProviderRegistry;
class ToolImport;

/**
 * @brief The add-account sheet's "Import from installed tools": one row per credential core's
 * ToolCredentials found in doctl, hcloud, linode-cli, vultr-cli and the AWS CLI files, and the
 * import of one row (or all) through ToolImport, as `clouddeck-cli accounts import` does: Verify
 * first, then the secret to the keychain, the account under a free name.
 *
 * Rows say where each credential was found, which account it would become, whether an existing
 * account already holds it, or why it cannot be imported (SSO, credential_process, a file that
 * cannot be read). The secrets found stay in this object's memory only (never a role, a log or a
 * setting) until imported or the object goes; the tools' files are never written, and `notes`
 * says the originals still hold the secret.
 */
class ToolImporter : public QAbstractListModel
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
    /// Refreshes an imported account at once (optional).
    Q_PROPERTY(Inventory *inventory MEMBER m_inventory NOTIFY servicesChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    /// Rows that can be imported now (importable, not a duplicate, not imported yet).
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY statusChanged)
    /// Scanning the files or checking for duplicates.
    Q_PROPERTY(bool loading READ loading NOTIFY statusChanged)
    /// Verifying and saving a row.
    Q_PROPERTY(bool busy READ busy NOTIFY statusChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY statusChanged)
    /// "~/.config/doctl/config.yaml still holds the secret …", once per file imported from.
    Q_PROPERTY(QStringList notes READ notes NOTIFY statusChanged)
public:
    enum Status {
        Available, ///< can be imported
        Duplicate, ///< an existing account holds this credential (existingAccount names it)
        NotImportable, ///< problem says why
        Verifying, ///< being verified and saved
        Imported, ///< accountName is the account added
        Failed, ///< message says why (a failed Verify)
    };
    Q_ENUM(Status)

    enum Role {
        ToolRole = Qt::UserRole + 1,
        FileRole, ///< as the user knows it: "~/.aws/credentials"
        ContextRole, ///< the tool's name for it: context, user, profile
        ProviderIdRole,
        ProviderNameRole,
        ProviderMarkRole,
        AccountNameRole, ///< the account it becomes (or became), or the one it duplicates
        ExistingAccountRole, ///< the account that already holds it, or ""
        ImportableRole,
        ProblemRole, ///< why it cannot be imported, or ""
        StatusRole, ///< Status as int
        StatusTextRole, ///< one line for the row: "Can be imported", "Already added as …"
        MessageRole, ///< a failed import's reason
    };
    Q_ENUM(Role)

    explicit ToolImporter(QObject *parent = nullptr);
    ~ToolImporter() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int pendingCount() const;
    [[nodiscard]] bool loading() const { return m_pendingChecks > 0; }
    [[nodiscard]] bool busy() const { return m_importing >= 0; }
    [[nodiscard]] QString errorString() const { return m_errorString; }
    [[nodiscard]] QStringList notes() const { return m_notes; }

    /// Where to look (tests; the app uses the user's own folders).
    void setLocations(const ToolCredentials::Locations &where);

    /// Reads the tools' files again and lists what they hold (replacing the rows).
    Q_INVOKABLE void scan();
    /// Verifies and saves row @p row; false when it cannot be imported now.
    Q_INVOKABLE bool importRow(int row);
    /// Imports every row that can be, one after the other.
    Q_INVOKABLE int importAll();

Q_SIGNALS:
    void servicesChanged();
    void countChanged();
    void statusChanged();
    /// A row became the account @p accountName.
    void imported(const QString &accountName);

private:
    struct Row
    {
        ToolCredentials::Found found;
        Status status = Available;
        QString accountName;
        QString existingAccount;
        QString message;
    };

    [[nodiscard]] ToolImport *importer();
    [[nodiscard]] QString statusText(const Row &row) const;
    void checkDuplicate(int row, quint64 generation);
    void next();
    void finished(int row, const QString &accountName, Status status, const QString &message);
    void changedRow(int row);

    ProviderRegistry *m_registry = nullptr;
    AccountStore *m_accounts = nullptr;
    CredentialStore *m_credentials = nullptr;
    AccountService *m_service = nullptr;
    QPointer<Inventory> m_inventory;
    ToolImport *m_import = nullptr; ///< made on first use, for the services set
    ToolCredentials::Locations m_locations;
    QList<Row> m_rows;
    QList<int> m_queue; ///< rows waiting for importAll
    int m_importing = -1; ///< the row being verified and saved
    int m_pendingChecks = 0;
    quint64 m_generation = 0; ///< answers for rows of an older scan are dropped
    QString m_errorString;
    QStringList m_notes;
};
