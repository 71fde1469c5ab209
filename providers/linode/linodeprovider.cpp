#include "linodeprovider.h"

#include "bearertoken.h"
#include "jsoncall.h"
#include "linodemetricsparser.h"
#include "linoderequests.h"
#include "metricfanout.h"
#include "resourceid.h"
#include "sshpublickey.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <utility>

Q_LOGGING_CATEGORY(lcLinode, "clouddeck.provider.linode", QtInfoMsg)

LinodeProvider::LinodeProvider(const ProviderMetadata &metadata, const Account &account,
                               const QVariantMap &secrets, QObject *parent)
    : Provider(metadata, account, secrets, parent)
    , m_machines(
          [this](Callback<QList<Machine>> done) {
              PageNumberList::collect(http(), url(QStringLiteral("/linode/instances")),
                                      paging().checkingTotal(&LinodeParser::statedTotal),
                                      &LinodeParser::instances, std::move(done));
          },
          [this](const Callback<PriceTable> &done) {
              listTypes([done](Result<QList<LinodeParser::Type>> types) {
                  if (!types.ok())
                      return done(types.error());
                  done(LinodeParser::priceTable(types.value()));
              });
          })
{
    // {"errors": [{"reason": "Invalid Token"}]}, with "field" for validation errors.
    BearerToken::install(http(), secret(QStringLiteral("token")),
                         BearerToken::jsonErrors(&LinodeParser::error));
    // X-RateLimit-Limit / -Remaining / -Reset (epoch seconds) and Retry-After on 429: the default
    // rate-limit reader and HttpClient's retry handle them as Linode documents them.
}

void LinodeProvider::setPageSize(int size)
{
    m_pageSize = std::clamp(size, 25, 500);
}

PageNumberList::Paging LinodeProvider::paging() const
{
    // Linode answers a page past the end with the last page: nextPage() checks the page number.
    return {QStringLiteral("page_size"), m_pageSize, &LinodeParser::nextPage, {}};
}

void LinodeProvider::verify(Callback<QString> done)
{
    JsonCall::send(http(), HttpRequest::get(url(QStringLiteral("/profile"))),
                   &LinodeParser::profile, std::move(done));
}

void LinodeProvider::listMachines(Callback<QList<Machine>> done)
{
    m_machines.list(done);
}

void LinodeProvider::runAction(const QString &machineId, MachineAction::Action action,
                               Callback<void> done)
{
    if (action == MachineAction::PowerOff) {
        return unsupported(tr("a forced power-off (shut the Linode down instead)"),
                           std::move(done));
    }
    const Result<void> id = ResourceId::check(ResourceId::Numeric, machineId, tr("Linode id"));
    if (!id.ok())
        return failLater(id.error(), std::move(done));
    const QString path = QStringLiteral("/linode/instances/") + machineId;
    HttpRequest request =
        action == MachineAction::Destroy
            ? HttpRequest::make("DELETE", url(path))
            : HttpRequest::make("POST", url(path + u'/' + LinodeRequests::actionSegment(action)));
    // Linode's examples send these with a JSON content type and no body (boot then uses the
    // last booted configuration profile).
    request.setHeader("Content-Type", "application/json");
    qCInfo(lcLinode) << "Linode" << machineId << MachineAction::id(action);
    // Each answers 200 with an empty object once accepted; the next poll shows the transition.
    JsonCall::send(http(), request, std::move(done));
}

void LinodeProvider::updateMachine(const QString &machineId, const MachineUpdate &update,
                                   Callback<void> done)
{
    const Result<void> id = ResourceId::check(ResourceId::Numeric, machineId, tr("Linode id"));
    if (!id.ok())
        return failLater(id.error(), std::move(done));
    QJsonObject body;
    if (update.name)
        body.insert(QStringLiteral("label"), *update.name);
    if (update.tags)
        body.insert(QStringLiteral("tags"), QJsonArray::fromStringList(*update.tags));
    qCInfo(lcLinode) << "update Linode" << machineId;
    // 200 with the updated Linode; "If any updated field fails to pass validation, the Linode
    // will not be updated" (a 400 with Linode's errors[].reason, the words shown).
    JsonCall::send(http(),
                   HttpRequest::json("PUT", url(QStringLiteral("/linode/instances/") + machineId),
                                     QJsonDocument(body)),
                   std::move(done));
}

void LinodeProvider::createMachine(const CreateMachineRequest &request, Callback<Machine> done)
{
    if (request.region.isEmpty() || request.size.isEmpty()) {
        return failLater(Error(Error::InvalidInput, tr("A Linode needs a region and a type.")),
                         std::move(done));
    }
    // Linode takes the public key lines themselves (authorized_keys), where CloudDeck offers the
    // profile's keys by id: anything but a key line is looked up in /profile/sshkeys first.
    const SshPublicKey::KeyForm keyLines {&SshPublicKey::isPublicKey, [](const SshKey &key) {
                                              return key.publicKey;
                                          }};
    SshPublicKey::resolve(
        request.sshKeys, keyLines,
        [this](Callback<QList<SshKey>> keys) { listSshKeys(std::move(keys)); },
        [this, request, done = std::move(done)](Result<QStringList> keys) {
            if (!keys.ok())
                return done(keys.error());
            postCreate(request, keys.value(), done);
        });
}

void LinodeProvider::postCreate(const CreateMachineRequest &request,
                                const QStringList &authorizedKeys, Callback<Machine> done)
{
    qCInfo(lcLinode) << "creating Linode" << request.name << "in" << request.region << "type"
                     << request.size << "image" << request.image;
    const QJsonObject body = LinodeRequests::createBody(request, authorizedKeys);
    JsonCall::send(
        http(),
        HttpRequest::json("POST", url(QStringLiteral("/linode/instances")), QJsonDocument(body)),
        &LinodeParser::instance, std::move(done));
}

void LinodeProvider::listRegions(Callback<QList<Region>> done)
{
    PageNumberList::collect(http(), url(QStringLiteral("/regions")), paging(),
                            &LinodeParser::regions, std::move(done));
}

void LinodeProvider::listTypes(Callback<QList<LinodeParser::Type>> done)
{
    PageNumberList::collect(http(), url(QStringLiteral("/linode/types")), paging(),
                            &LinodeParser::types, std::move(done));
}

void LinodeProvider::listSizes(Callback<QList<Size>> done)
{
    listTypes([done](Result<QList<LinodeParser::Type>> types) {
        if (!types.ok())
            return done(types.error());
        QList<Size> sizes;
        for (const LinodeParser::Type &type : types.value())
            sizes.append(type.size);
        done(sizes);
    });
}

void LinodeProvider::listImages(Callback<QList<Image>> done)
{
    // With a token, GET /images lists the public images and the account's own ("private/...").
    PageNumberList::collect(http(), url(QStringLiteral("/images")), paging(), &LinodeParser::images,
                            std::move(done));
}

void LinodeProvider::listSshKeys(Callback<QList<SshKey>> done)
{
    PageNumberList::collect(http(), url(QStringLiteral("/profile/sshkeys")), paging(),
                            &LinodeParser::sshKeys, std::move(done));
}

void LinodeProvider::fetchMetrics(const QStringList &machineIds, MetricSeries::Kind kind,
                                  const MetricRange &range, Callback<QList<MetricSeries>> done)
{
    for (const QString &id : machineIds) {
        const Result<void> checked = ResourceId::check(ResourceId::Numeric, id, tr("Linode id"));
        if (!checked.ok())
            return failLater(checked.error(), std::move(done));
    }
    const QStringList paths =
        LinodeMetricsParser::paths(range, QDateTime::currentDateTimeUtc().date());
    const QString accountId = account().id;
    MetricFanout::run(
        this, machineIds,
        [this, kind, range, paths, accountId](const QString &id,
                                              const Callback<MetricSeries> &one) {
            // A range over two months is two requests of the same Linode, merged.
            MetricFanout::run(
                this, paths,
                [this, id, kind](const QString &path, Callback<MetricSeries> part) {
                    JsonCall::send<MetricSeries>(
                        http(),
                        HttpRequest::get(url(QStringLiteral("/linode/instances/%1/%2").arg(id, path))),
                        [kind](const QJsonObject &reply) {
                            return LinodeMetricsParser::series(reply, kind);
                        },
                        std::move(part));
                },
                [id, range, accountId, one](Result<QList<MetricSeries>> parts) {
                    if (!parts.ok())
                        return one(parts.error());
                    MetricSeries series = LinodeMetricsParser::window(parts.value(), range);
                    series.accountId = accountId;
                    series.machineId = id;
                    series.fetchedAt = QDateTime::currentDateTimeUtc();
                    one(series);
                });
        },
        std::move(done));
}
