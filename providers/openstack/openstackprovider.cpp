#include "openstackprovider.h"

#include "jsoncall.h"
#include "openstackrequests.h"
#include "resourceid.h"

#include <QJsonDocument>
#include <QSet>
#include <memory>

Q_LOGGING_CATEGORY(lcOpenStack, "clouddeck.provider.openstack", QtInfoMsg)

OpenStackProvider::OpenStackProvider(const ProviderMetadata &metadata, const Account &account,
                                     const QVariantMap &secrets, QObject *parent)
    : Provider(metadata, account, secrets, parent)
    , m_session(new KeystoneSession(http(), account, secrets, this))
{
    http()->setErrorReader(&NovaParser::error);
    // Neither Keystone nor Nova send rate-limit headers; a 429 (an API gateway's) still gets
    // HttpClient's Retry-After handling.
    http()->setRateLimitReader([](const HttpResponse &) { return std::optional<RateLimit>(); });
}

Result<QList<OpenStackProvider::Service>> OpenStackProvider::services(const QString &type) const
{
    const KeystoneParser::Token *token = m_session->token();
    if (!token)
        return Error(Error::Auth, tr("Not signed in to Keystone."));
    const QString interface = m_session->interface();
    const QList<KeystoneParser::Endpoint> endpoints =
        KeystoneParser::endpoints(token->catalog, type, interface);
    if (endpoints.isEmpty())
        return Error(Error::Unsupported,
                     tr("The service catalog of project %1 has no %2 endpoint for the %3 "
                        "interface. Ask the cloud's operators, or choose another interface "
                        "(public, internal, admin) for the account.")
                         .arg(token->project.isEmpty() ? tr("(unnamed)") : token->project, type,
                              interface));
    const QStringList chosen = account().regions;
    QList<Service> result;
    QStringList found;
    for (const KeystoneParser::Endpoint &endpoint : endpoints) {
        found.append(endpoint.region);
        if (!chosen.isEmpty() && !chosen.contains(endpoint.region))
            continue;
        if (Error refused = m_session->checkEndpoint(endpoint.url, type, endpoint.region);
            refused.isError())
            return refused;
        result.append({endpoint.region, endpoint.url});
    }
    for (const QString &region : chosen) {
        if (!found.contains(region))
            return Error(Error::InvalidInput,
                         tr("Region \"%1\" has no %2 endpoint in the service catalog; the "
                            "catalog has %3. Fix the account's regions.")
                             .arg(region, type, found.join(QStringLiteral(", "))));
    }
    return result;
}

HttpRequest OpenStackProvider::novaRequest(const QByteArray &method, const QUrl &url,
                                           const QString &version, const QJsonObject &body) const
{
    HttpRequest request = body.isEmpty() ? HttpRequest::make(method, url)
                                         : HttpRequest::json(method, url, QJsonDocument(body));
    request.setHeader("Accept", "application/json");
    if (!version.isEmpty()) {
        request.setHeader("OpenStack-API-Version", "compute " + version.toLatin1());
        if (NovaParser::compareVersions(version, QStringLiteral("2.27")) < 0)
            request.setHeader("X-OpenStack-Nova-API-Version", version.toLatin1());
    }
    return request;
}

void OpenStackProvider::microversion(const Service &compute, Callback<QString> done)
{
    const QString key = compute.url.toString();
    if (const auto known = m_microversions.constFind(key); known != m_microversions.cend()) {
        const QString version = *known;
        return post([done, version] { done(version); });
    }
    auto &waiters = m_versionWaiters[key];
    waiters.append(std::move(done));
    if (waiters.size() > 1)
        return;
    // GET on the endpoint itself: the compute API's "Show Details of API Version" (v2.1) or, for
    // an unversioned endpoint, "List All Major Versions".
    JsonCall::send<QString>(http(), novaRequest("GET", compute.url, {}), &NovaParser::maxVersion,
                            [this, key](Result<QString> version) {
        if (version.ok()) {
            const QString chosen = NovaParser::negotiate(version.value());
            qCInfo(lcOpenStack).noquote() << "compute" << key << "up to" << version.value()
                                          << "-> microversion" << chosen;
            m_microversions.insert(key, chosen);
            version = chosen;
        }
        const auto waiting = m_versionWaiters.take(key);
        for (const auto &waiter : waiting)
            waiter(version);
                            });
}

void OpenStackProvider::verify(Callback<QString> done)
{
    m_session->oauth()->renew([this, done](const Result<void> &signedIn) {
        if (!signedIn.ok())
            return done(signedIn.error());
        const Result<QList<Service>> computes = services(QStringLiteral("compute"));
        if (!computes.ok())
            return done(computes.error());
        microversion(computes.value().constFirst(), [this, done,
                                                     computes](const Result<QString> &v) {
            if (!v.ok())
                return done(v.error());
            const KeystoneParser::Token *token = m_session->token();
            QStringList regions;
            for (const Service &service : computes.value())
                regions.append(service.region);
            done(tr("%1 in project %2 (compute in %3)")
                     .arg(token && !token->user.isEmpty() ? token->user : tr("a user"),
                          token ? token->project : QString(),
                          regions.join(QStringLiteral(", "))));
        });
    });
}

void OpenStackProvider::serversIn(const Service &compute, const Callback<QList<Machine>> &done)
{
    microversion(compute, [this, compute, done](Result<QString> version) {
        if (!version.ok())
            return done(version.error());
        const HttpRequest first = novaRequest(
            "GET",
            OpenStackRequests::serviceUrl(compute.url, QStringLiteral("/servers/detail"),
                                          {{QStringLiteral("limit"), QString::number(m_pageSize)}}),
            version.value());
        const QString region = compute.region;
        collect<Machine>(
            first, [region](const QJsonObject &page) { return NovaParser::servers(page, region); },
            [](const QJsonObject &page) {
                return NovaParser::nextMarker(page, QStringLiteral("servers"));
            },
            done);
    });
}

void OpenStackProvider::listMachines(Callback<QList<Machine>> done)
{
    eachService<Machine>(
        QStringLiteral("compute"),
        [this](const Service &compute, const Callback<QList<Machine>> &regionDone) {
            serversIn(compute, regionDone);
        },
        [this, done](Result<QList<Machine>> machines) {
            if (!machines.ok())
                return done(machines.error());
            for (Machine &machine : machines.value()) {
                machine.accountId = account().id;
                m_serverRegions.insert(machine.id, machine.region);
                m_serverStatus.insert(machine.id, machine.providerState);
            }
            done(machines);
        });
}

void OpenStackProvider::computeOf(const QString &id, Callback<Service> done)
{
    const Result<QList<Service>> computes = services(QStringLiteral("compute"));
    if (!computes.ok())
        return failLater(computes.error(), std::move(done));
    const QString known = m_serverRegions.value(id);
    for (const Service &service : computes.value()) {
        if (service.region == known || computes.value().size() == 1)
            return post([done, service] { done(service); });
    }
    // Not listed yet: ask each region in turn (GET /servers/{id}) until one knows it.
    auto remaining = std::make_shared<QList<Service>>(computes.value());
    auto next = std::make_shared<std::function<void()>>();
    *next = [this, id, done, remaining, next] {
        if (remaining->isEmpty())
            return done(Error(Error::NotFound,
                              tr("No region of this cloud has a server %1.").arg(id)));
        const Service service = remaining->takeFirst();
        const QUrl serverUrl =
            OpenStackRequests::serviceUrl(service.url, QStringLiteral("/servers/") + id);
        JsonCall::send(http(), novaRequest("GET", serverUrl, {}),
                       [this, id, done, service, next](const Result<void> &found) {
                           if (found.ok()) {
                               m_serverRegions.insert(id, service.region);
                               return done(service);
                           }
                           if (found.error().kind() != Error::NotFound)
                               return done(found.error());
                           (*next)();
                       });
    };
    (*next)();
}

void OpenStackProvider::runAction(const QString &machineId, MachineAction::Action action,
                                  Callback<void> done)
{
    // Nova server ids are UUIDs; anything else never reaches a path.
    const Result<void> id =
        ResourceId::check(ResourceId::Uuid, machineId, tr("OpenStack server id"));
    if (!id.ok())
        return failLater(id.error(), std::move(done));
    std::function<void(Callback<void>)> operation = [this, machineId,
                                                     action](const Callback<void> &finished) {
        computeOf(machineId, [this, machineId, action, finished](Result<Service> compute) {
            if (!compute.ok())
                return finished(compute.error());
            sendAction(compute.value(), machineId, action, finished);
        });
    };
    m_session->oauth()->authorized<void>(operation, std::move(done));
}

void OpenStackProvider::sendAction(const Service &compute, const QString &id,
                                   MachineAction::Action action, const Callback<void> &done)
{
    microversion(compute, [this, compute, id, action, done](Result<QString> version) {
        if (!version.ok())
            return done(version.error());
        const QString serverPath = QStringLiteral("/servers/") + id;
        const QUrl serverUrl = OpenStackRequests::serviceUrl(compute.url, serverPath);
        HttpRequest request = novaRequest("DELETE", serverUrl, version.value());
        if (action != MachineAction::Destroy) {
            // A soft reboot is refused in ERROR and cannot end one that hangs: HARD then.
            const QString status = m_serverStatus.value(id);
            const bool hard = status == QLatin1String("ERROR") || status == QLatin1String("REBOOT")
                              || status == QLatin1String("HARD_REBOOT");
            request = novaRequest(
                "POST",
                OpenStackRequests::serviceUrl(compute.url, serverPath + QStringLiteral("/action")),
                version.value(), OpenStackRequests::actionBody(action, hard));
        }
        qCInfo(lcOpenStack).noquote() << "server" << id << MachineAction::id(action) << "in"
                                      << compute.region;
        // 202 Accepted (an action) or 204 No Content (a delete), with no body worth reading.
        JsonCall::send(http(), request, [action, done](const Result<void> &accepted) {
            if (!accepted.ok())
                return done(busy(accepted.error(), action));
            done({});
        });
    });
}

Error OpenStackProvider::busy(const Error &error, MachineAction::Action action)
{
    if (error.httpStatus() != 409)
        return error;
    // Nova's conflictingRequest: "Cannot 'start' instance ... while it is in vm_state active".
    Error result(Error::BadRequest,
                 tr("The machine is busy: OpenStack cannot %1 it in its current state (%2). Wait "
                    "for what it is doing to finish, refresh, and try again.")
                     .arg(MachineAction::text(action).toLower(), error.message()),
                 409);
    result.setProviderCode(error.providerCode());
    return result;
}
