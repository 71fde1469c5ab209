#include "demometrics.h"

#include <QCoreApplication>
#include <cmath>
#include <limits>
#include <numbers>

namespace {
// FNV-1a: stable across runs and Qt versions, unlike qHash's seeded variants.
quint64 mix(quint64 hash, quint64 value)
{
    for (int i = 0; i < 8; ++i) {
        hash ^= (value >> (i * 8)) & 0xff;
        hash *= 1099511628211ULL;
    }
    return hash;
}

quint64 seedOf(const QString &machineId, MetricSeries::Kind kind)
{
    quint64 hash = 14695981039346656037ULL;
    for (const QChar c : machineId)
        hash = mix(hash, c.unicode());
    return mix(hash, quint64(kind) + 1);
}

/// 0..1, from the seed and the point's index.
double noise(quint64 seed, qint64 index)
{
    return double(mix(seed, quint64(index)) % 10000) / 10000.0;
}
} // namespace

MetricSeries DemoMetrics::series(const QString &accountId, const QString &machineId,
                                 MetricSeries::Kind kind, const MetricRange &range, bool running,
                                 std::optional<double> level)
{
    MetricSeries series;
    series.accountId = accountId;
    series.machineId = machineId;
    series.kind = kind;
    series.unit = MetricSeries::unitFor(kind);
    series.resolutionSeconds = range.stepSeconds;
    if (!running) {
        series.note = QCoreApplication::translate("DemoMetrics",
                                                  "Demo: simulated; the machine is not running");
        return series;
    }
    series.note = QCoreApplication::translate("DemoMetrics", "Demo: simulated");
    const quint64 seed = seedOf(machineId, kind);
    // Each machine's own level: about a third idle (under 2 % CPU), the rest busy to very busy.
    if (!level)
        level = noise(seed, -1);
    double scale = 0;
    switch (kind) {
    case MetricSeries::Kind::Cpu:
        scale = *level < 0.33 ? 1.5 : 10 + *level * 80;
        break;
    case MetricSeries::Kind::NetworkIn:
    case MetricSeries::Kind::NetworkOut:
        scale = 2e5 + *level * 5e7; // 200 kbit/s .. 50 Mbit/s
        break;
    case MetricSeries::Kind::DiskRead:
    case MetricSeries::Kind::DiskWrite:
        scale = 1e4 + *level * 2e7; // 10 kB/s .. 20 MB/s
        break;
    }
    const qint64 step = qMax(1, range.stepSeconds);
    const qint64 first = (range.start.toSecsSinceEpoch() + step - 1) / step;
    const qint64 last = range.end.toSecsSinceEpoch() / step;
    series.points.reserve(qsizetype(qMax<qint64>(0, last - first + 1)));
    for (qint64 index = first; index <= last; ++index) {
        const qint64 seconds = index * step;
        double value = std::numeric_limits<double>::quiet_NaN();
        if (noise(seed ^ 0x5a5a, index) >= 0.01) { // about 1 % of samples missing
            const double day = std::sin(2 * std::numbers::pi * double(seconds % 86400) / 86400);
            value = scale * (0.75 + 0.2 * day + 0.3 * (noise(seed, index) - 0.5));
            if (kind == MetricSeries::Kind::Cpu)
                value = std::clamp(value, 0.0, 100.0);
            value = std::max(0.0, value);
        }
        series.points.append({seconds * 1000, value});
    }
    return series;
}
