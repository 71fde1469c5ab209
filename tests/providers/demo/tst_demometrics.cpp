// The Demo cloud's metrics: deterministic (two fetches of one window agree point for point),
// labelled as simulated, on the range's step, CPU within 0..100 %, a stopped machine with an
// empty series, an unknown machine refused (left out of a batch with others), the starting
// fleet's idle machines, and the simulated outage failing the fetch.
#include "asyncresult.h"
#include "democatalog.h"
#include "demofleet.h"
#include "demometrics.h"
#include "demoprovider.h"
#include "idlerule.h"

#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>
#include <cmath>

namespace {
ProviderMetadata metadata()
{
    QFile file(QStringLiteral(DEMO_METADATA));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return ProviderMetadata::fromJson(QJsonDocument::fromJson(file.readAll()).object());
}

Account account()
{
    Account account;
    account.id = QStringLiteral("demo-metrics");
    account.providerId = QStringLiteral("demo");
    account.name = QStringLiteral("Demo cloud");
    return account;
}

MetricRange fixedRange(MetricRange::Span span)
{
    return MetricRange::last(span, QDateTime::fromSecsSinceEpoch(1764723600, Qt::UTC));
}
} // namespace

class TestDemoMetrics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(QStringLiteral("clouddeck-demometrics"));
        qputenv("CLOUDDECK_DEMO_SPEED", "0");
        QVERIFY(metadata().can(QStringLiteral("metrics")));
    }
    void cleanup() { qunsetenv("CLOUDDECK_DEMO_OUTAGE"); }

    void sameWindowSameSeries()
    {
        for (const MetricRange::Span span : {MetricRange::Span::Hour, MetricRange::Span::Month}) {
            const MetricRange range = fixedRange(span);
            const MetricSeries a = DemoMetrics::series(QStringLiteral("x"), QStringLiteral("m-1"),
                                                       MetricSeries::Kind::Cpu, range, true);
            const MetricSeries b = DemoMetrics::series(QStringLiteral("x"), QStringLiteral("m-1"),
                                                       MetricSeries::Kind::Cpu, range, true);
            QCOMPARE(a.points.size(), b.points.size());
            // Points sit on whole steps: one per step, plus one when the window starts on one.
            const qsizetype steps = MetricRange::spanSeconds(span) / range.stepSeconds;
            QVERIFY(a.points.size() == steps || a.points.size() == steps + 1);
            int gaps = 0;
            for (qsizetype i = 0; i < a.points.size(); ++i) {
                QCOMPARE(a.points.at(i).timeMs, b.points.at(i).timeMs);
                if (std::isnan(a.points.at(i).value)) {
                    QVERIFY(std::isnan(b.points.at(i).value));
                    ++gaps;
                    continue;
                }
                QCOMPARE(a.points.at(i).value, b.points.at(i).value);
                QVERIFY(a.points.at(i).value >= 0 && a.points.at(i).value <= 100);
                QCOMPARE(a.points.at(i).timeMs % (range.stepSeconds * 1000), 0);
            }
            QVERIFY(gaps < a.points.size() / 10);
            QCOMPARE(a.resolutionSeconds, range.stepSeconds);
            QVERIFY(a.note.contains(QStringLiteral("Demo")));
        }
        // Machines differ from each other.
        const MetricRange range = fixedRange(MetricRange::Span::Hour);
        QVERIFY(
            DemoMetrics::series({}, QStringLiteral("m-1"), MetricSeries::Kind::Cpu, range, true)
                .summary()
                .avg
            != DemoMetrics::series({}, QStringLiteral("m-2"), MetricSeries::Kind::Cpu, range, true)
                   .summary()
                   .avg);
        QVERIFY(
            DemoMetrics::series({}, QStringLiteral("m-1"), MetricSeries::Kind::Cpu, range, false)
                .isEmpty());
    }

    void providerFetchesEveryMachine()
    {
        DemoProvider provider(metadata(), account(), nullptr);
        const QList<Machine> machines = DemoFleet::forAccount(account().id)->machines();
        QVERIFY(machines.size() >= 2);
        const QStringList ids {machines.at(0).id, machines.at(1).id};
        const auto outcome = AsyncResult::await<QList<MetricSeries>>([&](auto done) {
            provider.fetchMetrics(ids, MetricSeries::Kind::NetworkIn,
                                  fixedRange(MetricRange::Span::Day), done);
        });
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        QCOMPARE(outcome->value().size(), 2);
        for (int i = 0; i < 2; ++i) {
            const MetricSeries &series = outcome->value().at(i);
            QCOMPARE(series.machineId, ids.at(i));
            QCOMPARE(series.accountId, account().id);
            QCOMPARE(series.unit, QStringLiteral("bit/s"));
            QVERIFY(series.fetchedAt.isValid());
            QCOMPARE(series.isEmpty(), machines.at(i).state != MachineState::Running);
        }
    }

    void unknownMachineIsNotFound()
    {
        DemoProvider provider(metadata(), account(), nullptr);
        const auto outcome = AsyncResult::await<QList<MetricSeries>>([&](auto done) {
            provider.fetchMetrics({QStringLiteral("no-such")}, MetricSeries::Kind::Cpu,
                                  fixedRange(MetricRange::Span::Hour), done);
        });
        QVERIFY(outcome);
        QCOMPARE(outcome->error().kind(), Error::NotFound);
    }

    void aGoneMachineDropsOutOfTheBatch()
    {
        DemoProvider provider(metadata(), account(), nullptr);
        const QString id = DemoFleet::forAccount(account().id)->machines().constFirst().id;
        const auto outcome = AsyncResult::await<QList<MetricSeries>>([&](auto done) {
            provider.fetchMetrics({QStringLiteral("no-such"), id}, MetricSeries::Kind::Cpu,
                                  fixedRange(MetricRange::Span::Hour), done);
        });
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        QCOMPARE(outcome->value().size(), 1);
        QCOMPARE(outcome->value().constFirst().machineId, id);
    }

    void theStartingFleetIdlesTheSameMachines()
    {
        // The idle hint always has machines to show: worker-eu-1 and vpn-bastion idle all week
        // in every demo account, whatever their ids; the busy ones never dip under 2 %.
        const MetricRange week = fixedRange(MetricRange::Span::Week);
        for (const QString &name : {QStringLiteral("worker-eu-1"), QStringLiteral("vpn-bastion"),
                                    QStringLiteral("postgres-primary")}) {
            const std::optional<double> level = DemoCatalog::load(name);
            QVERIFY2(level, qPrintable(name));
            const MetricSeries series = DemoMetrics::series({}, QStringLiteral("m-1"),
                                                            MetricSeries::Kind::Cpu, week, true,
                                                            level);
            const bool idle = name != QStringLiteral("postgres-primary");
            QCOMPARE(series.summary().max < IdleRule::thresholdPercent, idle);
        }
        QVERIFY(!DemoCatalog::load(QStringLiteral("my-new-box")));
    }

    void outageFailsTheFetch()
    {
        qputenv("CLOUDDECK_DEMO_OUTAGE", "1");
        DemoProvider provider(metadata(), account(), nullptr);
        const QString id = DemoFleet::forAccount(account().id)->machines().first().id;
        const auto outcome = AsyncResult::await<QList<MetricSeries>>([&](auto done) {
            provider.fetchMetrics({id}, MetricSeries::Kind::Cpu,
                                  fixedRange(MetricRange::Span::Hour), done);
        });
        QVERIFY(outcome);
        QVERIFY(outcome->result && !outcome->ok());
    }
};

QTEST_GUILESS_MAIN(TestDemoMetrics)
#include "tst_demometrics.moc"
