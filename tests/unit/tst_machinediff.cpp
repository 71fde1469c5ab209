#include "inventorytestsupport.h"
#include "machinediff.h"

#include <QTest>

using namespace InventoryTest;

/// The diff of a refresh against what is known: every kind of change.
class TestMachineDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noChangeIsEmpty()
    {
        const QList<Machine> known = machines(QStringLiteral("a"), 50);
        const MachineDiff diff = MachineDiff::compute(QStringLiteral("a"), known, known);
        QVERIFY(diff.isEmpty());
        QCOMPARE(diff.unchanged, 50);
        QCOMPARE(diff.resultCount(), 50);
    }

    void lastSeenAloneIsNoChange()
    {
        const QList<Machine> known = machines(QStringLiteral("a"), 3);
        QList<Machine> incoming = known;
        for (Machine &m : incoming)
            m.lastSeen = QDateTime::currentDateTimeUtc();
        const QDateTime seenAt = QDateTime::currentDateTimeUtc();
        const MachineDiff diff = MachineDiff::compute(QStringLiteral("a"), known, incoming, seenAt);
        QVERIFY(diff.isEmpty());
        QCOMPARE(diff.seenAt, seenAt);
    }

    void added()
    {
        const QList<Machine> known = machines(QStringLiteral("a"), 3);
        QList<Machine> incoming = known;
        incoming.append(machine(QStringLiteral("a"), 7));
        const MachineDiff diff = MachineDiff::compute(QStringLiteral("a"), known, incoming);
        QCOMPARE(diff.added.size(), 1);
        QCOMPARE(diff.added.first().id, machine(QStringLiteral("a"), 7).id);
        QVERIFY(diff.removed.isEmpty());
        QVERIFY(diff.changed.isEmpty());
        QCOMPARE(diff.unchanged, 3);
        QCOMPARE(diff.resultCount(), 4);
    }

    void removed()
    {
        const QList<Machine> known = machines(QStringLiteral("a"), 4);
        QList<Machine> incoming = known;
        incoming.removeAt(1);
        incoming.removeAt(2);
        const MachineDiff diff = MachineDiff::compute(QStringLiteral("a"), known, incoming);
        QCOMPARE(diff.removed, (QStringList {known.at(1).id, known.at(3).id}));
        QVERIFY(diff.added.isEmpty());
        QCOMPARE(diff.unchanged, 2);
    }

    void allRemoved()
    {
        const QList<Machine> known = machines(QStringLiteral("a"), 4);
        const MachineDiff diff = MachineDiff::compute(QStringLiteral("a"), known, {});
        QCOMPARE(diff.removed.size(), 4);
        QCOMPARE(diff.resultCount(), 0);
    }

    void changedField_data()
    {
        QTest::addColumn<int>("field");
        using F = MachineDiff::Field;
        QTest::newRow("name") << int(F::Name);
        QTest::newRow("provider") << int(F::ProviderId);
        QTest::newRow("state") << int(F::State);
        QTest::newRow("providerState") << int(F::ProviderState);
        QTest::newRow("region") << int(F::Region);
        QTest::newRow("size") << int(F::Size);
        QTest::newRow("image") << int(F::Image);
        QTest::newRow("publicIpv4") << int(F::PublicIpv4);
        QTest::newRow("publicIpv6") << int(F::PublicIpv6);
        QTest::newRow("privateIpv4") << int(F::PrivateIpv4);
        QTest::newRow("privateIpv6") << int(F::PrivateIpv6);
        QTest::newRow("tags") << int(F::Tags);
        QTest::newRow("createdAt") << int(F::CreatedAt);
        QTest::newRow("pricePerMonth") << int(F::PricePerMonth);
        QTest::newRow("pricePerHour") << int(F::PricePerHour);
        QTest::newRow("vcpus") << int(F::Vcpus);
        QTest::newRow("memoryMb") << int(F::MemoryMb);
        QTest::newRow("diskGb") << int(F::DiskGb);
        QTest::newRow("extra") << int(F::Extra);
    }

    /// Each field alone: the machine is "changed" and exactly that field is named.
    void changedField()
    {
        QFETCH(int, field);
        const QList<Machine> known = machines(QStringLiteral("a"), 3);
        QList<Machine> incoming = known;
        Machine &m = incoming[1];
        switch (MachineDiff::Field(field)) {
        case MachineDiff::Name:
            m.name += QStringLiteral("-renamed");
            break;
        case MachineDiff::ProviderId:
            m.providerId = QStringLiteral("other");
            break;
        case MachineDiff::State:
            m.state = MachineState::Stopped;
            break;
        case MachineDiff::ProviderState:
            m.providerState = QStringLiteral("off");
            break;
        case MachineDiff::Region:
            m.region = QStringLiteral("lon1");
            break;
        case MachineDiff::Size:
            m.size = QStringLiteral("s-8vcpu-16gb");
            break;
        case MachineDiff::Image:
            m.image = QStringLiteral("fedora-40");
            break;
        case MachineDiff::PublicIpv4:
            m.publicIpv4.append(QStringLiteral("198.51.100.9"));
            break;
        case MachineDiff::PublicIpv6:
            m.publicIpv6.clear();
            break;
        case MachineDiff::PrivateIpv4:
            m.privateIpv4 = {QStringLiteral("10.0.0.9")};
            break;
        case MachineDiff::PrivateIpv6:
            m.privateIpv6 = {QStringLiteral("fd00::9")};
            break;
        case MachineDiff::Tags:
            m.tags.append(QStringLiteral("new"));
            break;
        case MachineDiff::CreatedAt:
            m.createdAt = m.createdAt.addSecs(1);
            break;
        case MachineDiff::PricePerMonth:
            m.pricePerMonth.reset();
            break;
        case MachineDiff::PricePerHour:
            m.pricePerHour = 0.5;
            break;
        case MachineDiff::Vcpus:
            m.vcpus += 1;
            break;
        case MachineDiff::MemoryMb:
            m.memoryMb *= 2;
            break;
        case MachineDiff::DiskGb:
            m.diskGb += 10;
            break;
        case MachineDiff::Extra:
            m.extra.insert(QStringLiteral("locked"), true);
            break;
        case MachineDiff::NoField:
            QFAIL("no field");
            break;
        }
        const MachineDiff diff = MachineDiff::compute(QStringLiteral("a"), known, incoming);
        QCOMPARE(diff.changed.size(), 1);
        QCOMPARE(diff.changed.first().machine.id, known.at(1).id);
        QCOMPARE(int(diff.changed.first().fields), field);
        QCOMPARE(diff.changed.first().machine, m);
        QVERIFY(diff.added.isEmpty());
        QVERIFY(diff.removed.isEmpty());
        QCOMPARE(diff.unchanged, 2);
    }

    void severalFieldsAtOnce()
    {
        const Machine before = machine(QStringLiteral("a"), 1);
        Machine after = before;
        after.state = MachineState::Stopped;
        after.providerState = QStringLiteral("off");
        after.publicIpv4.clear();
        QCOMPARE(MachineDiff::compare(before, after),
                 MachineDiff::State | MachineDiff::ProviderState | MachineDiff::PublicIpv4);
    }

    void everyKindTogether()
    {
        const QList<Machine> known = machines(QStringLiteral("a"), 5);
        QList<Machine> incoming = known;
        incoming.removeAt(0); // removed
        incoming[0].name = QStringLiteral("renamed"); // changed (was index 1)
        incoming.append(machine(QStringLiteral("a"), 9)); // added
        const MachineDiff diff = MachineDiff::compute(QStringLiteral("a"), known, incoming);
        QCOMPARE(diff.removed, QStringList {known.at(0).id});
        QCOMPARE(diff.changed.size(), 1);
        QCOMPARE(diff.changed.first().fields, MachineDiff::Fields(MachineDiff::Name));
        QCOMPARE(diff.added.size(), 1);
        QCOMPARE(diff.unchanged, 3);
        QCOMPARE(diff.resultCount(), 5);
    }

    /// The provider listed the same machines in another order: the diff is by id, not place.
    void reorderedIsNoChange()
    {
        const QList<Machine> known = machines(QStringLiteral("a"), 20);
        QList<Machine> incoming = known;
        std::reverse(incoming.begin(), incoming.end());
        MachineDiff diff = MachineDiff::compute(QStringLiteral("a"), known, incoming);
        QVERIFY(diff.isEmpty());
        QCOMPARE(diff.unchanged, 20);
        incoming[3].tags.clear();
        std::swap(incoming[0], incoming[19]);
        diff = MachineDiff::compute(QStringLiteral("a"), known, incoming);
        QCOMPARE(diff.changed.size(), 1);
        QCOMPARE(diff.changed.first().machine.id, known.at(16).id);
        QCOMPARE(diff.changed.first().fields, MachineDiff::Fields(MachineDiff::Tags));
        QVERIFY(diff.added.isEmpty() && diff.removed.isEmpty());
    }

    /// Same ids, one replaced at the same place: removed and added, not changed.
    void replacedAtTheSamePlace()
    {
        const QList<Machine> known = machines(QStringLiteral("a"), 3);
        QList<Machine> incoming = known;
        incoming[1] = machine(QStringLiteral("a"), 50);
        const MachineDiff diff = MachineDiff::compute(QStringLiteral("a"), known, incoming);
        QCOMPARE(diff.removed, QStringList {known.at(1).id});
        QCOMPARE(diff.added.size(), 1);
        QCOMPARE(diff.added.first().id, incoming.at(1).id);
        QCOMPARE(diff.unchanged, 2);
    }

    void otherAccountsIgnored()
    {
        QList<Machine> known = machines(QStringLiteral("a"), 2);
        known += machines(QStringLiteral("b"), 2);
        const MachineDiff diff =
            MachineDiff::compute(QStringLiteral("a"), known, machines(QStringLiteral("a"), 2));
        QVERIFY(diff.isEmpty());
        QCOMPARE(diff.unchanged, 2);
    }

    /// A listing whose pages shifted under it may repeat a machine: it counts once, last wins.
    void duplicateInIncomingCountsOnce()
    {
        const QList<Machine> known = machines(QStringLiteral("a"), 2);
        QList<Machine> incoming = known;
        Machine again = known.at(0);
        again.name = QStringLiteral("second-copy");
        incoming.append(again);
        const MachineDiff diff = MachineDiff::compute(QStringLiteral("a"), known, incoming);
        QCOMPARE(diff.changed.size(), 1);
        QCOMPARE(diff.changed.first().machine.name, QStringLiteral("second-copy"));
        QCOMPARE(diff.resultCount(), 2);
    }

    void incomingGetsTheAccountId()
    {
        Machine stray = machine(QString(), 4);
        const MachineDiff diff =
            MachineDiff::compute(QStringLiteral("a"), QList<Machine>(), {stray});
        QCOMPARE(diff.added.size(), 1);
        QCOMPARE(diff.added.first().accountId, QStringLiteral("a"));
    }
};

QTEST_GUILESS_MAIN(TestMachineDiff)
#include "tst_machinediff.moc"
