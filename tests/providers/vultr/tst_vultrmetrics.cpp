// VultrProvider::fetchMetrics against the fake API: GET /v2/instances/{id}/bandwidth (Vultr's
// OpenAPI description, get-instance-bandwidth), one request per instance with the bearer key and
// no parameters, daily incoming/outgoing bytes as average bit/s cut to the range, gaps, empty
// replies, CPU and disk refused as Unsupported before sending, every error kind, and mutated
// replies. Fixtures: tests/data/vultr/bandwidth*.json (their source in that folder's README.md).
#include "fuzzdriver.h"
#include "providererrorchecks.h"
#include "vultrmetricsparser.h"
#include "vultrtesting.h"

#include <QTest>
#include <cmath>

using namespace VultrTesting;

namespace {
const QString bandwidthRoute = QStringLiteral("/v2/instances/*/bandwidth");
const QString first = QStringLiteral("cb676a46-66fd-4dfb-b839-443f2e6c0b60");
const QString second = QStringLiteral("1c2d3e4f-0000-4000-8000-000000000002");
constexpr qint64 dec3 = 1764720000000; // 2025-12-03T00:00:00Z
constexpr qint64 day = 86400000;

FakeResponse fixture(const QString &name, int status = 200)
{
    return FakeResponse::file(QStringLiteral("vultr/%1.json").arg(name), status);
}
} // namespace

class TestVultrMetrics : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<VultrProvider> m_provider;

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
        result.path = bandwidthRoute;
        result.machineIds = {first, second};
        result.kind = MetricSeries::Kind::NetworkIn;
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

    void requestsAndTheHourCut()
    {
        m_server->on("GET", bandwidthRoute, fixture(QStringLiteral("bandwidth")));
        const auto outcome = fetch({first, second}, MetricSeries::Kind::NetworkIn);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        const auto requests = m_server->requests("GET", bandwidthRoute);
        QCOMPARE(requests.size(), 2); // one instance a request: the API takes one id
        QStringList ids;
        for (const RecordedRequest &request : requests) {
            ids.append(request.pathArgs.value(0));
            QVERIFY(request.query.isEmpty());
            QVERIFY(request.body.isEmpty());
            QCOMPARE(request.header("Authorization"), QByteArray("Bearer ") + token);
        }
        ids.sort();
        QCOMPARE(ids, (QStringList {second, first}));
        const QList<MetricSeries> series = outcome->value();
        QCOMPARE(series.size(), 2);
        QCOMPARE(series.at(0).machineId, first); // in the order asked
        QCOMPARE(series.at(1).machineId, second);
        const MetricSeries &in = series.first();
        QCOMPARE(in.accountId, m_provider->account().id);
        QCOMPARE(in.unit, QStringLiteral("bit/s"));
        QCOMPARE(in.resolutionSeconds, 86400);
        QVERIFY(in.fetchedAt.isValid());
        QVERIFY2(in.note.contains(QStringLiteral("daily")), qPrintable(in.note));
        // 00:00-01:00 on 3 December: that day's figure only.
        QCOMPARE(in.points.size(), 1);
        QCOMPARE(in.points.first().timeMs, dec3);
        QCOMPARE(in.points.first().value, 200.0); // 2 160 000 bytes * 8 / 86 400 s
    }

    void weekKeepsEveryDayAndItsGaps()
    {
        m_server->on("GET", bandwidthRoute, fixture(QStringLiteral("bandwidth")));
        const MetricRange week = ProviderTesting::fixedMetricRange(MetricRange::Span::Week);
        const auto in = fetch({first}, MetricSeries::Kind::NetworkIn, week);
        QVERIFY(in && in->ok());
        const MetricSeries incoming = in->value().first();
        QCOMPARE(incoming.points.size(), 8); // 26 Nov (from 01:00) to 3 Dec
        QCOMPARE(incoming.points.first().timeMs, dec3 - 7 * day);
        QCOMPARE(incoming.points.first().value, 80000.0);
        QCOMPARE(incoming.points.at(2).value, 0.0);
        QCOMPARE(incoming.points.at(4).value, 2000.0);
        for (qsizetype i = 1; i < incoming.points.size(); ++i)
            QCOMPARE(incoming.points.at(i).timeMs - incoming.points.at(i - 1).timeMs, day);
        const auto out = fetch({first}, MetricSeries::Kind::NetworkOut, week);
        QVERIFY(out && out->ok());
        const MetricSeries outgoing = out->value().first();
        QCOMPARE(outgoing.points.size(), 8);
        QVERIFY(std::isnan(outgoing.points.at(3).value)); // null
        QVERIFY(std::isnan(outgoing.points.at(4).value)); // absent
        QCOMPARE(outgoing.points.at(5).value, 8.0);
        QCOMPARE(outgoing.points.at(6).value, 5000.0);
        QCOMPARE(outgoing.summary().count, 6);
    }

    void cpuAndDiskAreUnsupported()
    {
        for (const MetricSeries::Kind kind : {MetricSeries::Kind::Cpu, MetricSeries::Kind::DiskRead,
                                              MetricSeries::Kind::DiskWrite}) {
            const auto outcome = fetch({first}, kind);
            QVERIFY(outcome);
            QCOMPARE(outcome->error().kind(), Error::Unsupported);
            QVERIFY(outcome->error().message().contains(
                QStringLiteral("Vultr reports bandwidth only")));
        }
        QCOMPARE(m_server->requestCount(), 0);
    }

    void emptySeriesSayWhy()
    {
        m_server->on("GET", bandwidthRoute, fixture(QStringLiteral("bandwidth-empty")));
        const auto outcome = fetch({first}, MetricSeries::Kind::NetworkOut);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        QVERIFY(outcome->value().first().isEmpty());
        QVERIFY(outcome->value().first().note.contains(QStringLiteral("no bandwidth")));
    }

    void errorsReachTheCaller_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<Error::Kind>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("401") << 401 << Error::Auth << "Invalid API token";
        QTest::newRow("403") << 403 << Error::Forbidden << "Unauthorized IP address";
        QTest::newRow("404") << 404 << Error::NotFound << "Instance not found";
        QTest::newRow("429") << 429 << Error::RateLimited << "Rate limit reached";
        QTest::newRow("500") << 500 << Error::Server << "Internal server error";
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
        ProviderErrorChecks::metricsBrokenReplies(scenario(), fixture(QStringLiteral("bandwidth")),
                                                  R"({"bandwidth": []})");
    }

    void slowRepliesTimeOut()
    {
        ProviderErrorChecks::metricsTimeOut(scenario(), fixture(QStringLiteral("bandwidth")));
    }

    void wrongShapeIsInvalidReply_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("nothing") << QByteArray("{}");
        QTest::newRow("not a date") << QByteArray(R"({"bandwidth": {"today": {}}})");
        QTest::newRow("day a number") << QByteArray(R"({"bandwidth": {"2025-12-03": 5}})");
        QTest::newRow("bytes a string")
            << QByteArray(R"({"bandwidth": {"2025-12-03": {"incoming_bytes": "5"}}})");
    }

    void wrongShapeIsInvalidReply()
    {
        QFETCH(QByteArray, body);
        m_server->on("GET", bandwidthRoute, FakeResponse::raw(200, body));
        const auto outcome = fetch({first}, MetricSeries::Kind::NetworkIn);
        QVERIFY(outcome);
        QCOMPARE(outcome->error().kind(), Error::InvalidReply);
        QVERIFY(!outcome->error().message().isEmpty());
    }

    void badIdIsRefusedBeforeSending()
    {
        const auto outcome = fetch({QStringLiteral("../account")}, MetricSeries::Kind::NetworkIn);
        QVERIFY(outcome);
        QCOMPARE(outcome->error().kind(), Error::InvalidInput);
        QCOMPARE(m_server->requestCount(), 0);
    }

    // Mutated replies (seeded, replayable): never a crash; a reply parses to daily points in time
    // order with finite values or gaps, or is InvalidReply with words.
    void parserSurvivesMutations()
    {
        const MetricRange month = ProviderTesting::fixedMetricRange(MetricRange::Span::Month);
        FuzzDriver::parsers(QStringLiteral("vultr"), {QStringLiteral("bandwidth")}, 16, 1500,
                            [&month](FuzzDriver::Sample &sample) {
                                const MetricSeries::Kind kind =
                                    sample.iteration % 2 == 0 ? MetricSeries::Kind::NetworkIn
                                                              : MetricSeries::Kind::NetworkOut;
                                const Result<MetricSeries> series =
                                    VultrMetricsParser::series(sample.page, kind, month);
                                QString why;
                                QVERIFY2(FuzzDriver::acceptable(series, &why),
                                         qPrintable(sample.context + u' ' + why));
                                if (!series.ok())
                                    return;
                                sample.valid = true;
                                const QList<MetricSeries::Point> &points = series.value().points;
                                for (qsizetype i = 0; i < points.size(); ++i) {
                                    const double value = points.at(i).value;
                                    QVERIFY2(std::isnan(value)
                                                 || (std::isfinite(value) && value >= 0),
                                             qPrintable(sample.context));
                                    if (i > 0)
                                        QVERIFY2(points.at(i).timeMs > points.at(i - 1).timeMs,
                                                 qPrintable(sample.context));
                                }
                            });
    }

    void capabilityIsDeclared() { QVERIFY(metadata().can(QStringLiteral("metrics"))); }
};

QTEST_GUILESS_MAIN(TestVultrMetrics)
#include "tst_vultrmetrics.moc"
