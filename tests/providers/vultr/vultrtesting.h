#pragma once

// What the Vultr tests share: a Vultr account and provider pointed at a FakeCloudServer (through
// ProviderTesting) and a fake Vultr API serving the fixtures of tests/data/vultr.

#include "providertesting.h"
#include "testhelpers.h"
#include "vultrprovider.h"

#include <memory>

namespace VultrTesting {

inline const QByteArray token = "VULTRTESTKEY0123456789ABCDEFGHIJKLMN";
/// The fixtures' cursors: opaque, with the '+', '/' and '=' base64 brings.
inline const QString secondPage = QStringLiteral("bmV4dF9fMg+/x==");
inline const QString thirdPage = QStringLiteral("bmV4dF9fMw==");

/// The metadata the plugin embeds (providers/vultr/vultr.json), read from the source tree.
inline ProviderMetadata metadata()
{
    return ProviderTesting::metadata(VULTR_PLUGIN_JSON);
}

inline Account account(const FakeCloudServer &server)
{
    return ProviderTesting::account(server,
                                    {QStringLiteral("8e3a1b2c-vultr-test"), QStringLiteral("vultr"),
                                     QStringLiteral("Vultr test account"), QStringLiteral("/v2")});
}

/// A provider against @p server with quick, few retries.
inline std::unique_ptr<VultrProvider> provider(const FakeCloudServer &server)
{
    return ProviderTesting::provider<VultrProvider>(metadata(), account(server), token, 2);
}

/// GET /v2/instances: page 1 without a cursor, pages 2 and 3 for their cursors, Vultr's 400 for
/// any other cursor; GET /v2/plans: the plan catalog.
inline void serveInstancePages(FakeCloudServer &server)
{
    server.on("GET", QStringLiteral("/v2/instances"), [](const RecordedRequest &request) {
        const QString cursor =
            request.query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
        if (cursor.isEmpty())
            return FakeResponse::file(QStringLiteral("vultr/instances-page1.json"));
        if (cursor == secondPage)
            return FakeResponse::file(QStringLiteral("vultr/instances-page2.json"));
        if (cursor == thirdPage)
            return FakeResponse::file(QStringLiteral("vultr/instances-page3.json"));
        return FakeResponse::file(QStringLiteral("vultr/error-400.json"), 400);
    });
    server.on("GET", QStringLiteral("/v2/plans"),
              FakeResponse::file(QStringLiteral("vultr/plans.json")));
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

} // namespace VultrTesting
