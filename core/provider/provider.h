#pragma once

#include "account.h"
#include "catalog.h"
#include "clouddeck_core_export.h"
#include "httpclient.h"
#include "machine.h"
#include "machineaction.h"
#include "machineupdate.h"
#include "metricrange.h"
#include "metricseries.h"
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
    /// Asks the cloud to run @p action; done as soon as the cloud has ACCEPTED it (the way doctl
    /// and hcloud return without --wait), or with the error it refused it with. Where the cloud
    /// gives an object to follow (an action id), the provider keeps it for followAction().
    virtual void runAction(const QString &machineId, MachineAction::Action action,
                           Callback<void> done) = 0;
    /// Follows the action runAction() last had accepted on @p machineId until the cloud reports
    /// it completed (ok) or failed (the cloud's words), within the provider's own time limit.
    /// The default has nothing to follow and succeeds at once (asynchronously): the machine's
    /// state in the next listings tells how it went. Inventory calls it after every accepted
    /// action; the machine's listed state is still what confirms the target.
    virtual void followAction(const QString &machineId, MachineAction::Action action,
                              Callback<void> done);
    /// Renames the machine and/or replaces its tags (whichever @p update holds); done once the
    /// cloud has taken every part, or with the first error (parts already taken stay taken:
    /// DigitalOcean and AWS change tags one call at a time). Providers with the "rename" and
    /// "tags" capabilities implement it; the default fails with Unsupported. The new name and
    /// tags were checked by Inventory (MachineEditRules); a provider checks only the ids.
    virtual void updateMachine(const QString &machineId, const MachineUpdate &update,
                               Callback<void> done);
    /// Creates a machine; yields it as the provider first describes it (usually pending).
    virtual void createMachine(const CreateMachineRequest &request, Callback<Machine> done);
    virtual void listRegions(Callback<QList<Region>> done);
    virtual void listSizes(Callback<QList<Size>> done);
    virtual void listImages(Callback<QList<Image>> done);
    virtual void listSshKeys(Callback<QList<SshKey>> done);
    /// A hint: the machines the user is looking at (detail pane, selection). Providers that
    /// fetch details per machine (Proxmox's guest-agent addresses) fetch these first.
    virtual void setMachinesInView(const QStringList &machineIds);
    /// The @p kind series of each of @p machineIds over @p range, one per machine in the order
    /// asked (an empty series, with its note, where the cloud has no data for one). Providers
    /// with the "metrics" capability implement it; the default fails with Unsupported.
    virtual void fetchMetrics(const QStringList &machineIds, MetricSeries::Kind kind,
                              const MetricRange &range, Callback<QList<MetricSeries>> done);

protected:
    /// The secret field @p id ("token"); empty when absent.
    [[nodiscard]] QString secret(const QString &id) const;
    /// Calls @p done with an Unsupported error, asynchronously.
    template<typename T>
    void unsupported(const QString &what, Callback<T> done);
    /// Calls @p done with @p error, asynchronously (the async contract: a callback never runs
    /// from inside the call that took it), e.g. for input refused before any request.
    template<typename T>
    void failLater(const Error &error, Callback<T> done);
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
    failLater(Error(Error::Unsupported, tr("%1 does not support %2.").arg(m_metadata.name, what)),
              std::move(done));
}

template<typename T>
void Provider::failLater(const Error &error, Callback<T> done)
{
    post([done = std::move(done), error] { done(error); });
}
