#include "vultrprovider.h"

#include "sshpublickey.h"
#include "vultrparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

Q_LOGGING_CATEGORY(lcVultr, "clouddeck.provider.vultr", QtInfoMsg)

VultrProvider::VultrProvider(const ProviderMetadata &metadata, const Account &account,
                             const QVariantMap &secrets, QObject *parent)
    : Provider(metadata, account, secrets, parent)
    , m_machines(
          [this](Callback<QList<Machine>> done) {
              listAll<Machine>(QStringLiteral("/instances"), &VultrParser::instances,
                               std::move(done));
          },
          [this](Callback<PriceTable> done) {
              listSizes([done](Result<QList<Size>> plans) {
                  if (!plans.ok())
                      return done(plans.error());
                  done(PriceTable::fromSizes(plans.value()));
              });
          })
{
    const QByteArray authorization = "Bearer " + secret(QStringLiteral("token")).toUtf8();
    http()->setAuthorizer([authorization](HttpRequest &request) {
        request.setHeader("Authorization", authorization);
    });
    // {"error": "Invalid API token.", "status": 401}
    http()->setErrorReader([](const HttpResponse &response) {
        const Result<QJsonObject> body = response.jsonObject();
        return body.ok() ? VultrParser::error(body.value()) : HttpClient::ProviderError {};
    });
}

void VultrProvider::setPageSize(int size)
{
    m_pageSize = std::clamp(size, 1, 500);
}

template<typename T>
void VultrProvider::listAll(const QString &path, PagedList::PageParser<T> parse,
                            Callback<QList<T>> done)
{
    const auto pageUrl = [this, path](const QString &cursor) {
        QList<std::pair<QString, QString>> query {
            {QStringLiteral("per_page"), QString::number(m_pageSize)}};
        // Cursors are opaque and may hold '+', '/' or '=': sent percent-encoded, so a '+' is not
        // read as a space on the other side.
        if (!cursor.isEmpty())
            query.append(
                {QStringLiteral("cursor"), QString::fromLatin1(QUrl::toPercentEncoding(cursor))});
        return url(path, query);
    };
    PagedList::collect<T>(
        http(), HttpRequest::get(pageUrl({})), std::move(parse),
        [pageUrl](const QJsonObject &page) -> Result<std::optional<HttpRequest>> {
            const Result<std::optional<QString>> next = VultrParser::nextCursor(page);
            if (!next.ok())
                return next.error();
            if (!next.value())
                return std::optional<HttpRequest>();
            // A cursor handed out twice leads back to a page already read: PagedList stops there.
            return std::optional<HttpRequest>(HttpRequest::get(pageUrl(*next.value())));
        },
        std::move(done));
}

void VultrProvider::verify(Callback<QString> done)
{
    http()->sendJson(HttpRequest::get(url(QStringLiteral("/account"))),
                     [done](Result<QJsonObject> reply) {
                         if (!reply.ok())
                             return done(reply.error());
                         done(VultrParser::account(reply.value()));
                     });
}

void VultrProvider::listMachines(Callback<QList<Machine>> done)
{
    m_machines.list(std::move(done));
}

void VultrProvider::runAction(const QString &machineId, MachineAction::Action action,
                              Callback<void> done)
{
    const QString path = QStringLiteral("/instances/") + machineId;
    HttpRequest request;
    request.method = "POST";
    switch (action) {
    case MachineAction::Start:
        request.url = url(path + QStringLiteral("/start"));
        break;
    case MachineAction::PowerOff:
        request.url = url(path + QStringLiteral("/halt"));
        break;
    case MachineAction::Reboot:
        request.url = url(path + QStringLiteral("/reboot"));
        break;
    case MachineAction::Destroy:
        request.method = "DELETE";
        request.url = url(path);
        break;
    case MachineAction::Shutdown:
        return unsupported(tr("a graceful shutdown (power off halts the instance at once)"),
                           std::move(done));
    }
    qCInfo(lcVultr) << "instance" << machineId << MachineAction::id(action);
    // Each answers 204 No Content once accepted; the next poll shows the new state.
    http()->send(request, [done](Result<HttpResponse> reply) {
        done(reply.ok() ? Result<void>() : Result<void>(reply.error()));
    });
}

void VultrProvider::createMachine(const CreateMachineRequest &request, Callback<Machine> done)
{
    if (request.region.isEmpty() || request.size.isEmpty() || request.image.isEmpty()) {
        const Error error(Error::InvalidInput,
                          tr("A Vultr instance needs a region, a plan and an image."));
        return post([done, error] { done(error); });
    }
    // Vultr takes key ids (sshkey_id); a name, fingerprint or key line is looked up first.
    const bool allIds =
        std::all_of(request.sshKeys.cbegin(), request.sshKeys.cend(), &VultrParser::isUuid);
    if (allIds)
        return postCreate(request, request.sshKeys, std::move(done));
    listSshKeys([this, request, done](Result<QList<SshKey>> keys) {
        if (!keys.ok())
            return done(keys.error());
        const Result<QList<SshKey>> selected = SshPublicKey::select(keys.value(), request.sshKeys);
        if (!selected.ok())
            return done(selected.error());
        QStringList ids;
        for (const SshKey &key : selected.value())
            ids.append(key.id);
        postCreate(request, ids, done);
    });
}

void VultrProvider::postCreate(const CreateMachineRequest &request, const QStringList &sshKeyIds,
                               Callback<Machine> done)
{
    QJsonObject body {{QStringLiteral("region"), request.region},
                      {QStringLiteral("plan"), request.size}};
    const auto [imageField, imageValue] = VultrParser::imageField(request.image);
    body.insert(imageField, imageValue);
    if (!request.name.isEmpty()) {
        body.insert(QStringLiteral("label"), request.name);
        if (const QString hostname = VultrParser::hostname(request.name); !hostname.isEmpty())
            body.insert(QStringLiteral("hostname"), hostname);
    }
    if (!sshKeyIds.isEmpty())
        body.insert(QStringLiteral("sshkey_id"), QJsonArray::fromStringList(sshKeyIds));
    if (!request.tags.isEmpty())
        body.insert(QStringLiteral("tags"), QJsonArray::fromStringList(request.tags));
    if (!request.userData.isEmpty()) {
        body.insert(QStringLiteral("user_data"),
                    QString::fromLatin1(request.userData.toUtf8().toBase64()));
    }
    qCInfo(lcVultr) << "creating instance" << request.name << "in" << request.region << "plan"
                    << request.size << imageField << request.image;
    // 202 Accepted with {"instance": {...}}; its "default_password" is dropped by the parser.
    http()->sendJson(
        HttpRequest::json("POST", url(QStringLiteral("/instances")), QJsonDocument(body)),
        [done](Result<QJsonObject> reply) {
            if (!reply.ok())
                return done(reply.error());
            done(VultrParser::instance(reply.value().value(QLatin1String("instance"))));
        });
}

void VultrProvider::listRegions(Callback<QList<Region>> done)
{
    listAll<Region>(QStringLiteral("/regions"), &VultrParser::regions, std::move(done));
}

void VultrProvider::listSizes(Callback<QList<Size>> done)
{
    listAll<Size>(QStringLiteral("/plans"), &VultrParser::plans, std::move(done));
}

void VultrProvider::listImages(Callback<QList<Image>> done)
{
    // Operating systems, then the account's own snapshots.
    listAll<Image>(QStringLiteral("/os"), &VultrParser::operatingSystems,
                   [this, done](Result<QList<Image>> systems) {
                       if (!systems.ok())
                           return done(systems.error());
                       listAll<Image>(QStringLiteral("/snapshots"), &VultrParser::snapshots,
                                      [done, systems](Result<QList<Image>> snapshots) {
                                          if (!snapshots.ok())
                                              return done(snapshots.error());
                                          done(systems.value() + snapshots.value());
                                      });
                   });
}

void VultrProvider::listSshKeys(Callback<QList<SshKey>> done)
{
    listAll<SshKey>(QStringLiteral("/ssh-keys"), &VultrParser::sshKeys, std::move(done));
}
