#include "azuremetrics.h"

#include "jsonreader.h"
#include "metricpointreader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QMap>
#include <QRegularExpression>
#include <cmath>
#include <limits>

namespace {

Error unreadable(const QString &what)
{
    return Error(Error::InvalidReply,
                 QCoreApplication::translate("AzureMetrics",
                                             "Azure Monitor's metrics (%1) are not readable.")
                     .arg(what));
}

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

} // namespace

QString AzureMetrics::metricName(MetricSeries::Kind kind)
{
    // The names of Microsoft.Compute/virtualMachines' platform metrics (Azure Monitor's
    // "Supported metrics" list for that namespace).
    switch (kind) {
    case MetricSeries::Kind::Cpu:
        return QStringLiteral("Percentage CPU");
    case MetricSeries::Kind::NetworkIn:
        return QStringLiteral("Network In Total");
    case MetricSeries::Kind::NetworkOut:
        return QStringLiteral("Network Out Total");
    case MetricSeries::Kind::DiskRead:
        return QStringLiteral("Disk Read Bytes");
    case MetricSeries::Kind::DiskWrite:
        return QStringLiteral("Disk Write Bytes");
    }
    return QStringLiteral("Percentage CPU");
}

QString AzureMetrics::aggregation(MetricSeries::Kind kind)
{
    return kind == MetricSeries::Kind::Cpu ? QStringLiteral("Average") : QStringLiteral("Total");
}

int AzureMetrics::grainSeconds(int stepSeconds)
{
    static constexpr int grains[] = {60, 300, 900, 1800, 3600, 21600, 43200, 86400};
    for (const int grain : grains) {
        if (grain >= stepSeconds)
            return grain;
    }
    return grains[std::size(grains) - 1];
}

QString AzureMetrics::duration(int seconds)
{
    if (seconds > 0 && seconds % 86400 == 0)
        return QStringLiteral("P%1D").arg(seconds / 86400);
    QString text = QStringLiteral("PT");
    if (seconds >= 3600)
        text += QStringLiteral("%1H").arg(seconds / 3600);
    if (seconds % 3600 >= 60)
        text += QStringLiteral("%1M").arg(seconds % 3600 / 60);
    if (seconds % 60 != 0 || seconds == 0)
        text += QStringLiteral("%1S").arg(seconds % 60);
    return text;
}

int AzureMetrics::durationSeconds(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^P(?:(\\d{1,3})D)?(?:T(?:(\\d{1,4})H)?(?:(\\d{1,5})M)?(?:(\\d{1,6})S)?)?$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch() || text == QLatin1String("P") || text.endsWith(QLatin1Char('T')))
        return 0;
    return match.captured(1).toInt() * 86400 + match.captured(2).toInt() * 3600
           + match.captured(3).toInt() * 60 + match.captured(4).toInt();
}

QList<std::pair<QString, QString>> AzureMetrics::query(MetricSeries::Kind kind,
                                                       const MetricRange &range)
{
    return {{QStringLiteral("timespan"),
             isoTime(range.start) + QLatin1Char('/') + isoTime(range.end)},
            {QStringLiteral("interval"), duration(grainSeconds(range.stepSeconds))},
            {QStringLiteral("metricnames"), metricName(kind)},
            {QStringLiteral("aggregation"), aggregation(kind)},
            {QStringLiteral("metricnamespace"), metricNamespace}};
}

Result<MetricSeries> AzureMetrics::series(const QJsonObject &reply, MetricSeries::Kind kind,
                                          const MetricRange &range)
{
    const QJsonValue value = reply.value(QLatin1String("value"));
    if (!value.isArray())
        return unreadable(QStringLiteral("no value list"));
    // The interval Azure used (it may differ from the one asked); the byte totals are per it.
    int interval = durationSeconds(JsonReader::string(reply.value(QLatin1String("interval"))));
    if (interval <= 0)
        interval = grainSeconds(range.stepSeconds);
    const QString name = metricName(kind);
    const bool cpu = kind == MetricSeries::Kind::Cpu;
    const QLatin1String field = cpu ? QLatin1String("average") : QLatin1String("total");
    const double scale = cpu                                       ? 1.0
                         : (kind == MetricSeries::Kind::NetworkIn
                            || kind == MetricSeries::Kind::NetworkOut)
                             ? 8.0 / interval
                             : 1.0 / interval;

    MetricSeries series;
    series.kind = kind;
    series.unit = MetricSeries::unitFor(kind);
    bool found = false;
    QMap<qint64, double> byTime;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isObject())
            return unreadable(QStringLiteral("a metric is not an object"));
        const QJsonObject metric = item.toObject();
        const QString metricName =
            JsonReader::string(JsonReader::object(metric.value(QLatin1String("name")))
                                   .value(QLatin1String("value")));
        if (metricName.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        found = true;
        const QString code = JsonReader::string(metric.value(QLatin1String("errorCode")));
        if (!code.isEmpty() && code != QLatin1String("Success")) {
            const QString message = JsonReader::string(metric.value(QLatin1String("errorMessage")));
            series.note = QCoreApplication::translate("AzureMetrics", "Azure Monitor: %1")
                              .arg(message.isEmpty() ? code : message.left(300));
            break;
        }
        const QJsonValue timeseries = metric.value(QLatin1String("timeseries"));
        if (!timeseries.isArray())
            return unreadable(QStringLiteral("no timeseries list"));
        // Without a $filter there is one time series; should there be more, their points are
        // summed per time (a VM's metrics have no dimension that splits them otherwise).
        for (const QJsonValue &element : timeseries.toArray()) {
            const QJsonValue data = JsonReader::object(element).value(QLatin1String("data"));
            if (!element.isObject() || !data.isArray())
                return unreadable(QStringLiteral("a time series without data"));
            for (const QJsonValue &entry : data.toArray()) {
                const QJsonObject point = JsonReader::object(entry);
                const QDateTime time = JsonReader::dateTime(point.value(QLatin1String("timeStamp")));
                if (!time.isValid())
                    return unreadable(QStringLiteral("a point without a time"));
                const std::optional<double> reading = point.value(field).isDouble()
                                                          ? std::optional<double>(
                                                              point.value(field).toDouble())
                                                          : std::nullopt;
                const double scaled = reading && std::isfinite(*reading)
                                          ? *reading * scale
                                          : std::numeric_limits<double>::quiet_NaN();
                const qint64 ms = time.toMSecsSinceEpoch();
                const auto known = byTime.find(ms);
                if (known == byTime.end())
                    byTime.insert(ms, scaled);
                else if (std::isnan(*known))
                    *known = scaled;
                else if (!std::isnan(scaled))
                    *known += scaled;
            }
        }
    }
    series.points.reserve(byTime.size());
    for (auto it = byTime.cbegin(); it != byTime.cend(); ++it)
        series.points.append({it.key(), it.value()});
    series.resolutionSeconds =
        series.points.size() > 1 ? MetricPointReader::resolutionSeconds(series.points) : interval;
    if (!found) {
        series.note = QCoreApplication::translate(
            "AzureMetrics", "Azure Monitor returned no %1 metric for this virtual machine.")
                          .arg(name);
    } else if (series.points.isEmpty() && series.note.isEmpty()) {
        series.note = QCoreApplication::translate(
            "AzureMetrics", "Azure Monitor reported no data for this virtual machine in this range.");
    } else if (series.note.isEmpty() && series.summary().count == 0) {
        series.note = QCoreApplication::translate(
            "AzureMetrics", "No measurements: the virtual machine was deallocated or stopped.");
    }
    return series;
}
