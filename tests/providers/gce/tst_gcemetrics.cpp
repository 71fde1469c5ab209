// GceProvider::fetchMetrics against the fake Google: Cloud Monitoring's projects.timeSeries.list
// (GET /v3/projects/{project}/timeSeries; parameters checked against the monitoring v3 Discovery
// document, googleapis/google-api-go-client monitoring/v3/monitoring-api.json), one request per
// kind for every instance with the same bearer token as Compute Engine, pages followed by
// pageToken; fraction to %, bytes/s to bit/s, points sent newest first put in order, holes and
// "NaN" as gaps, instances without data, every error kind, mutated replies.
// Fixtures: tests/data/gce/timeseries_*.json (see that folder's README.md).
#include "fakegce.h"
#include "fuzzdriver.h"
#include "gcemetrics.h"
#include "gceprovider.h"
#include "providererrorchecks.h"

#include <QTest>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {
const QString route = u"/monitoring/v3/projects/clouddeck-test/timeSeries"_s;
const QString vmA = u"1111111111111111111"_s;
const QString vmB = u"2222222222222222222"_s;
constexpr qint64 midnight = 1764720000000; // 2025-12-03T00:00:00Z
constexpr qint64 minute = 60000;
} // namespace

class TestGceMetrics : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<FakeGce> m_fake;
    std::unique_ptr<GceProvider> m_provider;
    QStringList m_violations;

    /// The timeSeries route: checks the bearer token, then pages 1 and 2 of the CPU fixture, or
    /// @p fixture for every request when given.
    void serve(const QString &fixture = {})
    {
        m_server->on("GET", route, [this, fixture](const RecordedRequest &request) {
            if (request.header("Authorization") != "Bearer " + m_fake->currentToken())
                m_violations.append(u"timeSeries without the current token"_s);
            if (!fixture.isEmpty())
                return FakeGce::fixture(fixture);
            const bool second = request.query.queryItemValue(u"pageToken"_s) == u"page-2"_s;
            return FakeGce::fixture(second ? u"timeseries_cpu_page2"_s : u"timeseries_cpu_page1"_s);
        });
    }

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
        result.path = route;
        result.machineIds = {vmA, vmB};
        result.range = ProviderTesting::fixedMetricRange();
        return result;
    }

private Q_SLOTS:
    void init()
    {
        m_violations.clear();
        m_server = std::make_unique<FakeCloudServer>();
        QVERIFY(m_server->listen());
        m_fake = std::make_unique<FakeGce>(*m_server);
        m_fake->serveFixtures();
        m_provider = m_fake->provider();
    }

    void cleanup()
    {
        QVERIFY2(m_fake->failures().isEmpty(), qPrintable(m_fake->failures().join(u"; "_s)));
        QVERIFY2(m_violations.isEmpty(), qPrintable(m_violations.join(u"; "_s)));
        m_provider.reset();
        m_fake.reset();
        m_server.reset();
    }

    void cpuIsOneRequestForEveryInstance()
    {
        serve();
        const auto outcome = fetch({vmA, vmB}, MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        const QList<RecordedRequest> requests = m_server->requests("GET", route);
        QCOMPARE(requests.size(), 2); // the first page and the one its nextPageToken names
        const QUrlQuery &query = requests.first().query;
        auto value = [&query](const QString &key) {
            return query.queryItemValue(key, QUrl::FullyDecoded);
        };
        QCOMPARE(value(u"filter"_s),
                 u"metric.type = \"compute.googleapis.com/instance/cpu/utilization\" AND "
                 u"resource.type = \"gce_instance\" AND resource.labels.instance_id = "
                 u"one_of(\"1111111111111111111\",\"2222222222222222222\")"_s);
        QCOMPARE(value(u"interval.startTime"_s), u"2025-12-03T00:00:00Z"_s);
        QCOMPARE(value(u"interval.endTime"_s), u"2025-12-03T01:00:00Z"_s);
        QCOMPARE(value(u"aggregation.alignmentPeriod"_s), u"60s"_s);
        QCOMPARE(value(u"aggregation.perSeriesAligner"_s), u"ALIGN_MEAN"_s);
        QCOMPARE(value(u"aggregation.crossSeriesReducer"_s), u"REDUCE_MEAN"_s);
        QCOMPARE(value(u"aggregation.groupByFields"_s), u"resource.labels.instance_id"_s);
        QCOMPARE(value(u"view"_s), u"FULL"_s);
        QCOMPARE(value(u"pageSize"_s), u"100000"_s);
        QCOMPARE(query.queryItems().size(), 9);
        QVERIFY(!query.hasQueryItem(u"pageToken"_s));
        // The second page: the same query and the token.
        const QUrlQuery &next = requests.at(1).query;
        QCOMPARE(next.queryItemValue(u"pageToken"_s), u"page-2"_s);
        QCOMPARE(next.queryItemValue(u"filter"_s, QUrl::FullyDecoded), value(u"filter"_s));
        QCOMPARE(next.queryItems().size(), 10);

        const QList<MetricSeries> series = outcome->value();
        QCOMPARE(series.size(), 2);
        QCOMPARE(series.at(0).machineId, vmA);
        QCOMPARE(series.at(1).machineId, vmB);
        const MetricSeries &cpu = series.first();
        QCOMPARE(cpu.accountId, m_provider->account().id);
        QCOMPARE(cpu.unit, u"%"_s);
        QCOMPARE(cpu.resolutionSeconds, 60);
        QVERIFY(cpu.fetchedAt.isValid());
        // Sent newest first; in time order here. 00:03 and 00:04 had no data: one NaN marks it.
        QCOMPARE(cpu.points.first().timeMs, midnight + minute);
        QCOMPARE(cpu.points.first().value, 6.0); // 0.06 of the vCPUs
        QCOMPARE(cpu.points.at(1).timeMs, midnight + 2 * minute);
        QCOMPARE(cpu.points.at(2).timeMs, midnight + 3 * minute);
        QVERIFY(std::isnan(cpu.points.at(2).value));
        QCOMPARE(cpu.points.at(3).timeMs, midnight + 5 * minute);
        QCOMPARE(cpu.points.last().timeMs, midnight + 60 * minute);
        QCOMPARE(cpu.summary().count, 58);
        QCOMPARE(series.at(1).points.size(), 60);
        QCOMPARE(series.at(1).points.first().value, 50.0);
    }

    void networkIsBitsPerSecond()
    {
        serve(u"timeseries_network"_s);
        const auto outcome = fetch({vmA}, MetricSeries::Kind::NetworkIn);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        const QUrlQuery query = m_server->requests("GET", route).last().query;
        QVERIFY(query.queryItemValue(u"filter"_s, QUrl::FullyDecoded)
                    .startsWith(u"metric.type = \"compute.googleapis.com/instance/network/"
                                u"received_bytes_count\""_s));
        QCOMPARE(query.queryItemValue(u"aggregation.perSeriesAligner"_s), u"ALIGN_RATE"_s);
        QCOMPARE(query.queryItemValue(u"aggregation.crossSeriesReducer"_s), u"REDUCE_SUM"_s);
        const MetricSeries network = outcome->value().first();
        QCOMPARE(network.unit, u"bit/s"_s);
        QCOMPARE(network.points.first().value, 1251.5 * 8);
        QVERIFY(std::isnan(network.points.at(9).value)); // "NaN" at 00:10
    }

    void kindsNameTheirMetric_data()
    {
        QTest::addColumn<MetricSeries::Kind>("kind");
        QTest::addColumn<QString>("type");
        QTest::newRow("out") << MetricSeries::Kind::NetworkOut
                             << u"compute.googleapis.com/instance/network/sent_bytes_count"_s;
        QTest::newRow("read") << MetricSeries::Kind::DiskRead
                              << u"compute.googleapis.com/instance/disk/read_bytes_count"_s;
        QTest::newRow("write") << MetricSeries::Kind::DiskWrite
                               << u"compute.googleapis.com/instance/disk/write_bytes_count"_s;
    }

    void kindsNameTheirMetric()
    {
        QFETCH(MetricSeries::Kind, kind);
        QFETCH(QString, type);
        QVERIFY(GceMetrics::filter(kind, {vmA}).startsWith(u"metric.type = \""_s + type + u'"'));
    }

    void spansSetTheAlignment_data()
    {
        QTest::addColumn<MetricRange::Span>("span");
        QTest::addColumn<QString>("period");
        QTest::addColumn<QString>("start");
        QTest::newRow("hour") << MetricRange::Span::Hour << u"60s"_s << u"2025-12-03T00:00:00Z"_s;
        QTest::newRow("day") << MetricRange::Span::Day << u"300s"_s << u"2025-12-02T01:00:00Z"_s;
        QTest::newRow("week") << MetricRange::Span::Week << u"1800s"_s
                              << u"2025-11-26T01:00:00Z"_s;
        QTest::newRow("month") << MetricRange::Span::Month << u"7200s"_s
                               << u"2025-11-03T01:00:00Z"_s;
    }

    void spansSetTheAlignment()
    {
        QFETCH(MetricRange::Span, span);
        QFETCH(QString, period);
        QFETCH(QString, start);
        serve(u"timeseries_empty"_s);
        const auto outcome =
            fetch({vmA}, MetricSeries::Kind::Cpu, ProviderTesting::fixedMetricRange(span));
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        const QUrlQuery query = m_server->requests("GET", route).last().query;
        QCOMPARE(query.queryItemValue(u"aggregation.alignmentPeriod"_s), period);
        QCOMPARE(query.queryItemValue(u"interval.startTime"_s, QUrl::FullyDecoded), start);
        QCOMPARE(query.queryItemValue(u"interval.endTime"_s, QUrl::FullyDecoded),
                 u"2025-12-03T01:00:00Z"_s);
    }

    void instancesWithoutDataAreEmptyWithANote()
    {
        serve(u"timeseries_empty"_s);
        const auto outcome = fetch({vmA, vmB}, MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        QCOMPARE(outcome->value().size(), 2);
        QVERIFY(outcome->value().at(1).isEmpty());
        QVERIFY(outcome->value().at(1).note.contains(u"no data"_s));
    }

    void manyInstancesAreSplitIntoRequests()
    {
        serve(u"timeseries_empty"_s);
        QStringList ids;
        for (int i = 0; i < 150; ++i)
            ids.append(QString::number(3000000000000000000LL + i));
        const auto outcome = fetch(ids, MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        QCOMPARE(m_server->requests("GET", route).size(), 2); // 100, then 50
        QCOMPARE(outcome->value().size(), 150);
    }

    void tokenAsksForTheMonitoringScope()
    {
        serve();
        QVERIFY(fetch({vmA}, MetricSeries::Kind::Cpu)->ok());
        // The assertion Google saw asked for monitoring.read besides compute (FakeGce checks it).
        QVERIFY(m_fake->lastClaims()
                    .value(u"scope"_s)
                    .toString()
                    .contains(u"https://www.googleapis.com/auth/monitoring.read"_s));
        QVERIFY(m_server->requests("POST", u"/token"_s).first().header("Authorization").isEmpty());
        QCOMPARE(m_provider->monitoringBase(), m_server->url(u"/monitoring/v3"_s));
    }

    void errorsReachTheCaller_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<Error::Kind>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("400") << 400 << u"error_invalid_argument"_s << Error::BadRequest
                             << u"Invalid value"_s;
        QTest::newRow("403") << 403 << u"error_monitoring_permission"_s << Error::Forbidden
                             << u"monitoring.timeSeries.list denied"_s;
        QTest::newRow("404") << 404 << u"error_not_found"_s << Error::NotFound
                             << u"was not found"_s;
        QTest::newRow("429") << 429 << u"error_resource_exhausted"_s << Error::RateLimited
                             << u"Rate Limit Exceeded"_s;
        QTest::newRow("500") << 500 << u"error_internal"_s << Error::Server << u"Internal error"_s;
    }

    void errorsReachTheCaller()
    {
        QFETCH(int, status);
        QFETCH(QString, fixture);
        QFETCH(Error::Kind, kind);
        QFETCH(QString, reason);
        serve(u"timeseries_empty"_s);
        QVERIFY(fetch({vmA}, MetricSeries::Kind::Cpu)->ok()); // signed in: only metrics counted
        ProviderErrorChecks::metricsHttpError(scenario(), FakeGce::fixture(fixture, status),
                                              status, kind, reason);
    }

    void brokenRepliesAreErrors()
    {
        ProviderErrorChecks::metricsBrokenReplies(
            scenario(), FakeGce::fixture(u"timeseries_network"_s),
            R"({"timeSeries": [{"resource": {"labels": {"instance_id": "1"}}, "points": 3}]})");
    }

    void slowRepliesTimeOut()
    {
        serve(u"timeseries_empty"_s);
        QVERIFY(fetch({vmA}, MetricSeries::Kind::Cpu)->ok());
        ProviderErrorChecks::metricsTimeOut(scenario(), FakeGce::fixture(u"timeseries_empty"_s));
    }

    void badIdIsRefusedBeforeSending()
    {
        const auto outcome = fetch({u"1\") OR metric.type = one_of(\"x"_s}, MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QCOMPARE(outcome->error().kind(), Error::InvalidInput);
        QCOMPARE(m_server->requestCount(), 0);
    }

    // Mutated replies (seeded, replayable): never a crash; a page parses to series with finite
    // values or gaps, assembled in time order, or is InvalidReply with words.
    void parserSurvivesMutations()
    {
        const MetricSeries::Kind kinds[] = {MetricSeries::Kind::Cpu, MetricSeries::Kind::NetworkIn,
                                            MetricSeries::Kind::DiskWrite};
        const MetricRange range = ProviderTesting::fixedMetricRange();
        FuzzDriver::parsers(
            u"gce"_s, {u"timeseries_cpu_page1"_s, u"timeseries_cpu_page2"_s, u"timeseries_network"_s},
            0x6CEu, 1500, [&kinds, &range](FuzzDriver::Sample &sample) {
                const MetricSeries::Kind kind = kinds[sample.iteration % 3];
                const auto page = GceMetrics::page(sample.page, kind);
                QString why;
                QVERIFY2(FuzzDriver::acceptable(page, &why), qPrintable(sample.context + u' ' + why));
                if (!page.ok())
                    return;
                sample.valid = true;
                for (const GceMetrics::InstanceSeries &part : page.value()) {
                    const MetricSeries series =
                        GceMetrics::assemble(page.value(), part.instanceId, kind, range);
                    for (qsizetype i = 0; i < series.points.size(); ++i) {
                        const double value = series.points.at(i).value;
                        QVERIFY2(std::isnan(value) || std::isfinite(value),
                                 qPrintable(sample.context));
                        if (i > 0)
                            QVERIFY2(series.points.at(i).timeMs > series.points.at(i - 1).timeMs,
                                     qPrintable(sample.context));
                    }
                }
            });
    }

    void capabilityIsDeclared() { QVERIFY(FakeGce::metadata().can(u"metrics"_s)); }
};

QTEST_GUILESS_MAIN(TestGceMetrics)
#include "tst_gcemetrics.moc"
