// FakeEc2::provider() apart, so a test that gets its provider from the plugin (tst_awsplugin)
// can use the fake endpoint without linking the provider's classes a second time.
#include "awsprovider.h"
#include "fakeec2.h"

std::unique_ptr<AwsProvider> FakeEc2::provider(const Account &account,
                                               const QString &sessionToken) const
{
    QVariantMap secrets = {
        {QStringLiteral("secretAccessKey"), QString::fromLatin1(secretAccessKey)}};
    if (!sessionToken.isEmpty())
        secrets.insert(QStringLiteral("sessionToken"), sessionToken);
    auto provider = std::make_unique<AwsProvider>(metadata(), account, secrets);
    HttpClient::RetryPolicy policy;
    policy.baseDelayMs = 10;
    policy.maxDelayMs = 100;
    provider->http()->setRetryPolicy(policy);
    provider->http()->setTimeoutMs(5000);
    return provider;
}
