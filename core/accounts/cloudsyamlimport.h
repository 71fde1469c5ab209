#pragma once

#include "account.h"
#include "clouddeck_core_export.h"
#include "cloudsyaml.h"
#include "result.h"

#include <QObject>

class AccountService;

/**
 * @brief `accounts import --clouds-yaml` and the GUI's "Import clouds.yaml": the clouds of a
 * clouds.yaml (with secure.yaml) become OpenStack accounts, their secrets go to the keychain.
 *
 * All or nothing up to the first save: the file is read, every cloud is checked (fields, a free
 * name) and, unless told not to, signed in to; only when all of that passed are the accounts
 * added, one after the other, each whole (secret in the keychain, then its settings).
 */
class CLOUDDECK_CORE_EXPORT CloudsYamlImport : public QObject
{
    Q_OBJECT
public:
    /// @brief What an import added, and what the user should read about it.
    struct Imported
    {
        QList<Account> accounts;
        QStringList notes; ///< e.g. "clouds.yaml still holds the password in plain text"
    };

    explicit CloudsYamlImport(AccountService *service, QObject *parent = nullptr);

    /// Reads @p file (empty: the standard search path) and imports the cloud @p cloud (empty:
    /// all). @p pin (hex SHA-256) is pinned for every imported account.
    void run(const QString &file, const QString &cloud, bool verify, const QByteArray &pin,
             const Callback<Imported> &done);
    /// Imports entries already read.
    void run(QList<CloudsYaml::Entry> entries, bool verify, const Callback<Imported> &done);

private:
    void verifyFrom(const std::shared_ptr<QList<CloudsYaml::Entry>> &entries, qsizetype index,
                    const Callback<Imported> &done);
    void addFrom(const std::shared_ptr<QList<CloudsYaml::Entry>> &entries, qsizetype index,
                 const std::shared_ptr<Imported> &imported, const Callback<Imported> &done);

    AccountService *m_service;
};
