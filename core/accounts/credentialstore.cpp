#include "credentialstore.h"

#include "secretservicelock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcKeychain, "clouddeck.keychain", QtInfoMsg)

CredentialStore::CredentialStore(QObject *parent)
    : CredentialStore(QStringLiteral("CloudDeck"), parent)
{ }

CredentialStore::CredentialStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_lock(new SecretServiceLock(this))
{ }

Error CredentialStore::lockedError()
{
    return Error(Error::Keychain,
                 tr("Your keyring is locked. Unlock your keyring (log in to your desktop session, "
                    "or open your keyring manager, such as Seahorse) and try again."));
}

void CredentialStore::start(Operation operation, const QString &accountId, const QByteArray &data,
                            std::function<void(QKeychain::Job *)> finished, bool isRetry)
{
    QKeychain::Job *job = nullptr;
    switch (operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service, this);
        break;
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service, this);
        write->setBinaryData(data);
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service, this);
        break;
    }
    job->setKey(accountId);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never: secrets live in the keychain or nowhere

    connect(job, &QKeychain::Job::finished, this,
            [this, operation, accountId, data, finished = std::move(finished),
             isRetry](QKeychain::Job *job) {
                const auto error = job->error();
                const bool backendDown =
                    error == QKeychain::NoBackendAvailable || error == QKeychain::OtherError;
                if (backendDown && !isRetry) {
                    // On Linux the Secret Service may still be starting with the session.
                    qCInfo(lcKeychain)
                        << "keychain not ready, retrying once:" << job->errorString();
                    QTimer::singleShot(m_retryDelayMs, this, [=, this] {
                        start(operation, accountId, data, finished, true);
                    });
                    return;
                }
                finished(job);
            });
    job->start();
}

Error CredentialStore::keychainError(QKeychain::Job *job) const
{
    const QString detail = job->errorString();
    switch (job->error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return Error(Error::CredentialsMissing,
                     tr("No credentials are stored for this account yet; enter them again."));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        if (detail.contains(QLatin1String("locked"), Qt::CaseInsensitive))
            return lockedError();
        return Error(Error::Keychain,
                     tr("Access to the keychain was denied (%1). Unlock the keychain and allow "
                        "CloudDeck to use it.")
                         .arg(detail));
    case QKeychain::NoBackendAvailable:
    case QKeychain::OtherError:
    case QKeychain::NotImplemented:
    case QKeychain::CouldNotDeleteEntry:
        break;
    }
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return Error(
        Error::Keychain,
        tr("The system keychain is not available (%1). CloudDeck stores secrets only there: "
           "install and start a Secret Service provider such as gnome-keyring or KWallet, "
           "and unlock it.")
            .arg(detail));
#else
    return Error(
        Error::Keychain,
        tr("The system keychain is not available (%1). Unlock it and try again.").arg(detail));
#endif
}

void CredentialStore::write(const QString &accountId, const QVariantMap &secrets,
                            const Callback<void> &done)
{
    const QByteArray data =
        QJsonDocument(QJsonObject::fromVariantMap(secrets)).toJson(QJsonDocument::Compact);
    start(
        Operation::Write, accountId, data,
        [this, done](QKeychain::Job *job) {
            const Error error = keychainError(job);
            qCDebug(lcKeychain) << "write" << (error.isError() ? "failed" : "ok");
            if (!error.isError())
                return done({});
            m_lock->isDefaultCollectionLocked([done, error](bool locked) {
                done(locked ? lockedError() : error);
            });
        },
        false);
}

void CredentialStore::read(const QString &accountId, const Callback<QVariantMap> &done)
{
    start(
        Operation::Read, accountId, {},
        [this, accountId, done](QKeychain::Job *job) {
            const Error error = keychainError(job);
            if (error.kind() == Error::CredentialsMissing) {
                // "Not found" is also what a locked entry looks like: ask before saying "missing".
                return m_lock->isEntryLocked(m_service, accountId, [done, error](bool locked) {
                    done(locked ? lockedError() : error);
                });
            }
            if (error.isError())
                return done(error);
            const QByteArray data = static_cast<QKeychain::ReadPasswordJob *>(job)->binaryData();
            const QJsonDocument document = QJsonDocument::fromJson(data);
            if (!document.isObject()) {
                return done(
                    Error(Error::CredentialsMissing,
                          tr("The stored credentials for this account are unreadable; enter "
                             "them again.")));
            }
            done(document.object().toVariantMap());
        },
        false);
}

void CredentialStore::remove(const QString &accountId, const Callback<void> &done)
{
    // A locked entry would be reported as deleted (or as never there) while it stays in the
    // keychain: refuse before trying.
    m_lock->isEntryLocked(m_service, accountId, [this, accountId, done](bool locked) {
        if (locked)
            return done(lockedError());
        removeUnlocked(accountId, done);
    });
}

void CredentialStore::removeUnlocked(const QString &accountId, const Callback<void> &done)
{
    start(
        Operation::Remove, accountId, {},
        [this, done](QKeychain::Job *job) {
            Error error = keychainError(job);
            if (error.kind() == Error::CredentialsMissing)
                error = {};
            done(error.isError() ? Result<void>(error) : Result<void>());
        },
        false);
}
