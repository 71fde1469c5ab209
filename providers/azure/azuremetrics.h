#pragma once

#include "metricrange.h"
#include "metricseries.h"
#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <utility>

/**
 * @brief What CloudDeck asks Azure Monitor for a VM's platform metrics, and how it reads the
 * answer.
 *
 * Checked against azure-rest-api-specs specification/monitor/resource-manager/
 * Microsoft.Insights/stable/2018-01-01/metrics_API.json (Metrics_List: GET
 * {resourceUri}/providers/Microsoft.Insights/metrics, every query parameter optional but
 * api-version; timespan "start/end", interval an ISO 8601 duration, metricnames and aggregation
 * comma-separated, metricnamespace) and common-types/v1/commonMonitoringTypes.json (Response
 * {timespan, interval, value: [Metric]}, Metric {name.value, unit, timeseries: [{data:
 * [{timeStamp (required), average?, total?, ...}]}], errorCode, errorMessage}).
 *
 * CPU is "Percentage CPU" with the Average aggregation (already %). The byte counters ("Network
 * In Total", "Network Out Total", "Disk Read Bytes", "Disk Write Bytes", unit Bytes) are asked
 * with Total, the bytes moved in each interval, and divided by the interval the reply states:
 * their Average would be the mean of the one-minute samples, bytes per minute whatever the
 * interval, which is easy to misread. A data point without its aggregation is a gap (Azure lists
 * every interval of the timespan, and leaves the value out where there was none).
 */
class AzureMetrics
{
public:
    static inline const QString version = QStringLiteral("2018-01-01");
    static inline const QString metricNamespace =
        QStringLiteral("Microsoft.Compute/virtualMachines");

    /// "Percentage CPU", "Network In Total", ...
    [[nodiscard]] static QString metricName(MetricSeries::Kind kind);
    /// "Average" for CPU, "Total" for the byte counters.
    [[nodiscard]] static QString aggregation(MetricSeries::Kind kind);
    /// The smallest time grain Azure offers for VM metrics (PT1M, PT5M, PT15M, PT30M, PT1H,
    /// PT6H, PT12H, P1D) that is at least @p stepSeconds.
    [[nodiscard]] static int grainSeconds(int stepSeconds);
    /// @p seconds as an ISO 8601 duration ("PT5M", "PT1H", "P1D").
    [[nodiscard]] static QString duration(int seconds);
    /// An ISO 8601 duration Azure writes ("PT1M", "PT1H30M", "P1D", "P1DT12H") in seconds, or 0
    /// when it is not one.
    [[nodiscard]] static int durationSeconds(const QString &text);
    /// The query after api-version: timespan, interval, metricnames, aggregation,
    /// metricnamespace.
    [[nodiscard]] static QList<std::pair<QString, QString>> query(MetricSeries::Kind kind,
                                                                  const MetricRange &range);
    /// The @p kind series of one Metrics_List reply, in time order, in MetricSeries' units.
    /// A metric Azure could not read (its errorCode not "Success") is an empty series with
    /// Azure's words as its note.
    [[nodiscard]] static Result<MetricSeries> series(const QJsonObject &reply,
                                                     MetricSeries::Kind kind,
                                                     const MetricRange &range);
};
