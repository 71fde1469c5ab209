// AzureProvider::fetchMetrics: Azure Monitor's Metrics_List for each VM (see AzureMetrics).
#include "azuremetrics.h"
#include "azureprovider.h"
#include "azurerequests.h"
#include "jsoncall.h"
#include "metricfanout.h"

void AzureProvider::fetchMetrics(const QStringList &machineIds, MetricSeries::Kind kind,
                                 const MetricRange &range, Callback<QList<MetricSeries>> done)
{
    QList<QUrl> urls;
    for (const QString &id : machineIds) {
        const Result<AzureRequests::Ref> ref = AzureRequests::vm(id);
        if (!ref.ok())
            return failLater(ref.error(), std::move(done));
        // The VM's own path, rebuilt from checked parts: nothing else reaches the URL.
        urls.append(armUrl(AzureRequests::path(ref.value(), QStringLiteral("Microsoft.Compute"),
                                               QStringLiteral("virtualMachines"))
                               + QLatin1String("/providers/Microsoft.Insights/metrics"),
                           AzureMetrics::version, AzureMetrics::query(kind, range)));
    }
    if (const Error error = missingCredentials(); error.isError())
        return failLater(error, std::move(done));
    const QString accountId = account().id;
    MetricFanout::run(
        this, machineIds,
        [this, urls, machineIds, kind, range, accountId](const QString &id,
                                                         Callback<MetricSeries> one) {
            const QUrl address = urls.at(machineIds.indexOf(id));
            authorized<MetricSeries>(
                [this, address, kind, range, id, accountId](Callback<MetricSeries> attempt) {
                    JsonCall::send<MetricSeries>(
                        http(), HttpRequest::get(address),
                        [kind, range, id, accountId](const QJsonObject &reply) {
                            Result<MetricSeries> series = AzureMetrics::series(reply, kind, range);
                            if (series.ok()) {
                                series.value().accountId = accountId;
                                series.value().machineId = id;
                                series.value().fetchedAt = QDateTime::currentDateTimeUtc();
                            }
                            return series;
                        },
                        std::move(attempt));
                },
                std::move(one));
        },
        std::move(done));
}
