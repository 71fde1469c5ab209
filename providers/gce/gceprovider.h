#pragma once

#include "actionfollower.h"
#include "gcecredentials.h"
#include "gceparser.h"
#include "jsoncall.h"
#include "oauthtoken.h"
#include "oauthtokenendpoint.h"
#include "pagedlist.h"
#include "provider.h"

#include <QHash>
#include <QLoggingCategory>
#include <algorithm>
#include <functional>
#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcGce)

/**
 * @brief Google Compute Engine through its REST API v1: every zone of one project from one
 * credential.
 *
 * Sign-in: a service-account key (a JWT signed RS256 with the key file's private key, see
 * GceJwt) or gcloud's application default credentials (a refresh token) is exchanged at the
 * token endpoint for an access token, which the shared OAuth helper keeps until shortly before
 * it expires, shares between parallel calls, sends as "Authorization: Bearer" and renews once
 * after a 401.
 *
 * Listing is one paged call for every zone (aggregated/instances, returnPartialSuccess so an
 * unreachable zone is named instead of failing everything) plus aggregated/disks for the boot
 * disks' source images: an instance names only its boot disk, and asking for each disk would
 * cost one call per machine per poll; the aggregated disk list costs one call per 500 disks,
 * in parallel with the instances. A failed disk list leaves images to the boot disk's licence.
 *
 * Machine ids are the instances' numeric ids (stable across renames, unique in the project);
 * the instance methods take them in place of the name. Their zone comes from the last listing.
 * Actions return an Operation: runAction() returns once GCE accepted it, followAction() waits
 * on zoneOperations/{op}/wait until DONE and reports its error.
 */
class GceProvider : public Provider
{
    Q_OBJECT
public:
    struct OperationHandle
    {
        QString zone;
        QString name;
        QString operationType;
    };

    GceProvider(const ProviderMetadata &metadata, const Account &account,
                const QVariantMap &secrets, QObject *parent = nullptr);
    ~GceProvider() override;

    /// Seconds since the epoch, for the JWT's iat/exp (tests).
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    /// How operations are followed (tests shorten it).
    void setOperationTiming(ActionFollower<OperationHandle>::Timing timing)
    {
        m_operations.setTiming(timing);
    }
    void setPageSize(int size) { m_pageSize = std::clamp(size, 1, 500); }
    [[nodiscard]] const GceCredentials &credentials() const { return m_credentials; }
    [[nodiscard]] OAuthToken *oauth() const { return m_token; }

    /// compute.projects.get: the credential may read the project's Compute Engine data.
    void verify(Callback<QString> done) override;
    void listMachines(Callback<QList<Machine>> done) override;
    /// start (resume for a suspended instance), stop (ACPI shutdown: graceful), reset (our
    /// reboot; hard, as GCE offers no soft reboot), delete.
    void runAction(const QString &machineId, MachineAction::Action action,
                   Callback<void> done) override;
    void followAction(const QString &machineId, MachineAction::Action action,
                      Callback<void> done) override;
    /// instances.insert into request.region (a zone), the default network unless
    /// request.extra "network" names another.
    void createMachine(const CreateMachineRequest &request, Callback<Machine> done) override;
    /// The project's zones.
    void listRegions(Callback<QList<Region>> done) override;
    /// Machine types of the account's zones (its first three), else of us-central1-a for every
    /// zone. No prices: they are in the Cloud Billing Catalog, which a token with the compute
    /// scope cannot read, and CloudDeck never invents them.
    void listSizes(Callback<QList<Size>> done) override;
    /// The newest image of each well-known public family (images/getFromFamily), then the
    /// project's own images.
    void listImages(Callback<QList<Image>> done) override;
    /// The project's "ssh-keys" metadata (compute.projects.get), one entry per key line.
    void listSshKeys(Callback<QList<SshKey>> done) override;
    /// Cloud Monitoring's timeSeries of the instances (GceMetrics), on the monitoring host.
    void fetchMetrics(const QStringList &machineIds, MetricSeries::Kind kind,
                      const MetricRange &range, Callback<QList<MetricSeries>> done) override;
    /// https://monitoring.googleapis.com/v3, or the account's "monitoringEndpoint" (tests).
    [[nodiscard]] QUrl monitoringBase() const;

private:
    template<typename T>
    using Operation = std::function<void(Callback<T>)>;

    [[nodiscard]] QUrl compute(const QString &path,
                               const QList<std::pair<QString, QString>> &query = {}) const;
    [[nodiscard]] Error checkAccount() const;
    /// @p path on monitoringBase(), every value percent-encoded (a filter holds '"', '=', '(').
    [[nodiscard]] QUrl monitoringUrl(const QString &path,
                                     const QList<std::pair<QString, QString>> &query) const;
    [[nodiscard]] static bool isName(const QString &name);
    /// InvalidInput unless @p machineId is an instance's numeric id.
    [[nodiscard]] static Error checkInstanceId(const QString &machineId);
    /// Runs @p operation with a valid access token (renewed once after a 401).
    template<typename T>
    void authorized(Operation<T> operation, Callback<T> done);
    /// GET/POST one JSON object through @p parse, authorized.
    template<typename T>
    void call(HttpRequest request, JsonCall::Parser<T> parse, Callback<T> done);
    /// Every page of @p path (a list or an aggregated list), authorized.
    template<typename T>
    void pages(const QString &path, const QList<std::pair<QString, QString>> &query,
               PagedList::PageParser<T> parse, Callback<QList<T>> done);
    void listInstances(Callback<QList<Machine>> done);
    /// The zone of @p machineId: from the last listing, else from a new one.
    void zoneOf(const QString &machineId, const Callback<QString> &done);
    void checkOperation(const OperationHandle &handle, Callback<bool> done);
    /// instances.insert of @p request with its SSH keys resolved to "user:key" lines.
    void insert(const CreateMachineRequest &request, const QString &zone,
                const QStringList &keyLines, Callback<Machine> done);

    GceCredentials m_credentials;
    OAuthToken *m_token; ///< a child: deleted with the provider
    std::function<qint64()> m_clock;
    ActionFollower<OperationHandle> m_operations;
    /// From the last listing: zone and status by machine id.
    QHash<QString, std::pair<QString, QString>> m_seen;
    int m_pageSize = 500;
};

// The authorized calls, shared by gceprovider.cpp and gceprovidercatalog.cpp.

template<typename T>
inline void GceProvider::authorized(Operation<T> operation, Callback<T> done)
{
    if (const Error error = checkAccount(); error.isError())
        return failLater(error, std::move(done));
    m_token->authorized<T>(std::move(operation), std::move(done));
}

template<typename T>
inline void GceProvider::call(HttpRequest request, JsonCall::Parser<T> parse, Callback<T> done)
{
    authorized<T>(
        [this, request, parse](Callback<T> attempt) {
            JsonCall::send<T>(http(), request, parse, std::move(attempt));
        },
        std::move(done));
}

template<typename T>
inline void GceProvider::pages(const QString &path, const QList<std::pair<QString, QString>> &query,
                               PagedList::PageParser<T> parse, Callback<QList<T>> done)
{
    authorized<QList<T>>(
        [this, path, query, parse](Callback<QList<T>> attempt) {
            PagedList::NextPage next =
                [this, path, query](const QJsonObject &page) -> Result<std::optional<HttpRequest>> {
                const QString token = GceParser::nextPageToken(page);
                if (token.isEmpty())
                    return std::optional<HttpRequest>();
                auto nextQuery = query;
                nextQuery.append({QStringLiteral("pageToken"), token});
                return std::optional<HttpRequest>(HttpRequest::get(compute(path, nextQuery)));
            };
            PagedList::collect<T>(http(), HttpRequest::get(compute(path, query)), parse, next,
                                  std::move(attempt));
        },
        std::move(done));
}
