// OpenStack server actions, the create flow's catalogs (flavors, Glance images, key pairs,
// Neutron networks) and POST /servers, each request checked against the Compute, Image and
// Networking references by the fake cloud.
#include "fakeopenstack.h"
#include "openstackrequests.h"
#include "testhelpers.h"

#include <QTest>

namespace {
const QString s_web = QStringLiteral("2ce4c5b3-2866-4972-93ce-77a2ea46a7f9");
const QString s_edge = QStringLiteral("7c6b5a49-3827-4160-9f8e-7d6c5b4a3928");
} // namespace

class TestOpenStackActions : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<FakeOpenStack> m_fake;

    QJsonObject lastActionBody(const QString &id, const QString &prefix = QStringLiteral(
                                                      "/compute/v2.1")) const
    {
        const auto actions =
            m_server->requests("POST", prefix + QStringLiteral("/servers/*/action"));
        for (qsizetype i = actions.size() - 1; i >= 0; --i) {
            if (actions[i].pathArgs.value(0) == id)
                return actions[i].json();
        }
        return {};
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeCloudServer>();
        QVERIFY(m_server->listen());
        m_fake = std::make_unique<FakeOpenStack>(*m_server);
        m_fake->serveFixtures();
    }

    void cleanup()
    {
        QVERIFY2(m_fake->violations().isEmpty(),
                 qPrintable(m_fake->violations().join(QLatin1Char('\n'))));
    }

    void actionsSendTheDocumentedBodies_data()
    {
        QTest::addColumn<MachineAction::Action>("action");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("start") << MachineAction::Start << QByteArray(R"({"os-start":null})");
        QTest::newRow("shutdown") << MachineAction::Shutdown << QByteArray(R"({"os-stop":null})");
        QTest::newRow("reboot") << MachineAction::Reboot
                                << QByteArray(R"({"reboot":{"type":"SOFT"}})");
    }

    void actionsSendTheDocumentedBodies()
    {
        QFETCH(MachineAction::Action, action);
        QFETCH(QByteArray, body);
        const auto provider = m_fake->provider();
        QVERIFY(ProviderTesting::listMachines(*provider)->ok());
        const auto outcome = ProviderTesting::runAction(*provider, s_edge, action);
        QVERIFY2(outcome->ok(), outcome->describe());
        // RegionTwo's server goes to RegionTwo's endpoint.
        const auto sent = m_server->requests("POST", QStringLiteral("/r2/compute/v2.1/servers/*/action"));
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent[0].body, body);
        QCOMPARE(sent[0].header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(sent[0].header("OpenStack-API-Version"), QByteArray("compute 2.55"));
    }

    void rebootsHardWhenTheServerIsInError()
    {
        m_server->on("GET", QStringLiteral("/r2/compute/v2.1/servers/detail"),
                     FakeResponse::raw(200, m_fake->fixture(QStringLiteral("servers_detail_regiontwo"))
                                                .replace("\"ACTIVE\"", "\"ERROR\"")));
        const auto provider = m_fake->provider();
        QVERIFY(ProviderTesting::listMachines(*provider)->ok());
        QVERIFY(ProviderTesting::runAction(*provider, s_edge, MachineAction::Reboot)->ok());
        QCOMPARE(lastActionBody(s_edge, QStringLiteral("/r2/compute/v2.1")),
                 QJsonObject({{QStringLiteral("reboot"),
                               QJsonObject {{QStringLiteral("type"), QStringLiteral("HARD")}}}}));
    }

    void destroyIsADelete()
    {
        const auto provider = m_fake->provider();
        QVERIFY(ProviderTesting::listMachines(*provider)->ok());
        const auto outcome = ProviderTesting::runAction(*provider, s_web, MachineAction::Destroy);
        QVERIFY2(outcome->ok(), outcome->describe());
        const auto deleted = m_server->requests("DELETE", QStringLiteral("/compute/v2.1/servers/*"));
        QCOMPARE(deleted.size(), 1);
        QCOMPARE(deleted[0].pathArgs, QStringList {s_web});
    }

    void findsTheRegionOfAServerNotListedYet()
    {
        // A fresh provider (the CLI's) has no listing: it asks each region for the server.
        const auto provider = m_fake->provider();
        const auto outcome = ProviderTesting::runAction(*provider, s_edge, MachineAction::Start);
        QVERIFY2(outcome->ok(), outcome->describe());
        QCOMPARE(m_server->requests("POST", QStringLiteral("/r2/compute/v2.1/servers/*/action")).size(),
                 1);
        const auto gone = ProviderTesting::runAction(
            *provider, QStringLiteral("11111111-2222-4333-8444-555555555555"), MachineAction::Start);
        QCOMPARE(gone->error().kind(), Error::NotFound);
    }

    void aConflictSaysTheMachineIsBusy()
    {
        m_server->on("POST", QStringLiteral("/compute/v2.1/servers/*/action"),
                     m_fake->reply(QStringLiteral("error_conflicting_request"), 409));
        const auto provider = m_fake->provider();
        QVERIFY(ProviderTesting::listMachines(*provider)->ok());
        const auto outcome = ProviderTesting::runAction(*provider, s_web, MachineAction::Start);
        QCOMPARE(outcome->error().kind(), Error::BadRequest);
        QCOMPARE(outcome->error().httpStatus(), 409);
        QVERIFY2(outcome->error().message().contains(QLatin1String("The machine is busy")),
                 outcome->describe());
        QVERIFY(outcome->error().message().contains(QLatin1String("vm_state active")));
        QCOMPARE(outcome->error().providerCode(), QStringLiteral("conflictingRequest"));
    }

    void refusesIdsThatAreNotUuids()
    {
        const auto provider = m_fake->provider();
        const auto outcome =
            ProviderTesting::runAction(*provider, QStringLiteral("../os-keypairs"), MachineAction::Start);
        QCOMPARE(outcome->error().kind(), Error::InvalidInput);
        QVERIFY(!outcome->calledSynchronously);
        QCOMPARE(m_server->requestCount(), 0);
    }

    void createSendsTheDocumentedBody()
    {
        const auto provider = m_fake->provider();
        CreateMachineRequest request;
        request.name = QStringLiteral("new-server-test");
        request.region = QStringLiteral("RegionOne");
        request.size = QStringLiteral("1");
        request.image = QStringLiteral("70a599e0-31e7-49b7-b260-868f441e862b");
        request.sshKeys = {QStringLiteral("ops-key")};
        request.tags = {QStringLiteral("web"), QStringLiteral("prod")};
        request.extra.insert(QStringLiteral("metadata"),
                             QVariantMap {{QStringLiteral("My Server Name"), QStringLiteral("Apache1")}});
        request.userData = QStringLiteral("#!/bin/bash\n/bin/su\necho \"I am in you!\"\n");
        const auto outcome = ProviderTesting::createMachine(*provider, request);
        QVERIFY2(outcome->ok(), outcome->describe());
        const Machine machine = outcome->result->value();
        QCOMPARE(machine.id, QStringLiteral("ae10adbb-9b5e-4667-9cc5-05ebdc80a941"));
        QCOMPARE(machine.state, MachineState::Pending);
        QCOMPARE(machine.region, QStringLiteral("RegionOne"));
        QVERIFY(!machine.extra.contains(QStringLiteral("adminPass")));
        const auto posted = m_server->requests("POST", QStringLiteral("/compute/v2.1/servers"));
        QCOMPARE(posted.size(), 1);
        // The project's one non-external network was chosen through Neutron.
        QCOMPARE(posted[0].json(),
                 readJsonFixture(QStringLiteral("openstack/server_create_request.json")).object());
        QCOMPARE(m_server->requests("GET", QStringLiteral("/network/v2.0/networks")).size(), 1);
    }

    void createWithSeveralNetworksAsksWhichOne()
    {
        m_server->on("GET", QStringLiteral("/network/v2.0/networks"),
                     m_fake->reply(QStringLiteral("networks_several")));
        const auto provider = m_fake->provider();
        CreateMachineRequest request;
        request.name = QStringLiteral("lab-1");
        request.region = QStringLiteral("RegionOne");
        request.size = QStringLiteral("2");
        request.image = QStringLiteral("1bea47ed-f6a9-463b-b423-14b9cca9ad27");
        const auto ambiguous = ProviderTesting::createMachine(*provider, request);
        QCOMPARE(ambiguous->error().kind(), Error::InvalidInput);
        QVERIFY2(ambiguous->error().message().contains(QLatin1String("private, lab")),
                 ambiguous->describe());
        QCOMPARE(m_server->requests("POST", QStringLiteral("/compute/v2.1/servers")).size(), 0);

        request.extra.insert(QStringLiteral("network"), QStringLiteral("lab"));
        QVERIFY(ProviderTesting::createMachine(*provider, request)->ok());
        const auto posted = m_server->requests("POST", QStringLiteral("/compute/v2.1/servers"));
        QCOMPARE(posted.size(), 1);
        QCOMPARE(posted[0].json()[QLatin1String("server")][QLatin1String("networks")].toArray(),
                 QJsonArray({QJsonObject {{QStringLiteral("uuid"),
                                           QStringLiteral("e1c2d3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f")}}}));
    }

    void createBodiesFollowTheMicroversion()
    {
        CreateMachineRequest request;
        request.name = QStringLiteral("a");
        request.size = QStringLiteral("1");
        request.image = QStringLiteral("i");
        const auto automatic = OpenStackRequests::createBody(request, {}, QStringLiteral("2.37"));
        QVERIFY(automatic.ok());
        QCOMPARE(automatic.value()[QLatin1String("server")][QLatin1String("networks")].toString(),
                 QStringLiteral("auto"));
        QVERIFY(checkCreateBody(automatic.value(), QStringLiteral("2.37")).isEmpty());
        const auto old = OpenStackRequests::createBody(request, {}, QStringLiteral("2.1"));
        QVERIFY(!old.value()[QLatin1String("server")].toObject().contains(QLatin1String("networks")));
        request.tags = {QStringLiteral("x")};
        const auto tagged = OpenStackRequests::createBody(request, {}, QStringLiteral("2.51"));
        QCOMPARE(tagged.error().kind(), Error::Unsupported);
        request.tags.clear();
        request.name = QStringLiteral("bad name/with slash");
        QCOMPARE(OpenStackRequests::createBody(request, {}, QStringLiteral("2.55")).error().kind(),
                 Error::InvalidInput);
    }

    void listsRegionsFromTheCatalog()
    {
        const auto provider = m_fake->provider();
        const auto regions = ProviderTesting::listRegions(*provider);
        QVERIFY2(regions->ok(), regions->describe());
        QCOMPARE(regions->result->value().size(), 2);
        QCOMPARE(regions->result->value()[0].id, QStringLiteral("RegionOne"));
        QCOMPARE(regions->result->value()[1].id, QStringLiteral("RegionTwo"));
    }

    void listsFlavorsOfEveryRegion()
    {
        const auto provider = m_fake->provider();
        const auto sizes = ProviderTesting::listSizes(*provider);
        QVERIFY2(sizes->ok(), sizes->describe());
        QStringList ids;
        for (const Size &size : sizes->result->value()) {
            ids.append(size.id);
            QVERIFY(!size.priceMonthly && !size.priceHourly);
        }
        // "9" is disabled; "1" is in both regions, "4" only in RegionTwo.
        QCOMPARE(ids, QStringList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                                   QStringLiteral("7"), QStringLiteral("4")}));
        const Size tiny = sizes->result->value().constFirst();
        QCOMPARE(tiny.regions, QStringList({QStringLiteral("RegionOne"), QStringLiteral("RegionTwo")}));
        QCOMPARE(tiny.memoryMb, 512);
        QCOMPARE(tiny.vcpus, 1);
        QCOMPARE(tiny.diskGb, 1);
        QCOMPARE(sizes->result->value()[3].description,
                 QStringLiteral("m1.small.description (test description)"));
    }

    void listsActiveImagesPageByPage()
    {
        const auto provider = m_fake->provider();
        const auto images = ProviderTesting::listImages(*provider);
        QVERIFY2(images->ok(), images->describe());
        QStringList names;
        for (const Image &image : images->result->value())
            names.append(image.name);
        QCOMPARE(names, QStringList({QStringLiteral("cirros-0.3.2-x86_64-disk"),
                                     QStringLiteral("F17-x86_64-cfntools"),
                                     QStringLiteral("web-snapshot")}));
        QCOMPARE(images->result->value()[0].kind, QStringLiteral("distribution"));
        QCOMPARE(images->result->value()[0].distribution, QStringLiteral("cirros"));
        QCOMPARE(images->result->value()[2].kind, QStringLiteral("snapshot"));
        const auto pages = m_server->requests("GET", QStringLiteral("/image/v2/images"));
        QCOMPARE(pages.size(), 2);
        QCOMPARE(pages[1].query.queryItemValue(QStringLiteral("marker")),
                 QStringLiteral("781b3762-9469-4cec-b58d-3349e5de4e9c"));
    }

    void listsKeyPairsPageByPage()
    {
        const auto provider = m_fake->provider();
        const auto keys = ProviderTesting::listSshKeys(*provider);
        QVERIFY2(keys->ok(), keys->describe());
        QCOMPARE(keys->result->value().size(), 2); // the same two in both regions, once each
        QCOMPARE(keys->result->value()[1].id, QStringLiteral("ops-key"));
        QCOMPARE(keys->result->value()[1].fingerprint,
                 QStringLiteral("1f:3c:05:9b:aa:7e:41:20:55:0b:c4:de:8a:01:9f:42"));
        const auto pages = m_server->requests("GET", QStringLiteral("/compute/v2.1/os-keypairs"));
        QCOMPARE(pages.size(), 2);
        QCOMPARE(pages[0].query.queryItemValue(QStringLiteral("limit")), QStringLiteral("2"));
    }

    void listsNetworksOfARegion()
    {
        const auto provider = m_fake->provider();
        const auto networks = AsyncResult::run<QList<OpenStackProvider::Network>>(
            [&](Callback<QList<OpenStackProvider::Network>> done) {
                provider->listNetworks(QStringLiteral("RegionTwo"), done);
            });
        QVERIFY2(networks->ok(), networks->describe());
        QCOMPARE(networks->result->value().size(), 2);
        QVERIFY(networks->result->value()[0].external);
        QCOMPARE(networks->result->value()[1].region, QStringLiteral("RegionTwo"));
        QCOMPARE(m_server->requests("GET", QStringLiteral("/network/v2.0/networks")).size(), 0);
        QCOMPARE(m_server->requests("GET", QStringLiteral("/r2/network/v2.0/networks")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestOpenStackActions)
#include "tst_openstackactions.moc"
