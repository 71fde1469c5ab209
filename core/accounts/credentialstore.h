#pragma once

#include "clouddeck_core_export.h"
#include "result.h"

#include <QLoggingCategory>
#include <QObject>
#include <QVariantMap>

CLOUDDECK_CORE_EXPORT Q_DECLARE_LOGGING_CATEGORY(lcKeychain)

    namespace QKeychain
{
    class Job;
}
class SecretServiceLock;

/**
 * @brief The only place secrets are stored: the OS keychain through QtKeychain, keyed by account
 * id.
 *
 * An account's secret fields are stored together as one JSON object in one keychain entry.
 * Every job's error is checked: a missing entry is CredentialsMissing ("no secret yet"), a keychain
 * that is not up yet (Linux: the Secret Service still starting) is retried once after a short
 * delay, then reported as Keychain with what to install or unlock. A locked keyring is told from a
 * missing entry by asking the Secret Service (SecretServiceLock): QtKeychain reports both as "not
 * found", and a delete of a locked entry as done. The insecure fallback is never
 * used, and nothing waits in a nested event loop: results arrive through the Callback. (QtKeychain
 * 0.13, Debian 12's, has no isAvailable(): an unusable backend shows as a job error.)
 */
class CLOUDDECK_CORE_EXPORT CredentialStore : public QObject
{
    Q_OBJECT
public:
    explicit CredentialStore(QObject *parent = nullptr);
    /// @p service namespaces the entries (tests use their own).
    CredentialStore(const QString &service, QObject *parent);

    [[nodiscard]] QString service() const { return m_service; }
    void setRetryDelayMs(int ms) { m_retryDelayMs = ms; }

    void write(const QString &accountId, const QVariantMap &secrets, const Callback<void> &done);
    /// The account's secret fields; CredentialsMissing when the keychain has none.
    void read(const QString &accountId, const Callback<QVariantMap> &done);
    /// Removes the entry; a missing entry is not an error.
    void remove(const QString &accountId, const Callback<void> &done);

private:
    enum class Operation { Read, Write, Remove };
    void start(Operation operation, const QString &accountId, const QByteArray &data,
               std::function<void(QKeychain::Job *)> finished, bool isRetry);
    [[nodiscard]] Error keychainError(QKeychain::Job *job) const;
    [[nodiscard]] static Error lockedError();
    void removeUnlocked(const QString &accountId, const Callback<void> &done);

    QString m_service;
    SecretServiceLock *m_lock = nullptr;
    int m_retryDelayMs = 1500;
};
