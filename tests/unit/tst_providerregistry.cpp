// ProviderRegistry finds provider plugins at run time: from the build tree's plugin folder (the
// same relative place as an install's), and first from CLOUDDECK_PLUGIN_PATH.
#include "account.h"
#include "machineaction.h"
#include "provider.h"
#include "providerregistry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
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

    // Azure's shutdown deallocates and its power off keeps billing: the plugin says so in its own
    // words; a cloud without an "actions" block keeps the generic, translated ones.
    void actionWordsComeFromThePlugin()
    {
        ProviderRegistry registry;
        const ProviderMetadata generic = registry.metadata(QStringLiteral("digitalocean"));
        QVERIFY(generic.actions.isEmpty());
        QCOMPARE(generic.actionLabel(QStringLiteral("shutdown")),
                 MachineAction::text(MachineAction::Shutdown));
        QCOMPARE(generic.actionLabel(QStringLiteral("poweroff")),
                 MachineAction::text(MachineAction::PowerOff));
        QCOMPARE(generic.actionProgress(QStringLiteral("reboot")),
                 MachineAction::text(MachineAction::Reboot));
        QCOMPARE(generic.actionDescription(QStringLiteral("poweroff")),
                 ProviderMetadata::genericActionDescription(QStringLiteral("poweroff")));
        QVERIFY(generic.actionDescription(QStringLiteral("poweroff")).contains(u"pulling the plug"));
        QVERIFY(generic.actionWording(QStringLiteral("shutdown")) == nullptr);

        if (!registry.contains(QStringLiteral("azure")))
            QSKIP("azure is not built in this tree");
        const ProviderMetadata azure = registry.metadata(QStringLiteral("azure"));
        QCOMPARE(azure.actionLabel(QStringLiteral("shutdown")), QStringLiteral("Stop (deallocate)"));
        QCOMPARE(azure.actionProgress(QStringLiteral("shutdown")),
                 QStringLiteral("Stopping (deallocating)"));
        QVERIFY(azure.actionDescription(QStringLiteral("shutdown")).contains(u"no longer billed"));
        QVERIFY(azure.actionDescription(QStringLiteral("shutdown")).contains(u"public IP"));
        QCOMPARE(azure.actionLabel(QStringLiteral("poweroff")),
                 QStringLiteral("Power off (stay allocated)"));
        QVERIFY(azure.actionDescription(QStringLiteral("poweroff")).contains(u"still bills"));
        // Only the actions it names: start keeps the generic word.
        QCOMPARE(azure.actionLabel(QStringLiteral("start")),
                 MachineAction::text(MachineAction::Start));
        QVERIFY(ProviderMetadata::fromJson(azure.toJson()).actions == azure.actions);

        if (!registry.contains(QStringLiteral("gce")))
            QSKIP("gce is not built in this tree");
        const ProviderMetadata gce = registry.metadata(QStringLiteral("gce"));
        QCOMPARE(gce.actionLabel(QStringLiteral("shutdown")), QStringLiteral("Stop"));
        QVERIFY(gce.actionDescription(QStringLiteral("shutdown")).contains(u"ACPI"));
        QVERIFY(gce.actionDescription(QStringLiteral("shutdown")).contains(u"persistent disks"));
    }

    // A malformed "actions" block is not worth refusing a plugin for (the generic words are
    // still right): the bad entries are dropped with a warning naming the plugin, the good kept.
    void malformedActionWordsAreIgnoredWithAWarning()
    {
        const auto parse = [](const char *json) {
            return ProviderMetadata::fromJson(QJsonDocument::fromJson(json).object());
        };
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("nimbus.*not an object")));
        QVERIFY(parse(R"({"id": "nimbus", "actions": ["shutdown"]})").actions.isEmpty());

        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("nimbus.*malformed.*hibernate")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("nimbus.*malformed.*reboot")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("nimbus.*malformed.*start")));
        const ProviderMetadata metadata = parse(R"({"id": "nimbus", "actions": {
            "hibernate": {"label": "Hibernate"},
            "reboot": {"label": 3},
            "start": "Boot",
            "shutdown": {"label": "Halt", "description": "Stops it."}}})");
        QCOMPARE(metadata.actions.size(), 1);
        QCOMPARE(metadata.actionLabel(QStringLiteral("shutdown")), QStringLiteral("Halt"));
        QCOMPARE(metadata.actionDescription(QStringLiteral("shutdown")), QStringLiteral("Stops it."));
        // No progress words: the CLI says the label.
        QCOMPARE(metadata.actionProgress(QStringLiteral("shutdown")), QStringLiteral("Halt"));
        QCOMPARE(metadata.actionLabel(QStringLiteral("reboot")),
                 MachineAction::text(MachineAction::Reboot));
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
