// clouddeck-cli with a GCE account, run as a real process against the fake Google and the real
// keychain: `accounts add --provider gce --key-file FILE` (nothing on stdin), then machines of
// every zone, an action followed to DONE, the ADC import, and the key's absence from every
// output and from the settings.
#include "fakegce.h"
#include "testhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestGceCli : public QObject
{
    Q_OBJECT

    FakeCloudServer m_server;
    std::unique_ptr<FakeGce> m_fake;

    QStringList endpoints() const
    {
        return {
            QStringLiteral("--endpoint"), m_server.url(QStringLiteral("/compute/v1")).toString(),
            QStringLiteral("--token-endpoint"), m_server.url(QStringLiteral("/token")).toString()};
    }
    static QByteArray keyLine()
    {
        // A line from the middle of the test key's PEM: in no output, ever.
        return readFixture(QStringLiteral("gce/test-key-DO-NOT-USE.pem")).split('\n').at(5);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(cliPath()));
        QVERIFY(m_server.listen());
        m_fake = std::make_unique<FakeGce>(m_server);
        m_fake->serveFixtures();
    }
    void cleanup()
    {
        QVERIFY2(m_fake->failures().isEmpty(),
                 qPrintable(m_fake->failures().join(QLatin1Char('\n'))));
    }

    void addsAnAccountFromTheKeyFile()
    {
        const CliRun add =
            runCli(QStringList {QStringLiteral("accounts"), QStringLiteral("add"),
                                QStringLiteral("--provider"), QStringLiteral("gce"),
                                QStringLiteral("--name"), QStringLiteral("gce-work"),
                                QStringLiteral("--key-file"),
                                testDataPath(QStringLiteral("gce/service_account_key.json"))}
                   + endpoints());
        QVERIFY2(add.exitCode == 0, add.err.constData());
        QCOMPARE(m_fake->grants(), 1); // verified with a token from the key
        QVERIFY(!add.out.contains(keyLine()) && !add.err.contains(keyLine()));

        const CliRun json =
            runCli({QStringLiteral("accounts"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonArray accounts = QJsonDocument::fromJson(json.out).array();
        QCOMPARE(accounts.size(), 1);
        const QJsonObject settings = accounts[0][QLatin1String("settings")].toObject();
        QCOMPARE(settings.value(QLatin1String("projectId")).toString(),
                 QStringLiteral("clouddeck-test"));
        QCOMPARE(settings.value(QLatin1String("clientEmail")).toString(),
                 QLatin1String(FakeGce::clientEmail));
        QCOMPARE(settings.value(QLatin1String("privateKeyId")).toString(),
                 QLatin1String(FakeGce::keyId));
        QVERIFY(!settings.contains(QLatin1String("privateKey")));
        QVERIFY(!json.out.contains(keyLine()));
    }

    void listsTheMachinesOfEveryZone()
    {
        const CliRun json =
            runCli({QStringLiteral("machines"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonArray machines = QJsonDocument::fromJson(json.out).array();
        QCOMPARE(machines.size(), 9);
        QSet<QString> regions;
        for (const QJsonValue &machine : machines)
            regions.insert(machine[QLatin1String("region")].toString());
        QCOMPARE(regions,
                 (QSet<QString> {QStringLiteral("us-central1"), QStringLiteral("europe-west1"),
                                 QStringLiteral("asia-northeast1")}));
    }

    void runsAnActionByNameAndWaits()
    {
        m_server.clearRequests();
        const CliRun stop = runCli(
            {QStringLiteral("machines"), QStringLiteral("shutdown"), QStringLiteral("web-1")});
        QVERIFY2(stop.exitCode == 0, stop.err.constData());
        QCOMPARE(
            m_server
                .requests("POST", FakeGce::path(QStringLiteral(
                                      "/zones/us-central1-a/instances/4567890123456789012/stop")))
                .size(),
            1);
    }

    void importsApplicationDefaultCredentials()
    {
        const CliRun add = runCli(
            QStringList {QStringLiteral("accounts"), QStringLiteral("add"),
                         QStringLiteral("--provider"), QStringLiteral("gce"),
                         QStringLiteral("--name"), QStringLiteral("gce-adc"),
                         QStringLiteral("--adc-file"),
                         testDataPath(QStringLiteral("gce/application_default_credentials.json"))}
            + endpoints());
        QVERIFY2(add.exitCode == 0, add.err.constData());
        const CliRun verify = runCli(
            {QStringLiteral("accounts"), QStringLiteral("verify"), QStringLiteral("gce-adc")});
        QVERIFY2(verify.exitCode == 0, verify.err.constData());
        QVERIFY(verify.outText().contains(QLatin1String("application default credentials")));
        const CliRun json =
            runCli({QStringLiteral("accounts"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY(!json.out.contains("1//0test-refresh-token-DO-NOT-USE"));
    }

    void editTakesANewKeyFile()
    {
        const CliRun edit = runCli({QStringLiteral("accounts"), QStringLiteral("edit"),
                                    QStringLiteral("gce-adc"), QStringLiteral("--key-file"),
                                    testDataPath(QStringLiteral("gce/service_account_key.json"))});
        QVERIFY2(edit.exitCode == 0, edit.err.constData());
        const CliRun verify = runCli(
            {QStringLiteral("accounts"), QStringLiteral("verify"), QStringLiteral("gce-adc")});
        QVERIFY2(verify.exitCode == 0, verify.err.constData());
        QVERIFY(verify.outText().contains(QLatin1String(FakeGce::clientEmail)));
        QVERIFY(!edit.out.contains(keyLine()) && !verify.out.contains(keyLine()));
    }

    void theWrongFileIsAUsageErrorBeforeAnyRequest()
    {
        const int before = m_server.requestCount();
        const CliRun add = runCli(
            QStringList {QStringLiteral("accounts"), QStringLiteral("add"),
                         QStringLiteral("--provider"), QStringLiteral("gce"),
                         QStringLiteral("--name"), QStringLiteral("gce-bad"),
                         QStringLiteral("--key-file"),
                         testDataPath(QStringLiteral("gce/application_default_credentials.json"))}
            + endpoints());
        QVERIFY(add.exitCode != 0);
        QVERIFY(add.errText().contains(QLatin1String("authorized_user")));
        QCOMPARE(m_server.requestCount(), before);
    }
};

QTEST_GUILESS_MAIN(TestGceCli)
#include "tst_gcecli.moc"
