// `clouddeck-cli machines metrics` as a real process against a fake DigitalOcean, with the real
// keychain (scripts/run-test.sh): the monitoring requests it sends (host, window, direction), the
// one-line summaries, the JSON (ISO 8601 UTC times, units, null gaps), the cached series when the
// cloud fails, and the usage errors. Fixtures: tests/data/digitalocean/metrics_*.json.
#include "digitaloceanroutes.h"
#include "fakecloudserver.h"
#include "testhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <QUuid>

class TestCliMetrics : public QObject
{
    Q_OBJECT

    FakeCloudServer m_server;
    bool m_down = false;

    FakeResponse metrics(const QString &fixture) const
    {
        // 404 is not retried, so the fallback is reached at once.
        return m_down ? FakeResponse::file(
                   testDataPath(QStringLiteral("digitalocean/error_not_found.json")), 404)
                      : FakeResponse::file(
                          testDataPath(QStringLiteral("digitalocean/%1.json").arg(fixture)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(cliPath()));
        QVERIFY(m_server.listen());
        DigitalOceanRoutes::serveAccountAndDroplets(m_server);
        m_server.on(
            "GET", QStringLiteral("/v2/monitoring/metrics/droplet/cpu"),
            [this](const RecordedRequest &) { return metrics(QStringLiteral("metrics_cpu")); });
        m_server.on("GET", QStringLiteral("/v2/monitoring/metrics/droplet/bandwidth"),
                    [this](const RecordedRequest &) {
                        return metrics(QStringLiteral("metrics_bandwidth"));
                    });
        const QString token =
            QStringLiteral("dop_v1_") + QUuid::createUuid().toString(QUuid::Id128);
        const CliRun add = runCli({QStringLiteral("accounts"), QStringLiteral("add"),
                                   QStringLiteral("--provider"), QStringLiteral("digitalocean"),
                                   QStringLiteral("--name"), QStringLiteral("work"),
                                   QStringLiteral("--endpoint"), m_server.url().toString()},
                                  token.toUtf8() + '\n');
        QVERIFY2(add.exitCode == 0, add.err.constData());
    }

    void summaryLineForCpu()
    {
        m_server.clearRequests();
        const CliRun run = runCli(
            {QStringLiteral("machines"), QStringLiteral("metrics"), QStringLiteral("example.com")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const auto requests =
            m_server.requests("GET", QStringLiteral("/v2/monitoring/metrics/droplet/cpu"));
        QCOMPARE(requests.size(), 1);
        const QUrlQuery query = requests.first().query;
        QCOMPARE(query.queryItemValue(QStringLiteral("host_id")), QStringLiteral("3164444"));
        const qint64 start = query.queryItemValue(QStringLiteral("start")).toLongLong();
        const qint64 end = query.queryItemValue(QStringLiteral("end")).toLongLong();
        QCOMPARE(end - start, 3600); // --range defaults to 1h
        const QStringList lines = run.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().startsWith(QLatin1String("example.com cpu (1h): min 0.0 %, avg "
                                                        "16.7 %, max 25.0 %, last 0.0 %")),
                 qPrintable(lines.first()));
        QVERIFY2(lines.first().contains(QLatin1String("1-minute resolution")),
                 qPrintable(lines.first()));
    }

    void jsonForNetwork()
    {
        m_server.clearRequests();
        const CliRun run =
            runCli({QStringLiteral("machines"), QStringLiteral("metrics"),
                    QStringLiteral("3164444"), QStringLiteral("--kind"), QStringLiteral("network"),
                    QStringLiteral("--range"), QStringLiteral("24h"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        // The machine came from the cache the first run filled: no listing this time.
        QCOMPARE(m_server.requests("GET", QStringLiteral("/v2/droplets")).size(), 0);
        const auto requests =
            m_server.requests("GET", QStringLiteral("/v2/monitoring/metrics/droplet/bandwidth"));
        QCOMPARE(requests.size(), 2);
        QStringList directions;
        for (const RecordedRequest &request : requests) {
            directions.append(request.query.queryItemValue(QStringLiteral("direction")));
            QCOMPARE(request.query.queryItemValue(QStringLiteral("end")).toLongLong()
                         - request.query.queryItemValue(QStringLiteral("start")).toLongLong(),
                     86400);
        }
        directions.sort();
        QCOMPARE(directions, (QStringList {QStringLiteral("inbound"), QStringLiteral("outbound")}));

        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(run.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, run.out.constData());
        QCOMPARE(root.value(QStringLiteral("machine")).toString(), QStringLiteral("3164444"));
        QCOMPARE(root.value(QStringLiteral("range")).toString(), QStringLiteral("24h"));
        QVERIFY(root.value(QStringLiteral("start")).toString().endsWith(QLatin1Char('Z')));
        QCOMPARE(root.value(QStringLiteral("cached")).toBool(), false);
        const QJsonArray series = root.value(QStringLiteral("series")).toArray();
        QCOMPARE(series.size(), 2);
        QCOMPARE(series.at(0)[QLatin1String("kind")].toString(), QStringLiteral("network_in"));
        QCOMPARE(series.at(1)[QLatin1String("kind")].toString(), QStringLiteral("network_out"));
        const QJsonObject in = series.at(0).toObject();
        QCOMPARE(in.value(QStringLiteral("unit")).toString(), QStringLiteral("bit/s"));
        QCOMPARE(in.value(QStringLiteral("resolutionSeconds")).toInt(), 300);
        const QJsonArray points = in.value(QStringLiteral("points")).toArray();
        QCOMPARE(points.size(), 4);
        QCOMPARE(points.at(0)[0].toString(), QStringLiteral("2025-12-03T00:00:00Z"));
        QCOMPARE(points.at(0)[1].toDouble(), 500000.0);
        QVERIFY(points.at(2)[1].isNull());
        QCOMPARE(in.value(QStringLiteral("summary"))[QLatin1String("max")].toDouble(), 2000000.0);
    }

    void cachedSeriesWhenTheCloudFails()
    {
        m_down = true;
        const CliRun run = runCli(
            {QStringLiteral("machines"), QStringLiteral("metrics"), QStringLiteral("example.com")});
        m_down = false;
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.errText().contains(QLatin1String("showing cached metrics")),
                 run.err.constData());
        QVERIFY2(run.outText().contains(QLatin1String("max 25.0 %")), run.out.constData());
        QVERIFY2(run.outText().contains(QLatin1String("(cached, ")), run.out.constData());

        // Nothing cached for 7d: the error is the answer.
        m_down = true;
        const CliRun week = runCli({QStringLiteral("machines"), QStringLiteral("metrics"),
                                    QStringLiteral("example.com"), QStringLiteral("--range"),
                                    QStringLiteral("7d")});
        m_down = false;
        QCOMPARE(week.exitCode, 5);
        QVERIFY2(week.errText().contains(QLatin1String("could not be found")),
                 week.err.constData());
    }

    /// `machines list --metrics`: the running droplets' last hour and week of CPU, asked as the
    /// GUI's rows ask (MetricsFeed), printed beside each machine; offline from the cache.
    void listWithMetrics()
    {
        m_server.clearRequests();
        const CliRun run = runCli({QStringLiteral("machines"), QStringLiteral("list"),
                                   QStringLiteral("--metrics")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const auto requests =
            m_server.requests("GET", QStringLiteral("/v2/monitoring/metrics/droplet/cpu"));
        QSet<qint64> windows;
        QSet<QString> hosts;
        for (const auto &request : requests) {
            hosts.insert(request.query.queryItemValue(QStringLiteral("host_id")));
            windows.insert(request.query.queryItemValue(QStringLiteral("end")).toLongLong()
                           - request.query.queryItemValue(QStringLiteral("start")).toLongLong());
        }
        QCOMPARE(windows, (QSet<qint64> {3600, 7 * 86400}));
        const QString out = run.outText();
        QVERIFY2(out.contains(QLatin1String("CPU 1H MAX")), qPrintable(out));
        QString line;
        for (const QString &one : out.split(QLatin1Char('\n')))
            line = one.startsWith(QLatin1String("example.com ")) ? one : line;
        QVERIFY2(line.contains(QLatin1String("25.0 %")), qPrintable(out));

        const CliRun json = runCli({QStringLiteral("machines"), QStringLiteral("list"),
                                    QStringLiteral("--metrics"), QStringLiteral("--json"),
                                    QStringLiteral("--offline")});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonArray machines = QJsonDocument::fromJson(json.out).array();
        QVERIFY(!machines.isEmpty());
        bool found = false;
        QSet<QString> running;
        for (const QJsonValue &machine : machines) {
            const QJsonObject metrics = machine[QLatin1String("metrics")].toObject();
            QVERIFY(metrics.contains(QLatin1String("idle")));
            if (machine[QLatin1String("state")].toString() == QLatin1String("running"))
                running.insert(machine[QLatin1String("id")].toString());
            else
                QVERIFY(metrics[QLatin1String("cpu1h")].isNull()); // never asked for
            if (machine[QLatin1String("id")].toString() != QLatin1String("3164444"))
                continue;
            found = true;
            const QJsonObject cpu = metrics[QLatin1String("cpu1h")].toObject();
            QCOMPARE(cpu[QLatin1String("max")].toDouble(), 25.0);
            QCOMPARE(cpu[QLatin1String("unit")].toString(), QStringLiteral("%"));
            // An hour of samples does not cover a week: not judged.
            QVERIFY(metrics[QLatin1String("idle")].isNull());
        }
        QVERIFY(found);
        QCOMPARE(hosts, running); // every running droplet, and only those
    }

    void diskIsUnsupportedOnDigitalOcean()
    {
        const CliRun run = runCli({QStringLiteral("machines"), QStringLiteral("metrics"),
                                   QStringLiteral("example.com"), QStringLiteral("--kind"),
                                   QStringLiteral("disk")});
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.errText().contains(QLatin1String("disk metrics")), run.err.constData());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::newRow("no machine") << QStringList();
        QTest::newRow("bad kind") << QStringList {QStringLiteral("x"), QStringLiteral("--kind"),
                                                  QStringLiteral("gpu")};
        QTest::newRow("bad range")
            << QStringList {QStringLiteral("x"), QStringLiteral("--range"), QStringLiteral("2h")};
    }

    void usageErrors()
    {
        QFETCH(QStringList, extra);
        const CliRun run =
            runCli(QStringList {QStringLiteral("machines"), QStringLiteral("metrics")} + extra);
        QCOMPARE(run.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliMetrics)
#include "tst_climetrics.moc"
