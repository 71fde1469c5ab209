#include "vultrmetricsparser.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <cmath>
#include <limits>

namespace {
constexpr qint64 dayMs = 86400000;

Error unreadable(const QString &what)
{
    return Error(Error::InvalidReply,
                 QCoreApplication::translate("VultrMetricsParser",
                                             "Vultr's bandwidth figures are not readable (%1).")
                     .arg(what));
}
} // namespace

QString VultrMetricsParser::bandwidthOnly()
{
    return QCoreApplication::translate(
        "VultrMetricsParser",
        "Vultr reports bandwidth only: its API has no CPU or disk figures for an instance.");
}

Result<MetricSeries> VultrMetricsParser::series(const QJsonObject &reply, MetricSeries::Kind kind,
                                                const MetricRange &range)
{
    if (kind != MetricSeries::Kind::NetworkIn && kind != MetricSeries::Kind::NetworkOut)
        return Error(Error::Unsupported, bandwidthOnly());
    const QJsonValue bandwidth = reply.value(QLatin1String("bandwidth"));
    if (!bandwidth.isObject())
        return unreadable(QStringLiteral("no \"bandwidth\" object"));
    const QLatin1String field(kind == MetricSeries::Kind::NetworkIn ? "incoming_bytes"
                                                                    : "outgoing_bytes");
    MetricSeries series;
    series.kind = kind;
    series.unit = MetricSeries::unitFor(kind);
    series.resolutionSeconds = 86400;
    const qint64 from = range.start.toMSecsSinceEpoch();
    const qint64 to = range.end.toMSecsSinceEpoch();
    const QJsonObject days = bandwidth.toObject();
    // QJsonObject keeps its keys sorted, and ISO dates sort as days do: the points are in order.
    for (auto it = days.constBegin(); it != days.constEnd(); ++it) {
        const QDate date = QDate::fromString(it.key(), Qt::ISODate);
        if (!date.isValid() || date.year() < 1970 || date.year() > 9999)
            return unreadable(QStringLiteral("date \"%1\"").arg(it.key()));
        if (!it.value().isObject())
            return unreadable(it.key());
        const qint64 midnight = QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        // A day counts when any of it lies in the range: a 1-hour range shows today's figure.
        if (midnight + dayMs <= from || midnight > to)
            continue;
        const QJsonValue bytes = it.value().toObject().value(field);
        double value = std::numeric_limits<double>::quiet_NaN();
        if (bytes.isDouble() && std::isfinite(bytes.toDouble()) && bytes.toDouble() >= 0)
            value = bytes.toDouble() * 8 / 86400;
        else if (!bytes.isUndefined() && !bytes.isNull())
            return unreadable(QStringLiteral("%1 of %2").arg(field, it.key()));
        series.points.append({midnight, value});
    }
    if (series.points.isEmpty()) {
        series.note = QCoreApplication::translate(
            "VultrMetricsParser", "Vultr reported no bandwidth for this instance in this range.");
    } else {
        series.note = QCoreApplication::translate(
            "VultrMetricsParser", "Vultr reports bandwidth only, as a daily total: the average "
                                  "over each day.");
    }
    return series;
}
