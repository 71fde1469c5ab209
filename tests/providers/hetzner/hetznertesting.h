#pragma once

// What the Hetzner provider tests share: the plugin's own metadata, an account pointed at a
// FakeCloudServer, and a way to wait for one asynchronous result.

#include "fakecloudserver.h"
#include "providertesting.h"
#include "hetznerprovider.h"
#include "testhelpers.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>
#include <functional>
#include <memory>
#include <optional>

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

/// Starts an operation and waits (running the event loop) for its one result.
template<typename T>
struct Outcome
{
    std::optional<Result<T>> result;
    int calls = 0;
    bool calledSynchronously = false;
};

template<typename T>
std::shared_ptr<Outcome<T>> run(const std::function<void(Callback<T>)> &start,
                                int timeoutMs = 15'000)
{
    auto outcome = std::make_shared<Outcome<T>>();
    start([outcome](Result<T> result) {
        ++outcome->calls;
        outcome->result.emplace(std::move(result));
    });
    outcome->calledSynchronously = outcome->calls > 0;
    (void)QTest::qWaitFor([outcome] { return outcome->result.has_value(); }, timeoutMs);
    return outcome;
}

inline QString describe(const Error &error)
{
    return Error::kindId(error.kind()) + QStringLiteral(": ") + error.message();
}

} // namespace HetznerTesting
