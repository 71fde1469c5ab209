// LinodeProvider::fetchMetrics against the fake API: GET /v4/linode/instances/{id}/stats for
// spans up to a day (cut to the range), /stats/{year}/{month} for longer ones (two months merged
// when the range crosses one), the bearer token, one request per Linode; cpu, public IPv4 + IPv6
// bit/s added up, io in blocks/s, gaps (null), empty series, every error kind, and mutated
// replies. Fixtures: tests/data/linode/stats*.json (their source in that folder's README.md).
#include "fuzzdriver.h"
#include "linodemetricsparser.h"
#include "linodetesting.h"
#include "providererrorchecks.h"

#include <QTest>
#include <cmath>

using namespace LinodeTesting;

namespace {
const QString statsRoute = QStringLiteral("/v4/linode/instances/*/stats");

FakeResponse fixture(const QString &name, int status = 200)
{
    return withRateLimit(FakeResponse::file(QStringLiteral("linode/%1.json").arg(name), status));
}

/// Fixed times (2025-12-03T01:00:00Z): the test asserts what is sent for them, never the clock.

constexpr qint64 midnight = 1764720000000; // 2025-12-03T00:00:00Z
constexpr qint64 fiveMinutes = 300000;
} // namespace

class TestLinodeMetrics : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<LinodeProvider> m_provider;

    std::shared_ptr<AsyncOutcome<QList<MetricSeries>>>
    fetch(const QStringList &ids, MetricSeries::Kind kind,
          const MetricRange &range = ProviderTesting::fixedMetricRange())
    {
        return ProviderTesting::fetchMetrics(*m_provider, ids, kind, range);
    }

    ProviderErrorChecks::MetricsErrorScenario scenario() const
    {
        ProviderErrorChecks::MetricsErrorScenario result;
        result.server = m_server.get();
        result.provider = m_provider.get();
        result.path = statsRoute;
        result.machineIds = {QStringLiteral("123"), QStringLiteral("124")};
        result.range = ProviderTesting::fixedMetricRange();
        return result;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeCloudServer>();
        QVERIFY(m_server->listen());
        m_provider = provider(*m_server);
    }
    void cleanup()
    {
        m_provider.reset();
        m_server.reset();
    }

    void cpuRequestsAndTheHourCut()
    {
        m_server->on("GET", statsRoute, fixture(QStringLiteral("stats")));
        const auto outcome =
            fetch({QStringLiteral("123"), QStringLiteral("124")}, MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        const auto requests = m_server->requests("GET", statsRoute);
        QCOMPARE(requests.size(), 2); // one Linode a request: the API takes one id
        QStringList ids;
        for (const RecordedRequest &request : requests) {
            ids.append(request.pathArgs.value(0));
            QVERIFY(request.query.isEmpty()); // the last 24 h: no parameters
            QVERIFY(request.body.isEmpty());
            QCOMPARE(request.header("Authorization"), QByteArray("Bearer ") + token);
        }
        ids.sort();
        QCOMPARE(ids, (QStringList {QStringLiteral("123"), QStringLiteral("124")}));
        const QList<MetricSeries> series = outcome->value();
        QCOMPARE(series.size(), 2);
        QCOMPARE(series.at(0).machineId, QStringLiteral("123")); // in the order asked
        QCOMPARE(series.at(1).machineId, QStringLiteral("124"));
        const MetricSeries &cpu = series.first();
        QCOMPARE(cpu.accountId, m_provider->account().id);
        QCOMPARE(cpu.unit, QStringLiteral("%"));
        QCOMPARE(cpu.resolutionSeconds, 300);
        QVERIFY(cpu.fetchedAt.isValid());
        QVERIFY2(cpu.note.contains(QStringLiteral("one core")), qPrintable(cpu.note));
        // The two points before 00:00 are outside the hour; milliseconds stay milliseconds.
        QCOMPARE(cpu.points.size(), 6);
        QCOMPARE(cpu.points.at(0).timeMs, midnight);
        QCOMPARE(cpu.points.at(0).value, 12.5);
        QVERIFY(std::isnan(cpu.points.at(2).value)); // null
        QCOMPARE(cpu.points.at(3).value, 150.0); // a busy 2-core Linode
        QCOMPARE(cpu.points.last().timeMs, midnight + 5 * fiveMinutes);
        QCOMPARE(cpu.summary().count, 5);
    }

    void dayKeepsEveryPoint()
    {
        m_server->on("GET", statsRoute, fixture(QStringLiteral("stats")));
        const auto outcome = fetch({QStringLiteral("123")}, MetricSeries::Kind::Cpu,
                                   ProviderTesting::fixedMetricRange(MetricRange::Span::Day));
        QVERIFY(outcome && outcome->ok());
        QCOMPARE(m_server->lastRequest().path, QStringLiteral("/v4/linode/instances/123/stats"));
        QCOMPARE(outcome->value().first().points.size(), 8);
    }

    void networkAddsIpv4AndIpv6()
    {
        m_server->on("GET", statsRoute, fixture(QStringLiteral("stats")));
        const auto in = fetch({QStringLiteral("123")}, MetricSeries::Kind::NetworkIn);
        QVERIFY(in);
        QVERIFY2(in->ok(), in->describe().constData());
        const MetricSeries series = in->value().first();
        QCOMPARE(series.unit, QStringLiteral("bit/s")); // Linode's unit already
        QCOMPARE(series.points.size(), 6);
        QCOMPARE(series.points.at(0).value, 2004.36 + 1000.0);
        QCOMPARE(series.points.at(1).value, 4000.0);
        QCOMPARE(series.points.at(2).value, 2000.0);
        QVERIFY(std::isnan(series.points.at(3).value)); // a gap in IPv4 is a gap in the sum
        QCOMPARE(series.points.at(5).value, 800.0); // no IPv6 point at that time: IPv4 alone
        const auto out = fetch({QStringLiteral("123")}, MetricSeries::Kind::NetworkOut);
        QVERIFY(out && out->ok());
        QCOMPARE(out->value().first().points.at(0).value, 3928.91);
    }

    void diskIsOneFigureInBlocks()
    {
        m_server->on("GET", statsRoute, fixture(QStringLiteral("stats")));
        const auto read = fetch({QStringLiteral("123")}, MetricSeries::Kind::DiskRead);
        QVERIFY(read && read->ok());
        const MetricSeries io = read->value().first();
        QCOMPARE(io.unit, QStringLiteral("blocks/s"));
        QCOMPARE(io.points.at(0).value, 3.5);
        QVERIFY(io.note.contains(QStringLiteral("together")));
        const auto write = fetch({QStringLiteral("123")}, MetricSeries::Kind::DiskWrite);
        QVERIFY(write && write->ok());
        QVERIFY(write->value().first().isEmpty());
        QVERIFY(write->value().first().note.contains(QStringLiteral("disk_read")));
    }

    void weekAcrossTwoMonthsIsMerged()
    {
        m_server->on("GET", QStringLiteral("/v4/linode/instances/*/stats/2025/11"),
                     fixture(QStringLiteral("stats-2025-11")));
        m_server->on("GET", QStringLiteral("/v4/linode/instances/*/stats/2025/12"),
                     fixture(QStringLiteral("stats-2025-12")));
        const auto outcome = fetch({QStringLiteral("123")}, MetricSeries::Kind::Cpu,
                                   ProviderTesting::fixedMetricRange(MetricRange::Span::Week));
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        QCOMPARE(m_server->requests("GET", QStringLiteral("/v4/linode/instances/123/stats/2025/11"))
                     .size(),
                 1);
        QCOMPARE(m_server->requests("GET", QStringLiteral("/v4/linode/instances/123/stats/2025/12"))
                     .size(),
                 1);
        const MetricSeries cpu = outcome->value().first();
        // 2025-11-26 00:00 is before the week's start (01:00); 27 Nov to 3 Dec remain, daily.
        QCOMPARE(cpu.points.size(), 7);
        QCOMPARE(cpu.points.first().value, 1.5);
        QCOMPARE(cpu.points.at(4).value, 10.0); // 1 December, from the other month
        QVERIFY(std::isnan(cpu.points.last().value));
        QCOMPARE(cpu.resolutionSeconds, 86400);
        for (qsizetype i = 1; i < cpu.points.size(); ++i)
            QVERIFY(cpu.points.at(i).timeMs > cpu.points.at(i - 1).timeMs);
    }

    void monthPathsFollowTheCalendar()
    {
        const MetricRange week = ProviderTesting::fixedMetricRange(MetricRange::Span::Week);
        // The current month alone is the past 30 days: one request.
        QCOMPARE(LinodeMetricsParser::paths(week, QDate(2025, 12, 3)),
                 QStringList {QStringLiteral("stats/2025/12")});
        QCOMPARE(LinodeMetricsParser::paths(week, QDate(2026, 2, 1)),
                 (QStringList {QStringLiteral("stats/2025/11"), QStringLiteral("stats/2025/12")}));
        QCOMPARE(LinodeMetricsParser::paths(
                     ProviderTesting::fixedMetricRange(MetricRange::Span::Day), QDate(2026, 2, 1)),
                 QStringList {QStringLiteral("stats")});
    }

    void emptySeriesSayWhy()
    {
        m_server->on("GET", statsRoute, fixture(QStringLiteral("stats-empty")));
        for (const MetricSeries::Kind kind :
             {MetricSeries::Kind::Cpu, MetricSeries::Kind::NetworkOut,
              MetricSeries::Kind::DiskRead}) {
            const auto outcome = fetch({QStringLiteral("124")}, kind);
            QVERIFY(outcome);
            QVERIFY2(outcome->ok(), outcome->describe().constData());
            QVERIFY(outcome->value().first().isEmpty());
            QVERIFY(outcome->value().first().note.contains(QStringLiteral("no data")));
        }
    }

    void errorsReachTheCaller_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<Error::Kind>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("400") << 400 << Error::BadRequest << "Label must be between";
        QTest::newRow("401") << 401 << Error::Auth << "Invalid Token";
        QTest::newRow("403") << 403 << Error::Forbidden << "Unauthorized";
        QTest::newRow("404") << 404 << Error::NotFound << "Not found";
        QTest::newRow("429") << 429 << Error::RateLimited << "Too Many Requests";
        QTest::newRow("500") << 500 << Error::Server << "An unexpected error occurred";
    }

    void errorsReachTheCaller()
    {
        QFETCH(int, status);
        QFETCH(Error::Kind, kind);
        QFETCH(QString, reason);
        ProviderErrorChecks::metricsHttpError(
            scenario(), fixture(QStringLiteral("error-%1").arg(status), status), status, kind,
            reason);
    }

    void brokenRepliesAreErrors()
    {
        ProviderErrorChecks::metricsBrokenReplies(scenario(), fixture(QStringLiteral("stats")),
                                                  R"({"data": {"cpu": {"a": 1}}})");
    }

    void slowRepliesTimeOut()
    {
        ProviderErrorChecks::metricsTimeOut(scenario(), fixture(QStringLiteral("stats")));
    }

    void wrongShapeIsInvalidReply_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("nothing") << QByteArray("{}");
        QTest::newRow("cpu not pairs") << QByteArray(R"({"cpu": [1, 2]})");
        QTest::newRow("time a string") << QByteArray(R"({"cpu": [["t", 1]]})");
        QTest::newRow("netv4 a list") << QByteArray(R"({"data": {"netv4": []}})");
        QTest::newRow("seconds, not ms, out of range") << QByteArray(R"({"cpu": [[1e20, 1]]})");
    }

    void wrongShapeIsInvalidReply()
    {
        QFETCH(QByteArray, body);
        m_server->on("GET", statsRoute, FakeResponse::raw(200, body));
        for (const MetricSeries::Kind kind :
             {MetricSeries::Kind::Cpu, MetricSeries::Kind::NetworkIn}) {
            const auto outcome = fetch({QStringLiteral("123")}, kind);
            QVERIFY(outcome);
            if (QByteArray(QTest::currentDataTag()) == "cpu not pairs"
                || QByteArray(QTest::currentDataTag()) == "time a string"
                || QByteArray(QTest::currentDataTag()).startsWith("seconds")) {
                if (kind != MetricSeries::Kind::Cpu) // only cpu is broken there
                    continue;
            }
            QCOMPARE(outcome->error().kind(), Error::InvalidReply);
        }
    }

    void badIdIsRefusedBeforeSending()
    {
        const auto outcome = fetch({QStringLiteral("123/../../profile")}, MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QCOMPARE(outcome->error().kind(), Error::InvalidInput);
        QCOMPARE(m_server->requestCount(), 0);
    }

    // Mutated replies (seeded, replayable): never a crash; a reply parses to points in time
    // order with finite values or gaps, or is InvalidReply with words.
    void parserSurvivesMutations()
    {
        const MetricSeries::Kind kinds[] = {MetricSeries::Kind::Cpu, MetricSeries::Kind::NetworkIn,
                                            MetricSeries::Kind::DiskRead};
        FuzzDriver::parsers(
            QStringLiteral("linode"),
            {QStringLiteral("stats"), QStringLiteral("stats-2025-11"),
             QStringLiteral("stats-2025-12")},
            16, 1500, [&kinds](FuzzDriver::Sample &sample) {
                const Result<MetricSeries> series =
                    LinodeMetricsParser::series(sample.page, kinds[sample.iteration % 3]);
                QString why;
                QVERIFY2(FuzzDriver::acceptable(series, &why),
                         qPrintable(sample.context + u' ' + why));
                if (!series.ok())
                    return;
                sample.valid = true;
                const MetricSeries windowed = LinodeMetricsParser::window(
                    {series.value()}, ProviderTesting::fixedMetricRange(MetricRange::Span::Month));
                for (qsizetype i = 0; i < windowed.points.size(); ++i) {
                    const double value = windowed.points.at(i).value;
                    QVERIFY2(std::isnan(value) || std::isfinite(value), qPrintable(sample.context));
                    if (i > 0) {
                        QVERIFY2(windowed.points.at(i).timeMs > windowed.points.at(i - 1).timeMs,
                                 qPrintable(sample.context));
                    }
                }
            });
    }

    void capabilityIsDeclared() { QVERIFY(metadata().can(QStringLiteral("metrics"))); }
};

QTEST_GUILESS_MAIN(TestLinodeMetrics)
#include "tst_linodemetrics.moc"
