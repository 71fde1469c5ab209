#pragma once

#include "account.h"
#include "catalog.h"
#include "clouddeck_core_export.h"
#include "httpclient.h"
#include "machine.h"
#include "machineaction.h"
#include "providermetadata.h"
#include "result.h"

#include <QObject>
#include <QVariantMap>

/**
 * @brief One account's connection to one cloud: lists machines, runs actions, creates machines.
 *
 * Every operation follows CloudDeck's one async pattern (see result.h): it returns at once and
 * calls its callback exactly once, later, with a Result. Deleting the provider aborts whatever is
 * in flight without calling back. A provider sends all its requests through its own HttpClient.
 */
class CLOUDDECK_CORE_EXPORT Provider : public QObject
{
    Q_OBJECT
public:
    /// @p secrets holds the account's secret credential fields, read from the keychain; it lives
    /// only as long as this provider (it is needed to authorize every request).
    Provider(const ProviderMetadata &metadata, const Account &account, const QVariantMap &secrets,
             QObject *parent = nullptr);
    ~Provider() override;

    [[nodiscard]] const Account &account() const { return m_account; }
    [[nodiscard]] const ProviderMetadata &metadata() const { return m_metadata; }
    [[nodiscard]] HttpClient *http() const { return m_http; }
    /// The account's endpoint override, else the plugin's default base URL.
    [[nodiscard]] QUrl baseUrl() const;
    /// baseUrl() with @p path appended ("/droplets") and @p query set.
    [[nodiscard]] QUrl url(const QString &path,
                           const QList<std::pair<QString, QString>> &query = {}) const;

    /// One cheap authenticated call; yields who the credentials belong to ("ops@example.com").
    virtual void verify(Callback<QString> done) = 0;
    /// Every machine of the account (all pages, all included regions).
    virtual void listMachines(Callback<QList<Machine>> done) = 0;
    /// Runs @p action and, where the API reports progress, follows it until it completed or failed.
    virtual void runAction(const QString &machineId, MachineAction::Action action,
                           Callback<void> done) = 0;
    /// Creates a machine; yields it as the provider first describes it (usually pending).
    virtual void createMachine(const CreateMachineRequest &request, Callback<Machine> done);
    virtual void listRegions(Callback<QList<Region>> done);
    virtual void listSizes(Callback<QList<Size>> done);
    virtual void listImages(Callback<QList<Image>> done);
    virtual void listSshKeys(Callback<QList<SshKey>> done);
    /// A hint: the machines the user is looking at (detail pane, selection). Providers that
    /// fetch details per machine (Proxmox's guest-agent addresses) fetch these first.
    virtual void setMachinesInView(const QStringList &machineIds);

protected:
    /// The secret field @p id ("token"); empty when absent.
    [[nodiscard]] QString secret(const QString &id) const;
    /// Calls @p done with an Unsupported error, asynchronously.
    template<typename T>
    void unsupported(const QString &what, Callback<T> done);
    void post(std::function<void()> function);

private:
    ProviderMetadata m_metadata;
    Account m_account;
    QVariantMap m_secrets;
    HttpClient *m_http;
};

template<typename T>
void Provider::unsupported(const QString &what, Callback<T> done)
{
    const Error error(Error::Unsupported, tr("%1 does not support %2.").arg(m_metadata.name, what));
    post([done = std::move(done), error] { done(error); });
}
