// The Vultr plugin as the app gets it: found by ProviderRegistry in the plugin folder, its
// metadata read without loading it, and a provider made from it that talks to a fake Vultr API.
// Links only core: nothing of the plugin is compiled into this test.
#include "fakecloudserver.h"
#include "provider.h"
#include "providerregistry.h"
#include "providertesting.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ProviderTesting;

class TestVultrPlugin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registryFindsThePlugin();
    void providerFromThePluginWorks();
};

void TestVultrPlugin::registryFindsThePlugin()
{
    ProviderRegistry registry;
    QVERIFY2(registry.contains(QStringLiteral("vultr")),
             qPrintable(registry.searchPath().join(u':')));
    const ProviderMetadata metadata = registry.metadata(QStringLiteral("vultr"));
    QCOMPARE(metadata.name, QStringLiteral("Vultr"));
    QCOMPARE(metadata.defaultEndpoint, QUrl(QStringLiteral("https://api.vultr.com/v2")));
    QVERIFY(metadata.tokenUrl.isValid());
    QCOMPARE(metadata.capabilities,
             QStringList({u"start"_s, u"poweroff"_s, u"reboot"_s, u"destroy"_s, u"create"_s,
                          u"regions"_s, u"sizes"_s, u"images"_s, u"keys"_s, u"metrics"_s,
                          u"rename"_s, u"tags"_s}));
    QCOMPARE(metadata.credentialFields.size(), 1);
    QCOMPARE(metadata.credentialFields.first().id, QStringLiteral("token"));
    QVERIFY(metadata.credentialFields.first().secret);
    QVERIFY(!metadata.demo);
}

void TestVultrPlugin::providerFromThePluginWorks()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v2/account"),
              FakeResponse::file(QStringLiteral("vultr/account.json")));
    server.on("GET", QStringLiteral("/v2/instances"), [](const RecordedRequest &request) {
        const QString cursor =
            request.query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
        const int page = cursor.isEmpty() ? 1 : cursor == QLatin1String("bmV4dF9fMg+/x==") ? 2 : 3;
        return FakeResponse::file(QStringLiteral("vultr/instances-page%1.json").arg(page));
    });
    server.on("GET", QStringLiteral("/v2/plans"),
              FakeResponse::file(QStringLiteral("vultr/plans.json")));
    server.on("POST", QStringLiteral("/v2/instances/*/halt"), FakeResponse::raw(204, {}, {}));

    ProviderRegistry registry;
    Account account;
    account.id = Account::newId();
    account.providerId = QStringLiteral("vultr");
    account.name = QStringLiteral("plugin test");
    account.endpoint = server.url(QStringLiteral("/v2"));
    QString error;
    std::unique_ptr<Provider> vultr(registry.create(
        account, {{QStringLiteral("token"), QStringLiteral("plugin-key")}}, nullptr, &error));
    QVERIFY2(vultr, qPrintable(error));
    QCOMPARE(vultr->metadata().id, QStringLiteral("vultr"));

    const auto verified = verify(*vultr);
    QVERIFY2(verified->ok(), verified->describe());
    QCOMPARE(verified->result->value(), QStringLiteral("Example Account (admin@example.com)"));
    QCOMPARE(server.lastRequest().header("Authorization"), QByteArray("Bearer plugin-key"));

    const auto listed = listMachines(*vultr);
    QVERIFY2(listed->ok(), listed->describe());
    QCOMPARE(listed->result->value().size(), 5);
    QCOMPARE(listed->result->value().first().pricePerMonth, std::optional<double>(80));

    const auto action = runAction(*vultr, QStringLiteral("cb676a46-66fd-4dfb-b839-443f2e6c0b60"),
                                  MachineAction::PowerOff);
    QVERIFY2(action->ok(), action->describe());
    QCOMPARE(server.lastRequest().path,
             QStringLiteral("/v2/instances/cb676a46-66fd-4dfb-b839-443f2e6c0b60/halt"));
}

QTEST_GUILESS_MAIN(TestVultrPlugin)
#include "tst_vultrplugin.moc"
