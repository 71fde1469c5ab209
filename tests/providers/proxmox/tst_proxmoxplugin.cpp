// The Proxmox VE plugin as the app gets it: found by ProviderRegistry in the plugin folder, its
// metadata (the token id a setting, the secret a keychain field) read without loading it, and a
// provider made from it that talks to the fake cluster. Links only core: nothing of the plugin
// is compiled into this test.
#include "fakeproxmox.h"
#include "provider.h"
#include "providerregistry.h"
#include "providertesting.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ProviderTesting;

class TestProxmoxPlugin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registryFindsThePlugin();
    void providerFromThePluginWorks();
};

void TestProxmoxPlugin::registryFindsThePlugin()
{
    ProviderRegistry registry;
    QVERIFY2(registry.contains(u"proxmox"_s), qPrintable(registry.searchPath().join(u':')));
    const ProviderMetadata metadata = registry.metadata(u"proxmox"_s);
    QCOMPARE(metadata.name, u"Proxmox VE"_s);
    QCOMPARE(metadata.mark, u"PVE"_s);
    QCOMPARE(metadata.defaultEndpoint.port(), 8006);
    QCOMPARE(metadata.defaultEndpoint.path(), u"/api2/json"_s);
    QVERIFY(metadata.tokenUrl.isValid());
    QCOMPARE(
        metadata.capabilities,
        QStringList({u"start"_s, u"shutdown"_s, u"poweroff"_s, u"reboot"_s, u"destroy"_s,
                     u"destroy-stopped"_s, u"create"_s, u"regions"_s, u"sizes"_s, u"images"_s,
                     u"metrics"_s}));
    QCOMPARE(metadata.credentialFields.size(), 2);
    QCOMPARE(metadata.settingFields().size(), 1);
    QCOMPARE(metadata.settingFields().first().id, u"tokenId"_s);
    QCOMPARE(ProviderMetadata::optionName(u"tokenId"_s), u"token-id"_s);
    QCOMPARE(metadata.secretFields().size(), 1);
    QCOMPARE(metadata.secretFields().first().id, u"secret"_s);
    QVERIFY(!metadata.demo);
}

void TestProxmoxPlugin::providerFromThePluginWorks()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    FakeProxmox cluster(server, "PVEAPIToken=plugin@pve!test=5e0b9a8c-1d2f-4e3a-8b7c-6d5e4f3a2b1c");
    ProviderRegistry registry;
    Account account;
    account.id = Account::newId();
    account.providerId = u"proxmox"_s;
    account.name = u"plugin test"_s;
    account.endpoint = server.url(u"/api2/json"_s);
    account.settings.insert(u"tokenId"_s, u"plugin@pve!test"_s);
    QString error;
    std::unique_ptr<Provider> proxmox(registry.create(
        account, {{u"secret"_s, u"5e0b9a8c-1d2f-4e3a-8b7c-6d5e4f3a2b1c"_s}}, nullptr, &error));
    QVERIFY2(proxmox, qPrintable(error));
    QCOMPARE(proxmox->metadata().id, u"proxmox"_s);

    const auto verified = verify(*proxmox);
    QVERIFY2(verified->ok(), verified->describe());
    QCOMPARE(verified->result->value(), u"plugin@pve!test on Proxmox VE 9.1.1"_s);
    const auto listed = listMachines(*proxmox);
    QVERIFY2(listed->ok(), listed->describe());
    QCOMPARE(listed->result->value().size(), 9);
    // Accepted, then followed to the task's end, as Inventory runs an action.
    const auto action = AsyncResult::run<void>([&](Callback<void> done) {
        runAndFollow(*proxmox, u"lxc/201"_s, MachineAction::Start, std::move(done));
    });
    QVERIFY2(action->ok(), action->describe());
    QCOMPARE(cluster.resource(u"lxc/201"_s).value(u"status"_s).toString(), u"running"_s);
    QVERIFY2(cluster.violations().isEmpty(), qPrintable(cluster.violations().join(u'\n')));
}

QTEST_GUILESS_MAIN(TestProxmoxPlugin)
#include "tst_proxmoxplugin.moc"
