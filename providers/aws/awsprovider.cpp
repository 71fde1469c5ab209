#include "awsprovider.h"

#include "awsimagecatalog.h"
#include "awsregionfanout.h"
#include "awsruninstances.h"
#include "resourceid.h"

#include <QRegularExpression>
#include <QUuid>
#include <memory>

Q_LOGGING_CATEGORY(lcAws, "clouddeck.provider.aws", QtInfoMsg)

namespace {
const QString apiVersion = QStringLiteral("2016-11-15");
constexpr const char *regionHeader = AwsProvider::signingRegionHeader;
constexpr const char *serviceHeader = AwsProvider::signingServiceHeader;
} // namespace

bool AwsProvider::isRegionId(const QString &region)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    return pattern.match(region).hasMatch();
}

AwsProvider::AwsProvider(const ProviderMetadata &metadata, const Account &account,
                         const QVariantMap &secrets, QObject *parent)
    : Provider(metadata, account, secrets, parent)
    , m_signer({account.settings.value(QStringLiteral("accessKeyId")).toString().trimmed(),
                secret(QStringLiteral("secretAccessKey")).trimmed(),
                secret(QStringLiteral("sessionToken")).trimmed()},
               QStringLiteral("ec2"))
    , m_pricingSigner({account.settings.value(QStringLiteral("accessKeyId")).toString().trimmed(),
                       secret(QStringLiteral("secretAccessKey")).trimmed(),
                       secret(QStringLiteral("sessionToken")).trimmed()},
                      QStringLiteral("pricing"))
    , m_monitoringSigner(
          {account.settings.value(QStringLiteral("accessKeyId")).toString().trimmed(),
           secret(QStringLiteral("secretAccessKey")).trimmed(),
           secret(QStringLiteral("sessionToken")).trimmed()},
          QStringLiteral("monitoring"))
    , m_priceClock([] { return QDateTime::currentDateTimeUtc(); })
{
    http()->setAuthorizer([this](HttpRequest &request) {
        const QString region = QString::fromUtf8(request.header(regionHeader));
        request.headers.removeIf([](const std::pair<QByteArray, QByteArray> &header) {
            return header.first == QByteArrayView(regionHeader);
        });
        const QByteArray service = request.header(serviceHeader);
        request.headers.removeIf([](const std::pair<QByteArray, QByteArray> &header) {
            return header.first == QByteArrayView(serviceHeader);
        });
        AwsSigner &signer = service == "pricing"      ? m_pricingSigner
                            : service == "monitoring" ? m_monitoringSigner
                                                      : m_signer;
        signer.sign(request, region);
    });
    // EC2 answers in XML, the Price List (JSON 1.1 protocol) in JSON.
    http()->setErrorReader([](const HttpResponse &response) {
        return response.body.trimmed().startsWith('{') ? AwsPriceList::error(response.body)
                                                       : AwsParser::error(response.body);
    });
    // EC2 sends no rate-limit headers; its throttling arrives as RequestLimitExceeded errors,
    // which the error reader marks RateLimited so HttpClient backs off and retries.
    http()->setRateLimitReader([](const HttpResponse &) { return std::optional<RateLimit>(); });
}

Error AwsProvider::inRegion(const Error &error, const QString &region, const QString &action)
{
    QString message = tr("%1 (region %2)").arg(error.message(), region);
    // EC2 does not say which permission is missing; we know which call it was.
    if (error.providerCode() == QLatin1String("UnauthorizedOperation"))
        message +=
            QLatin1Char(' ') + tr("Allow ec2:%1 in the access key's IAM policy.").arg(action);
    Error named(error.kind(), message, error.httpStatus());
    named.setProviderCode(error.providerCode());
    named.setRetryAfterSeconds(error.retryAfterSeconds());
    named.setPeerCertificateSha256(error.peerCertificateSha256());
    return named;
}

QString AwsProvider::homeRegion() const
{
    return account().regions.isEmpty() ? QStringLiteral("us-east-1") : account().regions.first();
}

QUrl AwsProvider::endpoint(const QString &region) const
{
    if (account().endpoint.isEmpty()) {
        const QString domain = region.startsWith(QLatin1String("cn-"))
                                   ? QStringLiteral("amazonaws.com.cn")
                                   : QStringLiteral("amazonaws.com");
        return QUrl(QStringLiteral("https://ec2.%1.%2/").arg(region, domain));
    }
    return withRegion(account().endpoint.toString(QUrl::FullyEncoded), region);
}

QUrl AwsProvider::withRegion(QString text, const QString &region)
{
    text.replace(QLatin1String("%7Bregion%7D"), region, Qt::CaseInsensitive);
    text.replace(QLatin1String("{region}"), region);
    text.replace(Account::regionLabel(), region); // "{region}" in a host, see Account
    QUrl url(text);
    if (url.path().isEmpty())
        url.setPath(QStringLiteral("/"));
    return url;
}

HttpRequest AwsProvider::request(const QString &region, const QString &action,
                                 const Params &params) const
{
    return queryRequest(endpoint(region), apiVersion, {}, region, action, params);
}

HttpRequest AwsProvider::queryRequest(const QUrl &url, const QString &version,
                                      const QString &service, const QString &region,
                                      const QString &action, const Params &params)
{
    HttpRequest request = HttpRequest::make("POST", url);
    QByteArrayList fields = {"Action=" + AwsSigner::uriEncode(action.toUtf8()),
                             "Version=" + AwsSigner::uriEncode(version.toUtf8())};
    for (const auto &[key, value] : params)
        fields.append(AwsSigner::uriEncode(key.toUtf8()) + '='
                      + AwsSigner::uriEncode(value.toUtf8()));
    request.body = fields.join('&');
    request.setHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
    request.setHeader(regionHeader, region.toUtf8());
    if (!service.isEmpty())
        request.setHeader(serviceHeader, service.toUtf8());
    request.idempotent = true; // see the class comment
    return request;
}

Error AwsProvider::missingCredentials() const
{
    if (!m_signer.accessKeyId().isEmpty() && !secret(QStringLiteral("secretAccessKey")).isEmpty())
        return {};
    return Error(Error::CredentialsMissing,
                 tr("This AWS account has no access key id or secret access key. Edit the "
                    "account and enter both."));
}

void AwsProvider::call(const QString &region, const QString &action, const Params &params,
                       Callback<QByteArray> done)
{
    if (const Error missing = missingCredentials(); missing.isError())
        return failLater(missing, std::move(done));
    qCDebug(lcAws) << action << "in" << region;
    http()->send(request(region, action, params),
                 [done, region, action](Result<HttpResponse> reply) {
                     if (!reply.ok())
                         return done(inRegion(reply.error(), region, action));
                     done(reply.value().body);
                 });
}

void AwsProvider::describeRegions(Callback<QList<Region>> done)
{
    if (m_regions)
        return post([this, done] { done(*m_regions); });
    // Callers that arrive while DescribeRegions is in flight share its answer.
    m_regionWaiters.append(std::move(done));
    if (m_regionWaiters.size() > 1)
        return;
    call(homeRegion(), QStringLiteral("DescribeRegions"), {}, [this](Result<QByteArray> body) {
        Result<QList<Region>> regions =
            body.ok() ? AwsParser::regions(body.value()) : Result<QList<Region>>(body.error());
        if (regions.ok())
            m_regions = regions.value();
        const auto waiters = std::exchange(m_regionWaiters, {});
        for (const auto &waiter : waiters)
            waiter(regions);
    });
}

void AwsProvider::regionsInScope(Callback<QStringList> done)
{
    const QStringList chosen = account().regions;
    if (!chosen.isEmpty()) {
        for (const QString &region : chosen) {
            if (!isRegionId(region)) {
                return failLater(Error(Error::InvalidInput,
                                       tr("\"%1\" is not an AWS region id such as us-east-1. "
                                          "Fix the account's regions.")
                                           .arg(region)),
                                 std::move(done));
            }
        }
        return post([done, chosen] { done(chosen); });
    }
    describeRegions([done](Result<QList<Region>> regions) {
        if (!regions.ok())
            return done(regions.error());
        QStringList ids;
        for (const Region &region : regions.value()) {
            if (region.available && isRegionId(region.id))
                ids.append(region.id);
        }
        done(ids);
    });
}

void AwsProvider::verify(Callback<QString> done)
{
    describeRegions([this, done](Result<QList<Region>> regions) {
        if (!regions.ok())
            return done(regions.error());
        done(tr("access key %1, EC2 in %n region(s)", nullptr, int(regions.value().size()))
                 .arg(m_signer.accessKeyId()));
    });
}

void AwsProvider::listMachines(Callback<QList<Machine>> done)
{
    regionsInScope([this, done](Result<QStringList> regions) {
        if (!regions.ok())
            return done(regions.error());
        PerRegion<Machine> describe = [this](const QString &region,
                                             const Callback<QList<Machine>> &regionDone) {
            describeAll<Machine>(
                region, QStringLiteral("DescribeInstances"),
                {{QStringLiteral("MaxResults"), QString::number(m_pageSize)}},
                [region](const QByteArray &xml) { return AwsParser::instances(xml, region); },
                [this, region, regionDone](Result<QList<Machine>> machines) {
                    if (!machines.ok())
                        return regionDone(std::move(machines));
                    // The region's volumes and its AMIs' users before its listing is handed on:
                    // the volumes' prices are asked with the instances' after every region is in.
                    auto listed = std::make_shared<QList<Machine>>(machines.takeValue());
                    auto finish = [this, listed, regionDone] {
                        applyImageUsers(*listed);
                        regionDone(std::move(*listed));
                    };
                    auto users = [this, region, listed, finish] {
                        describeImageUsers(region, *listed, finish);
                    };
                    if (wantsVolumes(*listed))
                        return listVolumes(region, users);
                    users();
                });
        };
        eachRegion<Machine>(regions.value(), describe,
                            [this, done](Result<QList<Machine>> machines) {
                                if (!machines.ok())
                                    return done(machines.error());
                                for (Machine &machine : machines.value()) {
                                    machine.accountId = account().id;
                                    m_instanceRegions.insert(machine.id, machine.region);
                                }
                                priceMachines(machines.takeValue(), done);
                            });
    });
}

void AwsProvider::regionOf(const QString &instanceId, const Callback<QString> &done)
{
    if (const auto it = m_instanceRegions.constFind(instanceId); it != m_instanceRegions.constEnd())
        return post([done, region = *it] { done(region); });
    regionsInScope([this, instanceId, done](Result<QStringList> regions) {
        if (!regions.ok())
            return done(regions.error());
        // The id exists in one region; asking with a filter (not InstanceId.1, which is an
        // error everywhere else) gives an empty answer in the others.
        PerRegion<QString> search = [this, instanceId](const QString &region,
                                                       Callback<QList<QString>> regionDone) {
            describeAll<QString>(
                region, QStringLiteral("DescribeInstances"),
                {{QStringLiteral("Filter.1.Name"), QStringLiteral("instance-id")},
                 {QStringLiteral("Filter.1.Value.1"), instanceId}},
                [region](const QByteArray &xml) -> Result<AwsParser::Page<QString>> {
                    const auto page = AwsParser::instances(xml, region);
                    if (!page.ok())
                        return page.error();
                    return AwsParser::Page<QString> {
                        page.value().items.isEmpty() ? QStringList() : QStringList {region},
                        page.value().nextToken};
                },
                std::move(regionDone));
        };
        eachRegion<QString>(
            regions.value(), search, [this, instanceId, done](Result<QList<QString>> found) {
                if (!found.ok())
                    return done(found.error());
                if (found.value().isEmpty()) {
                    return done(Error(Error::NotFound,
                                      tr("No instance %1 in this account's regions. It may "
                                         "have been terminated and removed already.")
                                          .arg(instanceId)));
                }
                m_instanceRegions.insert(instanceId, found.value().first());
                done(found.value().first());
            });
    });
}

void AwsProvider::runAction(const QString &machineId, MachineAction::Action action,
                            Callback<void> done)
{
    struct Call
    {
        QString action;
        QString responseRoot;
    };
    static const QHash<MachineAction::Action, Call> calls = {
        {MachineAction::Start,
         {QStringLiteral("StartInstances"), QStringLiteral("StartInstancesResponse")}},
        {MachineAction::Shutdown,
         {QStringLiteral("StopInstances"), QStringLiteral("StopInstancesResponse")}},
        {MachineAction::PowerOff,
         {QStringLiteral("StopInstances"), QStringLiteral("StopInstancesResponse")}},
        {MachineAction::Reboot,
         {QStringLiteral("RebootInstances"), QStringLiteral("RebootInstancesResponse")}},
        {MachineAction::Destroy,
         {QStringLiteral("TerminateInstances"), QStringLiteral("TerminateInstancesResponse")}},
    };
    // The id goes into the form body rather than a path, but it still names the one instance to
    // act on: "i-0abc…&InstanceId.2=…" must be refused, not sent.
    const Result<void> id = ResourceId::check(ResourceId::Opaque, machineId, tr("AWS instance id"));
    if (!id.ok())
        return failLater(id.error(), std::move(done));
    const Call call = calls.value(action);
    regionOf(machineId, [this, machineId, action, call, done](Result<QString> region) {
        if (!region.ok())
            return done(region.error());
        Params params = {{QStringLiteral("InstanceId.1"), machineId}};
        // Force skips the guest's orderly shutdown: EC2's "power off".
        if (action == MachineAction::PowerOff)
            params.append({QStringLiteral("Force"), QStringLiteral("true")});
        qCInfo(lcAws) << "instance" << machineId << call.action << "in" << region.value()
                      << (action == MachineAction::PowerOff ? "(forced)" : "");
        this->call(region.value(), call.action, params,
                   [machineId, call, done](Result<QByteArray> body) {
                       if (!body.ok())
                           return done(body.error());
                       const Result<QString> state =
                           AwsParser::stateChange(body.value(), call.responseRoot, machineId);
                       done(state.ok() ? Result<void>() : Result<void>(state.error()));
                   });
    });
}

void AwsProvider::createMachine(const CreateMachineRequest &request, Callback<Machine> done)
{
    const QString region = request.region.isEmpty() ? homeRegion() : request.region;
    Result<Params> params =
        isRegionId(region)
            ? AwsRunInstances::params(request, QUuid::createUuid().toString(QUuid::WithoutBraces))
            : Result<Params>(
                Error(Error::InvalidInput,
                      tr("\"%1\" is not an AWS region id such as us-east-1.").arg(region)));
    if (!params.ok())
        return failLater(params.error(), std::move(done));

    qCInfo(lcAws) << "RunInstances" << request.size << request.image << "in" << region;
    call(region, QStringLiteral("RunInstances"), params.value(),
         [this, region, request, done](Result<QByteArray> body) {
             if (!body.ok())
                 return done(body.error());
             Result<Machine> machine = AwsParser::runInstances(body.value(), region);
             if (!machine.ok())
                 return done(machine.error());
             Machine created = machine.takeValue();
             created.accountId = account().id;
             if (created.providerState == QLatin1String("pending"))
                 created.state = MachineState::Pending; // just launched: being created
             if (created.name == created.id && !request.name.isEmpty())
                 created.name = request.name; // RunInstances need not echo the tags
             m_instanceRegions.insert(created.id, region);
             done(created);
         });
}
