// The DigitalOcean plugin as the app gets it: found by ProviderRegistry on CLOUDDECK_PLUGIN_PATH,
// described by its JSON metadata before it is loaded, then listing droplets from a fake API.
#include "fakecloudserver.h"
#include "provider.h"
#include "providerregistry.h"
#include "testhelpers.h"

#include <QTest>

class TestDigitalOceanPlugin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void foundWithItsMetadata();
    void listsDropletsThroughThePlugin();
};

void TestDigitalOceanPlugin::foundWithItsMetadata()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("CLOUDDECK_PLUGIN_PATH"), "run through ctest");
    ProviderRegistry registry;
    QVERIFY2(registry.contains(QStringLiteral("digitalocean")),
             qPrintable(registry.searchPath().join(QLatin1Char(':'))));
    const ProviderMetadata metadata = registry.metadata(QStringLiteral("digitalocean"));
    QCOMPARE(metadata.name, QStringLiteral("DigitalOcean"));
    QCOMPARE(metadata.defaultEndpoint, QUrl(QStringLiteral("https://api.digitalocean.com")));
    QCOMPARE(metadata.tokenUrl.host(), QStringLiteral("cloud.digitalocean.com"));
    for (const char *capability : {"start", "shutdown", "poweroff", "reboot", "destroy", "create",
                                   "regions", "sizes", "images", "keys"})
        QVERIFY2(metadata.can(QLatin1String(capability)), capability);
    QCOMPARE(metadata.secretFields().size(), 1);
    QCOMPARE(metadata.secretFields().first().id, QStringLiteral("token"));
    QVERIFY(metadata.settingFields().isEmpty());
    QVERIFY(!metadata.demo);
}

void TestDigitalOceanPlugin::listsDropletsThroughThePlugin()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v2/droplets"), [](const RecordedRequest &request) {
        const QString page = request.query.queryItemValue(QStringLiteral("page"));
        return FakeResponse::file(QStringLiteral("digitalocean/droplets_page%1.json").arg(page));
    });

    ProviderRegistry registry;
    Account account;
    account.id = Account::newId();
    account.providerId = QStringLiteral("digitalocean");
    account.name = QStringLiteral("Plugin test");
    account.endpoint = server.url();
    QString error;
    std::unique_ptr<Provider> provider(registry.create(
        account, {{QStringLiteral("token"), QStringLiteral("dop_v1_plugin")}}, nullptr, &error));
    QVERIFY2(provider, qPrintable(error));
    QCOMPARE(provider->metadata().id, QStringLiteral("digitalocean"));

    std::optional<Result<QList<Machine>>> result;
    provider->listMachines([&result](Result<QList<Machine>> machines) { result = machines; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
    QVERIFY2(result->ok(), qPrintable(result->error().message()));
    QCOMPARE(result->value().size(), 5);
    QCOMPARE(result->value().first().name, QStringLiteral("example.com"));
    QCOMPARE(server.requestCount(), 3);
    for (const RecordedRequest &request : server.requests())
        QCOMPARE(request.header("Authorization"), QByteArray("Bearer dop_v1_plugin"));
}

QTEST_GUILESS_MAIN(TestDigitalOceanPlugin)
#include "tst_digitaloceanplugin.moc"
