// Actions and create on a fake cluster that checks each request against the API schema: every
// action of a VM and of a container starts a task (POST .../status/<verb>) that is followed on
// its node until it stops; a failed task's own text is the error; acceptance and following are
// separate steps (runAction, then followAction); destroy (DELETE with purge=1, no body) only
// when stopped; create clones a template into /cluster/nextid, sets cores and memory, and
// starts the clone.
#include "proxmoxtesting.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ProxmoxTesting;

class TestProxmoxActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void actions_data();
    void actions();
    void acceptedIsNotFollowed();
    void failedTaskShowsItsText();
    void warningsAreSuccess();
    void destroyOnlyWhenStopped();
    void destroyPurges();
    void unknownGuest();
    void createClonesATemplate();
    void createContainerAndNextIdAsString();
    void createRefusesWhatIsNotATemplate();
    void createShowsAFailedClone();
    void taskTimesOut();

private:
    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<FakeProxmox> m_cluster;
};

void TestProxmoxActions::init()
{
    m_server = std::make_unique<FakeCloudServer>();
    QVERIFY(m_server->listen());
    m_cluster = std::make_unique<FakeProxmox>(*m_server, authorization);
    m_cluster->setTaskPolls(2);
}

void TestProxmoxActions::cleanup()
{
    if (m_cluster)
        QVERIFY2(m_cluster->violations().isEmpty(),
                 qPrintable(m_cluster->violations().join(u'\n')));
    m_cluster.reset();
    m_server.reset();
}

void TestProxmoxActions::actions_data()
{
    QTest::addColumn<QString>("machine");
    QTest::addColumn<MachineAction::Action>("action");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("after");
    QTest::newRow("qemu start") << u"qemu/101"_s << MachineAction::Start
                                << u"/api2/json/nodes/pve2/qemu/101/status/start"_s << u"running"_s;
    QTest::newRow("qemu shutdown")
        << u"qemu/100"_s << MachineAction::Shutdown
        << u"/api2/json/nodes/pve1/qemu/100/status/shutdown"_s << u"stopped"_s;
    QTest::newRow("qemu stop") << u"qemu/100"_s << MachineAction::PowerOff
                               << u"/api2/json/nodes/pve1/qemu/100/status/stop"_s << u"stopped"_s;
    QTest::newRow("qemu reboot") << u"qemu/100"_s << MachineAction::Reboot
                                 << u"/api2/json/nodes/pve1/qemu/100/status/reboot"_s
                                 << u"running"_s;
    QTest::newRow("lxc start") << u"lxc/201"_s << MachineAction::Start
                               << u"/api2/json/nodes/pve1/lxc/201/status/start"_s << u"running"_s;
    QTest::newRow("lxc shutdown") << u"lxc/200"_s << MachineAction::Shutdown
                                  << u"/api2/json/nodes/pve2/lxc/200/status/shutdown"_s
                                  << u"stopped"_s;
    QTest::newRow("lxc stop") << u"lxc/200"_s << MachineAction::PowerOff
                              << u"/api2/json/nodes/pve2/lxc/200/status/stop"_s << u"stopped"_s;
    QTest::newRow("lxc reboot") << u"lxc/200"_s << MachineAction::Reboot
                                << u"/api2/json/nodes/pve2/lxc/200/status/reboot"_s << u"running"_s;
}

void TestProxmoxActions::actions()
{
    QFETCH(QString, machine);
    QFETCH(MachineAction::Action, action);
    QFETCH(QString, path);
    QFETCH(QString, after);
    const auto provider = ProxmoxTesting::provider(*m_server);
    QVERIFY(listMachines(*provider)->ok());
    m_server->clearRequests();
    const auto acted = runAndFollow(*provider, machine, action);
    QVERIFY2(acted->ok(), acted->describe());
    QVERIFY(!acted->calledSynchronously);
    QCOMPARE(acted->calls, 1);
    const QList<RecordedRequest> requests = m_server->requests();
    QVERIFY(requests.size() >= 4); // the action, then the task until it stopped (2 x running)
    QCOMPARE(requests.first().method, QByteArray("POST"));
    QCOMPARE(requests.first().path, path);
    QVERIFY(requests.first().body.isEmpty());
    QCOMPARE(requests.first().header("Authorization"), authorization);
    const QString upid = m_cluster->tasks().last();
    const auto statuses = m_cluster->requests("GET", u"/nodes/{node}/tasks/{upid}/status"_s);
    QCOMPARE(statuses.size(), 3);
    QCOMPARE(statuses.last().pathArgs.at(1), upid);
    QCOMPARE(statuses.last().pathArgs.at(0), ProxmoxRequests::upidNode(upid));
    QCOMPARE(m_cluster->resource(machine).value(u"status"_s).toString(), after);
}

void TestProxmoxActions::acceptedIsNotFollowed()
{
    const auto provider = ProxmoxTesting::provider(*m_server);
    const QString statusPath = u"/nodes/{node}/tasks/{upid}/status"_s;
    const auto accepted = runAction(*provider, u"qemu/101"_s, MachineAction::Start);
    QVERIFY2(accepted->ok(), accepted->describe());
    QVERIFY(!accepted->calledSynchronously);
    QCOMPARE(m_cluster->tasks().size(), 1);
    // Accepted means sent and answered with a UPID: nothing of the task was read yet.
    QCOMPARE(m_cluster->requests("GET", statusPath).size(), 0);
    const auto followed = AsyncResult::run<void>([&](Callback<void> done) {
        provider->followAction(u"qemu/101"_s, MachineAction::Start, std::move(done));
    });
    QVERIFY2(followed->ok(), followed->describe());
    const auto statuses = m_cluster->requests("GET", statusPath);
    QCOMPARE(statuses.size(), 3); // running, running, stopped
    QCOMPARE(statuses.last().pathArgs.at(1), m_cluster->tasks().last());
    QCOMPARE(m_cluster->resource(u"qemu/101"_s).value(u"status"_s).toString(), u"running"_s);
    // The task is followed once; a second follow has nothing to read.
    const auto again = AsyncResult::run<void>([&](Callback<void> done) {
        provider->followAction(u"qemu/101"_s, MachineAction::Start, std::move(done));
    });
    QVERIFY2(again->ok(), again->describe());
    QVERIFY(!again->calledSynchronously);
    QCOMPARE(m_cluster->requests("GET", statusPath).size(), 3);
}

void TestProxmoxActions::failedTaskShowsItsText()
{
    const auto provider = ProxmoxTesting::provider(*m_server);
    m_cluster->failNextTask(
        u"can't lock file '/var/lock/qemu-server/lock-101.conf' - got timeout"_s);
    const auto acted = runAndFollow(*provider, u"qemu/101"_s, MachineAction::Start);
    QCOMPARE(acted->error().kind(), Error::Server);
    QCOMPARE(acted->error().providerCode(), u"task-failed"_s);
    QVERIFY2(acted->error().message().contains(
                 u"can't lock file '/var/lock/qemu-server/lock-101.conf' - got timeout"_s),
             acted->describe());
    QCOMPARE(m_cluster->resource(u"qemu/101"_s).value(u"status"_s).toString(), u"stopped"_s);
}

void TestProxmoxActions::warningsAreSuccess()
{
    const auto provider = ProxmoxTesting::provider(*m_server);
    m_cluster->failNextTask(u"WARNINGS: 1"_s);
    const auto acted = runAndFollow(*provider, u"lxc/201"_s, MachineAction::Start);
    QVERIFY2(acted->ok(), acted->describe());
}

void TestProxmoxActions::destroyOnlyWhenStopped()
{
    const auto provider = ProxmoxTesting::provider(*m_server);
    const auto acted = runAction(*provider, u"qemu/100"_s, MachineAction::Destroy);
    QCOMPARE(acted->error().kind(), Error::InvalidInput);
    QVERIFY2(acted->error().message().contains(u"only stopped"_s), acted->describe());
    QCOMPARE(m_cluster->requests("DELETE", u"/nodes/{node}/qemu/{vmid}"_s).size(), 0);
    // Should it be running by the time Proxmox gets the request, Proxmox's task says so.
    QVERIFY(listMachines(*provider)->ok());
    m_cluster->setStatus(u"qemu/101"_s, u"running"_s);
    m_cluster->holdStatusForOneList(u"qemu/101"_s, u"stopped"_s);
    const auto raced = runAndFollow(*provider, u"qemu/101"_s, MachineAction::Destroy);
    QCOMPARE(raced->error().kind(), Error::Server);
    QVERIFY2(raced->error().message().contains(u"VM 101 is running - destroy failed"_s),
             raced->describe());
}

void TestProxmoxActions::destroyPurges()
{
    const auto provider = ProxmoxTesting::provider(*m_server);
    for (const QString &id : {u"qemu/101"_s, u"lxc/201"_s, u"qemu/9000"_s}) {
        const auto destroyed = runAndFollow(*provider, id, MachineAction::Destroy);
        QVERIFY2(destroyed->ok(), destroyed->describe());
        QVERIFY(m_cluster->resource(id).isEmpty());
    }
    const auto deletes = m_cluster->requests("DELETE", u"/nodes/{node}/qemu/{vmid}"_s);
    QCOMPARE(deletes.size(), 2);
    QCOMPARE(deletes.first().target,
             QByteArray("/api2/json/nodes/pve2/qemu/101?purge=1&destroy-unreferenced-disks=1"));
    QVERIFY(deletes.first().body.isEmpty());
    const auto lxc = m_cluster->requests("DELETE", u"/nodes/{node}/lxc/{vmid}"_s);
    QCOMPARE(lxc.size(), 1);
    QCOMPARE(lxc.first().path, u"/api2/json/nodes/pve1/lxc/201"_s);
}

void TestProxmoxActions::unknownGuest()
{
    const auto provider = ProxmoxTesting::provider(*m_server);
    const auto missing = runAction(*provider, u"qemu/555"_s, MachineAction::Start);
    QCOMPARE(missing->error().kind(), Error::NotFound);
    const auto bad = runAction(*provider, u"qemu/100/../../x"_s, MachineAction::Start);
    QCOMPARE(bad->error().kind(), Error::InvalidInput);
    QVERIFY(!bad->calledSynchronously);
}

void TestProxmoxActions::createClonesATemplate()
{
    const auto provider = ProxmoxTesting::provider(*m_server);
    CreateMachineRequest request;
    request.name = u"web-02"_s;
    request.image = u"qemu/9000"_s;
    request.region = u"pve1"_s;
    request.size = u"c2-m4096"_s;
    request.tags = {u"prod"_s};
    request.extra.insert(u"clone"_s, u"full"_s);
    request.extra.insert(u"storage"_s, u"local-lvm"_s);
    const auto created = createMachine(*provider, request);
    QVERIFY2(created->ok(), created->describe());
    const Machine machine = created->result->value();
    QCOMPARE(machine.id, u"qemu/105"_s);
    QCOMPARE(machine.name, u"web-02"_s);
    QCOMPARE(machine.region, u"pve1"_s);
    QCOMPARE(machine.state, MachineState::Starting);
    QCOMPARE(machine.vcpus, 2);
    QCOMPARE(machine.memoryMb, 4096);

    QCOMPARE(m_cluster->requests("GET", u"/cluster/nextid"_s).size(), 1);
    const auto clones = m_cluster->requests("POST", u"/nodes/{node}/qemu/{vmid}/clone"_s);
    QCOMPARE(clones.size(), 1);
    QCOMPARE(clones.first().path, u"/api2/json/nodes/pve1/qemu/9000/clone"_s);
    QCOMPARE(clones.first().header("Content-Type"),
             QByteArray("application/x-www-form-urlencoded"));
    QCOMPARE(clones.first().body, QByteArray("newid=105&name=web-02&full=1&storage=local-lvm"));
    const auto configs = m_cluster->requests("POST", u"/nodes/{node}/qemu/{vmid}/config"_s);
    QCOMPARE(configs.size(), 1);
    QCOMPARE(configs.first().path, u"/api2/json/nodes/pve1/qemu/105/config"_s);
    QCOMPARE(configs.first().body, QByteArray("cores=2&memory=4096&tags=prod"));
    const auto starts = m_cluster->requests("POST", u"/nodes/{node}/qemu/{vmid}/status/start"_s);
    QCOMPARE(starts.size(), 1);
    QCOMPARE(starts.first().path, u"/api2/json/nodes/pve1/qemu/105/status/start"_s);
    // In order: the clone task was followed to its end before the config was sent.
    const QList<RecordedRequest> all = m_server->requests();
    qsizetype cloneAt = -1, configAt = -1, startAt = -1;
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (all.at(i).path.endsWith(u"/clone"_s))
            cloneAt = i;
        else if (all.at(i).path.endsWith(u"/config"_s))
            configAt = i;
        else if (all.at(i).path.endsWith(u"/status/start"_s))
            startAt = i;
    }
    QVERIFY(cloneAt < configAt && configAt < startAt);
    QCOMPARE(m_cluster->resource(u"qemu/105"_s).value(u"maxcpu"_s).toInt(), 2);
    QCOMPARE(m_cluster->resource(u"qemu/105"_s).value(u"status"_s).toString(), u"stopped"_s);
}

void TestProxmoxActions::createContainerAndNextIdAsString()
{
    m_cluster->setNextIdAsString(true);
    const auto provider = ProxmoxTesting::provider(*m_server);
    CreateMachineRequest request;
    request.name = u"dns-02"_s;
    request.image = u"lxc/9001"_s;
    request.size = u"c1-m1024"_s;
    const auto created = createMachine(*provider, request);
    QVERIFY2(created->ok(), created->describe());
    QCOMPARE(created->result->value().id, u"lxc/105"_s);
    QCOMPARE(created->result->value().region, u"pve2"_s); // the template's node
    const auto clones = m_cluster->requests("POST", u"/nodes/{node}/lxc/{vmid}/clone"_s);
    QCOMPARE(clones.size(), 1);
    QCOMPARE(clones.first().body, QByteArray("newid=105&hostname=dns-02&full=0"));
    const auto configs = m_cluster->requests("PUT", u"/nodes/{node}/lxc/{vmid}/config"_s);
    QCOMPARE(configs.size(), 1);
    QCOMPARE(configs.first().body, QByteArray("cores=1&memory=1024"));
}

void TestProxmoxActions::createRefusesWhatIsNotATemplate()
{
    const auto provider = ProxmoxTesting::provider(*m_server);
    CreateMachineRequest request;
    request.name = u"web-03"_s;
    request.image = u"qemu/100"_s; // a machine, not a template
    const auto created = createMachine(*provider, request);
    QCOMPARE(created->error().kind(), Error::InvalidInput);
    QVERIFY2(created->error().message().contains(u"not a template"_s), created->describe());
    request.image = u"qemu/9999"_s;
    QCOMPARE(createMachine(*provider, request)->error().kind(), Error::InvalidInput);
    QCOMPARE(m_cluster->requests("POST", u"/nodes/{node}/qemu/{vmid}/clone"_s).size(), 0);
    QCOMPARE(m_cluster->requests("GET", u"/cluster/nextid"_s).size(), 0);
}

void TestProxmoxActions::createShowsAFailedClone()
{
    const auto provider = ProxmoxTesting::provider(*m_server);
    m_cluster->failNextTask(u"clone failed: storage 'local-lvm' does not support linked clones"_s);
    CreateMachineRequest request;
    request.name = u"web-04"_s;
    request.image = u"qemu/9000"_s;
    request.size = u"c1-m1024"_s;
    const auto created = createMachine(*provider, request);
    QCOMPARE(created->error().kind(), Error::Server);
    QVERIFY2(created->error().message().contains(u"does not support linked clones"_s),
             created->describe());
    QCOMPARE(m_cluster->requests("POST", u"/nodes/{node}/qemu/{vmid}/config"_s).size(), 0);
}

void TestProxmoxActions::taskTimesOut()
{
    m_cluster->setTaskPolls(1000);
    const auto provider = ProxmoxTesting::provider(*m_server);
    provider->setTaskTimeoutMs(100);
    const auto acted = runAndFollow(*provider, u"qemu/101"_s, MachineAction::Start);
    QCOMPARE(acted->error().kind(), Error::Timeout);
    QVERIFY2(acted->error().message().contains(u"still running"_s), acted->describe());
}

QTEST_GUILESS_MAIN(TestProxmoxActions)
#include "tst_proxmoxactions.moc"
