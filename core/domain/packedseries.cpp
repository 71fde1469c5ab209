#include "packedseries.h"

#include <QtNumeric>

#include <cstring>
#include <limits>

namespace {
struct Header
{
    qint64 firstMs = 0;
    qint64 fetchedAtMs = 0;
    qint32 stepMs = 0; ///< Regular only; a longer step is kept as Full times
    qint32 count = 0;
    qint32 resolutionSeconds = 0;
    qint32 unitLength = 0; ///< -1: MetricSeries::unitFor(kind), not stored
    qint32 noteLength = 0;
    PackedSeries::Layout layout = PackedSeries::Layout::Regular;
    bool hasFetchedAt = false;
};
constexpr qsizetype s_header = sizeof(Header);
static_assert(s_header == 40, "tst_packedseries bounds the block with this size");
constexpr qint32 s_kindUnit = -1;

// memcpy: a QByteArray's data is not promised to be aligned for doubles.
template<typename T>
T readAt(const char *data, qsizetype offset)
{
    T value;
    std::memcpy(&value, data + offset, sizeof(T));
    return value;
}

template<typename T>
void writeAt(char *data, qsizetype offset, const T &value)
{
    std::memcpy(data + offset, &value, sizeof(T));
}

bool fitsQint32(qint64 value)
{
    return value >= std::numeric_limits<qint32>::min()
           && value <= std::numeric_limits<qint32>::max();
}

PackedSeries::Layout layoutFor(const QList<MetricSeries::Point> &points, qint32 *stepMs)
{
    const qint64 first = points.isEmpty() ? 0 : points.constFirst().timeMs;
    qint64 step = 0;
    bool regular =
        points.size() < 2 || (!qSubOverflow(points.at(1).timeMs, first, &step) && fitsQint32(step));
    bool offsets32 = true;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const qint64 time = points.at(i).timeMs;
        // Overflow-safe: a step times an index that leaves qint64 is not regular.
        qint64 expected = 0;
        regular = regular && !qMulOverflow(step, qint64(i), &expected)
                  && !qAddOverflow(first, expected, &expected) && expected == time;
        qint64 offset = 0;
        offsets32 = offsets32 && !qSubOverflow(time, first, &offset) && fitsQint32(offset);
        if (!regular && !offsets32)
            return PackedSeries::Layout::Full;
    }
    *stepMs = regular ? qint32(step) : 0;
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

qsizetype valuesAt()
{
    return s_header;
}

qsizetype timesAt(const Header &header)
{
    return s_header + qsizetype(header.count) * qsizetype(sizeof(double));
}

qsizetype wordsAt(const Header &header)
{
    return timesAt(header) + qsizetype(header.count) * timeBytes(header.layout);
}
} // namespace

PackedSeries::PackedSeries(const MetricSeries &series)
{
    const QList<MetricSeries::Point> &points = series.points;
    const bool kindUnit = series.unit == MetricSeries::unitFor(series.kind);
    if (points.isEmpty() && series.note.isEmpty() && series.unit.isEmpty()
        && !series.fetchedAt.isValid() && series.resolutionSeconds == 0)
        return; // nothing to hold: no block at all
    Header header;
    header.count = qint32(points.size());
    header.firstMs = points.isEmpty() ? 0 : points.constFirst().timeMs;
    header.layout = layoutFor(points, &header.stepMs);
    header.hasFetchedAt = series.fetchedAt.isValid();
    header.fetchedAtMs = header.hasFetchedAt ? series.fetchedAt.toMSecsSinceEpoch() : 0;
    header.resolutionSeconds = series.resolutionSeconds;
    header.unitLength = kindUnit ? s_kindUnit : qint32(series.unit.size());
    header.noteLength = qint32(series.note.size());
    const qsizetype unitBytes = kindUnit ? 0 : series.unit.size() * qsizetype(sizeof(QChar));
    const qsizetype noteBytes = series.note.size() * qsizetype(sizeof(QChar));
    m_block = QByteArray(wordsAt(header) + unitBytes + noteBytes, Qt::Uninitialized);
    char *data = m_block.data();
    writeAt(data, 0, header);
    const qsizetype times = timesAt(header);
    for (qsizetype i = 0; i < points.size(); ++i) {
        const MetricSeries::Point &point = points.at(i);
        writeAt(data, valuesAt() + i * qsizetype(sizeof(double)), point.value);
        if (header.layout == Layout::Offsets32)
            writeAt(data, times + i * qsizetype(sizeof(qint32)),
                    qint32(point.timeMs - header.firstMs));
        else if (header.layout == Layout::Full)
            writeAt(data, times + i * qsizetype(sizeof(qint64)), point.timeMs);
    }
    const qsizetype words = wordsAt(header);
    if (unitBytes > 0)
        std::memcpy(data + words, series.unit.constData(), unitBytes);
    if (noteBytes > 0)
        std::memcpy(data + words + unitBytes, series.note.constData(), noteBytes);
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
    const qsizetype times = timesAt(header);
    for (qsizetype i = 0; i < header.count; ++i) {
        MetricSeries::Point point;
        point.value = readAt<double>(data, valuesAt() + i * qsizetype(sizeof(double)));
        switch (header.layout) {
        case Layout::Regular:
            point.timeMs = header.firstMs + qint64(header.stepMs) * i;
            break;
        case Layout::Offsets32:
            point.timeMs =
                header.firstMs + readAt<qint32>(data, times + i * qsizetype(sizeof(qint32)));
            break;
        case Layout::Full:
            point.timeMs = readAt<qint64>(data, times + i * qsizetype(sizeof(qint64)));
            break;
        }
        result.append(point);
    }
    return result;
}

MetricSeries PackedSeries::unpack(const QString &accountId, const QString &machineId,
                                  MetricSeries::Kind kind) const
{
    const Header header = headerOf(m_block);
    MetricSeries series;
    series.accountId = accountId;
    series.machineId = machineId;
    series.kind = kind;
    series.resolutionSeconds = header.resolutionSeconds;
    series.points = points();
    if (header.hasFetchedAt)
        series.fetchedAt = QDateTime::fromMSecsSinceEpoch(header.fetchedAtMs, Qt::UTC);
    if (m_block.isEmpty())
        return series;
    const char *words = m_block.constData() + wordsAt(header);
    // memcpy again: the text is not promised to be aligned for QChar.
    auto text = [](const char *from, qint32 length) {
        QString result(length, Qt::Uninitialized);
        std::memcpy(result.data(), from, qsizetype(length) * qsizetype(sizeof(QChar)));
        return result;
    };
    const qint32 unitLength = header.unitLength == s_kindUnit ? 0 : header.unitLength;
    series.unit =
        header.unitLength == s_kindUnit ? MetricSeries::unitFor(kind) : text(words, unitLength);
    if (header.noteLength > 0)
        series.note =
            text(words + qsizetype(unitLength) * qsizetype(sizeof(QChar)), header.noteLength);
    return series;
}
