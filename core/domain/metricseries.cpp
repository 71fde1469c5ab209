#include "metricseries.h"

#include <QDataStream>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonValue>
#include <cmath>
#include <limits>

namespace {
// Bumped when the blob's layout changes; an unknown version reads as damaged.
constexpr quint8 s_blobVersion = 1;
// One hour-series per machine for 10,000 machines must stay small; no series is longer.
constexpr quint32 s_maxPoints = 100000;
} // namespace

MetricSeries::Summary MetricSeries::summary() const
{
    Summary result;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    result.min = result.avg = result.max = result.last = nan;
    double sum = 0;
    for (const Point &point : points) {
        if (std::isnan(point.value))
            continue;
        if (result.count == 0) {
            result.min = result.max = point.value;
        } else {
            result.min = std::min(result.min, point.value);
            result.max = std::max(result.max, point.value);
        }
        sum += point.value;
        result.last = point.value;
        ++result.count;
    }
    if (result.count > 0)
        result.avg = sum / result.count;
    return result;
}

QString MetricSeries::kindId(Kind kind)
{
    switch (kind) {
    case Kind::Cpu:
        return QStringLiteral("cpu");
    case Kind::NetworkIn:
        return QStringLiteral("network_in");
    case Kind::NetworkOut:
        return QStringLiteral("network_out");
    case Kind::DiskRead:
        return QStringLiteral("disk_read");
    case Kind::DiskWrite:
        return QStringLiteral("disk_write");
    }
    return {};
}

std::optional<MetricSeries::Kind> MetricSeries::kindFromId(const QString &id)
{
    for (const Kind kind :
         {Kind::Cpu, Kind::NetworkIn, Kind::NetworkOut, Kind::DiskRead, Kind::DiskWrite}) {
        if (kindId(kind) == id)
            return kind;
    }
    return std::nullopt;
}

QString MetricSeries::unitFor(Kind kind)
{
    switch (kind) {
    case Kind::Cpu:
        return QStringLiteral("%");
    case Kind::NetworkIn:
    case Kind::NetworkOut:
        return QStringLiteral("bit/s");
    case Kind::DiskRead:
    case Kind::DiskWrite:
        return QStringLiteral("B/s");
    }
    return {};
}

QJsonObject MetricSeries::toJson() const
{
    QJsonArray array;
    for (const Point &point : points) {
        const QString time =
            QDateTime::fromMSecsSinceEpoch(point.timeMs, Qt::UTC).toString(Qt::ISODate);
        // JSON has no NaN: a gap is null.
        array.append(QJsonArray {time, std::isnan(point.value) ? QJsonValue(QJsonValue::Null)
                                                               : QJsonValue(point.value)});
    }
    QJsonObject object {{QStringLiteral("kind"), kindId(kind)},
                        {QStringLiteral("unit"), unit},
                        {QStringLiteral("resolutionSeconds"), resolutionSeconds},
                        {QStringLiteral("points"), array}};
    if (fetchedAt.isValid())
        object.insert(QStringLiteral("fetchedAt"), fetchedAt.toUTC().toString(Qt::ISODate));
    if (!note.isEmpty())
        object.insert(QStringLiteral("note"), note);
    return object;
}

QByteArray MetricSeries::pointsBlob() const
{
    QByteArray blob;
    QDataStream stream(&blob, QIODevice::WriteOnly);
    stream.setVersion(QDataStream::Qt_6_4);
    stream << s_blobVersion << quint32(points.size());
    for (const Point &point : points)
        stream << point.timeMs << point.value;
    return blob;
}

bool MetricSeries::pointsFromBlob(const QByteArray &blob, QList<Point> *points)
{
    QDataStream stream(blob);
    stream.setVersion(QDataStream::Qt_6_4);
    quint8 version = 0;
    quint32 count = 0;
    stream >> version >> count;
    // The exact size is known: a short, long or foreign blob is damage, not a shorter series.
    constexpr qsizetype header = sizeof(quint8) + sizeof(quint32);
    constexpr qsizetype perPoint = sizeof(qint64) + sizeof(double);
    if (stream.status() != QDataStream::Ok || version != s_blobVersion || count > s_maxPoints
        || blob.size() != header + qsizetype(count) * perPoint) {
        return false;
    }
    QList<Point> result;
    result.reserve(count);
    for (quint32 i = 0; i < count; ++i) {
        Point point;
        stream >> point.timeMs >> point.value;
        result.append(point);
    }
    if (stream.status() != QDataStream::Ok)
        return false;
    *points = std::move(result);
    return true;
}
