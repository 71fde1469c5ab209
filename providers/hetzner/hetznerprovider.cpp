#include "hetznerprovider.h"

#include "hetznercatalogparser.h"
#include "hetznerrequests.h"
#include "jsonreader.h"
#include "pagedlist.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimer>
#include <memory>

Q_LOGGING_CATEGORY(lcHetzner, "clouddeck.provider.hetzner", QtInfoMsg)

HetznerProvider::HetznerProvider(const ProviderMetadata &metadata, const Account &account,
                                 const QVariantMap &secrets, QObject *parent)
    : Provider(metadata, account, secrets, parent)
{
    const QByteArray authorization = "Bearer " + secret(QStringLiteral("token")).toUtf8();
    http()->setAuthorizer([authorization](HttpRequest &request) {
        request.setHeader("Authorization", authorization);
    });
    // {"error": {"code": "unauthorized", "message": "unable to authenticate", "details": {}}}
    http()->setErrorReader(
        [](const HttpResponse &response) { return HetznerParser::error(response); });
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
    http()->sendJson(HttpRequest::get(servers), [done](Result<QJsonObject> reply) {
        if (!reply.ok())
            return done(reply.error());
        if (!reply.value().value(QLatin1String("servers")).isArray())
            return done(JsonReader::shapeError(QStringLiteral("\"servers\" is not a list")));
        const std::optional<qint64> total = HetznerParser::totalEntries(reply.value());
        if (!total)
            return done(tr("Hetzner Cloud project (token accepted)"));
        done(*total == 1 ? tr("Hetzner Cloud project with 1 server")
                         : tr("Hetzner Cloud project with %1 servers").arg(*total));
    });
}

template<typename T>
void HetznerProvider::listAll(const QString &path, const QList<std::pair<QString, QString>> &query,
                              PagedList::PageParser<T> parse, Callback<QList<T>> done)
{
    auto page = std::make_shared<int>(1);
    auto pageUrl = [this, path, query](int number) {
        auto items = query;
        items.append({QStringLiteral("page"), QString::number(number)});
        items.append({QStringLiteral("per_page"), QString::number(m_pageSize)});
        return url(path, items);
    };
    // Only the page number is taken from the reply: requests always go to the account's own
    // endpoint. PagedList drops an item that comes twice (pages are offsets, so a server created
    // while we page shifts the rest) and fails the whole list when any page fails.
    PagedList::collect<T>(
        http(), HttpRequest::get(pageUrl(1)), std::move(parse),
        [page, pageUrl](const QJsonObject &body) -> Result<std::optional<HttpRequest>> {
            const Result<std::optional<int>> next = HetznerParser::nextPage(body, *page);
            if (!next.ok())
                return next.error();
            if (!next.value())
                return std::optional<HttpRequest>();
            *page = *next.value();
            return std::optional<HttpRequest>(HttpRequest::get(pageUrl(*page)));
        },
        std::move(done));
}

void HetznerProvider::listMachines(Callback<QList<Machine>> done)
{
    listAll<Machine>(QStringLiteral("/servers"), {}, &HetznerParser::servers, std::move(done));
}

void HetznerProvider::runAction(const QString &machineId, MachineAction::Action action,
                                Callback<void> done)
{
    if (!HetznerRequests::isNumericId(machineId)) {
        const Error error(Error::InvalidInput,
                          tr("\"%1\" is not a Hetzner server id (a number).").arg(machineId));
        return post([done, error] { done(error); });
    }
    const QString serverPath = QStringLiteral("/servers/") + machineId;
    if (action == MachineAction::Destroy) {
        // DELETE answers 200 with the action that removes the server.
        HttpRequest request = HttpRequest::get(url(serverPath));
        request.method = "DELETE";
        qCInfo(lcHetzner) << "server" << machineId << "delete";
        http()->sendJson(request, [this, done](Result<QJsonObject> reply) {
            if (!reply.ok())
                return done(reply.error());
            startFollowing(reply.value(), false, done);
        });
        return;
    }
    const QString command = HetznerRequests::actionCommand(action);
    // These endpoints take no request body.
    HttpRequest request = HttpRequest::get(url(serverPath + QStringLiteral("/actions/") + command));
    request.method = "POST";
    qCInfo(lcHetzner) << "server" << machineId << "action" << command;
    http()->sendJson(request, [this, done](Result<QJsonObject> reply) {
        if (!reply.ok())
            return done(reply.error());
        startFollowing(reply.value(), true, done);
    });
}

void HetznerProvider::startFollowing(const QJsonObject &reply, bool actionRequired,
                                     Callback<void> done)
{
    const QJsonValue action0 = reply.value(QLatin1String("action"));
    if (!actionRequired && (action0.isUndefined() || action0.isNull()))
        return done({}); // nothing to follow: the server is gone
    const Result<HetznerParser::Action> action = HetznerParser::action(reply);
    if (!action.ok())
        return done(action.error());
    const QString &status = action.value().status;
    if (status == QLatin1String("success"))
        return done({});
    if (status == QLatin1String("error"))
        return done(actionFailed(action.value()));
    if (status != QLatin1String("running"))
        return done(
            JsonReader::shapeError(QStringLiteral("unknown action status \"%1\"").arg(status)));
    const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + m_actionTimeoutMs;
    followAction(action.value().id, m_actionPollFirstMs, deadline, done);
}

void HetznerProvider::followAction(qint64 actionId, int delayMs, qint64 deadlineMs,
                                   Callback<void> done)
{
    QTimer::singleShot(delayMs, this, [this, actionId, delayMs, deadlineMs, done] {
        const QUrl actionUrl = url(QStringLiteral("/actions/") + QString::number(actionId));
        http()->sendJson(HttpRequest::get(actionUrl), [=, this](Result<QJsonObject> reply) {
            if (!reply.ok())
                return done(reply.error());
            const Result<HetznerParser::Action> action = HetznerParser::action(reply.value());
            if (!action.ok())
                return done(action.error());
            const QString &status = action.value().status;
            if (status == QLatin1String("success"))
                return done({});
            if (status == QLatin1String("error"))
                return done(actionFailed(action.value()));
            if (status != QLatin1String("running")) {
                return done(JsonReader::shapeError(
                    QStringLiteral("unknown action status \"%1\"").arg(status)));
            }
            if (QDateTime::currentMSecsSinceEpoch() > deadlineMs) {
                return done(Error(Error::Timeout,
                                  tr("The action is still running after %1 minutes; CloudDeck "
                                     "stopped waiting. It may still complete: check the server "
                                     "in the Hetzner Console.")
                                      .arg(m_actionTimeoutMs / 60000)));
            }
            // Polling counts against the hourly budget: back off while the action runs.
            const int next = std::min(m_actionPollMaxMs, delayMs + std::max(1, delayMs / 2));
            followAction(actionId, next, deadlineMs, done);
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
    if (!body.ok()) {
        const Error error = body.error();
        return post([done, error] { done(error); });
    }
    qCInfo(lcHetzner) << "create server" << request.name << "in" << request.region;
    // 201 Created: the server (status "initializing"), the create action and, without SSH keys, a
    // generated root password. That password is a secret: never logged, never kept (the Machine
    // is cached); the user is told to use SSH keys or reset it in the console.
    http()->sendJson(
        HttpRequest::json("POST", url(QStringLiteral("/servers")), QJsonDocument(body.value())),
        [done](Result<QJsonObject> reply) {
            if (!reply.ok())
                return done(reply.error());
            if (reply.value().value(QLatin1String("root_password")).isString())
                qCInfo(lcHetzner) << "server created without SSH keys: Hetzner generated a root "
                                     "password, which CloudDeck does not keep";
            done(HetznerParser::createdServer(reply.value()));
        });
}

void HetznerProvider::listRegions(Callback<QList<Region>> done)
{
    listAll<Region>(QStringLiteral("/locations"), {}, &HetznerCatalogParser::locations,
                    std::move(done));
}

void HetznerProvider::listSizes(Callback<QList<Size>> done)
{
    listAll<Size>(
        QStringLiteral("/server_types"), {},
        [](const QJsonObject &page) { return HetznerCatalogParser::serverTypes(page); },
        std::move(done));
}

void HetznerProvider::listImages(Callback<QList<Image>> done)
{
    // Hetzner's system images, then the project's own snapshots.
    listAll<Image>(QStringLiteral("/images"), {{QStringLiteral("type"), QStringLiteral("system")}},
                   &HetznerCatalogParser::images, [this, done](Result<QList<Image>> system) {
                       if (!system.ok())
                           return done(system.error());
                       listAll<Image>(QStringLiteral("/images"),
                                      {{QStringLiteral("type"), QStringLiteral("snapshot")}},
                                      &HetznerCatalogParser::images,
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
    listAll<SshKey>(QStringLiteral("/ssh_keys"), {}, &HetznerCatalogParser::sshKeys,
                    std::move(done));
}
