#pragma once

#include "asyncresult.h"
#include "fakecloudserver.h"
#include "providermetadata.h"
#include "result.h"

#include <QJsonObject>
#include <memory>

class DigitalOceanProvider;
struct Account;

/**
 * @brief A fake DigitalOcean API v2 on a FakeCloudServer, answering from the fixtures in
 * tests/data/digitalocean (written from DigitalOcean's OpenAPI reference).
 *
 * Lists are paged by the request's own "page" query item, whatever "per_page" says, so a test sees
 * exactly the fixture pages; their links.pages point at https://api.digitalocean.com as the real
 * API's do. Droplet actions start "in-progress" and complete on the second poll.
 */
class FakeDigitalOcean
{
public:
    static constexpr const char *token = "dop_v1_0123456789abcdef";

    explicit FakeDigitalOcean(FakeCloudServer &server);

    /// Serves every fixture route (replaces nothing a test added later: later routes win).
    void serveFixtures();
    /// The plugin's metadata, read from providers/digitalocean/digitalocean.json.
    [[nodiscard]] static ProviderMetadata metadata();
    /// An account for this server (endpoint = the server's base URL, the API's "servers" URL).
    [[nodiscard]] Account account() const;
    /// A provider for account() with the token, small page size and fast action polling.
    [[nodiscard]] std::unique_ptr<DigitalOceanProvider> provider() const;

    /// A fixture as a JSON object (fails the test when unreadable).
    [[nodiscard]] static QJsonObject fixture(const QString &name);
    /// A fixture reply, with rate-limit headers as DigitalOcean sends them on every reply.
    [[nodiscard]] static FakeResponse reply(const QString &name, int status = 200);
    /// The server's page for @p request from @p pages (page=N, 1-based; 404 beyond).
    [[nodiscard]] static FakeResponse page(const RecordedRequest &request,
                                           const QStringList &pages);

    /// "Bearer <token>", the Authorization header every request must carry.
    [[nodiscard]] static QByteArray bearer();
    /// The "page" query item of each request, in order.
    [[nodiscard]] static QStringList pagesRequested(const QList<RecordedRequest> &requests);

    /// Number of GET /v2/actions/{id} polls so far.
    [[nodiscard]] int actionPolls() const { return *m_actionPolls; }

private:
    FakeCloudServer &m_server;
    std::shared_ptr<int> m_actionPolls = std::make_shared<int>(0);
};
