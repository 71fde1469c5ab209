#include "proxmoxprovider.h"

#include "bearertoken.h"
#include "metricfanout.h"
#include "proxmoxmetricsparser.h"

#include <QDateTime>
#include <QTimer>
#include <memory>

Q_LOGGING_CATEGORY(lcProxmox, "clouddeck.provider.proxmox", QtInfoMsg)

namespace {
// Agent calls wait for the guest; a hung agent must not hold up the whole list for long.
constexpr int s_addressTimeoutMs = 15'000;
} // namespace

ProxmoxProvider::ProxmoxProvider(const ProviderMetadata &metadata, const Account &account,
                                 const QVariantMap &secrets, QObject *parent)
    : Provider(metadata, account, secrets, parent)
    , m_tokenId(account.settings.value(QStringLiteral("tokenId")).toString().trimmed())
{
    // Like a bearer token, but in Proxmox's own scheme; HttpClient adds it before each attempt,
    // so it is in no request we build, keep or log.
    const QByteArray authorization =
        ProxmoxRequests::authorization(m_tokenId, secret(QStringLiteral("secret")));
    http()->setAuthorizer([authorization](HttpRequest &request) {
        request.setHeader("Authorization", authorization);
    });
    // Errors: {"data": null, "message": "...\n", "errors": {...}}; a 401 has no body (its text
    // is only the status line, which then speaks). Proxmox answers 500, not 404, for a vmid it
    // does not know.
    http()->setErrorReader(BearerToken::jsonErrors([](const QJsonObject &body) {
        const ProxmoxParser::ApiError error = ProxmoxParser::error(body);
        HttpClient::ProviderError result;
        result.message = error.message;
        if (!error.parameterErrors.isEmpty()) {
            result.message += (result.message.isEmpty() ? QString() : QStringLiteral(" "))
                              + error.parameterErrors.join(QStringLiteral("; "));
        }
        if (ProxmoxParser::isMissingGuest(error.message))
            result.kind = Error::NotFound;
        return result;
    }));
}

Error ProxmoxProvider::credentialError() const
{
    if (!ProxmoxRequests::isTokenId(m_tokenId)) {
        return Error(Error::InvalidInput,
                     tr("\"%1\" is not a Proxmox VE API token id: it looks like "
                        "USER@REALM!TOKENID (for example clouddeck@pve!inventory).")
                         .arg(m_tokenId));
    }
    if (secret(QStringLiteral("secret")).isEmpty())
        return Error(Error::CredentialsMissing, tr("The API token's secret is missing."));
    return {};
}

template<typename T>
void ProxmoxProvider::call(HttpRequest request, JsonCall::Parser<T> parse, Callback<T> done)
{
    if (const Error error = credentialError(); error.isError())
        return failLater(error, std::move(done));
    JsonCall::send<T>(http(), std::move(request), std::move(parse), std::move(done));
}

HttpRequest ProxmoxProvider::form(const QByteArray &method, const QString &path,
                                  const ProxmoxRequests::Fields &fields) const
{
    HttpRequest request = HttpRequest::make(method, url(path));
    request.body = ProxmoxRequests::form(fields);
    request.setHeader("Content-Type", "application/x-www-form-urlencoded");
    return request;
}

void ProxmoxProvider::setMachinesInView(const QStringList &machineIds)
{
    m_addresses.setInView(machineIds);
}

void ProxmoxProvider::verify(Callback<QString> done)
{
    // Any valid token may read /version; who it belongs to is the token id itself.
    call<QString>(HttpRequest::get(url(QStringLiteral("/version"))), &ProxmoxParser::version,
                  [this, done](Result<QString> version) {
                      if (!version.ok())
                          return done(version.error());
                      done(tr("%1 on Proxmox VE %2").arg(m_tokenId, version.value()));
                  });
}

void ProxmoxProvider::fetchGuests(const Callback<QList<ProxmoxParser::Guest>> &done)
{
    call<QList<ProxmoxParser::Guest>>(
        HttpRequest::get(url(QStringLiteral("/cluster/resources"),
                             {{QStringLiteral("type"), QStringLiteral("vm")}})),
        &ProxmoxParser::resources, [this, done](Result<QList<ProxmoxParser::Guest>> guests) {
            if (guests.ok()) {
                m_guests.clear();
                for (const ProxmoxParser::Guest &guest : guests.value())
                    m_guests.insert(guest.machine.id, guest);
            }
            done(std::move(guests));
        });
}

void ProxmoxProvider::listMachines(Callback<QList<Machine>> done)
{
    fetchGuests([this, done](Result<QList<ProxmoxParser::Guest>> guests) {
        if (!guests.ok())
            return done(guests.error());
        const auto list = std::make_shared<QList<ProxmoxParser::Guest>>(guests.takeValue());
        fetchAddresses(m_addresses.due(*list), [this, list, done](const Result<void> &) {
            QList<Machine> machines;
            machines.reserve(list->size());
            for (ProxmoxParser::Guest &guest : *list) {
                m_addresses.apply(guest);
                machines.append(std::move(guest.machine));
            }
            done(machines);
        });
    });
}

void ProxmoxProvider::fetchAddresses(const QList<ProxmoxParser::Guest> &guests,
                                     const Callback<void> &done)
{
    if (guests.isEmpty())
        return post([done] { done({}); });
    auto remaining = std::make_shared<int>(int(guests.size()));
    for (const ProxmoxParser::Guest &guest : guests) {
        const bool qemu = guest.type == QLatin1String("qemu");
        const ProxmoxRequests::GuestId id {guest.type, guest.vmid};
        const QString path = id.path(guest.node)
                             + (qemu ? QStringLiteral("/agent/network-get-interfaces")
                                     : QStringLiteral("/interfaces"));
        HttpRequest request = HttpRequest::get(url(path));
        request.timeoutMs = s_addressTimeoutMs;
        const auto parse =
            qemu ? &ProxmoxParser::agentAddresses : &ProxmoxParser::containerAddresses;
        http()->sendJson(request, [this, guest, qemu, parse, remaining,
                                   done](Result<QJsonObject> reply) {
            using Source = ProxmoxAddressBook::Source;
            Result<ProxmoxParser::Addresses> addresses =
                reply.ok() ? parse(reply.value()) : Result<ProxmoxParser::Addresses>(reply.error());
            if (addresses.ok()) {
                m_addresses.store(guest, addresses.value(),
                                  qemu ? Source::Agent : Source::Container);
            } else if (qemu && ProxmoxParser::isNoAgent(addresses.error().message())) {
                // Not an error: the VM simply has no agent to ask (or it has not started yet).
                m_addresses.store(guest, {}, Source::NoAgent);
            } else {
                qCInfo(lcProxmox).noquote() << "addresses of" << guest.machine.id
                                            << "unavailable:" << addresses.error().message();
                m_addresses.store(guest, {}, Source::Unavailable);
            }
            if (--*remaining == 0)
                done({});
        });
    }
}

void ProxmoxProvider::findGuest(const QString &machineId, bool fresh,
                                Callback<ProxmoxParser::Guest> done)
{
    if (!ProxmoxRequests::guestId(machineId)) {
        return failLater(
            Error(Error::InvalidInput,
                  tr("\"%1\" is not a Proxmox VE guest id (qemu/ID or lxc/ID).").arg(machineId)),
            std::move(done));
    }
    const auto known = m_guests.constFind(machineId);
    if (!fresh && known != m_guests.constEnd())
        return post([done, guest = *known] { done(guest); });
    fetchGuests([this, machineId, done](const Result<QList<ProxmoxParser::Guest>> &guests) {
        if (!guests.ok())
            return done(guests.error());
        const auto found = m_guests.constFind(machineId);
        if (found == m_guests.constEnd()) {
            Error error(Error::NotFound, tr("The cluster has no guest %1.").arg(machineId));
            return done(error);
        }
        done(*found);
    });
}

void ProxmoxProvider::runAction(const QString &machineId, MachineAction::Action action,
                                Callback<void> done)
{
    m_accepted.remove(machineId);
    // Destroy decides on the guest's state, so it reads it now rather than from the last poll.
    const bool fresh = action == MachineAction::Destroy;
    findGuest(machineId, fresh,
              [this, machineId, action, done](Result<ProxmoxParser::Guest> found) {
                  if (!found.ok())
                      return done(found.error());
                  submitAction(found.value(), action, [this, machineId, done](Result<QString> upid) {
                      if (!upid.ok())
                          return done(upid.error());
                      m_accepted.insert(machineId, upid.value());
                      done({});
                  });
              });
}

void ProxmoxProvider::followAction(const QString &machineId, MachineAction::Action action,
                                   Callback<void> done)
{
    const QString upid = m_accepted.take(machineId);
    if (upid.isEmpty()) // followed already, or never accepted by this provider
        return Provider::followAction(machineId, action, std::move(done));
    followTask(upid, std::move(done));
}

void ProxmoxProvider::submitAction(const ProxmoxParser::Guest &guest, MachineAction::Action action,
                                   Callback<QString> accepted)
{
    const QString path = ProxmoxRequests::GuestId {guest.type, guest.vmid}.path(guest.node);
    if (action == MachineAction::Destroy) {
        const MachineState::State state = guest.machine.state;
        if (state != MachineState::Stopped && state != MachineState::Template) {
            return failLater(Error(Error::InvalidInput,
                                   tr("Proxmox VE destroys only stopped guests: shut %1 down "
                                      "or stop it first.")
                                       .arg(guest.machine.name)),
                             std::move(accepted));
        }
        // Parameters of a DELETE go in the query: pveproxy refuses a DELETE with a body.
        qCInfo(lcProxmox) << guest.machine.id << "destroy";
        return call<QString>(
            HttpRequest::make("DELETE", url(path, ProxmoxRequests::destroyQuery())),
            &ProxmoxParser::startedTask, std::move(accepted));
    }
    const QString verb = ProxmoxRequests::actionPath(action);
    qCInfo(lcProxmox) << guest.machine.id << verb;
    call<QString>(form("POST", path + QLatin1Char('/') + verb, {}), &ProxmoxParser::startedTask,
                  std::move(accepted));
}

void ProxmoxProvider::followTask(const QString &upid, Callback<void> done)
{
    if (!ProxmoxRequests::isUpid(upid))
        return failLater(Error(Error::InvalidInput, tr("\"%1\" is not a task id.").arg(upid)),
                         std::move(done));
    // Most actions end within a second: read soon, then less often up to the set interval.
    pollTask(upid, QDateTime::currentMSecsSinceEpoch() + m_taskTimeoutMs,
             std::max(1, m_taskPollMs / 4), done);
}

void ProxmoxProvider::pollTask(const QString &upid, qint64 deadlineMs, int intervalMs,
                               const Callback<void> &done)
{
    // The task's status lives on the node that runs it, which the UPID names.
    const QString path =
        QStringLiteral("/nodes/%1/tasks/%2/status").arg(ProxmoxRequests::upidNode(upid), upid);
    call<ProxmoxParser::Task>(
        HttpRequest::get(url(path)), &ProxmoxParser::task,
        [this, upid, deadlineMs, intervalMs, done](Result<ProxmoxParser::Task> task) {
            if (!task.ok())
                return done(task.error());
            if (!task.value().running) {
                if (task.value().succeeded())
                    return done({});
                Error error(Error::Server,
                            tr("The Proxmox VE task failed: %1").arg(task.value().exitStatus));
                error.setProviderCode(QStringLiteral("task-failed"));
                return done(error);
            }
            if (QDateTime::currentMSecsSinceEpoch() >= deadlineMs) {
                return done(Error(Error::Timeout,
                                  tr("The Proxmox VE task %1 is still running after %2 s; "
                                     "CloudDeck stopped waiting. It may still finish: see the "
                                     "task log in the Proxmox VE web interface.")
                                      .arg(upid)
                                      .arg(m_taskTimeoutMs / 1000)));
            }
            // The timer belongs to this provider: deleting it cancels the follow silently.
            const int next = std::min(intervalMs * 2, std::max(1, m_taskPollMs));
            QTimer::singleShot(intervalMs, this, [this, upid, deadlineMs, next, done] {
                pollTask(upid, deadlineMs, next, done);
            });
        });
}

void ProxmoxProvider::createMachine(const CreateMachineRequest &request, Callback<Machine> done)
{
    findGuest(request.image, false, [this, request, done](Result<ProxmoxParser::Guest> found) {
        if (!found.ok()) {
            if (found.error().kind() == Error::NotFound
                || found.error().kind() == Error::InvalidInput)
                return done(
                    Error(Error::InvalidInput,
                          tr("Choose a template to clone: %1").arg(found.error().message())));
            return done(found.error());
        }
        if (found.value().machine.state != MachineState::Template) {
            return done(Error(Error::InvalidInput, tr("%1 is not a template: only templates are "
                                                      "cloned into new machines.")
                                                       .arg(found.value().machine.name)));
        }
        Result<ProxmoxRequests::ClonePlan> plan =
            ProxmoxRequests::clonePlan(request, found.value().node);
        if (!plan.ok())
            return done(plan.error());
        call<int>(HttpRequest::get(url(QStringLiteral("/cluster/nextid"))), &ProxmoxParser::nextId,
                  [this, plan = plan.value(), request, done](Result<int> newId) {
                      if (!newId.ok())
                          return done(newId.error());
                      ProxmoxRequests::Fields fields = plan.cloneFields;
                      fields.prepend({QStringLiteral("newid"), QString::number(newId.value())});
                      qCInfo(lcProxmox) << "clone" << plan.source.machineId() << "as"
                                        << newId.value() << "on" << plan.targetNode;
                      call<QString>(
                          form("POST", plan.source.path(plan.sourceNode) + QStringLiteral("/clone"),
                               fields),
                          &ProxmoxParser::startedTask,
                          [this, plan, id = newId.value(), request, done](Result<QString> upid) {
                              if (!upid.ok())
                                  return done(upid.error());
                              followTask(upid.value(), [=, this](const Result<void> &cloned) {
                                  if (!cloned.ok())
                                      return done(cloned.error());
                                  configureAndStart(plan, id, request, done);
                              });
                          });
                  });
    });
}

void ProxmoxProvider::configureAndStart(const ProxmoxRequests::ClonePlan &plan, int newId,
                                        const CreateMachineRequest &request,
                                        const Callback<Machine> &done)
{
    const ProxmoxRequests::GuestId clone {plan.source.type, newId};
    const QString path = clone.path(plan.targetNode);
    const auto start = [this, clone, path, plan, request, done](const Result<void> &configured) {
        if (!configured.ok())
            return done(configured.error());
        // Started, not followed: the machine is reported as starting, polls confirm it.
        call<QString>(form("POST", path + QStringLiteral("/status/start"), {}),
                      &ProxmoxParser::startedTask,
                      [clone, plan, request, done](const Result<QString> &upid) {
                          if (!upid.ok())
                              return done(upid.error());
                          Machine machine;
                          machine.id = clone.machineId();
                          machine.name = request.name;
                          machine.state = MachineState::Starting;
                          machine.providerState = QStringLiteral("stopped");
                          machine.region = plan.targetNode;
                          machine.size = request.size;
                          machine.tags = request.tags;
                          if (const auto size = ProxmoxRequests::preset(request.size)) {
                              machine.vcpus = size->cores;
                              machine.memoryMb = size->memoryMb;
                          }
                          machine.extra.insert(QStringLiteral("type"), clone.type);
                          machine.extra.insert(QStringLiteral("vmid"), clone.vmid);
                          done(machine);
                      });
    };
    if (plan.configFields.isEmpty())
        return post([start] { start({}); });
    if (clone.type == QLatin1String("qemu")) {
        // POST config is the asynchronous variant: it may return a task (hotplug, storage).
        call<QJsonObject>(
            form("POST", path + QStringLiteral("/config"), plan.configFields),
            [](const QJsonObject &reply) -> Result<QJsonObject> { return reply; },
            [this, start](Result<QJsonObject> reply) {
                if (!reply.ok())
                    return start(reply.error());
                const Result<QString> upid = ProxmoxParser::startedTask(reply.value());
                if (!upid.ok()) // "data": null: applied at once
                    return start({});
                followTask(upid.value(), start);
            });
        return;
    }
    // A container's config is set synchronously (PUT; the reply is {"data": null}).
    call<QJsonObject>(
        form("PUT", path + QStringLiteral("/config"), plan.configFields),
        [](const QJsonObject &reply) -> Result<QJsonObject> { return reply; },
        [start](const Result<QJsonObject> &reply) {
            start(reply.ok() ? Result<void>() : Result<void>(reply.error()));
        });
}

void ProxmoxProvider::listRegions(Callback<QList<Region>> done)
{
    call<QList<Region>>(HttpRequest::get(url(QStringLiteral("/nodes"))), &ProxmoxParser::nodes,
                        std::move(done));
}

void ProxmoxProvider::listSizes(Callback<QList<Size>> done)
{
    const QList<Size> sizes = ProxmoxRequests::presets();
    post([done, sizes] { done(sizes); });
}

void ProxmoxProvider::listImages(Callback<QList<Image>> done)
{
    fetchGuests([done](Result<QList<ProxmoxParser::Guest>> guests) {
        if (!guests.ok())
            return done(guests.error());
        done(ProxmoxParser::templates(guests.value()));
    });
}

void ProxmoxProvider::fetchMetrics(const QStringList &machineIds, MetricSeries::Kind kind,
                                   const MetricRange &range, Callback<QList<MetricSeries>> done)
{
    for (const QString &id : machineIds) {
        if (!ProxmoxRequests::guestId(id)) {
            return failLater(
                Error(Error::InvalidInput,
                      tr("\"%1\" is not a Proxmox VE guest id (qemu/ID or lxc/ID).").arg(id)),
                std::move(done));
        }
    }
    if (const Error error = credentialError(); error.isError())
        return failLater(error, std::move(done));
    // The node of each guest comes from the cluster list: read it once for the whole batch.
    for (const QString &id : machineIds) {
        if (!m_guests.contains(id)) {
            return fetchGuests([this, machineIds, kind, range,
                                done](const Result<QList<ProxmoxParser::Guest>> &guests) {
                if (!guests.ok())
                    return done(guests.error());
                fetchKnownMetrics(machineIds, kind, range, done);
            });
        }
    }
    fetchKnownMetrics(machineIds, kind, range, std::move(done));
}

void ProxmoxProvider::fetchKnownMetrics(const QStringList &machineIds, MetricSeries::Kind kind,
                                        const MetricRange &range,
                                        Callback<QList<MetricSeries>> done)
{
    const QString accountId = account().id;
    MetricFanout::run(
        this, machineIds,
        [this, kind, range, accountId](const QString &id, Callback<MetricSeries> one) {
            const auto found = m_guests.constFind(id);
            if (found == m_guests.constEnd())
                return failLater(Error(Error::NotFound, tr("The cluster has no guest %1.").arg(id)),
                                 std::move(one));
            const ProxmoxRequests::GuestId guest {found->type, found->vmid};
            const QUrl address = url(guest.path(found->node) + QStringLiteral("/rrddata"),
                                     {{QStringLiteral("timeframe"),
                                       ProxmoxMetricsParser::timeframe(range.span)},
                                      {QStringLiteral("cf"), QStringLiteral("AVERAGE")}});
            call<MetricSeries>(
                HttpRequest::get(address),
                [kind, range](const QJsonObject &reply) {
                    return ProxmoxMetricsParser::series(reply, kind, range);
                },
                [id, accountId, one](Result<MetricSeries> series) {
                    if (!series.ok())
                        return one(series.error());
                    MetricSeries result = series.takeValue();
                    result.accountId = accountId;
                    result.machineId = id;
                    result.fetchedAt = QDateTime::currentDateTimeUtc();
                    one(result);
                });
        },
        std::move(done));
}
