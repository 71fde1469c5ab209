// clouddeck-cli and the offline cache, as a user meets them: `machines list --offline` answers
// without the network, an unreachable account falls back to what was cached (and says how old it
// is), and a damaged cache file is set aside with a notice. Real processes, a fake DigitalOcean.
#include "digitaloceanroutes.h"
#include "fakecloudserver.h"
#include "testhelpers.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

class TestCliCache : public QObject
{
    Q_OBJECT

    FakeCloudServer m_server;
    bool m_down = false;

    static QString cacheFile()
    {
        // The CLI's application name is "clouddeck", the same as the app's.
        return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
               + QStringLiteral("/clouddeck/cache.sqlite");
    }
    static QStringList names(const CliRun &run)
    {
        QStringList result;
        const QJsonArray machines = QJsonDocument::fromJson(run.out).array();
        for (const QJsonValue &machine : machines)
            result.append(machine[QLatin1String("name")].toString());
        result.sort();
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(cliPath()));
        QVERIFY(m_server.listen());
        DigitalOceanRoutes::serveAccount(m_server);
        m_server.on("GET", QStringLiteral("/v2/droplets"), [this](const RecordedRequest &request) {
            if (m_down) {
                return FakeResponse::file(
                    testDataPath(QStringLiteral("digitalocean/error_server_error.json")), 503);
            }
            return DigitalOceanRoutes::dropletsPage(request);
        });
        const CliRun add = runCli({QStringLiteral("accounts"), QStringLiteral("add"),
                                   QStringLiteral("--provider"), QStringLiteral("digitalocean"),
                                   QStringLiteral("--name"), QStringLiteral("work"),
                                   QStringLiteral("--endpoint"), m_server.url().toString()},
                                  "dop_v1_cachetest\n");
        QVERIFY2(add.exitCode == 0, add.err.constData());
    }

    void offlineBeforeAnyRefreshSaysSo()
    {
        m_server.clearRequests();
        const CliRun run = runCli({QStringLiteral("machines"), QStringLiteral("list"),
                                   QStringLiteral("--offline"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(run.out).array().size(), 0);
        QVERIFY2(run.errText().contains(QLatin1String("work: nothing cached yet")),
                 run.err.constData());
        QCOMPARE(m_server.requestCount(), 0);
    }

    void offlineAnswersFromTheCacheAlone()
    {
        const CliRun online =
            runCli({QStringLiteral("machines"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(online.exitCode == 0, online.err.constData());
        QCOMPARE(names(online).size(), 5);
        QVERIFY(QFile::exists(cacheFile()));

        m_server.clearRequests();
        const CliRun offline = runCli({QStringLiteral("machines"), QStringLiteral("list"),
                                       QStringLiteral("--offline"), QStringLiteral("--json")});
        QVERIFY2(offline.exitCode == 0, offline.err.constData());
        QCOMPARE(m_server.requestCount(), 0); // not one request
        QCOMPARE(names(offline), names(online));
        QVERIFY2(offline.errText().contains(QLatin1String("work: cached data from")),
                 offline.err.constData());
        QVERIFY(offline.errText().contains(QLatin1String("s ago)")));

        const CliRun table = runCli(
            {QStringLiteral("machines"), QStringLiteral("list"), QStringLiteral("--offline")});
        QCOMPARE(table.exitCode, 0);
        QCOMPARE(table.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 6);
    }

    void unreachableAccountFallsBackToTheCache()
    {
        m_down = true;
        const CliRun run =
            runCli({QStringLiteral("machines"), QStringLiteral("list"), QStringLiteral("--json")});
        m_down = false;
        QVERIFY(run.exitCode != 0); // the failure still shows in the exit code
        QCOMPARE(names(run).size(), 5); // ... but what was known is listed
        const QStringList lines = run.errText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1); // one line: the reason and the age of what is shown
        QVERIFY2(lines.first().contains(QLatin1String("showing cached data from")),
                 run.err.constData());
    }

    void damagedCacheIsSetAsideAndRebuilt()
    {
        {
            QFile file(cacheFile());
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(QByteArray(4096, '\x42'));
        }
        const CliRun run =
            runCli({QStringLiteral("machines"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.errText().contains(QLatin1String("moved to")), run.err.constData());
        QCOMPARE(names(run).size(), 5);
        const QStringList aside = QDir(QFileInfo(cacheFile()).absolutePath())
                                      .entryList({QStringLiteral("cache.sqlite.unreadable-*")});
        QCOMPARE(aside.size(), 1);
        // Told once: the next run finds a good cache, rebuilt by that refresh.
        const CliRun again = runCli({QStringLiteral("machines"), QStringLiteral("list"),
                                     QStringLiteral("--offline"), QStringLiteral("--json")});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(!again.errText().contains(QLatin1String("moved to")));
        QCOMPARE(names(again).size(), 5);
    }

    void removingTheAccountRemovesItsCachedMachines()
    {
        const CliRun remove = runCli({QStringLiteral("accounts"), QStringLiteral("remove"),
                                      QStringLiteral("work"), QStringLiteral("--yes")});
        QVERIFY2(remove.exitCode == 0, remove.err.constData());
        const CliRun offline = runCli({QStringLiteral("machines"), QStringLiteral("list"),
                                       QStringLiteral("--offline"), QStringLiteral("--json")});
        QCOMPARE(offline.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(offline.out).array().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliCache)
#include "tst_clicache.moc"
