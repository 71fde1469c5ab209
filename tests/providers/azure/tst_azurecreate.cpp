// AzureProvider's creation followed to its end (Compute 2024-07-01 virtualMachine.json:
// VirtualMachines_CreateOrUpdate 200/201 and a long-running operation, VirtualMachines_Delete
// 200/202/204; Network 2024-05-01 networkInterface.json / publicIpAddress.json Delete
// 200/202/204): a VM that Azure accepts and then fails is deleted with the NIC and the public IP
// made for it, in that order, and a cleanup that fails names what is left. Windows VMs with the
// administrator password (OSProfile.adminPassword, windowsConfiguration). And the wizard's sizes
// priced from the Retail Prices API, one paged query for the region.
#include "azuretesting.h"

#include <QTest>

using namespace AzureTesting;
using namespace ProviderTesting;
using namespace Qt::StringLiterals;

namespace {

const QString operations =
    u"/subscriptions/*/providers/Microsoft.Compute/locations/*/operations/*"_s;
const QString group = u"/subscriptions/"_s + subA + u"/resourceGroups/rg-web/providers/"_s;

CreateMachineRequest linuxRequest()
{
    CreateMachineRequest request;
    request.name = u"app-1"_s;
    request.region = u"westeurope"_s;
    request.size = u"Standard_B1s"_s;
    request.image = u"Canonical:ubuntu-24_04-lts:server:latest"_s;
    request.sshKeys = {u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKpu me@laptop"_s};
    return request;
}

} // namespace

class TestAzureCreate : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<FakeAzure> m_azure;

    /// ARM's reply pointing at the status resource @p name (Azure-AsyncOperation, as Compute
    /// answers a PUT or DELETE of a VM).
    FakeResponse withOperation(FakeResponse response, const QString &name) const
    {
        const QByteArray status =
            m_server
                ->url(u"/subscriptions/"_s + subA
                      + u"/providers/Microsoft.Compute/locations/westeurope/operations/"_s + name)
                .toString()
                .toUtf8()
            + "?api-version=2024-07-01";
        return response.withHeader("Azure-AsyncOperation", status).withHeader("Retry-After", "0");
    }

    /// Each status resource answers its fixtures in turn, the last one from then on.
    void serveOperations(const QHash<QString, QStringList> &scripts)
    {
        auto remaining = std::make_shared<QHash<QString, QStringList>>(scripts);
        m_azure->arm(
            "GET", operations, u"2024-07-01"_s, [remaining](const RecordedRequest &request) {
                QStringList &script = (*remaining)[request.pathArgs.value(2)];
                if (script.isEmpty())
                    return FakeResponse::raw(404, fixture(u"error-404.json"_s));
                const QString name = script.size() > 1 ? script.takeFirst() : script.first();
                return FakeResponse::raw(200, fixture(name));
            });
    }

    /// The network, the IP and NIC PUTs answered at once, and the VM's PUT accepted with an
    /// operation to follow.
    void serveCreation()
    {
        m_azure->arm("GET", u"/subscriptions/*/providers/Microsoft.Network/virtualNetworks"_s,
                     u"2024-05-01"_s, FakeResponse::raw(200, fixture(u"virtualnetworks.json"_s)));
        m_azure->arm("PUT", u"/subscriptions/*/resourceGroups/*/providers/Microsoft.Network/*/*"_s,
                     u"2024-05-01"_s,
                     FakeResponse::json(QJsonObject {{u"id"_s, u"/subscriptions/x"_s}}, 201));
        m_azure->arm(
            "PUT",
            u"/subscriptions/*/resourceGroups/*/providers/Microsoft.Compute/virtualMachines/*"_s,
            u"2024-07-01"_s,
            withOperation(FakeResponse::raw(201, fixture(u"vm-created.json"_s)), u"op-create"_s));
    }

    /// "METHOD path" of every ARM request, in the order sent.
    QStringList sequence() const
    {
        QStringList sent;
        for (const RecordedRequest &request : m_azure->armRequests())
            sent.append(QString::fromLatin1(request.method) + u' ' + request.path);
        return sent;
    }

    static QStringList creationSteps()
    {
        const QString opCreate = u"GET /subscriptions/"_s + subA
                                 + u"/providers/Microsoft.Compute/locations/westeurope/"
                                   u"operations/op-create"_s;
        return {u"GET /subscriptions/"_s + subA + u"/providers/Microsoft.Network/virtualNetworks"_s,
                u"PUT "_s + group + u"Microsoft.Network/publicIPAddresses/app-1-ip"_s,
                u"PUT "_s + group + u"Microsoft.Network/networkInterfaces/app-1-nic"_s,
                u"PUT "_s + group + u"Microsoft.Compute/virtualMachines/app-1"_s,
                opCreate,
                opCreate};
    }

    void expectNoViolations() const
    {
        QVERIFY2(m_azure->violations().isEmpty(), qPrintable(m_azure->violations().join(u'\n')));
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

    void succeededCreationKeepsEverything()
    {
        serveCreation();
        serveOperations(
            {{u"op-create"_s, {u"operation-inprogress.json"_s, u"operation-succeeded.json"_s}}});
        const auto azure = provider(account(*m_server, subA));
        const auto created = createMachine(*azure, linuxRequest());
        QVERIFY2(created->ok(), created->describe());
        QCOMPARE(created->result->value().name, u"app-1"_s);
        QCOMPARE(created->result->value().state, MachineState::Pending);
        QCOMPARE(sequence(), creationSteps());
        expectNoViolations();
    }

    void failedCreationDeletesVmThenNicThenIp()
    {
        serveCreation();
        serveOperations(
            {{u"op-create"_s, {u"operation-inprogress.json"_s, u"operation-failed.json"_s}},
             {u"op-delete"_s, {u"operation-succeeded.json"_s}}});
        m_azure->arm(
            "DELETE",
            u"/subscriptions/*/resourceGroups/*/providers/Microsoft.Compute/virtualMachines/*"_s,
            u"2024-07-01"_s, withOperation(FakeResponse::raw(202, {}), u"op-delete"_s));
        // The VM's deleteOption may have taken them already: "Resource does not exist" is
        // 204 for the NIC, and gone counts as deleted.
        m_azure->arm("DELETE",
                     u"/subscriptions/*/resourceGroups/*/providers/Microsoft.Network/"
                     u"networkInterfaces/*"_s,
                     u"2024-05-01"_s, FakeResponse::raw(204, {}));
        m_azure->arm("DELETE",
                     u"/subscriptions/*/resourceGroups/*/providers/Microsoft.Network/"
                     u"publicIPAddresses/*"_s,
                     u"2024-05-01"_s, FakeResponse::raw(200, {}));
        const auto azure = provider(account(*m_server, subA));
        const auto created = createMachine(*azure, linuxRequest());

        // Azure's error, as the operation gave it, and what was done about it.
        QCOMPARE(created->error().kind(), Error::BadRequest);
        QCOMPARE(created->error().providerCode(), u"AllocationFailed"_s);
        const QString message = created->error().message();
        QVERIFY2(message.contains(u"sufficient capacity"_s), qPrintable(message));
        QVERIFY2(message.contains(u"deleted what it had made"_s), qPrintable(message));
        QVERIFY2(message.contains(u"app-1-nic"_s) && message.contains(u"app-1-ip"_s),
                 qPrintable(message));

        // All of it before the answer, in the only order Azure allows: the VM holds the NIC,
        // the NIC holds the IP.
        QStringList expected = creationSteps();
        expected << u"DELETE "_s + group + u"Microsoft.Compute/virtualMachines/app-1"_s
                 << u"GET /subscriptions/"_s + subA
                        + u"/providers/Microsoft.Compute/locations/westeurope/operations/"
                          u"op-delete"_s
                 << u"DELETE "_s + group + u"Microsoft.Network/networkInterfaces/app-1-nic"_s
                 << u"DELETE "_s + group + u"Microsoft.Network/publicIPAddresses/app-1-ip"_s;
        QCOMPARE(sequence(), expected);
        for (const RecordedRequest &request : m_server->requests("DELETE", u"/subscriptions/*"_s))
            QVERIFY(request.body.isEmpty());
        expectNoViolations();
    }

    void failedCleanupNamesWhatIsLeft()
    {
        serveCreation();
        serveOperations(
            {{u"op-create"_s, {u"operation-inprogress.json"_s, u"operation-failed.json"_s}}});
        m_azure->arm(
            "DELETE",
            u"/subscriptions/*/resourceGroups/*/providers/Microsoft.Compute/virtualMachines/*"_s,
            u"2024-07-01"_s, FakeResponse::raw(204, {}));
        m_azure->arm("DELETE",
                     u"/subscriptions/*/resourceGroups/*/providers/Microsoft.Network/"
                     u"networkInterfaces/*"_s,
                     u"2024-05-01"_s, FakeResponse::raw(409, fixture(u"error-409.json"_s)));
        m_azure->arm("DELETE",
                     u"/subscriptions/*/resourceGroups/*/providers/Microsoft.Network/"
                     u"publicIPAddresses/*"_s,
                     u"2024-05-01"_s, FakeResponse::raw(200, {}));
        const auto azure = provider(account(*m_server, subA));
        const auto created = createMachine(*azure, linuxRequest());

        QCOMPARE(created->error().kind(), Error::BadRequest);
        QCOMPARE(created->error().providerCode(), u"AllocationFailed"_s);
        const QString message = created->error().message();
        QVERIFY2(message.contains(u"sufficient capacity"_s), qPrintable(message));
        // The NIC could not go, and the IP it holds cannot either: both named, the VM not.
        QVERIFY2(message.contains(u"could not delete the network interface app-1-nic, the "
                                  u"public IP address app-1-ip"_s),
                 qPrintable(message));
        QVERIFY2(message.contains(u"marked for deletion"_s), qPrintable(message));
        QVERIFY2(!message.contains(u"the virtual machine app-1"_s), qPrintable(message));

        QStringList expected = creationSteps();
        expected << u"DELETE "_s + group + u"Microsoft.Compute/virtualMachines/app-1"_s
                 << u"DELETE "_s + group + u"Microsoft.Network/networkInterfaces/app-1-nic"_s;
        QCOMPARE(sequence(), expected);
        expectNoViolations();
    }

    void creationOfUnknownOutcomeDeletesNothing()
    {
        serveCreation();
        serveOperations({{u"op-create"_s, {u"operation-inprogress.json"_s}}});
        const auto azure = provider(account(*m_server, subA));
        AzureOperation::Timing timing;
        timing.firstMs = 5;
        timing.maxMs = 10;
        timing.maxRetryAfterMs = 10;
        timing.timeoutMs = 100;
        azure->setOperationTiming(timing);
        // Still running at the deadline: it may well succeed, so the machine is shown pending.
        const auto created = createMachine(*azure, linuxRequest());
        QVERIFY2(created->ok(), created->describe());
        QCOMPARE(created->result->value().state, MachineState::Pending);
        QVERIFY(m_server->requests("DELETE", u"/subscriptions/*"_s).isEmpty());
    }

    void windowsSignsInWithTheTypedPassword()
    {
        serveCreation();
        serveOperations({{u"op-create"_s, {u"operation-succeeded.json"_s}}});
        const auto azure = provider(account(*m_server, subA));
        CreateMachineRequest request = linuxRequest();
        request.name = u"windows-server-1"_s;
        request.image =
            u"MicrosoftWindowsServer:WindowsServer:2022-datacenter-azure-edition:latest"_s;
        request.sshKeys.clear(); // Windows takes none
        request.adminPassword = u"Str0ng&Long-enough"_s;
        const auto created = createMachine(*azure, request);
        QVERIFY2(created->ok(), created->describe());

        const auto vm = m_server->requests(
            "PUT",
            u"/subscriptions/*/resourceGroups/*/providers/Microsoft.Compute/virtualMachines/*"_s);
        QCOMPARE(vm.size(), 1);
        QVERIFY(vm.first().path.endsWith(u"/virtualMachines/windows-server-1"_s));
        const QJsonObject os =
            vm.first().json().value(u"properties"_s).toObject().value(u"osProfile"_s).toObject();
        // OSProfile as the spec has it for Windows: the password, windowsConfiguration, and a
        // computer name of at most 15 characters.
        QCOMPARE(os.value(u"adminPassword"_s).toString(), request.adminPassword);
        QCOMPARE(os.value(u"adminUsername"_s).toString(), u"azureuser"_s);
        QCOMPARE(os.value(u"computerName"_s).toString(), u"windows-server"_s);
        QVERIFY(!os.contains(u"linuxConfiguration"_s));
        const QJsonObject windows = os.value(u"windowsConfiguration"_s).toObject();
        QCOMPARE(windows.value(u"provisionVMAgent"_s).toBool(), true);
        QCOMPARE(windows.value(u"enableAutomaticUpdates"_s).toBool(), true);
        // In that body only: not in the IP's or NIC's, nor in any URL or header.
        const QByteArray secret = request.adminPassword.toUtf8();
        for (const RecordedRequest &sent : m_server->requests()) {
            if (!sent.path.contains(u"/virtualMachines/"_s))
                QVERIFY2(!sent.body.contains(secret), qPrintable(sent.path));
            QVERIFY(!sent.target.contains(secret));
            for (const auto &header : sent.headers)
                QVERIFY(!header.second.contains(secret));
        }
        expectNoViolations();
    }

    void windowsPasswordsAzureWouldRefuseAreNotSent_data()
    {
        QTest::addColumn<QString>("password");
        QTest::newRow("none") << QString();
        QTest::newRow("11 characters") << u"Abcdefgh1!x"_s;
        QTest::newRow("124 characters") << (u"Aa1!"_s + QString(120, u'x'));
        QTest::newRow("2 kinds") << u"abcdefgh12345"_s;
        QTest::newRow("2 kinds, other") << u"ABCDEFGH-_-_-"_s;
    }
    void windowsPasswordsAzureWouldRefuseAreNotSent()
    {
        QFETCH(QString, password);
        const auto azure = provider(account(*m_server, subA));
        CreateMachineRequest request = linuxRequest();
        request.image =
            u"MicrosoftWindowsServer:WindowsServer:2022-datacenter-azure-edition:latest"_s;
        request.adminPassword = password;
        const auto created = createMachine(*azure, request);
        QCOMPARE(created->error().kind(), Error::InvalidInput);
        QVERIFY2(created->error().message().contains(u"administrator password"_s),
                 created->describe());
        QCOMPARE(m_server->requestCount(), 0);
    }

    void passwordRules()
    {
        // 12 to 123 characters, 3 of the 4 kinds: the edges either side.
        QVERIFY(CreateMachineRequest::windowsPasswordProblem(u"Abcdefghij1x"_s).isEmpty());
        QVERIFY(CreateMachineRequest::windowsPasswordProblem(u"abcdefghij1!"_s).isEmpty());
        QVERIFY(CreateMachineRequest::windowsPasswordProblem(u"ABCDEFGHIJ_1"_s).isEmpty());
        QVERIFY(!CreateMachineRequest::windowsPasswordProblem(u"Abcdefghij1"_s).isEmpty());
        QVERIFY(
            CreateMachineRequest::windowsPasswordProblem(u"Aa1"_s + QString(120, u'x')).isEmpty());
        QVERIFY(
            !CreateMachineRequest::windowsPasswordProblem(u"Aa1"_s + QString(121, u'x')).isEmpty());
        QVERIFY(!CreateMachineRequest::windowsPasswordProblem(u"abcdefghijkl"_s).isEmpty());
    }

    void linuxTakesNoPassword()
    {
        const auto azure = provider(account(*m_server, subA));
        CreateMachineRequest request = linuxRequest();
        request.adminPassword = u"Str0ng&Long-enough"_s;
        QCOMPARE(createMachine(*azure, request)->error().kind(), Error::InvalidInput);
        QCOMPARE(m_server->requestCount(), 0);
    }

    void sizesArePricedFromTheRegionsPrices()
    {
        m_azure->arm("GET", u"/subscriptions/*/providers/Microsoft.Compute/locations/*/vmSizes"_s,
                     u"2024-07-01"_s, FakeResponse::raw(200, fixture(u"vmsizes.json"_s)));
        const QByteArray base = m_server->url().toString().toUtf8();
        m_server->on("GET", u"/prices"_s, [base](const RecordedRequest &request) {
            const bool second = request.query.queryItemValue(u"$skip"_s) == QLatin1String("100");
            return FakeResponse::raw(200, fixture(second ? u"retailprices-region-page2.json"_s
                                                         : u"retailprices-region-page1.json"_s,
                                                  {{"{{BASE}}", base}}));
        });
        Account scoped = account(*m_server, subA);
        scoped.regions = {u"westeurope"_s};
        const auto azure = provider(scoped);
        const auto sizes = listSizes(*azure);
        QVERIFY2(sizes->ok(), sizes->describe());
        const QList<Size> listed = sizes->result->value();
        QCOMPARE(listed.size(), 3);

        // B1s: the Linux meter (not Windows, not Spot), a month of 730 hours, said to be Linux's.
        QCOMPARE(listed.at(0).id, u"Standard_B1s"_s);
        QCOMPARE(listed.at(0).priceHourly, std::optional<double>(0.0104));
        QVERIFY(qFuzzyCompare(*listed.at(0).priceMonthly, 0.0104 * 730));
        QCOMPARE(listed.at(0).description, u"Standard_B1s (1 vCPU, 1 GiB), Linux price"_s);
        // B2s: the lower of its two Linux meters, the second on the next page.
        QCOMPARE(listed.at(1).priceHourly, std::optional<double>(0.0416));
        QVERIFY(qFuzzyCompare(*listed.at(1).priceMonthly, 0.0416 * 730));
        // D4s_v5 has no meter: no price, and nothing said about one.
        QVERIFY(!listed.at(2).priceHourly && !listed.at(2).priceMonthly);
        QCOMPARE(listed.at(2).description, u"Standard_D4s_v5 (4 vCPU, 16 GiB)"_s);

        // One query for the region, its two pages, without a token.
        const auto asked = m_server->requests("GET", u"/prices"_s);
        QCOMPARE(asked.size(), 2);
        const QString filter = u"serviceName eq 'Virtual Machines' and armRegionName eq "
                               u"'westeurope' and priceType eq 'Consumption'"_s;
        QCOMPARE(asked.at(0).query.queryItemValue(u"$filter"_s, QUrl::FullyDecoded), filter);
        QCOMPARE(AzurePriceBook::regionFilter(u"westeurope"_s), filter);
        QCOMPARE(asked.at(1).query.queryItemValue(u"$filter"_s, QUrl::FullyDecoded), filter);
        QCOMPARE(asked.at(1).query.queryItemValue(u"$skip"_s), u"100"_s);
        for (const RecordedRequest &request : asked)
            QVERIFY(request.header("Authorization").isEmpty());

        // Kept for the day, as the listing's are: asked again, nothing is sent, same prices.
        const auto again = listSizes(*azure);
        QVERIFY2(again->ok(), again->describe());
        QCOMPARE(again->result->value(), listed);
        QCOMPARE(m_server->requests("GET", u"/prices"_s).size(), 2);
        expectNoViolations();
    }

    void sizesWithoutPricesAreStillListed()
    {
        m_azure->arm("GET", u"/subscriptions/*/providers/Microsoft.Compute/locations/*/vmSizes"_s,
                     u"2024-07-01"_s, FakeResponse::raw(200, fixture(u"vmsizes.json"_s)));
        m_server->on("GET", u"/prices"_s, FakeResponse::raw(503, "<html>busy</html>", "text/html"));
        const auto azure = provider(account(*m_server, subA), 0);
        const auto sizes = listSizes(*azure);
        QVERIFY2(sizes->ok(), sizes->describe());
        QCOMPARE(sizes->result->value().size(), 3);
        for (const Size &size : sizes->result->value()) {
            QVERIFY(!size.priceHourly && !size.priceMonthly);
            QVERIFY(!size.description.contains(u"price"_s));
        }
        // A failed query waits an hour, as a failed listing price does.
        const qsizetype asked = m_server->requests("GET", u"/prices"_s).size();
        QVERIFY(listSizes(*azure)->ok());
        QCOMPARE(m_server->requests("GET", u"/prices"_s).size(), asked);
    }
};

QTEST_GUILESS_MAIN(TestAzureCreate)
#include "tst_azurecreate.moc"
