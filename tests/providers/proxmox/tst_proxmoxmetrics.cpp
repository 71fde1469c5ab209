// ProxmoxProvider::fetchMetrics against the fake cluster over HTTPS with a pinned self-signed
// certificate: GET /nodes/{node}/{qemu|lxc}/{vmid}/rrddata?timeframe=…&cf=AVERAGE on the node
// the cluster list names (checked against pve-docs' apidata.js by FakeProxmox), the API-token
// header, one request per guest; cpu fraction to %, bytes/s to bit/s, rows without a field as
// gaps, empty and NaN replies, every error kind, and mutated replies. Fixtures:
// tests/data/proxmox/rrddata_*.json (their source in that folder's README.md).
#include "fuzzdriver.h"
#include "providererrorchecks.h"
#include "proxmoxmetricsparser.h"
#include "proxmoxtesting.h"

#include <QTest>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace ProxmoxTesting;

namespace {
const QString qemuRoute = u"/api2/json/nodes/*/qemu/*/rrddata"_s;
constexpr qint64 midnight = 1764720000000; // 2025-12-03T00:00:00Z, the hour's start
constexpr qint64 minute = 60000;
} // namespace

class TestProxmoxMetrics : public QObject
{
    Q_OBJECT

private:
    TestCertificate m_certificate;
    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<FakeProxmox> m_cluster;
    std::unique_ptr<ProxmoxProvider> m_provider;

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
        result.path = qemuRoute;
        result.machineIds = {u"qemu/100"_s, u"qemu/101"_s};
        result.range = ProviderTesting::fixedMetricRange();
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_certificate = makeSelfSignedCertificate(u"pve1.lab"_s);
        QVERIFY(!m_certificate.isNull());
    }

    void init()
    {
        m_server = std::make_unique<FakeCloudServer>();
        QVERIFY(m_server->listenTls(m_certificate.certificate, m_certificate.key));
        m_cluster = std::make_unique<FakeProxmox>(*m_server, authorization);
        Account account = ProxmoxTesting::account(*m_server);
        account.pinnedCertificateSha256 = m_certificate.sha256();
        m_provider = ProxmoxTesting::provider(account);
    }

    void cleanup()
    {
        QVERIFY2(m_cluster->violations().isEmpty(),
                 qPrintable(m_cluster->violations().join(u"; "_s)));
        m_provider.reset();
        m_cluster.reset();
        m_server.reset();
    }

    void cpuRequestsOnEachGuestsNode()
    {
        const auto outcome = fetch({u"qemu/100"_s, u"qemu/101"_s}, MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        // The nodes come from one cluster list, then one rrddata request per guest.
        QCOMPARE(m_cluster->requests("GET", u"/cluster/resources"_s).size(), 1);
        const auto requests = m_cluster->requests("GET", u"/nodes/{node}/qemu/{vmid}/rrddata"_s);
        QCOMPARE(requests.size(), 2);
        QStringList paths;
        for (const RecordedRequest &request : requests) {
            paths.append(request.path);
            QCOMPARE(request.query.queryItemValue(u"timeframe"_s), u"hour"_s);
            QCOMPARE(request.query.queryItemValue(u"cf"_s), u"AVERAGE"_s);
            QCOMPARE(request.query.queryItems().size(), 2);
            QVERIFY(request.body.isEmpty());
            QCOMPARE(request.header("Authorization"), authorization);
        }
        paths.sort();
        QCOMPARE(paths, (QStringList {u"/api2/json/nodes/pve1/qemu/100/rrddata"_s,
                                      u"/api2/json/nodes/pve2/qemu/101/rrddata"_s}));
        const QList<MetricSeries> series = outcome->value();
        QCOMPARE(series.size(), 2);
        QCOMPARE(series.at(0).machineId, u"qemu/100"_s); // in the order asked
        QCOMPARE(series.at(1).machineId, u"qemu/101"_s);
        const MetricSeries &cpu = series.first();
        QCOMPARE(cpu.accountId, m_provider->account().id);
        QCOMPARE(cpu.unit, u"%"_s);
        QCOMPARE(cpu.resolutionSeconds, 60);
        QVERIFY(cpu.fetchedAt.isValid());
        QVERIFY2(cpu.note.contains(u"every core"_s), qPrintable(cpu.note));
        // The two rows before 00:00 are outside the hour; 00:00 to 01:00 inclusive remain.
        QCOMPARE(cpu.points.size(), 61);
        QCOMPARE(cpu.points.at(0).timeMs, midnight);
        QCOMPARE(cpu.points.at(0).value, 2.15); // 0.0215 of the cores
        QVERIFY(std::isnan(cpu.points.at(2).value)); // a row with only its time: guest off
        QVERIFY(std::isnan(cpu.points.at(3).value)); // no cpu in the row
        QCOMPARE(cpu.points.at(4).value, (0.0215 + 0.004) * 100);
        QCOMPARE(cpu.points.last().timeMs, midnight + 60 * minute);
        QCOMPARE(cpu.summary().count, 59);
    }

    void networkIsBitsAndDiskIsBytes()
    {
        const auto in = fetch({u"qemu/100"_s}, MetricSeries::Kind::NetworkIn);
        QVERIFY(in);
        QVERIFY2(in->ok(), in->describe().constData());
        const MetricSeries network = in->value().first();
        QCOMPARE(network.unit, u"bit/s"_s);
        QCOMPARE(network.points.at(0).value, 1285.5 * 8);
        QVERIFY(std::isnan(network.points.at(2).value));
        QCOMPARE(network.points.at(3).value, (1285.5 + 30) * 8); // only cpu was missing there
        QVERIFY(network.note.isEmpty());
        const auto out = fetch({u"qemu/100"_s}, MetricSeries::Kind::NetworkOut);
        QVERIFY(out && out->ok());
        QCOMPARE(out->value().first().points.at(0).value, 9837.25 * 8);
        const auto read = fetch({u"qemu/100"_s}, MetricSeries::Kind::DiskRead);
        QVERIFY(read && read->ok());
        QCOMPARE(read->value().first().unit, u"B/s"_s);
        QCOMPARE(read->value().first().points.at(1).value, 4096.0);
        const auto write = fetch({u"qemu/100"_s}, MetricSeries::Kind::DiskWrite);
        QVERIFY(write && write->ok());
        QCOMPARE(write->value().first().points.at(0).value, 1024.5);
    }

    void containersUseTheLxcPath()
    {
        const auto outcome = fetch({u"lxc/200"_s}, MetricSeries::Kind::NetworkOut);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        QCOMPARE(m_server->lastRequest().path, u"/api2/json/nodes/pve2/lxc/200/rrddata"_s);
        const MetricSeries series = outcome->value().first();
        QCOMPARE(series.machineId, u"lxc/200"_s);
        QCOMPARE(series.points.size(), 2);
        QCOMPARE(series.points.at(0).value, 20.25 * 8);
    }

    void spansMapToTimeframes_data()
    {
        QTest::addColumn<MetricRange::Span>("span");
        QTest::addColumn<QString>("timeframe");
        QTest::newRow("hour") << MetricRange::Span::Hour << u"hour"_s;
        QTest::newRow("day") << MetricRange::Span::Day << u"day"_s;
        QTest::newRow("week") << MetricRange::Span::Week << u"week"_s;
        QTest::newRow("month") << MetricRange::Span::Month << u"month"_s;
    }

    void spansMapToTimeframes()
    {
        QFETCH(MetricRange::Span, span);
        QFETCH(QString, timeframe);
        const auto outcome =
            fetch({u"qemu/100"_s}, MetricSeries::Kind::Cpu, ProviderTesting::fixedMetricRange(span));
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        QCOMPARE(m_server->lastRequest().query.queryItemValue(u"timeframe"_s), timeframe);
        // A day or longer holds every row of the fixture, the two before 00:00 too.
        QCOMPARE(outcome->value().first().points.size(),
                 span == MetricRange::Span::Hour ? 61 : 63);
    }

    void knownGuestsAreNotListedAgain()
    {
        const auto listed = listMachines(*m_provider);
        QVERIFY(listed->ok());
        const int lists = int(m_cluster->requests("GET", u"/cluster/resources"_s).size());
        const auto outcome = fetch({u"qemu/100"_s, u"lxc/200"_s}, MetricSeries::Kind::Cpu);
        QVERIFY(outcome && outcome->ok());
        QCOMPARE(m_cluster->requests("GET", u"/cluster/resources"_s).size(), lists);
    }

    void emptyAndNaNRepliesAreGaps()
    {
        m_cluster->setRrdReply(100, FakeResponse::file(u"proxmox/rrddata_empty.json"_s));
        const auto empty = fetch({u"qemu/100"_s}, MetricSeries::Kind::Cpu);
        QVERIFY(empty);
        QVERIFY2(empty->ok(), empty->describe().constData());
        QVERIFY(empty->value().first().isEmpty());
        QVERIFY(empty->value().first().note.contains(u"no data"_s));
        m_cluster->setRrdReply(
            100, FakeResponse::raw(200, R"({"data": [{"time": 1764720000, "cpu": "NaN"},
                {"time": 1764720060, "cpu": null}, {"time": "1764720120", "cpu": "0.5"}]})"));
        const auto gaps = fetch({u"qemu/100"_s}, MetricSeries::Kind::Cpu);
        QVERIFY(gaps && gaps->ok());
        const MetricSeries cpu = gaps->value().first();
        QCOMPARE(cpu.points.size(), 3);
        QVERIFY(std::isnan(cpu.points.at(0).value));
        QVERIFY(std::isnan(cpu.points.at(1).value));
        QCOMPARE(cpu.points.at(2).value, 50.0);
    }

    void unknownGuestIsNotFound()
    {
        // A guest gone from the cluster drops out of a batch; the others keep their series.
        const auto batch = fetch({u"qemu/100"_s, u"qemu/555"_s}, MetricSeries::Kind::Cpu);
        QVERIFY(batch);
        QVERIFY2(batch->ok(), batch->describe().constData());
        QCOMPARE(batch->value().size(), 1);
        QCOMPARE(batch->value().constFirst().machineId, u"qemu/100"_s);
        // Asked for nothing but gone guests, the call says which.
        const auto outcome = fetch({u"qemu/555"_s}, MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QCOMPARE(outcome->error().kind(), Error::NotFound);
        QVERIFY(outcome->error().message().contains(u"qemu/555"_s));
    }

    void errorsReachTheCaller_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<Error::Kind>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("403") << 403 << u"error_permission.json"_s << Error::Forbidden
                             << u"Permission check failed"_s;
        QTest::newRow("500 no config") << 500 << u"error_no_config.json"_s << Error::NotFound
                                       << u"does not exist"_s;
        QTest::newRow("500") << 500 << u"error_server.json"_s << Error::Server
                             << u"got lock request timeout"_s;
        QTest::newRow("595") << 595 << u"error_server.json"_s << Error::Server
                             << u"got lock request timeout"_s;
    }

    void errorsReachTheCaller()
    {
        QFETCH(int, status);
        QFETCH(QString, fixture);
        QFETCH(Error::Kind, kind);
        QFETCH(QString, reason);
        // The guests are listed first, as the app has by then: the helper's "one request a
        // machine" then counts only rrddata calls, not the cluster list that finds their nodes.
        const auto listed = listMachines(*m_provider);
        QVERIFY2(listed->ok(), listed->describe());
        ProviderErrorChecks::metricsHttpError(
            scenario(), FakeResponse::file(u"proxmox/"_s + fixture, status), status, kind, reason);
    }

    void brokenRepliesAreErrors()
    {
        ProviderErrorChecks::metricsBrokenReplies(
            scenario(), FakeResponse::file(u"proxmox/rrddata_qemu.json"_s),
            R"({"data": {"time": 1}})");
    }

    void slowRepliesTimeOut()
    {
        ProviderErrorChecks::metricsTimeOut(scenario(),
                                            FakeResponse::file(u"proxmox/rrddata_qemu.json"_s));
    }

    void wrongShapeIsInvalidReply_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("nothing") << QByteArray("{}");
        QTest::newRow("data null") << QByteArray(R"({"data": null})");
        QTest::newRow("row a number") << QByteArray(R"({"data": [1]})");
        QTest::newRow("row without time") << QByteArray(R"({"data": [{"cpu": 0.1}]})");
        QTest::newRow("time in ms") << QByteArray(R"({"data": [{"time": 1764720000000}]})");
    }

    void wrongShapeIsInvalidReply()
    {
        QFETCH(QByteArray, body);
        m_cluster->setRrdReply(100, FakeResponse::raw(200, body));
        const auto outcome = fetch({u"qemu/100"_s}, MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QCOMPARE(outcome->error().kind(), Error::InvalidReply);
        QVERIFY(!outcome->error().message().isEmpty());
    }

    void badIdIsRefusedBeforeSending()
    {
        const auto outcome = fetch({u"qemu/100/../../version"_s}, MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QCOMPARE(outcome->error().kind(), Error::InvalidInput);
        QCOMPARE(m_server->requestCount(), 0);
    }

    // Mutated replies (seeded, replayable): never a crash; a reply parses to points in time
    // order inside the range with finite values or gaps, or is InvalidReply with words.
    void parserSurvivesMutations()
    {
        const MetricSeries::Kind kinds[] = {MetricSeries::Kind::Cpu, MetricSeries::Kind::NetworkIn,
                                            MetricSeries::Kind::DiskWrite};
        const MetricRange range = ProviderTesting::fixedMetricRange(MetricRange::Span::Month);
        FuzzDriver::parsers(
            u"proxmox"_s, {u"rrddata_qemu"_s, u"rrddata_lxc"_s}, 16, 1500,
            [&kinds, &range](FuzzDriver::Sample &sample) {
                const Result<MetricSeries> series =
                    ProxmoxMetricsParser::series(sample.page, kinds[sample.iteration % 3], range);
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
                    QVERIFY2(points.at(i).timeMs >= range.start.toMSecsSinceEpoch()
                                 && points.at(i).timeMs <= range.end.toMSecsSinceEpoch(),
                             qPrintable(sample.context));
                    if (i > 0)
                        QVERIFY2(points.at(i).timeMs > points.at(i - 1).timeMs,
                                 qPrintable(sample.context));
                }
            });
    }

    void capabilityIsDeclared() { QVERIFY(metadata().can(u"metrics"_s)); }
};

QTEST_GUILESS_MAIN(TestProxmoxMetrics)
#include "tst_proxmoxmetrics.moc"
