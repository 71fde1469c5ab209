#pragma once

#include "metricrange.h"
#include "metricseries.h"
#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <utility>

/**
 * @brief What CloudDeck asks Cloud Monitoring for Compute Engine instances' metrics, and how it
 * reads the answer.
 *
 * Checked against Google's Discovery document for monitoring v3 as stored in
 * googleapis/google-api-go-client monitoring/v3/monitoring-api.json: projects.timeSeries.list
 * is GET v3/{+name}/timeSeries (name "projects/{project}"), query filter (required),
 * interval.startTime / interval.endTime (google-datetime), aggregation.alignmentPeriod
 * (google-duration, at least 60 s), aggregation.perSeriesAligner (ALIGN_MEAN, ALIGN_RATE, ...),
 * aggregation.crossSeriesReducer (REDUCE_SUM, ...), aggregation.groupByFields (repeated),
 * pageSize (FULL view: points; at most 100,000), pageToken, view (FULL | HEADERS); scopes
 * cloud-platform, monitoring or monitoring.read. Points come newest first.
 *
 * One request per kind covers every instance asked (resource.labels.instance_id =
 * one_of(...)); per-disk and per-interface series are summed per instance by the API
 * (REDUCE_SUM grouped by resource.labels.instance_id). cpu/utilization is a fraction (x100 to
 * %); the byte counts are DELTA, aligned with ALIGN_RATE to bytes/s (x8 for bit/s).
 */
class GceMetrics
{
public:
    /// One instance's points from one page (a series may go on over the next page).
    struct InstanceSeries
    {
        QString instanceId; ///< not "id": PagedList would drop a second page's part as a repeat
        QList<MetricSeries::Point> points;
    };

    static constexpr int maxInstances = 100; ///< per request, to keep the filter short
    static inline const QString defaultEndpoint = QStringLiteral("https://monitoring.googleapis.com/v3");

    /// "compute.googleapis.com/instance/cpu/utilization", ...
    [[nodiscard]] static QString metricType(MetricSeries::Kind kind);
    /// metric.type, resource.type and the instances, in Cloud Monitoring's filter syntax.
    [[nodiscard]] static QString filter(MetricSeries::Kind kind, const QStringList &instanceIds);
    /// Every query parameter of the first page.
    [[nodiscard]] static QList<std::pair<QString, QString>>
    query(MetricSeries::Kind kind, const QStringList &instanceIds, const MetricRange &range);
    /// One ListTimeSeriesResponse page, values in MetricSeries' units.
    [[nodiscard]] static Result<QList<InstanceSeries>> page(const QJsonObject &reply,
                                                            MetricSeries::Kind kind);
    /// The series of @p instanceId from every page's parts: in time order, one point a time,
    /// a NaN where an alignment period has no point (Cloud Monitoring leaves it out).
    [[nodiscard]] static MetricSeries assemble(const QList<InstanceSeries> &parts,
                                               const QString &instanceId, MetricSeries::Kind kind,
                                               const MetricRange &range);
};
