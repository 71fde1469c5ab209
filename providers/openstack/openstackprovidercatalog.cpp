// The create flow of OpenStackProvider: regions, flavors, images, key pairs and networks of every
// region in the catalog, and POST /servers.
#include "openstackprovider.h"

#include "jsoncall.h"
#include "openstackrequests.h"

#include <utility>

namespace {
/// Items that came from several regions, merged by id: the first copy kept, its regions joined.
template<typename T>
QList<T> mergeByRegion(const QList<T> &items)
{
    QList<T> result;
    QHash<QString, qsizetype> index;
    for (const T &item : items) {
        const auto found = index.constFind(item.id);
        if (found == index.cend()) {
            index.insert(item.id, result.size());
            result.append(item);
            continue;
        }
        for (const QString &region : item.regions) {
            if (!result[*found].regions.contains(region))
                result[*found].regions.append(region);
        }
    }
    return result;
}
} // namespace

void OpenStackProvider::listRegions(Callback<QList<Region>> done)
{
    std::function<void(Callback<QList<Region>>)> operation = [this](Callback<QList<Region>> finished) {
        const Result<QList<Service>> computes = services(QStringLiteral("compute"));
        if (!computes.ok())
            return failLater(computes.error(), std::move(finished));
        QList<Region> regions;
        for (const Service &service : computes.value()) {
            Region region;
            region.id = service.region;
            region.name = service.region;
            regions.append(region);
        }
        post([finished, regions] { finished(regions); });
    };
    m_session->oauth()->authorized<QList<Region>>(operation, std::move(done));
}

void OpenStackProvider::listSizes(Callback<QList<Size>> done)
{
    eachService<Size>(
        QStringLiteral("compute"),
        [this](const Service &compute, const Callback<QList<Size>> &regionDone) {
            microversion(compute, [this, compute, regionDone](Result<QString> version) {
                if (!version.ok())
                    return regionDone(version.error());
                const QString region = compute.region;
                collect<Size>(novaRequest("GET",
                                          OpenStackRequests::serviceUrl(
                                              compute.url, QStringLiteral("/flavors/detail"),
                                              {{QStringLiteral("limit"),
                                                QString::number(m_pageSize)}}),
                                          version.value()),
                              [region](const QJsonObject &page) {
                                  return NovaParser::flavors(page, region);
                              },
                              [](const QJsonObject &page) {
                                  return NovaParser::nextMarker(page, QStringLiteral("flavors"));
                              },
                              regionDone);
            });
        },
        [done](Result<QList<Size>> sizes) {
            if (!sizes.ok())
                return done(sizes.error());
            done(mergeByRegion(sizes.value()));
        });
}

void OpenStackProvider::listImages(Callback<QList<Image>> done)
{
    eachService<Image>(
        QStringLiteral("image"),
        [this](const Service &glance, Callback<QList<Image>> regionDone) {
            const QString region = glance.region;
            HttpRequest first = HttpRequest::get(OpenStackRequests::serviceUrl(
                OpenStackRequests::versioned(glance.url, QStringLiteral("v2")),
                QStringLiteral("/images"),
                {{QStringLiteral("status"), QStringLiteral("active")},
                 {QStringLiteral("limit"), QString::number(m_pageSize)}}));
            first.setHeader("Accept", "application/json");
            collect<Image>(
                first,
                [region](const QJsonObject &page) {
                    return OpenStackCatalogParser::images(page, region);
                },
                &OpenStackCatalogParser::nextImageMarker, std::move(regionDone));
        },
        [done](Result<QList<Image>> images) {
            if (!images.ok())
                return done(images.error());
            done(mergeByRegion(images.value()));
        });
}

void OpenStackProvider::listSshKeys(Callback<QList<SshKey>> done)
{
    eachService<SshKey>(
        QStringLiteral("compute"),
        [this](const Service &compute, const Callback<QList<SshKey>> &regionDone) {
            microversion(compute, [this, compute, regionDone](Result<QString> version) {
                if (!version.ok())
                    return regionDone(version.error());
                // limit/marker on key pairs exist from 2.35; before, one page has them all.
                const bool paged =
                    NovaParser::compareVersions(version.value(), QStringLiteral("2.35")) >= 0;
                QList<std::pair<QString, QString>> query;
                if (paged)
                    query.append({QStringLiteral("limit"), QString::number(m_pageSize)});
                collect<SshKey>(
                    novaRequest("GET",
                                OpenStackRequests::serviceUrl(
                                    compute.url, QStringLiteral("/os-keypairs"), query),
                                version.value()),
                    &NovaParser::keypairs,
                    [paged](const QJsonObject &page) -> Result<std::optional<QString>> {
                        if (!paged)
                            return std::optional<QString>();
                        return NovaParser::nextMarker(page, QStringLiteral("keypairs"));
                    },
                    regionDone);
            });
        },
        [done](Result<QList<SshKey>> keys) {
            if (!keys.ok())
                return done(keys.error());
            // The same name in several regions is one choice in the wizard (key_name).
            QList<SshKey> result;
            QSet<QString> names;
            for (const SshKey &key : keys.value()) {
                if (!names.contains(key.name)) {
                    names.insert(key.name);
                    result.append(key);
                }
            }
            done(result);
        });
}

void OpenStackProvider::listNetworks(const QString &region, Callback<QList<Network>> done)
{
    eachService<Network>(
        QStringLiteral("network"),
        [this, region](const Service &neutron, const Callback<QList<Network>> &regionDone) {
            if (!region.isEmpty() && neutron.region != region)
                return post([regionDone] { regionDone(QList<Network>()); });
            HttpRequest first = HttpRequest::get(OpenStackRequests::serviceUrl(
                OpenStackRequests::versioned(neutron.url, QStringLiteral("v2.0")),
                QStringLiteral("/networks")));
            first.setHeader("Accept", "application/json");
            const QString in = neutron.region;
            collect<Network>(
                first,
                [in](const QJsonObject &page) { return OpenStackCatalogParser::networks(page, in); },
                [](const QJsonObject &page) {
                    return NovaParser::nextMarker(page, QStringLiteral("networks"));
                },
                regionDone);
        },
        std::move(done));
}

void OpenStackProvider::chooseNetwork(const CreateMachineRequest &request,
                                      const Callback<QString> &done)
{
    const QString asked = request.extra.value(QStringLiteral("network")).toString().trimmed();
    listNetworks(request.region, [done, asked, request](Result<QList<Network>> networks) {
        if (!networks.ok()) {
            // No Networking service in the catalog: let Nova decide ("auto" or its default).
            if (networks.error().kind() == Error::Unsupported && asked.isEmpty())
                return done(QString());
            return done(networks.error());
        }
        QList<Network> usable;
        for (const Network &network : networks.value()) {
            if (!asked.isEmpty() && (network.id == asked || network.name == asked))
                return done(network.id);
            if (!network.external)
                usable.append(network);
        }
        if (!asked.isEmpty())
            return done(Error(Error::InvalidInput,
                              OpenStackProvider::tr("Region %1 has no network \"%2\".")
                                  .arg(request.region, asked)));
        if (usable.size() == 1)
            return done(usable.constFirst().id);
        if (usable.isEmpty())
            return done(QString()); // Nova's "auto": get-me-a-network, where the cloud has it
        QStringList names;
        for (const Network &network : std::as_const(usable))
            names.append(network.name.isEmpty() ? network.id : network.name);
        done(Error(Error::InvalidInput,
                   OpenStackProvider::tr("Region %1 has several networks (%2): choose one for the "
                                         "new server.")
                       .arg(request.region, names.join(QStringLiteral(", ")))));
    });
}

void OpenStackProvider::createMachine(const CreateMachineRequest &request, Callback<Machine> done)
{
    std::function<void(Callback<Machine>)> operation = [this,
                                                        request](Callback<Machine> finished) {
        const Result<QList<Service>> computes = services(QStringLiteral("compute"));
        if (!computes.ok())
            return failLater(computes.error(), std::move(finished));
        std::optional<Service> compute;
        for (const Service &service : computes.value()) {
            if (service.region == request.region
                || (request.region.isEmpty() && computes.value().size() == 1))
                compute = service;
        }
        if (!compute) {
            return failLater(Error(Error::InvalidInput, tr("Choose a region with a compute "
                                                           "endpoint for the new server.")),
                             std::move(finished));
        }
        chooseNetwork(request, [this, request, compute, finished](Result<QString> network) {
            if (!network.ok())
                return finished(network.error());
            createIn(*compute, request, network.value(), finished);
        });
    };
    m_session->oauth()->authorized<Machine>(operation, std::move(done));
}

void OpenStackProvider::createIn(const Service &compute, const CreateMachineRequest &request,
                                 const QString &network, const Callback<Machine> &done)
{
    microversion(compute, [this, compute, request, network, done](Result<QString> version) {
        if (!version.ok())
            return done(version.error());
        const Result<QJsonObject> body =
            OpenStackRequests::createBody(request, network, version.value());
        if (!body.ok())
            return done(body.error());
        const HttpRequest post = novaRequest(
            "POST", OpenStackRequests::serviceUrl(compute.url, QStringLiteral("/servers")),
            version.value(), body.value());
        qCInfo(lcOpenStack) << "create server" << request.name << "flavor" << request.size
                            << "in" << compute.region;
        const QString region = compute.region;
        JsonCall::send<QString>(http(), post, &NovaParser::createdServerId,
                                [this, request, region, done](Result<QString> id) {
            if (!id.ok())
                return done(id.error());
            // 202 Accepted: Nova builds it now. The reply holds only the id (and adminPass,
            // which is never kept), so the machine is what was asked for, pending.
            Machine machine;
            machine.accountId = account().id;
            machine.providerId = QStringLiteral("openstack");
            machine.id = id.value();
            machine.name = request.name;
            machine.state = MachineState::Pending;
            machine.providerState = QStringLiteral("BUILD");
            machine.region = region;
            machine.size = request.size;
            machine.image = request.image;
            machine.tags = request.tags;
            m_serverRegions.insert(machine.id, region);
            done(machine);
                                });
    });
}
