#include "vultrprovider.h"

#include "bearertoken.h"
#include "jsoncall.h"
#include "metricfanout.h"
#include "resourceid.h"
#include "sshpublickey.h"
#include "vultrmetricsparser.h"
#include "vultrparser.h"
#include "vultrrequests.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <utility>

Q_LOGGING_CATEGORY(lcVultr, "clouddeck.provider.vultr", QtInfoMsg)

VultrProvider::VultrProvider(const ProviderMetadata &metadata, const Account &account,
                             const QVariantMap &secrets, QObject *parent)
    : Provider(metadata, account, secrets, parent)
    , m_machines(
          [this](Callback<QList<Machine>> done) {
              // The listing replaces the cache: one far short of meta.total is refused.
              listAll<Machine>(QStringLiteral("/instances"), &VultrParser::instances,
                               std::move(done), &VultrParser::statedTotal);
          },
          [this](const Callback<PriceTable> &done) {
              listSizes([done](Result<QList<Size>> plans) {
                  if (!plans.ok())
                      return done(plans.error());
                  done(PriceTable::fromSizes(plans.value()));
              });
          })
{
    // {"error": "Invalid API token.", "status": 401}
    BearerToken::install(http(), secret(QStringLiteral("token")),
                         BearerToken::jsonErrors(&VultrParser::error));
}

void VultrProvider::setPageSize(int size)
{
    m_pageSize = std::clamp(size, 1, 500);
}

template<typename T>
void VultrProvider::listAll(const QString &path, PagedList::PageParser<T> parse,
                            Callback<QList<T>> done, PagedList::StatedTotal total)
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
        std::move(done), std::move(total));
}

void VultrProvider::verify(Callback<QString> done)
{
    JsonCall::send(http(), HttpRequest::get(url(QStringLiteral("/account"))), &VultrParser::account,
                   std::move(done));
}

void VultrProvider::listMachines(Callback<QList<Machine>> done)
{
    m_machines.list(done);
}

void VultrProvider::runAction(const QString &machineId, MachineAction::Action action,
                              Callback<void> done)
{
    if (action == MachineAction::Shutdown) {
        return unsupported(tr("a graceful shutdown (power off halts the instance at once)"),
                           std::move(done));
    }
    const Result<void> id =
        ResourceId::check(ResourceId::Uuid, machineId, tr("Vultr instance id (a UUID)"));
    if (!id.ok())
        return failLater(id.error(), std::move(done));
    const QString path = QStringLiteral("/instances/") + machineId;
    const HttpRequest request =
        action == MachineAction::Destroy
            ? HttpRequest::make("DELETE", url(path))
            : HttpRequest::make("POST", url(path + u'/' + VultrRequests::actionSegment(action)));
    qCInfo(lcVultr) << "instance" << machineId << MachineAction::id(action);
    // Each answers 204 No Content once accepted; the next poll shows the new state.
    JsonCall::send(http(), request, std::move(done));
}

void VultrProvider::updateMachine(const QString &machineId, const MachineUpdate &update,
                                  Callback<void> done)
{
    const Result<void> id =
        ResourceId::check(ResourceId::Uuid, machineId, tr("Vultr instance id (a UUID)"));
    if (!id.ok())
        return failLater(id.error(), std::move(done));
    QJsonObject body;
    if (update.name)
        body.insert(QStringLiteral("label"), *update.name);
    if (update.tags)
        body.insert(QStringLiteral("tags"), QJsonArray::fromStringList(*update.tags));
    qCInfo(lcVultr) << "update instance" << machineId;
    // 202 with the instance; the same body again changes nothing, but PATCH is not retried.
    JsonCall::send(http(),
                   HttpRequest::json("PATCH", url(QStringLiteral("/instances/") + machineId),
                                     QJsonDocument(body)),
                   std::move(done));
}

void VultrProvider::createMachine(const CreateMachineRequest &request, Callback<Machine> done)
{
    if (request.region.isEmpty() || request.size.isEmpty() || request.image.isEmpty()) {
        return failLater(
            Error(Error::InvalidInput, tr("A Vultr instance needs a region, a plan and an image.")),
            std::move(done));
    }
    // Vultr takes key ids (sshkey_id); a name, fingerprint or key line is looked up first.
    const SshPublicKey::KeyForm keyIds {
        [](const QString &key) { return ResourceId::isValid(ResourceId::Uuid, key); },
        [](const SshKey &key) {
            return key.id;
        }};
    SshPublicKey::resolve(
        request.sshKeys, keyIds,
        [this](Callback<QList<SshKey>> keys) { listSshKeys(std::move(keys)); },
        [this, request, done = std::move(done)](Result<QStringList> ids) {
            if (!ids.ok())
                return done(ids.error());
            postCreate(request, ids.value(), done);
        });
}

void VultrProvider::postCreate(const CreateMachineRequest &request, const QStringList &sshKeyIds,
                               Callback<Machine> done)
{
    const QJsonObject body = VultrRequests::createBody(request, sshKeyIds);
    qCInfo(lcVultr) << "creating instance" << request.name << "in" << request.region << "plan"
                    << request.size << "image" << request.image;
    // 202 Accepted with {"instance": {...}}; its "default_password" is dropped by the parser.
    JsonCall::send<Machine>(
        http(), HttpRequest::json("POST", url(QStringLiteral("/instances")), QJsonDocument(body)),
        [](const QJsonObject &reply) {
            return VultrParser::instance(reply.value(QLatin1String("instance")));
        },
        std::move(done));
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
    PagedList::concat<Image>(
        [this](Callback<QList<Image>> listed) {
            listAll<Image>(QStringLiteral("/os"), &VultrParser::operatingSystems,
                           std::move(listed));
        },
        [this](Callback<QList<Image>> listed) {
            listAll<Image>(QStringLiteral("/snapshots"), &VultrParser::snapshots,
                           std::move(listed));
        },
        std::move(done));
}

void VultrProvider::listSshKeys(Callback<QList<SshKey>> done)
{
    listAll<SshKey>(QStringLiteral("/ssh-keys"), &VultrParser::sshKeys, std::move(done));
}

void VultrProvider::fetchMetrics(const QStringList &machineIds, MetricSeries::Kind kind,
                                 const MetricRange &range, Callback<QList<MetricSeries>> done)
{
    if (kind != MetricSeries::Kind::NetworkIn && kind != MetricSeries::Kind::NetworkOut)
        return failLater(Error(Error::Unsupported, VultrMetricsParser::bandwidthOnly()),
                         std::move(done));
    for (const QString &id : machineIds) {
        const Result<void> checked =
            ResourceId::check(ResourceId::Uuid, id, tr("Vultr instance id (a UUID)"));
        if (!checked.ok())
            return failLater(checked.error(), std::move(done));
    }
    const QString accountId = account().id;
    MetricFanout::run(
        this, machineIds,
        [this, kind, range, accountId](const QString &id, Callback<MetricSeries> one) {
            JsonCall::send<MetricSeries>(
                http(), HttpRequest::get(url(QStringLiteral("/instances/%1/bandwidth").arg(id))),
                [kind, range, accountId, id](const QJsonObject &reply) -> Result<MetricSeries> {
                    Result<MetricSeries> series = VultrMetricsParser::series(reply, kind, range);
                    if (!series.ok())
                        return series;
                    MetricSeries named = series.takeValue();
                    named.accountId = accountId;
                    named.machineId = id;
                    named.fetchedAt = QDateTime::currentDateTimeUtc();
                    return named;
                },
                std::move(one));
        },
        std::move(done));
}
