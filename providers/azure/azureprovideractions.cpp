// AzureProvider's actions: each a long-running operation, accepted by runAction() and followed by
// followAction().
#include "azureprovider.h"
#include "azurerequests.h"

namespace {

struct Verb
{
    QByteArray method;
    QString suffix; ///< after the VM's path
    QList<std::pair<QString, QString>> query;
    const char *words; ///< "start the virtual machine", for messages
};

Verb verbFor(MachineAction::Action action)
{
    switch (action) {
    case MachineAction::Start:
        return {"POST", QStringLiteral("/start"), {}, "start the virtual machine"};
    case MachineAction::Shutdown:
        // What the portal calls Stop: shut down and release the compute, so billing stops.
        return {"POST", QStringLiteral("/deallocate"), {}, "stop (deallocate) the virtual machine"};
    case MachineAction::PowerOff:
        // Forced: no guest shutdown. The VM stays allocated (and billed).
        return {"POST",
                QStringLiteral("/powerOff"),
                {{QStringLiteral("skipShutdown"), QStringLiteral("true")}},
                "power off the virtual machine"};
    case MachineAction::Reboot:
        return {"POST", QStringLiteral("/restart"), {}, "restart the virtual machine"};
    case MachineAction::Destroy:
        return {"DELETE", QString(), {}, "delete the virtual machine"};
    }
    return {};
}

} // namespace

void AzureProvider::runAction(const QString &machineId, MachineAction::Action action,
                              Callback<void> done)
{
    const Result<AzureRequests::Ref> ref = AzureRequests::vm(machineId);
    if (!ref.ok())
        return failLater(ref.error(), std::move(done));
    const Verb verb = verbFor(action);
    const QString path = AzureRequests::path(ref.value(), QStringLiteral("Microsoft.Compute"),
                                             QStringLiteral("virtualMachines"))
                         + verb.suffix;
    HttpRequest request =
        HttpRequest::make(verb.method, armUrl(path, AzureRequests::computeVersion, verb.query));
    // Asking twice for the same power state changes nothing, and a DELETE of a VM being deleted
    // joins that deletion: safe to retry.
    request.idempotent = true;
    m_operations.remove(machineId);
    const QUrl base = baseUrl();
    const QString words = tr(verb.words);
    sendAuthorized(request, [this, machineId, base, words, done](Result<HttpResponse> reply) {
        if (!reply.ok())
            return done(reply.error());
        const Result<std::optional<AzureOperation::Handle>> handle =
            AzureOperation::fromReply(reply.value(), base);
        if (!handle.ok())
            return done(handle.error());
        if (handle.value()) {
            m_operations.insert(machineId, *handle.value());
            m_actionWords.insert(machineId, words);
        }
        done({});
    });
}

void AzureProvider::followAction(const QString &machineId, MachineAction::Action action,
                                 Callback<void> done)
{
    Q_UNUSED(action)
    const auto handle = m_operations.constFind(machineId);
    if (handle == m_operations.constEnd())
        return post([done] { done({}); }); // completed at once, or followed already
    // A copy, not a reference: the entry is erased below.
    // NOLINTNEXTLINE(performance-unnecessary-copy-initialization)
    const AzureOperation::Handle followed = *handle;
    const QString words = m_actionWords.take(machineId);
    m_operations.erase(handle);
    AzureOperation::follow(
        this,
        [this](const HttpRequest &request, Callback<HttpResponse> sent) {
            sendAuthorized(request, std::move(sent));
        },
        followed, m_timing, words, done);
}

void AzureProvider::runOperation(const HttpRequest &request, const QString &what,
                                 const Callback<void> &done)
{
    const QUrl base = baseUrl();
    sendAuthorized(request, [this, base, what, done](Result<HttpResponse> reply) {
        if (!reply.ok())
            return done(reply.error());
        const Result<std::optional<AzureOperation::Handle>> handle =
            AzureOperation::fromReply(reply.value(), base);
        if (!handle.ok())
            return done(handle.error());
        if (!handle.value())
            return done({});
        AzureOperation::follow(
            this,
            [this](const HttpRequest &next, Callback<HttpResponse> sent) {
                sendAuthorized(next, std::move(sent));
            },
            *handle.value(), m_timing, what, done);
    });
}
