// clouddeck-cli with an Azure account, run as a real process against a fake Azure and the real
// keychain: the issue's `accounts add --provider azure --tenant-id … --client-id …` with the
// client secret on stdin, then the machines of every subscription, an action, a catalog.
#include "fakeazure.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace AzureTesting;

class TestAzureCli : public QObject
{
    Q_OBJECT

    FakeCloudServer m_server;
    std::unique_ptr<FakeAzure> m_azure;

    QStringList addArguments(const QString &name) const
    {
        return {u"accounts"_s,
                u"add"_s,
                u"--provider"_s,
                u"azure"_s,
                u"--name"_s,
                name,
                u"--tenant-id"_s,
                tenant,
                u"--client-id"_s,
                clientId,
                u"--authority"_s,
                m_server.url(u"/login"_s).toString(),
                u"--prices-endpoint"_s,
                m_server.url(u"/prices"_s).toString(),
                u"--endpoint"_s,
                m_server.url().toString()};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(cliPath()));
        QVERIFY(m_server.listen());
        m_azure = std::make_unique<FakeAzure>(m_server);
        m_azure->serveListing();
        m_azure->arm(
            "POST",
            u"/subscriptions/*/resourceGroups/*/providers/Microsoft.Compute/virtualMachines/*/deallocate"_s,
            u"2024-07-01"_s, FakeResponse::raw(200, {}));
        m_azure->arm("GET", u"/subscriptions/*/locations"_s, u"2022-12-01"_s,
                     FakeResponse::raw(200, fixture(u"locations.json"_s)));
    }

    void cleanup()
    {
        QVERIFY2(m_azure->violations().isEmpty(), qPrintable(m_azure->violations().join(u'\n')));
    }

    void addsAnAccountWithTheSecretOnStdin()
    {
        const CliRun add = runCli(addArguments(u"azure-work"_s), clientSecret.toUtf8() + '\n');
        QVERIFY2(add.exitCode == 0, add.err.constData());
        QVERIFY(!add.out.contains(clientSecret.toUtf8())
                && !add.err.contains(clientSecret.toUtf8()));
        // Verified: signed in with the secret from stdin, then the subscriptions listed.
        QCOMPARE(m_azure->tokenRequests().size(), 1);
        QCOMPARE(m_server.requests("GET", u"/subscriptions"_s).size(), 1);

        const CliRun json = runCli({u"accounts"_s, u"list"_s, u"--json"_s});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonArray accounts = QJsonDocument::fromJson(json.out).array();
        QCOMPARE(accounts.size(), 1);
        QCOMPARE(accounts[0][QLatin1String("provider")].toString(), u"azure"_s);
        const QJsonObject settings = accounts[0][QLatin1String("settings")].toObject();
        QCOMPARE(settings.value(u"tenantId"_s).toString(), tenant);
        QCOMPARE(settings.value(u"clientId"_s).toString(), clientId);
        QVERIFY(!settings.contains(u"clientSecret"_s));
        QVERIFY(!json.out.contains(clientSecret.toUtf8()));
    }

    void listsTheMachinesOfEverySubscription()
    {
        const CliRun json = runCli({u"machines"_s, u"list"_s, u"--json"_s});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonArray machines = QJsonDocument::fromJson(json.out).array();
        QCOMPARE(machines.size(), 4);
        QSet<QString> names;
        for (const QJsonValue &machine : machines) {
            QCOMPARE(machine[QLatin1String("provider")].toString(), u"azure"_s);
            names.insert(machine[QLatin1String("name")].toString());
        }
        QCOMPARE(names, (QSet<QString> {u"web-1"_s, u"web-2"_s, u"db-1"_s, u"win-build"_s}));
    }

    void shutdownDeallocates()
    {
        const CliRun stop = runCli({u"machines"_s, u"shutdown"_s, u"web-1"_s});
        QVERIFY2(stop.exitCode == 0, stop.err.constData());
        const auto sent = m_server.requests(
            "POST",
            u"/subscriptions/*/resourceGroups/*/providers/Microsoft.Compute/virtualMachines/*/deallocate"_s);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().path, web1 + u"/deallocate"_s);
        // Azure's own words from its metadata, not the generic "Shut down".
        QVERIFY2(stop.err.contains("Stopping (deallocating) web-1"), stop.err.constData());
        QVERIFY2(stop.out.contains("Stop (deallocate) web-1: accepted by Microsoft Azure."),
                 stop.out.constData());
    }

    void regionsCatalog()
    {
        const CliRun regions = runCli({u"regions"_s, u"--account"_s, u"azure-work"_s});
        QVERIFY2(regions.exitCode == 0, regions.err.constData());
        QVERIFY(regions.outText().contains(u"westeurope"_s));
    }

    void wrongSecretIsAnAuthError()
    {
        m_server.enqueue("POST", tokenPath,
                         FakeResponse::raw(401, fixture(u"token-error-invalid-client.json"_s)));
        const CliRun add = runCli(addArguments(u"azure-bad"_s), "wrong-secret\n");
        QCOMPARE(add.exitCode, 3);
        QVERIFY2(add.errText().contains(u"AADSTS7000215"_s), add.err.constData());
        m_azure->clearViolations(); // the wrong secret was sent on purpose
    }
};

QTEST_GUILESS_MAIN(TestAzureCli)
#include "tst_azurecli.moc"
