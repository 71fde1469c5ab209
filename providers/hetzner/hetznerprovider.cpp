#include "hetznerprovider.h"

#include "bearertoken.h"
#include "hetznercatalogparser.h"
#include "hetznermetricsparser.h"
#include "hetznerrequests.h"
#include "jsoncall.h"
#include "jsonreader.h"
#include "metricfanout.h"
#include "resourceid.h"

#include <QJsonDocument>

Q_LOGGING_CATEGORY(lcHetzner, "clouddeck.provider.hetzner", QtInfoMsg)

HetznerProvider::HetznerProvider(const ProviderMetadata &metadata, const Account &account,
                                 const QVariantMap &secrets, QObject *parent)
    : Provider(metadata, account, secrets, parent)
{
    // {"error": {"code": "unauthorized", "message": "unable to authenticate", "details": {}}}
    BearerToken::install(http(), secret(QStringLiteral("token")), &HetznerParser::error);
    http()->setRateLimitReader(
        [](const HttpResponse &response) { return HetznerParser::rateLimit(response); });
}

void HetznerProvider::verify(Callback<QString> done)
{
    // There is no account endpoint: a token belongs to one project. Listing one server is the
    // cheapest call that needs a valid token (every endpoint needs one, per the reference), and
    // its total_entries gives the user something to recognise the project by.
    const QUrl servers =
        url(QStringLiteral("/servers"), {{QStringLiteral("per_page"), QStringLiteral("1")}});
    JsonCall::send<QString>(
        http(), HttpRequest::get(servers),
        [](const QJsonObject &reply) -> Result<QString> {
            if (!reply.value(QLatin1String("servers")).isArray())
                return JsonReader::shapeError(QStringLiteral("\"servers\" is not a list"));
            const std::optional<qint64> total = HetznerParser::totalEntries(reply);
            if (!total)
                return tr("Hetzner Cloud project (token accepted)");
            return *total == 1 ? tr("Hetzner Cloud project with 1 server")
                               : tr("Hetzner Cloud project with %1 servers").arg(*total);
        },
        std::move(done));
}

PageNumberList::Paging HetznerProvider::paging() const
{
    // Only the page number is taken from the reply: requests always go to the account's own
    // endpoint. PagedList drops an item that comes twice (pages are offsets, so a server created
    // while we page shifts the rest) and fails the whole list when any page fails.
    return {QStringLiteral("per_page"), m_pageSize, &HetznerParser::nextPage, {}};
}

void HetznerProvider::listMachines(Callback<QList<Machine>> done)
{
    PageNumberList::collect(http(), url(QStringLiteral("/servers")),
                            paging().checkingTotal(&HetznerParser::totalEntries),
                            &HetznerParser::servers, std::move(done));
}

void HetznerProvider::runAction(const QString &machineId, MachineAction::Action action,
                                Callback<void> done)
{
    const Result<void> id =
        ResourceId::check(ResourceId::Numeric, machineId, tr("Hetzner server id (a number)"));
    if (!id.ok())
        return failLater(id.error(), std::move(done));
    m_actions.forget(machineId);
    const QString serverPath = QStringLiteral("/servers/") + machineId;
    const bool destroy = action == MachineAction::Destroy;
    // DELETE answers 200 with the action that removes the server; the power actions POST to
    // /servers/{id}/actions/<command> with no request body.
    const HttpRequest request =
        destroy ? HttpRequest::make("DELETE", url(serverPath))
                : HttpRequest::make("POST", url(serverPath + QStringLiteral("/actions/")
                                                + HetznerRequests::actionCommand(action)));
    qCInfo(lcHetzner) << "server" << machineId << MachineAction::id(action);
    JsonCall::send<std::optional<HetznerParser::Action>>(
        http(), request, [destroy](const QJsonObject &reply) { return accepted(reply, !destroy); },
        [this, machineId,
         done = std::move(done)](Result<std::optional<HetznerParser::Action>> started) {
            if (!started.ok())
                return done(started.error());
            if (started.value() && started.value()->status == QLatin1String("running"))
                m_actions.accept(machineId, started.value()->id);
            done({});
        });
}

void HetznerProvider::updateMachine(const QString &machineId, const MachineUpdate &update,
                                    Callback<void> done)
{
    const Result<void> id =
        ResourceId::check(ResourceId::Numeric, machineId, tr("Hetzner server id (a number)"));
    if (!id.ok())
        return failLater(id.error(), std::move(done));
    const QUrl serverUrl = url(QStringLiteral("/servers/") + machineId);
    const auto put = [this, serverUrl, update](const QJsonObject &labels, Callback<void> sent) {
        qCInfo(lcHetzner) << "update server" << (update.name ? "name" : "")
                          << (update.tags ? "labels" : "");
        // 200 with the updated server.
        JsonCall::send(http(),
                       HttpRequest::json("PUT", serverUrl,
                                         QJsonDocument(HetznerRequests::updateBody(update, labels))),
                       std::move(sent));
    };
    if (!update.tags)
        return put({}, std::move(done));
    JsonCall::send<QJsonObject>(
        http(), HttpRequest::get(serverUrl),
        [](const QJsonObject &reply) -> Result<QJsonObject> {
            const QJsonValue server = reply.value(QLatin1String("server"));
            if (!server.isObject())
                return Error(Error::InvalidReply,
                             tr("Hetzner's reply has no server object (GET /servers/{id})."));
            const QJsonValue labels = server.toObject().value(QLatin1String("labels"));
            return labels.isObject() ? labels.toObject() : QJsonObject();
        },
        [put, done = std::move(done)](Result<QJsonObject> labels) mutable {
            if (!labels.ok())
                return done(labels.error());
            put(labels.value(), std::move(done));
        });
}

Result<std::optional<HetznerParser::Action>> HetznerProvider::accepted(const QJsonObject &reply,
                                                                       bool actionRequired)
{
    const QJsonValue action0 = reply.value(QLatin1String("action"));
    if (!actionRequired && (action0.isUndefined() || action0.isNull()))
        return std::optional<HetznerParser::Action>(); // nothing to follow: the server is gone
    const Result<void> known = knownStatus(reply);
    if (!known.ok())
        return known.error();
    return std::optional<HetznerParser::Action>(HetznerParser::action(reply).value());
}

Result<void> HetznerProvider::knownStatus(const QJsonObject &reply)
{
    const Result<HetznerParser::Action> action = HetznerParser::action(reply);
    if (!action.ok())
        return action.error();
    const QString &status = action.value().status;
    if (status == QLatin1String("error"))
        return actionFailed(action.value());
    if (status != QLatin1String("success") && status != QLatin1String("running"))
        return JsonReader::shapeError(QStringLiteral("unknown action status \"%1\"").arg(status));
    return {};
}

void HetznerProvider::followAction(const QString &machineId, MachineAction::Action,
                                   Callback<void> done)
{
    const auto check = [this](qint64 actionId, Callback<bool> finished) {
        const QUrl actionUrl = url(QStringLiteral("/actions/") + QString::number(actionId));
        JsonCall::send<bool>(
            http(), HttpRequest::get(actionUrl),
            [](const QJsonObject &reply) -> Result<bool> {
                const Result<void> known = knownStatus(reply);
                if (!known.ok())
                    return known.error();
                return HetznerParser::action(reply).value().status == QLatin1String("success");
            },
            std::move(finished));
    };
    const auto timedOut = [this](qint64) {
        return Error(Error::Timeout, tr("The action is still running after %1 minutes; CloudDeck "
                                        "stopped waiting. It may still complete: check the "
                                        "server in the Hetzner Console.")
                                         .arg(m_actions.timing().timeoutMs / 60000));
    };
    m_actions.follow(machineId, check, timedOut, std::move(done));
}

Error HetznerProvider::actionFailed(const HetznerParser::Action &action)
{
    const QString reason =
        action.errorMessage.isEmpty()
            ? (action.errorCode.isEmpty() ? tr("no reason given") : action.errorCode)
            : action.errorMessage;
    Error error(Error::Server, tr("Hetzner reports that the action failed: %1 (action %2). "
                                  "Check the server in the Hetzner Console and try again.")
                                   .arg(reason)
                                   .arg(action.id));
    error.setProviderCode(action.errorCode);
    return error;
}

void HetznerProvider::createMachine(const CreateMachineRequest &request, Callback<Machine> done)
{
    const Result<QJsonObject> body = HetznerRequests::createBody(request);
    if (!body.ok())
        return failLater(body.error(), std::move(done));
    qCInfo(lcHetzner) << "create server" << request.name << "in" << request.region;
    // 201 Created: the server (status "initializing"), the create action and, without SSH keys, a
    // generated root password. That password is a secret: never logged, never kept (the Machine
    // is cached); the user is told to use SSH keys or reset it in the console.
    JsonCall::send<Machine>(
        http(),
        HttpRequest::json("POST", url(QStringLiteral("/servers")), QJsonDocument(body.value())),
        [](const QJsonObject &reply) {
            if (reply.value(QLatin1String("root_password")).isString())
                qCInfo(lcHetzner) << "server created without SSH keys: Hetzner generated a root "
                                     "password, which CloudDeck does not keep";
            return HetznerParser::createdServer(reply);
        },
        std::move(done));
}

void HetznerProvider::listRegions(Callback<QList<Region>> done)
{
    PageNumberList::collect(http(), url(QStringLiteral("/locations")), paging(),
                            &HetznerCatalogParser::locations, std::move(done));
}

void HetznerProvider::listSizes(Callback<QList<Size>> done)
{
    PageNumberList::collect<Size>(
        http(), url(QStringLiteral("/server_types")), paging(),
        [](const QJsonObject &page) { return HetznerCatalogParser::serverTypes(page); },
        std::move(done));
}

void HetznerProvider::listImages(Callback<QList<Image>> done)
{
    const auto images = [this](const QString &type) {
        return [this, type](Callback<QList<Image>> listed) {
            PageNumberList::collect(
                http(), url(QStringLiteral("/images"), {{QStringLiteral("type"), type}}), paging(),
                &HetznerCatalogParser::images, std::move(listed));
        };
    };
    // Hetzner's system images, then the project's own snapshots. One system image per name across
    // pages is PagedList's doing; snapshot ids are numbers, never names.
    PagedList::concat<Image>(images(QStringLiteral("system")), images(QStringLiteral("snapshot")),
                             std::move(done));
}

void HetznerProvider::listSshKeys(Callback<QList<SshKey>> done)
{
    PageNumberList::collect(http(), url(QStringLiteral("/ssh_keys")), paging(),
                            &HetznerCatalogParser::sshKeys, std::move(done));
}

void HetznerProvider::fetchMetrics(const QStringList &machineIds, MetricSeries::Kind kind,
                                   const MetricRange &range, Callback<QList<MetricSeries>> done)
{
    for (const QString &id : machineIds) {
        const Result<void> checked =
            ResourceId::check(ResourceId::Numeric, id, tr("Hetzner server id"));
        if (!checked.ok())
            return failLater(checked.error(), std::move(done));
    }
    // RFC 3339 times (as hcloud-go sends them) and the step in seconds.
    const QList<std::pair<QString, QString>> query {
        {QStringLiteral("type"), HetznerMetricsParser::type(kind)},
        {QStringLiteral("start"), range.start.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("end"), range.end.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("step"), QString::number(range.stepSeconds)}};
    const QString accountId = account().id;
    MetricFanout::run(
        this, machineIds,
        [this, kind, query, accountId](const QString &id, Callback<MetricSeries> one) {
            JsonCall::send<MetricSeries>(
                http(), HttpRequest::get(url(QStringLiteral("/servers/%1/metrics").arg(id), query)),
                [kind, id, accountId](const QJsonObject &reply) -> Result<MetricSeries> {
                    Result<MetricSeries> series = HetznerMetricsParser::series(reply, kind);
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
