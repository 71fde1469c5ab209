#include "hetznerprovider.h"

#include "hetznercatalogparser.h"
#include "hetznerrequests.h"
#include "bearertoken.h"
#include "jsoncall.h"
#include "jsonreader.h"
#include "resourceid.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimer>

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

void HetznerProvider::setActionPollIntervalMs(int firstMs, int maxMs)
{
    m_actionPollFirstMs = std::max(1, firstMs);
    m_actionPollMaxMs = std::max(m_actionPollFirstMs, maxMs);
}

void HetznerProvider::verify(Callback<QString> done)
{
    // There is no account endpoint: a token belongs to one project. Listing one server is the
    // cheapest call that needs a valid token (every endpoint needs one, per the reference), and
    // its total_entries gives the user something to recognise the project by.
    const QUrl servers =
        url(QStringLiteral("/servers"), {{QStringLiteral("per_page"), QStringLiteral("1")}});
    JsonCall::send<QString>(
        http(), HttpRequest::get(servers), [](const QJsonObject &reply) -> Result<QString> {
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

PageNumberList::Paging HetznerProvider::machinePaging() const
{
    // The machine listing replaces the cache: one that ends far short of the total the API
    // states is refused. (Catalog parsers leave entries out, so their counts are not compared.)
    PageNumberList::Paging machines = paging();
    machines.total = &HetznerParser::totalEntries;
    return machines;
}

void HetznerProvider::listMachines(Callback<QList<Machine>> done)
{
    PageNumberList::collect(http(), url(QStringLiteral("/servers")), machinePaging(),
                            &HetznerParser::servers, std::move(done));
}

void HetznerProvider::runAction(const QString &machineId, MachineAction::Action action,
                                Callback<void> done)
{
    const Result<void> id = ResourceId::check(ResourceId::Numeric, machineId,
                                              tr("Hetzner server id (a number)"));
    if (!id.ok())
        return failLater(id.error(), std::move(done));
    m_accepted.remove(machineId);
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
        http(), request,
        [destroy](const QJsonObject &reply) { return accepted(reply, !destroy); },
        [this, machineId, done = std::move(done)](
            Result<std::optional<HetznerParser::Action>> started) {
            if (!started.ok())
                return done(started.error());
            if (started.value() && started.value()->status == QLatin1String("running"))
                m_accepted.insert(machineId, started.value()->id);
            done({});
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

void HetznerProvider::followAction(const QString &machineId, MachineAction::Action action,
                                   Callback<void> done)
{
    const auto accepted = m_accepted.constFind(machineId);
    if (accepted == m_accepted.constEnd()) // done at once, gone, or followed already
        return Provider::followAction(machineId, action, std::move(done));
    const qint64 actionId = *accepted;
    m_accepted.erase(accepted);
    poll(actionId, m_actionPollFirstMs, QDateTime::currentMSecsSinceEpoch() + m_actionTimeoutMs,
         std::move(done));
}

void HetznerProvider::poll(qint64 actionId, int delayMs, qint64 deadlineMs, Callback<void> done)
{
    QTimer::singleShot(delayMs, this, [this, actionId, delayMs, deadlineMs, done] {
        const QUrl actionUrl = url(QStringLiteral("/actions/") + QString::number(actionId));
        JsonCall::send<HetznerParser::Action>(
            http(), HttpRequest::get(actionUrl),
            [](const QJsonObject &reply) -> Result<HetznerParser::Action> {
                const Result<void> known = knownStatus(reply);
                if (!known.ok())
                    return known.error();
                return HetznerParser::action(reply);
            },
            [=, this](Result<HetznerParser::Action> action) {
                if (!action.ok())
                    return done(action.error());
                if (action.value().status == QLatin1String("success"))
                    return done({});
                if (QDateTime::currentMSecsSinceEpoch() > deadlineMs) {
                    return done(Error(Error::Timeout,
                                      tr("The action is still running after %1 minutes; "
                                         "CloudDeck stopped waiting. It may still complete: "
                                         "check the server in the Hetzner Console.")
                                          .arg(m_actionTimeoutMs / 60000)));
                }
                // Polling counts against the hourly budget: back off while the action runs.
                const int next = std::min(m_actionPollMaxMs, delayMs + std::max(1, delayMs / 2));
                poll(actionId, next, deadlineMs, done);
            });
    });
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
    // Hetzner's system images, then the project's own snapshots.
    const auto images = [this](const QString &type) {
        return url(QStringLiteral("/images"), {{QStringLiteral("type"), type}});
    };
    PageNumberList::collect<Image>(
        http(), images(QStringLiteral("system")), paging(), &HetznerCatalogParser::images,
        [this, images, done](Result<QList<Image>> system) {
                       if (!system.ok())
                           return done(system.error());
                       PageNumberList::collect<Image>(http(), images(QStringLiteral("snapshot")),
                                      paging(), &HetznerCatalogParser::images,
                                      [done, system](Result<QList<Image>> snapshots) {
                                          if (!snapshots.ok())
                                              return done(snapshots.error());
                                          // One system image per name across pages is PagedList's
                                          // doing; snapshot ids are numbers, never names.
                                          done(system.value() + snapshots.value());
                                      });
                   });
}

void HetznerProvider::listSshKeys(Callback<QList<SshKey>> done)
{
    PageNumberList::collect(http(), url(QStringLiteral("/ssh_keys")), paging(),
                            &HetznerCatalogParser::sshKeys, std::move(done));
}
