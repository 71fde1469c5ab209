#pragma once

// What the Linode tests share: the plugin's own metadata, an account pointed at a FakeCloudServer
// and a fake Linode API serving the fixtures of tests/data/linode.

#include "asyncresult.h"
#include "fakecloudserver.h"
#include "linodeprovider.h"
#include "testhelpers.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <memory>

namespace LinodeTesting {

inline const QByteArray token = "linode-test-token-3f2a9c0d1e8b7a6f";

/// The metadata the plugin embeds (providers/linode/linode.json), read from the source tree.
inline ProviderMetadata metadata()
{
    QFile file(QStringLiteral(LINODE_PLUGIN_JSON));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", LINODE_PLUGIN_JSON);
    return ProviderMetadata::fromJson(QJsonDocument::fromJson(file.readAll()).object());
}

inline Account account(const FakeCloudServer &server)
{
    Account account;
    account.id = QStringLiteral("5d1f0c9e-linode-test");
    account.providerId = QStringLiteral("linode");
    account.name = QStringLiteral("Linode test account");
    account.endpoint = server.url(QStringLiteral("/v4"));
    return account;
}

/// A provider against @p server with quick, few retries.
inline std::unique_ptr<LinodeProvider> provider(const FakeCloudServer &server)
{
    auto result = std::make_unique<LinodeProvider>(
        metadata(), account(server),
        QVariantMap {{QStringLiteral("token"), QString::fromLatin1(token)}});
    HttpClient::RetryPolicy retries;
    retries.maxRetries = 1;
    retries.baseDelayMs = 10;
    retries.maxDelayMs = 50;
    result->http()->setRetryPolicy(retries);
    return result;
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

inline const Machine *find(const QList<Machine> &machines, const QString &id)
{
    for (const Machine &machine : machines) {
        if (machine.id == id)
            return &machine;
    }
    return nullptr;
}

} // namespace LinodeTesting
