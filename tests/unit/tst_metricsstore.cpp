// MetricsStore and the values it keeps: the schema step that adds its table (a version 2 file
// keeps its machines), series written and read back with resolution, note and fetch time, gaps
// kept as gaps, damaged rows skipped, and an account's removal taking its series along.
#include "cacheschema.h"
#include "inventorycache.h"
#include "metricrange.h"
#include "metricseries.h"
#include "metricsstore.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <limits>

namespace {
const double s_nan = std::numeric_limits<double>::quiet_NaN();

MetricSeries sample(const QString &machineId, MetricSeries::Kind kind)
{
    MetricSeries series;
    series.accountId = QStringLiteral("a");
    series.machineId = machineId;
    series.kind = kind;
    series.unit = MetricSeries::unitFor(kind);
    series.resolutionSeconds = 60;
    series.points = {{1764720000000, 12.5}, {1764720060000, s_nan}, {1764720120000, 40}};
    series.fetchedAt = QDateTime::fromMSecsSinceEpoch(1764720130000, Qt::UTC);
    series.note = QStringLiteral("Demo: simulated");
    return series;
}

bool exec(const QString &file, const QString &sql)
{
    bool ok = false;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(file);
        ok = db.open() && QSqlQuery(db).exec(sql);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return ok;
}
} // namespace

class TestMetricsStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_file = m_dir->filePath(QStringLiteral("cache.sqlite"));
    }

    void summaryIgnoresGaps()
    {
        const MetricSeries series = sample(QStringLiteral("1"), MetricSeries::Kind::Cpu);
        const MetricSeries::Summary summary = series.summary();
        QCOMPARE(summary.count, 2);
        QCOMPARE(summary.min, 12.5);
        QCOMPARE(summary.max, 40.0);
        QCOMPARE(summary.avg, 26.25);
        QCOMPARE(summary.last, 40.0);
        QVERIFY(std::isnan(MetricSeries().summary().avg));
    }

    void jsonHasIsoTimesAndNullGaps()
    {
        const QJsonObject json = sample(QStringLiteral("1"), MetricSeries::Kind::Cpu).toJson();
        QCOMPARE(json.value(QStringLiteral("kind")).toString(), QStringLiteral("cpu"));
        QCOMPARE(json.value(QStringLiteral("unit")).toString(), QStringLiteral("%"));
        QCOMPARE(json.value(QStringLiteral("resolutionSeconds")).toInt(), 60);
        const QJsonArray points = json.value(QStringLiteral("points")).toArray();
        QCOMPARE(points.size(), 3);
        QCOMPARE(points.at(0).toArray().at(0).toString(), QStringLiteral("2025-12-03T00:00:00Z"));
        QCOMPARE(points.at(0).toArray().at(1).toDouble(), 12.5);
        QVERIFY(points.at(1).toArray().at(1).isNull());
    }

    void blobRoundTripsAndRefusesDamage()
    {
        const MetricSeries series = sample(QStringLiteral("1"), MetricSeries::Kind::Cpu);
        QList<MetricSeries::Point> points;
        QVERIFY(MetricSeries::pointsFromBlob(series.pointsBlob(), &points));
        QCOMPARE(points.size(), 3);
        QVERIFY(std::isnan(points.at(1).value));
        QByteArray blob = series.pointsBlob();
        QVERIFY(!MetricSeries::pointsFromBlob(blob.left(blob.size() - 1), &points));
        QVERIFY(!MetricSeries::pointsFromBlob(blob + "x", &points));
        QVERIFY(!MetricSeries::pointsFromBlob(QByteArray(), &points));
        blob[0] = 9; // a version this build does not know
        QVERIFY(!MetricSeries::pointsFromBlob(blob, &points));
        QCOMPARE(points.size(), 3); // untouched by the failures
    }

    void rangesEndOnWholeSeconds()
    {
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(1764720000789, Qt::UTC);
        const MetricRange day = MetricRange::last(MetricRange::Span::Day, now);
        QCOMPARE(day.end.toMSecsSinceEpoch(), 1764720000000);
        QCOMPARE(day.start.secsTo(day.end), 86400);
        QCOMPARE(day.stepSeconds, 300);
        for (const char *id : {"1h", "24h", "7d", "30d"}) {
            const QString name = QString::fromLatin1(id);
            QCOMPARE(MetricRange::spanId(*MetricRange::spanFromId(name)), name);
        }
        QVERIFY(!MetricRange::spanFromId(QStringLiteral("2h")));
    }

    void storedAndReadBack()
    {
        InventoryCache cache(m_file);
        QVERIFY(cache.open());
        MetricsStore store(&cache);
        QVERIFY(store.store({sample(QStringLiteral("1"), MetricSeries::Kind::NetworkOut),
                             sample(QStringLiteral("1"), MetricSeries::Kind::Cpu),
                             sample(QStringLiteral("2"), MetricSeries::Kind::Cpu)},
                            MetricRange::Span::Hour));
        const QList<MetricSeries> read =
            store.machineSeries(QStringLiteral("a"), QStringLiteral("1"), MetricRange::Span::Hour);
        QCOMPARE(read.size(), 2);
        QCOMPARE(read.at(0).kind, MetricSeries::Kind::Cpu); // kind order
        QCOMPARE(read.at(1).kind, MetricSeries::Kind::NetworkOut);
        QCOMPARE(read.at(1).unit, QStringLiteral("bit/s"));
        QCOMPARE(read.at(0).resolutionSeconds, 60);
        QCOMPARE(read.at(0).note, QStringLiteral("Demo: simulated"));
        QCOMPARE(read.at(0).fetchedAt, sample({}, {}).fetchedAt);
        QCOMPARE(read.at(0).points.size(), 3);
        QVERIFY(std::isnan(read.at(0).points.at(1).value));
        // Another span is another row.
        QVERIFY(!store.series(QStringLiteral("a"), QStringLiteral("1"), MetricSeries::Kind::Cpu,
                              MetricRange::Span::Day));
        // A newer fetch replaces the older.
        MetricSeries newer = sample(QStringLiteral("1"), MetricSeries::Kind::Cpu);
        newer.points = {{1764720180000, 1}};
        QVERIFY(store.store(newer, MetricRange::Span::Hour));
        QCOMPARE(store
                     .series(QStringLiteral("a"), QStringLiteral("1"), MetricSeries::Kind::Cpu,
                             MetricRange::Span::Hour)
                     ->points.size(),
                 1);
        // Survives closing: it is the offline copy.
        cache.close();
        InventoryCache reopened(m_file);
        QVERIFY(reopened.open());
        QCOMPARE(
            MetricsStore(&reopened)
                .machineSeries(QStringLiteral("a"), QStringLiteral("2"), MetricRange::Span::Hour)
                .size(),
            1);
        QVERIFY(MetricsStore(&reopened).removeMachine(QStringLiteral("a"), QStringLiteral("2")));
        QVERIFY(
            MetricsStore(&reopened)
                .machineSeries(QStringLiteral("a"), QStringLiteral("2"), MetricRange::Span::Hour)
                .isEmpty());
    }

    void damagedRowsAreSkipped()
    {
        {
            InventoryCache cache(m_file);
            QVERIFY(cache.open());
            MetricsStore store(&cache);
            QVERIFY(store.store({sample(QStringLiteral("1"), MetricSeries::Kind::Cpu),
                                 sample(QStringLiteral("1"), MetricSeries::Kind::DiskRead),
                                 sample(QStringLiteral("1"), MetricSeries::Kind::DiskWrite)},
                                MetricRange::Span::Hour));
        }
        QVERIFY(exec(m_file, QStringLiteral("UPDATE metrics SET points = x'0102' WHERE kind = "
                                            "'disk_read'")));
        QVERIFY(exec(m_file, QStringLiteral("UPDATE metrics SET kind = 'gpu' WHERE kind = "
                                            "'disk_write'")));
        InventoryCache cache(m_file);
        QSignalSpy recovered(&cache, &InventoryCache::recovered);
        QVERIFY(cache.open());
        const QList<MetricSeries> read = MetricsStore(&cache).machineSeries(
            QStringLiteral("a"), QStringLiteral("1"), MetricRange::Span::Hour);
        QCOMPARE(read.size(), 1);
        QCOMPARE(read.first().kind, MetricSeries::Kind::Cpu);
        QCOMPARE(recovered.size(), 0); // a bad row is not a bad file
        QVERIFY(!cache.machines().size()); // and the rest of the cache is as it was
    }

    void versionTwoFileGainsTheTable()
    {
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(m_file);
            QVERIFY(db.open());
            QString error;
            QVERIFY2(CacheSchema::migrateTo(db, 0, 2, &error), qPrintable(error));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        InventoryCache cache(m_file);
        QVERIFY(cache.open());
        QVERIFY(CacheSchema::latest() >= 3);
        MetricsStore store(&cache);
        QVERIFY(store.store(sample(QStringLiteral("7"), MetricSeries::Kind::Cpu),
                            MetricRange::Span::Week));
        QVERIFY(store.series(QStringLiteral("a"), QStringLiteral("7"), MetricSeries::Kind::Cpu,
                             MetricRange::Span::Week));
        // Removing the account removes its series too.
        QVERIFY(cache.removeAccount(QStringLiteral("a")));
        QVERIFY(!store.series(QStringLiteral("a"), QStringLiteral("7"), MetricSeries::Kind::Cpu,
                              MetricRange::Span::Week));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_file;
};

QTEST_GUILESS_MAIN(TestMetricsStore)
#include "tst_metricsstore.moc"
