#pragma once

#include "azureoperation.h"
#include "azureparser.h"
#include "azurepricebook.h"
#include "oauthtoken.h"
#include "pagedlist.h"
#include "provider.h"

#include <QHash>
#include <QLoggingCategory>
#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcAzure)

/**
 * @brief Microsoft Azure virtual machines through Azure Resource Manager: every subscription a
 * service principal can read, from one client secret.
 *
 * Sign-in is OAuth 2.0 client credentials at the Microsoft identity platform
 * (POST {authority}/{tenant}/oauth2/v2.0/token, scope {ARM}/.default) through the shared
 * OAuthToken: cached until shortly before expires_in, one fetch for parallel callers, renewed
 * once after a 401. The token goes only to the Resource Manager host.
 *
 * A listing runs per subscription, all subscriptions in parallel, and in each four paged calls at
 * once: the VMs (their model), the VMs with statusOnly=true (their power state), and the network
 * interfaces and public IP addresses of the whole subscription, joined by resource id. Why
 * statusOnly rather than $expand=instanceView per VM: it costs one paged call per subscription
 * whatever the number of VMs, where the instance view costs one call per VM per poll, and
 * every read counts against the subscription's ARM read budget. Paging follows nextLink, only
 * on the Resource Manager host. Prices come from the public Retail Prices API (AzurePriceBook).
 *
 * Actions are long-running operations (AzureOperation): start, shutdown = deallocate (stops
 * compute billing; what Azure's portal calls Stop), power off = powerOff with skipShutdown
 * (stays allocated and billed), reboot = restart, destroy = DELETE (its OS disk, NIC and public
 * IP go with it when created by CloudDeck: deleteOption Delete).
 */
class AzureProvider : public Provider
{
    Q_OBJECT
public:
    AzureProvider(const ProviderMetadata &metadata, const Account &account,
                  const QVariantMap &secrets, QObject *parent = nullptr);

    /// Where the token comes from: {authority}/{tenant}/oauth2/v2.0/token.
    [[nodiscard]] QUrl tokenUrl() const;
    /// The Resource Manager scope ("https://management.azure.com/.default").
    [[nodiscard]] QString scope() const;
    [[nodiscard]] QUrl pricesUrl() const;
    [[nodiscard]] OAuthToken *token() const { return m_token; }
    void setOperationTiming(const AzureOperation::Timing &timing) { m_timing = timing; }
    /// The clock token lifetimes are measured with (tests).
    void setClock(OAuthToken::Clock clock) { m_token->setClock(std::move(clock)); }

    /// A new token, then the subscriptions it can read.
    void verify(Callback<QString> done) override;
    void listMachines(Callback<QList<Machine>> done) override;
    void runAction(const QString &machineId, MachineAction::Action action,
                   Callback<void> done) override;
    void followAction(const QString &machineId, MachineAction::Action action,
                      Callback<void> done) override;
    /// A public IP and a NIC in the chosen subnet (request.extra "network": a subnet id or
    /// "vnet/subnet"; else the first subnet in the region), then the VM, all in the resource
    /// group request.extra "resourceGroup" names, else the virtual network's. The VM's
    /// operation is followed to its end: when Azure refuses the VM or its creation fails, what
    /// was made for it is deleted again (the failed VM, then the NIC, then the IP) and the
    /// error says so, or names what is left when a delete fails.
    void createMachine(const CreateMachineRequest &request, Callback<Machine> done) override;
    void listRegions(Callback<QList<Region>> done) override;
    /// The sizes of the account's first region (else eastus), with their Linux pay-as-you-go
    /// prices from the price book (the image is not chosen yet when sizes are listed).
    void listSizes(Callback<QList<Size>> done) override;
    void listImages(Callback<QList<Image>> done) override;
    void listSshKeys(Callback<QList<SshKey>> done) override;
    /// Azure Monitor's platform metrics (AzureMetrics), one Metrics_List request per VM on the
    /// Resource Manager host with the same token. Azure's newer subscription-scope listing
    /// batches VMs but needs a region and a dimension filter per call; per VM keeps each reply
    /// one VM's and each error that VM's.
    void fetchMetrics(const QStringList &machineIds, MetricSeries::Kind kind,
                      const MetricRange &range, Callback<QList<MetricSeries>> done) override;

    /// The account's chosen subscriptions, else every enabled one.
    void subscriptionsInScope(Callback<QStringList> done);

private:
    /// Every item of an ARM listing at @p path (api-version @p version), following nextLink.
    template<typename T>
    void list(const QString &path, const QString &version,
              const QList<std::pair<QString, QString>> &query, PagedList::PageParser<T> parse,
              Callback<QList<T>> done);
    /// @p operation with a token, once more with a new one after a 401.
    template<typename T>
    void authorized(std::function<void(Callback<T>)> operation, Callback<T> done)
    {
        m_token->authorized<T>(std::move(operation), std::move(done));
    }
    /// send() with a token (the follow of an operation, a create step).
    void sendAuthorized(const HttpRequest &request, Callback<HttpResponse> done);
    [[nodiscard]] QUrl armUrl(const QString &path, const QString &version,
                              QList<std::pair<QString, QString>> query = {}) const;
    [[nodiscard]] Error missingCredentials() const;
    void fetchToken(Callback<OAuthToken::Token> done);
    void listSubscription(const QString &subscription, Callback<QList<Machine>> done);
    /// Sends @p request, follows the operation it starts, then @p done.
    void runOperation(const HttpRequest &request, const QString &what, const Callback<void> &done);
    /// One resource CloudDeck made for a VM: its ARM path, api-version and name.
    struct Made
    {
        QString path;
        QString version;
        QString name;
    };
    /// Deletes @p made in order, each followed to its end (gone already counts as deleted),
    /// stopping at the first that fails: each later one depends on it (the VM holds the NIC,
    /// the NIC the IP). @p done gets the names left and the error that stopped it.
    void deleteInOrder(QList<Made> made,
                       const std::function<void(QStringList left, Error error)> &done);
    /// @p error with what deleteInOrder() did after it, then @p done.
    void failCreation(const Error &error, QList<Made> made, const Callback<Machine> &done);
    struct Creation;
    void createInSubnet(const std::shared_ptr<Creation> &creation);
    void createVm(const std::shared_ptr<Creation> &creation);
    void followVm(const std::shared_ptr<Creation> &creation, const Machine &machine,
                  const AzureOperation::Handle &handle);
    void pickSubnet(const CreateMachineRequest &request, const QString &subscription,
                    Callback<AzureParser::Subnet> done);
    void resolveKeys(const QStringList &wanted, const Callback<QStringList> &done);

    OAuthToken *m_token;
    std::unique_ptr<AzurePriceBook> m_prices;
    AzureOperation::Timing m_timing;
    QHash<QString, AzureOperation::Handle> m_operations;
    QHash<QString, QString> m_actionWords;
};

template<typename T>
void AzureProvider::list(const QString &path, const QString &version,
                         const QList<std::pair<QString, QString>> &query,
                         PagedList::PageParser<T> parse, Callback<QList<T>> done)
{
    const QUrl first = armUrl(path, version, query);
    const QUrl base = baseUrl();
    authorized<QList<T>>(
        [this, first, base, parse](Callback<QList<T>> listed) {
            PagedList::collect<T>(
                http(), HttpRequest::get(first), parse,
                [base](const QJsonObject &page) -> Result<std::optional<HttpRequest>> {
                    const Result<QString> link = AzureParser::nextLink(page);
                    if (!link.ok())
                        return link.error();
                    if (link.value().isEmpty())
                        return std::optional<HttpRequest>();
                    const QUrl next(link.value());
                    // The token would not go there, but neither do we: a nextLink elsewhere is
                    // not the listing we asked for.
                    if (!next.isValid() || !OAuthToken::sameOrigin(next, {base}))
                        return Error(Error::InvalidReply,
                                     tr("Azure's next-page link leads to another host (%1); "
                                        "CloudDeck did not follow it.")
                                         .arg(next.host().left(100)));
                    return std::optional<HttpRequest>(HttpRequest::get(next));
                },
                std::move(listed));
        },
        std::move(done));
}
