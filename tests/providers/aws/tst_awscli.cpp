// clouddeck-cli with an AWS account, run as a real process against the fake EC2 endpoint (which
// verifies every signature) and the real keychain: the issue's
// `accounts add --provider aws --name N --access-key-id AKID [--regions r1,r2] [--endpoint URL]`
// with the secret access key on stdin, then machines of both regions, an action, a catalog, and
// `cost` with the Price List: a stopped instance's EBS volumes in the off-but-billed total.
#include "accountstore.h"
#include "fakeec2.h"
#include "fakepricelist.h"
#include "testhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTest>

class TestAwsCli : public QObject
{
    Q_OBJECT

    FakeCloudServer m_server;
    std::unique_ptr<FakeEc2> m_fake;
    FakePriceList m_prices;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(cliPath()));
        QVERIFY(m_server.listen());
        m_fake = std::make_unique<FakeEc2>(m_server);
        m_fake->serveFixtures();
        QVERIFY(m_prices.listen());
    }

    void cleanup()
    {
        QVERIFY2(m_fake->signatureFailures().isEmpty(),
                 qPrintable(m_fake->signatureFailures().join(QLatin1Char('\n'))));
    }

    void addsAnAccountWithTheSecretOnStdin()
    {
        const CliRun add = runCli(
            {QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"),
             QStringLiteral("aws"), QStringLiteral("--name"), QStringLiteral("aws-work"),
             QStringLiteral("--access-key-id"), QString::fromLatin1(FakeEc2::accessKeyId),
             QStringLiteral("--endpoint"), m_server.url(QStringLiteral("/{region}")).toString()},
            QByteArray(FakeEc2::secretAccessKey) + "\n");
        QVERIFY2(add.exitCode == 0, add.err.constData());
        QVERIFY(!add.out.contains(FakeEc2::secretAccessKey)
                && !add.err.contains(FakeEc2::secretAccessKey));
        // Verified with DescribeRegions, signed with the secret read from stdin.
        QCOMPARE(m_fake->calls(QStringLiteral("DescribeRegions")).size(), 1);

        const CliRun json =
            runCli({QStringLiteral("accounts"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonArray accounts = QJsonDocument::fromJson(json.out).array();
        QCOMPARE(accounts.size(), 1);
        QCOMPARE(accounts[0][QLatin1String("provider")].toString(), QStringLiteral("aws"));
        QVERIFY(!json.out.contains(FakeEc2::secretAccessKey));
    }

    void listsTheMachinesOfEveryRegion()
    {
        const CliRun json =
            runCli({QStringLiteral("machines"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonArray machines = QJsonDocument::fromJson(json.out).array();
        QCOMPARE(machines.size(), 8);
        QSet<QString> regions;
        for (const QJsonValue &machine : machines) {
            QCOMPARE(machine[QLatin1String("provider")].toString(), QStringLiteral("aws"));
            regions.insert(machine[QLatin1String("region")].toString());
            if (machine[QLatin1String("id")] == QLatin1String("i-0ddddddddddddddd4"))
                QCOMPARE(machine[QLatin1String("state")].toString(), QStringLiteral("terminated"));
        }
        QCOMPARE(regions,
                 QSet<QString>({QStringLiteral("us-east-1"), QStringLiteral("eu-west-1")}));
    }

    void costBillsAStoppedInstancesVolumes()
    {
        // The account's Price List (an endpoint override asks none unless it names one).
        {
            // The CLI's settings folder is named after it.
            const QString name = QCoreApplication::applicationName();
            QCoreApplication::setApplicationName(QStringLiteral("clouddeck"));
            const auto restore =
                qScopeGuard([name] { QCoreApplication::setApplicationName(name); });
            AccountStore store;
            std::optional<Account> account = store.findByName(QStringLiteral("aws-work"));
            QVERIFY(account);
            account->settings.insert(QStringLiteral("pricingEndpoint"), m_prices.url().toString());
            QVERIFY(!store.update(*account).isError());
        }
        const CliRun json = runCli({QStringLiteral("cost"), QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(json.out).object();
        QJsonObject windows;
        for (const QJsonValue &machine : report[QLatin1String("machines")].toArray()) {
            if (machine[QLatin1String("id")] == QLatin1String("i-0bbbbbbbbbbbbbbb2"))
                windows = machine.toObject();
        }
        // Stopped: 30 GiB gp2 + 100 GiB io2 = $15.50, an estimate, off but billed.
        QCOMPARE(windows[QLatin1String("billedMonthly")].toString(), QStringLiteral("15.50"));
        QCOMPARE(windows[QLatin1String("volumesMonthly")].toString(), QStringLiteral("15.50"));
        QVERIFY(windows[QLatin1String("offButBilled")].toBool());
        QVERIFY(windows[QLatin1String("estimate")].toBool());
        QCOMPARE(windows[QLatin1String("source")].toString(), QStringLiteral("price-list-api"));
        QCOMPARE(report[QLatin1String("offButBilled")][QLatin1String("USD")].toString(),
                 QStringLiteral("15.50"));
        // Instances plus volumes: 8.23 + 15.18 + 15.50 + 3.80 + 15.19 + 20.38.
        QCOMPARE(report[QLatin1String("total")][QLatin1String("USD")].toString(),
                 QStringLiteral("78.28"));
        QVERIFY(m_prices.storageCalls().size() == 5);

        // The table says it in words (prices from the CLI's cache now: nothing asked again).
        const CliRun table = runCli({QStringLiteral("cost")});
        QVERIFY2(table.exitCode == 0, table.err.constData());
        QVERIFY2(table.outText().contains(
                     QStringLiteral("≈ $15.50/mo is for 1 machine that is off but still billed:")),
                 qPrintable(table.outText()));
        QCOMPARE(m_prices.storageCalls().size(), 5);
    }

    void runsAnActionByName()
    {
        const CliRun stop = runCli(
            {QStringLiteral("machines"), QStringLiteral("shutdown"), QStringLiteral("dublin-api")});
        QVERIFY2(stop.exitCode == 0, stop.err.constData());
        const QList<Ec2Call> calls = m_fake->calls(QStringLiteral("StopInstances"));
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls.first().region, QStringLiteral("eu-west-1"));
        QCOMPARE(calls.first().param(QStringLiteral("InstanceId.1")),
                 QStringLiteral("i-0eeeeeeeeeeeeeee5"));
        QVERIFY(!calls.first().has(QStringLiteral("Force")));
    }

    void restrictsRegionsOnAdd()
    {
        const CliRun add =
            runCli({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"),
                    QStringLiteral("aws"), QStringLiteral("--name"), QStringLiteral("aws-dublin"),
                    QStringLiteral("--access-key-id"), QString::fromLatin1(FakeEc2::accessKeyId),
                    QStringLiteral("--regions"), QStringLiteral("eu-west-1"),
                    QStringLiteral("--endpoint"), m_server.url(QStringLiteral("/")).toString()},
                   QByteArray(FakeEc2::secretAccessKey) + "\n");
        QVERIFY2(add.exitCode == 0, add.err.constData());
        const CliRun json =
            runCli({QStringLiteral("machines"), QStringLiteral("list"), QStringLiteral("--json"),
                    QStringLiteral("--account"), QStringLiteral("aws-dublin")});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        QCOMPARE(QJsonDocument::fromJson(json.out).array().size(), 2);
        const CliRun regions = runCli(
            {QStringLiteral("regions"), QStringLiteral("--account"), QStringLiteral("aws-dublin")});
        QVERIFY2(regions.exitCode == 0, regions.err.constData());
        QVERIFY(regions.outText().contains(QLatin1String("eu-west-1")));
        QVERIFY(!regions.outText().contains(QLatin1String("us-east-1")));
    }

    void wrongSecretIsAnAuthError()
    {
        m_fake->enqueue(QStringLiteral("DescribeRegions"),
                        FakeEc2::xml(QStringLiteral("error_auth_failure.xml"), 401));
        const CliRun add =
            runCli({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"),
                    QStringLiteral("aws"), QStringLiteral("--name"), QStringLiteral("aws-bad"),
                    QStringLiteral("--access-key-id"), QString::fromLatin1(FakeEc2::accessKeyId),
                    QStringLiteral("--endpoint"), m_server.url(QStringLiteral("/")).toString()},
                   QByteArray(FakeEc2::secretAccessKey) + "\n");
        QCOMPARE(add.exitCode, 3);
        QVERIFY(add.errText().contains(QLatin1String("AuthFailure")));
    }
};

QTEST_GUILESS_MAIN(TestAwsCli)
#include "tst_awscli.moc"
