// AzureProvider's catalogs (locations, sizes, images, SSH keys) and what creation picks from them
// (the subnet, the keys). Creation itself is in azureprovidercreate.cpp.
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
            [this, location, done](Result<QList<Size>> sizes) {
                if (!sizes.ok())
                    return done(sizes.error());
                // The wizard asks for sizes before the image: which meter applies is not
                // known yet, so Linux's, and the size says so.
                m_prices->applyToSizes(location, sizes.takeValue(), std::nullopt, done);
            });
    });
}

void AzureProvider::listImages(Callback<QList<Image>> done)
{
    post([done] { done(AzureRequests::curatedImages()); });
}

void AzureProvider::listSshKeys(Callback<QList<SshKey>> done)
{
    subscriptionsInScope([this, done = std::move(done)](Result<QStringList> subscriptions) mutable {
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

void AzureProvider::resolveKeys(const QStringList &wanted, const Callback<QStringList> &done)
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
