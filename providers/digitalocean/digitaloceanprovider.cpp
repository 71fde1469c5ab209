#include "digitaloceanprovider.h"

#include "bearertoken.h"
#include "digitaloceanmetricsparser.h"
#include "jsoncall.h"
#include "metricfanout.h"
#include "resourceid.h"
#include "stepchain.h"

#include <QJsonDocument>

Q_LOGGING_CATEGORY(lcDigitalOcean, "clouddeck.provider.digitalocean", QtInfoMsg)

DigitalOceanProvider::DigitalOceanProvider(const ProviderMetadata &metadata, const Account &account,
                                           const QVariantMap &secrets, QObject *parent)
    : Provider(metadata, account, secrets, parent)
{
    // Error bodies are {"id": "unauthorized", "message": "Unable to authenticate you.",
    // "request_id": "..."}: the message is what the user reads, the id is the provider code.
    BearerToken::install(http(), secret(QStringLiteral("token")), [](const HttpResponse &response) {
        const DigitalOceanParser::ApiError error = DigitalOceanParser::error(response);
        if (!error.requestId.isEmpty()) {
            qCInfo(lcDigitalOcean).noquote()
                << "HTTP" << response.status << error.id << "request id" << error.requestId;
        }
        return HttpClient::ProviderError {error.id, error.message};
    });
    // ratelimit-limit / ratelimit-remaining / ratelimit-reset (epoch seconds) and Retry-After on
    // a burst-limit 429: HttpClient's default reader and pacing handle exactly these.
}

void DigitalOceanProvider::verify(Callback<QString> done)
{
    JsonCall::send(http(), HttpRequest::get(url(QStringLiteral("/v2/account"))),
                   &DigitalOceanParser::account, std::move(done));
}

PageNumberList::Paging DigitalOceanProvider::paging() const
{
    return {QStringLiteral("per_page"), m_pageSize, &DigitalOceanParser::nextPage, {}};
}

void DigitalOceanProvider::listMachines(Callback<QList<Machine>> done)
{
    // A droplet that comes twice (pages are offsets) is dropped by PagedList.
    PageNumberList::collectRead(http(), url(QStringLiteral("/v2/droplets")),
                                paging().checkingTotal(&DigitalOceanParser::statedTotal),
                                DigitalOceanParser::dropletPage(), std::move(done));
}

void DigitalOceanProvider::runAction(const QString &machineId, MachineAction::Action action,
                                     Callback<void> done)
{
    const Result<void> id =
        ResourceId::check(ResourceId::Numeric, machineId, tr("DigitalOcean droplet id"));
    if (!id.ok())
        return failLater(id.error(), std::move(done));
    m_actions.forget(machineId);
    const QString dropletPath = QStringLiteral("/v2/droplets/") + machineId;
    if (action == MachineAction::Destroy) {
        // 204 No Content once the destroy is accepted; there is no action object to follow.
        qCInfo(lcDigitalOcean) << "droplet" << machineId << "destroy";
        return JsonCall::send(http(), HttpRequest::make("DELETE", url(dropletPath)),
                              std::move(done));
    }
    qCInfo(lcDigitalOcean) << "droplet" << machineId << "action"
                           << DigitalOceanRequests::actionType(action);
    // 201 with the action object: accepted. Its id is the handle followAction() polls.
    JsonCall::send<DigitalOceanParser::Action>(
        http(),
        HttpRequest::json("POST", url(dropletPath + QStringLiteral("/actions")),
                          QJsonDocument(DigitalOceanRequests::actionBody(action))),
        &DigitalOceanParser::action,
        [this, machineId, done = std::move(done)](Result<DigitalOceanParser::Action> started) {
            if (!started.ok())
                return done(started.error());
            if (started.value().status == QLatin1String("errored"))
                return done(actionFailed(started.value()));
            if (started.value().status != QLatin1String("completed"))
                m_actions.accept(machineId, started.value());
            done({});
        });
}

void DigitalOceanProvider::followAction(const QString &machineId, MachineAction::Action,
                                        Callback<void> done)
{
    const auto check = [this](const DigitalOceanParser::Action &action, Callback<bool> finished) {
        const QUrl actionUrl = url(QStringLiteral("/v2/actions/") + QString::number(action.id));
        JsonCall::send<bool>(
            http(), HttpRequest::get(actionUrl),
            [this](const QJsonObject &reply) -> Result<bool> {
                const Result<DigitalOceanParser::Action> current =
                    DigitalOceanParser::action(reply);
                if (!current.ok())
                    return current.error();
                if (current.value().status == QLatin1String("errored"))
                    return actionFailed(current.value());
                return current.value().status == QLatin1String("completed");
            },
            std::move(finished));
    };
    const auto timedOut = [this](const DigitalOceanParser::Action &action) {
        return Error(Error::Timeout,
                     tr("DigitalOcean still reports the %1 action (%2) as in progress after %3 s; "
                        "CloudDeck stopped waiting. It may still complete: refresh to see the "
                        "droplet's state.")
                         .arg(action.type)
                         .arg(action.id)
                         .arg(m_actions.timing().timeoutMs / 1000));
    };
    m_actions.follow(machineId, check, timedOut, std::move(done));
}

Error DigitalOceanProvider::actionFailed(const DigitalOceanParser::Action &action) const
{
    //: %1 is DigitalOcean's action type ("power_on", "reboot"), %2 its number.
    Error error(Error::Server, tr("DigitalOcean reports that the %1 action failed (action %2). "
                                  "Check the droplet in the DigitalOcean control panel, then try "
                                  "again.")
                                   .arg(action.type.isEmpty()
                                            //: Stands for an action type DigitalOcean did not
                                            //: name: "the droplet action failed".
                                            ? tr("droplet")
                                            : action.type)
                                   .arg(action.id));
    error.setProviderCode(QStringLiteral("errored"));
    return error;
}

void DigitalOceanProvider::updateMachine(const QString &machineId, const MachineUpdate &update,
                                         Callback<void> done)
{
    const Result<void> id =
        ResourceId::check(ResourceId::Numeric, machineId, tr("DigitalOcean droplet id"));
    if (!id.ok())
        return failLater(id.error(), std::move(done));
    QList<StepChain::Step> steps;
    if (update.name) {
        const QUrl actionsUrl = url(QStringLiteral("/v2/droplets/%1/actions").arg(machineId));
        const QJsonObject body = DigitalOceanRequests::renameBody(*update.name);
        steps.append([this, actionsUrl, body](Callback<void> renamed) {
            qCInfo(lcDigitalOcean) << "droplet rename";
            // 201 with the action object; a rename is done in a moment, so it is not followed,
            // but one already "errored" is a failure.
            JsonCall::send<void>(
                http(), HttpRequest::json("POST", actionsUrl, QJsonDocument(body)),
                [this](const QJsonObject &reply) -> Result<void> {
                    const Result<DigitalOceanParser::Action> action =
                        DigitalOceanParser::action(reply);
                    if (!action.ok())
                        return action.error();
                    if (action.value().status == QLatin1String("errored"))
                        return actionFailed(action.value());
                    return {};
                },
                std::move(renamed));
        });
    }
    const QJsonDocument resources(DigitalOceanRequests::tagResourcesBody(machineId));
    const auto tagUrl = [this](const QString &tag) {
        // The tag's canonical capitalisation goes into the path as it is (tags.yml); a colon
        // is a path character, anything outside DigitalOcean's tag characters is escaped.
        return url(QStringLiteral("/v2/tags/")
                   + QString::fromLatin1(QUrl::toPercentEncoding(tag, QByteArrayLiteral(":")))
                   + QStringLiteral("/resources"));
    };
    for (const QString &tag : update.addedTags()) {
        const QJsonDocument tagBody(DigitalOceanRequests::tagBody(tag));
        steps.append([this, tagBody](Callback<void> created) {
            JsonCall::send(http(),
                           HttpRequest::json("POST", url(QStringLiteral("/v2/tags")), tagBody),
                           std::move(created));
        });
        steps.append([this, resources, target = tagUrl(tag)](Callback<void> tagged) {
            JsonCall::send(http(), HttpRequest::json("POST", target, resources),
                           std::move(tagged));
        });
    }
    for (const QString &tag : update.removedTags()) {
        steps.append([this, resources, target = tagUrl(tag)](Callback<void> untagged) {
            JsonCall::send(http(), HttpRequest::json("DELETE", target, resources),
                           std::move(untagged));
        });
    }
    if (steps.isEmpty())
        return post([done = std::move(done)] { done({}); });
    StepChain::run(std::move(steps), std::move(done));
}

void DigitalOceanProvider::createMachine(const CreateMachineRequest &request,
                                         Callback<Machine> done)
{
    const Result<QJsonObject> body = DigitalOceanRequests::createBody(request);
    if (!body.ok())
        return failLater(body.error(), std::move(done));
    qCInfo(lcDigitalOcean) << "create droplet" << request.name << "size" << request.size;
    // 202 Accepted with the droplet in status "new" and links.actions naming the create action.
    JsonCall::send(
        http(),
        HttpRequest::json("POST", url(QStringLiteral("/v2/droplets")), QJsonDocument(body.value())),
        &DigitalOceanParser::createdDroplet, std::move(done));
}

void DigitalOceanProvider::listRegions(Callback<QList<Region>> done)
{
    PageNumberList::collect(http(), url(QStringLiteral("/v2/regions")), paging(),
                            &DigitalOceanParser::regions, std::move(done));
}

void DigitalOceanProvider::listSizes(Callback<QList<Size>> done)
{
    PageNumberList::collect(http(), url(QStringLiteral("/v2/sizes")), paging(),
                            &DigitalOceanParser::sizes, std::move(done));
}

void DigitalOceanProvider::listImages(Callback<QList<Image>> done)
{
    using Source = DigitalOceanParser::ImageSource;
    const auto images = [this](const QString &filter, const QString &value, Source source) {
        return [this, filter, value, source](Callback<QList<Image>> listed) {
            PageNumberList::collect<Image>(
                http(), url(QStringLiteral("/v2/images"), {{filter, value}}), paging(),
                [source](const QJsonObject &page) {
                    return DigitalOceanParser::images(page, source);
                },
                std::move(listed));
        };
    };
    // DigitalOcean's distribution images, then the user's own snapshots, backups and custom images.
    PagedList::concat<Image>(
        images(QStringLiteral("type"), QStringLiteral("distribution"), Source::Distribution),
        images(QStringLiteral("private"), QStringLiteral("true"), Source::Private),
        std::move(done));
}

void DigitalOceanProvider::listSshKeys(Callback<QList<SshKey>> done)
{
    PageNumberList::collect(http(), url(QStringLiteral("/v2/account/keys")), paging(),
                            &DigitalOceanParser::sshKeys, std::move(done));
}

void DigitalOceanProvider::fetchMetrics(const QStringList &machineIds, MetricSeries::Kind kind,
                                        const MetricRange &range,
                                        Callback<QList<MetricSeries>> done)
{
    if (kind == MetricSeries::Kind::DiskRead || kind == MetricSeries::Kind::DiskWrite)
        return unsupported(tr("disk metrics for droplets"), std::move(done));
    for (const QString &id : machineIds) {
        const Result<void> checked =
            ResourceId::check(ResourceId::Numeric, id, tr("DigitalOcean droplet id"));
        if (!checked.ok())
            return failLater(checked.error(), std::move(done));
    }
    // start/end are Unix seconds; the API picks the step itself.
    const QString start = QString::number(range.start.toSecsSinceEpoch());
    const QString end = QString::number(range.end.toSecsSinceEpoch());
    const QString accountId = account().id;
    MetricFanout::run(
        this, machineIds,
        [this, kind, start, end, accountId](const QString &id, Callback<MetricSeries> one) {
            QList<std::pair<QString, QString>> query {{QStringLiteral("host_id"), id}};
            QString path = QStringLiteral("/v2/monitoring/metrics/droplet/cpu");
            if (kind != MetricSeries::Kind::Cpu) {
                path = QStringLiteral("/v2/monitoring/metrics/droplet/bandwidth");
                query.append({QStringLiteral("interface"), QStringLiteral("public")});
                query.append({QStringLiteral("direction"), kind == MetricSeries::Kind::NetworkIn
                                                               ? QStringLiteral("inbound")
                                                               : QStringLiteral("outbound")});
            }
            query.append({QStringLiteral("start"), start});
            query.append({QStringLiteral("end"), end});
            JsonCall::send<MetricSeries>(
                http(), HttpRequest::get(url(path, query)),
                [kind, id, accountId](const QJsonObject &reply) -> Result<MetricSeries> {
                    Result<MetricSeries> series =
                        kind == MetricSeries::Kind::Cpu
                            ? DigitalOceanMetricsParser::cpu(reply)
                            : DigitalOceanMetricsParser::bandwidth(reply, kind);
                    if (series.ok()) {
                        series.value().accountId = accountId;
                        series.value().machineId = id;
                        series.value().fetchedAt = QDateTime::currentDateTimeUtc();
                    }
                    return series;
                },
                std::move(one));
        },
        std::move(done));
}
