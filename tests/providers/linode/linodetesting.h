#pragma once

// What the Linode tests share: a Linode account and provider pointed at a FakeCloudServer
// (through ProviderTesting) and a fake Linode API serving the fixtures of tests/data/linode.

#include "linodeprovider.h"
#include "providertesting.h"
#include "testhelpers.h"

#include <QDateTime>
#include <memory>

namespace LinodeTesting {

inline const QByteArray token = "linode-test-token-3f2a9c0d1e8b7a6f";

/// The metadata the plugin embeds (providers/linode/linode.json), read from the source tree.
inline ProviderMetadata metadata()
{
    return ProviderTesting::metadata(LINODE_PLUGIN_JSON);
}

inline Account account(const FakeCloudServer &server)
{
    return ProviderTesting::account(
        server, {QStringLiteral("5d1f0c9e-linode-test"), QStringLiteral("linode"),
                 QStringLiteral("Linode test account"), QStringLiteral("/v4")});
}

/// A provider against @p server with quick, few retries.
inline std::unique_ptr<LinodeProvider> provider(const FakeCloudServer &server)
{
    return ProviderTesting::provider<LinodeProvider>(metadata(), account(server), token, 1);
}

/// Linode's rate-limit headers, as every real reply carries them.
inline FakeResponse withRateLimit(FakeResponse response, int remaining = 799)
{
    const QByteArray reset =
        QByteArray::number(QDateTime::currentSecsSinceEpoch() + 120); // epoch seconds
    return response.withHeader("X-RateLimit-Limit", "800")
        .withHeader("X-RateLimit-Remaining", QByteArray::number(remaining))
        .withHeader("X-RateLimit-Reset", reset);
}

/// GET /v4/linode/instances: instances-page<N>.json for ?page=N (1 to 3), Linode's 400 otherwise.
inline void serveInstancePages(FakeCloudServer &server)
{
    server.on("GET", QStringLiteral("/v4/linode/instances"), [](const RecordedRequest &request) {
        const QString page = request.query.queryItemValue(QStringLiteral("page"));
        if (page != QLatin1String("1") && page != QLatin1String("2") && page != QLatin1String("3"))
            return FakeResponse::file(QStringLiteral("linode/error-400.json"), 400);
        return withRateLimit(
            FakeResponse::file(QStringLiteral("linode/instances-page%1.json").arg(page)));
    });
    server.on("GET", QStringLiteral("/v4/linode/types"),
              withRateLimit(FakeResponse::file(QStringLiteral("linode/types.json"))));
}

using ProviderTesting::createMachine;
using ProviderTesting::find;
using ProviderTesting::listImages;
using ProviderTesting::listMachines;
using ProviderTesting::listRegions;
using ProviderTesting::listSizes;
using ProviderTesting::listSshKeys;
using ProviderTesting::runAction;
using ProviderTesting::verify;

} // namespace LinodeTesting
