#include "proxmoxmetricsparser.h"

#include "metricpointreader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QMap>
#include <cmath>
#include <limits>

namespace {
Error unreadable(const QString &what)
{
    return Error(Error::InvalidReply,
                 QCoreApplication::translate("ProxmoxMetricsParser",
                                             "Proxmox VE's statistics (%1) are not readable.")
                     .arg(what));
}

/// The row field of @p kind and what multiplies it into MetricSeries::unitFor(kind).
std::pair<QLatin1String, double> field(MetricSeries::Kind kind)
{
    switch (kind) {
    case MetricSeries::Kind::Cpu:
        return {QLatin1String("cpu"), 100.0}; // a fraction of maxcpu
    case MetricSeries::Kind::NetworkIn:
        return {QLatin1String("netin"), 8.0}; // bytes/s
    case MetricSeries::Kind::NetworkOut:
        return {QLatin1String("netout"), 8.0};
    case MetricSeries::Kind::DiskRead:
        return {QLatin1String("diskread"), 1.0};
    case MetricSeries::Kind::DiskWrite:
        return {QLatin1String("diskwrite"), 1.0};
    }
    return {QLatin1String("cpu"), 100.0};
}

/// A row's reading: a number, or a numeric string; anything else (absent, null, "NaN") a gap.
double reading(const QJsonValue &value)
{
    double result = std::numeric_limits<double>::quiet_NaN();
    if (value.isDouble()) {
        result = value.toDouble();
    } else if (value.isString()) {
        bool ok = false;
        result = value.toString().toDouble(&ok);
        if (!ok)
            return std::numeric_limits<double>::quiet_NaN();
    }
    return std::isfinite(result) ? result : std::numeric_limits<double>::quiet_NaN();
}
} // namespace

QString ProxmoxMetricsParser::timeframe(MetricRange::Span span)
{
    switch (span) {
    case MetricRange::Span::Hour:
        return QStringLiteral("hour");
    case MetricRange::Span::Day:
        return QStringLiteral("day");
    case MetricRange::Span::Week:
        return QStringLiteral("week");
    case MetricRange::Span::Month:
        return QStringLiteral("month");
    }
    return QStringLiteral("hour");
}

Result<MetricSeries> ProxmoxMetricsParser::series(const QJsonObject &reply,
                                                  MetricSeries::Kind kind,
                                                  const MetricRange &range)
{
    const QJsonValue data = reply.value(QLatin1String("data"));
    if (!data.isArray())
        return unreadable(QStringLiteral("no data list"));
    const auto [name, scale] = field(kind);
    const qint64 from = range.start.toMSecsSinceEpoch();
    const qint64 to = range.end.toMSecsSinceEpoch();
    QMap<qint64, double> byTime; // rrddata is in time order; a map also drops repeats
    for (const QJsonValue &row : data.toArray()) {
        if (!row.isObject())
            return unreadable(QStringLiteral("a row is not an object"));
        const QJsonObject object = row.toObject();
        const double seconds = reading(object.value(QLatin1String("time")));
        // 1970 to about 5000: anything else cannot be placed in time.
        if (!std::isfinite(seconds) || seconds < 0 || seconds > 1e11)
            return unreadable(QStringLiteral("a row without a time"));
        const qint64 ms = qint64(std::llround(seconds * 1000));
        if (ms < from || ms > to || byTime.contains(ms))
            continue;
        const double value = reading(object.value(name));
        byTime.insert(ms, std::isnan(value) ? value : value * scale);
    }
    MetricSeries series;
    series.kind = kind;
    series.unit = MetricSeries::unitFor(kind);
    series.points.reserve(byTime.size());
    for (auto it = byTime.cbegin(); it != byTime.cend(); ++it)
        series.points.append({it.key(), it.value()});
    series.resolutionSeconds = MetricPointReader::resolutionSeconds(series.points);
    if (series.points.isEmpty()) {
        series.note = QCoreApplication::translate(
            "ProxmoxMetricsParser", "Proxmox VE reported no data for this guest in this range.");
    } else if (kind == MetricSeries::Kind::Cpu) {
        series.note = QCoreApplication::translate(
            "ProxmoxMetricsParser", "Proxmox VE counts all the guest's cores: 100 % is every core busy.");
    }
    return series;
}
