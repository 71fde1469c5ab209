#include "idlerule.h"

#include <cmath>

std::optional<bool> IdleRule::isIdle(const MetricSeries &weekCpu, const QDateTime &now)
{
    if (weekCpu.kind != MetricSeries::Kind::Cpu || weekCpu.points.isEmpty())
        return std::nullopt;
    const qint64 windowMs = qint64(windowDays) * 24 * 3600 * 1000;
    const qint64 startMs = now.toMSecsSinceEpoch() - windowMs;
    const qint64 stepMs = qMax<qint64>(weekCpu.resolutionSeconds, 60) * 1000;
    int real = 0;
    qint64 firstMs = -1;
    bool busy = false;
    for (const MetricSeries::Point &point : weekCpu.points) {
        if (point.timeMs < startMs || std::isnan(point.value))
            continue;
        if (firstMs < 0)
            firstMs = point.timeMs;
        ++real;
        busy = busy || point.value >= thresholdPercent;
    }
    // Two steps of slack: the window's first sample may fall just before startMs and the next
    // one be a gap, which is a missed sample, not a machine too young to judge.
    if (firstMs < 0 || firstMs > startMs + 2 * stepMs)
        return std::nullopt;
    const double expected = double(windowMs) / double(stepMs);
    if (double(real) < minimumCoverage * expected)
        return std::nullopt;
    return !busy;
}
