// MetricSource against a real MetricsFeed: what it tells the feed (watch counted per view,
// focus for the details, undone on destruction, on key changes and while inactive), and what it
// reads back (only its own machine's series, summary words, problems, staleness).

#include "inventorytestsupport.h"
#include "metricrange.h"
#include "metricsfeed.h"
#include "metricsource.h"

#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace InventoryTest;

namespace {
const QDateTime start(QDate(2026, 12, 3), QTime(12, 0), Qt::UTC);

MetricSeries cpuHour(const QString &accountId, const QString &machineId, double value)
{
    MetricSeries series;
    series.accountId = accountId;
    series.machineId = machineId;
    series.kind = MetricSeries::Kind::Cpu;
    series.unit = QStringLiteral("%");
    series.resolutionSeconds = 300;
    series.fetchedAt = start;
    for (int i = 0; i < 12; ++i)
        series.points.append({start.addSecs(-300 * (11 - i)).toMSecsSinceEpoch(),
                              i == 5 ? std::numeric_limits<double>::quiet_NaN() : value + i});
    return series;
}
} // namespace

class TestMetricSource : public QObject
{
    Q_OBJECT

    std::unique_ptr<InventoryRig> m_rig;
    std::unique_ptr<MetricsFeed> m_feed;
    QDateTime m_now;
    QString m_account;
    FakeProvider *m_provider = nullptr;

    std::unique_ptr<MetricSource> source(int machine, bool watch = true,
                                         const QString &kind = QStringLiteral("cpu"),
                                         const QString &span = QStringLiteral("1h"))
    {
        auto made = std::make_unique<MetricSource>();
        made->classBegin();
        made->setFeed(m_feed.get());
        made->setAccountId(m_account);
        made->setMachineId(InventoryTest::machine(m_account, machine).id);
        made->setKind(kind);
        made->setSpan(span);
        made->setWatch(watch);
        made->componentComplete(); // as the engine does once every binding is set
        return made;
    }
    QString id(int machine) const { return InventoryTest::machine(m_account, machine).id; }

    /// The machines the provider was asked about since call @p from.
    QSet<QString> askedSince(qsizetype from) const
    {
        QSet<QString> ids;
        for (qsizetype i = from; i < m_provider->metricsCalls.size(); ++i)
            for (const QString &machineId : m_provider->metricsCalls.at(i).machineIds)
                ids.insert(machineId);
        return ids;
    }
    /// Moves the clock past the list's period and fetches what is due.
    qsizetype nextRound()
    {
        const qsizetype before = m_provider->metricsCalls.size();
        m_now = m_now.addSecs(MetricsFeed::listRefreshSeconds);
        m_feed->fetchDue();
        QTest::qWait(0);
        return before;
    }

private Q_SLOTS:
    void init()
    {
        m_rig = std::make_unique<InventoryRig>();
        m_account = m_rig->addAccount(QStringLiteral("work"));
        m_provider = m_rig->provider(m_account);
        QVERIFY(m_provider);
        for (int n = 0; n < 3; ++n)
            m_rig->model.upsert(InventoryTest::machine(m_account, n, MachineState::Running));
        m_now = start;
        m_feed = std::make_unique<MetricsFeed>(&m_rig->inventory);
        m_feed->setClock([this] { return m_now; });
    }

    void cleanup()
    {
        m_feed.reset();
        m_rig.reset();
    }

    void aRowIsWatchedWhileItLivesAndCountedPerView()
    {
        auto first = source(0);
        auto second = source(0);
        QVERIFY(first->supported());
        m_feed->fetchDue();
        QTRY_VERIFY(askedSince(0).contains(id(0)));
        first.reset(); // the other view still shows the machine
        QVERIFY(askedSince(nextRound()).contains(id(0)));
        second.reset();
        QVERIFY(!askedSince(nextRound()).contains(id(0)));
    }

    void aRecycledOrInactiveRowWatchesOnlyItsCurrentMachine()
    {
        auto row = source(0);
        m_feed->fetchDue();
        QTRY_VERIFY(askedSince(0).contains(id(0)));
        row->setMachineId(id(1)); // the ListView reused the row for another machine
        QCOMPARE(askedSince(nextRound()), QSet<QString> {id(1)});
        row->setActive(false); // pooled
        QVERIFY(askedSince(nextRound()).isEmpty());
        row->setActive(true);
        QCOMPARE(askedSince(nextRound()), QSet<QString> {id(1)});
    }

    void readsOnlyItsOwnMachineSeries()
    {
        auto mine = source(0);
        auto other = source(1);
        QSignalSpy mineChanged(mine.get(), &MetricSource::dataChanged);
        QSignalSpy otherChanged(other.get(), &MetricSource::dataChanged);
        QVERIFY(!mine->hasData());
        QCOMPARE(mine->lastText(), QStringLiteral("—"));
        QCOMPARE(mine->unit(), QStringLiteral("%")); // known before the first series

        m_feed->remember(cpuHour(m_account, id(0), 10), MetricRange::Span::Hour);
        QCOMPARE(mineChanged.size(), 1);
        QCOMPARE(otherChanged.size(), 0);
        QVERIFY(mine->hasData());
        QCOMPARE(mine->points().size(), 12);
        QCOMPARE(mine->count(), 11); // the NaN is a gap, not a point
        QCOMPARE(mine->lastText(), QStringLiteral("21\u202f%"));
        QCOMPARE(mine->summaryText(), QStringLiteral("min 10\u202f% · avg 16\u202f% · max 21\u202f%"));
        QCOMPARE(mine->resolutionText(), QStringLiteral("5-minute points"));
        QCOMPARE(mine->fetchedAt(), start);
        QCOMPARE(mine->rangeEndMs(), start.toMSecsSinceEpoch());
        QCOMPARE(mine->rangeEndMs() - mine->rangeStartMs(), 3600LL * 1000);
        QVERIFY(!other->hasData());

        // Another kind or span of the same machine is not this source's series.
        MetricSeries week = cpuHour(m_account, id(0), 50);
        m_feed->remember(week, MetricRange::Span::Week);
        QCOMPARE(mine->lastText(), QStringLiteral("21\u202f%"));
    }

    void theDetailsFocusTheFeedUntilTheyGo()
    {
        auto cpu = source(2, false, QStringLiteral("cpu"), QStringLiteral("24h"));
        auto disk = source(2, false, QStringLiteral("disk_read"), QStringLiteral("24h"));
        m_feed->fetchDue();
        QTRY_COMPARE(m_provider->metricsCalls.size(), 5); // every kind, once, for the machine
        for (const auto &call : m_provider->metricsCalls) {
            QCOMPARE(call.machineIds, QStringList {id(2)});
            QCOMPARE(call.range.span, MetricRange::Span::Day);
        }
        QTRY_VERIFY(disk->hasData());
        QCOMPARE(disk->unit(), QStringLiteral("B/s"));

        cpu->setSpan(QStringLiteral("7d"));
        disk->setSpan(QStringLiteral("7d"));
        m_feed->fetchDue();
        QTest::qWait(0);
        QCOMPARE(m_provider->metricsCalls.size(), 10);
        QCOMPARE(m_provider->metricsCalls.constLast().range.span, MetricRange::Span::Week);

        cpu.reset(); // one graph gone: the details still focus the machine
        m_now = m_now.addSecs(MetricsFeed::detailsRefreshSeconds);
        m_feed->fetchDue();
        QTest::qWait(0);
        QCOMPARE(m_provider->metricsCalls.size(), 15);
        disk.reset(); // the details closed
        m_now = m_now.addSecs(MetricsFeed::detailsRefreshSeconds);
        m_feed->fetchDue();
        QTest::qWait(0);
        QCOMPARE(m_provider->metricsCalls.size(), 15);
    }

    void aFailureIsSaidAndTheSeriesKept()
    {
        auto row = source(0);
        m_feed->fetchDue();
        QTRY_VERIFY(row->hasData());
        m_provider->metricsError = Error(Error::Network, QStringLiteral("The network is down."));
        QSignalSpy changed(row.get(), &MetricSource::dataChanged);
        nextRound();
        QTRY_COMPARE(row->problem(), QStringLiteral("The network is down."));
        QVERIFY(row->hasData());
        QVERIFY(!row->isStale(m_now));
        QVERIFY(row->isStale(m_now.addSecs(3 * MetricsFeed::listRefreshSeconds)));
    }

    void anAccountWithoutMetricsIsUnsupported()
    {
        m_rig->model.setAccountCapabilities(m_account, {QStringLiteral("start")});
        auto row = source(0);
        QVERIFY(!row->supported());
        m_feed->fetchDue();
        QTest::qWait(0);
        QVERIFY(m_provider->metricsCalls.isEmpty());
    }

    void nothingIsAskedBeforeTheComponentIsComplete()
    {
        MetricSource half;
        half.classBegin();
        half.setFeed(m_feed.get());
        half.setAccountId(m_account);
        half.setMachineId(id(0));
        m_feed->fetchDue();
        QTest::qWait(0);
        QVERIFY(m_provider->metricsCalls.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMetricSource)
#include "tst_metricsource.moc"
