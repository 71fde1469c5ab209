#include "hetznermetricsparser.h"

#include "metricpointreader.h"

#include <QCoreApplication>
#include <cmath>

QString HetznerMetricsParser::type(MetricSeries::Kind kind)
{
    switch (kind) {
    case MetricSeries::Kind::Cpu:
        return QStringLiteral("cpu");
    case MetricSeries::Kind::NetworkIn:
    case MetricSeries::Kind::NetworkOut:
        return QStringLiteral("network");
    case MetricSeries::Kind::DiskRead:
    case MetricSeries::Kind::DiskWrite:
        return QStringLiteral("disk");
    }
    return {};
}

QString HetznerMetricsParser::seriesName(MetricSeries::Kind kind)
{
    switch (kind) {
    case MetricSeries::Kind::Cpu:
        return QStringLiteral("cpu");
    case MetricSeries::Kind::NetworkIn:
        return QStringLiteral("network.0.bandwidth.in");
    case MetricSeries::Kind::NetworkOut:
        return QStringLiteral("network.0.bandwidth.out");
    case MetricSeries::Kind::DiskRead:
        return QStringLiteral("disk.0.bandwidth.read");
    case MetricSeries::Kind::DiskWrite:
        return QStringLiteral("disk.0.bandwidth.write");
    }
    return {};
}

Result<MetricSeries> HetznerMetricsParser::series(const QJsonObject &reply, MetricSeries::Kind kind)
{
    const QJsonObject metrics = reply.value(QLatin1String("metrics")).toObject();
    const QJsonValue timeSeries = metrics.value(QLatin1String("time_series"));
    if (!timeSeries.isObject()) {
        return Error(Error::InvalidReply,
                     QCoreApplication::translate("HetznerMetricsParser",
                                                 "Hetzner's metrics reply has no time_series."));
    }
    MetricSeries series;
    series.kind = kind;
    series.unit = MetricSeries::unitFor(kind);
    const double step = metrics.value(QLatin1String("step")).toDouble();
    if (std::isfinite(step) && step > 0 && step < 1e9)
        series.resolutionSeconds = int(std::lround(step));
    const QString name = seriesName(kind);
    const QJsonObject one = timeSeries.toObject().value(name).toObject();
    if (one.isEmpty()) {
        series.note = QCoreApplication::translate("HetznerMetricsParser",
                                                  "Hetzner reported no data for this machine.");
        return series;
    }
    const bool network =
        kind == MetricSeries::Kind::NetworkIn || kind == MetricSeries::Kind::NetworkOut;
    const auto points =
        MetricPointReader::points(one.value(QLatin1String("values")), name, network ? 8 : 1);
    if (!points.ok())
        return points.error();
    series.points = points.value();
    if (series.points.isEmpty()) {
        series.note = QCoreApplication::translate("HetznerMetricsParser",
                                                  "Hetzner reported no data for this machine.");
    }
    if (series.resolutionSeconds == 0)
        series.resolutionSeconds = MetricPointReader::resolutionSeconds(series.points);
    return series;
}
