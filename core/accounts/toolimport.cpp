#include "toolimport.h"

#include "accountservice.h"
#include "accountstore.h"
#include "credentialstore.h"
#include "providerregistry.h"

#include <QDir>
#include <QPointer>
#include <QTimer>

struct ToolImport::Run
{
    QList<ToolCredentials::Found> found;
    qsizetype index = 0;
    bool verify = true;
    QList<Outcome> outcomes;
    Callback<QList<Outcome>> done;
};

ToolImport::ToolImport(AccountService *service, AccountStore *accounts,
                       CredentialStore *credentials, ProviderRegistry *registry, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_accounts(accounts)
    , m_credentials(credentials)
    , m_registry(registry)
{ }

void ToolImport::run(QList<ToolCredentials::Found> found, bool verify,
                     Callback<QList<Outcome>> done)
{
    auto shared = std::make_shared<Run>();
    shared->found = std::move(found);
    shared->verify = verify;
    shared->done = std::move(done);
    // Later, as every Callback: never from inside run().
    QTimer::singleShot(0, this, [this, shared] { next(shared); });
}

QString ToolImport::freeName(const QString &wanted) const
{
    QString name = wanted;
    for (int n = 2; m_accounts->findByName(name); ++n)
        name = QStringLiteral("%1 %2").arg(wanted).arg(n);
    return name;
}

QStringList ToolImport::notes(const QList<Outcome> &outcomes)
{
    QStringList files;
    for (const Outcome &outcome : outcomes) {
        if (outcome.kind == Outcome::Imported && !files.contains(outcome.found.file))
            files.append(outcome.found.file);
    }
    QStringList notes;
    for (const QString &file : std::as_const(files)) {
        notes.append(tr("%1 still holds the secret: CloudDeck keeps its copy in the keychain; "
                        "remove it from the file if CloudDeck should be the only place.")
                         .arg(QDir::toNativeSeparators(file)));
    }
    return notes;
}

void ToolImport::next(const std::shared_ptr<Run> &run)
{
    if (run->index >= run->found.size()) {
        auto done = std::move(run->done);
        return done(run->outcomes);
    }
    const ToolCredentials::Found found = run->found.at(run->index++);
    // The keychain and the provider answer after their callers may be gone (a GUI page closed
    // mid-import): nothing is called on a destroyed importer.
    auto finish = [this, self = QPointer<ToolImport>(this), run,
                   found](Outcome::Kind kind, const QString &name, const QString &message) {
        if (!self)
            return;
        run->outcomes.append({found, kind, name, message});
        next(run);
    };
    if (!found.importable())
        return finish(Outcome::Skipped, QString(), found.problem);
    if (!m_registry->contains(found.providerId)) {
        return finish(Outcome::Skipped, QString(),
                      tr("The %1 plugin is not installed.").arg(found.providerId));
    }
    findDuplicate(
        found, candidates(found.providerId), [this, run, found, finish](const QString &existing) {
            if (!existing.isEmpty())
                return finish(Outcome::Duplicate, existing, QString());
            Account account;
            account.providerId = found.providerId;
            account.name = freeName(found.suggestedName());
            account.settings = found.settings;
            account.regions = found.regions;
            account.endpoint = found.endpoint;
            m_service->add(account, found.secrets, run->verify,
                           [finish, name = account.name](Result<Account> added) {
                               if (!added.ok())
                                   return finish(Outcome::Failed, name, added.error().message());
                               finish(Outcome::Imported, added.value().name, QString());
                           });
        });
}

void ToolImport::findExisting(const ToolCredentials::Found &found,
                              std::function<void(QString)> answer)
{
    if (!found.importable()) {
        QTimer::singleShot(0, this, [answer = std::move(answer)] { answer(QString()); });
        return;
    }
    QTimer::singleShot(0, this, [this, found, answer = std::move(answer)] {
        findDuplicate(found, candidates(found.providerId), answer);
    });
}

QStringList ToolImport::candidates(const QString &providerId) const
{
    QStringList ids;
    for (const Account &account : m_accounts->accounts()) {
        if (account.providerId == providerId)
            ids.append(account.id);
    }
    return ids;
}

// The name of an existing account of the provider holding the same credential, or "". An AWS
// key is known by its access key id (a setting); tokens by the secret itself, read back from the
// keychain one account at a time.
void ToolImport::findDuplicate(const ToolCredentials::Found &found, QStringList candidates,
                               const std::function<void(QString)> &answer)
{
    if (candidates.isEmpty())
        return answer(QString());
    const QString id = candidates.takeFirst();
    const std::optional<Account> account = m_accounts->account(id);
    if (!account)
        return findDuplicate(found, candidates, answer);
    const QString keyId = found.settings.value(QStringLiteral("accessKeyId")).toString();
    if (!keyId.isEmpty()) {
        if (account->settings.value(QStringLiteral("accessKeyId")).toString() == keyId)
            return answer(account->name);
        return findDuplicate(found, candidates, answer);
    }
    m_credentials->read(id, [this, self = QPointer<ToolImport>(this), found, candidates, answer,
                             name = account->name](Result<QVariantMap> secrets) {
        if (!self)
            return;
        // An account whose secret cannot be read is not a duplicate we can prove.
        if (secrets.ok() && !found.secrets.isEmpty()
            && secrets.value().value(found.secrets.firstKey()) == found.secrets.first())
            return answer(name);
        findDuplicate(found, candidates, answer);
    });
}
