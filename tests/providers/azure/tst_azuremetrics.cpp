// AzureProvider::fetchMetrics against the fake Azure: Metrics_List
// (GET {vm id}/providers/Microsoft.Insights/metrics, api-version 2018-01-01 as
// azure-rest-api-specs' monitor/.../stable/2018-01-01/metrics_API.json has it) once per VM with
// the Resource Manager token; its query (timespan, interval per span, metricnames, aggregation,
// metricnamespace), CPU as is, byte totals per interval to bit/s and B/s, missing averages as
// gaps, a metric Azure could not read, every error kind through the shared checks, mutated
// replies. Fixtures: tests/data/azure/metrics-*.json (see that folder's README.md).
#include "azuremetrics.h"
#include "azuretesting.h"
#include "fuzzdriver.h"
#include "providererrorchecks.h"

#include <QTest>
#include <cmath>

using namespace AzureTesting;
using namespace Qt::StringLiterals;

namespace {
const QString metricsRoute =
    u"/subscriptions/*/resourceGroups/*/providers/Microsoft.Compute/virtualMachines/*/providers/"
    u"Microsoft.Insights/metrics"_s;
const QString web2 = u"/subscriptions/11111111-1111-4111-8111-111111111111/resourceGroups/RG-WEB/"
                     u"providers/Microsoft.Compute/virtualMachines/web-2"_s;
constexpr qint64 midnight = 1764720000000; // 2025-12-03T00:00:00Z
constexpr qint64 minute = 60000;
} // namespace

class TestAzureMetrics : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<FakeAzure> m_azure;
    std::unique_ptr<AzureProvider> m_provider;

    /// Metrics_List answered with @p fixture for every VM.
    void serve(const QString &fixture)
    {
        m_azure->arm("GET", metricsRoute, AzureMetrics::version,
                     FakeResponse::raw(200, AzureTesting::fixture(fixture)));
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
        result.path = metricsRoute;
        result.machineIds = {web1, web2};
        result.range = ProviderTesting::fixedMetricRange();
        return result;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeCloudServer>();
        QVERIFY(m_server->listen());
        m_azure = std::make_unique<FakeAzure>(*m_server);
        m_azure->serveToken();
        m_provider = provider(*m_server);
    }

    void cleanup()
    {
        QVERIFY2(m_azure->violations().isEmpty(),
                 qPrintable(m_azure->violations().join(u"; "_s)));
        m_provider.reset();
        m_azure.reset();
        m_server.reset();
    }

    void cpuRequestsOneCallPerVm()
    {
        serve(u"metrics-cpu.json"_s);
        const auto outcome = fetch({web1, web2}, MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        const QList<RecordedRequest> requests = m_azure->armRequests();
        QCOMPARE(requests.size(), 2);
        QStringList paths;
        for (const RecordedRequest &request : requests) {
            paths.append(request.path);
            QCOMPARE(request.method, QByteArray("GET"));
            QVERIFY(request.body.isEmpty());
            // Every parameter the spec names that CloudDeck sends, and nothing else.
            const QUrlQuery &query = request.query;
            QCOMPARE(query.queryItemValue(u"api-version"_s), u"2018-01-01"_s);
            QCOMPARE(query.queryItemValue(u"timespan"_s, QUrl::FullyDecoded),
                     u"2025-12-03T00:00:00Z/2025-12-03T01:00:00Z"_s);
            QCOMPARE(query.queryItemValue(u"interval"_s), u"PT1M"_s);
            QCOMPARE(query.queryItemValue(u"metricnames"_s, QUrl::FullyDecoded),
                     u"Percentage CPU"_s);
            QCOMPARE(query.queryItemValue(u"aggregation"_s), u"Average"_s);
            QCOMPARE(query.queryItemValue(u"metricnamespace"_s, QUrl::FullyDecoded),
                     u"Microsoft.Compute/virtualMachines"_s);
            QCOMPARE(query.queryItems().size(), 6);
        }
        paths.sort();
        QCOMPARE(paths, (QStringList {web1 + u"/providers/Microsoft.Insights/metrics"_s,
                                      web2 + u"/providers/Microsoft.Insights/metrics"_s}));
        const QList<MetricSeries> series = outcome->value();
        QCOMPARE(series.size(), 2);
        QCOMPARE(series.at(0).machineId, web1); // in the order asked
        QCOMPARE(series.at(1).machineId, web2);
        const MetricSeries &cpu = series.first();
        QCOMPARE(cpu.accountId, m_provider->account().id);
        QCOMPARE(cpu.unit, u"%"_s);
        QCOMPARE(cpu.resolutionSeconds, 60);
        QVERIFY(cpu.fetchedAt.isValid());
        QCOMPARE(cpu.points.size(), 60);
        QCOMPARE(cpu.points.at(0).timeMs, midnight);
        QCOMPARE(cpu.points.at(0).value, 3.42); // Percent already
        QVERIFY(std::isnan(cpu.points.at(2).value)); // no "average": deallocated
        QVERIFY(std::isnan(cpu.points.at(3).value));
        QCOMPARE(cpu.points.at(4).value, 4.5);
        QCOMPARE(cpu.points.last().timeMs, midnight + 59 * minute);
        QCOMPARE(cpu.summary().count, 58);
        QVERIFY(cpu.note.isEmpty());
    }

    void networkTotalsAreBitsPerSecond()
    {
        serve(u"metrics-network-in.json"_s);
        const auto outcome = fetch({web1}, MetricSeries::Kind::NetworkIn);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        const RecordedRequest request = m_azure->armRequests().last();
        QCOMPARE(request.query.queryItemValue(u"metricnames"_s, QUrl::FullyDecoded),
                 u"Network In Total"_s);
        QCOMPARE(request.query.queryItemValue(u"aggregation"_s), u"Total"_s);
        const MetricSeries network = outcome->value().first();
        QCOMPARE(network.unit, u"bit/s"_s);
        QCOMPARE(network.points.at(0).value, 75000.0 * 8 / 60); // bytes in the minute
        QCOMPARE(network.points.at(1).value, 60600.0 * 8 / 60);
        QVERIFY(std::isnan(network.points.at(5).value));
    }

    void diskTotalsAreBytesPerSecondOfTheStatedInterval()
    {
        // Azure may use another interval than the one asked: the reply's is the divisor.
        m_azure->arm("GET", metricsRoute, AzureMetrics::version,
                     FakeResponse::raw(200, fixture(u"metrics-disk-write.json"_s,
                                                    {{"\"interval\": \"PT1M\"",
                                                      "\"interval\": \"PT5M\""}})));
        const auto outcome = fetch({web1}, MetricSeries::Kind::DiskWrite);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        QCOMPARE(m_azure->armRequests().last().query.queryItemValue(u"metricnames"_s,
                                                                     QUrl::FullyDecoded),
                 u"Disk Write Bytes"_s);
        const MetricSeries disk = outcome->value().first();
        QCOMPARE(disk.unit, u"B/s"_s);
        QCOMPARE(disk.points.at(0).value, 1228800.0 / 300);
        QCOMPARE(disk.points.at(1).value, 0.0); // a zero is a value, not a gap
    }

    void otherKindsAskForTheirMetric_data()
    {
        QTest::addColumn<MetricSeries::Kind>("kind");
        QTest::addColumn<QString>("name");
        QTest::newRow("out") << MetricSeries::Kind::NetworkOut << u"Network Out Total"_s;
        QTest::newRow("read") << MetricSeries::Kind::DiskRead << u"Disk Read Bytes"_s;
    }

    void otherKindsAskForTheirMetric()
    {
        QFETCH(MetricSeries::Kind, kind);
        QFETCH(QString, name);
        // A reply about another metric than the one asked is an empty series that says so.
        serve(u"metrics-network-in.json"_s);
        const auto outcome = fetch({web1}, kind);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        QCOMPARE(m_azure->armRequests().last().query.queryItemValue(u"metricnames"_s,
                                                                     QUrl::FullyDecoded),
                 name);
        QCOMPARE(m_azure->armRequests().last().query.queryItemValue(u"aggregation"_s),
                 u"Total"_s);
        QVERIFY(outcome->value().first().isEmpty());
        QVERIFY(outcome->value().first().note.contains(name));
    }

    void spansMapToIntervals_data()
    {
        QTest::addColumn<MetricRange::Span>("span");
        QTest::addColumn<QString>("interval");
        QTest::addColumn<QString>("timespan");
        QTest::newRow("hour") << MetricRange::Span::Hour << u"PT1M"_s
                              << u"2025-12-03T00:00:00Z/2025-12-03T01:00:00Z"_s;
        QTest::newRow("day") << MetricRange::Span::Day << u"PT5M"_s
                             << u"2025-12-02T01:00:00Z/2025-12-03T01:00:00Z"_s;
        QTest::newRow("week") << MetricRange::Span::Week << u"PT30M"_s
                              << u"2025-11-26T01:00:00Z/2025-12-03T01:00:00Z"_s;
        // 2 h steps: Azure has no PT2H grain, so the next one up.
        QTest::newRow("month") << MetricRange::Span::Month << u"PT6H"_s
                               << u"2025-11-03T01:00:00Z/2025-12-03T01:00:00Z"_s;
    }

    void spansMapToIntervals()
    {
        QFETCH(MetricRange::Span, span);
        QFETCH(QString, interval);
        QFETCH(QString, timespan);
        serve(u"metrics-cpu.json"_s);
        const auto outcome =
            fetch({web1}, MetricSeries::Kind::Cpu, ProviderTesting::fixedMetricRange(span));
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        const RecordedRequest request = m_azure->armRequests().last();
        QCOMPARE(request.query.queryItemValue(u"interval"_s), interval);
        QCOMPARE(request.query.queryItemValue(u"timespan"_s, QUrl::FullyDecoded), timespan);
    }

    void durationsReadBothWays()
    {
        QCOMPARE(AzureMetrics::duration(60), u"PT1M"_s);
        QCOMPARE(AzureMetrics::duration(5400), u"PT1H30M"_s);
        QCOMPARE(AzureMetrics::duration(86400), u"P1D"_s);
        QCOMPARE(AzureMetrics::durationSeconds(u"PT1M"_s), 60);
        QCOMPARE(AzureMetrics::durationSeconds(u"PT4H"_s), 14400);
        QCOMPARE(AzureMetrics::durationSeconds(u"P1DT12H"_s), 129600);
        QCOMPARE(AzureMetrics::durationSeconds(u"FULL"_s), 0);
        QCOMPARE(AzureMetrics::durationSeconds(u"PT"_s), 0);
        QCOMPARE(AzureMetrics::durationSeconds(u"P"_s), 0);
    }

    void emptyAndUnreadableMetricsSaySo()
    {
        serve(u"metrics-empty.json"_s);
        const auto empty = fetch({web1}, MetricSeries::Kind::Cpu);
        QVERIFY(empty);
        QVERIFY2(empty->ok(), empty->describe().constData());
        QVERIFY(empty->value().first().isEmpty());
        QVERIFY(empty->value().first().note.contains(u"no data"_s));
        // As examples/GetMetricError.json: the call succeeds, the metric carries the error.
        serve(u"metrics-metric-error.json"_s);
        const auto failed = fetch({web1}, MetricSeries::Kind::Cpu);
        QVERIFY(failed);
        QVERIFY2(failed->ok(), failed->describe().constData());
        QVERIFY(failed->value().first().isEmpty());
        QVERIFY2(failed->value().first().note.contains(u"Sampling type is not found"_s),
                 qPrintable(failed->value().first().note));
    }

    void errorsReachTheCaller_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<Error::Kind>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("400 metrics") << 400 << u"error-metrics-400.json"_s << Error::BadRequest
                                     << u"Invalid time grain"_s;
        QTest::newRow("403") << 403 << u"error-403.json"_s << Error::Forbidden
                             << u"does not have authorization"_s;
        QTest::newRow("404") << 404 << u"error-404.json"_s << Error::NotFound
                             << u"was not found"_s;
        QTest::newRow("429") << 429 << u"error-429.json"_s << Error::RateLimited
                             << u"throttled"_s;
        QTest::newRow("500") << 500 << u"error-500.json"_s << Error::Server
                             << u"internal server error"_s;
    }

    void errorsReachTheCaller()
    {
        QFETCH(int, status);
        QFETCH(QString, fixture);
        QFETCH(Error::Kind, kind);
        QFETCH(QString, reason);
        // A first fetch signs in, so the helper's "one request a machine" counts metrics calls
        // only, not the token request.
        serve(u"metrics-cpu.json"_s);
        QVERIFY(fetch({web1}, MetricSeries::Kind::Cpu)->ok());
        ProviderErrorChecks::metricsHttpError(
            scenario(), FakeResponse::raw(status, AzureTesting::fixture(fixture)), status, kind,
            reason);
    }

    void brokenRepliesAreErrors()
    {
        ProviderErrorChecks::metricsBrokenReplies(
            scenario(), FakeResponse::raw(200, fixture(u"metrics-cpu.json"_s)),
            R"({"timespan": "x", "value": {"name": 1}})");
    }

    void slowRepliesTimeOut()
    {
        serve(u"metrics-cpu.json"_s);
        QVERIFY(fetch({web1}, MetricSeries::Kind::Cpu)->ok()); // signed in before the clock runs
        ProviderErrorChecks::metricsTimeOut(
            scenario(), FakeResponse::raw(200, fixture(u"metrics-cpu.json"_s)));
    }

    void wrongShapeIsInvalidReply_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("nothing") << QByteArray("{}");
        QTest::newRow("value null") << QByteArray(R"({"value": null})");
        QTest::newRow("metric a number") << QByteArray(R"({"value": [1]})");
        QTest::newRow("timeseries missing")
            << QByteArray(R"({"value": [{"name": {"value": "Percentage CPU"}}]})");
        QTest::newRow("point without time")
            << QByteArray(R"({"value": [{"name": {"value": "Percentage CPU"},
                "timeseries": [{"data": [{"average": 1}]}]}]})");
        QTest::newRow("time unreadable")
            << QByteArray(R"({"value": [{"name": {"value": "Percentage CPU"},
                "timeseries": [{"data": [{"timeStamp": "yesterday", "average": 1}]}]}]})");
    }

    void wrongShapeIsInvalidReply()
    {
        QFETCH(QByteArray, body);
        m_azure->arm("GET", metricsRoute, AzureMetrics::version, FakeResponse::raw(200, body));
        const auto outcome = fetch({web1}, MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QCOMPARE(outcome->error().kind(), Error::InvalidReply);
        QVERIFY(!outcome->error().message().isEmpty());
    }

    void badIdIsRefusedBeforeSending()
    {
        const auto outcome = fetch({web1 + u"/../../../../providers/Microsoft.Authorization"_s},
                                   MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QCOMPARE(outcome->error().kind(), Error::InvalidInput);
        QCOMPARE(m_server->requestCount(), 0);
    }

    // Mutated replies (seeded, replayable): never a crash; a reply parses to points in time
    // order with finite values or gaps, or is InvalidReply with words.
    void parserSurvivesMutations()
    {
        const MetricSeries::Kind kinds[] = {MetricSeries::Kind::Cpu, MetricSeries::Kind::NetworkIn,
                                            MetricSeries::Kind::DiskWrite};
        const MetricRange range = ProviderTesting::fixedMetricRange();
        FuzzDriver::parsers(
            u"azure"_s, {u"metrics-cpu"_s, u"metrics-network-in"_s, u"metrics-disk-write"_s}, 0xA3u,
            1500, [&kinds, &range](FuzzDriver::Sample &sample) {
                const Result<MetricSeries> series =
                    AzureMetrics::series(sample.page, kinds[sample.iteration % 3], range);
                QString why;
                QVERIFY2(FuzzDriver::acceptable(series, &why),
                         qPrintable(sample.context + u' ' + why));
                if (!series.ok())
                    return;
                sample.valid = true;
                const QList<MetricSeries::Point> &points = series.value().points;
                for (qsizetype i = 0; i < points.size(); ++i) {
                    const double value = points.at(i).value;
                    QVERIFY2(std::isnan(value) || std::isfinite(value), qPrintable(sample.context));
                    if (i > 0)
                        QVERIFY2(points.at(i).timeMs > points.at(i - 1).timeMs,
                                 qPrintable(sample.context));
                }
            });
    }

    void capabilityIsDeclared() { QVERIFY(metadata().can(u"metrics"_s)); }
};

QTEST_GUILESS_MAIN(TestAzureMetrics)
#include "tst_azuremetrics.moc"
