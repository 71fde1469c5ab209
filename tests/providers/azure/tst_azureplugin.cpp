// The Azure plugin as the app gets it: found by ProviderRegistry in the plugin folder, its
// metadata read without loading it, and a provider made from it that signs in and lists against a
// fake Azure. Links only core: nothing of the plugin is compiled into this test.
#include "fakeazure.h"
#include "providerregistry.h"
#include "providertesting.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace AzureTesting;

class TestAzurePlugin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registryFindsThePlugin()
    {
        ProviderRegistry registry;
        QVERIFY2(registry.contains(u"azure"_s), qPrintable(registry.searchPath().join(u':')));
        const ProviderMetadata metadata = registry.metadata(u"azure"_s);
        QCOMPARE(metadata.name, u"Microsoft Azure"_s);
        QCOMPARE(metadata.mark, u"Az"_s);
        QCOMPARE(metadata.defaultEndpoint, QUrl(u"https://management.azure.com"_s));
        QCOMPARE(metadata.capabilities,
                 QStringList({u"start"_s, u"shutdown"_s, u"poweroff"_s, u"reboot"_s, u"destroy"_s,
                              u"create"_s, u"regions"_s, u"sizes"_s, u"images"_s, u"keys"_s,
                              u"keyText"_s, u"metrics"_s}));
        QCOMPARE(metadata.secretFields().size(), 1);
        QCOMPARE(metadata.secretFields().first().id, u"clientSecret"_s);
        QVERIFY(!metadata.demo);
        // Stop (deallocate) and Power off differ in what Azure bills, so the plugin names both.
        QCOMPARE(metadata.actionLabel(u"shutdown"_s), u"Stop (deallocate)"_s);
        QVERIFY(metadata.actionDescription(u"shutdown"_s).contains(u"no longer billed for compute"));
        QCOMPARE(metadata.actionLabel(u"poweroff"_s), u"Power off (stay allocated)"_s);
        QVERIFY(metadata.actionDescription(u"poweroff"_s).contains(u"still bills it for compute"));
        QCOMPARE(metadata.actions.size(), 2);
    }

    void providerFromThePluginWorks()
    {
        FakeCloudServer server;
        QVERIFY(server.listen());
        FakeAzure azure(server);
        azure.serveListing();

        ProviderRegistry registry;
        Account account;
        account.id = Account::newId();
        account.providerId = u"azure"_s;
        account.name = u"plugin test"_s;
        account.endpoint = server.url();
        account.settings = {{u"tenantId"_s, tenant},
                            {u"clientId"_s, clientId},
                            {u"authority"_s, server.url(u"/login"_s).toString()},
                            {u"pricesEndpoint"_s, server.url(u"/prices"_s).toString()}};
        QString error;
        std::unique_ptr<Provider> provider(
            registry.create(account, {{u"clientSecret"_s, clientSecret}}, nullptr, &error));
        QVERIFY2(provider, qPrintable(error));
        QCOMPARE(provider->metadata().id, u"azure"_s);

        const auto verified = ProviderTesting::verify(*provider);
        QVERIFY2(verified->ok(), verified->describe());
        const auto listed = ProviderTesting::listMachines(*provider);
        QVERIFY2(listed->ok(), listed->describe());
        QCOMPARE(listed->result->value().size(), 4);
        QVERIFY2(azure.violations().isEmpty(), qPrintable(azure.violations().join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestAzurePlugin)
#include "tst_azureplugin.moc"
