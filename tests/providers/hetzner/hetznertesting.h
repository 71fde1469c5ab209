#pragma once

// What the Hetzner provider tests share: the plugin's own metadata and an account pointed at a
// FakeCloudServer. Waiting for a result is AsyncResult's (tests/support/asyncresult.h).

#include "asyncresult.h"
#include "fakecloudserver.h"
#include "hetznerprovider.h"
#include "providertesting.h"
#include "testhelpers.h"

#include <QFile>
#include <QJsonDocument>
#include <memory>

namespace HetznerTesting {

inline const QByteArray token = "hcloud-test-token-0123456789";

/// The metadata the plugin embeds (providers/hetzner/hetzner.json), read from the source tree.
inline ProviderMetadata metadata()
{
    QFile file(QStringLiteral(HETZNER_PLUGIN_JSON));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", HETZNER_PLUGIN_JSON);
    return ProviderMetadata::fromJson(QJsonDocument::fromJson(file.readAll()).object());
}

inline Account account(const FakeCloudServer &server)
{
    Account account;
    account.id = QStringLiteral("0b6c4f7e-hetzner-test");
    account.providerId = QStringLiteral("hetzner");
    account.name = QStringLiteral("Hetzner test project");
    account.endpoint = server.url(QStringLiteral("/v1"));
    return account;
}

/// A provider against @p server with fast action polling and quick, few retries.
inline std::unique_ptr<HetznerProvider> provider(const FakeCloudServer &server)
{
    auto result = std::make_unique<HetznerProvider>(
        metadata(), account(server),
        QVariantMap {{QStringLiteral("token"), QString::fromLatin1(token)}});
    result->setActionPollIntervalMs(5, 20);
    HttpClient::RetryPolicy retries;
    retries.maxRetries = 1;
    retries.baseDelayMs = 10;
    retries.maxDelayMs = 50;
    result->http()->setRetryPolicy(retries);
    return result;
}

} // namespace HetznerTesting
