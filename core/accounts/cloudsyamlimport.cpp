#include "cloudsyamlimport.h"

#include "accountservice.h"

#include <QTimer>
#include <memory>

namespace {
Error forCloud(const QString &cloud, const Error &error)
{
    Error named(error.kind(),
                CloudsYamlImport::tr("Cloud \"%1\": %2 Nothing was imported.").arg(cloud, error.message()),
                error.httpStatus());
    named.setProviderCode(error.providerCode());
    named.setPeerCertificateSha256(error.peerCertificateSha256());
    return named;
}
} // namespace

CloudsYamlImport::CloudsYamlImport(AccountService *service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{ }

void CloudsYamlImport::run(const QString &file, const QString &cloud, bool verify,
                           const QByteArray &pin, const Callback<Imported> &done)
{
    Result<QList<CloudsYaml::Entry>> entries = CloudsYaml::read(file, cloud);
    if (!entries.ok()) {
        const Error &error = entries.error();
        return QTimer::singleShot(0, this, [done, error] { done(error); });
    }
    for (CloudsYaml::Entry &entry : entries.value())
        entry.account.pinnedCertificateSha256 = pin;
    run(entries.takeValue(), verify, done);
}

void CloudsYamlImport::run(QList<CloudsYaml::Entry> entries, bool verify,
                           const Callback<Imported> &done)
{
    auto shared = std::make_shared<QList<CloudsYaml::Entry>>(std::move(entries));
    for (CloudsYaml::Entry &entry : *shared) {
        if (entry.account.id.isEmpty())
            entry.account.id = Account::newId();
        if (const Error error = m_service->validate(entry.account, entry.secrets); error.isError())
            return QTimer::singleShot(0, this, [done, error, cloud = entry.cloud] {
                done(forCloud(cloud, error));
            });
    }
    if (!verify)
        return QTimer::singleShot(0, this, [this, shared, done] {
            addFrom(shared, 0, std::make_shared<Imported>(), done);
        });
    verifyFrom(shared, 0, done);
}

void CloudsYamlImport::verifyFrom(const std::shared_ptr<QList<CloudsYaml::Entry>> &entries,
                                  qsizetype index, const Callback<Imported> &done)
{
    if (index >= entries->size())
        return addFrom(entries, 0, std::make_shared<Imported>(), done);
    const CloudsYaml::Entry &entry = entries->at(index);
    m_service->verify(
        entry.account, entry.secrets,
        [this, entries, index, done, cloud = entry.cloud](const Result<QString> &who) {
            if (!who.ok())
                return done(forCloud(cloud, who.error()));
            verifyFrom(entries, index + 1, done);
        });
}

void CloudsYamlImport::addFrom(const std::shared_ptr<QList<CloudsYaml::Entry>> &entries,
                               qsizetype index, const std::shared_ptr<Imported> &imported,
                               const Callback<Imported> &done)
{
    if (index >= entries->size())
        return done(*imported);
    const CloudsYaml::Entry &entry = entries->at(index);
    // Verified above (or not wanted): add without signing in a second time.
    m_service->add(entry.account, entry.secrets, false,
                   [this, entries, index, imported, done, entry](Result<Account> added) {
                       if (!added.ok()) {
                           QStringList names;
                           for (const Account &account : imported->accounts)
                               names.append(account.name);
                           Error error(added.error().kind(),
                                       tr("Cloud \"%1\": %2 Imported before it: %3.")
                                           .arg(entry.cloud, added.error().message(),
                                                names.isEmpty() ? tr("none")
                                                                : names.join(QStringLiteral(", "))));
                           return done(error);
                       }
                       imported->accounts.append(added.value());
                       imported->notes += entry.notes;
                       addFrom(entries, index + 1, imported, done);
                   });
}
