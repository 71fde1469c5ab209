// `clouddeck-cli cost` and `machines price`, run as real processes against a fake DigitalOcean
// (tests/data/digitalocean, from its OpenAPI reference) with the real keychain: the table, JSON
// and CSV of the same run-rate, a price set by the user, and usage errors.
#include "digitaloceanroutes.h"
#include "fakecloudserver.h"
#include "testhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

class TestCliCost : public QObject
{
    Q_OBJECT

    FakeCloudServer m_server;

    static QJsonObject machineById(const QJsonObject &report, const QString &id)
    {
        for (const QJsonValue &machine : report[u"machines"_s].toArray()) {
            if (machine[u"id"_s].toString() == id)
                return machine.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(cliPath()));
        QVERIFY(m_server.listen());
        DigitalOceanRoutes::serveAccountAndDroplets(m_server);
        const QString token = u"dop_v1_"_s + QUuid::createUuid().toString(QUuid::Id128);
        const CliRun add = runCli({u"accounts"_s, u"add"_s, u"--provider"_s, u"digitalocean"_s,
                                   u"--name"_s, u"work"_s, u"--endpoint"_s,
                                   m_server.url().toString()},
                                  token.toUtf8() + '\n');
        QVERIFY2(add.exitCode == 0, add.err.constData());
    }

    void tableSaysWhatIsOffButBilled()
    {
        const CliRun run = runCli({u"cost"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QString out = run.outText();
        QVERIFY2(out.contains(u"PROVIDER"_s) && out.contains(u"OFF, BILLED"_s), qPrintable(out));
        QVERIFY(out.contains(u"DigitalOcean"_s));
        QVERIFY(out.contains(u"TOTAL"_s));
        // assets.example.com is off ($5.00), old-archive archived (suspended, $48.00), and
        // DigitalOcean bills both in full. "machines", not the source text's "machine(s)": the
        // CLI loads the English translation, which holds the plural forms.
        QVERIFY2(out.contains(u"$53.00/mo is for 2 machines that are off but still billed:"_s),
                 qPrintable(out));
        QVERIFY(out.contains(u"assets.example.com (work, DigitalOcean): $5.00"_s));
    }

    void jsonHasExactAmountsPerCurrency()
    {
        const CliRun run = runCli({u"cost"_s, u"--json"_s, u"--by"_s, u"region"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(report[u"groupBy"_s].toString(), u"region"_s);
        QCOMPARE(report[u"offButBilled"_s][u"USD"_s].toString(), u"53.00"_s);
        QCOMPARE(report[u"offButBilledMachines"_s].toInt(), 2);
        const QJsonObject assets = machineById(report, u"3164459"_s);
        QCOMPARE(assets[u"state"_s].toString(), u"stopped"_s);
        QCOMPARE(assets[u"monthly"_s].toString(), u"5.00"_s);
        QCOMPARE(assets[u"currency"_s].toString(), u"USD"_s);
        QCOMPARE(assets[u"source"_s].toString(), u"provider"_s);
        QVERIFY(assets[u"offButBilled"_s].toBool());
        // The groups add up to the total (one region per machine).
        qint64 cents = 0;
        for (const QJsonValue &group : report[u"groups"_s].toArray())
            cents += qRound64(group[u"monthly"_s][u"USD"_s].toString().toDouble() * 100);
        QCOMPARE(cents, qRound64(report[u"total"_s][u"USD"_s].toString().toDouble() * 100));
        QCOMPARE(report[u"groups"_s].toArray().first()[u"key"_s].toString(), u"nyc3"_s);
    }

    void csvListsEveryMachineWithItsSource()
    {
        const CliRun run = runCli({u"cost"_s, u"--csv"_s, u"--by"_s, u"account"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QList<QByteArray> rows = run.out.split('\n');
        QVERIFY(rows.first().startsWith("account,provider,name,id,state,region,size,monthly_price,"));
        int machines = 0;
        for (const QByteArray &row : rows) {
            if (row.startsWith("work,digitalocean,"))
                ++machines;
        }
        QVERIFY2(machines >= 4, run.out.constData());
        QVERIFY(run.out.contains("work,digitalocean,assets.example.com,3164459,stopped,nyc3,"
                                 "s-1vcpu-1gb,5.00,USD,5.00,provider,no,yes,"));
    }

    void aPriceSetByTheUserIsMarkedAndKeptApart()
    {
        const CliRun set = runCli(
            {u"machines"_s, u"price"_s, u"stage.example.com"_s, u"30"_s, u"--currency"_s, u"eur"_s});
        QVERIFY2(set.exitCode == 0, set.err.constData());
        QVERIFY2(set.outText().contains(u"stage.example.com: €30.00 a month, set by you."_s),
                 set.out.constData());

        const CliRun offline = runCli({u"cost"_s, u"--json"_s, u"--offline"_s});
        QVERIFY2(offline.exitCode == 0, offline.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(offline.out).object();
        QCOMPARE(report[u"total"_s][u"EUR"_s].toString(), u"30.00"_s);
        const QJsonObject stage = machineById(report, u"3164412"_s);
        QCOMPARE(stage[u"source"_s].toString(), u"user"_s);
        QCOMPARE(stage[u"currency"_s].toString(), u"EUR"_s);

        // Two currencies: the table says so instead of adding them.
        const CliRun table = runCli({u"cost"_s, u"--offline"_s});
        QVERIFY(table.outText().contains(u"€30.00 + $"_s));
        QVERIFY(table.outText().contains(u"never added across currencies"_s));

        // One total only with the user's own rate, exact (€30.00 at 1.085 is $32.55).
        const QString usd = report[u"total"_s][u"USD"_s].toString();
        const CliRun noRate = runCli({u"cost"_s, u"--offline"_s, u"--in"_s, u"USD"_s});
        QVERIFY2(noRate.outText().contains(u"No total in USD: give a --rate for EUR."_s),
                 noRate.out.constData());
        const CliRun converted = runCli(
            {u"cost"_s, u"--offline"_s, u"--json"_s, u"--in"_s, u"usd"_s, u"--rate"_s, u"EUR=1.085"_s});
        QVERIFY2(converted.exitCode == 0, converted.err.constData());
        const QJsonObject total =
            QJsonDocument::fromJson(converted.out).object()[u"converted"_s].toObject();
        QCOMPARE(total[u"currency"_s].toString(), u"USD"_s);
        const qint64 usdCents = qRound64(usd.toDouble() * 100);
        QCOMPARE(qRound64(total[u"monthly"_s].toString().toDouble() * 100), usdCents + 3255);
        QCOMPARE(runCli({u"cost"_s, u"--offline"_s, u"--rate"_s, u"EUR=1.1"_s}).exitCode, 2);
        QCOMPARE(runCli({u"cost"_s, u"--offline"_s, u"--in"_s, u"USD"_s, u"--rate"_s, u"EUR"_s})
                     .exitCode,
                 2);

        const CliRun clear =
            runCli({u"machines"_s, u"price"_s, u"stage.example.com"_s, u"--clear"_s});
        QVERIFY2(clear.exitCode == 0, clear.err.constData());
        const CliRun after = runCli({u"cost"_s, u"--json"_s, u"--offline"_s});
        QVERIFY(!QJsonDocument::fromJson(after.out).object()[u"total"_s].toObject().contains(
            u"EUR"_s));

        // By size, for a whole account.
        const CliRun bySize = runCli({u"machines"_s, u"price"_s, u"--size"_s, u"c-2"_s,
                                      u"--account"_s, u"work"_s, u"40.00"_s});
        QVERIFY2(bySize.exitCode == 0, bySize.err.constData());
        const CliRun sized = runCli({u"cost"_s, u"--json"_s, u"--offline"_s});
        QCOMPARE(machineById(QJsonDocument::fromJson(sized.out).object(), u"3164412"_s)[u"monthly"_s]
                     .toString(),
                 u"40.00"_s);
    }

    void usageErrors()
    {
        QCOMPARE(runCli({u"cost"_s, u"--by"_s, u"colour"_s}).exitCode, 2);
        QCOMPARE(runCli({u"cost"_s, u"--json"_s, u"--csv"_s}).exitCode, 2);
        QCOMPARE(runCli({u"machines"_s, u"price"_s, u"example.com"_s, u"twelve"_s}).exitCode, 2);
        QCOMPARE(runCli({u"machines"_s, u"price"_s, u"example.com"_s}).exitCode, 2);
        QCOMPARE(runCli({u"machines"_s, u"price"_s, u"--size"_s, u"c-2"_s, u"3"_s}).exitCode, 2);
        const CliRun missing = runCli({u"machines"_s, u"price"_s, u"no-such-machine"_s, u"3"_s});
        QCOMPARE(missing.exitCode, 5);
        QVERIFY(missing.errText().contains(u"no-such-machine"_s));
    }
};

QTEST_GUILESS_MAIN(TestCliCost)
#include "tst_clicost.moc"
