// The promise that a secret lives only in the keychain, checked the hard way: a whole workflow runs
// as real processes with every log category switched on, then every file the programs could have
// written and every line they printed is searched for the token.
#include "fakecloudserver.h"
#include "testhelpers.h"
// Azure: the fake sign-in, Resource Manager and price list of the Azure tests.
#include "../providers/azure/fakeazure.h"

#include <QDirIterator>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QUuid>

class TestSecretLeak : public QObject
{
    Q_OBJECT

    /// No file under the test's HOME/XDG folders (CLOUDDECK_TEST_TMP) holds any of @p secrets
    /// (ASCII), in UTF-8 or in UTF-16 (QSettings and SQLite may store text so), except the
    /// keychain's own encrypted store; at least one file was read. Call it as a slot's last step.
    static void noFileHolds(const QList<QByteArray> &secrets)
    {
        const QString root = qEnvironmentVariable("CLOUDDECK_TEST_TMP");
        QVERIFY2(!root.isEmpty(), "run through scripts/run-test.sh");
        int files = 0;
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.contains(QLatin1String("/keyrings/")))
                continue; // the keychain's own encrypted store is where the secrets belong
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue; // sockets in the runtime folder
            const QByteArray content = file.readAll();
            ++files;
            for (const QByteArray &secret : secrets) {
                const QString text = QString::fromLatin1(secret);
                QVERIFY2(!content.contains(secret), qPrintable(path));
                QVERIFY2(!content.contains(QByteArray(reinterpret_cast<const char *>(text.utf16()),
                                                      text.size() * 2)),
                         qPrintable(path));
            }
        }
        QVERIFY(files > 0); // at least the accounts file and the cache were looked at
    }

    /// The CLI with every log category switched on, keeping all it printed (to be searched).
    struct LoudCli
    {
        QProcessEnvironment env = [] {
            QProcessEnvironment loud = QProcessEnvironment::systemEnvironment();
            loud.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
            return loud;
        }();
        QByteArray printed;

        int operator()(const QStringList &args, const QByteArray &input = {})
        {
            const CliRun result = runProcess(cliPath(), args, input, env);
            printed += result.out + result.err;
            return result.exitCode;
        }
    };

    /// `accounts add --provider azure` against the fake sign-in, ARM and prices of @p server,
    /// the client secret on stdin.
    static int addAzureAccount(LoudCli &run, const QString &name, const QString &tenant,
                               const QString &clientId, const FakeCloudServer &server,
                               const QString &secret)
    {
        return run({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"),
                    QStringLiteral("azure"), QStringLiteral("--name"), name,
                    QStringLiteral("--tenant-id"), tenant, QStringLiteral("--client-id"), clientId,
                    QStringLiteral("--authority"), server.url(QStringLiteral("/login")).toString(),
                    QStringLiteral("--prices-endpoint"),
                    server.url(QStringLiteral("/prices")).toString(), QStringLiteral("--endpoint"),
                    server.url().toString()},
                   secret.toUtf8() + '\n');
    }

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
        LoudCli run;
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
        QVERIFY(run.printed.contains("clouddeck.net")); // the logs were on

        // ...and appears in nothing the programs printed or wrote.
        QVERIFY2(!run.printed.contains(token.toUtf8()), "the token was printed");
        noFileHolds({token.toUtf8()});
    }

    // --- Azure (service principal): the client secret goes to the token endpoint only. ---
    void azureClientSecretAppearsNowhereButTheKeychain()
    {
        using namespace AzureTesting;
        FakeCloudServer server;
        QVERIFY(server.listen());
        FakeAzure azure(server);
        azure.serveListing();
        azure.arm("POST",
                  QStringLiteral("/subscriptions/*/resourceGroups/*/providers/Microsoft.Compute/"
                                 "virtualMachines/*/deallocate"),
                  QStringLiteral("2024-07-01"), FakeResponse::raw(200, {}));
        // One failure on the way, so error paths get logged too.
        server.enqueue("GET", QStringLiteral("/subscriptions"),
                       FakeResponse::raw(429, fixture(QStringLiteral("error-429.json")))
                           .withHeader("Retry-After", "0"));

        // Unreserved characters only, so the form-encoded body holds it as it is.
        const QString secret =
            QStringLiteral("Az8Q~leak.check_") + QUuid::createUuid().toString(QUuid::Id128);
        LoudCli run;
        QCOMPARE(addAzureAccount(run, QStringLiteral("azure-leak"), tenant, clientId, server, secret), 0);
        QCOMPARE(
            run({QStringLiteral("accounts"), QStringLiteral("list"), QStringLiteral("--json")}), 0);
        QCOMPARE(
            run({QStringLiteral("machines"), QStringLiteral("list"), QStringLiteral("--json")}), 0);
        QCOMPARE(
            run({QStringLiteral("machines"), QStringLiteral("shutdown"), QStringLiteral("web-1")}),
            0);
        QCOMPARE(run({QStringLiteral("accounts"), QStringLiteral("verify"),
                      QStringLiteral("azure-leak")}),
                 0);
        QCOMPARE(
            run({QStringLiteral("machines"), QStringLiteral("list"), QStringLiteral("--offline")}),
            0);
        QCOMPARE(run({QStringLiteral("accounts"), QStringLiteral("remove"),
                      QStringLiteral("azure-leak"), QStringLiteral("--yes")}),
                 0);

        // The secret really was used, in the token request's body and nowhere else on the wire...
        int signIns = 0;
        for (const RecordedRequest &request : server.requests()) {
            if (request.path == tokenPath
                && request.body.contains("client_secret=" + secret.toUtf8()))
                ++signIns;
            else
                QVERIFY2(!request.body.contains(secret.toUtf8())
                             && !request.target.contains(secret.toUtf8()),
                         qPrintable(request.path));
            for (const auto &header : request.headers)
                QVERIFY2(!header.second.contains(secret.toUtf8()), header.first.constData());
        }
        QVERIFY(signIns > 0);
        QVERIFY(run.printed.contains("clouddeck.net")); // the logs were on

        // ...and appears in nothing the programs printed or wrote.
        QVERIFY2(!run.printed.contains(secret.toUtf8()), "the client secret was printed");
        noFileHolds({secret.toUtf8()});
    }

    // Azure Windows VMs: the administrator password typed for a create goes into the VM's PUT
    // body and nowhere else, on a refused create as on an accepted one.
    void azureAdminPasswordGoesOnlyIntoTheVmPut()
    {
        using namespace AzureTesting;
        FakeCloudServer server;
        QVERIFY(server.listen());
        FakeAzure azure(server);
        azure.serveListing();
        azure.arm("GET",
                  QStringLiteral("/subscriptions/*/providers/Microsoft.Network/virtualNetworks"),
                  QStringLiteral("2024-05-01"),
                  FakeResponse::raw(200, fixture(QStringLiteral("virtualnetworks.json"))));
        const QString network =
            QStringLiteral("/subscriptions/*/resourceGroups/*/providers/Microsoft.Network/*/*");
        azure.arm(
            "PUT", network, QStringLiteral("2024-05-01"),
            FakeResponse::json(QJsonObject {{QStringLiteral("id"), QStringLiteral("/x")}}, 201));
        azure.arm("DELETE", network, QStringLiteral("2024-05-01"), FakeResponse::raw(200, {}));
        const QString vm = QStringLiteral(
            "/subscriptions/*/resourceGroups/*/providers/Microsoft.Compute/virtualMachines/*");
        azure.arm("PUT", vm, QStringLiteral("2024-07-01"),
                  FakeResponse::raw(201, fixture(QStringLiteral("vm-created.json"))));
        // The first create is refused, so the error and cleanup paths get logged too.
        server.enqueue("PUT", vm,
                       FakeResponse::raw(400, fixture(QStringLiteral("error-400.json"))));

        const QString secret =
            QStringLiteral("Az8Q~client_") + QUuid::createUuid().toString(QUuid::Id128);
        const QString password =
            QStringLiteral("Wn7-leak.check_") + QUuid::createUuid().toString(QUuid::Id128);
        LoudCli run;
        QCOMPARE(addAzureAccount(run, QStringLiteral("azure-win"), tenant, clientId, server, secret), 0);
        const QStringList create = {
            QStringLiteral("machines"),
            QStringLiteral("create"),
            QStringLiteral("--account"),
            QStringLiteral("azure-win"),
            QStringLiteral("--name"),
            QStringLiteral("win-1"),
            QStringLiteral("--region"),
            QStringLiteral("westeurope"),
            QStringLiteral("--size"),
            QStringLiteral("Standard_B2s"),
            QStringLiteral("--image"),
            QStringLiteral("MicrosoftWindowsServer:WindowsServer:2022-datacenter-azure-edition:"
                           "latest"),
            QStringLiteral("--admin-password-stdin"),
            QStringLiteral("--json")};
        QVERIFY(run(create, password.toUtf8() + '\n') != 0);
        QCOMPARE(run(create, password.toUtf8() + '\n'), 0);
        QCOMPARE(
            run({QStringLiteral("machines"), QStringLiteral("list"), QStringLiteral("--offline")}),
            0);
        // Removed as the other cases remove theirs: the later ones list every account.
        QCOMPARE(run({QStringLiteral("accounts"), QStringLiteral("remove"),
                      QStringLiteral("azure-win"), QStringLiteral("--yes")}),
                 0);

        // The password was sent, in both VM PUT bodies and in nothing else on the wire...
        int puts = 0;
        for (const RecordedRequest &request : server.requests()) {
            const bool vmPut = request.method == "PUT"
                               && request.path.contains(QLatin1String("/virtualMachines/"));
            if (vmPut) {
                QCOMPARE(request.json()
                             .value(QStringLiteral("properties"))
                             .toObject()
                             .value(QStringLiteral("osProfile"))
                             .toObject()
                             .value(QStringLiteral("adminPassword"))
                             .toString(),
                         password);
                ++puts;
            } else {
                QVERIFY2(!request.body.contains(password.toUtf8()), qPrintable(request.path));
            }
            QVERIFY2(!request.target.contains(password.toUtf8()), qPrintable(request.path));
            for (const auto &header : request.headers)
                QVERIFY2(!header.second.contains(password.toUtf8()), header.first.constData());
        }
        QCOMPARE(puts, 2);
        QVERIFY(run.printed.contains("clouddeck.net")); // the logs were on

        // ...and appears in nothing the programs printed or wrote (cache, settings, logs).
        QVERIFY2(!run.printed.contains(password.toUtf8()), "the password was printed");
        noFileHolds({password.toUtf8()});
    }
    // --- end Azure ---

    // GCE: the service-account key's private key and the ADC refresh token come from files the
    // user keeps; after import they may be in the keychain only.
    void gcePrivateKeyAndRefreshTokenAppearNowhereButTheKeychain()
    {
        FakeCloudServer server;
        QVERIFY(server.listen());
        const QString compute = QStringLiteral("/compute/v1/projects/clouddeck-test");
        server.on("POST", QStringLiteral("/token"),
                  FakeResponse::file(testDataPath(QStringLiteral("gce/token.json"))));
        server.on("GET", compute,
                  FakeResponse::file(testDataPath(QStringLiteral("gce/project.json"))));
        server.on("GET", compute + QStringLiteral("/aggregated/instances"),
                  [](const RecordedRequest &request) {
                      return FakeResponse::file(testDataPath(
                          request.query.hasQueryItem(QStringLiteral("pageToken"))
                              ? QStringLiteral("gce/instances_aggregated_page2.json")
                              : QStringLiteral("gce/instances_aggregated_page1.json")));
                  });
        server.on("GET", compute + QStringLiteral("/aggregated/disks"),
                  FakeResponse::file(testDataPath(QStringLiteral("gce/disks_aggregated.json"))));
        server.on("POST", compute + QStringLiteral("/zones/*/instances/*/reset"),
                  FakeResponse::file(testDataPath(QStringLiteral("gce/operation_done.json"))));
        // One refused token on the way, so the error paths get logged too.
        server.enqueue(
            "POST", QStringLiteral("/token"),
            FakeResponse::file(testDataPath(QStringLiteral("gce/error_unavailable.json")), 503));

        LoudCli run;
        const QStringList endpoints = {
            QStringLiteral("--endpoint"), server.url(QStringLiteral("/compute/v1")).toString(),
            QStringLiteral("--token-endpoint"), server.url(QStringLiteral("/token")).toString()};
        QCOMPARE(run(QStringList {QStringLiteral("accounts"), QStringLiteral("add"),
                                  QStringLiteral("--provider"), QStringLiteral("gce"),
                                  QStringLiteral("--name"), QStringLiteral("gleak"),
                                  QStringLiteral("--key-file"),
                                  testDataPath(QStringLiteral("gce/service_account_key.json"))}
                     + endpoints),
                 0);
        QCOMPARE(
            run(QStringList {
                    QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"),
                    QStringLiteral("gce"), QStringLiteral("--name"), QStringLiteral("gadc"),
                    QStringLiteral("--adc-file"),
                    testDataPath(QStringLiteral("gce/application_default_credentials.json"))}
                + endpoints),
            0);
        QCOMPARE(
            run({QStringLiteral("accounts"), QStringLiteral("list"), QStringLiteral("--json")}), 0);
        QCOMPARE(
            run({QStringLiteral("machines"), QStringLiteral("list"), QStringLiteral("--json")}), 0);
        QCOMPARE(run({QStringLiteral("machines"), QStringLiteral("reboot"), QStringLiteral("web-1"),
                      QStringLiteral("--account"), QStringLiteral("gleak")}),
                 0);
        QCOMPARE(
            run({QStringLiteral("accounts"), QStringLiteral("verify"), QStringLiteral("gadc")}), 0);
        QCOMPARE(
            run({QStringLiteral("machines"), QStringLiteral("list"), QStringLiteral("--offline")}),
            0);

        // The key really signed an assertion and the refresh token was sent...
        bool assertion = false;
        bool refresh = false;
        for (const RecordedRequest &request : server.requests("POST", QStringLiteral("/token"))) {
            assertion = assertion || request.body.contains("assertion=");
            refresh = refresh || request.body.contains("grant_type=refresh_token");
        }
        QVERIFY(assertion && refresh);
        QVERIFY(run.printed.contains("clouddeck.net"));

        // ...and no line of the private key, nor the refresh token, is anywhere else.
        QList<QByteArray> secrets;
        for (const QByteArray &line :
             readFixture(QStringLiteral("gce/test-key-DO-NOT-USE.pem")).split('\n')) {
            if (line.size() > 40 && !line.startsWith("-----"))
                secrets.append(line);
        }
        QVERIFY(secrets.size() > 20);
        secrets.append("1//0test-refresh-token-DO-NOT-USE");
        secrets.append("d-FL95Q19q7MQmFpd7hHD0Ty-TEST"); // the ADC client secret
        for (const QByteArray &secret : std::as_const(secrets))
            QVERIFY2(!run.printed.contains(secret), "a secret was printed");
        noFileHolds(secrets);
    }
};

QTEST_GUILESS_MAIN(TestSecretLeak)
#include "tst_secretleak.moc"
