// The detail pane's machine: its SSH line is a binding on whichever machine is current, never a
// copy taken when it was selected (issue 12, item 2).

#include "appsettings.h"
#include "currentmachine.h"
#include "machinemodel.h"

#include <QSignalSpy>
#include <QTest>

namespace {
Machine machine(const QString &id, const QString &ip)
{
    Machine m;
    m.accountId = QStringLiteral("acc");
    m.providerId = QStringLiteral("demo");
    m.id = id;
    m.name = QStringLiteral("vm-") + id;
    m.state = MachineState::Running;
    if (!ip.isEmpty())
        m.publicIpv4 = {ip};
    return m;
}
} // namespace

class TestCurrentMachine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setApplicationName(QStringLiteral("clouddeck-test"));
        AppSettings::instance()->setSshUser(QStringLiteral("root"));
    }

    // Destroy the current machine, select the next one: the line is the next one's.
    void followsTheMachineNotTheSelectionTime()
    {
        MachineModel machines;
        machines.setAccountMachines(QStringLiteral("acc"),
                                    {machine(QStringLiteral("1"), QStringLiteral("203.0.113.1")),
                                     machine(QStringLiteral("2"), QStringLiteral("203.0.113.2"))});
        CurrentMachine current(&machines);
        QSignalSpy changed(&current, &CurrentMachine::sshCommandChanged);
        current.set(QStringLiteral("acc"), QStringLiteral("1"));
        QCOMPARE(current.sshCommand(), QStringLiteral("ssh root@203.0.113.1"));

        machines.setAccountMachines(QStringLiteral("acc"),
                                    {machine(QStringLiteral("2"), QStringLiteral("203.0.113.2"))});
        QVERIFY(!current.exists());
        QCOMPARE(current.sshCommand(), QString()); // the destroyed machine's line is gone
        current.set(QStringLiteral("acc"), QStringLiteral("2"));
        QCOMPARE(current.sshCommand(), QStringLiteral("ssh root@203.0.113.2"));
        QCOMPARE(changed.size(), 3);
    }

    // A new machine gets its address after a while: the line follows at once.
    void followsTheAddressWhenItArrives()
    {
        MachineModel machines;
        machines.upsert(machine(QStringLiteral("new"), {}));
        CurrentMachine current(&machines);
        current.set(QStringLiteral("acc"), QStringLiteral("new"));
        QVERIFY(current.exists());
        QCOMPARE(current.sshCommand(), QString());
        QSignalSpy changed(&current, &CurrentMachine::sshCommandChanged);
        machines.upsert(machine(QStringLiteral("new"), QStringLiteral("198.51.100.7")));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(current.sshCommand(), QStringLiteral("ssh root@198.51.100.7"));

        AppSettings::instance()->setSshUser(QStringLiteral("ubuntu"));
        QCOMPARE(current.sshCommand(), QStringLiteral("ssh ubuntu@198.51.100.7"));
        AppSettings::instance()->setSshUser(QStringLiteral("root"));
    }
};

QTEST_GUILESS_MAIN(TestCurrentMachine)
#include "tst_currentmachine.moc"
