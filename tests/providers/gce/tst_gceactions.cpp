// GceProvider's actions and create against the fake Google: each action is the Discovery
// document's method on the instance's zone (start, resume for a suspended one, stop, reset,
// delete), returns when GCE accepted it, and is followed on zoneOperations/{op}/wait until DONE
// with its error shown; instances.insert's body field by field; the create catalogs.
#include "gcetestcase.h"
#include "providertesting.h"

#include <QJsonArray>
#include <QUuid>

namespace {
const QString web = QStringLiteral("4567890123456789012");
const QString suspended = QStringLiteral("4567890123456789014");
} // namespace

class TestGceActions : public GceTestCase
{
    Q_OBJECT

    std::shared_ptr<AsyncOutcome<void>> runAndFollow(const QString &id,
                                                     MachineAction::Action action)
    {
        return AsyncResult::await<void>([&](Callback<void> done) {
            ProviderTesting::runAndFollow(*m_provider, id, action, std::move(done));
        });
    }

private Q_SLOTS:
    void eachActionIsItsMethodOnTheInstancesZone_data()
    {
        QTest::addColumn<MachineAction::Action>("action");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::newRow("start")
            << MachineAction::Start << web << QByteArray("POST")
            << QStringLiteral("/zones/us-central1-a/instances/%1/start").arg(web);
        QTest::newRow("resume")
            << MachineAction::Start << suspended << QByteArray("POST")
            << QStringLiteral("/zones/europe-west1-b/instances/%1/resume").arg(suspended);
        QTest::newRow("shutdown")
            << MachineAction::Shutdown << web << QByteArray("POST")
            << QStringLiteral("/zones/us-central1-a/instances/%1/stop").arg(web);
        QTest::newRow("reboot")
            << MachineAction::Reboot << web << QByteArray("POST")
            << QStringLiteral("/zones/us-central1-a/instances/%1/reset").arg(web);
        QTest::newRow("destroy") << MachineAction::Destroy << web << QByteArray("DELETE")
                                 << QStringLiteral("/zones/us-central1-a/instances/%1").arg(web);
    }
    void eachActionIsItsMethodOnTheInstancesZone()
    {
        QFETCH(MachineAction::Action, action);
        QFETCH(QString, id);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QVERIFY(list()->ok());
        const auto outcome = runAndFollow(id, action);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        const QList<RecordedRequest> acted = requests(method, path);
        QCOMPARE(acted.size(), 1);
        QCOMPARE(acted.first().header("Authorization"), "Bearer " + m_fake->currentToken());
        QVERIFY(acted.first().body.isEmpty());
        // Followed on the operation the reply named.
        const QList<RecordedRequest> waits = requests(
            "POST", QStringLiteral("/zones/us-central1-a/operations/"
                                   "operation-1764748800000-5f8a1b2c3d4e5-6f7a8b9c-0d1e2f3a/wait"));
        QCOMPARE(waits.size(), 1);
        QCOMPARE(waits.first().header("Authorization"), "Bearer " + m_fake->currentToken());
    }

    void runActionReturnsOnAcceptance()
    {
        QVERIFY(list()->ok());
        const auto accepted = ProviderTesting::runAction(*m_provider, web, MachineAction::Shutdown);
        QVERIFY(accepted->ok());
        QCOMPARE(
            m_server->requests("POST", FakeGce::path(QStringLiteral("/zones/*/operations/*/wait")))
                .size(),
            0);
    }

    void anUnlistedMachineIsLookedUpFirst()
    {
        const auto outcome = runAndFollow(web, MachineAction::Start);
        QVERIFY(outcome && outcome->ok());
        QCOMPARE(requests("GET", QStringLiteral("/aggregated/instances")).size(), 2);
        const auto missing =
            ProviderTesting::runAction(*m_provider, QStringLiteral("999"), MachineAction::Start);
        QCOMPARE(missing->error().kind(), Error::NotFound);
    }

    void aBadIdIsRefusedBeforeAnyRequest()
    {
        for (const QString &id :
             {QStringLiteral("../x"), QStringLiteral("web-1"), QStringLiteral("0")}) {
            const auto outcome = ProviderTesting::runAction(*m_provider, id, MachineAction::Start);
            QCOMPARE(outcome->error().kind(), Error::InvalidInput);
        }
        QCOMPARE(m_server->requestCount(), 0);
        QCOMPARE(
            ProviderTesting::runAction(*m_provider, web, MachineAction::PowerOff)->error().kind(),
            Error::Unsupported);
    }

    void aFailedOperationShowsGooglesError()
    {
        QVERIFY(list()->ok());
        m_server->on("POST", FakeGce::path(QStringLiteral("/zones/*/operations/*/wait")),
                     FakeGce::fixture(QStringLiteral("operation_failed")));
        const auto outcome = runAndFollow(web, MachineAction::Start);
        QVERIFY(outcome && !outcome->ok());
        QVERIFY(
            outcome->error().message().contains(QLatin1String("does not have enough resources")));
        QCOMPARE(outcome->error().providerCode(), QStringLiteral("ZONE_RESOURCE_POOL_EXHAUSTED"));
    }

    void anOperationStillRunningAtTheDeadlineTimesOut()
    {
        QVERIFY(list()->ok());
        m_server->on("POST", FakeGce::path(QStringLiteral("/zones/*/operations/*/wait")),
                     FakeGce::fixture(QStringLiteral("operation_running")));
        m_provider->setOperationTiming({5, 20, 200});
        const auto outcome = runAndFollow(web, MachineAction::Reboot);
        QVERIFY(outcome);
        QCOMPARE(outcome->error().kind(), Error::Timeout);
        QVERIFY(outcome->error().message().contains(
            QLatin1String("operation-1764748800000-5f8a1b2c3d4e5-6f7a8b9c-0d1e2f3a")));
        QVERIFY(
            requests("POST",
                     QStringLiteral("/zones/us-central1-a/operations/"
                                    "operation-1764748800000-5f8a1b2c3d4e5-6f7a8b9c-0d1e2f3a/wait"))
                .size()
            > 1);
    }

    void createsWithTheDefaultNetworkLabelsAndSshKeys()
    {
        CreateMachineRequest request;
        request.name = QStringLiteral("web-2");
        request.region = QStringLiteral("us-central1-a");
        request.size = QStringLiteral("e2-small");
        request.image = QStringLiteral("projects/debian-cloud/global/images/family/debian-12");
        request.tags = {QStringLiteral("env:prod"), QStringLiteral("web")};
        request.sshKeys = {QStringLiteral(
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl "
            "alice@laptop")};
        request.userData = QStringLiteral("#cloud-config\npackages: [nginx]\n");
        const auto created = ProviderTesting::createMachine(*m_provider, request);
        QVERIFY(created->ok());
        QCOMPARE(created->value().id, QStringLiteral("4567890123456789099"));
        QCOMPARE(created->value().state, MachineState::Pending);
        QCOMPARE(created->value().region, QStringLiteral("us-central1"));

        const QList<RecordedRequest> inserts =
            requests("POST", QStringLiteral("/zones/us-central1-a/instances"));
        QCOMPARE(inserts.size(), 1);
        const RecordedRequest &insert = inserts.first();
        QCOMPARE(insert.header("Content-Type"), QByteArray("application/json"));
        QVERIFY(
            !QUuid::fromString(insert.query.queryItemValue(QStringLiteral("requestId"))).isNull());
        const QJsonObject body = insert.json();
        // Exactly the members tests/data/gce/check_discovery.py's INSERT_BODY checks against
        // the Discovery document's Instance schema: a new one must be added there too.
        QCOMPARE(body.keys(),
                 (QStringList {QStringLiteral("disks"), QStringLiteral("labels"),
                               QStringLiteral("machineType"), QStringLiteral("metadata"),
                               QStringLiteral("name"), QStringLiteral("networkInterfaces")}));
        QCOMPARE(body.value(QLatin1String("name")).toString(), QStringLiteral("web-2"));
        QCOMPARE(body.value(QLatin1String("machineType")).toString(),
                 QStringLiteral("zones/us-central1-a/machineTypes/e2-small"));
        const QJsonObject disk = body.value(QLatin1String("disks")).toArray().first().toObject();
        QVERIFY(disk.value(QLatin1String("boot")).toBool());
        QVERIFY(disk.value(QLatin1String("autoDelete")).toBool());
        QCOMPARE(disk.value(QLatin1String("type")).toString(), QStringLiteral("PERSISTENT"));
        QCOMPARE(
            disk.value(QLatin1String("initializeParams"))[QLatin1String("sourceImage")].toString(),
            request.image);
        const QJsonObject nic =
            body.value(QLatin1String("networkInterfaces")).toArray().first().toObject();
        QCOMPARE(nic.value(QLatin1String("network")).toString(),
                 QStringLiteral("global/networks/default"));
        QCOMPARE(nic.value(QLatin1String("accessConfigs"))
                     .toArray()
                     .first()[QLatin1String("type")]
                     .toString(),
                 QStringLiteral("ONE_TO_ONE_NAT"));
        QCOMPARE(body.value(QLatin1String("labels")).toObject(),
                 (QJsonObject {{QStringLiteral("env"), QStringLiteral("prod")},
                               {QStringLiteral("web"), QString()}}));
        const QJsonArray items =
            body.value(QLatin1String("metadata"))[QLatin1String("items")].toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0)[QLatin1String("key")].toString(), QStringLiteral("ssh-keys"));
        QCOMPARE(items.at(0)[QLatin1String("value")].toString(),
                 QStringLiteral("alice:") + request.sshKeys.first());
        QCOMPARE(items.at(1)[QLatin1String("key")].toString(), QStringLiteral("user-data"));

        // The insert is followed like an action.
        const auto followed = AsyncResult::await<void>([&](Callback<void> done) {
            m_provider->followAction(created->value().id, MachineAction::Start, std::move(done));
        });
        QVERIFY(followed && followed->ok());
        QCOMPARE(
            requests("POST",
                     QStringLiteral(
                         "/zones/asia-northeast1-a/operations/operation-1764748900000-insert/wait"))
                .size(),
            0);
        QCOMPARE(
            requests("POST",
                     QStringLiteral(
                         "/zones/us-central1-a/operations/operation-1764748900000-insert/wait"))
                .size(),
            1);
    }

    void listsTheProjectsSshKeysAndCreatesWithOne()
    {
        const auto keys = ProviderTesting::listSshKeys(*m_provider);
        QVERIFY(keys->ok());
        QCOMPARE(keys->value().size(), 2); // the line that is not a key is left out
        const SshKey alice = keys->value().first();
        QCOMPARE(alice.fingerprint,
                 QStringLiteral("SHA256:+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU"));
        QCOMPARE(alice.id, alice.fingerprint);
        QCOMPARE(alice.name, QStringLiteral("alice (alice@laptop)"));
        QVERIFY(alice.publicKey.startsWith(QLatin1String("alice:ssh-ed25519 ")));
        QCOMPARE(keys->value().at(1).name, QStringLiteral("bob (bob)"));

        // The wizard hands key ids (fingerprints): looked up in the project's keys.
        CreateMachineRequest request;
        request.name = QStringLiteral("web-3");
        request.region = QStringLiteral("europe-west1-b");
        request.size = QStringLiteral("e2-small");
        request.image = QStringLiteral("projects/clouddeck-test/global/images/db-golden-2026-10");
        request.sshKeys = {keys->value().at(1).id};
        const auto created = ProviderTesting::createMachine(*m_provider, request);
        QVERIFY(created->ok());
        const QJsonObject body =
            requests("POST", QStringLiteral("/zones/europe-west1-b/instances")).first().json();
        const QJsonArray items =
            body.value(QLatin1String("metadata"))[QLatin1String("items")].toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0)[QLatin1String("value")].toString(), keys->value().at(1).publicKey);
        QVERIFY(!body.contains(QLatin1String("labels")));

        // A key that is in no catalog is an error before the insert.
        request.sshKeys = {QStringLiteral("SHA256:nope")};
        QCOMPARE(ProviderTesting::createMachine(*m_provider, request)->error().kind(),
                 Error::InvalidInput);
        QCOMPARE(requests("POST", QStringLiteral("/zones/europe-west1-b/instances")).size(), 1);
    }

    void createRefusesWhatGceWouldRefuse_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("image");
        QTest::addColumn<QString>("tag");
        const QString image =
            QStringLiteral("projects/debian-cloud/global/images/family/debian-12");
        QTest::newRow("upper-case name")
            << QStringLiteral("Web") << QStringLiteral("us-central1-a") << image << QString();
        QTest::newRow("region, not zone")
            << QStringLiteral("web") << QStringLiteral("us-central1") << image << QString();
        QTest::newRow("image") << QStringLiteral("web") << QStringLiteral("us-central1-a")
                               << QStringLiteral("debian-12") << QString();
        QTest::newRow("label") << QStringLiteral("web") << QStringLiteral("us-central1-a") << image
                               << QStringLiteral("a.b");
    }
    void createRefusesWhatGceWouldRefuse()
    {
        QFETCH(QString, name);
        QFETCH(QString, zone);
        QFETCH(QString, image);
        QFETCH(QString, tag);
        CreateMachineRequest request;
        request.name = name;
        request.region = zone;
        request.size = QStringLiteral("e2-small");
        request.image = image;
        if (!tag.isEmpty())
            request.tags = {tag};
        const auto created = ProviderTesting::createMachine(*m_provider, request);
        QCOMPARE(created->error().kind(), Error::InvalidInput);
        QCOMPARE(m_server->requestCount(), 0);
    }

    void listsTheCreateCatalogs()
    {
        const auto zones = ProviderTesting::listRegions(*m_provider);
        QVERIFY(zones->ok());
        QCOMPARE(zones->value().size(), 3);
        QCOMPARE(zones->value().at(0).id, QStringLiteral("us-central1-a"));
        QCOMPARE(zones->value().at(0).name, QStringLiteral("us-central1-a (us-central1)"));
        QVERIFY(!zones->value().at(2).available); // DOWN

        const auto sizes = ProviderTesting::listSizes(*m_provider);
        QVERIFY(sizes->ok());
        QCOMPARE(sizes->value().size(), 4);
        QCOMPARE(sizes->value().at(1).id, QStringLiteral("e2-medium"));
        QCOMPARE(sizes->value().at(1).vcpus, 2);
        QCOMPARE(sizes->value().at(1).memoryMb, 4096);
        QVERIFY(!sizes->value().at(1).priceMonthly); // never invented
        QVERIFY(!sizes->value().at(3).available); // deprecated f1-micro
        // DeprecationStatus.state ACTIVE only announces an end of life: still offered.
        QCOMPARE(sizes->value().at(2).id, QStringLiteral("n2-standard-4"));
        QVERIFY(sizes->value().at(2).available);
        QVERIFY(sizes->value().at(1).regions.isEmpty()); // one zone listed for all: unknown
        QCOMPARE(requests("GET", QStringLiteral("/zones/us-central1-a/machineTypes")).size(), 1);

        const auto images = ProviderTesting::listImages(*m_provider);
        QVERIFY(images->ok());
        QCOMPARE(images->value().size(),
                 2); // debian-12, then the project's own; retired families skipped
        QCOMPARE(
            images->value().at(0).id,
            QStringLiteral("projects/debian-cloud/global/images/debian-12-bookworm-v20261110"));
        QCOMPARE(images->value().at(0).distribution, QStringLiteral("debian-12"));
        QCOMPARE(images->value().at(0).kind, QStringLiteral("distribution"));
        QCOMPARE(images->value().at(1).id,
                 QStringLiteral("projects/clouddeck-test/global/images/db-golden-2026-10"));
        QCOMPARE(images->value().at(1).kind, QStringLiteral("custom"));
        QCOMPARE(
            m_server
                ->requests("GET",
                           QStringLiteral(
                               "/compute/v1/projects/debian-cloud/global/images/family/debian-12"))
                .size(),
            1);
        QCOMPARE(m_server
                     ->requests("GET", QStringLiteral("/compute/v1/projects/rocky-linux-cloud/"
                                                      "global/images/family/rocky-linux-9"))
                     .size(),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestGceActions)
#include "tst_gceactions.moc"
