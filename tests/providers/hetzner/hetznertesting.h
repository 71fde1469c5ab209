#pragma once

// What the Hetzner provider tests share: a Hetzner project and provider pointed at a
// FakeCloudServer (through ProviderTesting). Waiting for a result is AsyncResult's
// (tests/support/asyncresult.h).

#include "asyncresult.h"
#include "fakecloudserver.h"
#include "hetznerprovider.h"
#include "providertesting.h"
#include "testhelpers.h"

#include <memory>

namespace HetznerTesting {

inline const QByteArray token = "hcloud-test-token-0123456789";

/// The metadata the plugin embeds (providers/hetzner/hetzner.json), read from the source tree.
inline ProviderMetadata metadata()
{
    return ProviderTesting::metadata(HETZNER_PLUGIN_JSON);
}

inline Account account(const FakeCloudServer &server)
{
    return ProviderTesting::account(
        server, {QStringLiteral("0b6c4f7e-hetzner-test"), QStringLiteral("hetzner"),
                 QStringLiteral("Hetzner test project"), QStringLiteral("/v1")});
}

/// A provider against @p server with fast action polling and quick, few retries.
inline std::unique_ptr<HetznerProvider> provider(const FakeCloudServer &server)
{
    auto result = ProviderTesting::provider<HetznerProvider>(metadata(), account(server), token, 1);
    result->setActionPollIntervalMs(5, 20);
    return result;
}

} // namespace HetznerTesting
