// ProxmoxParser and ProxmoxRequests on the fixtures written from the API viewer's schema: the
// guests of /cluster/resources with every state, templates, tags and sizes; addresses from the
// guest agent and from containers; tasks and their exit status; the ids and the token header.
#include "httpresponse.h"
#include "proxmoxparser.h"
#include "proxmoxrequests.h"
#include "testhelpers.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QJsonObject fixture(const QString &name)
{
    return readJsonFixture(u"proxmox/"_s + name).object();
}
} // namespace

class TestProxmoxParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void guests();
    void states_data();
    void states();
    void templatesAreImages();
    void agentAddresses();
    void containerAddresses();
    void tasks();
    void nextId();
    void errors();
    void ids();
    void authorization();
    void clonePlan();
    void clonePlanRefuses_data();
    void clonePlanRefuses();
    void wrongShapes_data();
    void wrongShapes();
};

void TestProxmoxParser::guests()
{
    const auto guests = ProxmoxParser::resources(fixture(u"cluster_resources.json"_s));
    QVERIFY2(guests.ok(), qPrintable(guests.error().message()));
    QCOMPARE(guests.value().size(), 9);
    const ProxmoxParser::Guest &web = guests.value().at(0);
    QCOMPARE(web.type, u"qemu"_s);
    QCOMPARE(web.vmid, 100);
    QCOMPARE(web.node, u"pve1"_s);
    QVERIFY(web.running);
    QCOMPARE(web.uptime, 86400);
    const Machine &machine = web.machine;
    QCOMPARE(machine.id, u"qemu/100"_s);
    QCOMPARE(machine.name, u"web-01"_s);
    QCOMPARE(machine.state, MachineState::Running);
    QCOMPARE(machine.providerState, u"running"_s);
    QCOMPARE(machine.region, u"pve1"_s);
    QCOMPARE(machine.vcpus, 4);
    QCOMPARE(machine.memoryMb, 8192);
    QCOMPARE(machine.diskGb, 32);
    QCOMPARE(machine.size, u"c4-m8192"_s);
    QCOMPARE(machine.tags, QStringList({u"prod"_s, u"web"_s}));
    QCOMPARE(machine.extra.value(u"type"_s).toString(), u"qemu"_s);
    QCOMPARE(machine.extra.value(u"hastate"_s).toString(), u"started"_s);
    QCOMPARE(machine.extra.value(u"pool"_s).toString(), u"prod"_s);
    // What changes every poll is not kept: an unchanged cluster is "no change".
    QVERIFY(!machine.extra.contains(u"uptime"_s));
    QVERIFY(!machine.extra.contains(u"cpu"_s));
    QVERIFY(machine.publicIps().isEmpty()); // addresses come from the agent, separately

    const ProxmoxParser::Guest &container = guests.value().at(3);
    QCOMPARE(container.machine.id, u"lxc/200"_s);
    QCOMPARE(container.type, u"lxc"_s);
    QCOMPARE(container.machine.memoryMb, 512);

    const ProxmoxParser::Guest &cloning = guests.value().at(6);
    QCOMPARE(cloning.machine.state, MachineState::Pending);
    QCOMPARE(cloning.machine.providerState, u"stopped (lock: clone)"_s);
    QCOMPARE(guests.value().at(7).machine.state, MachineState::Suspended); // hibernated
    QCOMPARE(guests.value().at(8).machine.state, MachineState::Unknown); // node offline

    const auto machines = ProxmoxParser::machines(fixture(u"cluster_resources.json"_s));
    QVERIFY(machines.ok());
    QCOMPARE(machines.value().size(), 9);
}

void TestProxmoxParser::states_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("lock");
    QTest::addColumn<bool>("isTemplate");
    QTest::addColumn<MachineState::State>("state");
    QTest::newRow("running") << u"running"_s << QString() << false << MachineState::Running;
    QTest::newRow("stopped") << u"stopped"_s << QString() << false << MachineState::Stopped;
    QTest::newRow("paused") << u"paused"_s << QString() << false << MachineState::Suspended;
    QTest::newRow("prelaunch") << u"prelaunch"_s << QString() << false << MachineState::Starting;
    QTest::newRow("unknown") << u"unknown"_s << QString() << false << MachineState::Unknown;
    QTest::newRow("io-error") << u"io-error"_s << QString() << false << MachineState::Error;
    QTest::newRow("template") << u"stopped"_s << QString() << true << MachineState::Template;
    QTest::newRow("lock create") << u"stopped"_s << u"create"_s << false << MachineState::Pending;
    QTest::newRow("lock clone") << u"stopped"_s << u"clone"_s << false << MachineState::Pending;
    QTest::newRow("lock suspending")
        << u"running"_s << u"suspending"_s << false << MachineState::Stopping;
    QTest::newRow("lock suspended")
        << u"stopped"_s << u"suspended"_s << false << MachineState::Suspended;
    QTest::newRow("lock backup") << u"running"_s << u"backup"_s << false << MachineState::Running;
    QTest::newRow("lock migrate") << u"running"_s << u"migrate"_s << false << MachineState::Running;
}

void TestProxmoxParser::states()
{
    QFETCH(QString, status);
    QFETCH(QString, lock);
    QFETCH(bool, isTemplate);
    QFETCH(MachineState::State, state);
    QCOMPARE(ProxmoxParser::state(status, lock, isTemplate), state);
}

void TestProxmoxParser::templatesAreImages()
{
    const auto guests = ProxmoxParser::resources(fixture(u"cluster_resources.json"_s));
    QVERIFY(guests.ok());
    const Machine &debian = guests.value().at(2).machine;
    QCOMPARE(debian.state, MachineState::Template);
    QVERIFY(debian.extra.value(u"template"_s).toBool());
    // A template offers no start (nor shutdown, reboot, power off); it can be destroyed.
    const QStringList capabilities = {u"start"_s,  u"shutdown"_s, u"poweroff"_s,
                                      u"reboot"_s, u"destroy"_s,  u"destroy-stopped"_s};
    QCOMPARE(MachineAction::allowed(debian.state, capabilities),
             QList<MachineAction::Action>({MachineAction::Destroy}));
    // "destroy-stopped": a running guest is not offered destroy, a stopped one is.
    QVERIFY(!MachineAction::allowed(MachineState::Running, capabilities)
                 .contains(MachineAction::Destroy));
    QVERIFY(MachineAction::allowed(MachineState::Stopped, capabilities)
                .contains(MachineAction::Destroy));
    QCOMPARE(MachineState::id(MachineState::Template), u"template"_s);
    QCOMPARE(MachineState::fromId(u"template"_s), MachineState::Template);

    const QList<Image> images = ProxmoxParser::templates(guests.value());
    QCOMPARE(images.size(), 2);
    QCOMPARE(images.at(0).id, u"qemu/9000"_s);
    QCOMPARE(images.at(0).name, u"debian-12-cloud"_s);
    QCOMPARE(images.at(0).kind, u"template"_s);
    QCOMPARE(images.at(0).regions, QStringList {u"pve1"_s});
    QCOMPARE(images.at(1).id, u"lxc/9001"_s);
    QCOMPARE(images.at(1).distribution, u"Container"_s);
}

void TestProxmoxParser::agentAddresses()
{
    const auto addresses = ProxmoxParser::agentAddresses(fixture(u"agent_interfaces.json"_s));
    QVERIFY2(addresses.ok(), qPrintable(addresses.error().message()));
    // Loopback and link-local are left out; RFC 1918 is private.
    QCOMPARE(addresses.value().privateIpv4, QStringList {u"192.168.10.21"_s});
    QCOMPARE(addresses.value().publicIpv4, QStringList {u"203.0.113.21"_s});
    QCOMPARE(addresses.value().publicIpv6, QStringList {u"2001:db8:10::21"_s});
    QVERIFY(addresses.value().privateIpv6.isEmpty());
}

void TestProxmoxParser::containerAddresses()
{
    const auto addresses = ProxmoxParser::containerAddresses(fixture(u"lxc_interfaces.json"_s));
    QVERIFY2(addresses.ok(), qPrintable(addresses.error().message()));
    QCOMPARE(addresses.value().privateIpv4, QStringList {u"10.0.20.2"_s});
    QCOMPARE(addresses.value().privateIpv6, QStringList {u"fd00:20::2"_s}); // unique local
    QVERIFY(addresses.value().publicIpv4.isEmpty());
    // Only the CIDR strings (older pve-container): read as well.
    const QJsonObject older {
        {u"data"_s, QJsonArray {QJsonObject {{u"name"_s, u"eth0"_s},
                                             {u"hwaddr"_s, u"bc:24:11:aa:20:00"_s},
                                             {u"inet"_s, u"198.51.100.7/24"_s}}}}};
    const auto fromStrings = ProxmoxParser::containerAddresses(older);
    QVERIFY(fromStrings.ok());
    QCOMPARE(fromStrings.value().publicIpv4, QStringList {u"198.51.100.7"_s});
}

void TestProxmoxParser::tasks()
{
    const auto started = ProxmoxParser::startedTask(fixture(u"task_started.json"_s));
    QVERIFY(started.ok());
    QCOMPARE(started.value(),
             u"UPID:pve1:0003A8F1:01B2C3D4:674DB0A1:qmstart:100:clouddeck@pve!ci:"_s);
    QCOMPARE(ProxmoxRequests::upidNode(started.value()), u"pve1"_s);

    const auto running = ProxmoxParser::task(fixture(u"task_running.json"_s));
    QVERIFY(running.ok());
    QVERIFY(running.value().running);
    QVERIFY(!running.value().succeeded());
    const auto ok = ProxmoxParser::task(fixture(u"task_ok.json"_s));
    QVERIFY(ok.ok() && ok.value().succeeded());
    const auto warnings = ProxmoxParser::task(fixture(u"task_warnings.json"_s));
    QVERIFY(warnings.ok() && warnings.value().succeeded()); // pve-common: not an error
    const auto failed = ProxmoxParser::task(fixture(u"task_failed.json"_s));
    QVERIFY(failed.ok());
    QVERIFY(!failed.value().succeeded());
    QCOMPARE(failed.value().exitStatus,
             u"can't lock file '/var/lock/qemu-server/lock-100.conf' - got timeout"_s);
}

void TestProxmoxParser::nextId()
{
    QCOMPARE(ProxmoxParser::nextId(fixture(u"cluster_nextid.json"_s)).value(), 105);
    // pvedaemon sends the schema's integer as a string.
    QCOMPARE(ProxmoxParser::nextId({{u"data"_s, u"106"_s}}).value(), 106);
    QVERIFY(!ProxmoxParser::nextId({{u"data"_s, 99}}).ok());
    QVERIFY(!ProxmoxParser::nextId({{u"data"_s, u"12a"_s}}).ok());
    QVERIFY(!ProxmoxParser::nextId({{u"data"_s, 100.5}}).ok());
    QCOMPARE(ProxmoxParser::version(fixture(u"version.json"_s)).value(), u"9.1.1"_s);
}

void TestProxmoxParser::errors()
{
    const ProxmoxParser::ApiError error = ProxmoxParser::error(fixture(u"error_parameters.json"_s));
    QCOMPARE(error.message, u"Parameter verification failed."_s);
    QCOMPARE(error.parameterErrors,
             QStringList {u"newid: value must have a minimum value of 100"_s});
    // Members of the wrong type give no words rather than wrong ones.
    const ProxmoxParser::ApiError odd =
        ProxmoxParser::error({{u"message"_s, 42}, {u"errors"_s, u"newid"_s}});
    QVERIFY(odd.message.isEmpty());
    QVERIFY(odd.parameterErrors.isEmpty());
    QVERIFY(ProxmoxParser::isNoAgent(u"QEMU guest agent is not running"_s));
    QVERIFY(ProxmoxParser::isNoAgent(u"No QEMU guest agent configured"_s));
    QVERIFY(ProxmoxParser::isNoAgent(u"VM 101 is not running"_s));
    QVERIFY(!ProxmoxParser::isNoAgent(u"Permission check failed"_s));
    QVERIFY(ProxmoxParser::isMissingGuest(
        u"Configuration file 'nodes/pve1/qemu-server/999.conf' does not exist"_s));
}

void TestProxmoxParser::ids()
{
    QCOMPARE(ProxmoxRequests::guestId(u"qemu/100"_s)->vmid, 100);
    QCOMPARE(ProxmoxRequests::guestId(u"lxc/999999999"_s)->type, u"lxc"_s);
    for (const QString &bad : {u"qemu/99"_s, u"qemu/1000000000"_s, u"qemu/0100"_s, u"vm/100"_s,
                               u"qemu/100/../101"_s, u"100"_s, u"qemu/"_s, u"lxc/1e3"_s})
        QVERIFY2(!ProxmoxRequests::guestId(bad), qPrintable(bad));
    QCOMPARE(ProxmoxRequests::GuestId({u"qemu"_s, 100}).path(u"pve1"_s), u"/nodes/pve1/qemu/100"_s);
    QVERIFY(ProxmoxRequests::isNodeName(u"pve-1"_s));
    for (const QString &bad : {u"-pve"_s, u"pve/1"_s, u"pve.example"_s, QString(), u"pve 1"_s})
        QVERIFY2(!ProxmoxRequests::isNodeName(bad), qPrintable(bad));
    QVERIFY(ProxmoxRequests::isUpid(
        u"UPID:pve1:0003A8F1:01B2C3D4:674DB0A1:qmstart:100:clouddeck@pve!ci:"_s));
    QVERIFY(ProxmoxRequests::isUpid(u"UPID:pve1:0003A8F1:101B2C3D4:674DB0A1:vzdump::root@pam:"_s));
    for (const QString &bad :
         {u"UPID:pve1:0003A8F1:01B2C3D4:674DB0A1:qmstart:100:root@pam"_s, // no final ':'
          u"UPID:pve1:0003A8F1:01B2C3D4:674DB0A1:qm/start:100:root@pam:"_s,
          u"UPID:../x:0003A8F1:01B2C3D4:674DB0A1:qmstart:100:root@pam:"_s,
          u"UPID:pve1:3A8F1:01B2C3D4:674DB0A1:qmstart:100:root@pam:"_s, u"UPID"_s})
        QVERIFY2(!ProxmoxRequests::isUpid(bad), qPrintable(bad));
    QVERIFY(ProxmoxRequests::isTokenId(u"clouddeck@pve!ci"_s));
    QVERIFY(ProxmoxRequests::isTokenId(u"ops.team@corp-ad!inventory_1"_s));
    for (const QString &bad : {u"clouddeck@pve"_s, u"clouddeck!ci"_s, u"a b@pve!ci"_s,
                               u"x@pve!1ci"_s, u"x@1pve!ci"_s, u"x/y@pve!ci"_s})
        QVERIFY2(!ProxmoxRequests::isTokenId(bad), qPrintable(bad));
}

void TestProxmoxParser::authorization()
{
    QCOMPARE(ProxmoxRequests::authorization(u"clouddeck@pve!ci"_s,
                                            u"3f8c2a1e-7b4d-4e9a-9c1f-2d6b8e0a5c7f"_s),
             QByteArray("PVEAPIToken=clouddeck@pve!ci=3f8c2a1e-7b4d-4e9a-9c1f-2d6b8e0a5c7f"));
    // pveproxy stops the value at ';' and URI-unescapes it: those are sent escaped.
    QCOMPARE(ProxmoxRequests::authorization(u"a;b%c@pve!ci"_s, u"s"_s),
             QByteArray("PVEAPIToken=a%3Bb%25c@pve!ci=s"));
}

void TestProxmoxParser::clonePlan()
{
    CreateMachineRequest request;
    request.name = u"web-02"_s;
    request.image = u"qemu/9000"_s;
    request.region = u"pve2"_s;
    request.size = u"c2-m4096"_s;
    request.tags = {u"prod"_s, u"web"_s};
    request.extra.insert(u"clone"_s, u"full"_s);
    request.extra.insert(u"storage"_s, u"local-lvm"_s);
    const auto plan = ProxmoxRequests::clonePlan(request, u"pve1"_s);
    QVERIFY2(plan.ok(), qPrintable(plan.error().message()));
    QCOMPARE(plan.value().sourceNode, u"pve1"_s);
    QCOMPARE(plan.value().targetNode, u"pve2"_s);
    const ProxmoxRequests::Fields clone = {{u"name"_s, u"web-02"_s},
                                           {u"full"_s, u"1"_s},
                                           {u"storage"_s, u"local-lvm"_s},
                                           {u"target"_s, u"pve2"_s}};
    QCOMPARE(plan.value().cloneFields, clone);
    const ProxmoxRequests::Fields config = {
        {u"cores"_s, u"2"_s}, {u"memory"_s, u"4096"_s}, {u"tags"_s, u"prod;web"_s}};
    QCOMPARE(plan.value().configFields, config);

    // A container is named by "hostname"; a linked clone (Proxmox's default for templates).
    CreateMachineRequest container;
    container.name = u"dns-02"_s;
    container.image = u"lxc/9001"_s;
    const auto linked = ProxmoxRequests::clonePlan(container, u"pve2"_s);
    QVERIFY(linked.ok());
    QCOMPARE(linked.value().cloneFields,
             ProxmoxRequests::Fields({{u"hostname"_s, u"dns-02"_s}, {u"full"_s, u"0"_s}}));
    QVERIFY(linked.value().configFields.isEmpty());
    QCOMPARE(ProxmoxRequests::form({{u"name"_s, u"a b&c"_s}, {u"full"_s, u"1"_s}}),
             QByteArray("name=a%20b%26c&full=1"));
}

void TestProxmoxParser::clonePlanRefuses_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("no template") << u"image"_s << u"debian-12"_s;
    QTest::newRow("name not a DNS name") << u"name"_s << u"web_02"_s;
    QTest::newRow("unknown size") << u"size"_s << u"large"_s;
    QTest::newRow("memory below minimum") << u"size"_s << u"c1-m8"_s;
    QTest::newRow("bad node") << u"region"_s << u"pve/2"_s;
    QTest::newRow("bad clone mode") << u"clone"_s << u"thin"_s;
    QTest::newRow("storage with a linked clone") << u"storage"_s << u"local-lvm"_s;
    QTest::newRow("bad tag") << u"tags"_s << u"prod web!"_s;
    QTest::newRow("user data") << u"userData"_s << u"#cloud-config"_s;
}

void TestProxmoxParser::clonePlanRefuses()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    CreateMachineRequest request;
    request.name = u"web-02"_s;
    request.image = u"qemu/9000"_s;
    if (field == u"image"_s)
        request.image = value;
    else if (field == u"name"_s)
        request.name = value;
    else if (field == u"size"_s)
        request.size = value;
    else if (field == u"region"_s)
        request.region = value;
    else if (field == u"tags"_s)
        request.tags = {value};
    else if (field == u"userData"_s)
        request.userData = value;
    else
        request.extra.insert(field, value);
    const auto plan = ProxmoxRequests::clonePlan(request, u"pve1"_s);
    QVERIFY(!plan.ok());
    QCOMPARE(plan.error().kind(), Error::InvalidInput);
    QVERIFY(!plan.error().message().isEmpty());
}

void TestProxmoxParser::wrongShapes_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("no data") << QByteArray(R"({"guests": []})");
    QTest::newRow("data not a list") << QByteArray(R"({"data": {}})");
    QTest::newRow("item not an object") << QByteArray(R"({"data": [1]})");
    QTest::newRow("no type") << QByteArray(R"({"data": [{"vmid": 100, "node": "pve1"}]})");
    QTest::newRow("vmid missing") << QByteArray(R"({"data": [{"type": "qemu", "node": "pve1"}]})");
    QTest::newRow("vmid too small")
        << QByteArray(R"({"data": [{"type": "qemu", "vmid": 42, "node": "pve1"}]})");
    QTest::newRow("node with a slash")
        << QByteArray(R"({"data": [{"type": "lxc", "vmid": 200, "node": "../etc"}]})");
}

void TestProxmoxParser::wrongShapes()
{
    QFETCH(QByteArray, body);
    HttpResponse response;
    response.status = 200;
    response.body = body;
    const auto reply = response.jsonObject();
    QVERIFY(reply.ok());
    const auto guests = ProxmoxParser::resources(reply.value());
    QVERIFY(!guests.ok());
    QCOMPARE(guests.error().kind(), Error::InvalidReply);
    // Other resource types are skipped, not failed on.
    QVERIFY(ProxmoxParser::resources(
                {{u"data"_s, QJsonArray {QJsonObject {{u"type"_s, u"storage"_s}}}}})
                .ok());
}

QTEST_GUILESS_MAIN(TestProxmoxParser)
#include "tst_proxmoxparser.moc"
