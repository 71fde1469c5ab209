#pragma once

#include "metricrange.h"
#include "metricseries.h"
#include "result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <utility>

/**
 * @brief What CloudDeck asks CloudWatch's GetMetricData (Query API, version 2010-08-01) for EC2
 * instances, and how it reads the XML answer.
 *
 * Shapes and member names follow botocore's botocore/data/cloudwatch/2010-08-01/service-2.json
 * (GetMetricDataInput, MetricDataQuery, MetricStat, Metric, Dimension, GetMetricDataOutput,
 * MetricDataResult, MessageData); lists are serialised the Query way,
 * "MetricDataQueries.member.N.MetricStat.Metric.Dimensions.member.1.Name".
 *
 * Metrics (namespace AWS/EC2, dimension InstanceId): CPUUtilization (Average, %);
 * NetworkIn/NetworkOut (Sum of bytes a period, divided by the period and times 8: bit/s);
 * EBSReadBytes/EBSWriteBytes (Sum a period / period: B/s). EBS rather than DiskReadBytes: Disk*
 * count only instance-store volumes, which Nitro instances (every current type) mostly have
 * none of, so it reads 0 there; EBS* cover the volumes almost every instance boots from. Older
 * Xen types (t2, m4) report no EBS* metrics: their disk series is empty, and its note says why.
 *
 * CloudWatch omits a period without data; such holes become one NaN point, so graphs break.
 */
class AwsMetrics
{
public:
    using Params = QList<std::pair<QString, QString>>;

    /// GetMetricData takes at most 500 MetricDataQueries a request.
    static constexpr int maxQueries = 500;

    struct Page
    {
        QHash<QString, QList<MetricSeries::Point>> points; ///< by query Id, as sent (unsorted)
        QString nextToken; ///< empty on the last page
    };

    /// The CloudWatch metric name of @p kind ("CPUUtilization", "NetworkIn", "EBSReadBytes").
    [[nodiscard]] static QString metricName(MetricSeries::Kind kind);
    /// "Average" for CPU, "Sum" for the byte counters.
    [[nodiscard]] static QString statistic(MetricSeries::Kind kind);
    /// The Period for @p range: its step rounded up to a multiple of 60 (CloudWatch's rule for
    /// regular-resolution metrics) and at least 300: basic monitoring, every instance's default,
    /// sends one figure per 5 minutes, so a 60 s period would leave a hole after every point and
    /// divide the byte sums by a fifth of their time. At least 3600 when the range starts more
    /// than 63 days before its end (CloudWatch keeps 1-minute data 15 days, 5-minute data 63
    /// days, hourly data 455 days).
    [[nodiscard]] static int period(MetricSeries::Kind kind, const MetricRange &range);
    /// The query Id of the @p index-th instance of a request ("m0"…; Ids must start with a
    /// lowercase letter).
    [[nodiscard]] static QString queryId(int index);
    /// The parameters of one GetMetricData request for @p instanceIds (at most maxQueries), in
    /// order: one MetricStat query each, then StartTime, EndTime.
    [[nodiscard]] static Params params(const QStringList &instanceIds, MetricSeries::Kind kind,
                                       const MetricRange &range);
    /// One GetMetricData reply; values multiplied by @p scale. A result whose StatusCode is
    /// Forbidden or InternalError is an error (Forbidden / Server) with CloudWatch's message.
    [[nodiscard]] static Result<Page> page(const QByteArray &xml, double scale = 1);
    /// What each value of @p kind is multiplied by at @p periodSeconds (8 / period for network,
    /// 1 / period for disk, 1 for CPU).
    [[nodiscard]] static double scale(MetricSeries::Kind kind, int periodSeconds);
    /// @p points sorted by time (CloudWatch sends the newest first), one point per time, with a
    /// NaN after every hole longer than @p periodSeconds.
    [[nodiscard]] static QList<MetricSeries::Point>
    ordered(const QList<MetricSeries::Point> &points, int periodSeconds);
    /// What an instance's series of @p kind says beside its points.
    [[nodiscard]] static QString note(MetricSeries::Kind kind, bool empty);
    /// The sentence added to a refused GetMetricData.
    [[nodiscard]] static QString permissionHint();
};
