#pragma once

// The error paths every provider must handle the same way, checked once: an HTTP error on the
// machine list and on an action, a later page failing the whole list, a body cut off, a reply of
// the wrong shape, rate limiting that does not end, a server that never answers. Each provider's
// test passes its own API paths, fixtures and expected words (a ErrorScenario), and keeps the
// checks that are its API's alone. Every check records a failure and returns at the first
// mismatch, so a test slot calls one as its last statement.

#include "providertesting.h"

#include <QElapsedTimer>
#include <QTest>
#include <functional>
#include <memory>

/// @brief A provider under test and the parts of its fake API the shared error checks touch.
struct ErrorScenario
{
    FakeCloudServer *server = nullptr;
    QString machinesPath; ///< the machine list, as the fake server sees it ("/v4/linode/instances")
    /// What listMachines() asks for besides the list (a price catalog); may be empty.
    std::function<void(FakeCloudServer &)> serveCatalog;
    std::function<std::unique_ptr<Provider>(const FakeCloudServer &)> makeProvider;

    [[nodiscard]] std::unique_ptr<Provider> provider() const
    {
        if (serveCatalog)
            serveCatalog(*server);
        return makeProvider(*server);
    }
};

namespace ProviderErrorChecks {

/// The list answered with @p reply fails with @p kind, @p status and @p reason (the provider's
/// own words) and "HTTP <status>", in one asynchronous callback and without a retry; then the
/// same error on @p actionPath fails @p action on @p machineId alike.
inline void httpError(const ErrorScenario &scenario, const FakeResponse &reply, int status,
                      Error::Kind kind, const QString &reason, const QString &actionPath,
                      const QString &machineId, MachineAction::Action action)
{
    scenario.server->on("GET", scenario.machinesPath, reply);
    const auto provider = scenario.provider();
    const auto outcome = ProviderTesting::listMachines(*provider);
    QVERIFY(outcome->result);
    QVERIFY(!outcome->calledSynchronously);
    QCOMPARE(outcome->calls, 1);
    QCOMPARE(outcome->error().kind(), kind);
    QCOMPARE(outcome->error().httpStatus(), status);
    QVERIFY2(outcome->error().message().contains(reason), outcome->describe());
    QVERIFY2(outcome->error().message().contains(QStringLiteral("HTTP %1").arg(status)),
             outcome->describe());
    // None of these is worth repeating.
    QCOMPARE(scenario.server->requests("GET", scenario.machinesPath).size(), 1);

    scenario.server->on("POST", actionPath, reply);
    const auto acted = ProviderTesting::runAction(*provider, machineId, action);
    QCOMPARE(acted->error().kind(), kind);
    QVERIFY2(acted->error().message().contains(reason), acted->describe());
}

/// With the first page served as usual and @p laterPage for every other one, the list fails
/// with @p kind: never a partial list passed off as the whole.
inline void failedLaterPage(const ErrorScenario &scenario, const FakeResponse &firstPage,
                            const std::function<bool(const RecordedRequest &)> &isFirstPage,
                            const FakeResponse &laterPage, Error::Kind kind)
{
    scenario.server->on("GET", scenario.machinesPath, [=](const RecordedRequest &request) {
        return isFirstPage(request) ? firstPage : laterPage;
    });
    const auto provider = scenario.provider();
    const auto outcome = ProviderTesting::listMachines(*provider);
    QVERIFY(outcome->result);
    QCOMPARE(outcome->error().kind(), kind);
}

/// A list page cut off mid-body (@p page with a Truncate fault) is a Network error with words:
/// the connection was lost mid-reply (the CLI's exit code 4).
inline void truncatedList(const ErrorScenario &scenario, const FakeResponse &page)
{
    scenario.server->on("GET", scenario.machinesPath,
                        FakeResponse(page).withFault(FakeResponse::Fault::Truncate));
    const auto provider = scenario.provider();
    const auto outcome = ProviderTesting::listMachines(*provider);
    QVERIFY(outcome->result);
    QCOMPARE(outcome->error().kind(), Error::Network);
    QVERIFY(!outcome->error().message().isEmpty());
}

/// The list answered with @p body: one callback; an InvalidReply with words unless @p valid, else
/// machines that each pass @p checkMachine.
inline void wrongShape(const ErrorScenario &scenario, const QByteArray &body, bool valid,
                       const std::function<void(const Machine &)> &checkMachine)
{
    scenario.server->on("GET", scenario.machinesPath, FakeResponse::raw(200, body));
    const auto provider = scenario.provider();
    const auto outcome = ProviderTesting::listMachines(*provider);
    QVERIFY(outcome->result);
    QCOMPARE(outcome->calls, 1);
    if (!valid) {
        QCOMPARE(outcome->error().kind(), Error::InvalidReply);
        QVERIFY(!outcome->error().message().isEmpty());
        return;
    }
    QVERIFY2(outcome->ok(), outcome->describe());
    for (const Machine &machine : outcome->result->value()) {
        checkMachine(machine);
        if (QTest::currentTestFailed())
            return;
    }
}

/// The list always answered with @p tooMany (a 429) ends in RateLimited naming @p words after
/// exactly the retries the policy allows; then @p more (if any) checks the provider further.
inline void persistentRateLimit(const ErrorScenario &scenario, const FakeResponse &tooMany,
                                const QString &words,
                                const std::function<void(Provider &)> &more = {})
{
    scenario.server->on("GET", scenario.machinesPath, tooMany);
    const auto provider = scenario.provider();
    const auto outcome = ProviderTesting::listMachines(*provider);
    QVERIFY(outcome->result);
    QCOMPARE(outcome->error().kind(), Error::RateLimited);
    QVERIFY2(outcome->error().message().contains(words), outcome->describe());
    QCOMPARE(scenario.server->requests("GET", scenario.machinesPath).size(),
             1 + provider->http()->retryPolicy().maxRetries);
    if (more)
        more(*provider);
}

/// verify() against @p verifyPath answered only after 5 s, with a 300 ms timeout: a Timeout
/// error that says the provider did not answer, well before the reply would have come.
inline void timesOut(const ErrorScenario &scenario, const QString &verifyPath,
                     const FakeResponse &reply)
{
    scenario.server->on("GET", verifyPath, FakeResponse(reply).withDelay(5000));
    const auto provider = scenario.makeProvider(*scenario.server);
    provider->http()->setTimeoutMs(300);
    QElapsedTimer timer;
    timer.start();
    const auto outcome = ProviderTesting::verify(*provider);
    QVERIFY(outcome->result);
    QCOMPARE(outcome->error().kind(), Error::Timeout);
    QVERIFY2(outcome->error().message().contains(QStringLiteral("did not answer")),
             outcome->describe());
    QVERIFY(timer.elapsed() < 4000);
}

/// @brief A metrics fetch whose error paths are checked: what to ask for and the route that
/// answers it (a provider's metrics tests fill one in; the route may be a pattern).
struct MetricsErrorScenario
{
    FakeCloudServer *server = nullptr;
    Provider *provider = nullptr;
    QByteArray method = "GET";
    QString path; ///< "/v4/linode/instances/*/stats"
    QStringList machineIds;
    MetricSeries::Kind kind = MetricSeries::Kind::Cpu;
    MetricRange range;

    [[nodiscard]] std::shared_ptr<AsyncOutcome<QList<MetricSeries>>> fetch() const
    {
        return ProviderTesting::fetchMetrics(*provider, machineIds, kind, range);
    }
};

/// The metrics route answered with @p reply fails the whole batch with @p kind, @p status and
/// @p reason (the provider's own words), in one asynchronous callback, without a retry (the
/// policy is set to none, so a 429 or 5xx is not repeated either).
inline void metricsHttpError(const MetricsErrorScenario &scenario, const FakeResponse &reply,
                             int status, Error::Kind kind, const QString &reason)
{
    HttpClient::RetryPolicy policy = scenario.provider->http()->retryPolicy();
    policy.maxRetries = 0;
    scenario.provider->http()->setRetryPolicy(policy);
    scenario.server->on(scenario.method, scenario.path, reply);
    const int before = scenario.server->requestCount();
    const auto outcome = scenario.fetch();
    QVERIFY(outcome);
    QCOMPARE(outcome->error().kind(), kind);
    QCOMPARE(outcome->error().httpStatus(), status);
    QVERIFY2(outcome->error().message().contains(reason), outcome->describe());
    // At most one request a machine: nothing was repeated.
    QVERIFY(scenario.server->requestCount() - before <= int(scenario.machineIds.size()));
}

/// A metrics reply cut off mid-body is a Network error with words; one of the wrong shape
/// (@p body, 200) is an InvalidReply with words.
inline void metricsBrokenReplies(const MetricsErrorScenario &scenario, const FakeResponse &reply,
                                 const QByteArray &wrongShape)
{
    scenario.server->on(scenario.method, scenario.path,
                        FakeResponse(reply).withFault(FakeResponse::Fault::Truncate));
    const auto truncated = scenario.fetch();
    QVERIFY(truncated);
    QCOMPARE(truncated->error().kind(), Error::Network);
    QVERIFY(!truncated->error().message().isEmpty());
    scenario.server->on(scenario.method, scenario.path, FakeResponse::raw(200, wrongShape));
    const auto shaped = scenario.fetch();
    QVERIFY(shaped);
    QCOMPARE(shaped->error().kind(), Error::InvalidReply);
    QVERIFY(!shaped->error().message().isEmpty());
}

/// The metrics route answering only after 5 s, with a 300 ms timeout: a Timeout error, well
/// before the reply would have come.
inline void metricsTimeOut(const MetricsErrorScenario &scenario, const FakeResponse &reply)
{
    scenario.server->on(scenario.method, scenario.path, FakeResponse(reply).withDelay(5000));
    scenario.provider->http()->setTimeoutMs(300);
    QElapsedTimer timer;
    timer.start();
    const auto outcome = scenario.fetch();
    QVERIFY(outcome);
    QCOMPARE(outcome->error().kind(), Error::Timeout);
    QVERIFY(timer.elapsed() < 4000);
}

} // namespace ProviderErrorChecks
