// Account management through clouddeck-cli as a process: bad input is refused with a clear error
// and nothing saved; edit, verify, remove; certificate pinning against an HTTPS fake cloud.
#include "fakecloudserver.h"
#include "testhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {
QJsonArray accounts()
{
    return QJsonDocument::fromJson(runCli({QStringLiteral("accounts"), QStringLiteral("list"),
                                           QStringLiteral("--json")})
                                       .out)
        .array();
}

QString keyringEntries()
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"),
                QStringLiteral("CloudDeck")});
    tool.waitForFinished(10'000);
    return QString::fromUtf8(tool.readAllStandardOutput() + tool.readAllStandardError());
}

QStringList addArgs(const QString &name, const QUrl &endpoint)
{
    return {QStringLiteral("accounts"),     QStringLiteral("add"),    QStringLiteral("--provider"),
            QStringLiteral("digitalocean"), QStringLiteral("--name"), name,
            QStringLiteral("--endpoint"),   endpoint.toString()};
}
} // namespace

class TestCliAccounts : public QObject
{
    Q_OBJECT
    FakeCloudServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
        m_server.on("GET", QStringLiteral("/v2/account"), [](const RecordedRequest &request) {
            if (request.header("Authorization") == "Bearer bad-token") {
                return FakeResponse::file(
                    testDataPath(QStringLiteral("digitalocean/error_unauthorized.json")), 401);
            }
            return FakeResponse::file(testDataPath(QStringLiteral("digitalocean/account.json")));
        });
    }

    void badInputIsRefusedAndNothingSaved_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QUrl url = QUrl(QStringLiteral("http://127.0.0.1:9/"));
        QTest::newRow("empty name")
            << addArgs(QStringLiteral(" "), url) << 2 << QStringLiteral("needs a name");
        QTest::newRow("unknown provider")
            << QStringList {QStringLiteral("accounts"),   QStringLiteral("add"),
                            QStringLiteral("--provider"), QStringLiteral("nimbus"),
                            QStringLiteral("--name"),     QStringLiteral("x")}
            << 2 << QStringLiteral("Unknown provider \"nimbus\"");
        QTest::newRow("endpoint not a url")
            << addArgs(QStringLiteral("x"), QUrl(QStringLiteral("not a url"))) << 2
            << QStringLiteral("is not an http(s) URL");
        QTest::newRow("ftp endpoint")
            << addArgs(QStringLiteral("x"), QUrl(QStringLiteral("ftp://example.com/"))) << 2
            << QStringLiteral("is not an http(s) URL");
        QTest::newRow("plain http to a remote host")
            << addArgs(QStringLiteral("x"), QUrl(QStringLiteral("http://api.example.com/"))) << 4
            << QStringLiteral("plain http");
        QTest::newRow("bad pin") << addArgs(QStringLiteral("x"), url)
                                        + QStringList {QStringLiteral("--pin-cert"),
                                                       QStringLiteral("abc")}
                                 << 2 << QStringLiteral("64 hex digits");
        QTest::newRow("rejected token") << addArgs(QStringLiteral("x"), QUrl()) << 3
                                        << QStringLiteral("Unable to authenticate you");
        // Issue 11, items 10-12: control characters, credentials in the URL, an empty value,
        // an unparseable URL named by what is wrong with it (it used to print "").
        QTest::newRow("newline in name")
            << addArgs(QStringLiteral("work\nroot"), url) << 2
            << QStringLiteral("cannot contain control characters");
        QTest::newRow("escape in name")
            << addArgs(QStringLiteral("work\x1b[2J"), url) << 2
            << QStringLiteral("cannot contain control characters");
        const QStringList base = {QStringLiteral("accounts"),     QStringLiteral("add"),
                                  QStringLiteral("--provider"),   QStringLiteral("digitalocean"),
                                  QStringLiteral("--name"),       QStringLiteral("x"),
                                  QStringLiteral("--endpoint")};
        QTest::newRow("password in endpoint")
            << base + QStringList {QStringLiteral("http://user:hunter2@127.0.0.1:9/")} << 2
            << QStringLiteral("must not contain a user name or password (http://127.0.0.1:9/)");
        QTest::newRow("empty endpoint")
            << base + QStringList {QStringLiteral("EMPTY")} << 2
            << QStringLiteral("--endpoint needs a URL");
        QTest::newRow("unparseable endpoint")
            << base + QStringList {QStringLiteral("http://[::1")} << 2
            << QStringLiteral("--endpoint \"http://[::1\" is not a valid URL (Expected ']'");
        QTest::newRow("no secret on stdin")
            << addArgs(QStringLiteral("x"), url) << 2
            << QStringLiteral("needs the field \"Personal access token\"");
    }

    void badInputIsRefusedAndNothingSaved()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        if (args.contains(QStringLiteral("--endpoint"))
            && args.at(args.indexOf(QStringLiteral("--endpoint")) + 1).isEmpty())
            args[args.indexOf(QStringLiteral("--endpoint")) + 1] = m_server.url().toString();
        if (const qsizetype at = args.indexOf(QStringLiteral("EMPTY")); at >= 0)
            args[at].clear();
        const QByteArray input =
            QTest::currentDataTag() == QByteArray("no secret on stdin")
                ? QByteArray()
                : QByteArray(QTest::currentDataTag() == QByteArray("rejected token") ? "bad-token\n"
                                                                                     : "token\n");
        const CliRun run = runCli(args, input);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.errText().contains(message), run.err.constData());
        QCOMPARE(accounts().size(), 0);
        QVERIFY(!keyringEntries().contains(QLatin1String("token")));
        QVERIFY2(!run.err.contains("hunter2"), run.err.constData());
        QVERIFY2(!run.err.contains("\"\""), run.err.constData()); // never an empty quote
    }

    void duplicateNameIsRefused()
    {
        QCOMPARE(runCli(addArgs(QStringLiteral("work"), m_server.url()), "token-1\n").exitCode, 0);
        const CliRun again = runCli(addArgs(QStringLiteral("Work"), m_server.url()), "token-2\n");
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.errText().contains(QLatin1String("already exists")), again.err.constData());
        QCOMPARE(accounts().size(), 1);
    }

    void editVerifyAndRemove()
    {
        m_server.clearRequests();
        CliRun run =
            runCli({QStringLiteral("accounts"), QStringLiteral("verify"), QStringLiteral("work")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.outText().contains(QLatin1String("sammy@digitalocean.com")));
        QCOMPARE(m_server.lastRequest().header("Authorization"), QByteArray("Bearer token-1"));

        // Rotate the secret: verified with the new one before it replaces the old.
        run = runCli({QStringLiteral("accounts"), QStringLiteral("edit"), QStringLiteral("work"),
                      QStringLiteral("--secret")},
                     "bad-token\n");
        QCOMPARE(run.exitCode, 3);
        run =
            runCli({QStringLiteral("accounts"), QStringLiteral("verify"), QStringLiteral("work")});
        QCOMPARE(m_server.lastRequest().header("Authorization"), QByteArray("Bearer token-1"));
        run = runCli({QStringLiteral("accounts"), QStringLiteral("edit"), QStringLiteral("work"),
                      QStringLiteral("--secret"), QStringLiteral("--name"), QStringLiteral("ops")},
                     "token-3\n");
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = runCli({QStringLiteral("accounts"), QStringLiteral("verify"), QStringLiteral("ops")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(m_server.lastRequest().header("Authorization"), QByteArray("Bearer token-3"));
        QCOMPARE(accounts().at(0)[QLatin1String("name")].toString(), QStringLiteral("ops"));

        // Remove: needs --yes; then the keychain entry goes too.
        const QString id = accounts().at(0)[QLatin1String("id")].toString();
        QVERIFY(keyringEntries().contains(id));
        QCOMPARE(
            runCli({QStringLiteral("accounts"), QStringLiteral("remove"), QStringLiteral("ops")})
                .exitCode,
            2);
        QCOMPARE(accounts().size(), 1);
        run = runCli({QStringLiteral("accounts"), QStringLiteral("remove"), QStringLiteral("ops"),
                      QStringLiteral("--yes")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(accounts().size(), 0);
        QVERIFY(!keyringEntries().contains(id));
    }

    void pinnedCertificate()
    {
        const TestCertificate first = makeSelfSignedCertificate();
        const TestCertificate second = makeSelfSignedCertificate();
        QVERIFY(!first.isNull() && !second.isNull());
        FakeCloudServer https;
        QVERIFY(https.listenTls(first.certificate, first.key));
        https.on("GET", QStringLiteral("/v2/account"),
                 FakeResponse::file(testDataPath(QStringLiteral("digitalocean/account.json"))));
        https.on(
            "GET", QStringLiteral("/v2/droplets"),
            FakeResponse::file(testDataPath(QStringLiteral("digitalocean/droplets_page3.json"))));
        const QStringList add = addArgs(QStringLiteral("private"), https.url());

        // Unpinned: refused as a TLS error, and the fingerprint is offered.
        CliRun run = runCli(add, "token\n");
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.errText().contains(QLatin1String("not trusted")), run.err.constData());
        QVERIFY2(run.errText().contains(QString::fromLatin1(first.sha256())), run.err.constData());
        QCOMPARE(accounts().size(), 0);

        // Pinned: accepted.
        run = runCli(
            add + QStringList {QStringLiteral("--pin-cert"), QString::fromLatin1(first.sha256())},
            "token\n");
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run =
            runCli({QStringLiteral("machines"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(QJsonDocument::fromJson(run.out).array().size(), 1);

        // The server's certificate changes: refused, with a clear message.
        https.setCertificate(second.certificate, second.key);
        run = runCli({QStringLiteral("machines"), QStringLiteral("list")});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.errText().contains(QLatin1String("has changed")), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliAccounts)
#include "tst_cliaccounts.moc"
