#include "metricpointreader.h"

#include <QCoreApplication>
#include <QHash>
#include <cmath>
#include <limits>

Result<QList<MetricSeries::Point>> MetricPointReader::points(const QJsonValue &values,
                                                             const QString &what, double scale)
{
    const auto invalid = [&what] {
        return Error(Error::InvalidReply,
                     QCoreApplication::translate("MetricPointReader",
                                                 "The metrics reply for %1 is not readable.")
                         .arg(what));
    };
    if (!values.isArray())
        return invalid();
    const QJsonArray array = values.toArray();
    QList<MetricSeries::Point> result;
    result.reserve(array.size());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (const QJsonValue &pair : array) {
        const QJsonArray tuple = pair.toArray();
        if (tuple.size() != 2 || !tuple.at(0).isDouble())
            return invalid();
        const double seconds = tuple.at(0).toDouble();
        if (!std::isfinite(seconds) || seconds < 0 || seconds > 1e11)
            return invalid();
        double value = nan;
        const QJsonValue raw = tuple.at(1);
        if (raw.isDouble()) {
            value = raw.toDouble();
        } else if (raw.isString()) {
            bool ok = false;
            value = raw.toString().toDouble(&ok);
            if (!ok)
                value = nan;
        }
        if (!std::isfinite(value))
            value = nan;
        else
            value *= scale;
        result.append({qint64(std::llround(seconds * 1000)), value});
    }
    return result;
}

int MetricPointReader::resolutionSeconds(const QList<MetricSeries::Point> &points)
{
    // The mode, not the first gap: one late sample must not halve the stated resolution.
    QHash<qint64, int> counts;
    qint64 best = 0;
    for (qsizetype i = 1; i < points.size(); ++i) {
        const qint64 step = (points.at(i).timeMs - points.at(i - 1).timeMs + 500) / 1000;
        if (step <= 0)
            continue;
        const int count = ++counts[step];
        if (count > counts.value(best) || (count == counts.value(best) && step < best))
            best = step;
    }
    return int(best);
}
