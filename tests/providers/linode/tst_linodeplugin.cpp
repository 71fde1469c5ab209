// The Linode plugin as the app gets it: found by ProviderRegistry in the plugin folder, its
// metadata read without loading it, and a provider made from it that talks to a fake Linode API.
// Links only core: nothing of the plugin is compiled into this test.
#include "fakecloudserver.h"
#include "provider.h"
#include "providerregistry.h"
#include "providertesting.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ProviderTesting;

class TestLinodePlugin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registryFindsThePlugin();
    void providerFromThePluginWorks();
};

void TestLinodePlugin::registryFindsThePlugin()
{
    ProviderRegistry registry;
    QVERIFY2(registry.contains(QStringLiteral("linode")),
             qPrintable(registry.searchPath().join(u':')));
    const ProviderMetadata metadata = registry.metadata(QStringLiteral("linode"));
    QCOMPARE(metadata.name, QStringLiteral("Linode"));
    QCOMPARE(metadata.defaultEndpoint, QUrl(QStringLiteral("https://api.linode.com/v4")));
    QVERIFY(metadata.tokenUrl.isValid());
    QCOMPARE(metadata.capabilities,
             QStringList({u"start"_s, u"shutdown"_s, u"reboot"_s, u"destroy"_s, u"create"_s,
                          u"regions"_s, u"sizes"_s, u"images"_s, u"keys"_s, u"keyText"_s,
                          u"metrics"_s, u"rename"_s, u"tags"_s}));
    QCOMPARE(metadata.credentialFields.size(), 1);
    QCOMPARE(metadata.credentialFields.first().id, QStringLiteral("token"));
    QVERIFY(metadata.credentialFields.first().secret);
    QVERIFY(!metadata.demo);
}

void TestLinodePlugin::providerFromThePluginWorks()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v4/profile"),
              FakeResponse::file(QStringLiteral("linode/profile.json")));
    server.on("GET", QStringLiteral("/v4/linode/instances"), [](const RecordedRequest &request) {
        return FakeResponse::file(QStringLiteral("linode/instances-page%1.json")
                                      .arg(request.query.queryItemValue(QStringLiteral("page"))));
    });
    server.on("GET", QStringLiteral("/v4/linode/types"),
              FakeResponse::file(QStringLiteral("linode/types.json")));
    server.on("POST", QStringLiteral("/v4/linode/instances/*/shutdown"),
              FakeResponse::json(QJsonObject()));

    ProviderRegistry registry;
    Account account;
    account.id = Account::newId();
    account.providerId = QStringLiteral("linode");
    account.name = QStringLiteral("plugin test");
    account.endpoint = server.url(QStringLiteral("/v4"));
    QString error;
    std::unique_ptr<Provider> linode(registry.create(
        account, {{QStringLiteral("token"), QStringLiteral("plugin-token")}}, nullptr, &error));
    QVERIFY2(linode, qPrintable(error));
    QCOMPARE(linode->metadata().id, QStringLiteral("linode"));

    const auto verified = verify(*linode);
    QVERIFY2(verified->ok(), verified->describe());
    QCOMPARE(verified->result->value(), QStringLiteral("exampleUser (example-user@gmail.com)"));
    QCOMPARE(server.lastRequest().header("Authorization"), QByteArray("Bearer plugin-token"));

    const auto listed = listMachines(*linode);
    QVERIFY2(listed->ok(), listed->describe());
    QCOMPARE(listed->result->value().size(), 5);
    QCOMPARE(listed->result->value().first().pricePerMonth, std::optional<double>(24));

    const auto action = runAction(*linode, QStringLiteral("123"), MachineAction::Shutdown);
    QVERIFY2(action->ok(), action->describe());
    QCOMPARE(server.lastRequest().path, QStringLiteral("/v4/linode/instances/123/shutdown"));
}

QTEST_GUILESS_MAIN(TestLinodePlugin)
#include "tst_linodeplugin.moc"
