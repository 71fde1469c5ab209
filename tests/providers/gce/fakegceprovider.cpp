// FakeGce::provider() apart, so a test that gets its provider from the plugin (tst_gceplugin)
// links only core and does not carry a second copy of the provider classes.
#include "fakegce.h"
#include "gceprovider.h"

std::unique_ptr<GceProvider> FakeGce::provider(const Account &account,
                                               const QVariantMap &secrets) const
{
    auto provider = std::make_unique<GceProvider>(metadata(), account, secrets);
    HttpClient::RetryPolicy retries;
    retries.maxRetries = 2;
    retries.baseDelayMs = 10;
    retries.maxDelayMs = 50;
    provider->http()->setRetryPolicy(retries);
    provider->setOperationTiming({5, 20, 5000});
    return provider;
}

std::unique_ptr<GceProvider> FakeGce::provider() const
{
    return provider(account(), serviceAccountSecrets());
}
