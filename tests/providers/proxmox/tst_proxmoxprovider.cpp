// ProxmoxProvider's list against a fake cluster that checks each request against the API
// schema: one /cluster/resources call for every guest, addresses from the guest agent and the
// containers' interfaces for running guests only, cached between polls and limited per poll, the
// ones in view first; "no agent" is no error; verify and the create catalogs.
#include "proxmoxtesting.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ProxmoxTesting;

class TestProxmoxProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsEveryGuestInOneCall();
    void addressesOfRunningGuests();
    void noAgentIsNotAnError();
    void addressesAreCachedAndBudgeted();
    void inViewComesFirst();
    void restartedGuestIsAskedAgain();
    void verifyNamesTheToken();
    void refusesABadTokenIdBeforeSending();
    void catalogs();

private:
    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<FakeProxmox> m_cluster;
};

void TestProxmoxProvider::init()
{
    m_server = std::make_unique<FakeCloudServer>();
    QVERIFY(m_server->listen());
    m_cluster = std::make_unique<FakeProxmox>(*m_server, authorization);
}

void TestProxmoxProvider::cleanup()
{
    if (m_cluster)
        QVERIFY2(m_cluster->violations().isEmpty(),
                 qPrintable(m_cluster->violations().join(u'\n')));
    m_cluster.reset();
    m_server.reset();
}

void TestProxmoxProvider::listsEveryGuestInOneCall()
{
    const auto provider = ProxmoxTesting::provider(*m_server);
    const auto listed = listMachines(*provider);
    QVERIFY2(listed->ok(), listed->describe());
    QVERIFY(!listed->calledSynchronously);
    QCOMPARE(listed->calls, 1);
    const QList<Machine> machines = listed->result->value();
    QCOMPARE(machines.size(), 9);
    const auto resources = m_cluster->requests("GET", u"/cluster/resources"_s);
    QCOMPARE(resources.size(), 1);
    QCOMPARE(resources.first().target, QByteArray("/api2/json/cluster/resources?type=vm"));
    QCOMPARE(resources.first().header("Authorization"), authorization);
    QVERIFY(find(machines, u"qemu/9000"_s));
    QCOMPARE(find(machines, u"qemu/9000"_s)->state, MachineState::Template);
    QCOMPARE(find(machines, u"lxc/200"_s)->state, MachineState::Running);
    QCOMPARE(find(machines, u"qemu/101"_s)->region, u"pve2"_s);
}

void TestProxmoxProvider::addressesOfRunningGuests()
{
    const auto provider = ProxmoxTesting::provider(*m_server);
    const auto listed = listMachines(*provider);
    QVERIFY2(listed->ok(), listed->describe());
    const QList<Machine> machines = listed->result->value();
    const Machine *web = find(machines, u"qemu/100"_s);
    QCOMPARE(web->privateIpv4, QStringList {u"192.168.10.21"_s});
    QCOMPARE(web->publicIpv4, QStringList {u"203.0.113.21"_s});
    QCOMPARE(web->primaryIp(), u"203.0.113.21"_s);
    QCOMPARE(web->extra.value(u"addresses"_s).toString(), u"agent"_s);
    const Machine *dns = find(machines, u"lxc/200"_s);
    QCOMPARE(dns->privateIpv4, QStringList {u"10.0.20.2"_s});
    QCOMPARE(dns->extra.value(u"addresses"_s).toString(), u"container"_s);
    // Running guests only: one agent call and one container call, each on the guest's node.
    const auto agent =
        m_cluster->requests("GET", u"/nodes/{node}/qemu/{vmid}/agent/network-get-interfaces"_s);
    QCOMPARE(agent.size(), 1);
    QCOMPARE(agent.first().path, u"/api2/json/nodes/pve1/qemu/100/agent/network-get-interfaces"_s);
    const auto interfaces = m_cluster->requests("GET", u"/nodes/{node}/lxc/{vmid}/interfaces"_s);
    QCOMPARE(interfaces.size(), 1);
    QCOMPARE(interfaces.first().path, u"/api2/json/nodes/pve2/lxc/200/interfaces"_s);
    QVERIFY(find(machines, u"qemu/101"_s)->publicIps().isEmpty());
}

void TestProxmoxProvider::noAgentIsNotAnError()
{
    m_cluster->setAgentReply(100,
                             FakeResponse::file(u"proxmox/error_agent_not_running.json"_s, 500));
    const auto provider = ProxmoxTesting::provider(*m_server);
    const auto listed = listMachines(*provider);
    QVERIFY2(listed->ok(), listed->describe());
    const Machine *web = find(listed->result->value(), u"qemu/100"_s);
    QVERIFY(web->publicIps().isEmpty());
    QCOMPARE(web->extra.value(u"addresses"_s).toString(), u"no-agent"_s);
    // Another failure (a permission the token lacks) is not an error of the list either.
    m_cluster->setAgentReply(100, FakeResponse::file(u"proxmox/error_permission.json"_s, 403));
    provider->addressBook().setMaxAgeMs(0);
    const auto again = listMachines(*provider);
    QVERIFY2(again->ok(), again->describe());
    QCOMPARE(find(again->result->value(), u"qemu/100"_s)->extra.value(u"addresses"_s).toString(),
             u"unavailable"_s);
}

void TestProxmoxProvider::addressesAreCachedAndBudgeted()
{
    // A 500-guest cluster: every VM running with an agent.
    QJsonArray big;
    for (int vmid = 1000; vmid < 1500; ++vmid) {
        big.append(QJsonObject {{u"id"_s, u"qemu/%1"_s.arg(vmid)},
                                {u"type"_s, u"qemu"_s},
                                {u"vmid"_s, vmid},
                                {u"node"_s, vmid % 2 ? u"pve1"_s : u"pve2"_s},
                                {u"name"_s, u"vm-%1"_s.arg(vmid)},
                                {u"status"_s, u"running"_s},
                                {u"uptime"_s, 1000},
                                {u"maxcpu"_s, 1},
                                {u"maxmem"_s, 1073741824}});
    }
    m_cluster->resources() = big;
    qint64 now = 1'000'000;
    const auto provider = ProxmoxTesting::provider(*m_server);
    ProxmoxAddressBook &book = provider->addressBook();
    book.setClock([&now] { return now; });
    const QString agentPath = u"/nodes/{node}/qemu/{vmid}/agent/network-get-interfaces"_s;

    const auto first = listMachines(*provider);
    QVERIFY2(first->ok(), first->describe());
    QCOMPARE(first->result->value().size(), 500);
    QCOMPARE(m_cluster->requests("GET", agentPath).size(), book.budget());
    int withAddresses = 0;
    for (const Machine &machine : first->result->value())
        withAddresses += machine.privateIpv4.isEmpty() ? 0 : 1;
    QCOMPARE(withAddresses, book.budget());

    // The next poll asks for the next ones, not the same again; the known stay known.
    now += 60'000;
    const auto second = listMachines(*provider);
    QVERIFY(second->ok());
    QCOMPARE(m_cluster->requests("GET", agentPath).size(), 2 * book.budget());
    withAddresses = 0;
    for (const Machine &machine : second->result->value())
        withAddresses += machine.privateIpv4.isEmpty() ? 0 : 1;
    QCOMPARE(withAddresses, 2 * book.budget());
    QSet<QString> asked;
    for (const RecordedRequest &request : m_cluster->requests("GET", agentPath))
        asked.insert(request.path);
    QCOMPARE(asked.size(), 2 * book.budget()); // no guest asked twice
}

void TestProxmoxProvider::inViewComesFirst()
{
    qint64 now = 1'000'000;
    const auto provider = ProxmoxTesting::provider(*m_server);
    provider->addressBook().setClock([&now] { return now; });
    provider->addressBook().setBudget(1);
    const QString agentPath = u"/nodes/{node}/qemu/{vmid}/agent/network-get-interfaces"_s;
    const QString lxcPath = u"/nodes/{node}/lxc/{vmid}/interfaces"_s;
    // In view: the container. It is fetched first though the VM comes first in the list.
    provider->setMachinesInView({u"lxc/200"_s});
    QVERIFY(listMachines(*provider)->ok());
    QCOMPARE(m_cluster->requests("GET", lxcPath).size(), 1);
    QCOMPARE(m_cluster->requests("GET", agentPath).size(), 0);
    // Then the VM never fetched; the container is fresh (under 30 s) so not asked again.
    now += 10'000;
    QVERIFY(listMachines(*provider)->ok());
    QCOMPARE(m_cluster->requests("GET", agentPath).size(), 1);
    QCOMPARE(m_cluster->requests("GET", lxcPath).size(), 1);
    // After 30 s the one in view is refreshed; the VM (out of view) keeps its entry for 10 min.
    now += 30'000;
    QVERIFY(listMachines(*provider)->ok());
    QCOMPARE(m_cluster->requests("GET", lxcPath).size(), 2);
    QCOMPARE(m_cluster->requests("GET", agentPath).size(), 1);
    provider->setMachinesInView({});
    now += 60'000;
    QVERIFY(listMachines(*provider)->ok());
    QCOMPARE(m_cluster->requests("GET", lxcPath).size()
                 + m_cluster->requests("GET", agentPath).size(),
             3);
    now += provider->addressBook().maxAgeMs();
    QVERIFY(listMachines(*provider)->ok());
    QCOMPARE(m_cluster->requests("GET", lxcPath).size()
                 + m_cluster->requests("GET", agentPath).size(),
             4);
}

void TestProxmoxProvider::restartedGuestIsAskedAgain()
{
    const auto provider = ProxmoxTesting::provider(*m_server);
    const QString agentPath = u"/nodes/{node}/qemu/{vmid}/agent/network-get-interfaces"_s;
    QVERIFY(listMachines(*provider)->ok());
    QCOMPARE(m_cluster->requests("GET", agentPath).size(), 1);
    QVERIFY(listMachines(*provider)->ok());
    QCOMPARE(m_cluster->requests("GET", agentPath).size(), 1); // cached
    // Rebooted (uptime went down): its addresses may have changed.
    QJsonObject web = m_cluster->resources().at(0).toObject();
    web.insert(u"uptime"_s, 12);
    m_cluster->resources().replace(0, web);
    QVERIFY(listMachines(*provider)->ok());
    QCOMPARE(m_cluster->requests("GET", agentPath).size(), 2);
    // Stopped: no addresses, nothing asked.
    web.insert(u"status"_s, u"stopped"_s);
    m_cluster->resources().replace(0, web);
    const auto stopped = listMachines(*provider);
    QVERIFY(stopped->ok());
    QVERIFY(find(stopped->result->value(), u"qemu/100"_s)->privateIps().isEmpty());
    QCOMPARE(m_cluster->requests("GET", agentPath).size(), 2);
}

void TestProxmoxProvider::verifyNamesTheToken()
{
    const auto provider = ProxmoxTesting::provider(*m_server);
    const auto verified = verify(*provider);
    QVERIFY2(verified->ok(), verified->describe());
    QCOMPARE(verified->result->value(), u"clouddeck@pve!ci on Proxmox VE 9.1.1"_s);
    QCOMPARE(m_server->lastRequest().target, QByteArray("/api2/json/version"));
    QCOMPARE(m_server->lastRequest().header("Authorization"), authorization);
}

void TestProxmoxProvider::refusesABadTokenIdBeforeSending()
{
    Account account = ProxmoxTesting::account(*m_server);
    account.settings.insert(u"tokenId"_s, u"clouddeck@pve"_s); // no "!TOKENID"
    const auto provider = ProxmoxTesting::provider(account);
    const auto verified = verify(*provider);
    QCOMPARE(verified->error().kind(), Error::InvalidInput);
    QVERIFY(!verified->calledSynchronously);
    QVERIFY2(verified->error().message().contains(u"USER@REALM!TOKENID"_s), verified->describe());
    QCOMPARE(m_server->requestCount(), 0);
}

void TestProxmoxProvider::catalogs()
{
    const auto provider = ProxmoxTesting::provider(*m_server);
    const auto regions = listRegions(*provider);
    QVERIFY2(regions->ok(), regions->describe());
    QCOMPARE(regions->result->value().size(), 3);
    QCOMPARE(regions->result->value().at(0).id, u"pve1"_s);
    QVERIFY(!regions->result->value().at(2).available); // pve3 is offline
    const auto sizes = listSizes(*provider);
    QVERIFY(sizes->ok());
    QVERIFY(!sizes->calledSynchronously);
    QVERIFY(sizes->result->value().size() >= 4);
    for (const Size &size : sizes->result->value())
        QVERIFY(ProxmoxRequests::preset(size.id));
    QCOMPARE(sizes->result->value().at(2).id, u"c2-m2048"_s);
    const auto images = listImages(*provider);
    QVERIFY2(images->ok(), images->describe());
    QCOMPARE(images->result->value().size(), 2); // the templates
}

QTEST_GUILESS_MAIN(TestProxmoxProvider)
#include "tst_proxmoxprovider.moc"
