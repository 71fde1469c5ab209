// clouddeck-test: keychain
// The Proxmox VE plugin under the Inventory, as the GUI runs it: the secret from a real keychain,
// the token id from the account's settings, the rows in a MachineModel (under
// QAbstractItemModelTester). The machine the user looks at (Inventory::setMachinesInView, which
// the GUI calls when it selects a machine) gets its addresses in the first refresh even on a
// cluster with more running guests than one poll asks about; a template's row offers no start,
// a running guest's row no destroy.
#include "fakeproxmox.h"
#include "inventorytestsupport.h"
#include "testhelpers.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace InventoryTest;

class TestProxmoxInventory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void selectedGuestGetsItsAddressesFirst();
};

void TestProxmoxInventory::selectedGuestGetsItsAddressesFirst()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    FakeProxmox cluster(server,
                        "PVEAPIToken=clouddeck@pve!ci=3f8c2a1e-7b4d-4e9a-9c1f-2d6b8e0a5c7f");
    // 40 running VMs before the one the user selects: more than one poll asks about.
    QJsonArray guests = cluster.resources();
    for (int vmid = 300; vmid < 340; ++vmid) {
        guests.prepend(QJsonObject {{u"id"_s, u"qemu/%1"_s.arg(vmid)},
                                    {u"type"_s, u"qemu"_s},
                                    {u"vmid"_s, vmid},
                                    {u"node"_s, u"pve1"_s},
                                    {u"name"_s, u"vm-%1"_s.arg(vmid)},
                                    {u"status"_s, u"running"_s},
                                    {u"uptime"_s, 100},
                                    {u"maxcpu"_s, 1},
                                    {u"maxmem"_s, 1073741824}});
    }
    cluster.resources() = guests;

    InventoryRig rig;
    rig.inventory.setProviderFactory({}); // the registry and its plugins, as in the app
    QVERIFY(rig.registry.contains(u"proxmox"_s));
    QAbstractItemModelTester tester(&rig.model,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    Account account;
    account.name = u"lab"_s;
    account.providerId = u"proxmox"_s;
    account.endpoint = server.url(u"/api2/json"_s);
    account.settings.insert(u"tokenId"_s, u"clouddeck@pve!ci"_s);
    QVERIFY(!rig.accounts.add(account, &rig.registry).isError());
    bool stored = false;
    rig.credentials.write(account.id, {{u"secret"_s, u"3f8c2a1e-7b4d-4e9a-9c1f-2d6b8e0a5c7f"_s}},
                          [&stored](Result<void> result) {
                              QVERIFY2(result.ok(), qPrintable(result.error().message()));
                              stored = true;
                          });
    QTRY_VERIFY_WITH_TIMEOUT(stored, 10'000);

    rig.inventory.setMachinesInView(account.id, {u"lxc/200"_s}); // before the provider exists
    QSignalSpy finished(&rig.inventory, &Inventory::refreshFinished);
    rig.inventory.refresh(account.id);
    QVERIFY(finished.wait(15'000));
    QCOMPARE(finished.first().at(1).value<Error>().message(), QString());
    QCOMPARE(rig.model.rowCount(), 49);
    const auto row = [&](const QString &id) {
        return rig.model.index(rig.model.rowOf(account.id, id));
    };
    QCOMPARE(row(u"lxc/200"_s).data(MachineModel::StateIdRole).toString(), u"running"_s);
    const Machine &dns = rig.model.at(rig.model.rowOf(account.id, u"lxc/200"_s));
    QCOMPARE(dns.privateIpv4, QStringList {u"10.0.20.2"_s});
    // The poll's other address calls went to the first running VMs; the last ones wait.
    QVERIFY(rig.model.at(rig.model.rowOf(account.id, u"qemu/100"_s)).privateIpv4.isEmpty());
    QVERIFY(
        cluster.requests("GET", u"/nodes/{node}/qemu/{vmid}/agent/network-get-interfaces"_s).size()
        < 40);

    const QStringList templateActions =
        row(u"qemu/9000"_s).data(MachineModel::AllowedActionsRole).toStringList();
    QVERIFY2(!templateActions.contains(u"start"_s), qPrintable(templateActions.join(u',')));
    QCOMPARE(row(u"qemu/9000"_s).data(MachineModel::StateIdRole).toString(), u"template"_s);
    const QStringList runningActions =
        row(u"qemu/300"_s).data(MachineModel::AllowedActionsRole).toStringList();
    QVERIFY(runningActions.contains(u"shutdown"_s));
    QVERIFY(!runningActions.contains(u"destroy"_s));
    QVERIFY(row(u"qemu/101"_s)
                .data(MachineModel::AllowedActionsRole)
                .toStringList()
                .contains(u"destroy"_s));
    QVERIFY2(cluster.violations().isEmpty(), qPrintable(cluster.violations().join(u'\n')));
}

QTEST_GUILESS_MAIN(TestProxmoxInventory)
#include "tst_proxmoxinventory.moc"
