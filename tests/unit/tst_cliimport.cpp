// `clouddeck-cli accounts import --from-tools` as a process, with the real keychain and a fake
// DigitalOcean: what other tools keep is listed without saving anything, imported with --yes
// (verified, the secret to the keychain only), recognised as a duplicate the second time, and
// the tools' files are left untouched.
#include "digitaloceanroutes.h"
#include "fakecloudserver.h"
#include "testhelpers.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

namespace {
QString configHome()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
}

QByteArray digest(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly)
               ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
               : QByteArray();
}

QJsonArray accounts()
{
    return QJsonDocument::fromJson(runCli({QStringLiteral("accounts"), QStringLiteral("list"),
                                           QStringLiteral("--json")})
                                       .out)
        .array();
}

QStringList args(const char *line)
{
    return QString::fromLatin1(line).split(QLatin1Char(' '));
}
} // namespace

class TestCliImport : public QObject
{
    Q_OBJECT
    FakeCloudServer m_server;
    QString m_doctl;
    QString m_hcloud;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
        DigitalOceanRoutes::serveAccount(m_server);
        m_doctl = configHome() + QStringLiteral("/doctl/config.yaml");
        m_hcloud = configHome() + QStringLiteral("/hcloud/cli.toml");
        // doctl pointed at this test's DigitalOcean (its api-url), as a proxy user would have it.
        QVERIFY(writeFile(m_doctl, readFixture(QStringLiteral("tools/doctl-config.yaml"))
                                       + "api-url: " + m_server.url().toString().toUtf8() + "\n"));
        QVERIFY(writeFile(m_hcloud, readFixture(QStringLiteral("tools/hcloud-cli.toml"))));
    }

    void listingSavesNothing()
    {
        const CliRun run = runCli(args("accounts import --from-tools"));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.contains(QLatin1String("doctl")) && out.contains(QLatin1String("work"))
                     && out.contains(QLatin1String("production"))
                     && out.contains(QLatin1String("not importable: The context has no token")),
                 run.out.constData());
        QVERIFY2(run.errText().contains(QLatin1String("add --yes")), run.err.constData());
        QVERIFY(!run.out.contains("dop_v1_") && !run.out.contains("jEheVy")); // never a secret
        QCOMPARE(accounts().size(), 0);
        QCOMPARE(m_server.requestCount(), 0); // nothing was even verified
    }

    void importVerifiesAndKeepsTheFiles()
    {
        const QByteArray before = digest(m_doctl);
        const CliRun run = runCli(args("accounts import --from-tools --tool doctl --yes"));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("imported as \"doctl default\"")
                     && run.out.contains("imported as \"doctl work\""),
                 run.out.constData());
        QVERIFY2(run.errText().contains(QLatin1String("still holds the secret")),
                 run.err.constData());
        // Each token was verified against the API doctl uses, and only there.
        const QList<RecordedRequest> verified =
            m_server.requests("GET", QStringLiteral("/v2/account"));
        QCOMPARE(verified.size(), 2);
        QVERIFY(verified.at(0).header("Authorization").startsWith("Bearer dop_v1_0123"));
        QVERIFY(verified.at(1).header("Authorization").startsWith("Bearer dop_v1_fedc"));
        const QJsonArray list = accounts();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0)[QLatin1String("endpoint")].toString(), m_server.url().toString());
        QCOMPARE(digest(m_doctl), before); // read, never changed
        // The secret is in no settings file.
        QFile settings(configHome() + QStringLiteral("/clouddeck/accounts.ini"));
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QVERIFY(!settings.readAll().contains("dop_v1_"));
    }

    void aSecondImportFindsDuplicates()
    {
        const CliRun run = runCli(args("accounts import --from-tools --tool doctl --yes --json"));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonArray rows = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(rows.size(), 2);
        for (const QJsonValue &row : rows) {
            QCOMPARE(row[QLatin1String("outcome")].toString(), QStringLiteral("duplicate"));
            QVERIFY(row[QLatin1String("account")].toString().startsWith(u"doctl "));
        }
        QVERIFY(!run.out.contains("dop_v1_"));
        QCOMPARE(accounts().size(), 2);
    }

    void unverifiedImportAndSkippedEntries()
    {
        const CliRun run =
            runCli(args("accounts import --from-tools --tool hcloud --yes --no-verify --json"));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonArray rows = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(rows.size(), 3);
        QStringList outcomes;
        for (const QJsonValue &row : rows)
            outcomes.append(row[QLatin1String("outcome")].toString());
        QCOMPARE(outcomes, QStringList({QStringLiteral("imported"), QStringLiteral("imported"),
                                        QStringLiteral("skipped")}));
        QCOMPARE(accounts().size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestCliImport)
#include "tst_cliimport.moc"
