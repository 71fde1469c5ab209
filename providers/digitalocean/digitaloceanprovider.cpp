#include "digitaloceanprovider.h"

#include "digitaloceanparser.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <memory>

Q_LOGGING_CATEGORY(lcDigitalOcean, "clouddeck.provider.digitalocean", QtInfoMsg)

DigitalOceanProvider::DigitalOceanProvider(const ProviderMetadata &metadata, const Account &account,
                                           const QVariantMap &secrets, QObject *parent)
    : Provider(metadata, account, secrets, parent)
{
    const QByteArray authorization = "Bearer " + secret(QStringLiteral("token")).toUtf8();
    http()->setAuthorizer([authorization](HttpRequest &request) {
        request.setHeader("Authorization", authorization);
    });
    // Error bodies: {"id": "unauthorized", "message": "Unable to authenticate you."}
    http()->setErrorReader([](const HttpResponse &response) {
        const Result<QJsonObject> body = response.jsonObject();
        if (!body.ok())
            return HttpClient::ProviderError {};
        return HttpClient::ProviderError {body.value().value(QLatin1String("id")).toString(),
                                          body.value().value(QLatin1String("message")).toString()};
    });
    // RateLimit-Limit / RateLimit-Remaining / RateLimit-Reset: the default reader handles them.
}

void DigitalOceanProvider::verify(Callback<QString> done)
{
    http()->sendJson(HttpRequest::get(url(QStringLiteral("/v2/account"))),
                     [done](Result<QJsonObject> reply) {
                         if (!reply.ok())
                             return done(reply.error());
                         done(DigitalOceanParser::account(reply.value()));
                     });
}

template<typename T>
void DigitalOceanProvider::listAll(const QString &path,
                                   const QList<std::pair<QString, QString>> &query,
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
            const Result<std::optional<int>> next = DigitalOceanParser::nextPage(body.value());
            if (!next.ok())
                return next.error();
            if (!next.value())
                return std::optional<HttpRequest>();
            return std::optional<HttpRequest>(HttpRequest::get(pageUrl(*next.value())));
        },
        [collected, done](Result<void> result) {
            if (!result.ok())
                return done(result.error());
            done(*collected);
        });
}

void DigitalOceanProvider::listMachines(Callback<QList<Machine>> done)
{
    listAll<Machine>(QStringLiteral("/v2/droplets"), {}, &DigitalOceanParser::droplets,
                     std::move(done));
}

void DigitalOceanProvider::runAction(const QString &machineId, MachineAction::Action action,
                                     Callback<void> done)
{
    const QString dropletPath = QStringLiteral("/v2/droplets/") + machineId;
    if (action == MachineAction::Destroy) {
        // DELETE answers 204 No Content once the destroy is accepted; there is no action to follow.
        HttpRequest request = HttpRequest::get(url(dropletPath));
        request.method = "DELETE";
        http()->send(request, [done](Result<HttpResponse> reply) {
            done(reply.ok() ? Result<void>() : Result<void>(reply.error()));
        });
        return;
    }
    static const QHash<MachineAction::Action, QString> types = {
        {MachineAction::Start, QStringLiteral("power_on")},
        {MachineAction::Shutdown, QStringLiteral("shutdown")},
        {MachineAction::PowerOff, QStringLiteral("power_off")},
        {MachineAction::Reboot, QStringLiteral("reboot")},
    };
    const HttpRequest request = HttpRequest::json(
        "POST", url(dropletPath + QStringLiteral("/actions")),
        QJsonDocument(QJsonObject {{QStringLiteral("type"), types.value(action)}}));
    qCInfo(lcDigitalOcean) << "droplet" << machineId << "action" << types.value(action);
    http()->sendJson(request, [this, done](Result<QJsonObject> reply) {
        if (!reply.ok())
            return done(reply.error());
        const auto action = DigitalOceanParser::action(reply.value());
        if (!action.ok())
            return done(action.error());
        const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + m_actionTimeoutMs;
        if (action.value().second == QLatin1String("completed"))
            return done({});
        followAction(action.value().first, deadline, done);
    });
}

void DigitalOceanProvider::followAction(qint64 actionId, qint64 deadlineMs, Callback<void> done)
{
    QTimer::singleShot(m_actionPollMs, this, [this, actionId, deadlineMs, done] {
        const QUrl actionUrl = url(QStringLiteral("/v2/actions/") + QString::number(actionId));
        http()->sendJson(HttpRequest::get(actionUrl), [=, this](Result<QJsonObject> reply) {
            if (!reply.ok())
                return done(reply.error());
            const auto action = DigitalOceanParser::action(reply.value());
            if (!action.ok())
                return done(action.error());
            const QString &status = action.value().second;
            if (status == QLatin1String("completed"))
                return done({});
            if (status == QLatin1String("errored")) {
                return done(Error(Error::Server,
                                  tr("DigitalOcean reports that the action failed (action %1). "
                                     "Check the droplet in the DigitalOcean console.")
                                      .arg(actionId)));
            }
            if (QDateTime::currentMSecsSinceEpoch() > deadlineMs) {
                return done(
                    Error(Error::Timeout, tr("The action is still in progress after %1 minutes; "
                                             "CloudDeck stopped waiting. It may still complete.")
                                              .arg(m_actionTimeoutMs / 60000)));
            }
            followAction(actionId, deadlineMs, done);
        });
    });
}

void DigitalOceanProvider::createMachine(const CreateMachineRequest &request,
                                         Callback<Machine> done)
{
    QJsonObject body {{QStringLiteral("name"), request.name},
                      {QStringLiteral("region"), request.region},
                      {QStringLiteral("size"), request.size}};
    // Public images are named by slug, private ones (snapshots) by numeric id.
    bool numeric = false;
    const qint64 imageId = request.image.toLongLong(&numeric);
    body.insert(QStringLiteral("image"), numeric ? QJsonValue(imageId) : QJsonValue(request.image));
    QJsonArray keys;
    for (const QString &key : request.sshKeys) {
        const qint64 keyId = key.toLongLong(&numeric);
        keys.append(numeric ? QJsonValue(keyId) : QJsonValue(key)); // id or fingerprint
    }
    if (!keys.isEmpty())
        body.insert(QStringLiteral("ssh_keys"), keys);
    if (!request.tags.isEmpty())
        body.insert(QStringLiteral("tags"), QJsonArray::fromStringList(request.tags));
    if (!request.userData.isEmpty())
        body.insert(QStringLiteral("user_data"), request.userData);

    http()->sendJson(
        HttpRequest::json("POST", url(QStringLiteral("/v2/droplets")), QJsonDocument(body)),
        [done](Result<QJsonObject> reply) {
            if (!reply.ok())
                return done(reply.error());
            done(DigitalOceanParser::droplet(reply.value().value(QLatin1String("droplet"))));
        });
}

void DigitalOceanProvider::listRegions(Callback<QList<Region>> done)
{
    listAll<Region>(QStringLiteral("/v2/regions"), {}, &DigitalOceanParser::regions,
                    std::move(done));
}

void DigitalOceanProvider::listSizes(Callback<QList<Size>> done)
{
    listAll<Size>(QStringLiteral("/v2/sizes"), {}, &DigitalOceanParser::sizes, std::move(done));
}

void DigitalOceanProvider::listImages(Callback<QList<Image>> done)
{
    // Distribution images, then the user's own snapshots and custom images.
    listAll<Image>(QStringLiteral("/v2/images"),
                   {{QStringLiteral("type"), QStringLiteral("distribution")}},
                   &DigitalOceanParser::images, [this, done](Result<QList<Image>> distributions) {
                       if (!distributions.ok())
                           return done(distributions.error());
                       listAll<Image>(QStringLiteral("/v2/images"),
                                      {{QStringLiteral("private"), QStringLiteral("true")}},
                                      &DigitalOceanParser::images,
                                      [done, distributions](Result<QList<Image>> own) {
                                          if (!own.ok())
                                              return done(own.error());
                                          done(distributions.value() + own.value());
                                      });
                   });
}

void DigitalOceanProvider::listSshKeys(Callback<QList<SshKey>> done)
{
    listAll<SshKey>(QStringLiteral("/v2/account/keys"), {}, &DigitalOceanParser::sshKeys,
                    std::move(done));
}
