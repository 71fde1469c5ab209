// The GCE plugin as the application meets it: found by ProviderRegistry in the build's plugin
// folder, its metadata (credential fields, the key files) read without loading it, then a
// provider created through it signing in at the fake token endpoint and listing machines.
#include "asyncresult.h"
#include "fakegce.h"
#include "provider.h"
#include "providerregistry.h"

#include <QTest>

class TestGcePlugin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsThePlugin()
    {
        ProviderRegistry registry;
        QVERIFY2(registry.contains(QStringLiteral("gce")),
                 qPrintable(registry.searchPath().join(QLatin1Char(':'))));
        const ProviderMetadata metadata = registry.metadata(QStringLiteral("gce"));
        QCOMPARE(metadata.name, QStringLiteral("Google Compute Engine"));
        QCOMPARE(metadata.mark, QStringLiteral("GC"));
        QCOMPARE(metadata.defaultEndpoint,
                 QUrl(QStringLiteral("https://compute.googleapis.com/compute/v1")));
        for (const char *capability : {"start", "shutdown", "reboot", "destroy", "create",
                                       "regions", "sizes", "images", "keys", "keyText", "metrics"})
            QVERIFY2(metadata.can(QString::fromLatin1(capability)), capability);
        QVERIFY(!metadata.can(QStringLiteral("poweroff")));
        QCOMPARE(metadata.toJson(), FakeGce::metadata().toJson());
    }

    void describesItsCredentials()
    {
        ProviderRegistry registry;
        const ProviderMetadata metadata = registry.metadata(QStringLiteral("gce"));
        // Only the project id is typed; the rest comes from a key file.
        QStringList shown;
        for (const auto &field : metadata.credentialFields) {
            if (!field.hidden)
                shown.append(field.id);
        }
        QCOMPARE(shown, QStringList {QStringLiteral("projectId")});
        QStringList secrets;
        for (const auto &field : metadata.secretFields())
            secrets.append(field.id);
        QCOMPARE(secrets,
                 (QStringList {QStringLiteral("privateKey"), QStringLiteral("clientSecret"),
                               QStringLiteral("refreshToken")}));
        QCOMPARE(metadata.credentialFiles.size(), 2);
        QCOMPARE(ProviderMetadata::optionName(metadata.credentialFiles.at(0).id),
                 QStringLiteral("key-file"));
        QCOMPARE(metadata.credentialFiles.at(0).type, QStringLiteral("service_account"));
        QCOMPARE(ProviderMetadata::optionName(metadata.credentialFiles.at(1).id),
                 QStringLiteral("adc-file"));
        QCOMPARE(metadata.credentialFiles.at(1).defaultPath,
                 QStringLiteral("~/.config/gcloud/application_default_credentials.json"));
    }

    void createsAWorkingProvider()
    {
        FakeCloudServer server;
        QVERIFY(server.listen());
        FakeGce fake(server);
        fake.serveFixtures();
        ProviderRegistry registry;
        QString error;
        std::unique_ptr<Provider> provider(
            registry.create(fake.account(), FakeGce::serviceAccountSecrets(), nullptr, &error));
        QVERIFY2(provider, qPrintable(error));
        QCOMPARE(provider->metadata().id, QStringLiteral("gce"));
        const auto who = AsyncResult::await<QString>([&](auto done) { provider->verify(done); });
        QVERIFY(who && who->ok());
        const auto machines =
            AsyncResult::await<QList<Machine>>([&](auto done) { provider->listMachines(done); });
        QVERIFY(machines && machines->ok());
        QCOMPARE(machines->value().size(), 9);
        QVERIFY2(fake.failures().isEmpty(), qPrintable(fake.failures().join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestGcePlugin)
#include "tst_gceplugin.moc"
