// The promise that a secret lives only in the keychain, checked the hard way: a whole workflow runs
// as real processes with every log category switched on, then every file the programs could have
// written and every line they printed is searched for the token.
#include "fakecloudserver.h"
#include "testhelpers.h"

#include <QDirIterator>
#include <QProcess>
#include <QTest>
#include <QUuid>

class TestSecretLeak : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokenAppearsNowhereButTheKeychain()
    {
        FakeCloudServer server;
        QVERIFY(server.listen());
        server.on("GET", QStringLiteral("/v2/account"),
                  FakeResponse::file(testDataPath(QStringLiteral("digitalocean/account.json"))));
        server.on(
            "GET", QStringLiteral("/v2/droplets"),
            FakeResponse::file(testDataPath(QStringLiteral("digitalocean/droplets_page3.json"))));
        server.on("POST", QStringLiteral("/v2/droplets/*/actions"),
                  FakeResponse::file(
                      testDataPath(QStringLiteral("digitalocean/action_completed.json")), 201));
        // One failure on the way, so error paths get logged too.
        server.enqueue(
            "GET", QStringLiteral("/v2/droplets"),
            FakeResponse::file(
                testDataPath(QStringLiteral("digitalocean/error_too_many_requests.json")), 429)
                .withHeader("Retry-After", "0"));

        const QString token =
            QStringLiteral("dop_v1_leakcheck_") + QUuid::createUuid().toString(QUuid::Id128);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));

        QByteArray printed;
        auto run = [&](const QStringList &args, const QByteArray &input = {}) {
            const CliRun result = runProcess(cliPath(), args, input, env);
            printed += result.out + result.err;
            return result.exitCode;
        };
        QCOMPARE(
            run({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"),
                 QStringLiteral("digitalocean"), QStringLiteral("--name"), QStringLiteral("leak"),
                 QStringLiteral("--endpoint"), server.url().toString()},
                token.toUtf8() + '\n'),
            0);
        QCOMPARE(
            run({QStringLiteral("accounts"), QStringLiteral("list"), QStringLiteral("--json")}), 0);
        QCOMPARE(
            run({QStringLiteral("machines"), QStringLiteral("list"), QStringLiteral("--json")}), 0);
        QCOMPARE(run({QStringLiteral("machines"), QStringLiteral("reboot"),
                      QStringLiteral("stage.example.com")}),
                 0);
        QCOMPARE(run({QStringLiteral("accounts"), QStringLiteral("edit"), QStringLiteral("leak"),
                      QStringLiteral("--name"), QStringLiteral("renamed")}),
                 0);
        QCOMPARE(
            run({QStringLiteral("accounts"), QStringLiteral("verify"), QStringLiteral("renamed")}),
            0);
        QCOMPARE(
            run({QStringLiteral("machines"), QStringLiteral("list"), QStringLiteral("--offline")}),
            0);
        QCOMPARE(run({QStringLiteral("accounts"), QStringLiteral("remove"),
                      QStringLiteral("renamed"), QStringLiteral("--yes")}),
                 0);

        // The token really was used (so the search below means something)...
        bool sent = false;
        for (const RecordedRequest &request : server.requests())
            sent = sent || request.header("Authorization") == "Bearer " + token.toUtf8();
        QVERIFY(sent);
        QVERIFY(printed.contains("clouddeck.net")); // the logs were on

        // ...and appears in nothing the programs printed or wrote.
        QVERIFY2(!printed.contains(token.toUtf8()), "the token was printed");
        const QString root = qEnvironmentVariable("CLOUDDECK_TEST_TMP");
        QVERIFY2(!root.isEmpty(), "run through scripts/run-test.sh");
        int files = 0;
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.contains(QLatin1String("/keyrings/")))
                continue; // the keychain's own encrypted store is where the secret belongs
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue; // sockets in the runtime folder
            const QByteArray content = file.readAll();
            ++files;
            QVERIFY2(!content.contains(token.toUtf8()), qPrintable(path));
            // QSettings and SQLite may store text as UTF-16.
            QVERIFY2(!content.contains(QByteArray(reinterpret_cast<const char *>(token.utf16()),
                                                  token.size() * 2)),
                     qPrintable(path));
        }
        QVERIFY(files > 0); // at least the accounts file and the cache were looked at
    }
};

QTEST_GUILESS_MAIN(TestSecretLeak)
#include "tst_secretleak.moc"
