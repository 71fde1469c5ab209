// DigitalOceanProvider::fetchMetrics against the fake API: the monitoring requests (path, host_id,
// interface, direction, start/end in Unix seconds, the bearer token), one request per droplet,
// CPU shares computed from the per-mode counters, bandwidth in bit/s, gaps (NaN, null), the
// empty reply of a droplet without the agent, and the errors. Fixtures: metrics_*.json (see
// tests/data/digitalocean/README.md for the OpenAPI files they come from).
#include "digitaloceanmetricsparser.h"
#include "digitaloceanprovider.h"
#include "digitaloceantestcase.h"
#include "fakedigitalocean.h"
#include "jsonmutator.h"
#include "providertesting.h"
#include "testhelpers.h"

#include <QJsonDocument>
#include <QTest>
#include <cmath>

class TestDigitalOceanMetrics : public DigitalOceanTestCase
{
    Q_OBJECT

private:
    std::shared_ptr<AsyncOutcome<QList<MetricSeries>>> fetch(const QStringList &ids,
                                                             MetricSeries::Kind kind)
    {
        return ProviderTesting::fetchMetrics(*m_provider, ids, kind,
                                             ProviderTesting::fixedMetricRange());
    }

private Q_SLOTS:
    void cpuRequestAndShares()
    {
        m_server->on("GET", QStringLiteral("/v2/monitoring/metrics/droplet/cpu"),
                     FakeDigitalOcean::reply(QStringLiteral("metrics_cpu")));
        const auto outcome = fetch({QStringLiteral("3164444")}, MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        const auto requests =
            m_server->requests("GET", QStringLiteral("/v2/monitoring/metrics/droplet/cpu"));
        QCOMPARE(requests.size(), 1);
        const RecordedRequest &request = requests.first();
        QCOMPARE(request.query.queryItemValue(QStringLiteral("host_id")),
                 QStringLiteral("3164444"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("start")),
                 QStringLiteral("1764720000"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("end")), QStringLiteral("1764723600"));
        QCOMPARE(request.header("Authorization"), FakeDigitalOcean::bearer());

        const QList<MetricSeries> series = outcome->value();
        QCOMPARE(series.size(), 1);
        const MetricSeries &cpu = series.first();
        QCOMPARE(cpu.machineId, QStringLiteral("3164444"));
        QCOMPARE(cpu.kind, MetricSeries::Kind::Cpu);
        QCOMPARE(cpu.unit, QStringLiteral("%"));
        QCOMPARE(cpu.resolutionSeconds, 60);
        QVERIFY(cpu.note.isEmpty());
        // Six samples give five steps: 45 of 60 s idle is 25 % busy; the "NaN" idle sample and
        // the step after it are gaps; the last step was all idle.
        QCOMPARE(cpu.points.size(), 5);
        QCOMPARE(cpu.points.at(0).timeMs, qint64(1764720060000));
        QCOMPARE(cpu.points.at(0).value, 25.0);
        QCOMPARE(cpu.points.at(1).value, 25.0);
        QVERIFY(std::isnan(cpu.points.at(2).value));
        QVERIFY(std::isnan(cpu.points.at(3).value));
        QCOMPARE(cpu.points.at(4).value, 0.0);
        QCOMPARE(cpu.summary().count, 3);
    }

    void bandwidthRequestAndUnits()
    {
        m_server->on("GET", QStringLiteral("/v2/monitoring/metrics/droplet/bandwidth"),
                     FakeDigitalOcean::reply(QStringLiteral("metrics_bandwidth")));
        const auto outcome = fetch({QStringLiteral("3164444"), QStringLiteral("3164445")},
                                   MetricSeries::Kind::NetworkOut);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        const auto requests =
            m_server->requests("GET", QStringLiteral("/v2/monitoring/metrics/droplet/bandwidth"));
        QCOMPARE(requests.size(), 2); // one droplet a request: the API takes one host_id
        QStringList hosts;
        for (const RecordedRequest &request : requests) {
            hosts.append(request.query.queryItemValue(QStringLiteral("host_id")));
            QCOMPARE(request.query.queryItemValue(QStringLiteral("interface")),
                     QStringLiteral("public"));
            QCOMPARE(request.query.queryItemValue(QStringLiteral("direction")),
                     QStringLiteral("outbound"));
            QCOMPARE(request.query.queryItemValue(QStringLiteral("start")),
                     QStringLiteral("1764720000"));
        }
        hosts.sort();
        QCOMPARE(hosts, (QStringList {QStringLiteral("3164444"), QStringLiteral("3164445")}));
        const QList<MetricSeries> series = outcome->value();
        QCOMPARE(series.size(), 2);
        QCOMPARE(series.at(1).machineId, QStringLiteral("3164445")); // in the order asked
        const MetricSeries &out = series.first();
        QCOMPARE(out.kind, MetricSeries::Kind::NetworkOut);
        QCOMPARE(out.unit, QStringLiteral("bit/s"));
        QCOMPARE(out.resolutionSeconds, 300);
        QCOMPARE(out.points.size(), 4);
        QCOMPARE(out.points.at(0).value, 500000.0);
        QCOMPARE(out.points.at(1).value, 1250000.0);
        QVERIFY(std::isnan(out.points.at(2).value)); // null
        QCOMPARE(out.summary().max, 2000000.0);
    }

    void inboundAsksForInbound()
    {
        m_server->on("GET", QStringLiteral("/v2/monitoring/metrics/droplet/bandwidth"),
                     FakeDigitalOcean::reply(QStringLiteral("metrics_bandwidth")));
        const auto outcome = fetch({QStringLiteral("3164444")}, MetricSeries::Kind::NetworkIn);
        QVERIFY(outcome && outcome->ok());
        QCOMPARE(m_server->lastRequest().query.queryItemValue(QStringLiteral("direction")),
                 QStringLiteral("inbound"));
    }

    void emptyReplySaysTheAgentIsMissing()
    {
        m_server->on("GET", QStringLiteral("/v2/monitoring/metrics/droplet/*"),
                     FakeDigitalOcean::reply(QStringLiteral("metrics_empty")));
        for (const MetricSeries::Kind kind :
             {MetricSeries::Kind::Cpu, MetricSeries::Kind::NetworkIn}) {
            const auto outcome = fetch({QStringLiteral("3164444")}, kind);
            QVERIFY(outcome);
            QVERIFY2(outcome->ok(), outcome->describe().constData());
            const MetricSeries series = outcome->value().first();
            QVERIFY(series.isEmpty());
            QVERIFY2(series.note.contains(QStringLiteral("monitoring agent is not installed")),
                     qPrintable(series.note));
        }
    }

    void diskIsUnsupportedWithoutARequest()
    {
        const int before = m_server->requestCount();
        const auto outcome = fetch({QStringLiteral("3164444")}, MetricSeries::Kind::DiskRead);
        QVERIFY(outcome);
        QCOMPARE(outcome->error().kind(), Error::Unsupported);
        QCOMPARE(m_server->requestCount(), before);
    }

    void badIdIsRefusedBeforeSending()
    {
        const int before = m_server->requestCount();
        const auto outcome = fetch({QStringLiteral("../account")}, MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QCOMPARE(outcome->error().kind(), Error::InvalidInput);
        QCOMPARE(m_server->requestCount(), before);
    }

    void errorsReachTheCaller_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<Error::Kind>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("401") << 401 << "error_unauthorized" << Error::Auth
                             << "Unable to authenticate you.";
        QTest::newRow("500") << 500 << "error_server_error" << Error::Server
                             << "Unexpected server-side error";
    }

    void errorsReachTheCaller()
    {
        QFETCH(int, status);
        QFETCH(QString, fixture);
        QFETCH(Error::Kind, kind);
        QFETCH(QString, message);
        HttpClient::RetryPolicy policy;
        policy.maxRetries = 0;
        m_provider->http()->setRetryPolicy(policy);
        m_server->on("GET", QStringLiteral("/v2/monitoring/metrics/droplet/cpu"),
                     FakeDigitalOcean::reply(fixture, status));
        const auto outcome =
            fetch({QStringLiteral("1"), QStringLiteral("2")}, MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QCOMPARE(outcome->calls, 1); // one callback for the batch, not one per droplet
        QCOMPARE(outcome->error().kind(), kind);
        QCOMPARE(outcome->error().httpStatus(), status);
        QVERIFY2(outcome->error().message().contains(message), outcome->describe().constData());
    }

    void aDestroyedDropletDropsOutOfTheBatch()
    {
        // Droplet 2 was destroyed since the last list: the API answers 404 for it, and the
        // others still get their series; only a batch of nothing but gone droplets fails.
        m_server->on("GET", QStringLiteral("/v2/monitoring/metrics/droplet/cpu"),
                     [](const RecordedRequest &request) {
                         return request.query.queryItemValue(QStringLiteral("host_id"))
                                        == QStringLiteral("2")
                                    ? FakeDigitalOcean::reply(QStringLiteral("error_not_found"),
                                                              404)
                                    : FakeDigitalOcean::reply(QStringLiteral("metrics_cpu"));
                     });
        auto outcome = fetch({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")},
                             MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QCOMPARE(outcome->calls, 1);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        QCOMPARE(outcome->value().size(), 2);
        QCOMPARE(outcome->value().at(0).machineId, QStringLiteral("1"));
        QCOMPARE(outcome->value().at(1).machineId, QStringLiteral("3"));
        QCOMPARE(m_server->requests("GET", QStringLiteral("/v2/monitoring/metrics/droplet/cpu"))
                     .size(),
                 3);

        outcome = fetch({QStringLiteral("2")}, MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QCOMPARE(outcome->error().kind(), Error::NotFound);
        QCOMPARE(outcome->error().httpStatus(), 404);
    }

    void wrongShapeIsInvalidReply_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no data") << QByteArray(R"({"status": "success"})");
        QTest::newRow("vector") << QByteArray(
            R"({"data": {"resultType": "vector", "result": []}})");
        QTest::newRow("pair without time")
            << QByteArray(R"({"data": {"resultType": "matrix", "result": [{"metric": {},
                   "values": [["x", "1"]]}]}})");
        QTest::newRow("values not a list")
            << QByteArray(R"({"data": {"resultType": "matrix", "result": [{"metric": {},
                   "values": 3}]}})");
    }

    void wrongShapeIsInvalidReply()
    {
        QFETCH(QByteArray, body);
        m_server->on("GET", QStringLiteral("/v2/monitoring/metrics/droplet/*"),
                     FakeResponse::raw(200, body));
        for (const MetricSeries::Kind kind :
             {MetricSeries::Kind::Cpu, MetricSeries::Kind::NetworkOut}) {
            const auto outcome = fetch({QStringLiteral("3164444")}, kind);
            QVERIFY(outcome);
            QCOMPARE(outcome->error().kind(), Error::InvalidReply);
        }
    }

    // Mutated replies (seeded, replayable): never a crash, a point out of time order or a
    // value that is not finite or a gap; a reply either parses or is InvalidReply.
    void parsersSurviveMutations()
    {
        const QList<QJsonObject> fixtures {
            FakeDigitalOcean::fixture(QStringLiteral("metrics_cpu")),
            FakeDigitalOcean::fixture(QStringLiteral("metrics_bandwidth"))};
        JsonMutator mutator(16);
        for (int i = 0; i < 2000; ++i) {
            const QByteArray bytes = mutator.mutate(QJsonDocument(fixtures.at(i % 2)));
            const QJsonObject reply = QJsonDocument::fromJson(bytes).object();
            const Result<MetricSeries> series =
                i % 2 == 0
                    ? DigitalOceanMetricsParser::cpu(reply)
                    : DigitalOceanMetricsParser::bandwidth(reply, MetricSeries::Kind::NetworkIn);
            if (!series.ok()) {
                QCOMPARE(series.error().kind(), Error::InvalidReply);
                continue;
            }
            for (qsizetype p = 1; p < series.value().points.size(); ++p) {
                if (i % 2 == 0) // CPU steps are built in time order; bandwidth keeps the reply's
                    QVERIFY(series.value().points.at(p).timeMs
                            > series.value().points.at(p - 1).timeMs);
                const double value = series.value().points.at(p).value;
                QVERIFY(std::isnan(value) || std::isfinite(value));
            }
        }
    }

    void capabilityIsDeclared() { QVERIFY(m_provider->metadata().can(QStringLiteral("metrics"))); }
};

QTEST_GUILESS_MAIN(TestDigitalOceanMetrics)
#include "tst_digitaloceanmetrics.moc"
