// The AWS plugin as the application meets it: found by ProviderRegistry in the build's plugin
// folder, its metadata read without loading it, then a provider created through it talking to
// the fake EC2 endpoint (which verifies every signature).
#include "fakeec2.h"
#include "provider.h"
#include "providerregistry.h"

#include <QTest>

class TestAwsPlugin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsThePlugin();
    void describesItsCredentials();
    void createsAWorkingProvider();
};

void TestAwsPlugin::findsThePlugin()
{
    ProviderRegistry registry;
    QVERIFY2(registry.contains(QStringLiteral("aws")),
             qPrintable(registry.searchPath().join(QLatin1Char(':'))));
    QVERIFY(registry.fileName(QStringLiteral("aws")).contains(QLatin1String("aws")));
    const ProviderMetadata metadata = registry.metadata(QStringLiteral("aws"));
    QCOMPARE(metadata.id, QStringLiteral("aws"));
    QVERIFY(metadata.name.contains(QLatin1String("EC2")));
    for (const char *capability : {"start", "shutdown", "poweroff", "reboot", "destroy", "create",
                                   "regions", "sizes", "images", "keys", "metrics"})
        QVERIFY2(metadata.can(QString::fromLatin1(capability)), capability);
    // The embedded metadata is the JSON the tests read.
    QCOMPARE(metadata.toJson(), FakeEc2::metadata().toJson());
}

void TestAwsPlugin::describesItsCredentials()
{
    ProviderRegistry registry;
    const ProviderMetadata metadata = registry.metadata(QStringLiteral("aws"));
    QCOMPARE(metadata.credentialFields.size(), 3);
    const ProviderMetadata::Field keyId = metadata.credentialFields.at(0);
    QCOMPARE(keyId.id, QStringLiteral("accessKeyId"));
    QCOMPARE(keyId.label, QStringLiteral("Access key ID"));
    QVERIFY(!keyId.secret);
    QVERIFY(keyId.required);
    QCOMPARE(ProviderMetadata::optionName(keyId.id), QStringLiteral("access-key-id"));
    const ProviderMetadata::Field secret = metadata.credentialFields.at(1);
    QCOMPARE(secret.id, QStringLiteral("secretAccessKey"));
    QVERIFY(secret.secret && secret.required);
    const ProviderMetadata::Field token = metadata.credentialFields.at(2);
    QCOMPARE(token.id, QStringLiteral("sessionToken"));
    QVERIFY(token.secret && !token.required);
    QCOMPARE(metadata.settingFields().size(), 1);
    QCOMPARE(metadata.secretFields().size(), 2);
}

void TestAwsPlugin::createsAWorkingProvider()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    FakeEc2 fake(server);
    fake.serveFixtures();
    ProviderRegistry registry;
    QString error;
    std::unique_ptr<Provider> provider(registry.create(
        fake.account(),
        {{QStringLiteral("secretAccessKey"), QString::fromLatin1(FakeEc2::secretAccessKey)}},
        nullptr, &error));
    QVERIFY2(provider, qPrintable(error));
    QCOMPARE(provider->metadata().id, QStringLiteral("aws"));
    const auto who = AsyncResult::await<QString>([&](auto done) { provider->verify(done); });
    QVERIFY(who && who->ok());
    const auto machines =
        AsyncResult::await<QList<Machine>>([&](auto done) { provider->listMachines(done); });
    QVERIFY(machines && machines->ok());
    QCOMPARE(machines->value().size(), 8);
    QVERIFY2(fake.signatureFailures().isEmpty(),
             qPrintable(fake.signatureFailures().join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestAwsPlugin)
#include "tst_awsplugin.moc"
