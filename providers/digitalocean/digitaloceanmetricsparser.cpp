#include "digitaloceanmetricsparser.h"

#include "metricpointreader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QMap>
#include <cmath>
#include <limits>
#include <optional>

namespace {
Error invalid(const QString &why)
{
    return Error(Error::InvalidReply,
                 QCoreApplication::translate("DigitalOceanMetricsParser",
                                             "DigitalOcean's metrics reply is not readable: %1")
                     .arg(why));
}

/// data.result, checked to be a matrix.
Result<QJsonArray> matrix(const QJsonObject &reply)
{
    const QJsonObject data = reply.value(QLatin1String("data")).toObject();
    if (!reply.value(QLatin1String("data")).isObject())
        return invalid(QStringLiteral("no data"));
    const QString type = data.value(QLatin1String("resultType")).toString();
    if (type != QLatin1String("matrix"))
        return invalid(QStringLiteral("resultType \"%1\"").arg(type));
    if (!data.value(QLatin1String("result")).isArray())
        return invalid(QStringLiteral("no result"));
    return data.value(QLatin1String("result")).toArray();
}

MetricSeries empty(MetricSeries::Kind kind)
{
    MetricSeries series;
    series.kind = kind;
    series.unit = MetricSeries::unitFor(kind);
    return series;
}
} // namespace

QString DigitalOceanMetricsParser::agentMissing()
{
    return QCoreApplication::translate(
        "DigitalOceanMetricsParser",
        "No data: the monitoring agent is not installed on this droplet (or it has not reported "
        "yet). Install it with \"curl -sSL https://repos.insights.digitalocean.com/install.sh | "
        "sudo bash\".");
}

Result<MetricSeries> DigitalOceanMetricsParser::cpu(const QJsonObject &reply)
{
    const Result<QJsonArray> result = matrix(reply);
    if (!result.ok())
        return result.error();
    MetricSeries series = empty(MetricSeries::Kind::Cpu);
    // Per sample time: the sum of all modes' counters and the idle counter. A mode missing at
    // a time, or a gap in one, makes that time unusable (NaN), never a wrong share.
    struct Sample
    {
        double all = 0;
        double idle = 0;
        int modes = 0;
        bool gap = false;
    };
    QMap<qint64, Sample> samples;
    int modes = 0;
    for (const QJsonValue &value : result.value()) {
        const QJsonObject one = value.toObject();
        const QString mode =
            one.value(QLatin1String("metric")).toObject().value(QLatin1String("mode")).toString();
        const auto points = MetricPointReader::points(one.value(QLatin1String("values")),
                                                      QStringLiteral("cpu ") + mode);
        if (!points.ok())
            return points.error();
        ++modes;
        for (const MetricSeries::Point &point : points.value()) {
            Sample &sample = samples[point.timeMs];
            ++sample.modes;
            if (std::isnan(point.value)) {
                sample.gap = true;
                continue;
            }
            sample.all += point.value;
            if (mode == QLatin1String("idle"))
                sample.idle += point.value;
        }
    }
    if (samples.isEmpty()) {
        series.note = agentMissing();
        return series;
    }
    const double nan = std::numeric_limits<double>::quiet_NaN();
    // A share needs two usable samples in a row; after a gap the next time is a gap too, so
    // the timeline keeps its steps.
    std::optional<Sample> previous;
    bool first = true;
    for (auto it = samples.cbegin(); it != samples.cend(); ++it) {
        const Sample current = it.value();
        const bool usable = !current.gap && current.modes == modes;
        if (!first) {
            double busy = nan;
            const double all = previous ? current.all - previous->all : 0;
            // A counter that went back (the agent restarted) gives no share for that step.
            if (usable && previous && all > 0 && current.idle >= previous->idle)
                busy =
                    std::clamp(100.0 * (1.0 - (current.idle - previous->idle) / all), 0.0, 100.0);
            series.points.append({it.key(), busy});
        }
        first = false;
        previous = usable ? std::optional<Sample>(current) : std::nullopt;
    }
    series.resolutionSeconds = MetricPointReader::resolutionSeconds(series.points);
    return series;
}

Result<MetricSeries> DigitalOceanMetricsParser::bandwidth(const QJsonObject &reply,
                                                          MetricSeries::Kind kind)
{
    const Result<QJsonArray> result = matrix(reply);
    if (!result.ok())
        return result.error();
    MetricSeries series = empty(kind);
    if (result.value().isEmpty()) {
        series.note = agentMissing();
        return series;
    }
    const auto points =
        MetricPointReader::points(result.value().first().toObject().value(QLatin1String("values")),
                                  MetricSeries::kindId(kind), 1e6);
    if (!points.ok())
        return points.error();
    series.points = points.value();
    if (series.points.isEmpty())
        series.note = agentMissing();
    series.resolutionSeconds = MetricPointReader::resolutionSeconds(series.points);
    return series;
}
