// ProviderRegistry finds provider plugins at run time: from the build tree's plugin folder (the
// same relative place as an install's), and first from CLOUDDECK_PLUGIN_PATH.
#include "account.h"
#include "provider.h"
#include "providerregistry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestProviderRegistry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findsPluginsInTheBuildTree()
    {
        // Prove the default search path, not the variable ctest sets.
        qunsetenv("CLOUDDECK_PLUGIN_PATH");
        ProviderRegistry registry;
        QVERIFY2(registry.contains(QStringLiteral("digitalocean")),
                 qPrintable(registry.searchPath().join(QLatin1Char(' '))));
        QCOMPARE(QFileInfo(registry.fileName(QStringLiteral("digitalocean"))).absolutePath(),
                 QDir(QStringLiteral(PLUGIN_DIR)).absolutePath());

        const ProviderMetadata metadata = registry.metadata(QStringLiteral("digitalocean"));
        QCOMPARE(metadata.name, QStringLiteral("DigitalOcean"));
        QCOMPARE(metadata.mark, QStringLiteral("DO"));
        QCOMPARE(metadata.defaultEndpoint, QUrl(QStringLiteral("https://api.digitalocean.com")));
        QVERIFY(metadata.tokenUrl.isValid());
        for (const QString &capability :
             {QStringLiteral("start"), QStringLiteral("shutdown"), QStringLiteral("poweroff"),
              QStringLiteral("reboot"), QStringLiteral("destroy"), QStringLiteral("create")}) {
            QVERIFY2(metadata.can(capability), qPrintable(capability));
        }
        QCOMPARE(metadata.credentialFields.size(), 1);
        QCOMPARE(metadata.credentialFields.first().id, QStringLiteral("token"));
        QVERIFY(metadata.credentialFields.first().secret);
        QVERIFY(metadata.settingFields().isEmpty());
    }

    void everyProviderDescribesItself()
    {
        ProviderRegistry registry;
        const QStringList expected = {QStringLiteral("aws"),          QStringLiteral("demo"),
                                      QStringLiteral("digitalocean"), QStringLiteral("hetzner"),
                                      QStringLiteral("linode"),       QStringLiteral("vultr")};
        for (const QString &id : expected) {
            if (!registry.contains(id))
                QSKIP(qPrintable(id + QStringLiteral(" is not built in this tree")));
            const ProviderMetadata metadata = registry.metadata(id);
            QVERIFY2(!metadata.name.isEmpty() && !metadata.mark.isEmpty(), qPrintable(id));
            QVERIFY2(metadata.can(QStringLiteral("start")) || metadata.demo, qPrintable(id));
            QVERIFY2(metadata.demo || !metadata.secretFields().isEmpty(), qPrintable(id));
            QVERIFY2(metadata.demo || metadata.defaultEndpoint.scheme() == QLatin1String("https"),
                     qPrintable(id));
        }
    }

    void pluginPathComesFirstAndJunkIsIgnored()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // A copy of the DigitalOcean plugin, a library that is not a plugin, and a text file.
        QVERIFY(QFile::copy(QStringLiteral(PLUGIN_DIR "/digitalocean.so"),
                            dir.filePath(QStringLiteral("digitalocean.so"))));
        const QString core = QDir(QStringLiteral(PLUGIN_DIR "/../..")).absolutePath()
                             + QStringLiteral("/libclouddeck-core.so");
        QVERIFY(QFile::copy(core, dir.filePath(QStringLiteral("libnotaplugin.so"))));
        QFile junk(dir.filePath(QStringLiteral("broken.so")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not an ELF file");
        junk.close();

        qputenv("CLOUDDECK_PLUGIN_PATH", QFile::encodeName(dir.path()));
        ProviderRegistry registry;
        QCOMPARE(registry.searchPath().first(), QDir::cleanPath(dir.path()));
        QCOMPARE(registry.fileName(QStringLiteral("digitalocean")),
                 dir.filePath(QStringLiteral("digitalocean.so")));
        QVERIFY(!registry.providerIds().contains(QString()));
        qunsetenv("CLOUDDECK_PLUGIN_PATH");
    }

    void createsProvidersAndExplainsWhatIsMissing()
    {
        ProviderRegistry registry;
        Account account;
        account.id = Account::newId();
        account.providerId = QStringLiteral("digitalocean");
        account.name = QStringLiteral("work");
        QString error;
        std::unique_ptr<Provider> provider(registry.create(
            account, {{QStringLiteral("token"), QStringLiteral("t")}}, nullptr, &error));
        QVERIFY2(provider, qPrintable(error));
        QCOMPARE(provider->metadata().id, QStringLiteral("digitalocean"));
        QCOMPARE(provider->baseUrl(), QUrl(QStringLiteral("https://api.digitalocean.com")));
        account.endpoint = QUrl(QStringLiteral("http://127.0.0.1:9/v2/"));
        provider.reset(registry.create(account, {}, nullptr, &error));
        QCOMPARE(provider->url(QStringLiteral("/droplets")),
                 QUrl(QStringLiteral("http://127.0.0.1:9/v2/droplets")));

        account.providerId = QStringLiteral("nimbus");
        QVERIFY(!registry.create(account, {}, nullptr, &error));
        QVERIFY2(error.contains(QLatin1String("nimbus")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestProviderRegistry)
#include "tst_providerregistry.moc"
