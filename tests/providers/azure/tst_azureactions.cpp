// AzureProvider's actions and creation as long-running operations (Compute 2024-07-01
// virtualMachine.json: start, deallocate, powerOff, restart, delete, CreateOrUpdate; Network
// 2024-05-01 publicIpAddress.json and networkInterface.json): the requests, following
// Azure-AsyncOperation and Location with Retry-After, success, failure with Azure's error,
// timeout, and the NIC and public IP removed when the VM is refused.
#include "azuretesting.h"

#include <QTest>

using namespace AzureTesting;
using namespace ProviderTesting;
using namespace Qt::StringLiterals;

namespace {

const QString vmPath =
    u"/subscriptions/*/resourceGroups/*/providers/Microsoft.Compute/virtualMachines/*"_s;

/// 202 Accepted naming the status resource, as ARM answers an action.
FakeResponse accepted(const FakeCloudServer &server, const QString &operation = u"op-1"_s)
{
    const QByteArray status =
        server
            .url(u"/subscriptions/"_s + subA
                 + u"/providers/Microsoft.Compute/locations/westeurope/operations/"_s + operation)
            .toString()
            .toUtf8()
        + "?api-version=2024-07-01";
    return FakeResponse::raw(202, {})
        .withHeader("Azure-AsyncOperation", status)
        .withHeader("Location", status + "&monitor=true")
        .withHeader("Retry-After", "0");
}

} // namespace

class TestAzureActions : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<FakeAzure> m_azure;

    void serveOperation(const QStringList &fixtures)
    {
        auto remaining = std::make_shared<QStringList>(fixtures);
        m_azure->arm(
            "GET", u"/subscriptions/*/providers/Microsoft.Compute/locations/*/operations/*"_s,
            u"2024-07-01"_s, [remaining](const RecordedRequest &) {
                const QString name =
                    remaining->size() > 1 ? remaining->takeFirst() : remaining->first();
                return FakeResponse::raw(200, fixture(name)).withHeader("Retry-After", "0");
            });
    }

    std::shared_ptr<AsyncOutcome<void>> runAndFollow(Provider &provider, const QString &id,
                                                     MachineAction::Action action)
    {
        return AsyncResult::run<void>([&](Callback<void> done) {
            ProviderTesting::runAndFollow(provider, id, action, std::move(done));
        });
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeCloudServer>();
        QVERIFY(m_server->listen());
        m_azure = std::make_unique<FakeAzure>(*m_server);
        m_azure->serveToken();
    }
    void cleanup()
    {
        m_azure.reset();
        m_server.reset();
    }

    void actionsAreTheDocumentedRequests_data()
    {
        QTest::addColumn<MachineAction::Action>("action");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QString>("query");
        QTest::newRow("start") << MachineAction::Start << QByteArray("POST") << u"/start"_s
                               << QString();
        // Our graceful stop is Azure's deallocate: it stops compute billing.
        QTest::newRow("shutdown") << MachineAction::Shutdown << QByteArray("POST")
                                  << u"/deallocate"_s << QString();
        QTest::newRow("poweroff") << MachineAction::PowerOff << QByteArray("POST") << u"/powerOff"_s
                                  << u"skipShutdown=true"_s;
        QTest::newRow("reboot") << MachineAction::Reboot << QByteArray("POST") << u"/restart"_s
                                << QString();
        QTest::newRow("destroy") << MachineAction::Destroy << QByteArray("DELETE") << QString()
                                 << QString();
    }
    void actionsAreTheDocumentedRequests()
    {
        QFETCH(MachineAction::Action, action);
        QFETCH(QByteArray, method);
        QFETCH(QString, suffix);
        QFETCH(QString, query);
        m_azure->arm(method, vmPath + suffix, u"2024-07-01"_s, accepted(*m_server));
        serveOperation({u"operation-inprogress.json"_s, u"operation-inprogress.json"_s,
                        u"operation-succeeded.json"_s});
        const auto azure = provider(*m_server);
        const auto outcome = runAndFollow(*azure, web1, action);
        QVERIFY2(outcome->ok(), outcome->describe());
        const auto sent = m_server->requests(method, vmPath + suffix);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().path, web1 + suffix);
        if (!query.isEmpty())
            QVERIFY2(sent.first().target.contains(query.toUtf8()), sent.first().target);
        QVERIFY(sent.first().body.isEmpty());
        // Followed until Succeeded: three looks at the status resource.
        QCOMPARE(m_server
                     ->requests(
                         "GET",
                         u"/subscriptions/*/providers/Microsoft.Compute/locations/*/operations/*"_s)
                     .size(),
                 3);
        QVERIFY2(m_azure->violations().isEmpty(), qPrintable(m_azure->violations().join(u'\n')));
    }

    void failedOperationShowsAzuresError()
    {
        m_azure->arm("POST", vmPath + u"/start"_s, u"2024-07-01"_s, accepted(*m_server));
        serveOperation({u"operation-inprogress.json"_s, u"operation-failed.json"_s});
        const auto azure = provider(*m_server);
        const auto outcome = runAndFollow(*azure, web1, MachineAction::Start);
        QCOMPARE(outcome->error().kind(), Error::BadRequest);
        QCOMPARE(outcome->error().providerCode(), u"AllocationFailed"_s);
        QVERIFY2(outcome->error().message().contains(u"sufficient capacity"_s),
                 outcome->describe());
    }

    void operationStillRunningAtTheDeadlineTimesOut()
    {
        m_azure->arm("POST", vmPath + u"/restart"_s, u"2024-07-01"_s, accepted(*m_server));
        serveOperation({u"operation-inprogress.json"_s});
        const auto azure = provider(*m_server);
        AzureOperation::Timing timing;
        timing.firstMs = 5;
        timing.maxMs = 10;
        timing.maxRetryAfterMs = 10;
        timing.timeoutMs = 100;
        azure->setOperationTiming(timing);
        const auto outcome = runAndFollow(*azure, web1, MachineAction::Reboot);
        QCOMPARE(outcome->error().kind(), Error::Timeout);
        QVERIFY2(outcome->error().message().contains(u"still working"_s), outcome->describe());
    }

    void locationHeaderIsFollowedUntilNot202()
    {
        auto polls = std::make_shared<int>(0);
        const QByteArray location =
            m_server
                ->url(u"/subscriptions/"_s + subA
                      + u"/providers/Microsoft.Compute/locations/westeurope/operations/op-2"_s)
                .toString()
                .toUtf8()
            + "?monitor=true&api-version=2024-07-01";
        m_azure->arm("DELETE", vmPath, u"2024-07-01"_s,
                     FakeResponse::raw(202, {})
                         .withHeader("Location", location)
                         .withHeader("Retry-After", "0"));
        m_azure->arm(
            "GET", u"/subscriptions/*/providers/Microsoft.Compute/locations/*/operations/*"_s,
            u"2024-07-01"_s, [polls](const RecordedRequest &) {
                return ++*polls < 3 ? FakeResponse::raw(202, {}) : FakeResponse::raw(204, {});
            });
        const auto azure = provider(*m_server);
        const auto outcome = runAndFollow(*azure, web1, MachineAction::Destroy);
        QVERIFY2(outcome->ok(), outcome->describe());
        QCOMPARE(*polls, 3);
    }

    void operationOnAnotherHostIsNotFollowed()
    {
        m_azure->arm("POST", vmPath + u"/start"_s, u"2024-07-01"_s,
                     FakeResponse::raw(202, {}).withHeader("Azure-AsyncOperation",
                                                           "https://evil.example/operations/1"));
        const auto azure = provider(*m_server);
        const auto outcome = runAction(*azure, web1, MachineAction::Start);
        QCOMPARE(outcome->error().kind(), Error::InvalidReply);
        QVERIFY2(outcome->error().message().contains(u"evil.example"_s), outcome->describe());
    }

    void badIdsNeverReachAPath_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("empty") << QString();
        QTest::newRow("not arm") << u"web-1"_s;
        QTest::newRow("bad subscription")
            << u"/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm"_s;
        QTest::newRow("dot dot")
            << (u"/subscriptions/"_s + subA
                + u"/resourceGroups/../providers/Microsoft.Compute/virtualMachines/vm"_s);
        QTest::newRow("other type")
            << (u"/subscriptions/"_s + subA
                + u"/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/n"_s);
        QTest::newRow("query")
            << (u"/subscriptions/"_s + subA
                + u"/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm?x=1"_s);
    }
    void badIdsNeverReachAPath()
    {
        QFETCH(QString, id);
        const auto azure = provider(*m_server);
        const auto outcome = runAction(*azure, id, MachineAction::Start);
        QVERIFY(!outcome->calledSynchronously);
        QCOMPARE(outcome->error().kind(), Error::InvalidInput);
        QCOMPARE(m_server->requestCount(), 0);
    }

    void createMakesIpNicThenVm()
    {
        m_azure->arm("GET", u"/subscriptions/*/providers/Microsoft.Network/virtualNetworks"_s,
                     u"2024-05-01"_s, FakeResponse::raw(200, fixture(u"virtualnetworks.json"_s)));
        m_azure->arm(
            "PUT",
            u"/subscriptions/*/resourceGroups/*/providers/Microsoft.Network/publicIPAddresses/*"_s,
            u"2024-05-01"_s,
            FakeResponse::json(QJsonObject {{u"id"_s, u"/subscriptions/x/ip"_s}}, 201));
        m_azure->arm(
            "PUT",
            u"/subscriptions/*/resourceGroups/*/providers/Microsoft.Network/networkInterfaces/*"_s,
            u"2024-05-01"_s,
            FakeResponse::json(QJsonObject {{u"id"_s, u"/subscriptions/x/nic"_s}}, 200));
        m_azure->arm("PUT", vmPath, u"2024-07-01"_s,
                     FakeResponse::raw(201, fixture(u"vm-created.json"_s)));
        const auto azure = provider(account(*m_server, subA));
        CreateMachineRequest request;
        request.name = u"app-1"_s;
        request.region = u"westeurope"_s;
        request.size = u"Standard_B1s"_s;
        request.image = u"Canonical:ubuntu-24_04-lts:server:latest"_s;
        request.sshKeys = {u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKpu me@laptop"_s};
        request.tags = {u"env=dev"_s};
        const auto created = createMachine(*azure, request);
        QVERIFY2(created->ok(), created->describe());
        QCOMPARE(created->result->value().name, u"app-1"_s);
        QCOMPARE(created->result->value().state, MachineState::Pending);

        const QString group = u"/subscriptions/"_s + subA + u"/resourceGroups/rg-web/providers/"_s;
        const auto ip = m_server->requests(
            "PUT",
            u"/subscriptions/*/resourceGroups/*/providers/Microsoft.Network/publicIPAddresses/*"_s);
        QCOMPARE(ip.size(), 1);
        QCOMPARE(ip.first().path, group + u"Microsoft.Network/publicIPAddresses/app-1-ip"_s);
        QCOMPARE(ip.first().json().value(u"sku"_s).toObject().value(u"name"_s).toString(),
                 u"Standard"_s);
        QCOMPARE(ip.first().json().value(u"location"_s).toString(), u"westeurope"_s);

        const auto nic = m_server->requests(
            "PUT",
            u"/subscriptions/*/resourceGroups/*/providers/Microsoft.Network/networkInterfaces/*"_s);
        QCOMPARE(nic.size(), 1);
        const QJsonObject config = nic.first()
                                       .json()
                                       .value(u"properties"_s)
                                       .toObject()
                                       .value(u"ipConfigurations"_s)
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(u"properties"_s)
                                       .toObject();
        QCOMPARE(config.value(u"subnet"_s).toObject().value(u"id"_s).toString(),
                 group + u"Microsoft.Network/virtualNetworks/web-vnet/subnets/default"_s);
        QCOMPARE(config.value(u"publicIPAddress"_s).toObject().value(u"id"_s).toString(),
                 group + u"Microsoft.Network/publicIPAddresses/app-1-ip"_s);

        const auto vm = m_server->requests("PUT", vmPath);
        QCOMPARE(vm.size(), 1);
        const QJsonObject props = vm.first().json().value(u"properties"_s).toObject();
        QCOMPARE(props.value(u"hardwareProfile"_s).toObject().value(u"vmSize"_s).toString(),
                 u"Standard_B1s"_s);
        const QJsonObject image =
            props.value(u"storageProfile"_s).toObject().value(u"imageReference"_s).toObject();
        QCOMPARE(image.value(u"publisher"_s).toString(), u"Canonical"_s);
        QCOMPARE(image.value(u"version"_s).toString(), u"latest"_s);
        const QJsonObject linuxConfig =
            props.value(u"osProfile"_s).toObject().value(u"linuxConfiguration"_s).toObject();
        QCOMPARE(linuxConfig.value(u"disablePasswordAuthentication"_s).toBool(), true);
        QCOMPARE(linuxConfig.value(u"ssh"_s)
                     .toObject()
                     .value(u"publicKeys"_s)
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"keyData"_s)
                     .toString(),
                 request.sshKeys.first());
        QCOMPARE(props.value(u"networkProfile"_s)
                     .toObject()
                     .value(u"networkInterfaces"_s)
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"id"_s)
                     .toString(),
                 group + u"Microsoft.Network/networkInterfaces/app-1-nic"_s);
        QCOMPARE(vm.first().json().value(u"tags"_s).toObject().value(u"env"_s).toString(),
                 u"dev"_s);
        QVERIFY2(m_azure->violations().isEmpty(), qPrintable(m_azure->violations().join(u'\n')));
    }

    void createIntoTheChosenGroupAndSubnet()
    {
        m_azure->arm("GET", u"/subscriptions/*/providers/Microsoft.Network/virtualNetworks"_s,
                     u"2024-05-01"_s, FakeResponse::raw(200, fixture(u"virtualnetworks.json"_s)));
        m_azure->arm("PUT", u"/subscriptions/*/resourceGroups/*/providers/Microsoft.Network/*/*"_s,
                     u"2024-05-01"_s, FakeResponse::json(QJsonObject {{u"id"_s, u"/x"_s}}, 201));
        m_azure->arm("PUT", vmPath, u"2024-07-01"_s,
                     FakeResponse::raw(201, fixture(u"vm-created.json"_s)));
        const auto azure = provider(account(*m_server, subA));
        CreateMachineRequest request;
        request.name = u"app-1"_s;
        request.region = u"westeurope"_s;
        request.size = u"Standard_B1s"_s;
        request.image = u"Canonical:ubuntu-24_04-lts:server:latest"_s;
        request.sshKeys = {u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKpu me@laptop"_s};
        request.extra = {{u"network"_s, u"web-vnet/default"_s}, {u"resourceGroup"_s, u"rg-apps"_s}};
        const auto created = createMachine(*azure, request);
        QVERIFY2(created->ok(), created->describe());
        const auto puts =
            m_server->requests("PUT", u"/subscriptions/*/resourceGroups/*/providers/*/*/*"_s);
        QCOMPARE(puts.size(), 3);
        for (const RecordedRequest &put : puts)
            QVERIFY2(put.path.contains(u"/resourceGroups/rg-apps/"_s), qPrintable(put.path));
        // The subnet stays the one picked, in its own group.
        QVERIFY(puts.at(1).body.contains("/resourceGroups/rg-web/providers/Microsoft.Network/"
                                         "virtualNetworks/web-vnet/subnets/default"));
        request.extra = {{u"network"_s, u"no-such/subnet"_s}};
        QCOMPARE(createMachine(*azure, request)->error().kind(), Error::InvalidInput);
    }

    void refusedVmLeavesNoNicOrIp()
    {
        m_azure->arm("GET", u"/subscriptions/*/providers/Microsoft.Network/virtualNetworks"_s,
                     u"2024-05-01"_s, FakeResponse::raw(200, fixture(u"virtualnetworks.json"_s)));
        m_azure->arm("PUT", u"/subscriptions/*/resourceGroups/*/providers/Microsoft.Network/*/*"_s,
                     u"2024-05-01"_s,
                     FakeResponse::json(QJsonObject {{u"id"_s, u"/subscriptions/x"_s}}, 201));
        m_azure->arm("DELETE",
                     u"/subscriptions/*/resourceGroups/*/providers/Microsoft.Network/*/*"_s,
                     u"2024-05-01"_s, FakeResponse::raw(200, {}));
        m_azure->arm("PUT", vmPath, u"2024-07-01"_s,
                     FakeResponse::raw(400, fixture(u"error-400.json"_s)));
        const auto azure = provider(account(*m_server, subA));
        CreateMachineRequest request;
        request.name = u"app-2"_s;
        request.region = u"northeurope"_s;
        request.size = u"Standard_B1s"_s;
        request.image = u"Debian:debian-12:12-gen2:latest"_s;
        request.sshKeys = {u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKpu me@laptop"_s};
        const auto created = createMachine(*azure, request);
        QCOMPARE(created->error().kind(), Error::BadRequest);
        QVERIFY2(created->error().message().contains(u"not available"_s), created->describe());
        // NIC first (it holds the IP), then the IP.
        QTRY_COMPARE(
            m_server
                ->requests("DELETE",
                           u"/subscriptions/*/resourceGroups/*/providers/Microsoft.Network/*/*"_s)
                .size(),
            2);
        const auto deletes = m_server->requests(
            "DELETE", u"/subscriptions/*/resourceGroups/*/providers/Microsoft.Network/*/*"_s);
        QVERIFY(deletes.at(0).path.endsWith(u"/networkInterfaces/app-2-nic"_s));
        QVERIFY(deletes.at(1).path.endsWith(u"/publicIPAddresses/app-2-ip"_s));
        QVERIFY(deletes.at(0).path.contains(u"/resourceGroups/rg-db/"_s)); // the vnet's group
    }

    void createRefusesWhatAzureWouldNot()
    {
        const auto azure = provider(account(*m_server, subA));
        CreateMachineRequest request;
        request.name = u"win-1"_s;
        request.region = u"westeurope"_s;
        request.size = u"Standard_B2s"_s;
        request.image =
            u"MicrosoftWindowsServer:WindowsServer:2022-datacenter-azure-edition:latest"_s;
        request.sshKeys = {u"ssh-ed25519 AAAA x"_s};
        // Windows without the administrator password it signs in with (tst_azurecreate has
        // the rest of Windows).
        QCOMPARE(createMachine(*azure, request)->error().kind(), Error::InvalidInput);
        request.image = u"not an image"_s;
        QCOMPARE(createMachine(*azure, request)->error().kind(), Error::InvalidInput);
        request.image = u"Debian:debian-12:12-gen2:latest"_s;
        request.sshKeys.clear();
        QCOMPARE(createMachine(*azure, request)->error().kind(), Error::InvalidInput);
        QCOMPARE(m_server->requestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAzureActions)
#include "tst_azureactions.moc"
