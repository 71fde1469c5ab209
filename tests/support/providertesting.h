#pragma once

// The scaffolding every provider test repeats: the plugin's metadata read from the source tree, an
// account pointed at a FakeCloudServer, a provider with quick retries, and each Provider call run
// to its one callback. Each provider's own <id>testing.h fills in its names, token and fixtures;
// what a test asserts stays in the test.

#include "account.h"
#include "asyncresult.h"
#include "fakecloudserver.h"
#include "metricrange.h"
#include "metricseries.h"
#include "provider.h"
#include "providermetadata.h"

#include <QFile>
#include <QJsonDocument>
#include <QPointer>
#include <memory>

namespace ProviderTesting {

/// The metadata a plugin embeds (providers/<id>/<id>.json), read from @p pluginJson.
inline ProviderMetadata metadata(const char *pluginJson)
{
    QFile file(QString::fromLocal8Bit(pluginJson));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", pluginJson);
    return ProviderMetadata::fromJson(QJsonDocument::fromJson(file.readAll()).object());
}

/// @brief Who a test account is: its ids and where the API lives on the fake server.
struct AccountSpec
{
    QString id;
    QString providerId;
    QString name;
    QString apiPath; ///< "/v4": the endpoint is the fake server's URL with this path
};

inline Account account(const FakeCloudServer &server, const AccountSpec &spec)
{
    Account account;
    account.id = spec.id;
    account.providerId = spec.providerId;
    account.name = spec.name;
    account.endpoint = server.url(spec.apiPath);
    return account;
}

/// A @p P for @p account with the token @p token; retries are quick (10 to 50 ms) and at most
/// @p maxRetries, so error tests stay fast.
template<typename P>
std::unique_ptr<P> provider(const ProviderMetadata &metadata, const Account &account,
                            const QByteArray &token, int maxRetries)
{
    auto result = std::make_unique<P>(
        metadata, account, QVariantMap {{QStringLiteral("token"), QString::fromLatin1(token)}});
    HttpClient::RetryPolicy retries;
    retries.maxRetries = maxRetries;
    retries.baseDelayMs = 10;
    retries.maxDelayMs = 50;
    result->http()->setRetryPolicy(retries);
    return result;
}

inline std::shared_ptr<AsyncOutcome<QList<Machine>>> listMachines(Provider &provider)
{
    return AsyncResult::run<QList<Machine>>(
        [&](Callback<QList<Machine>> done) { provider.listMachines(std::move(done)); });
}

inline std::shared_ptr<AsyncOutcome<QString>> verify(Provider &provider)
{
    return AsyncResult::run<QString>(
        [&](Callback<QString> done) { provider.verify(std::move(done)); });
}

/// The whole of an action as Inventory runs it: runAction() until the cloud accepted it, then
/// followAction() until the cloud reports it done; @p done gets the first error or success.
inline void runAndFollow(Provider &provider, const QString &machineId, MachineAction::Action action,
                         Callback<void> done)
{
    QPointer<Provider> guard(&provider);
    provider.runAction(machineId, action,
                       [guard, machineId, action, done = std::move(done)](Result<void> accepted) {
                           if (!accepted.ok() || !guard)
                               return done(accepted);
                           guard->followAction(machineId, action, done);
                       });
}

inline std::shared_ptr<AsyncOutcome<void>> runAction(Provider &provider, const QString &machineId,
                                                     MachineAction::Action action)
{
    return AsyncResult::run<void>(
        [&](Callback<void> done) { provider.runAction(machineId, action, std::move(done)); });
}

inline std::shared_ptr<AsyncOutcome<Machine>> createMachine(Provider &provider,
                                                            const CreateMachineRequest &request)
{
    return AsyncResult::run<Machine>(
        [&](Callback<Machine> done) { provider.createMachine(request, std::move(done)); });
}

/// Provider::updateMachine(): a rename when @p name is set, a tag edit from @p previousTags to
/// @p tags when @p tags is.
inline std::shared_ptr<AsyncOutcome<void>>
updateMachine(Provider &provider, const QString &machineId, std::optional<QString> name,
              std::optional<QStringList> tags = {}, const QStringList &previousTags = {})
{
    MachineUpdate update;
    update.name = std::move(name);
    update.tags = std::move(tags);
    update.previousTags = previousTags;
    return AsyncResult::run<void>([&](Callback<void> done) {
        provider.updateMachine(machineId, update, std::move(done));
    });
}

inline std::shared_ptr<AsyncOutcome<QList<Region>>> listRegions(Provider &provider)
{
    return AsyncResult::run<QList<Region>>(
        [&](Callback<QList<Region>> done) { provider.listRegions(std::move(done)); });
}

inline std::shared_ptr<AsyncOutcome<QList<Size>>> listSizes(Provider &provider)
{
    return AsyncResult::run<QList<Size>>(
        [&](Callback<QList<Size>> done) { provider.listSizes(std::move(done)); });
}

inline std::shared_ptr<AsyncOutcome<QList<Image>>> listImages(Provider &provider)
{
    return AsyncResult::run<QList<Image>>(
        [&](Callback<QList<Image>> done) { provider.listImages(std::move(done)); });
}

inline std::shared_ptr<AsyncOutcome<QList<SshKey>>> listSshKeys(Provider &provider)
{
    return AsyncResult::run<QList<SshKey>>(
        [&](Callback<QList<SshKey>> done) { provider.listSshKeys(std::move(done)); });
}

/// The @p kind series of @p machineIds over @p range, held to the async contract (QVERIFY the
/// outcome: null when the callback came synchronously, never, or twice).
inline std::shared_ptr<AsyncOutcome<QList<MetricSeries>>>
fetchMetrics(Provider &provider, const QStringList &machineIds, MetricSeries::Kind kind,
             const MetricRange &range)
{
    return AsyncResult::await<QList<MetricSeries>>(
        [&](auto done) { provider.fetchMetrics(machineIds, kind, range, done); });
}

/// The @p span ending at a fixed time, 2025-12-03T01:00:00Z: metrics tests assert what is sent
/// for fixed times, never for the clock.
inline MetricRange fixedMetricRange(MetricRange::Span span = MetricRange::Span::Hour)
{
    return MetricRange::last(span, QDateTime::fromSecsSinceEpoch(1764723600, Qt::UTC));
}

/// The machine with @p id in @p machines, or null.
inline const Machine *find(const QList<Machine> &machines, const QString &id)
{
    for (const Machine &machine : machines) {
        if (machine.id == id)
            return &machine;
    }
    return nullptr;
}

} // namespace ProviderTesting
