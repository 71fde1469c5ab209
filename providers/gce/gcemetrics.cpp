#include "gcemetrics.h"

#include "jsonreader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QMap>
#include <cmath>
#include <limits>

namespace {

Error unreadable(const QString &what)
{
    return Error(Error::InvalidReply,
                 QCoreApplication::translate("GceMetrics",
                                             "Cloud Monitoring's time series (%1) are not readable.")
                     .arg(what));
}

double scale(MetricSeries::Kind kind)
{
    switch (kind) {
    case MetricSeries::Kind::Cpu:
        return 100.0;
    case MetricSeries::Kind::NetworkIn:
    case MetricSeries::Kind::NetworkOut:
        return 8.0;
    case MetricSeries::Kind::DiskRead:
    case MetricSeries::Kind::DiskWrite:
        return 1.0;
    }
    return 1.0;
}

/// A TypedValue's number: doubleValue, or int64Value (a decimal string in JSON).
double typedValue(const QJsonObject &value)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const QJsonValue number = value.value(QLatin1String("doubleValue"));
    if (number.isDouble())
        return std::isfinite(number.toDouble()) ? number.toDouble() : nan;
    if (number.isString()) // "NaN", "Infinity": JSON has no such numbers
        return nan;
    const QJsonValue integer = value.value(QLatin1String("int64Value"));
    bool ok = false;
    const double parsed = integer.isString() ? integer.toString().toDouble(&ok) : nan;
    return ok && std::isfinite(parsed) ? parsed : nan;
}

} // namespace

QString GceMetrics::metricType(MetricSeries::Kind kind)
{
    switch (kind) {
    case MetricSeries::Kind::Cpu:
        return QStringLiteral("compute.googleapis.com/instance/cpu/utilization");
    case MetricSeries::Kind::NetworkIn:
        return QStringLiteral("compute.googleapis.com/instance/network/received_bytes_count");
    case MetricSeries::Kind::NetworkOut:
        return QStringLiteral("compute.googleapis.com/instance/network/sent_bytes_count");
    case MetricSeries::Kind::DiskRead:
        return QStringLiteral("compute.googleapis.com/instance/disk/read_bytes_count");
    case MetricSeries::Kind::DiskWrite:
        return QStringLiteral("compute.googleapis.com/instance/disk/write_bytes_count");
    }
    return {};
}

QString GceMetrics::filter(MetricSeries::Kind kind, const QStringList &instanceIds)
{
    // The ids are checked numeric before they get here: nothing to quote inside the strings.
    QStringList quoted;
    for (const QString &id : instanceIds)
        quoted.append(QLatin1Char('"') + id + QLatin1Char('"'));
    return QStringLiteral("metric.type = \"%1\" AND resource.type = \"gce_instance\" AND "
                          "resource.labels.instance_id = one_of(%2)")
        .arg(metricType(kind), quoted.join(QLatin1Char(',')));
}

QList<std::pair<QString, QString>> GceMetrics::query(MetricSeries::Kind kind,
                                                     const QStringList &instanceIds,
                                                     const MetricRange &range)
{
    const bool cpu = kind == MetricSeries::Kind::Cpu;
    return {{QStringLiteral("filter"), filter(kind, instanceIds)},
            {QStringLiteral("interval.startTime"), range.start.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("interval.endTime"), range.end.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("aggregation.alignmentPeriod"),
             QStringLiteral("%1s").arg(std::max(60, range.stepSeconds))},
            {QStringLiteral("aggregation.perSeriesAligner"),
             cpu ? QStringLiteral("ALIGN_MEAN") : QStringLiteral("ALIGN_RATE")},
            {QStringLiteral("aggregation.crossSeriesReducer"),
             cpu ? QStringLiteral("REDUCE_MEAN") : QStringLiteral("REDUCE_SUM")},
            {QStringLiteral("aggregation.groupByFields"),
             QStringLiteral("resource.labels.instance_id")},
            {QStringLiteral("view"), QStringLiteral("FULL")},
            {QStringLiteral("pageSize"), QStringLiteral("100000")}};
}

Result<QList<GceMetrics::InstanceSeries>> GceMetrics::page(const QJsonObject &reply,
                                                           MetricSeries::Kind kind)
{
    QList<InstanceSeries> result;
    const QJsonValue list = reply.value(QLatin1String("timeSeries"));
    if (list.isUndefined())
        return result; // Google leaves the member out when nothing matched
    if (!list.isArray())
        return unreadable(QStringLiteral("timeSeries is not a list"));
    const double factor = scale(kind);
    for (const QJsonValue &item : list.toArray()) {
        if (!item.isObject())
            return unreadable(QStringLiteral("a time series is not an object"));
        const QJsonObject series = item.toObject();
        InstanceSeries part;
        part.instanceId = JsonReader::string(
            JsonReader::object(JsonReader::object(series.value(QLatin1String("resource")))
                                   .value(QLatin1String("labels")))
                .value(QLatin1String("instance_id")));
        if (part.instanceId.isEmpty())
            return unreadable(QStringLiteral("a time series without its instance"));
        const QJsonValue points = series.value(QLatin1String("points"));
        if (!points.isArray())
            return unreadable(QStringLiteral("a time series without points"));
        for (const QJsonValue &entry : points.toArray()) {
            const QJsonObject point = JsonReader::object(entry);
            // An aligned point stands for its period and carries the period's end.
            const QDateTime end = JsonReader::dateTime(
                JsonReader::object(point.value(QLatin1String("interval")))
                    .value(QLatin1String("endTime")));
            if (!end.isValid())
                return unreadable(QStringLiteral("a point without its time"));
            const double value =
                typedValue(JsonReader::object(point.value(QLatin1String("value"))));
            part.points.append({end.toMSecsSinceEpoch(), std::isnan(value) ? value : value * factor});
        }
        result.append(part);
    }
    return result;
}

MetricSeries GceMetrics::assemble(const QList<InstanceSeries> &parts, const QString &instanceId,
                                  MetricSeries::Kind kind, const MetricRange &range)
{
    QMap<qint64, double> byTime;
    for (const InstanceSeries &part : parts) {
        if (part.instanceId != instanceId)
            continue;
        for (const MetricSeries::Point &point : part.points)
            byTime.insert(point.timeMs, point.value); // a repeat keeps the later copy
    }
    MetricSeries series;
    series.kind = kind;
    series.unit = MetricSeries::unitFor(kind);
    series.resolutionSeconds = std::max(60, range.stepSeconds);
    const qint64 period = qint64(series.resolutionSeconds) * 1000;
    for (auto it = byTime.cbegin(); it != byTime.cend(); ++it) {
        // Periods without data are left out of the reply: one NaN after the last point marks
        // the hole, so a graph breaks the line there.
        if (!series.points.isEmpty() && it.key() - series.points.last().timeMs > period)
            series.points.append({series.points.last().timeMs + period,
                                  std::numeric_limits<double>::quiet_NaN()});
        series.points.append({it.key(), it.value()});
    }
    if (series.points.isEmpty())
        series.note = QCoreApplication::translate(
            "GceMetrics",
            "Cloud Monitoring has no data for this instance in this range (it was stopped, or "
            "the credential lacks the monitoring.read scope's Monitoring Viewer role).");
    return series;
}
