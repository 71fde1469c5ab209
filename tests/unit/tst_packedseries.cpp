// PackedSeries: the in-memory form MetricsFeed holds (issue 16's 10 MB for 10,000 hour-series)
// gives back every point exactly (the values bit for bit, the gaps as gaps) in every layout,
// 30 days at the clouds' resolutions included, and costs its values plus a small header.

#include "packedseries.h"

#include <QTest>
#include <cmath>
#include <cstring>
#include <limits>

namespace {
const qint64 s_start = QDateTime(QDate(2026, 12, 3), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
const double s_nan = std::numeric_limits<double>::quiet_NaN();
constexpr qsizetype s_header = 40; // times, step, count, resolution, text lengths, flags

MetricSeries seriesOf(const QList<MetricSeries::Point> &points)
{
    MetricSeries series;
    series.accountId = QStringLiteral("acc");
    series.machineId = QStringLiteral("m1");
    series.kind = MetricSeries::Kind::Cpu;
    series.unit = MetricSeries::unitFor(series.kind);
    series.resolutionSeconds = 60;
    series.points = points;
    series.fetchedAt = QDateTime::fromMSecsSinceEpoch(s_start + 3600 * 1000, Qt::UTC);
    series.note = QStringLiteral("Demo: simulated");
    return series;
}

QList<MetricSeries::Point> regular(qsizetype count, qint64 stepMs)
{
    QList<MetricSeries::Point> points;
    for (qsizetype i = 0; i < count; ++i)
        points.append({s_start + i * stepMs, std::sin(double(i)) * 50 + 50});
    return points;
}

/// Same times and the same bits in every value: "exact", NaN included.
bool samePoints(const QList<MetricSeries::Point> &a, const QList<MetricSeries::Point> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).timeMs != b.at(i).timeMs
            || std::memcmp(&a.at(i).value, &b.at(i).value, sizeof(double)) != 0) {
            qWarning() << "differs at" << i << a.at(i).timeMs << b.at(i).timeMs << a.at(i).value
                       << b.at(i).value;
            return false;
        }
    }
    return true;
}
} // namespace

class TestPackedSeries : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        const MetricSeries series = seriesOf(regular(60, 60 * 1000));
        const PackedSeries packed(series);
        QCOMPARE(packed.layout(), PackedSeries::Layout::Regular);
        QCOMPARE(packed.size(), 60);
        const MetricSeries back = packed.unpack(series.accountId, series.machineId, series.kind);
        QCOMPARE(back.accountId, series.accountId);
        QCOMPARE(back.machineId, series.machineId);
        QCOMPARE(back.kind, series.kind);
        QCOMPARE(back.unit, series.unit);
        QCOMPARE(back.resolutionSeconds, series.resolutionSeconds);
        QCOMPARE(back.fetchedAt, series.fetchedAt);
        QCOMPARE(back.note, series.note);
        QVERIFY(samePoints(back.points, series.points));
        QCOMPARE(back.toJson(), series.toJson());
    }

    void emptyAndSingle()
    {
        QCOMPARE(PackedSeries(MetricSeries()).blockBytes(), 0); // no heap block at all
        QVERIFY(PackedSeries().points().isEmpty());
        QCOMPARE(PackedSeries().unpack({}, {}, MetricSeries::Kind::Cpu).toJson(),
                 MetricSeries().toJson());
        // No points but words for the user: they are kept.
        MetricSeries none = seriesOf({});
        none.unit = QStringLiteral("IOPS"); // not the kind's usual unit: kept as text
        none.note = QStringLiteral("the monitoring agent is not installed");
        const PackedSeries empty(none);
        QCOMPARE(empty.size(), 0);
        const MetricSeries back = empty.unpack(none.accountId, none.machineId, none.kind);
        QCOMPARE(back.toJson(), none.toJson());
        QCOMPARE(back.fetchedAt, none.fetchedAt);
        const QList<MetricSeries::Point> one {{s_start, 12.5}};
        const PackedSeries single(seriesOf(one));
        QCOMPARE(single.layout(), PackedSeries::Layout::Regular);
        QVERIFY(samePoints(single.points(), one));
    }

    /// Gaps the cloud reported (NaN) stay NaN where they were; holes in time stay holes.
    void gapsStayGaps()
    {
        QList<MetricSeries::Point> points = regular(60, 60 * 1000);
        points[0].value = s_nan;
        points[17].value = s_nan;
        points[59].value = s_nan;
        PackedSeries packed(seriesOf(points));
        QCOMPARE(packed.layout(), PackedSeries::Layout::Regular);
        QVERIFY(samePoints(packed.points(), points));
        QVERIFY(std::isnan(packed.points().at(17).value));
        QCOMPARE(packed.unpack({}, {}, MetricSeries::Kind::Cpu).summary().count, 57);

        // Ten minutes without samples: the times are kept, so graphs still break the line.
        points.remove(30, 10);
        packed = PackedSeries(seriesOf(points));
        QCOMPARE(packed.layout(), PackedSeries::Layout::Offsets32);
        QVERIFY(samePoints(packed.points(), points));
    }

    /// The precision bound is zero: values are kept as the doubles they were, bit for bit.
    void valuesExact_data()
    {
        QTest::addColumn<double>("value");
        QTest::newRow("decimal") << 37.3;
        QTest::newRow("tiny") << 1e-300;
        QTest::newRow("denormal") << std::numeric_limits<double>::denorm_min();
        QTest::newRow("negative zero") << -0.0;
        QTest::newRow("bits per second") << 9.87654321012345e12;
        QTest::newRow("beyond float") << 1e300;
        QTest::newRow("float would round") << 0.1 + 0.2;
        QTest::newRow("infinite") << std::numeric_limits<double>::infinity();
    }
    void valuesExact()
    {
        QFETCH(double, value);
        const QList<MetricSeries::Point> points {
            {s_start, value}, {s_start + 60000, value}, {s_start + 120000, -value}};
        QVERIFY(samePoints(PackedSeries(seriesOf(points)).points(), points));
    }

    /// 30 days at each provider's resolution (1 min, 5 min, an hour, a day), regular or not.
    void thirtyDays_data()
    {
        QTest::addColumn<int>("stepSeconds");
        QTest::addColumn<bool>("jitter");
        QTest::addColumn<PackedSeries::Layout>("layout");
        for (int step : {60, 300, 3600, 86400}) {
            QTest::addRow("%ds step", step) << step << false << PackedSeries::Layout::Regular;
            // Millisecond times one way or the other (Linode's): 30 days of ms exceed qint32.
            QTest::addRow("%ds step, jittered", step) << step << true << PackedSeries::Layout::Full;
        }
    }
    void thirtyDays()
    {
        QFETCH(int, stepSeconds);
        QFETCH(bool, jitter);
        QFETCH(PackedSeries::Layout, layout);
        const qint64 span = qint64(30) * 86400 * 1000;
        QList<MetricSeries::Point> points;
        for (qint64 t = 0; t <= span; t += qint64(stepSeconds) * 1000)
            points.append({s_start + t + (jitter ? (t / 1000) % 7 : 0), double(t % 1000) / 7});
        const PackedSeries packed(seriesOf(points));
        QCOMPARE(packed.layout(), layout);
        QCOMPARE(packed.size(), points.size());
        QVERIFY(samePoints(packed.points(), points));
    }

    /// A week of jittered times fits 32-bit offsets; times out of order still come back.
    void offsets()
    {
        QList<MetricSeries::Point> points = regular(7 * 24 * 12 + 1, 300 * 1000);
        for (qsizetype i = 0; i < points.size(); i += 3)
            points[i].timeMs += 250;
        std::swap(points[5], points[6]);
        const PackedSeries packed(seriesOf(points));
        QCOMPARE(packed.layout(), PackedSeries::Layout::Offsets32);
        QVERIFY(samePoints(packed.points(), points));
    }

    /// Times near the ends of qint64 neither overflow nor come back changed.
    void extremeTimes()
    {
        const qint64 big = std::numeric_limits<qint64>::max();
        const QList<MetricSeries::Point> points {{-big, 1}, {0, 2}, {big, 3}};
        const PackedSeries packed(seriesOf(points));
        QCOMPARE(packed.layout(), PackedSeries::Layout::Full);
        QVERIFY(samePoints(packed.points(), points));
    }

    /// What a held series costs: its values, 4 bytes a point more when irregular, a header.
    void blockSize()
    {
        MetricSeries series = seriesOf(regular(60, 60000));
        series.note.clear();
        QCOMPARE(PackedSeries(series).blockBytes(), s_header + 60 * 8); // "%" is not stored
        series.points[10].timeMs += 1;
        QCOMPARE(PackedSeries(series).blockBytes(), s_header + 60 * (8 + 4));
        series.note = QStringLiteral("Demo: simulated");
        QCOMPARE(PackedSeries(series).blockBytes(), s_header + 60 * (8 + 4) + 15 * 2);
    }
};

QTEST_GUILESS_MAIN(TestPackedSeries)
#include "tst_packedseries.moc"
