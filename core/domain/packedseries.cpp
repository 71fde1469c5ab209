#include "packedseries.h"

#include <QtNumeric>

#include <cstring>
#include <limits>

namespace {
struct Header
{
    qint64 firstMs = 0;
    qint64 stepMs = 0; ///< Regular only
    qint32 count = 0;
    PackedSeries::Layout layout = PackedSeries::Layout::Regular;
};
constexpr qsizetype s_header = sizeof(Header);

// memcpy: a QByteArray's data is not promised to be aligned for doubles.
template<typename T>
T readAt(const char *data, qsizetype offset)
{
    T value;
    std::memcpy(&value, data + offset, sizeof(T));
    return value;
}

template<typename T>
void writeAt(char *data, qsizetype offset, T value)
{
    std::memcpy(data + offset, &value, sizeof(T));
}

PackedSeries::Layout layoutFor(const QList<MetricSeries::Point> &points, qint64 *stepMs)
{
    *stepMs = points.size() > 1 ? points.at(1).timeMs - points.at(0).timeMs : 0;
    bool regular = true;
    bool offsets32 = true;
    const qint64 first = points.isEmpty() ? 0 : points.constFirst().timeMs;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const qint64 time = points.at(i).timeMs;
        // Overflow-safe: a step times an index that leaves qint64 is not regular.
        qint64 expected = 0;
        regular = regular && !qMulOverflow(*stepMs, qint64(i), &expected)
                  && !qAddOverflow(first, expected, &expected) && expected == time;
        qint64 offset = 0;
        offsets32 = offsets32 && !qSubOverflow(time, first, &offset)
                    && offset >= std::numeric_limits<qint32>::min()
                    && offset <= std::numeric_limits<qint32>::max();
        if (!regular && !offsets32)
            return PackedSeries::Layout::Full;
    }
    return regular ? PackedSeries::Layout::Regular : PackedSeries::Layout::Offsets32;
}

qsizetype timeBytes(PackedSeries::Layout layout)
{
    switch (layout) {
    case PackedSeries::Layout::Regular:
        return 0;
    case PackedSeries::Layout::Offsets32:
        return sizeof(qint32);
    case PackedSeries::Layout::Full:
        return sizeof(qint64);
    }
    return sizeof(qint64);
}

Header headerOf(const QByteArray &block)
{
    return block.size() >= s_header ? readAt<Header>(block.constData(), 0) : Header {};
}
} // namespace

PackedSeries::PackedSeries(const MetricSeries &series)
    : m_fetchedAt(series.fetchedAt)
    , m_unit(series.unit)
    , m_note(series.note)
    , m_resolutionSeconds(series.resolutionSeconds)
{
    const QList<MetricSeries::Point> &points = series.points;
    if (points.isEmpty())
        return; // no block at all
    Header header;
    header.count = qint32(points.size());
    header.firstMs = points.constFirst().timeMs;
    header.layout = layoutFor(points, &header.stepMs);
    const qsizetype count = points.size();
    const qsizetype timesAt = s_header + count * qsizetype(sizeof(double));
    m_block = QByteArray(timesAt + count * timeBytes(header.layout), Qt::Uninitialized);
    char *data = m_block.data();
    writeAt(data, 0, header);
    for (qsizetype i = 0; i < count; ++i) {
        const MetricSeries::Point &point = points.at(i);
        writeAt(data, s_header + i * qsizetype(sizeof(double)), point.value);
        if (header.layout == Layout::Offsets32)
            writeAt(data, timesAt + i * qsizetype(sizeof(qint32)),
                    qint32(point.timeMs - header.firstMs));
        else if (header.layout == Layout::Full)
            writeAt(data, timesAt + i * qsizetype(sizeof(qint64)), point.timeMs);
    }
}

qsizetype PackedSeries::size() const
{
    return headerOf(m_block).count;
}

PackedSeries::Layout PackedSeries::layout() const
{
    return headerOf(m_block).layout;
}

QList<MetricSeries::Point> PackedSeries::points() const
{
    const Header header = headerOf(m_block);
    QList<MetricSeries::Point> result;
    result.reserve(header.count);
    const char *data = m_block.constData();
    const qsizetype timesAt = s_header + qsizetype(header.count) * qsizetype(sizeof(double));
    for (qsizetype i = 0; i < header.count; ++i) {
        MetricSeries::Point point;
        point.value = readAt<double>(data, s_header + i * qsizetype(sizeof(double)));
        switch (header.layout) {
        case Layout::Regular:
            point.timeMs = header.firstMs + header.stepMs * i;
            break;
        case Layout::Offsets32:
            point.timeMs =
                header.firstMs + readAt<qint32>(data, timesAt + i * qsizetype(sizeof(qint32)));
            break;
        case Layout::Full:
            point.timeMs = readAt<qint64>(data, timesAt + i * qsizetype(sizeof(qint64)));
            break;
        }
        result.append(point);
    }
    return result;
}

MetricSeries PackedSeries::unpack(const QString &accountId, const QString &machineId,
                                  MetricSeries::Kind kind) const
{
    MetricSeries series;
    series.accountId = accountId;
    series.machineId = machineId;
    series.kind = kind;
    series.unit = m_unit;
    series.resolutionSeconds = m_resolutionSeconds;
    series.points = points();
    series.fetchedAt = m_fetchedAt;
    series.note = m_note;
    return series;
}
