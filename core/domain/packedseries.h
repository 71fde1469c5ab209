#pragma once

#include "clouddeck_core_export.h"
#include "metricseries.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

/**
 * @brief A MetricSeries as MetricsFeed holds it in memory: the points in one heap block.
 *
 * 10,000 list rows keep an hour of CPU each (issue 16: at most 10 MB for all of them), so a
 * held series costs its values and little else. The block is a small header, the values as
 * doubles (bit for bit: exact, NaN gaps stay NaN) and then the times in the smallest form that
 * gives them back exactly:
 * - Regular: every point one step after the previous one (what the clouds send for an hour, a
 *   day, a week or 30 days), only the first time and the step are kept;
 * - Offsets32: qint32 milliseconds from the first point (any spacing within 24.8 days);
 * - Full: qint64 milliseconds (anything else, e.g. 30 days of irregular millisecond times).
 * Values are never narrowed (no float): the CLI's JSON and the details graph read the feed and
 * print what the cloud said. The rest of the series (fetchedAt as UTC milliseconds, the
 * resolution, unit and note) is in the same block, so a held series is one QByteArray: 24
 * bytes in the holder's hash and one allocation. The machine and the kind are the holder's key,
 * not stored; the kind's usual unit (MetricSeries::unitFor) is a flag, not text.
 */
class CLOUDDECK_CORE_EXPORT PackedSeries
{
public:
    enum class Layout : quint8 { Regular, Offsets32, Full };

    PackedSeries() = default;
    explicit PackedSeries(const MetricSeries &series);

    /// The series again, exactly as packed, with the holder's key.
    [[nodiscard]] MetricSeries unpack(const QString &accountId, const QString &machineId,
                                      MetricSeries::Kind kind) const;
    [[nodiscard]] QList<MetricSeries::Point> points() const;
    [[nodiscard]] qsizetype size() const;
    /// How the times are kept (Regular for an empty series).
    [[nodiscard]] Layout layout() const;
    /// Bytes of the block (its allocation header not counted): tests bound it.
    [[nodiscard]] qsizetype blockBytes() const { return m_block.size(); }

private:
    /// A header, size() doubles, the times (none when Regular), then unit and note as UTF-16.
    QByteArray m_block;
};
