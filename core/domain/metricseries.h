#pragma once

#include "clouddeck_core_export.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

/**
 * @brief One machine's measurements of one kind over a time range, as its cloud reported them.
 *
 * Points are (UTC milliseconds, value) in time order; a NaN value is a gap the cloud reported
 * (a null, "NaN", a missing sample), kept so that graphs break the line there instead of
 * drawing across it. Values are in unit() ("%", "bit/s", "B/s"), converted from the cloud's own
 * unit by its provider, so that series of different clouds compare side by side.
 */
class CLOUDDECK_CORE_EXPORT MetricSeries
{
public:
    enum class Kind { Cpu, NetworkIn, NetworkOut, DiskRead, DiskWrite };

    struct Point
    {
        qint64 timeMs = 0;
        double value = 0;
    };

    struct Summary
    {
        int count = 0; ///< points that are not gaps; min/avg/max are NaN when 0
        double min = 0;
        double avg = 0;
        double max = 0;
        double last = 0; ///< the newest value that is not a gap
    };

    QString accountId;
    QString machineId;
    Kind kind = Kind::Cpu;
    QString unit;
    int resolutionSeconds = 0; ///< the cloud's step between points
    QList<Point> points;
    QDateTime fetchedAt; ///< when the cloud answered (cached series: how old they are)
    /// Why the series is empty or what it is ("the monitoring agent is not installed",
    /// "Demo: simulated"); shown next to it.
    QString note;

    [[nodiscard]] Summary summary() const;
    [[nodiscard]] bool isEmpty() const { return points.isEmpty(); }

    /// "cpu", "network_in", "network_out", "disk_read", "disk_write"
    [[nodiscard]] static QString kindId(Kind kind);
    [[nodiscard]] static std::optional<Kind> kindFromId(const QString &id);
    /// The unit every provider converts to: "%" for CPU, "bit/s" for network, "B/s" for disk.
    [[nodiscard]] static QString unitFor(Kind kind);

    /// {"kind", "unit", "resolutionSeconds", "note", "points": [["2026-…Z", value|null], …]}
    [[nodiscard]] QJsonObject toJson() const;
    /// Points as one compact byte array (the cache's BLOB): count, then (ms, value) pairs.
    [[nodiscard]] QByteArray pointsBlob() const;
    /// Reads pointsBlob()'s format; false (points untouched) when @p blob is damaged.
    [[nodiscard]] static bool pointsFromBlob(const QByteArray &blob, QList<Point> *points);
};
