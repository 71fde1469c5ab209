// IdleRule: under 2 % for every point of a week that the data covers, else busy or unknown.

#include "idlerule.h"

#include <QTest>
#include <cmath>
#include <limits>

namespace {
const QDateTime now(QDate(2026, 12, 3), QTime(12, 0), Qt::UTC);
constexpr int step = 1800;

/// A CPU series of @p value every half hour from @p daysBack days ago until now.
MetricSeries cpu(double value, double daysBack = 7)
{
    MetricSeries series;
    series.kind = MetricSeries::Kind::Cpu;
    series.unit = QStringLiteral("%");
    series.resolutionSeconds = step;
    const qint64 end = now.toMSecsSinceEpoch();
    for (qint64 t = end - qint64(daysBack * 86400) * 1000; t <= end; t += step * 1000)
        series.points.append({t, value});
    return series;
}
} // namespace

class TestIdleRule : public QObject
{
    Q_OBJECT

private slots:
    void aQuietWeekIsIdle()
    {
        QCOMPARE(IdleRule::isIdle(cpu(0.4), now), std::optional<bool>(true));
    }

    void oneBusyHourMakesItBusy()
    {
        MetricSeries series = cpu(0.4);
        series.points[100].value = 60;
        QCOMPARE(IdleRule::isIdle(series, now), std::optional<bool>(false));
        series.points[100].value = IdleRule::thresholdPercent; // "under 2 %": 2.0 is not under
        QCOMPARE(IdleRule::isIdle(series, now), std::optional<bool>(false));
    }

    void aYoungMachineIsNotJudged()
    {
        QCOMPARE(IdleRule::isIdle(cpu(0.1, 3), now), std::nullopt);
        QCOMPARE(IdleRule::isIdle(MetricSeries(), now), std::nullopt);
    }

    void pointsOlderThanTheWeekDoNotCount()
    {
        // 30 days of data, busy only before the week: idle now.
        MetricSeries series = cpu(0.2, 30);
        for (MetricSeries::Point &point : series.points) {
            if (point.timeMs < now.addDays(-8).toMSecsSinceEpoch())
                point.value = 90;
        }
        QCOMPARE(IdleRule::isIdle(series, now), std::optional<bool>(true));
    }

    void tooManyGapsIsUnknown()
    {
        MetricSeries series = cpu(0.2);
        for (qsizetype i = 0; i < series.points.size(); i += 2)
            series.points[i].value = std::numeric_limits<double>::quiet_NaN();
        QCOMPARE(IdleRule::isIdle(series, now), std::nullopt);
        // A few gaps (a missed sample now and then) still decide.
        series = cpu(0.2);
        for (qsizetype i = 0; i < series.points.size(); i += 20)
            series.points[i].value = std::numeric_limits<double>::quiet_NaN();
        QCOMPARE(IdleRule::isIdle(series, now), std::optional<bool>(true));
    }

    void aMissedFirstSampleStillDecides()
    {
        // The window's first sample a gap: the series still reaches back to the week's start.
        MetricSeries series = cpu(0.2);
        series.points[0].value = std::numeric_limits<double>::quiet_NaN();
        series.points[1].value = std::numeric_limits<double>::quiet_NaN();
        QCOMPARE(IdleRule::isIdle(series, now), std::optional<bool>(true));
        // Three steps missing at the start is a series that begins late: not judged.
        series.points[2].value = std::numeric_limits<double>::quiet_NaN();
        QCOMPARE(IdleRule::isIdle(series, now), std::nullopt);
    }

    void onlyCpuDecides()
    {
        MetricSeries series = cpu(0.1);
        series.kind = MetricSeries::Kind::NetworkIn;
        QCOMPARE(IdleRule::isIdle(series, now), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestIdleRule)
#include "tst_idlerule.moc"
