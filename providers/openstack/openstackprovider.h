#pragma once

#include "keystonesession.h"
#include "novaparser.h"
#include "openstackcatalogparser.h"
#include "pagedlist.h"
#include "provider.h"
#include "regionfanout.h"

#include <QHash>
#include <QLoggingCategory>
#include <QUrlQuery>
#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcOpenStack)

/**
 * @brief OpenStack through Keystone v3, Nova (Compute v2.1 with microversions), Glance v2 and
 * Neutron v2.0: every region of the project's service catalog, listed in parallel.
 *
 * The account's endpoint is the Keystone URL (clouds.yaml's auth_url). Every operation first
 * gets a token (KeystoneSession on OAuthToken: renewed before it expires and once after a 401),
 * then reads the endpoints of the catalog for the chosen interface (public by default). Endpoints
 * are used as the catalog gives them, but only on the hosts the user configured: a catalog
 * pointing elsewhere is an error, and no request (so no token) goes there.
 *
 * Nova's microversion is negotiated once per compute endpoint from its version document (GET on
 * the endpoint): the lower of the cloud's maximum and NovaParser::maxMicroversion, sent as
 * "OpenStack-API-Version: compute 2.x" (and X-OpenStack-Nova-API-Version below 2.27, which is
 * all older clouds read). Lists follow limit/marker paging to the end; only the marker is taken
 * from a next link, never its host.
 */
class OpenStackProvider : public Provider
{
    Q_OBJECT
public:
    using Network = OpenStackCatalogParser::Network;

    OpenStackProvider(const ProviderMetadata &metadata, const Account &account,
                      const QVariantMap &secrets, QObject *parent = nullptr);

    [[nodiscard]] KeystoneSession *session() const { return m_session; }
    /// Items per page of servers, flavors, key pairs and images.
    void setPageSize(int size) { m_pageSize = std::clamp(size, 1, 1000); }

    /// A token, then the compute endpoint of the first region: who signs in, which project, and
    /// the regions with a compute endpoint.
    void verify(Callback<QString> done) override;
    void listMachines(Callback<QList<Machine>> done) override;
    /// Start: os-start. Shutdown: os-stop. Reboot: SOFT, or HARD when the server was last seen in
    /// ERROR or stuck in a reboot. Destroy: DELETE /servers/{id}. Each returns once Nova accepted
    /// it (202/204); a 409 means the server is busy with something else.
    void runAction(const QString &machineId, MachineAction::Action action,
                   Callback<void> done) override;
    /// POST /servers in request.region. Network: request.extra["network"], else the project's one
    /// network (Neutron), else "auto" (2.37+). Metadata: request.extra["metadata"].
    void createMachine(const CreateMachineRequest &request, Callback<Machine> done) override;
    /// The regions of the catalog with a compute endpoint.
    void listRegions(Callback<QList<Region>> done) override;
    /// GET /flavors/detail in every region (a flavor lists the regions it is in).
    void listSizes(Callback<QList<Size>> done) override;
    /// Glance GET /v2/images?status=active in every region.
    void listImages(Callback<QList<Image>> done) override;
    /// GET /os-keypairs in every region (key pairs are per region in Nova).
    void listSshKeys(Callback<QList<SshKey>> done) override;
    /// Neutron GET /v2.0/networks in @p region.
    void listNetworks(const QString &region, Callback<QList<Network>> done);

private:
    /// @brief One endpoint of the catalog, checked against the allowed hosts.
    struct Service
    {
        QString region;
        QUrl url;
    };
    /// The @p type endpoints of the current token's catalog in the regions in scope; an error
    /// when there are none, when a chosen region has none, or when one is on another host.
    [[nodiscard]] Result<QList<Service>> services(const QString &type) const;
    /// The microversion for @p compute, negotiated once.
    void microversion(const Service &compute, Callback<QString> done);
    /// A Compute API request with the microversion headers for @p version (none when empty);
    /// with @p body, a JSON one.
    [[nodiscard]] HttpRequest novaRequest(const QByteArray &method, const QUrl &url,
                                          const QString &version,
                                          const QJsonObject &body = {}) const;
    /// A page's marker of the next one: empty on the last page.
    using NextMarker = std::function<Result<std::optional<QString>>(const QJsonObject &)>;
    /// Every page of @p first's collection (limit/marker), items through @p parse.
    template<typename T>
    void collect(const HttpRequest &first, PagedList::PageParser<T> parse,
                 const NextMarker &nextMarker, Callback<QList<T>> done);
    /// @p perRegion for every @p type endpoint at once, inside a token (re-run once on a 401).
    template<typename T>
    void eachService(const QString &type,
                     std::function<void(const Service &, Callback<QList<T>>)> perRegion,
                     Callback<QList<T>> done);
    /// The compute endpoint of the server @p id: known from the last listing, else searched.
    void computeOf(const QString &id, Callback<Service> done);
    void serversIn(const Service &compute, const Callback<QList<Machine>> &done);
    void sendAction(const Service &compute, const QString &id, MachineAction::Action action,
                    const Callback<void> &done);
    void createIn(const Service &compute, const CreateMachineRequest &request,
                  const QString &network, const Callback<Machine> &done);
    /// The network for a new server in @p region: the one asked for, the only one, or none.
    void chooseNetwork(const CreateMachineRequest &request, const Callback<QString> &done);
    [[nodiscard]] static Error busy(const Error &error, MachineAction::Action action);

    KeystoneSession *m_session;
    int m_pageSize = 200;
    QHash<QString, QString> m_microversions; ///< compute URL -> negotiated microversion
    QHash<QString, QList<Callback<QString>>> m_versionWaiters;
    QHash<QString, QString> m_serverRegions; ///< from the last listing
    QHash<QString, QString> m_serverStatus; ///< Nova status from the last listing
};

template<typename T>
void OpenStackProvider::collect(const HttpRequest &first, PagedList::PageParser<T> parse,
                                const NextMarker &nextMarker, Callback<QList<T>> done)
{
    PagedList::collect<T>(
        http(), first, std::move(parse),
        [base = first, nextMarker](const QJsonObject &page) -> Result<std::optional<HttpRequest>> {
            const Result<std::optional<QString>> marker = nextMarker(page);
            if (!marker.ok())
                return marker.error();
            if (!marker.value())
                return std::optional<HttpRequest>();
            HttpRequest next = base;
            QUrlQuery query(next.url);
            query.removeAllQueryItems(QStringLiteral("marker"));
            query.addQueryItem(QStringLiteral("marker"), *marker.value());
            next.url.setQuery(query);
            return std::optional<HttpRequest>(next);
        },
        std::move(done));
}

template<typename T>
inline void OpenStackProvider::eachService(
    const QString &type, std::function<void(const Service &, Callback<QList<T>>)> perRegion,
    Callback<QList<T>> done)
{
    std::function<void(Callback<QList<T>>)> operation = [this, type,
                                                         perRegion](Callback<QList<T>> finished) {
        const Result<QList<Service>> found = services(type);
        if (!found.ok())
            return failLater(found.error(), std::move(finished));
        QStringList regions;
        QHash<QString, Service> byRegion;
        for (const Service &service : found.value()) {
            regions.append(service.region);
            byRegion.insert(service.region, service);
        }
        RegionFanOut::run<T>(
            regions,
            [byRegion, perRegion](const QString &region, Callback<QList<T>> regionDone) {
                perRegion(byRegion.value(region), std::move(regionDone));
            },
            std::move(finished));
    };
    m_session->oauth()->authorized<QList<T>>(operation, std::move(done));
}
