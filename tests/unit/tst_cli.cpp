// clouddeck-cli run as a real process against a fake DigitalOcean in this test, with the real
// keychain (scripts/run-test.sh gives the test its own D-Bus session and gnome-keyring).
#include "digitaloceanroutes.h"
#include "fakecloudserver.h"
#include "testhelpers.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

class TestCli : public QObject
{
    Q_OBJECT

    FakeCloudServer m_server;
    QString m_token;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(cliPath()));
        QVERIFY(m_server.listen());
        DigitalOceanRoutes::serveAccountAndDroplets(m_server);
        DigitalOceanRoutes::serveActions(m_server);
        m_token = QStringLiteral("dop_v1_") + QUuid::createUuid().toString(QUuid::Id128);
    }

    void providersAreListed()
    {
        const CliRun table = runCli({QStringLiteral("providers")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.outText().contains(QLatin1String("digitalocean")));
        const CliRun json = runCli({QStringLiteral("providers"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray providers = QJsonDocument::fromJson(json.out).array();
        bool found = false;
        for (const QJsonValue &provider : providers) {
            if (provider[QLatin1String("id")] == QLatin1String("digitalocean")) {
                found = true;
                QCOMPARE(provider[QLatin1String("defaultEndpoint")].toString(),
                         QStringLiteral("https://api.digitalocean.com"));
            }
        }
        QVERIFY(found);
    }

    void addAccountReadsTheSecretFromStdin()
    {
        m_server.clearRequests();
        const CliRun add = runCli({QStringLiteral("accounts"), QStringLiteral("add"),
                                   QStringLiteral("--provider"), QStringLiteral("digitalocean"),
                                   QStringLiteral("--name"), QStringLiteral("work"),
                                   QStringLiteral("--endpoint"), m_server.url().toString()},
                                  m_token.toUtf8() + '\n');
        QVERIFY2(add.exitCode == 0, add.err.constData());
        // Verified with one cheap call, authorised with the token from stdin.
        const auto verify = m_server.requests("GET", QStringLiteral("/v2/account"));
        QCOMPARE(verify.size(), 1);
        QCOMPARE(verify.first().header("Authorization"), "Bearer " + m_token.toUtf8());
        QVERIFY(!add.outText().contains(m_token) && !add.errText().contains(m_token));

        const CliRun list = runCli({QStringLiteral("accounts"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.outText().contains(QLatin1String("work")));
        const CliRun json =
            runCli({QStringLiteral("accounts"), QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonArray accounts = QJsonDocument::fromJson(json.out).array();
        QCOMPARE(accounts.size(), 1);
        QCOMPARE(accounts[0][QLatin1String("name")].toString(), QStringLiteral("work"));
        QCOMPARE(accounts[0][QLatin1String("provider")].toString(), QStringLiteral("digitalocean"));
        QCOMPARE(accounts[0][QLatin1String("endpoint")].toString(), m_server.url().toString());
    }

    void machinesListAsTableAndJson()
    {
        const CliRun table = runCli({QStringLiteral("machines"), QStringLiteral("list")});
        QVERIFY2(table.exitCode == 0, table.err.constData());
        const QStringList lines = table.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 6); // header + 5 droplets over 3 pages
        QVERIFY(lines.first().startsWith(QLatin1String("NAME")));
        QString example;
        for (const QString &line : lines) {
            if (line.startsWith(QLatin1String("example.com ")))
                example = line;
        }
        QVERIFY(example.contains(QLatin1String("running")));
        QVERIFY(example.contains(QLatin1String("nyc3")));

        const CliRun json =
            runCli({QStringLiteral("machines"), QStringLiteral("list"), QStringLiteral("--json"),
                    QStringLiteral("--account"), QStringLiteral("work")});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonArray machines = QJsonDocument::fromJson(json.out).array();
        QCOMPARE(machines.size(), 5);
        const QStringList keys = QStringLiteral("id account provider name state providerState "
                                                "region size image publicIps privateIps tags "
                                                "createdAt pricePerMonth lastSeen")
                                     .split(QLatin1Char(' '));
        QHash<QString, QString> states;
        for (const QJsonValue &value : machines) {
            const QJsonObject machine = value.toObject();
            for (const QString &key : keys)
                QVERIFY2(machine.contains(key), qPrintable(key));
            QCOMPARE(machine[QLatin1String("account")].toString(), QStringLiteral("work"));
            QCOMPARE(machine[QLatin1String("provider")].toString(), QStringLiteral("digitalocean"));
            QVERIFY(!machine[QLatin1String("lastSeen")].toString().isEmpty());
            states.insert(machine[QLatin1String("name")].toString(),
                          machine[QLatin1String("state")].toString());
        }
        QCOMPARE(states.value(QStringLiteral("example.com")), QStringLiteral("running"));
        QCOMPARE(states.value(QStringLiteral("build-01")), QStringLiteral("pending"));
        QCOMPARE(states.value(QStringLiteral("assets.example.com")), QStringLiteral("stopped"));
        QCOMPARE(states.value(QStringLiteral("old-archive")), QStringLiteral("suspended"));
    }

    void actionByNameSendsTheRequest()
    {
        m_server.clearRequests();
        const CliRun reboot = runCli(
            {QStringLiteral("machines"), QStringLiteral("reboot"), QStringLiteral("example.com")});
        QVERIFY2(reboot.exitCode == 0, reboot.err.constData());
        const auto posts =
            m_server.requests("POST", QStringLiteral("/v2/droplets/3164444/actions"));
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.first().json(),
                 (QJsonObject {{QStringLiteral("type"), QStringLiteral("reboot")}}));
        QCOMPARE(posts.first().header("Authorization"), "Bearer " + m_token.toUtf8());
        // Without --wait the CLI returns once DigitalOcean accepted the action (doctl manners):
        // the action object is not polled.
        QCOMPARE(m_server.requests("GET", QStringLiteral("/v2/actions/36804636")).size(), 0);
        QVERIFY2(reboot.outText().contains(QLatin1String("accepted")), reboot.out.constData());
    }

    /// The reboot above is in the activity log the GUI shows too: sent from the CLI, its end not
    /// seen (no --wait).
    void activityListsWhatTheCliDid()
    {
        const CliRun json = runCli({QStringLiteral("activity"), QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonArray entries = QJsonDocument::fromJson(json.out).array();
        QVERIFY2(!entries.isEmpty(), json.out.constData());
        const QJsonObject newest = entries.first().toObject();
        QCOMPARE(newest.value(QStringLiteral("action")).toString(), QStringLiteral("reboot"));
        QCOMPARE(newest.value(QStringLiteral("machine")).toString(), QStringLiteral("example.com"));
        QCOMPARE(newest.value(QStringLiteral("machineId")).toString(), QStringLiteral("3164444"));
        QCOMPARE(newest.value(QStringLiteral("outcome")).toString(), QStringLiteral("started"));
        QCOMPARE(newest.value(QStringLiteral("source")).toString(), QStringLiteral("clouddeck-cli"));
        QVERIFY(QDateTime::fromString(newest.value(QStringLiteral("time")).toString(), Qt::ISODate)
                    .isValid());

        const CliRun table = runCli({QStringLiteral("activity"), QStringLiteral("--limit"),
                                     QStringLiteral("1")});
        QVERIFY2(table.exitCode == 0, table.err.constData());
        QVERIFY2(table.outText().contains(QLatin1String("Reboot"))
                     && table.outText().contains(QLatin1String("CLI")),
                 table.out.constData());
        QCOMPARE(table.outText().count(QLatin1Char('\n')), 2); // the header and one entry
        QCOMPARE(runCli({QStringLiteral("activity"), QStringLiteral("--limit"),
                         QStringLiteral("none")})
                     .exitCode,
                 2);
    }

    void destroyNeedsYes()
    {
        m_server.clearRequests();
        const CliRun refused = runCli(
            {QStringLiteral("machines"), QStringLiteral("destroy"), QStringLiteral("3164444")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.errText().contains(QLatin1String("--yes")));
        QCOMPARE(m_server.requestCount(), 0);

        const CliRun destroyed = runCli({QStringLiteral("machines"), QStringLiteral("destroy"),
                                         QStringLiteral("3164444"), QStringLiteral("--yes")});
        QVERIFY2(destroyed.exitCode == 0, destroyed.err.constData());
        QCOMPARE(m_server.requests("DELETE", QStringLiteral("/v2/droplets/3164444")).size(), 1);
    }

    void unknownMachineAndUsageErrors()
    {
        QCOMPARE(
            runCli({QStringLiteral("machines"), QStringLiteral("start"), QStringLiteral("nope")})
                .exitCode,
            5);
        QCOMPARE(runCli({QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(
            runCli({QStringLiteral("machines"), QStringLiteral("list"), QStringLiteral("--bogus")})
                .exitCode,
            2);
        const CliRun noAccount = runCli({QStringLiteral("machines"), QStringLiteral("list"),
                                         QStringLiteral("--account"), QStringLiteral("nope")});
        QCOMPARE(noAccount.exitCode, 2);
        QVERIFY(noAccount.errText().contains(QLatin1String("work")));
    }

    void authAndNetworkErrorsHaveTheirExitCodes()
    {
        m_server.enqueue(
            "GET", QStringLiteral("/v2/droplets"),
            FakeResponse::file(testDataPath(QStringLiteral("digitalocean/error_unauthorized.json")),
                               401));
        const CliRun auth = runCli({QStringLiteral("machines"), QStringLiteral("list")});
        QCOMPARE(auth.exitCode, 3);
        QVERIFY2(auth.errText().contains(QLatin1String("Unable to authenticate you")),
                 auth.err.constData());
        QCOMPARE(auth.errText().count(QLatin1Char('\n')), 1); // one clear line

        // Port 1 on loopback: nobody listens there, the connection is refused.
        const CliRun add = runCli(
            {QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"),
             QStringLiteral("digitalocean"), QStringLiteral("--name"), QStringLiteral("gone"),
             QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:1/")},
            "token\n");
        QCOMPARE(add.exitCode, 4);
        QVERIFY(add.errText().contains(QLatin1String("127.0.0.1")));
        // Nothing saved after a failed verification.
        const CliRun list =
            runCli({QStringLiteral("accounts"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 1);
    }

    // Issue 11, item 9: a connection lost mid-reply is a network problem (exit 4), not "other".
    void replyCutOffMidBodyExits4()
    {
        for (int attempt = 0; attempt < 4; ++attempt) { // the first try and three retries
            m_server.enqueue("GET", QStringLiteral("/v2/droplets"),
                             FakeResponse::file(testDataPath(
                                                    QStringLiteral("digitalocean/droplets_page1.json")))
                                 .withFault(FakeResponse::Fault::Truncate));
        }
        const CliRun cut = runCli({QStringLiteral("machines"), QStringLiteral("list")});
        QCOMPARE(cut.exitCode, 4);
        QVERIFY2(cut.errText().contains(QLatin1String("cut off")), cut.err.constData());
    }

    // Issue 11, item 6: a wait of seconds is said on stderr with the reason and the time.
    void aLongWaitIsAnnounced()
    {
        m_server.enqueue("GET", QStringLiteral("/v2/droplets"),
                         FakeResponse::raw(429, R"({"id":"too_many_requests","message":"Slow down"})")
                             .withHeader("Retry-After", "4"));
        const CliRun run = runCli({QStringLiteral("machines"), QStringLiteral("list")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QString err = run.errText();
        QVERIFY2(err.contains(QLatin1String("work: 127.0.0.1 asked to wait (HTTP 429); trying "
                                            "again at ")),
                 qPrintable(err));
        QCOMPARE(err.count(QLatin1String("asked to wait")), 1);
    }

    // Issue 11, item 10: names and tags a server chose reach the terminal escaped, never raw.
    void hostileNamesAreEscapedInTables()
    {
        QFile file(testDataPath(QStringLiteral("digitalocean/droplets_page1.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray page = file.readAll();
        QVERIFY(page.contains("\"example.com\""));
        page.replace("\"example.com\"",
                     "\"evil\\u001b]0;pwned\\u0007\\u001b[2J\\nroot\\u202e\"");
        m_server.enqueue("GET", QStringLiteral("/v2/droplets"), FakeResponse::raw(200, page));
        const CliRun run = runCli({QStringLiteral("machines"), QStringLiteral("list")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(!run.out.contains('\x1b') && !run.out.contains('\x07'), run.out.constData());
        QVERIFY2(!run.out.contains("\xe2\x80\xae"), run.out.constData()); // U+202E raw
        QVERIFY2(run.out.contains("evil\\x1b]0;pwned\\x07\\x1b[2J\\nroot\\u202e"),
                 run.out.constData());
        // One line per machine: the newline in the name did not start a row of its own.
        QCOMPARE(run.out.count('\n'), 6);
        // JSON keeps the name exactly, escaped the JSON way.
        const CliRun json =
            runCli({QStringLiteral("machines"), QStringLiteral("list"), QStringLiteral("--json"),
                    QStringLiteral("--offline")});
        const QJsonArray machines = QJsonDocument::fromJson(json.out).array();
        bool found = false;
        for (const QJsonValue &machine : machines)
            found |= machine[QLatin1String("name")].toString()
                     == QStringLiteral("evil\x1b]0;pwned\x07\x1b[2J\nroot\u202e");
        QVERIFY2(found, json.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
