#include "linodemetricsparser.h"

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
                 QCoreApplication::translate("LinodeMetricsParser",
                                             "Linode's statistics for %1 are not readable.")
                     .arg(what));
}

/// [[ms, value], …] -> points; an absent series (undefined or null) is empty, not an error.
Result<QList<MetricSeries::Point>> pairs(const QJsonValue &value, const QString &what)
{
    if (value.isUndefined() || value.isNull())
        return QList<MetricSeries::Point>();
    if (!value.isArray())
        return unreadable(what);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QList<MetricSeries::Point> points;
    const QJsonArray array = value.toArray();
    points.reserve(array.size());
    for (const QJsonValue &pair : array) {
        const QJsonArray tuple = pair.toArray();
        if (tuple.size() != 2 || !tuple.at(0).isDouble())
            return unreadable(what);
        const double ms = tuple.at(0).toDouble();
        // Year 1970 to about 5000 in milliseconds: anything else cannot be placed in time.
        if (!std::isfinite(ms) || ms < 0 || ms > 1e14)
            return unreadable(what);
        double reading = nan;
        const QJsonValue raw = tuple.at(1);
        if (raw.isDouble()) {
            reading = raw.toDouble();
        } else if (raw.isString()) {
            bool ok = false;
            reading = raw.toString().toDouble(&ok);
            if (!ok)
                reading = nan;
        }
        points.append({qint64(std::llround(ms)), std::isfinite(reading) ? reading : nan});
    }
    return points;
}

/// The sum per timestamp of @p parts; a time missing from one part counts as 0 there (IPv6 is
/// often absent), a gap in any part is a gap in the sum (it is not known).
QList<MetricSeries::Point> sum(const QList<QList<MetricSeries::Point>> &parts)
{
    QMap<qint64, double> byTime;
    for (const auto &part : parts) {
        for (const MetricSeries::Point &point : part) {
            const auto it = byTime.find(point.timeMs);
            if (it == byTime.end())
                byTime.insert(point.timeMs, point.value);
            else
                *it += point.value; // NaN stays NaN
        }
    }
    QList<MetricSeries::Point> points;
    points.reserve(byTime.size());
    for (auto it = byTime.cbegin(); it != byTime.cend(); ++it)
        points.append({it.key(), it.value()});
    return points;
}

/// What a series of @p kind says beside its points (nothing for network).
QString note(MetricSeries::Kind kind, bool empty)
{
    if (kind == MetricSeries::Kind::DiskWrite) {
        return QCoreApplication::translate(
            "LinodeMetricsParser",
            "Linode reports disk reads and writes as one figure: see disk_read.");
    }
    if (empty) {
        return QCoreApplication::translate("LinodeMetricsParser",
                                           "Linode reported no data for this Linode.");
    }
    if (kind == MetricSeries::Kind::Cpu) {
        return QCoreApplication::translate("LinodeMetricsParser",
                                           "Linode adds up its cores: 100 % is one core busy.");
    }
    if (kind == MetricSeries::Kind::DiskRead) {
        return QCoreApplication::translate(
            "LinodeMetricsParser", "Linode reports disk reads and writes together, in blocks/s.");
    }
    return {};
}
} // namespace

Result<MetricSeries> LinodeMetricsParser::series(const QJsonObject &reply, MetricSeries::Kind kind)
{
    const QJsonValue data = reply.value(QLatin1String("data"));
    const QJsonObject stats = data.isObject() ? data.toObject() : reply;
    const bool known = stats.contains(QLatin1String("cpu")) || stats.contains(QLatin1String("io"))
        || stats.contains(QLatin1String("netv4")) || stats.contains(QLatin1String("netv6"));
    if (!known && !data.isObject())
        return unreadable(QStringLiteral("this Linode (no cpu, io or netv4)"));
    for (const char *group : {"io", "netv4", "netv6"}) {
        const QJsonValue value = stats.value(QLatin1String(group));
        if (!value.isUndefined() && !value.isNull() && !value.isObject())
            return unreadable(QLatin1String(group));
    }
    MetricSeries series;
    series.kind = kind;
    series.unit = MetricSeries::unitFor(kind);
    QList<QList<MetricSeries::Point>> parts;
    const auto read = [&](const QJsonValue &value, const QString &what) -> bool {
        Result<QList<MetricSeries::Point>> points = pairs(value, what);
        if (!points.ok())
            return false;
        parts.append(points.takeValue());
        return true;
    };
    bool ok = true;
    switch (kind) {
    case MetricSeries::Kind::Cpu:
        ok = read(stats.value(QLatin1String("cpu")), QStringLiteral("cpu"));
        break;
    case MetricSeries::Kind::NetworkIn:
    case MetricSeries::Kind::NetworkOut: {
        const QLatin1String direction(kind == MetricSeries::Kind::NetworkIn ? "in" : "out");
        for (const char *family : {"netv4", "netv6"}) {
            const QString what = QLatin1String(family) + u'.' + direction;
            ok = ok
                && read(stats.value(QLatin1String(family)).toObject().value(direction), what);
        }
        break;
    }
    case MetricSeries::Kind::DiskRead:
        ok = read(stats.value(QLatin1String("io")).toObject().value(QLatin1String("io")),
                  QStringLiteral("io"));
        series.unit = QStringLiteral("blocks/s");
        break;
    case MetricSeries::Kind::DiskWrite:
        series.unit = QStringLiteral("blocks/s");
        series.note = note(kind, true);
        return series;
    }
    if (!ok)
        return unreadable(MetricSeries::kindId(kind));
    series.points = parts.size() == 1 ? parts.first() : sum(parts);
    series.resolutionSeconds = MetricPointReader::resolutionSeconds(series.points);
    series.note = note(kind, series.points.isEmpty());
    return series;
}

QStringList LinodeMetricsParser::paths(const MetricRange &range, const QDate &today)
{
    if (MetricRange::spanSeconds(range.span) <= MetricRange::spanSeconds(MetricRange::Span::Day))
        return {QStringLiteral("stats")};
    const QDate first = range.start.toUTC().date();
    const QDate last = range.end.toUTC().date();
    const auto month = [](const QDate &date) {
        return QStringLiteral("stats/%1/%2").arg(date.year()).arg(date.month());
    };
    // The current month's answer is the past 30 days: it covers every span we offer.
    const bool current = last.year() == today.year() && last.month() == today.month();
    if (current && first.daysTo(today) <= 30)
        return {month(last)};
    QStringList paths;
    for (QDate date(first.year(), first.month(), 1); date <= last && paths.size() < 3;
         date = date.addMonths(1))
        paths.append(month(date));
    return paths;
}

MetricSeries LinodeMetricsParser::window(const QList<MetricSeries> &parts, const MetricRange &range)
{
    MetricSeries merged;
    if (!parts.isEmpty()) {
        merged = parts.first();
        merged.points.clear();
    }
    const qint64 from = range.start.toMSecsSinceEpoch();
    const qint64 to = range.end.toMSecsSinceEpoch();
    QMap<qint64, double> byTime;
    for (const MetricSeries &part : parts) {
        for (const MetricSeries::Point &point : part.points) {
            if (point.timeMs >= from && point.timeMs <= to && !byTime.contains(point.timeMs))
                byTime.insert(point.timeMs, point.value);
        }
    }
    merged.points.reserve(byTime.size());
    for (auto it = byTime.cbegin(); it != byTime.cend(); ++it)
        merged.points.append({it.key(), it.value()});
    merged.resolutionSeconds = MetricPointReader::resolutionSeconds(merged.points);
    merged.note = note(merged.kind, merged.points.isEmpty());
    return merged;
}
