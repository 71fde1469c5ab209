#pragma once

// What the Proxmox VE tests share: an account with an API token pointed at a FakeProxmox
// (through ProviderTesting), and a provider that follows tasks quickly.

#include "fakeproxmox.h"
#include "providertesting.h"
#include "proxmoxprovider.h"
#include "testhelpers.h"

#include <memory>

namespace ProxmoxTesting {

inline const QString tokenId = QStringLiteral("clouddeck@pve!ci");
inline const QString secret = QStringLiteral("3f8c2a1e-7b4d-4e9a-9c1f-2d6b8e0a5c7f");
/// The header the fake expects, as the API documents it: PVEAPIToken=USER@REALM!TOKENID=SECRET.
inline const QByteArray authorization =
    "PVEAPIToken=clouddeck@pve!ci=3f8c2a1e-7b4d-4e9a-9c1f-2d6b8e0a5c7f";

inline ProviderMetadata metadata()
{
    return ProviderTesting::metadata(PROXMOX_PLUGIN_JSON);
}

inline Account account(const FakeCloudServer &server)
{
    Account result = ProviderTesting::account(
        server, {QStringLiteral("9b0e6c2d-proxmox-test"), QStringLiteral("proxmox"),
                 QStringLiteral("Homelab"), QString::fromLatin1(FakeProxmox::basePath)});
    result.settings.insert(QStringLiteral("tokenId"), tokenId);
    return result;
}

/// A provider against @p server: quick retries, tasks read every 10 ms.
inline std::unique_ptr<ProxmoxProvider> provider(const Account &account, int maxRetries = 1)
{
    auto result = std::make_unique<ProxmoxProvider>(
        metadata(), account, QVariantMap {{QStringLiteral("secret"), secret}});
    HttpClient::RetryPolicy retries;
    retries.maxRetries = maxRetries;
    retries.baseDelayMs = 10;
    retries.maxDelayMs = 50;
    result->http()->setRetryPolicy(retries);
    result->setTaskPollIntervalMs(10);
    return result;
}

inline std::unique_ptr<ProxmoxProvider> provider(const FakeCloudServer &server, int maxRetries = 1)
{
    return provider(account(server), maxRetries);
}

/// The whole of an action as Inventory runs it: accepted (runAction), then its task followed to
/// its end (followAction).
inline std::shared_ptr<AsyncOutcome<void>> runAndFollow(Provider &provider, const QString &machineId,
                                                        MachineAction::Action action)
{
    return AsyncResult::run<void>([&](Callback<void> done) {
        ProviderTesting::runAndFollow(provider, machineId, action, std::move(done));
    });
}

using ProviderTesting::createMachine;
using ProviderTesting::find;
using ProviderTesting::listImages;
using ProviderTesting::listMachines;
using ProviderTesting::listRegions;
using ProviderTesting::listSizes;
using ProviderTesting::runAction;
using ProviderTesting::verify;

} // namespace ProxmoxTesting
