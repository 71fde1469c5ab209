// The OpenStack plugin as the app gets it: found by ProviderRegistry on CLOUDDECK_PLUGIN_PATH,
// described by its JSON metadata before it is loaded, then signing in and listing servers.
#include "fakecloudserver.h"
#include "provider.h"
#include "providerregistry.h"
#include "testhelpers.h"

#include <QTest>

class TestOpenStackPlugin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void foundWithItsMetadata()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("CLOUDDECK_PLUGIN_PATH"), "run through ctest");
        ProviderRegistry registry;
        QVERIFY2(registry.contains(QStringLiteral("openstack")),
                 qPrintable(registry.searchPath().join(QLatin1Char(':'))));
        const ProviderMetadata metadata = registry.metadata(QStringLiteral("openstack"));
        QCOMPARE(metadata.name, QStringLiteral("OpenStack"));
        QCOMPARE(metadata.mark, QStringLiteral("OS"));
        QVERIFY(metadata.defaultEndpoint.isEmpty()); // every cloud has its own Keystone
        QCOMPARE(metadata.tokenUrl.host(), QStringLiteral("docs.openstack.org"));
        for (const char *capability :
             {"start", "shutdown", "reboot", "destroy", "create", "regions", "sizes", "images", "keys"})
            QVERIFY2(metadata.can(QLatin1String(capability)), capability);
        QVERIFY(!metadata.can(QStringLiteral("poweroff"))); // Nova has one stop: os-stop
        QStringList secrets;
        for (const auto &field : metadata.secretFields())
            secrets.append(field.id);
        QCOMPARE(secrets, QStringList({QStringLiteral("applicationCredentialSecret"),
                                       QStringLiteral("password")}));
        QStringList settings;
        for (const auto &field : metadata.settingFields()) {
            settings.append(field.id);
            QVERIFY(!field.required); // either kind of credential will do
        }
        for (const char *id : {"applicationCredentialId", "username", "userDomainName", "projectName",
                               "projectId", "projectDomainName", "interface", "serviceHosts"})
            QVERIFY2(settings.contains(QLatin1String(id)), id);
    }

    void listsServersThroughThePlugin()
    {
        FakeCloudServer server;
        QVERIFY(server.listen());
        const auto fixture = [&server](const QString &name) {
            return readFixture(QStringLiteral("openstack/%1.json").arg(name))
                .replace("http://openstack.example.com", server.url().toEncoded());
        };
        server.on("POST", QStringLiteral("/identity/v3/auth/tokens"),
                  FakeResponse::raw(201, fixture(QStringLiteral("token_application_credential")))
                      .withHeader("X-Subject-Token", "gAAAAAB-plugin"));
        for (const QString &prefix : {QStringLiteral("/compute/v2.1"), QStringLiteral("/r2/compute/v2.1")})
            server.on("GET", prefix, FakeResponse::raw(200, fixture(QStringLiteral("compute_version"))));
        server.on("GET", QStringLiteral("/compute/v2.1/servers/detail"),
                  FakeResponse::raw(200, fixture(QStringLiteral("servers_detail_regionone_page2"))));
        server.on("GET", QStringLiteral("/r2/compute/v2.1/servers/detail"),
                  FakeResponse::raw(200, fixture(QStringLiteral("servers_detail_regiontwo"))));

        ProviderRegistry registry;
        Account account;
        account.id = Account::newId();
        account.providerId = QStringLiteral("openstack");
        account.name = QStringLiteral("Plugin test");
        account.endpoint = server.url(QStringLiteral("/identity/v3"));
        account.settings.insert(QStringLiteral("applicationCredentialId"), QStringLiteral("ac-id"));
        QString error;
        std::unique_ptr<Provider> provider(registry.create(
            account, {{QStringLiteral("applicationCredentialSecret"), QStringLiteral("ac-secret")}},
            nullptr, &error));
        QVERIFY2(provider, qPrintable(error));
        QCOMPARE(provider->metadata().id, QStringLiteral("openstack"));

        std::optional<Result<QList<Machine>>> result;
        provider->listMachines([&result](Result<QList<Machine>> machines) { result = machines; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
        QVERIFY2(result->ok(), qPrintable(result->error().message()));
        QCOMPARE(result->value().size(), 2);
        for (const RecordedRequest &request : server.requests()) {
            if (request.method == "GET")
                QCOMPARE(request.header("X-Auth-Token"), QByteArray("gAAAAAB-plugin"));
        }
    }
};

QTEST_GUILESS_MAIN(TestOpenStackPlugin)
#include "tst_openstackplugin.moc"
