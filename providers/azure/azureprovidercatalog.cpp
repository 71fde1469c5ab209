// AzureProvider's catalogs (locations, sizes, images, SSH keys) and machine creation.
#include "azureprovider.h"
#include "azurerequests.h"
#include "regionfanout.h"

#include <QJsonDocument>
#include <algorithm>

void AzureProvider::listRegions(Callback<QList<Region>> done)
{
    subscriptionsInScope([this, done](Result<QStringList> subscriptions) {
        if (!subscriptions.ok())
            return done(subscriptions.error());
        if (subscriptions.value().isEmpty())
            return post([done] { done(QList<Region>()); });
        list<Region>(
            QStringLiteral("/subscriptions/%1/locations").arg(subscriptions.value().first()),
            AzureRequests::subscriptionsVersion, {}, &AzureParser::locations,
            [done](Result<QList<Region>> regions) {
                if (!regions.ok())
                    return done(regions.error());
                QList<Region> physical;
                for (const Region &region : regions.value()) {
                    if (region.available)
                        physical.append(region);
                }
                done(physical);
            });
    });
}

void AzureProvider::listSizes(Callback<QList<Size>> done)
{
    const QString location =
        account().regions.isEmpty() ? QStringLiteral("eastus") : account().regions.first();
    if (!AzureRequests::isResourceName(location))
        return failLater(Error(Error::InvalidInput,
                               tr("\"%1\" is not an Azure location such as eastus.").arg(location)),
                         std::move(done));
    subscriptionsInScope([this, location, done](Result<QStringList> subscriptions) {
        if (!subscriptions.ok())
            return done(subscriptions.error());
        if (subscriptions.value().isEmpty())
            return post([done] { done(QList<Size>()); });
        list<Size>(
            QStringLiteral("/subscriptions/%1/providers/Microsoft.Compute/locations/%2/vmSizes")
                .arg(subscriptions.value().first(), location),
            AzureRequests::computeVersion, {},
            [location](const QJsonObject &page) { return AzureParser::vmSizes(page, location); },
            std::move(done));
    });
}

void AzureProvider::listImages(Callback<QList<Image>> done)
{
    post([done] { done(AzureRequests::curatedImages()); });
}

void AzureProvider::listSshKeys(Callback<QList<SshKey>> done)
{
    subscriptionsInScope([this, done](Result<QStringList> subscriptions) {
        if (!subscriptions.ok())
            return done(subscriptions.error());
        if (subscriptions.value().isEmpty())
            return post([done] { done(QList<SshKey>()); });
        RegionFanOut::run<SshKey>(
            subscriptions.value(),
            [this](const QString &subscription, Callback<QList<SshKey>> listed) {
                list<SshKey>(
                    QStringLiteral("/subscriptions/%1/providers/Microsoft.Compute/sshPublicKeys")
                        .arg(subscription),
                    AzureRequests::computeVersion, {}, &AzureParser::sshKeys, std::move(listed));
            },
            std::move(done));
    });
}

void AzureProvider::resolveKeys(const QStringList &wanted, Callback<QStringList> done)
{
    // A key is either its text ("ssh-ed25519 AAAA...") or a stored SSH public key resource.
    QStringList direct;
    bool needList = false;
    for (const QString &key : wanted) {
        if (key.startsWith(QLatin1String("ssh-")) || key.startsWith(QLatin1String("ecdsa-")))
            direct.append(key);
        else
            needList = true;
    }
    if (!needList)
        return post([done, direct] { done(direct); });
    listSshKeys([wanted, direct, done](Result<QList<SshKey>> keys) {
        if (!keys.ok())
            return done(keys.error());
        QStringList resolved = direct;
        for (const QString &key : wanted) {
            if (direct.contains(key))
                continue;
            const auto found = std::find_if(
                keys.value().begin(), keys.value().end(), [&key](const SshKey &candidate) {
                    return candidate.id.compare(key, Qt::CaseInsensitive) == 0
                           || candidate.name == key;
                });
            if (found == keys.value().end() || found->publicKey.isEmpty())
                return done(Error(Error::InvalidInput,
                                  tr("No SSH public key \"%1\" in Azure. Give its name, its id "
                                     "or the key itself.")
                                      .arg(key.left(100))));
            resolved.append(found->publicKey);
        }
        done(resolved);
    });
}

void AzureProvider::pickSubnet(const CreateMachineRequest &request, const QString &subscription,
                               Callback<AzureParser::Subnet> done)
{
    const QString wanted = request.extra.value(QStringLiteral("network")).toString().trimmed();
    if (wanted.startsWith(QLatin1Char('/'))) {
        const Result<AzureRequests::Ref> ref = AzureRequests::subnet(wanted);
        if (!ref.ok())
            return failLater(ref.error(), std::move(done));
        return post([done, wanted, request] {
            done(AzureParser::Subnet {wanted,
                                      wanted.section(QLatin1Char('/'), 8, 8) + QLatin1Char('/')
                                          + wanted.section(QLatin1Char('/'), -1),
                                      request.region});
        });
    }
    list<AzureParser::Subnet>(
        QStringLiteral("/subscriptions/%1/providers/Microsoft.Network/virtualNetworks")
            .arg(subscription),
        AzureRequests::networkVersion, {}, &AzureParser::subnets,
        [this, wanted, request, done](Result<QList<AzureParser::Subnet>> subnets) {
            if (!subnets.ok())
                return done(subnets.error());
            QList<AzureParser::Subnet> candidates;
            for (const AzureParser::Subnet &subnet : subnets.value()) {
                if (subnet.location.compare(request.region, Qt::CaseInsensitive) == 0
                    && (wanted.isEmpty() || subnet.name == wanted))
                    candidates.append(subnet);
            }
            std::sort(candidates.begin(), candidates.end(),
                      [](const auto &a, const auto &b) { return a.name < b.name; });
            if (candidates.isEmpty())
                return done(Error(Error::InvalidInput,
                                  wanted.isEmpty()
                                      ? tr("No virtual network in %1. Create one (with a subnet) "
                                           "in the portal, or choose another region.")
                                            .arg(request.region)
                                      : tr("No subnet \"%1\" in %2 (give it as vnet/subnet or as "
                                           "its id).")
                                            .arg(wanted.left(100), request.region)));
            Q_UNUSED(this)
            done(candidates.first());
        });
}

void AzureProvider::createMachine(const CreateMachineRequest &request, Callback<Machine> done)
{
    const Result<AzureRequests::ImageRef> image = AzureRequests::image(request.image);
    if (!image.ok())
        return failLater(image.error(), std::move(done));
    if (image.value().windows)
        return failLater(Error(Error::Unsupported,
                               tr("Windows VMs need an administrator password, which CloudDeck "
                                  "does not handle: create them in the Azure portal.")),
                         std::move(done));
    const QString name = request.name.trimmed();
    if (!AzureRequests::isResourceName(name) || !AzureRequests::isResourceName(request.region)
        || !AzureRequests::isResourceName(request.size))
        return failLater(Error(Error::InvalidInput, tr("The name, region or size is not one Azure "
                                                       "accepts.")),
                         std::move(done));
    if (request.sshKeys.isEmpty())
        return failLater(Error(Error::InvalidInput,
                               tr("Azure Linux VMs from CloudDeck sign in with SSH keys only: "
                                  "choose at least one key.")),
                         std::move(done));
    subscriptionsInScope([this, request, name, image = image.value(),
                          done](Result<QStringList> subscriptions) {
        if (!subscriptions.ok())
            return done(subscriptions.error());
        QString subscription = request.extra.value(QStringLiteral("subscription")).toString();
        if (subscription.isEmpty() && !subscriptions.value().isEmpty())
            subscription = subscriptions.value().first();
        if (!AzureRequests::isSubscriptionId(subscription))
            return done(
                Error(Error::InvalidInput, tr("No Azure subscription to create the VM in.")));
        resolveKeys(request.sshKeys, [this, request, name, image, subscription,
                                      done](Result<QStringList> keys) {
            if (!keys.ok())
                return done(keys.error());
            pickSubnet(
                request, subscription,
                [this, request, name, image, keys = keys.value(),
                 done](Result<AzureParser::Subnet> subnet) {
                    if (!subnet.ok())
                        return done(subnet.error());
                    const Result<AzureRequests::Ref> place =
                        AzureRequests::subnet(subnet.value().id);
                    if (!place.ok())
                        return done(place.error());
                    // The NIC, its public IP and the VM go into the resource group the user
                    // chose (extra "resourceGroup"), else the virtual network's.
                    QString group =
                        request.extra.value(QStringLiteral("resourceGroup")).toString().trimmed();
                    if (group.isEmpty())
                        group = place.value().resourceGroup;
                    if (!AzureRequests::isResourceGroup(group))
                        return done(
                            Error(Error::InvalidInput,
                                  tr("\"%1\" is not a resource group name.").arg(group.left(100))));
                    const AzureRequests::Ref ip {place.value().subscription, group,
                                                 name + QLatin1String("-ip")};
                    const AzureRequests::Ref nic {ip.subscription, ip.resourceGroup,
                                                  name + QLatin1String("-nic")};
                    const AzureRequests::Ref vm {ip.subscription, ip.resourceGroup, name};
                    const QString ipPath =
                        AzureRequests::path(ip, QStringLiteral("Microsoft.Network"),
                                            QStringLiteral("publicIPAddresses"));
                    const QString nicPath =
                        AzureRequests::path(nic, QStringLiteral("Microsoft.Network"),
                                            QStringLiteral("networkInterfaces"));
                    const QString vmPath = AzureRequests::path(
                        vm, QStringLiteral("Microsoft.Compute"), QStringLiteral("virtualMachines"));
                    const QString subnetId = subnet.value().id;
                    // PUT is idempotent by definition: a retry updates what the first one created.
                    HttpRequest putIp = HttpRequest::json(
                        "PUT", armUrl(ipPath, AzureRequests::networkVersion),
                        QJsonDocument(AzureRequests::publicIp(request.region, request.tags)));
                    runOperation(
                        putIp, tr("create the public IP address"), [=, this](Result<void> ipMade) {
                            if (!ipMade.ok())
                                return done(ipMade.error());
                            const QString ipId = ipPath;
                            HttpRequest putNic = HttpRequest::json(
                                "PUT", armUrl(nicPath, AzureRequests::networkVersion),
                                QJsonDocument(AzureRequests::networkInterface(
                                    request.region, subnetId, ipId, request.tags)));
                            runOperation(
                                putNic, tr("create the network interface"),
                                [=, this](Result<void> nicMade) {
                                    if (!nicMade.ok()) {
                                        deleteQuietly(ipPath, AzureRequests::networkVersion);
                                        return done(nicMade.error());
                                    }
                                    HttpRequest putVm = HttpRequest::json(
                                        "PUT", armUrl(vmPath, AzureRequests::computeVersion),
                                        QJsonDocument(AzureRequests::virtualMachine(
                                            request, image, nicPath, keys)));
                                    sendAuthorized(putVm, [=, this](Result<HttpResponse> created) {
                                        const Result<QJsonObject> body =
                                            created.ok() ? created.value().jsonObject()
                                                         : Result<QJsonObject>(created.error());
                                        const Result<QList<AzureParser::Vm>> parsed =
                                            body.ok()
                                                ? AzureParser::virtualMachines(
                                                    QJsonObject {{QStringLiteral("value"),
                                                                  QJsonArray {body.value()}}})
                                                : Result<QList<AzureParser::Vm>>(body.error());
                                        if (!parsed.ok() || parsed.value().isEmpty()) {
                                            // Refused: the NIC and the IP would be left to bill and
                                            // clutter.
                                            qCInfo(lcAzure)
                                                << "VM refused, removing its NIC and public IP";
                                            HttpRequest dropNic = HttpRequest::make(
                                                "DELETE",
                                                armUrl(nicPath, AzureRequests::networkVersion));
                                            dropNic.idempotent = true;
                                            runOperation(
                                                dropNic, tr("clean up the network interface"),
                                                [this, ipPath](Result<void>) {
                                                    deleteQuietly(ipPath,
                                                                  AzureRequests::networkVersion);
                                                });
                                            return done(parsed.ok() ? Error(
                                                            Error::InvalidReply,
                                                            tr("Azure answered the VM creation "
                                                               "without the VM."))
                                                                    : parsed.error());
                                        }
                                        Machine machine = parsed.value().first().machine;
                                        machine.accountId = account().id;
                                        machine.providerId = metadata().id;
                                        machine.state = MachineState::Pending;
                                        done(machine);
                                    });
                                });
                        });
                });
        });
    });
}
