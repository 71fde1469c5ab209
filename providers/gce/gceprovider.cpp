#include "gceprovider.h"

#include "bearertoken.h"
#include "jsoncall.h"
#include "oauthtoken.h"
#include "resourceid.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QUuid>

Q_LOGGING_CATEGORY(lcGce, "clouddeck.provider.gce", QtInfoMsg)

namespace {
/// Project ids and names as the Discovery document's path patterns have them.
bool isProjectId(const QString &project)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(?:(?:[-a-z0-9]{1,63}\\.)*(?:[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?):)?"
                       "(?:[0-9]{1,19}|(?:[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?))$"));
    return pattern.match(project).hasMatch();
}
} // namespace

bool GceProvider::isName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$"));
    return pattern.match(name).hasMatch();
}

GceProvider::GceProvider(const ProviderMetadata &metadata, const Account &account,
                         const QVariantMap &secrets, QObject *parent)
    : Provider(metadata, account, secrets, parent)
    , m_credentials(account, secrets)
    , m_clock([] { return QDateTime::currentSecsSinceEpoch(); })
    , m_operations(this, {500, 5000, 10 * 60 * 1000})
{
    m_token = new OAuthToken(
        [this](Callback<OAuthToken::Token> done) {
            const Result<OAuthTokenEndpoint::Fields> grant = m_credentials.grant(m_clock());
            if (!grant.ok())
                return failLater(grant.error(), std::move(done));
            qCDebug(lcGce) << "token for" << m_credentials.who();
            OAuthTokenEndpoint::fetch(http(), m_credentials.tokenEndpoint(), grant.value(),
                                      std::move(done));
        },
        this);
    m_token->setTokenUrl(m_credentials.tokenEndpoint());
    // The bearer token goes to the Compute Engine endpoint (public image projects are paths on
    // it) and the Cloud Monitoring one only, never to the token endpoint.
    m_token->install(http(), {baseUrl(), monitoringBase()},
                     OAuthTokenEndpoint::errors(BearerToken::jsonErrors(&GceParser::error)));
}

GceProvider::~GceProvider() = default;

QUrl GceProvider::compute(const QString &path,
                          const QList<std::pair<QString, QString>> &query) const
{
    return url(QStringLiteral("/projects/%1%2").arg(m_credentials.projectId(), path), query);
}

Error GceProvider::checkAccount() const
{
    if (!isProjectId(m_credentials.projectId())) {
        return Error(Error::InvalidInput,
                     tr("\"%1\" is not a Google Cloud project id such as my-project-123456. "
                        "Edit the account.")
                         .arg(m_credentials.projectId()));
    }
    if (m_credentials.kind() == GceCredentials::None) {
        return Error(Error::CredentialsMissing,
                     tr("This Google Compute Engine account has no service-account key or "
                        "application default credentials. Edit the account and import the "
                        "JSON key file."));
    }
    return {};
}

void GceProvider::verify(Callback<QString> done)
{
    call<QString>(HttpRequest::get(compute(QString())), &GceParser::project,
                  [this, done](Result<QString> project) {
                      if (!project.ok())
                          return done(project.error());
                      done(tr("%1, project %2").arg(m_credentials.who(), project.value()));
                  });
}

void GceProvider::listInstances(Callback<QList<Machine>> done)
{
    // maxResults (0-500, default 500), pageToken and returnPartialSuccess are
    // compute.instances.aggregatedList's query parameters in the Discovery document.
    const QList<std::pair<QString, QString>> query = {
        {QStringLiteral("maxResults"), QString::number(m_pageSize)},
        {QStringLiteral("returnPartialSuccess"), QStringLiteral("true")}};
    pages<Machine>(QStringLiteral("/aggregated/instances"), query, &GceParser::instancesPage,
                   std::move(done));
}

void GceProvider::listMachines(Callback<QList<Machine>> done)
{
    struct Join
    {
        std::optional<Result<QList<Machine>>> machines;
        std::optional<Result<QList<GceParser::DiskImage>>> disks;
        Callback<QList<Machine>> done;
    };
    auto join = std::make_shared<Join>();
    join->done = std::move(done);
    auto finish = [this, join] {
        if (!join->machines || !join->disks)
            return;
        if (!join->machines->ok())
            return join->done(join->machines->error());
        QHash<QString, QString> images;
        if (join->disks->ok()) {
            for (const GceParser::DiskImage &disk : join->disks->value())
                images.insert(disk.id, disk.image);
        } else {
            qCInfo(lcGce) << "boot disk images unavailable:" << join->disks->error().message();
        }
        QList<Machine> machines = join->machines->takeValue();
        const QStringList scope = account().regions;
        QList<Machine> kept;
        m_seen.clear();
        for (Machine &machine : machines) {
            const QString zone = machine.extra.value(QStringLiteral("zone")).toString();
            m_seen.insert(machine.id, {zone, machine.providerState});
            if (!scope.isEmpty() && !scope.contains(machine.region) && !scope.contains(zone))
                continue;
            machine.accountId = account().id;
            const QString image =
                images.value(machine.extra.value(QStringLiteral("bootDisk")).toString());
            if (!image.isEmpty()) {
                machine.image = GceParser::lastSegment(image);
                machine.extra.insert(QStringLiteral("sourceImage"), GceParser::imagePath(image));
            }
            kept.append(std::move(machine));
        }
        join->done(std::move(kept));
    };
    listInstances([join, finish](Result<QList<Machine>> machines) {
        join->machines = std::move(machines);
        finish();
    });
    pages<GceParser::DiskImage>(QStringLiteral("/aggregated/disks"),
                                {{QStringLiteral("maxResults"), QString::number(m_pageSize)},
                                 {QStringLiteral("returnPartialSuccess"), QStringLiteral("true")}},
                                &GceParser::disksPage,
                                [join, finish](Result<QList<GceParser::DiskImage>> disks) {
                                    join->disks = std::move(disks);
                                    finish();
                                });
}

void GceProvider::zoneOf(const QString &machineId, const Callback<QString> &done)
{
    if (const auto it = m_seen.constFind(machineId); it != m_seen.constEnd())
        return post([done, zone = it->first] { done(zone); });
    listInstances([this, machineId, done](Result<QList<Machine>> machines) {
        if (!machines.ok())
            return done(machines.error());
        for (const Machine &machine : machines.value()) {
            m_seen.insert(machine.id, {machine.extra.value(QStringLiteral("zone")).toString(),
                                       machine.providerState});
        }
        const auto it = m_seen.constFind(machineId);
        if (it == m_seen.constEnd()) {
            return done(
                Error(Error::NotFound, tr("No instance %1 in project %2. It may have been deleted "
                                          "already.")
                                           .arg(machineId, m_credentials.projectId())));
        }
        done(it->first);
    });
}

Error GceProvider::checkInstanceId(const QString &machineId)
{
    // Instance ids are uint64 (up to 20 digits), beyond ResourceId::Numeric's qint64: the
    // Discovery document's own pattern for the {instance} path parameter's numeric form.
    static const QRegularExpression instanceId(QStringLiteral("^[1-9][0-9]{0,19}$"));
    if (instanceId.match(machineId).hasMatch())
        return {};
    return Error(Error::InvalidInput,
                 tr("“%1” is not a valid Compute Engine instance id.").arg(machineId.left(100)));
}

void GceProvider::runAction(const QString &machineId, MachineAction::Action action,
                            Callback<void> done)
{
    if (const Error error = checkInstanceId(machineId); error.isError())
        return failLater(error, std::move(done));
    if (action == MachineAction::PowerOff)
        return unsupported(tr("a forced power off (its stop is a graceful shutdown)"),
                           std::move(done));
    zoneOf(machineId, [this, machineId, action, done](Result<QString> zone) {
        if (!zone.ok())
            return done(zone.error());
        if (!isName(zone.value())) {
            return done(
                Error(Error::InvalidReply,
                      tr("Compute Engine named an invalid zone \"%1\".").arg(zone.value())));
        }
        const QString instance =
            QStringLiteral("/zones/%1/instances/%2").arg(zone.value(), machineId);
        // A suspended instance is woken with resume; start refuses it.
        const bool suspended = m_seen.value(machineId).second == QLatin1String("SUSPENDED");
        HttpRequest request;
        switch (action) {
        case MachineAction::Start:
            request = HttpRequest::make("POST", compute(instance
                                                        + (suspended ? QStringLiteral("/resume")
                                                                     : QStringLiteral("/start"))));
            break;
        case MachineAction::Shutdown:
        case MachineAction::PowerOff:
            request = HttpRequest::make("POST", compute(instance + QStringLiteral("/stop")));
            break;
        case MachineAction::Reboot:
            request = HttpRequest::make("POST", compute(instance + QStringLiteral("/reset")));
            break;
        case MachineAction::Destroy:
            request = HttpRequest::make("DELETE", compute(instance));
            break;
        }
        // Asking again for a state GCE is already heading to changes nothing.
        request.idempotent = true;
        qCInfo(lcGce) << "instance" << machineId << MachineAction::id(action) << "in"
                      << zone.value();
        call<GceParser::Operation>(
            request, &GceParser::operation,
            [this, machineId, action, done](Result<GceParser::Operation> operation) {
                if (!operation.ok())
                    return done(operation.error());
                const GceParser::Operation &accepted = operation.value();
                if (accepted.done() && !accepted.errorMessage.isEmpty()) {
                    return done(Error(Error::BadRequest,
                                      tr("Compute Engine refused to %1 the instance: %2")
                                          .arg(accepted.operationType, accepted.errorMessage)));
                }
                m_operations.forget(machineId);
                if (!accepted.done())
                    m_operations.accept(machineId,
                                        {accepted.zone, accepted.name, accepted.operationType});
                if (action == MachineAction::Destroy)
                    m_seen.remove(machineId);
                done({});
            });
    });
}

void GceProvider::checkOperation(const OperationHandle &handle, Callback<bool> done)
{
    if (!isName(handle.zone) || !ResourceId::isValid(ResourceId::Opaque, handle.name)) {
        return failLater(Error(Error::InvalidReply,
                               tr("Compute Engine returned an operation without a valid zone "
                                  "or name.")),
                         std::move(done));
    }
    // zoneOperations.wait returns when the operation is DONE or near a 2 minute deadline:
    // fewer polls than get, and no later than it. The document calls it best effort ("might
    // return after zero seconds"; "Be prepared to retry if the operation is not DONE"), so a
    // reply that is not DONE is only "not yet" and ActionFollower asks again.
    HttpRequest request = HttpRequest::make(
        "POST",
        compute(QStringLiteral("/zones/%1/operations/%2/wait").arg(handle.zone, handle.name)));
    request.idempotent = true; // it only waits
    request.timeoutMs = 150'000;
    call<GceParser::Operation>(
        request, &GceParser::operation, [handle, done](Result<GceParser::Operation> operation) {
            if (!operation.ok())
                return done(operation.error());
            if (!operation.value().done())
                return done(false);
            if (operation.value().errorMessage.isEmpty())
                return done(true);
            Error failed(Error::Server,
                         tr("Compute Engine could not %1 the instance: %2")
                             .arg(handle.operationType, operation.value().errorMessage),
                         operation.value().httpErrorStatusCode);
            failed.setProviderCode(operation.value().errorCode);
            done(failed);
        });
}

void GceProvider::followAction(const QString &machineId, MachineAction::Action, Callback<void> done)
{
    m_operations.follow(
        machineId,
        [this](const OperationHandle &handle, Callback<bool> checked) {
            checkOperation(handle, std::move(checked));
        },
        [this](const OperationHandle &handle) {
            // Worked out before tr(): Qt 6.4's lupdate loops on a division in its arguments.
            const int minutes = std::max(1, m_operations.timing().timeoutMs / 60'000);
            return Error(Error::Timeout,
                         tr("Compute Engine is still running %1 (operation %2) after %n "
                            "minute(s); the next refresh shows how it ended.",
                            nullptr, minutes)
                             .arg(handle.operationType, handle.name));
        },
        std::move(done));
}
