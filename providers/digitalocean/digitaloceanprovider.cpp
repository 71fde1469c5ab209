#include "digitaloceanprovider.h"

#include <QDateTime>
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
    // Error bodies are {"id": "unauthorized", "message": "Unable to authenticate you.",
    // "request_id": "..."}: the message is what the user reads, the id is the provider code.
    http()->setErrorReader([](const HttpResponse &response) {
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
                                   PagedList::PageParser<T> parse, Callback<QList<T>> done)
{
    auto page = std::make_shared<int>(1);
    auto pageUrl = [this, path, query](int number) {
        auto items = query;
        items.append({QStringLiteral("page"), QString::number(number)});
        items.append({QStringLiteral("per_page"), QString::number(m_pageSize)});
        return url(path, items);
    };
    PagedList::collect<T>(
        http(), HttpRequest::get(pageUrl(1)), std::move(parse),
        [page, pageUrl](const QJsonObject &body) -> Result<std::optional<HttpRequest>> {
            const Result<std::optional<int>> next = DigitalOceanParser::nextPage(body, *page);
            if (!next.ok())
                return next.error();
            if (!next.value())
                return std::optional<HttpRequest>();
            *page = *next.value();
            return std::optional<HttpRequest>(HttpRequest::get(pageUrl(*page)));
        },
        std::move(done));
}

void DigitalOceanProvider::listMachines(Callback<QList<Machine>> done)
{
    // A droplet that comes twice (pages are offsets) is dropped by PagedList.
    listAll<Machine>(QStringLiteral("/v2/droplets"), {}, &DigitalOceanParser::droplets,
                     std::move(done));
}

void DigitalOceanProvider::runAction(const QString &machineId, MachineAction::Action action,
                                     Callback<void> done)
{
    if (!DigitalOceanRequests::isNumericId(machineId)) {
        const Error error(Error::InvalidInput,
                          tr("\"%1\" is not a DigitalOcean droplet id.").arg(machineId));
        return post([done, error] { done(error); });
    }
    const QString dropletPath = QStringLiteral("/v2/droplets/") + machineId;
    if (action == MachineAction::Destroy) {
        // 204 No Content once the destroy is accepted; there is no action object to follow.
        HttpRequest request = HttpRequest::get(url(dropletPath));
        request.method = "DELETE";
        qCInfo(lcDigitalOcean) << "droplet" << machineId << "destroy";
        http()->send(request, [done](Result<HttpResponse> reply) {
            done(reply.ok() ? Result<void>() : Result<void>(reply.error()));
        });
        return;
    }
    const QString type = DigitalOceanRequests::actionType(action);
    const HttpRequest request =
        HttpRequest::json("POST", url(dropletPath + QStringLiteral("/actions")),
                          QJsonDocument(QJsonObject {{QStringLiteral("type"), type}}));
    qCInfo(lcDigitalOcean) << "droplet" << machineId << "action" << type;
    http()->sendJson(request, [this, done](Result<QJsonObject> reply) {
        if (!reply.ok())
            return done(reply.error());
        const auto started = DigitalOceanParser::action(reply.value());
        if (!started.ok())
            return done(started.error());
        if (started.value().status == QLatin1String("completed"))
            return done({});
        if (started.value().status == QLatin1String("errored"))
            return done(actionFailed(started.value()));
        followAction(started.value(), QDateTime::currentMSecsSinceEpoch() + m_actionTimeoutMs,
                     done);
    });
}

void DigitalOceanProvider::followAction(const DigitalOceanParser::Action &action, qint64 deadlineMs,
                                        Callback<void> done)
{
    // The timer belongs to this provider: deleting it cancels the follow without a callback.
    QTimer::singleShot(m_actionPollMs, this, [this, action, deadlineMs, done] {
        const QUrl actionUrl = url(QStringLiteral("/v2/actions/") + QString::number(action.id));
        http()->sendJson(HttpRequest::get(actionUrl), [=, this](Result<QJsonObject> reply) {
            if (!reply.ok())
                return done(reply.error());
            const auto current = DigitalOceanParser::action(reply.value());
            if (!current.ok())
                return done(current.error());
            if (current.value().status == QLatin1String("completed"))
                return done({});
            if (current.value().status == QLatin1String("errored"))
                return done(actionFailed(current.value()));
            if (QDateTime::currentMSecsSinceEpoch() >= deadlineMs) {
                return done(Error(Error::Timeout,
                                  tr("DigitalOcean still reports the %1 action (%2) as in progress "
                                     "after %3 s; CloudDeck stopped waiting. It may still "
                                     "complete: refresh to see the droplet's state.")
                                      .arg(current.value().type)
                                      .arg(action.id)
                                      .arg(m_actionTimeoutMs / 1000)));
            }
            followAction(action, deadlineMs, done);
        });
    });
}

Error DigitalOceanProvider::actionFailed(const DigitalOceanParser::Action &action) const
{
    Error error(Error::Server, tr("DigitalOcean reports that the %1 action failed (action %2). "
                                  "Check the droplet in the DigitalOcean control panel, then try "
                                  "again.")
                                   .arg(action.type.isEmpty() ? tr("droplet") : action.type)
                                   .arg(action.id));
    error.setProviderCode(QStringLiteral("errored"));
    return error;
}

void DigitalOceanProvider::createMachine(const CreateMachineRequest &request,
                                         Callback<Machine> done)
{
    Result<QJsonObject> body = DigitalOceanRequests::createBody(request);
    if (!body.ok()) {
        const Error error = body.error();
        return post([done, error] { done(error); });
    }
    qCInfo(lcDigitalOcean) << "create droplet" << request.name << "size" << request.size;
    // 202 Accepted with the droplet in status "new" and links.actions naming the create action.
    http()->sendJson(
        HttpRequest::json("POST", url(QStringLiteral("/v2/droplets")), QJsonDocument(body.value())),
        [done](Result<QJsonObject> reply) {
            if (!reply.ok())
                return done(reply.error());
            done(DigitalOceanParser::createdDroplet(reply.value()));
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
    using Source = DigitalOceanParser::ImageSource;
    const PagedList::PageParser<Image> distributions = [](const QJsonObject &page) {
        return DigitalOceanParser::images(page, Source::Distribution);
    };
    const PagedList::PageParser<Image> own = [](const QJsonObject &page) {
        return DigitalOceanParser::images(page, Source::Private);
    };
    // DigitalOcean's distribution images, then the user's own snapshots, backups and custom images.
    listAll<Image>(QStringLiteral("/v2/images"),
                   {{QStringLiteral("type"), QStringLiteral("distribution")}}, distributions,
                   [this, own, done](Result<QList<Image>> first) {
                       if (!first.ok())
                           return done(first.error());
                       listAll<Image>(QStringLiteral("/v2/images"),
                                      {{QStringLiteral("private"), QStringLiteral("true")}}, own,
                                      [done, first](Result<QList<Image>> second) {
                                          if (!second.ok())
                                              return done(second.error());
                                          done(first.value() + second.value());
                                      });
                   });
}

void DigitalOceanProvider::listSshKeys(Callback<QList<SshKey>> done)
{
    listAll<SshKey>(QStringLiteral("/v2/account/keys"), {}, &DigitalOceanParser::sshKeys,
                    std::move(done));
}
