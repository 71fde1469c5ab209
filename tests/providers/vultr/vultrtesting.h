#pragma once

// What the Vultr tests share: the plugin's own metadata, an account pointed at a FakeCloudServer
// and a fake Vultr API serving the fixtures of tests/data/vultr.

#include "asyncresult.h"
#include "fakecloudserver.h"
#include "testhelpers.h"
#include "vultrprovider.h"

#include <QFile>
#include <QJsonDocument>
#include <memory>

namespace VultrTesting {

inline const QByteArray token = "VULTRTESTKEY0123456789ABCDEFGHIJKLMN";
/// The fixtures' cursors: opaque, with the '+', '/' and '=' base64 brings.
inline const QString secondPage = QStringLiteral("bmV4dF9fMg+/x==");
inline const QString thirdPage = QStringLiteral("bmV4dF9fMw==");

/// The metadata the plugin embeds (providers/vultr/vultr.json), read from the source tree.
inline ProviderMetadata metadata()
{
    QFile file(QStringLiteral(VULTR_PLUGIN_JSON));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", VULTR_PLUGIN_JSON);
    return ProviderMetadata::fromJson(QJsonDocument::fromJson(file.readAll()).object());
}

inline Account account(const FakeCloudServer &server)
{
    Account account;
    account.id = QStringLiteral("8e3a1b2c-vultr-test");
    account.providerId = QStringLiteral("vultr");
    account.name = QStringLiteral("Vultr test account");
    account.endpoint = server.url(QStringLiteral("/v2"));
    return account;
}

/// A provider against @p server with quick, few retries.
inline std::unique_ptr<VultrProvider> provider(const FakeCloudServer &server)
{
    auto result = std::make_unique<VultrProvider>(
        metadata(), account(server),
        QVariantMap {{QStringLiteral("token"), QString::fromLatin1(token)}});
    HttpClient::RetryPolicy retries;
    retries.maxRetries = 2;
    retries.baseDelayMs = 10;
    retries.maxDelayMs = 50;
    result->http()->setRetryPolicy(retries);
    return result;
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

inline const Machine *find(const QList<Machine> &machines, const QString &id)
{
    for (const Machine &machine : machines) {
        if (machine.id == id)
            return &machine;
    }
    return nullptr;
}

} // namespace VultrTesting
