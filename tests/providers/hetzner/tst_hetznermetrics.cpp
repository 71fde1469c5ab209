// HetznerProvider::fetchMetrics against the fake API: GET /servers/{id}/metrics with type, start
// and end (RFC 3339, UTC) and step in seconds, one request per server; cpu in percent, network
// bandwidth bytes/s turned into bit/s, gaps ("NaN", null), an empty series, errors in Hetzner's
// error body. Fixtures: tests/data/hetzner/metrics_*.json (sources in that folder's README.md).
#include "hetznermetricsparser.h"
#include "hetznertesting.h"
#include "jsonmutator.h"

#include <QJsonDocument>
#include <QTest>
#include <cmath>

using namespace HetznerTesting;

namespace {
FakeResponse fixture(const QString &name, int status = 200)
{
    return FakeResponse::file(QStringLiteral("hetzner/%1.json").arg(name), status);
}

} // namespace

class TestHetznerMetrics : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<HetznerProvider> m_provider;

    std::shared_ptr<AsyncOutcome<QList<MetricSeries>>>
    fetch(const QStringList &ids, MetricSeries::Kind kind,
          const MetricRange &range = ProviderTesting::fixedMetricRange())
    {
        return ProviderTesting::fetchMetrics(*m_provider, ids, kind, range);
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

    void cpuRequestAndPoints()
    {
        m_server->on("GET", QStringLiteral("/v1/servers/*/metrics"),
                     fixture(QStringLiteral("metrics_cpu")));
        const auto outcome =
            fetch({QStringLiteral("42"), QStringLiteral("43")}, MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        const auto requests = m_server->requests("GET", QStringLiteral("/v1/servers/*/metrics"));
        QCOMPARE(requests.size(), 2);
        QStringList ids;
        for (const RecordedRequest &request : requests) {
            ids.append(request.pathArgs.value(0));
            QCOMPARE(request.query.queryItemValue(QStringLiteral("type")), QStringLiteral("cpu"));
            QCOMPARE(request.query.queryItemValue(QStringLiteral("start"), QUrl::FullyDecoded),
                     QStringLiteral("2025-12-03T00:00:00Z"));
            QCOMPARE(request.query.queryItemValue(QStringLiteral("end"), QUrl::FullyDecoded),
                     QStringLiteral("2025-12-03T01:00:00Z"));
            QCOMPARE(request.query.queryItemValue(QStringLiteral("step")), QStringLiteral("60"));
            QCOMPARE(request.header("Authorization"), QByteArray("Bearer ") + token);
        }
        ids.sort();
        QCOMPARE(ids, (QStringList {QStringLiteral("42"), QStringLiteral("43")}));
        const QList<MetricSeries> series = outcome->value();
        QCOMPARE(series.size(), 2);
        QCOMPARE(series.at(0).machineId, QStringLiteral("42"));
        QCOMPARE(series.at(1).machineId, QStringLiteral("43"));
        const MetricSeries &cpu = series.first();
        QCOMPARE(cpu.unit, QStringLiteral("%"));
        QCOMPARE(cpu.resolutionSeconds, 60);
        QCOMPARE(cpu.points.size(), 4);
        QCOMPARE(cpu.points.at(0).timeMs, qint64(1764720000000));
        QCOMPARE(cpu.points.at(1).value, 12.25);
        QVERIFY(std::isnan(cpu.points.at(2).value));
        QCOMPARE(cpu.summary().max, 80.0);
    }

    void longerRangesAskForCoarserSteps()
    {
        m_server->on("GET", QStringLiteral("/v1/servers/*/metrics"),
                     fixture(QStringLiteral("metrics_cpu")));
        const auto outcome = fetch({QStringLiteral("42")}, MetricSeries::Kind::Cpu,
                                   ProviderTesting::fixedMetricRange(MetricRange::Span::Week));
        QVERIFY(outcome && outcome->ok());
        const RecordedRequest request = m_server->lastRequest();
        QCOMPARE(request.query.queryItemValue(QStringLiteral("start"), QUrl::FullyDecoded),
                 QStringLiteral("2025-11-26T01:00:00Z"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("step")), QStringLiteral("1800"));
    }

    void networkInBitsPerSecond()
    {
        m_server->on("GET", QStringLiteral("/v1/servers/*/metrics"),
                     fixture(QStringLiteral("metrics_network")));
        const auto in = fetch({QStringLiteral("42")}, MetricSeries::Kind::NetworkIn);
        QVERIFY(in);
        QVERIFY2(in->ok(), in->describe().constData());
        QCOMPARE(m_server->lastRequest().query.queryItemValue(QStringLiteral("type")),
                 QStringLiteral("network"));
        const MetricSeries series = in->value().first();
        QCOMPARE(series.unit, QStringLiteral("bit/s"));
        QCOMPARE(series.points.size(), 2);
        QCOMPARE(series.points.at(0).timeMs, qint64(1764720000622));
        QCOMPARE(series.points.at(0).value, 8000.0);
        QVERIFY(std::isnan(series.points.at(1).value)); // null
        const auto out = fetch({QStringLiteral("42")}, MetricSeries::Kind::NetworkOut);
        QVERIFY(out && out->ok());
        QCOMPARE(out->value().first().points.at(1).value, 1004.0);
    }

    void missingAndEmptySeriesAreEmpty()
    {
        m_server->on("GET", QStringLiteral("/v1/servers/*/metrics"),
                     fixture(QStringLiteral("metrics_empty")));
        for (const MetricSeries::Kind kind :
             {MetricSeries::Kind::Cpu, MetricSeries::Kind::DiskWrite}) {
            const auto outcome = fetch({QStringLiteral("42")}, kind);
            QVERIFY(outcome);
            QVERIFY2(outcome->ok(), outcome->describe().constData());
            QVERIFY(outcome->value().first().isEmpty());
            QVERIFY(!outcome->value().first().note.isEmpty());
        }
        QCOMPARE(m_server->lastRequest().query.queryItemValue(QStringLiteral("type")),
                 QStringLiteral("disk"));
    }

    void errorsReachTheCaller_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<Error::Kind>("kind");
        QTest::newRow("401") << 401 << Error::Auth;
        QTest::newRow("404") << 404 << Error::NotFound;
        QTest::newRow("500") << 500 << Error::Server;
    }

    void errorsReachTheCaller()
    {
        QFETCH(int, status);
        QFETCH(Error::Kind, kind);
        HttpClient::RetryPolicy policy;
        policy.maxRetries = 0;
        m_provider->http()->setRetryPolicy(policy);
        m_server->on("GET", QStringLiteral("/v1/servers/*/metrics"),
                     fixture(QStringLiteral("error_%1").arg(status), status));
        const auto outcome = fetch({QStringLiteral("42")}, MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QCOMPARE(outcome->calls, 1);
        QCOMPARE(outcome->error().kind(), kind);
        QCOMPARE(outcome->error().httpStatus(), status);
    }

    void wrongShapeIsInvalidReply_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no metrics") << QByteArray("{}");
        QTest::newRow("values not pairs") << QByteArray(
            R"({"metrics": {"step": 60, "time_series": {"cpu": {"values": [1, 2]}}}})");
        QTest::newRow("time a string") << QByteArray(
            R"({"metrics": {"step": 60, "time_series": {"cpu": {"values": [["t", "1"]]}}}})");
    }

    void wrongShapeIsInvalidReply()
    {
        QFETCH(QByteArray, body);
        m_server->on("GET", QStringLiteral("/v1/servers/*/metrics"), FakeResponse::raw(200, body));
        const auto outcome = fetch({QStringLiteral("42")}, MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QCOMPARE(outcome->error().kind(), Error::InvalidReply);
    }

    void badIdIsRefusedBeforeSending()
    {
        const auto outcome = fetch({QStringLiteral("42/../../x")}, MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QCOMPARE(outcome->error().kind(), Error::InvalidInput);
        QCOMPARE(m_server->requestCount(), 0);
    }

    // Mutated replies (seeded): never a crash; a reply either parses to finite values and gaps
    // or is InvalidReply.
    void parserSurvivesMutations()
    {
        const QJsonObject fixtures[] = {
            readJsonFixture(QStringLiteral("hetzner/metrics_cpu.json")).object(),
            readJsonFixture(QStringLiteral("hetzner/metrics_network.json")).object()};
        JsonMutator mutator(16);
        for (int i = 0; i < 2000; ++i) {
            const QByteArray bytes = mutator.mutate(QJsonDocument(fixtures[i % 2]));
            const Result<MetricSeries> series = HetznerMetricsParser::series(
                QJsonDocument::fromJson(bytes).object(),
                i % 2 == 0 ? MetricSeries::Kind::Cpu : MetricSeries::Kind::NetworkOut);
            if (!series.ok()) {
                QCOMPARE(series.error().kind(), Error::InvalidReply);
                continue;
            }
            QVERIFY(series.value().resolutionSeconds >= 0);
            for (const MetricSeries::Point &point : series.value().points)
                QVERIFY(std::isnan(point.value) || std::isfinite(point.value));
        }
    }

    void capabilityIsDeclared() { QVERIFY(metadata().can(QStringLiteral("metrics"))); }
};

QTEST_GUILESS_MAIN(TestHetznerMetrics)
#include "tst_hetznermetrics.moc"
