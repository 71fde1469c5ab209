// The Demo cloud provider, directly and through the plugin registry.

#include "asyncresult.h"
#include "demofleet.h"
#include "demoprovider.h"
#include "providerregistry.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

namespace {
ProviderMetadata metadata()
{
    QFile file(QStringLiteral(DEMO_METADATA));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return ProviderMetadata::fromJson(QJsonDocument::fromJson(file.readAll()).object());
}

Account account(const QString &id)
{
    Account account;
    account.id = id;
    account.providerId = QStringLiteral("demo");
    account.name = QStringLiteral("Demo cloud");
    return account;
}

// RFC 5737 / RFC 3849 documentation ranges and RFC 1918 private space: nothing real.
bool isDocumentationAddress(const QString &ip)
{
    const QHostAddress address(ip);
    for (const char *range :
         {"192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32", "10.0.0.0/8"}) {
        if (address.isInSubnet(QHostAddress::parseSubnet(QLatin1String(range))))
            return true;
    }
    return false;
}
} // namespace

class TestDemoProvider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setApplicationName(QStringLiteral("clouddeck"));
        qputenv("CLOUDDECK_DEMO_SPEED", "0");
        QVERIFY(metadata().isValid());
    }
    void cleanup() { qunsetenv("CLOUDDECK_DEMO_OUTAGE"); }

    void metadataSaysDemoAndNeedsNoSecret()
    {
        const ProviderMetadata meta = metadata();
        QCOMPARE(meta.id, QStringLiteral("demo"));
        QCOMPARE(meta.name, QStringLiteral("Demo cloud"));
        QVERIFY(meta.demo);
        QVERIFY(meta.secretFields().isEmpty());
        for (const char *capability : {"start", "shutdown", "poweroff", "reboot", "destroy",
                                       "create", "regions", "sizes", "images", "keys"})
            QVERIFY2(meta.can(QLatin1String(capability)), capability);
    }

    void listsARealisticFleet()
    {
        DemoProvider provider(metadata(), account(QStringLiteral("fleet")), nullptr);
        const auto listed =
            AsyncResult::run<QList<Machine>>([&](auto done) { provider.listMachines(done); });
        QVERIFY2(listed->ok(), listed->describe());
        QVERIFY(!listed->calledSynchronously);
        const QList<Machine> machines = listed->result->value();
        QCOMPARE(machines.size(), 12);
        QSet<QString> ids, regions;
        QMap<MachineState::State, int> states;
        for (const Machine &machine : machines) {
            QVERIFY(!machine.id.isEmpty() && !machine.name.isEmpty());
            QCOMPARE(machine.providerId, QStringLiteral("demo"));
            QVERIFY(machine.pricePerMonth.has_value() && *machine.pricePerMonth >= 6);
            QVERIFY(machine.pricePerHour.has_value());
            QVERIFY(machine.vcpus > 0 && machine.memoryMb > 0 && machine.diskGb > 0);
            QVERIFY(!machine.tags.isEmpty());
            QVERIFY(machine.createdAt.isValid());
            for (const QString &ip : machine.publicIps() + machine.privateIps())
                QVERIFY2(isDocumentationAddress(ip), qPrintable(ip));
            ids.insert(machine.id);
            regions.insert(machine.region);
            ++states[machine.state];
        }
        QCOMPARE(ids.size(), 12);
        QVERIFY(regions.size() >= 5);
        QVERIFY(states.value(MachineState::Running) >= 6);
        QVERIFY(states.value(MachineState::Stopped) >= 1);
        QVERIFY(states.value(MachineState::Error) >= 1);
    }

    void actionShowsTransitionThenSettles()
    {
        qputenv("CLOUDDECK_DEMO_SPEED", "0.05"); // a 5 s reboot takes 250 ms
        DemoProvider provider(metadata(), account(QStringLiteral("actions")), nullptr);
        const Machine web = findByName(provider, QStringLiteral("web-frontend-2"));
        QCOMPARE(web.state, MachineState::Running);

        auto outcome = std::make_shared<AsyncOutcome<void>>();
        provider.runAction(web.id, MachineAction::Reboot, [outcome](Result<void> result) {
            ++outcome->calls;
            outcome->result.emplace(std::move(result));
        });
        QCOMPARE(findByName(provider, QStringLiteral("web-frontend-2")).state,
                 MachineState::Rebooting);
        QTRY_VERIFY_WITH_TIMEOUT(outcome->result.has_value(), 5000);
        QVERIFY(outcome->ok());
        QCOMPARE(outcome->calls, 1);
        QCOMPARE(findByName(provider, QStringLiteral("web-frontend-2")).state,
                 MachineState::Running);
        qputenv("CLOUDDECK_DEMO_SPEED", "0");
    }

    void actionsFollowTheStateRules()
    {
        DemoProvider provider(metadata(), account(QStringLiteral("rules")), nullptr);
        const Machine stopped = findByName(provider, QStringLiteral("staging-app"));
        QCOMPARE(stopped.state, MachineState::Stopped);
        const auto refused = AsyncResult::run<void>(
            [&](auto done) { provider.runAction(stopped.id, MachineAction::Reboot, done); });
        QCOMPARE(refused->error().kind(), Error::BadRequest);
        QVERIFY2(refused->error().message().contains(QLatin1String("staging-app")),
                 refused->describe());

        const auto started = AsyncResult::run<void>(
            [&](auto done) { provider.runAction(stopped.id, MachineAction::Start, done); });
        QVERIFY2(started->ok(), started->describe());
        QCOMPARE(findByName(provider, QStringLiteral("staging-app")).state, MachineState::Running);

        const auto missing = AsyncResult::run<void>([&](auto done) {
            provider.runAction(QStringLiteral("no-such-id"), MachineAction::Start, done);
        });
        QCOMPARE(missing->error().kind(), Error::NotFound);
    }

    void destroyRemovesTheMachine()
    {
        DemoProvider provider(metadata(), account(QStringLiteral("destroy")), nullptr);
        const Machine victim = findByName(provider, QStringLiteral("ci-runner-arm"));
        const auto destroyed = AsyncResult::run<void>(
            [&](auto done) { provider.runAction(victim.id, MachineAction::Destroy, done); });
        QVERIFY2(destroyed->ok(), destroyed->describe());
        const auto listed =
            AsyncResult::run<QList<Machine>>([&](auto done) { provider.listMachines(done); });
        QCOMPARE(listed->result->value().size(), 11);
    }

    void createAddsAPendingMachineThatBoots()
    {
        DemoProvider provider(metadata(), account(QStringLiteral("create")), nullptr);
        CreateMachineRequest request;
        request.name = QStringLiteral("web-frontend-3");
        request.region = QStringLiteral("fra1");
        request.size = QStringLiteral("std-2vcpu-4gb");
        request.image = QStringLiteral("ubuntu-24-04");
        // A catalog key by id, and a key line as the wizard's keys from this computer and
        // --ssh-key <line> send it ("keyText").
        request.sshKeys = {QStringLiteral("k-laptop"),
                           QStringLiteral("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGcHp9PEIsaCks73qLx"
                                          "vhzguXRRIyVozLpbL5HC7dcPt alice@laptop")};
        QVERIFY(metadata().can(QStringLiteral("keyText")));
        request.tags = {QStringLiteral("production"), QStringLiteral("web")};
        const auto created =
            AsyncResult::run<Machine>([&](auto done) { provider.createMachine(request, done); });
        QVERIFY2(created->ok(), created->describe());
        const Machine machine = created->result->value();
        QCOMPARE(machine.state, MachineState::Pending);
        QCOMPARE(machine.name, request.name);
        QCOMPARE(machine.tags, request.tags);
        QCOMPARE(*machine.pricePerMonth, 24.0);
        QTRY_COMPARE_WITH_TIMEOUT(findByName(provider, request.name).state, MachineState::Running,
                                  5000);
        QVERIFY(!findByName(provider, request.name).publicIpv4.isEmpty());
    }

    void createRejectsWhatTheCloudWould_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("size");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no name") << ""
                                 << "fra1"
                                 << "std-1vcpu-1gb"
                                 << "Give the machine a name";
        QTest::newRow("bad name") << "web 3!"
                                  << "fra1"
                                  << "std-1vcpu-1gb"
                                  << "letters, digits";
        QTest::newRow("closed region") << "web-3"
                                       << "blr1"
                                       << "std-1vcpu-1gb"
                                       << "not accepting";
        QTest::newRow("unknown region") << "web-3"
                                        << "mars1"
                                        << "std-1vcpu-1gb"
                                        << "no region";
        QTest::newRow("size not there") << "web-3"
                                        << "fra1"
                                        << "gpu-l4-1x"
                                        << "not offered";
        QTest::newRow("unknown key") << "web-3"
                                     << "fra1"
                                     << "std-1vcpu-1gb"
                                     << "no SSH key";
    }
    void createRejectsWhatTheCloudWould()
    {
        QFETCH(QString, name);
        QFETCH(QString, region);
        QFETCH(QString, size);
        QFETCH(QString, expected);
        DemoProvider provider(metadata(), account(QStringLiteral("reject")), nullptr);
        CreateMachineRequest request;
        request.name = name;
        request.region = region;
        request.size = size;
        request.image = QStringLiteral("debian-12");
        if (QByteArray(QTest::currentDataTag()) == "unknown key")
            request.sshKeys = {QStringLiteral("ssh-ed25519 not-a-key")};
        const auto created =
            AsyncResult::run<Machine>([&](auto done) { provider.createMachine(request, done); });
        QCOMPARE(created->error().kind(), Error::BadRequest);
        QVERIFY2(created->error().message().contains(expected), created->describe());
        QVERIFY(!created->calledSynchronously);
    }

    void catalogsForTheWizard()
    {
        DemoProvider provider(metadata(), account(QStringLiteral("catalog")), nullptr);
        const auto regions =
            AsyncResult::run<QList<Region>>([&](auto done) { provider.listRegions(done); });
        const auto sizes =
            AsyncResult::run<QList<Size>>([&](auto done) { provider.listSizes(done); });
        const auto images =
            AsyncResult::run<QList<Image>>([&](auto done) { provider.listImages(done); });
        const auto keys =
            AsyncResult::run<QList<SshKey>>([&](auto done) { provider.listSshKeys(done); });
        QVERIFY(regions->ok() && sizes->ok() && images->ok() && keys->ok());
        QVERIFY(regions->result->value().size() >= 6);
        QVERIFY(std::any_of(regions->result->value().cbegin(), regions->result->value().cend(),
                            [](const Region &r) { return !r.available; }));
        for (const Size &size : sizes->result->value())
            QVERIFY(size.priceMonthly && size.priceHourly && size.vcpus > 0);
        QVERIFY(images->result->value().size() >= 5);
        QVERIFY(!keys->result->value().isEmpty());
    }

    void outageFailsEveryRequestAsTheNetworkWould()
    {
        DemoProvider provider(metadata(), account(QStringLiteral("outage")), nullptr);
        qputenv("CLOUDDECK_DEMO_OUTAGE", "1");
        const auto listed =
            AsyncResult::run<QList<Machine>>([&](auto done) { provider.listMachines(done); });
        QCOMPARE(listed->error().kind(), Error::Network);
        const auto acted = AsyncResult::run<void>([&](auto done) {
            provider.runAction(QStringLiteral("x"), MachineAction::Start, done);
        });
        QCOMPARE(acted->error().kind(), Error::Network);
        qunsetenv("CLOUDDECK_DEMO_OUTAGE");
        QVERIFY(AsyncResult::run<QList<Machine>>([&](auto done) {
                    provider.listMachines(done);
                })->ok());
    }

    void fleetSurvivesARestart()
    {
        // What one process did is what the next one sees (the CLI and the GUI share it).
        {
            DemoProvider provider(metadata(), account(QStringLiteral("persist")), nullptr);
            const Machine staging = findByName(provider, QStringLiteral("staging-app"));
            QVERIFY(AsyncResult::run<void>([&](auto done) {
                        provider.runAction(staging.id, MachineAction::Start, done);
                    })->ok());
        }
        const QString file = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                             + QStringLiteral("/demo/persist.json");
        QVERIFY(QFile::exists(file));
        QFile stored(file);
        QVERIFY(stored.open(QIODevice::ReadOnly));
        const QJsonArray machines = QJsonDocument::fromJson(stored.readAll())
                                        .object()
                                        .value(QLatin1String("machines"))
                                        .toArray();
        QCOMPARE(machines.size(), 12);
        bool found = false;
        for (const QJsonValue &value : machines) {
            const Machine machine = Machine::fromJson(value.toObject());
            if (machine.name == QLatin1String("staging-app")) {
                QCOMPARE(machine.state, MachineState::Running);
                found = true;
            }
        }
        QVERIFY(found);
    }

    void pluginLoadsThroughTheRegistry()
    {
        qputenv("CLOUDDECK_PLUGIN_PATH", PLUGIN_DIR);
        ProviderRegistry registry;
        QVERIFY(registry.contains(QStringLiteral("demo")));
        QVERIFY(registry.metadata(QStringLiteral("demo")).demo);
        QString error;
        Provider *provider = registry.create(account(QStringLiteral("plugin")), {}, this, &error);
        QVERIFY2(provider, qPrintable(error));
        const auto listed =
            AsyncResult::run<QList<Machine>>([&](auto done) { provider->listMachines(done); });
        QVERIFY(listed->ok());
        delete provider;
    }

private:
    Machine findByName(DemoProvider &provider, const QString &name)
    {
        const auto listed =
            AsyncResult::run<QList<Machine>>([&](auto done) { provider.listMachines(done); });
        if (listed->ok()) {
            for (const Machine &machine : listed->result->value()) {
                if (machine.name == name)
                    return machine;
            }
        }
        return {};
    }
};

QTEST_GUILESS_MAIN(TestDemoProvider)
#include "tst_demoprovider.moc"
