// MetricsFeed: what is fetched (watched running rows, the focused details), when (each series'
// own period on an injected clock), batched per account, kept through failures, cached offline,
// and the idleness it decides.

#include "inventorycache.h"
#include "inventorytestsupport.h"
#include "metricsfeed.h"

#include <QSignalSpy>
#include <QTest>
#include <cstring>
#include <limits>

using namespace InventoryTest;

namespace {
const QDateTime start(QDate(2026, 12, 3), QTime(12, 0), Qt::UTC);
constexpr int weekPoints = 7 * 24 * 2 + 1; // a half-hour step over the week, both ends
} // namespace

class TestMetricsFeed : public QObject
{
    Q_OBJECT

    std::unique_ptr<InventoryRig> m_rig;
    std::unique_ptr<MetricsFeed> m_feed;
    QDateTime m_now;
    QString m_account;
    FakeProvider *m_provider = nullptr;

    /// Waits until the provider has been asked @p calls times in all.
    bool waitForCalls(int calls)
    {
        return QTest::qWaitFor([&] { return m_provider->metricsCalls.size() >= calls; }, 5000);
    }

    void addMachines(int running, int stopped)
    {
        for (int n = 0; n < running + stopped; ++n) {
            m_rig->model.upsert(
                machine(m_account, n, n < running ? MachineState::Running : MachineState::Stopped));
        }
    }

private slots:
    void init()
    {
        m_rig.reset(new InventoryRig);
        m_account = m_rig->addAccount(QStringLiteral("work"));
        m_provider = m_rig->provider(m_account); // the model learns the account's capabilities
        QVERIFY(m_provider);
        m_now = start;
        m_feed.reset(new MetricsFeed(&m_rig->inventory));
        m_feed->setClock([this] { return m_now; });
    }

    void cleanup()
    {
        m_feed.reset();
        m_rig.reset();
    }

    void watchedRunningRowsAreFetchedInOneCallPerSeries()
    {
        addMachines(3, 1);
        QSignalSpy changed(m_feed.get(), &MetricsFeed::seriesChanged);
        for (int n = 0; n < 4; ++n)
            m_feed->watch(m_account, machine(m_account, n).id);
        m_feed->watch(m_account, machine(m_account, 0).id); // a second view of the same row
        QVERIFY(waitForCalls(2)); // coalesced by the feed's own short timer
        QCOMPARE(m_provider->metricsCalls.size(), 2);
        const QStringList running = {machine(m_account, 0).id, machine(m_account, 1).id,
                                     machine(m_account, 2).id};
        const auto &hour = m_provider->metricsCalls.at(0);
        const auto &week = m_provider->metricsCalls.at(1);
        QCOMPARE(hour.kind, MetricSeries::Kind::Cpu);
        QCOMPARE(hour.range.span, MetricRange::Span::Hour);
        QCOMPARE(hour.range.end, start);
        QCOMPARE(QSet<QString>(hour.machineIds.cbegin(), hour.machineIds.cend()),
                 QSet<QString>(running.cbegin(), running.cend())); // the stopped one is not asked
        QCOMPARE(week.range.span, MetricRange::Span::Week);
        QCOMPARE(week.machineIds.size(), 3);
        QTRY_COMPARE(changed.size(), 6);
        const auto series = m_feed->series(m_account, running.at(1), MetricSeries::Kind::Cpu,
                                           MetricRange::Span::Hour);
        QVERIFY(series);
        QCOMPARE(series->points.size(), m_provider->metricsPoints);
        const QVariantMap summary =
            m_feed->summary(m_account, running.at(1), QStringLiteral("cpu"), QStringLiteral("1h"));
        QCOMPARE(summary.value(QStringLiteral("last")).toDouble(), 1.0);
        QCOMPARE(summary.value(QStringLiteral("unit")).toString(), QStringLiteral("%"));
        QVERIFY(m_feed
                    ->summary(m_account, running.at(1), QStringLiteral("disk_read"),
                              QStringLiteral("1h"))
                    .isEmpty());
    }

    void eachSeriesIsRenewedOnItsOwnPeriod()
    {
        addMachines(1, 0);
        QSignalSpy answered(m_feed.get(), &MetricsFeed::seriesChanged);
        m_feed->watch(m_account, machine(m_account, 0).id);
        m_feed->fetchDue();
        QTRY_COMPARE(answered.size(), 2);
        m_feed->fetchDue(); // nothing is due yet
        m_now = start.addSecs(MetricsFeed::listRefreshSeconds - 1);
        m_feed->fetchDue();
        QCOMPARE(m_provider->metricsCalls.size(), 2);
        m_now = start.addSecs(MetricsFeed::listRefreshSeconds);
        m_feed->fetchDue();
        QTRY_COMPARE(answered.size(), 3);
        QCOMPARE(m_provider->metricsCalls.at(2).range.span, MetricRange::Span::Hour);
        m_now = start.addSecs(MetricsFeed::idleRefreshSeconds);
        m_feed->fetchDue();
        QTRY_COMPARE(answered.size(), 5);
        QCOMPARE(m_provider->metricsCalls.size(), 5);
    }

    void unwatchedRowsAreNotFetched()
    {
        addMachines(2, 0);
        m_feed->watch(m_account, machine(m_account, 0).id);
        m_feed->watch(m_account, machine(m_account, 1).id);
        m_feed->unwatch(m_account, machine(m_account, 1).id);
        m_feed->unwatch(m_account, QStringLiteral("never-watched")); // harmless
        m_feed->fetchDue();
        QVERIFY(waitForCalls(2));
        for (const auto &call : m_provider->metricsCalls)
            QCOMPARE(call.machineIds, QStringList {machine(m_account, 0).id});
    }

    void theFocusedMachineGetsEveryKindEveryMinute()
    {
        addMachines(1, 0);
        const QString id = machine(m_account, 0).id;
        QSignalSpy answered(m_feed.get(), &MetricsFeed::seriesChanged);
        m_feed->focus(m_account, id, QStringLiteral("24h"));
        m_feed->fetchDue();
        QTRY_COMPARE(answered.size(), 5);
        QSet<MetricSeries::Kind> kinds;
        for (const auto &call : m_provider->metricsCalls) {
            QCOMPARE(call.range.span, MetricRange::Span::Day);
            QCOMPARE(call.machineIds, QStringList {id});
            kinds.insert(call.kind);
        }
        QCOMPARE(kinds.size(), 5);
        m_now = start.addSecs(MetricsFeed::detailsRefreshSeconds);
        m_feed->fetchDue();
        QTRY_COMPARE(answered.size(), 10);
        m_feed->clearFocus();
        m_now = start.addSecs(3 * MetricsFeed::detailsRefreshSeconds);
        m_feed->fetchDue();
        QTest::qWait(0);
        QCOMPARE(m_provider->metricsCalls.size(), 10);
    }

    void aFailureKeepsTheSeriesAndSaysWhy()
    {
        addMachines(1, 0);
        const QString id = machine(m_account, 0).id;
        m_feed->watch(m_account, id);
        m_feed->fetchDue();
        QVERIFY(waitForCalls(2));
        QTRY_VERIFY(
            m_feed->series(m_account, id, MetricSeries::Kind::Cpu, MetricRange::Span::Hour));

        m_provider->metricsError = Error(Error::Network, QStringLiteral("The network is down."));
        QSignalSpy problem(m_feed.get(), &MetricsFeed::problemChanged);
        m_now = start.addSecs(MetricsFeed::listRefreshSeconds);
        m_feed->fetchDue();
        QVERIFY(problem.wait());
        QCOMPARE(m_feed->problem(m_account, id), QStringLiteral("The network is down."));
        QVERIFY(m_feed->series(m_account, id, MetricSeries::Kind::Cpu, MetricRange::Span::Hour));

        m_provider->metricsError = {};
        m_now = start.addSecs(2 * MetricsFeed::listRefreshSeconds);
        m_feed->fetchDue();
        QVERIFY(problem.wait());
        QVERIFY(m_feed->problem(m_account, id).isEmpty());
    }

    void aKindTheCloudLacksIsNotAskedAgain()
    {
        addMachines(1, 0);
        const QString id = machine(m_account, 0).id;
        m_provider->metricsError = Error(Error::Unsupported, QStringLiteral("No disk metrics."));
        m_feed->focus(m_account, id, QStringLiteral("1h"));
        m_feed->fetchDue();
        QVERIFY(waitForCalls(5));
        QTest::qWait(0);
        QVERIFY(m_feed->problem(m_account, id).contains(QStringLiteral("No disk metrics."))); // CPU
        m_now = start.addSecs(MetricsFeed::detailsRefreshSeconds);
        m_feed->fetchDue();
        QTest::qWait(0);
        QCOMPARE(m_provider->metricsCalls.size(), 5);
    }

    void anAccountWithoutMetricsIsNeverAsked()
    {
        addMachines(1, 0);
        m_rig->model.setAccountCapabilities(m_account, {QStringLiteral("start")});
        QVERIFY(!m_feed->supported(m_account));
        m_feed->watch(m_account, machine(m_account, 0).id);
        m_feed->focus(m_account, machine(m_account, 0).id, QStringLiteral("1h"));
        m_feed->fetchDue();
        QTest::qWait(0);
        QVERIFY(m_provider->metricsCalls.isEmpty());
    }

    void aQuietWeekIsIdleAndABusyOneIsNot()
    {
        addMachines(1, 0);
        const QString id = machine(m_account, 0).id;
        QCOMPARE(m_feed->idleness(m_account, id), MetricsFeed::Idleness::Unknown);
        m_provider->metricsPoints = weekPoints;
        m_provider->metricsValue = 0.5;
        QSignalSpy idleness(m_feed.get(), &MetricsFeed::idlenessChanged);
        m_feed->watch(m_account, id);
        m_feed->fetchDue();
        QVERIFY(idleness.wait());
        QVERIFY(m_feed->isIdle(m_account, id));

        m_provider->metricsValue = 40;
        m_now = start.addSecs(MetricsFeed::idleRefreshSeconds);
        m_feed->fetchDue();
        QVERIFY(idleness.wait());
        QCOMPARE(m_feed->idleness(m_account, id), MetricsFeed::Idleness::Busy);
    }

    void seriesOutliveTheProcessInTheCache()
    {
        QTemporaryDir dir;
        InventoryCache cache(dir.filePath(QStringLiteral("cache.sqlite")));
        QVERIFY(cache.open());
        m_rig->inventory.setCache(&cache);
        addMachines(1, 0);
        const QString id = machine(m_account, 0).id;
        m_provider->metricsPoints = weekPoints;
        m_provider->metricsValue = 0.5;
        m_feed->watch(m_account, id);
        m_feed->fetchDue();
        QVERIFY(waitForCalls(2));
        QTRY_VERIFY(m_feed->isIdle(m_account, id));

        // A new feed (the next start, offline): the same series and idleness, with their age.
        MetricsFeed offline(&m_rig->inventory);
        offline.setClock([this] { return m_now.addSecs(3600); });
        const auto hour =
            offline.series(m_account, id, MetricSeries::Kind::Cpu, MetricRange::Span::Hour);
        QVERIFY(hour);
        QCOMPARE(hour->fetchedAt, start);
        QCOMPARE(offline.idleness(m_account, id), MetricsFeed::Idleness::Idle);
        m_feed.reset();
        m_rig->inventory.setCache(nullptr);
    }

    /// Held packed in memory (PackedSeries), a series still comes back exactly as the cloud
    /// sent it: every time, every value's bits, its gaps, unit and note; from memory and from
    /// the cache; and one remembered after a cache miss replaces the miss.
    void seriesComeBackExactly()
    {
        QTemporaryDir dir;
        InventoryCache cache(dir.filePath(QStringLiteral("cache.sqlite")));
        QVERIFY(cache.open());
        m_rig->inventory.setCache(&cache);
        MetricSeries sent;
        sent.accountId = m_account;
        sent.machineId = QStringLiteral("exact");
        sent.kind = MetricSeries::Kind::NetworkIn;
        sent.unit = MetricSeries::unitFor(sent.kind);
        sent.resolutionSeconds = 300;
        sent.fetchedAt = start;
        sent.note = QStringLiteral("Demo: simulated");
        for (int i = 0; i < 30; ++i) {
            const double value = i % 7 == 3 ? std::numeric_limits<double>::quiet_NaN()
                                            : 1.0e9 / 3 + i * 0.1;
            // A hole of 20 minutes and a millisecond off: the times are not a plain step.
            sent.points.append({start.toMSecsSinceEpoch() + qint64(i + (i > 10 ? 4 : 0)) * 300000
                                    + (i == 5 ? 1 : 0),
                                value});
        }
        const auto kind = sent.kind;
        const auto span = MetricRange::Span::Day;
        QVERIFY(!m_feed->series(m_account, sent.machineId, kind, span)); // a miss, remembered
        m_feed->remember(sent, span);
        MetricsFeed offline(&m_rig->inventory);
        for (const MetricsFeed *feed : {m_feed.get(), &offline}) {
            const auto back = feed->series(m_account, sent.machineId, kind, span);
            QVERIFY(back);
            QCOMPARE(back->toJson(), sent.toJson());
            QCOMPARE(back->fetchedAt, sent.fetchedAt);
            QCOMPARE(back->points.size(), sent.points.size());
            for (qsizetype i = 0; i < sent.points.size(); ++i) {
                QCOMPARE(back->points.at(i).timeMs, sent.points.at(i).timeMs);
                QVERIFY(std::memcmp(&back->points.at(i).value, &sent.points.at(i).value,
                                    sizeof(double))
                        == 0);
            }
        }
        m_feed.reset();
        m_rig->inventory.setCache(nullptr);
    }
};

QTEST_GUILESS_MAIN(TestMetricsFeed)
#include "tst_metricsfeed.moc"
