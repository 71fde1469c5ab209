// AzureProvider's machine creation: a public IP, a NIC and the VM (Network 2024-05-01
// publicIpAddress.json / networkInterface.json, Compute 2024-07-01 virtualMachine.json
// VirtualMachines_CreateOrUpdate), the VM's long-running operation followed to its end, and what
// was made for a VM that Azure refused or failed deleted again. Linux VMs sign in with SSH keys,
// Windows VMs with the administrator password the user typed.
#include "azureprovider.h"
#include "azurerequests.h"

#include <QJsonArray>
#include <QJsonDocument>

/// Everything one creation carries from step to step. The request may hold the Windows
/// administrator password: it lives here, in memory, until the VM's PUT is sent and the
/// creation ends, and is never logged.
struct AzureProvider::Creation
{
    CreateMachineRequest request;
    AzureRequests::ImageRef image;
    QStringList keys;
    QString subnetId;
    Made ip;
    Made nic;
    Made vm;
    Callback<Machine> done;
};

void AzureProvider::createMachine(const CreateMachineRequest &request, Callback<Machine> done)
{
    const Result<AzureRequests::ImageRef> image = AzureRequests::image(request.image);
    if (!image.ok())
        return failLater(image.error(), std::move(done));
    const bool windows = image.value().windows;
    if (windows && request.adminPassword.isEmpty())
        return failLater(Error(Error::InvalidInput,
                               tr("Windows VMs need an administrator password: type one for "
                                  "the user %1.")
                                   .arg(AzureRequests::adminUser)),
                         std::move(done));
    if (windows) {
        if (const QString problem =
                CreateMachineRequest::windowsPasswordProblem(request.adminPassword);
            !problem.isEmpty())
            return failLater(Error(Error::InvalidInput, problem), std::move(done));
    }
    if (!windows && !request.adminPassword.isEmpty())
        return failLater(Error(Error::InvalidInput,
                               tr("An administrator password is for Windows images only: Linux "
                                  "VMs from CloudDeck sign in with SSH keys.")),
                         std::move(done));
    const QString name = request.name.trimmed();
    if (!AzureRequests::isResourceName(name) || !AzureRequests::isResourceName(request.region)
        || !AzureRequests::isResourceName(request.size))
        return failLater(Error(Error::InvalidInput, tr("The name, region or size is not one Azure "
                                                       "accepts.")),
                         std::move(done));
    if (!windows && request.sshKeys.isEmpty())
        return failLater(Error(Error::InvalidInput,
                               tr("Azure Linux VMs from CloudDeck sign in with SSH keys only: "
                                  "choose at least one key.")),
                         std::move(done));
    auto creation = std::make_shared<Creation>();
    creation->request = request;
    creation->request.name = name;
    creation->image = image.value();
    creation->done = std::move(done);
    subscriptionsInScope([this, creation](Result<QStringList> subscriptions) {
        if (!subscriptions.ok())
            return creation->done(subscriptions.error());
        QString subscription =
            creation->request.extra.value(QStringLiteral("subscription")).toString();
        if (subscription.isEmpty() && !subscriptions.value().isEmpty())
            subscription = subscriptions.value().first();
        if (!AzureRequests::isSubscriptionId(subscription))
            return creation->done(
                Error(Error::InvalidInput, tr("No Azure subscription to create the VM in.")));
        // Windows signs in with the password: Azure provisions no SSH keys on it.
        const QStringList wanted =
            creation->image.windows ? QStringList() : creation->request.sshKeys;
        resolveKeys(wanted, [this, creation, subscription](Result<QStringList> keys) {
            if (!keys.ok())
                return creation->done(keys.error());
            creation->keys = keys.value();
            pickSubnet(creation->request, subscription,
                       [this, creation](Result<AzureParser::Subnet> subnet) {
                           if (!subnet.ok())
                               return creation->done(subnet.error());
                           creation->subnetId = subnet.value().id;
                           createInSubnet(creation);
                       });
        });
    });
}

void AzureProvider::createInSubnet(const std::shared_ptr<Creation> &creation)
{
    const Result<AzureRequests::Ref> place = AzureRequests::subnet(creation->subnetId);
    if (!place.ok())
        return creation->done(place.error());
    // The NIC, its public IP and the VM go into the resource group the user chose (extra
    // "resourceGroup"), else the virtual network's.
    const CreateMachineRequest &request = creation->request;
    QString group = request.extra.value(QStringLiteral("resourceGroup")).toString().trimmed();
    if (group.isEmpty())
        group = place.value().resourceGroup;
    if (!AzureRequests::isResourceGroup(group))
        return creation->done(Error(
            Error::InvalidInput, tr("\"%1\" is not a resource group name.").arg(group.left(100))));
    const QString subscription = place.value().subscription;
    auto made = [&](const QString &name, const char *provider, const char *type,
                    const QString &version, const QString &words) {
        return Made {AzureRequests::path({subscription, group, name}, QLatin1String(provider),
                                         QLatin1String(type)),
                     version, words.arg(name)};
    };
    creation->ip =
        made(request.name + QLatin1String("-ip"), "Microsoft.Network", "publicIPAddresses",
             AzureRequests::networkVersion, tr("the public IP address %1"));
    creation->nic =
        made(request.name + QLatin1String("-nic"), "Microsoft.Network", "networkInterfaces",
             AzureRequests::networkVersion, tr("the network interface %1"));
    creation->vm = made(request.name, "Microsoft.Compute", "virtualMachines",
                        AzureRequests::computeVersion, tr("the virtual machine %1"));
    // PUT is idempotent by definition: a retry updates what the first one created.
    const HttpRequest putIp =
        HttpRequest::json("PUT", armUrl(creation->ip.path, AzureRequests::networkVersion),
                          QJsonDocument(AzureRequests::publicIp(request.region, request.tags)));
    runOperation(putIp, tr("create the public IP address"),
                 [this, creation](const Result<void> &ipMade) {
                     if (!ipMade.ok())
                         return creation->done(ipMade.error());
                     const CreateMachineRequest &request = creation->request;
                     const HttpRequest putNic = HttpRequest::json(
                         "PUT", armUrl(creation->nic.path, AzureRequests::networkVersion),
                         QJsonDocument(AzureRequests::networkInterface(
                             request.region, creation->subnetId, creation->ip.path, request.tags)));
                     runOperation(putNic, tr("create the network interface"),
                                  [this, creation](const Result<void> &nicMade) {
                                      if (!nicMade.ok())
                                          return failCreation(nicMade.error(), {creation->ip},
                                                              creation->done);
                                      createVm(creation);
                                  });
                 });
}

void AzureProvider::createVm(const std::shared_ptr<Creation> &creation)
{
    const HttpRequest putVm = HttpRequest::json(
        "PUT", armUrl(creation->vm.path, AzureRequests::computeVersion),
        QJsonDocument(AzureRequests::virtualMachine(creation->request, creation->image,
                                                    creation->nic.path, creation->keys)));
    sendAuthorized(putVm, [this, creation](Result<HttpResponse> created) {
        const Result<QJsonObject> body =
            created.ok() ? created.value().jsonObject() : Result<QJsonObject>(created.error());
        const Result<QList<AzureParser::Vm>> parsed =
            body.ok() ? AzureParser::virtualMachines(
                QJsonObject {{QStringLiteral("value"), QJsonArray {body.value()}}})
                      : Result<QList<AzureParser::Vm>>(body.error());
        if (!parsed.ok() || parsed.value().isEmpty()) {
            // Refused: the NIC and the IP would be left to bill and clutter. No VM was made.
            qCInfo(lcAzure) << "VM refused, removing its NIC and public IP";
            return failCreation(parsed.ok() ? Error(Error::InvalidReply,
                                                    tr("Azure answered the VM creation without "
                                                       "the VM."))
                                            : parsed.error(),
                                {creation->nic, creation->ip}, creation->done);
        }
        Machine machine = parsed.value().first().machine;
        machine.accountId = account().id;
        machine.providerId = metadata().id;
        // Running once the operation succeeds, but the listing is what confirms it: pending keeps
        // the account polled fast until then.
        machine.state = MachineState::Pending;
        const Result<std::optional<AzureOperation::Handle>> handle =
            AzureOperation::fromReply(created.value(), baseUrl());
        if (!handle.ok()) {
            // Accepted, but with nothing CloudDeck may follow: the listing will tell.
            qCWarning(lcAzure).noquote() << "VM accepted;" << handle.error().message();
            return creation->done(machine);
        }
        if (!handle.value())
            return creation->done(machine);
        followVm(creation, machine, *handle.value());
    });
}

void AzureProvider::followVm(const std::shared_ptr<Creation> &creation, const Machine &machine,
                             const AzureOperation::Handle &handle)
{
    AzureOperation::followEnd(
        this,
        [this](const HttpRequest &request, Callback<HttpResponse> sent) {
            sendAuthorized(request, std::move(sent));
        },
        handle, m_timing, tr("create the virtual machine"),
        [this, creation, machine](AzureOperation::End end, const Error &error) {
            switch (end) {
            case AzureOperation::End::Succeeded:
                return creation->done(machine);
            case AzureOperation::End::Unknown:
                // Still running at the deadline, or a look that failed: the VM may well come up,
                // so nothing is deleted and the listing shows how it went.
                qCInfo(lcAzure).noquote() << "could not see the end of creating"
                                          << creation->vm.path << ":" << error.message();
                return creation->done(machine);
            case AzureOperation::End::Failed:
                break;
            }
            // Azure accepted the VM and then failed it: the VM resource stays, in provisioning
            // state Failed, holding the NIC that holds the IP, all three billed or counted
            // against quota. Deleted in that order (a NIC in use cannot go, nor an IP).
            qCInfo(lcAzure).noquote() << "creating" << creation->vm.path << "failed ("
                                      << error.providerCode() << "), removing it, its NIC and IP";
            failCreation(error, {creation->vm, creation->nic, creation->ip}, creation->done);
        });
}

void AzureProvider::deleteInOrder(QList<Made> made,
                                  const std::function<void(QStringList left, Error error)> &done)
{
    if (made.isEmpty())
        return post([done] { done({}, {}); });
    const Made first = made.takeFirst();
    HttpRequest request = HttpRequest::make("DELETE", armUrl(first.path, first.version));
    request.idempotent = true;
    qCInfo(lcAzure).noquote() << "cleaning up" << first.path;
    runOperation(request, tr("delete %1").arg(first.name),
                 [this, first, made, done](const Result<void> &deleted) {
                     // Gone already is what was wanted (the VM's deleteOption may have taken the
                     // NIC and the IP with it).
                     if (deleted.ok() || deleted.error().kind() == Error::NotFound)
                         return deleteInOrder(made, done);
                     qCWarning(lcAzure).noquote()
                         << "could not delete" << first.path << ":" << deleted.error().message();
                     QStringList left {first.name};
                     for (const Made &rest : made)
                         left.append(rest.name);
                     done(left, deleted.error());
                 });
}

void AzureProvider::failCreation(const Error &error, QList<Made> made,
                                 const Callback<Machine> &done)
{
    QStringList names;
    for (const Made &one : std::as_const(made))
        names.append(one.name);
    deleteInOrder(std::move(made), [error, names, done](QStringList left, const Error &cleanup) {
        const QString after =
            left.isEmpty()
                ? tr("CloudDeck deleted what it had made for it: %1.")
                      .arg(names.join(QStringLiteral(", ")))
                : tr("CloudDeck could not delete %1 (%2). These are left in Azure and may be "
                     "billed: delete them in the Azure portal.")
                      .arg(left.join(QStringLiteral(", ")), cleanup.message());
        Error reported(error.kind(), error.message() + QLatin1Char(' ') + after,
                       error.httpStatus());
        reported.setProviderCode(error.providerCode());
        reported.setRetryAfterSeconds(error.retryAfterSeconds());
        done(reported);
    });
}
