// ProxmoxParser fed mutated copies of the fixtures (truncated, bytes flipped, types swapped,
// members deleted): each parser gives a value or an InvalidReply with words, never a crash, and
// a value it gives is whole (ids and nodes that are safe in a path, known states). Then the same
// through the provider: mutated cluster lists and agent replies against the fake cluster.
#include "fuzzdriver.h"
#include "proxmoxtesting.h"

#include <QHostAddress>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ProxmoxTesting;

namespace {
void checkGuest(const ProxmoxParser::Guest &guest, const QString &context)
{
    QVERIFY2(ProxmoxRequests::guestId(guest.machine.id), qPrintable(context));
    QVERIFY2(ProxmoxRequests::isNodeName(guest.node), qPrintable(context));
    QVERIFY2(guest.machine.region == guest.node, qPrintable(context));
    QVERIFY2(guest.machine.memoryMb >= 0 && guest.machine.vcpus >= 0, qPrintable(context));
    QVERIFY2(!guest.machine.name.isEmpty(), qPrintable(context));
}

void checkAddresses(const ProxmoxParser::Addresses &addresses, const QString &context)
{
    for (const QStringList *list : {&addresses.publicIpv4, &addresses.publicIpv6,
                                    &addresses.privateIpv4, &addresses.privateIpv6}) {
        for (const QString &ip : *list)
            QVERIFY2(!QHostAddress(ip).isNull(), qPrintable(context + u' ' + ip));
    }
}
} // namespace

class TestProxmoxFuzz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resources();
    void addresses();
    void tasks();
    void nodesAndIds();
    void listThroughTheProvider();
};

void TestProxmoxFuzz::resources()
{
    FuzzDriver::parsers(
        u"proxmox"_s, {u"cluster_resources"_s}, 20261202, 800, [](FuzzDriver::Sample &sample) {
            const auto guests = ProxmoxParser::resources(sample.page);
            QString why;
            QVERIFY2(FuzzDriver::acceptable(guests, &why), qPrintable(sample.context + u' ' + why));
            if (!guests.ok())
                return;
            sample.valid = true;
            for (const ProxmoxParser::Guest &guest : guests.value()) {
                checkGuest(guest, sample.context);
                if (QTest::currentTestFailed())
                    return;
            }
            (void)ProxmoxParser::templates(guests.value());
        });
}

void TestProxmoxFuzz::addresses()
{
    FuzzDriver::parsers(u"proxmox"_s, {u"agent_interfaces"_s, u"lxc_interfaces"_s}, 14, 800,
                        [](FuzzDriver::Sample &sample) {
                            const bool agent = sample.iteration % 2 == 0;
                            const auto addresses =
                                agent ? ProxmoxParser::agentAddresses(sample.page)
                                      : ProxmoxParser::containerAddresses(sample.page);
                            QString why;
                            QVERIFY2(FuzzDriver::acceptable(addresses, &why),
                                     qPrintable(sample.context + u' ' + why));
                            if (!addresses.ok())
                                return;
                            sample.valid = true;
                            checkAddresses(addresses.value(), sample.context);
                        });
}

void TestProxmoxFuzz::tasks()
{
    FuzzDriver::parsers(
        u"proxmox"_s, {u"task_running"_s, u"task_ok"_s, u"task_failed"_s, u"task_started"_s}, 8086,
        800, [](FuzzDriver::Sample &sample) {
            QString why;
            if (sample.iteration % 4 == 3) {
                const auto upid = ProxmoxParser::startedTask(sample.page);
                QVERIFY2(FuzzDriver::acceptable(upid, &why),
                         qPrintable(sample.context + u' ' + why));
                if (upid.ok()) {
                    sample.valid = true;
                    QVERIFY2(ProxmoxRequests::isNodeName(ProxmoxRequests::upidNode(upid.value())),
                             qPrintable(sample.context));
                }
                return;
            }
            const auto task = ProxmoxParser::task(sample.page);
            QVERIFY2(FuzzDriver::acceptable(task, &why), qPrintable(sample.context + u' ' + why));
            if (!task.ok())
                return;
            sample.valid = true;
            // A task that stopped always says how: never an empty exit status.
            QVERIFY2(task.value().running || !task.value().exitStatus.isEmpty(),
                     qPrintable(sample.context));
        });
}

void TestProxmoxFuzz::nodesAndIds()
{
    FuzzDriver::parsers(u"proxmox"_s, {u"nodes"_s, u"cluster_nextid"_s, u"version"_s}, 595, 600,
                        [](FuzzDriver::Sample &sample) {
                            QString why;
                            switch (sample.iteration % 3) {
                            case 0: {
                                const auto nodes = ProxmoxParser::nodes(sample.page);
                                QVERIFY2(FuzzDriver::acceptable(nodes, &why), qPrintable(why));
                                sample.valid = nodes.ok();
                                if (nodes.ok()) {
                                    for (const Region &region : nodes.value())
                                        QVERIFY(ProxmoxRequests::isNodeName(region.id));
                                }
                                break;
                            }
                            case 1: {
                                const auto id = ProxmoxParser::nextId(sample.page);
                                QVERIFY2(FuzzDriver::acceptable(id, &why), qPrintable(why));
                                sample.valid = id.ok();
                                if (id.ok())
                                    QVERIFY(id.value() >= 100 && id.value() <= 999999999);
                                break;
                            }
                            default: {
                                const auto version = ProxmoxParser::version(sample.page);
                                QVERIFY2(FuzzDriver::acceptable(version, &why), qPrintable(why));
                                sample.valid = version.ok();
                            }
                            }
                        });
}

void TestProxmoxFuzz::listThroughTheProvider()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    FakeProxmox cluster(server, authorization);
    FuzzDriver::listMachines(
        server,
        {{FakeProxmox::path(u"/cluster/resources"_s),
          readJsonFixture(u"proxmox/cluster_resources.json"_s)},
         {FakeProxmox::path(u"/nodes/*/qemu/*/agent/network-get-interfaces"_s),
          readJsonFixture(u"proxmox/agent_interfaces.json"_s)},
         {FakeProxmox::path(u"/nodes/*/lxc/*/interfaces"_s),
          readJsonFixture(u"proxmox/lxc_interfaces.json"_s)}},
        7, 150, [&server] { return std::unique_ptr<Provider>(ProxmoxTesting::provider(server)); });
}

QTEST_GUILESS_MAIN(TestProxmoxFuzz)
#include "tst_proxmoxfuzz.moc"
