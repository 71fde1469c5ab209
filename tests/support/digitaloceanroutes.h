#pragma once

// The DigitalOcean routes the CLI and inventory tests stand on: the account that `accounts add`
// verifies, the three droplet pages that `machines list` and a refresh read, and the droplet
// actions. Replies are the fixtures under tests/data/digitalocean (from DigitalOcean's OpenAPI
// reference); the provider's own tests use the fuller FakeDigitalOcean.

#include "fakecloudserver.h"
#include "testhelpers.h"

namespace DigitalOceanRoutes {

/// The droplet fixture page @p request asks for ("page", 1 when absent).
inline FakeResponse dropletsPage(const RecordedRequest &request)
{
    const QString page = request.query.queryItemValue(QStringLiteral("page"));
    return FakeResponse::file(testDataPath(QStringLiteral("digitalocean/droplets_page%1.json")
                                               .arg(page.isEmpty() ? QStringLiteral("1") : page)));
}

/// @p response with the rate-limit headers DigitalOcean sends on every reply.
inline FakeResponse withRateLimit(FakeResponse response,
                                  const QByteArray &remaining = QByteArrayLiteral("4990"),
                                  const QByteArray &reset = QByteArrayLiteral("4102444800"))
{
    response.withHeader("ratelimit-limit", "5000")
        .withHeader("ratelimit-remaining", remaining)
        .withHeader("ratelimit-reset", reset);
    return response;
}

/// GET /v2/account, the token's owner.
inline void serveAccount(FakeCloudServer &server)
{
    server.on("GET", QStringLiteral("/v2/account"),
              FakeResponse::file(testDataPath(QStringLiteral("digitalocean/account.json"))));
}

/// serveAccount() and GET /v2/droplets page by page, with rate-limit headers.
inline void serveAccountAndDroplets(FakeCloudServer &server)
{
    serveAccount(server);
    server.on("GET", QStringLiteral("/v2/droplets"),
              [](const RecordedRequest &request) { return withRateLimit(dropletsPage(request)); });
}

/// Droplet actions accepted "in-progress" (201), complete at the first poll; DELETE gives 204.
inline void serveActions(FakeCloudServer &server)
{
    server.on("POST", QStringLiteral("/v2/droplets/*/actions"),
              FakeResponse::file(
                  testDataPath(QStringLiteral("digitalocean/action_in_progress.json")), 201));
    server.on(
        "GET", QStringLiteral("/v2/actions/*"),
        FakeResponse::file(testDataPath(QStringLiteral("digitalocean/action_completed.json"))));
    server.on("DELETE", QStringLiteral("/v2/droplets/*"), FakeResponse::raw(204, {}));
}

} // namespace DigitalOceanRoutes
