#include "hetznerprovider.h"

#include "hetznercatalogparser.h"
#include "jsonreader.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTimer>
#include <memory>

Q_LOGGING_CATEGORY(lcHetzner, "clouddeck.provider.hetzner", QtInfoMsg)

namespace {
/// Hetzner ids are positive integers; anything else never reaches a URL path.
bool isServerId(const QString &id)
{
    bool ok = false;
    return id.toLongLong(&ok) > 0 && ok;
}

/// The create body takes an id (integer) or a name (string) for images and SSH keys.
QJsonValue idOrName(const QString &value)
{
    bool numeric = false;
    const qint64 id = value.toLongLong(&numeric);
    return numeric && id > 0 ? QJsonValue(id) : QJsonValue(value);
}
} // namespace

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
    // cheapest call that needs a valid token, and the total says which project this is.
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
        done(tr("Hetzner Cloud project with %n server(s)", nullptr, int(*total)));
    });
}

template<typename T>
void HetznerProvider::listAll(const QString &path, const QList<std::pair<QString, QString>> &query,
                              std::function<Result<QList<T>>(const QJsonObject &)> parse,
                              Callback<QList<T>> done)
{
    auto collected = std::make_shared<QList<T>>();
    auto pageUrl = [this, path, query](int page) {
        auto items = query;
        items.append({QStringLiteral("page"), QString::number(page)});
        items.append({QStringLiteral("per_page"), QString::number(m_pageSize)});
        return url(path, items);
    };
    http()->getPages(
        HttpRequest::get(pageUrl(1)),
        [collected, parse,
         pageUrl](const HttpResponse &response) -> Result<std::optional<HttpRequest>> {
            const Result<QJsonObject> body = response.jsonObject();
            if (!body.ok())
                return body.error();
            Result<QList<T>> items = parse(body.value());
            if (!items.ok())
                return items.error();
            collected->append(items.takeValue());
            const Result<std::optional<int>> next = HetznerParser::nextPage(body.value());
            if (!next.ok())
                return next.error();
            if (!next.value())
                return std::optional<HttpRequest>();
            // Only the page number is taken from the reply: requests always go to the account's
            // own endpoint.
            return std::optional<HttpRequest>(HttpRequest::get(pageUrl(*next.value())));
        },
        [collected, done](Result<void> result) {
            if (!result.ok())
                return done(result.error());
            done(*collected);
        });
}

void HetznerProvider::listMachines(Callback<QList<Machine>> done)
{
    listAll<Machine>(QStringLiteral("/servers"), {}, &HetznerParser::servers, std::move(done));
}

void HetznerProvider::runAction(const QString &machineId, MachineAction::Action action,
                                Callback<void> done)
{
    if (!isServerId(machineId)) {
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
    static const QHash<MachineAction::Action, QString> commands = {
        {MachineAction::Start, QStringLiteral("poweron")},
        {MachineAction::Shutdown, QStringLiteral("shutdown")}, // ACPI, graceful
        {MachineAction::PowerOff, QStringLiteral("poweroff")}, // pulls the plug
        {MachineAction::Reboot, QStringLiteral("reboot")}, // soft reboot (ACPI)
    };
    const QString command = commands.value(action);
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
    QJsonObject body {{QStringLiteral("name"), request.name},
                      {QStringLiteral("server_type"), request.size},
                      {QStringLiteral("image"), idOrName(request.image)},
                      {QStringLiteral("start_after_create"), true}};
    if (!request.region.isEmpty())
        body.insert(QStringLiteral("location"), request.region);
    QJsonArray keys;
    for (const QString &key : request.sshKeys)
        keys.append(idOrName(key));
    if (!keys.isEmpty())
        body.insert(QStringLiteral("ssh_keys"), keys);
    if (!request.tags.isEmpty())
        body.insert(QStringLiteral("labels"), HetznerParser::labels(request.tags));
    if (!request.userData.isEmpty())
        body.insert(QStringLiteral("user_data"), request.userData);

    http()->sendJson(
        HttpRequest::json("POST", url(QStringLiteral("/servers")), QJsonDocument(body)),
        [done](Result<QJsonObject> reply) {
            if (!reply.ok())
                return done(reply.error());
            // Without SSH keys Hetzner generates a root password and returns it here, once.
            // It is a secret: never logged, and not put into the Machine (which is cached).
            if (!reply.value().value(QLatin1String("root_password")).toString().isEmpty())
                qCInfo(lcHetzner) << "server created without SSH keys: Hetzner generated a root "
                                     "password, which CloudDeck does not keep";
            done(HetznerParser::server(reply.value().value(QLatin1String("server"))));
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
                                          // One system image per name, even across pages.
                                          QList<Image> result;
                                          QSet<QString> seen;
                                          for (const Image &image :
                                               system.value() + snapshots.value()) {
                                              if (!seen.contains(image.id)) {
                                                  seen.insert(image.id);
                                                  result.append(image);
                                              }
                                          }
                                          done(result);
                                      });
                   });
}

void HetznerProvider::listSshKeys(Callback<QList<SshKey>> done)
{
    listAll<SshKey>(QStringLiteral("/ssh_keys"), {}, &HetznerCatalogParser::sshKeys,
                    std::move(done));
}
