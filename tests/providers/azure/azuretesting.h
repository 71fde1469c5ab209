#pragma once

// What the Azure tests share: an account and provider pointed at one FakeCloudServer playing the
// sign-in, Resource Manager and the price list (fakeazure.h), with quick retries and quick
// operation polls.

#include "azureprovider.h"
#include "fakeazure.h"
#include "providertesting.h"

#include <memory>

namespace AzureTesting {

inline ProviderMetadata metadata()
{
    return ProviderTesting::metadata(AZURE_METADATA);
}

inline Account account(const FakeCloudServer &server, const QString &subscriptions = {})
{
    Account account;
    account.id = QStringLiteral("7d0c5a1e-azure-test");
    account.providerId = QStringLiteral("azure");
    account.name = QStringLiteral("Azure test account");
    account.endpoint = server.url();
    account.settings = {
        {QStringLiteral("tenantId"), tenant},
        {QStringLiteral("clientId"), clientId},
        {QStringLiteral("authority"), server.url(QStringLiteral("/login")).toString()},
        {QStringLiteral("pricesEndpoint"), server.url(QStringLiteral("/prices")).toString()}};
    if (!subscriptions.isEmpty())
        account.settings.insert(QStringLiteral("subscriptions"), subscriptions);
    return account;
}

inline std::unique_ptr<AzureProvider> provider(const Account &account, int maxRetries = 1)
{
    auto result = std::make_unique<AzureProvider>(
        metadata(), account, QVariantMap {{QStringLiteral("clientSecret"), clientSecret}});
    HttpClient::RetryPolicy retries;
    retries.maxRetries = maxRetries;
    retries.baseDelayMs = 10;
    retries.maxDelayMs = 50;
    retries.maxRetryAfterSeconds = 2;
    result->http()->setRetryPolicy(retries);
    AzureOperation::Timing timing;
    timing.firstMs = 5;
    timing.maxMs = 20;
    timing.maxRetryAfterMs = 20;
    timing.timeoutMs = 2000;
    result->setOperationTiming(timing);
    return result;
}

inline std::unique_ptr<AzureProvider> provider(const FakeCloudServer &server, int maxRetries = 1)
{
    return provider(account(server), maxRetries);
}

} // namespace AzureTesting
