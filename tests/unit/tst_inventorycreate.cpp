#include "inventorytestsupport.h"
#include "pollscheduler.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace InventoryTest;

/// Inventory::createMachine, which the wizard and the CLI share: the request's rules first
/// (nothing sent when one fails), then the provider, a pending row at once and fast polling
/// until a refresh shows the machine running.
class TestInventoryCreate : public QObject
{
    Q_OBJECT

    std::unique_ptr<InventoryRig> m_rig;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_account;
    FakeProvider *m_provider = nullptr;

    static CreateMachineRequest request(const QString &name = QStringLiteral("api-1"))
    {
        CreateMachineRequest request;
        request.name = name;
        request.region = QStringLiteral("fra1");
        request.size = QStringLiteral("s-1vcpu-1gb");
        request.image = QStringLiteral("debian-12-x64");
        request.tags = {QStringLiteral("prod")};
        return request;
    }

    Result<Machine> create(const CreateMachineRequest &request)
    {
        std::optional<Result<Machine>> answer;
        m_rig->inventory.createMachine(m_account, request,
                                       [&answer](Result<Machine> result) { answer = result; });
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 5000))
            return Error(Error::Timeout, QStringLiteral("no answer"));
        return *answer;
    }

private Q_SLOTS:
    void init()
    {
        m_rig = std::make_unique<InventoryRig>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            &m_rig->model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_account = m_rig->addAccount(QStringLiteral("Work"));
        m_rig->listings[m_account] = machines(QString(), 2); // web-0, web-1, running
        QSignalSpy finished(&m_rig->inventory, &Inventory::refreshFinished);
        m_rig->inventory.refresh(m_account);
        QVERIFY(finished.wait());
        m_provider = m_rig->provider(m_account);
    }
    void cleanup()
    {
        m_tester.reset();
        m_rig.reset();
    }

    void showsPendingAtOnceAndPollsFastUntilRunning()
    {
        QSignalSpy created(&m_rig->inventory, &Inventory::machineCreated);
        CreateMachineRequest wanted = request(QStringLiteral("  api-1 "));
        const Result<Machine> result = create(wanted);
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        const Machine machine = result.value();
        QCOMPARE(machine.accountId, m_account);
        QCOMPARE(machine.state, MachineState::Pending); // the reply named no state
        QVERIFY(machine.lastSeen.isValid());

        // Sent once, trimmed, with every choice.
        QCOMPARE(m_provider->createCalls.size(), 1);
        const CreateMachineRequest sent = m_provider->createCalls.first();
        QCOMPARE(sent.name, QStringLiteral("api-1"));
        QCOMPARE(sent.region, wanted.region);
        QCOMPARE(sent.size, wanted.size);
        QCOMPARE(sent.image, wanted.image);
        QCOMPARE(sent.tags, wanted.tags);

        // In the model before any refresh, pending; announced.
        const int row = m_rig->model.rowOf(m_account, machine.id);
        QVERIFY(row >= 0);
        QCOMPARE(m_rig->model.stateAt(row), MachineState::Pending);
        QVERIFY(m_rig->model.index(row).data(MachineModel::IsTransitionRole).toBool());
        QCOMPARE(created.size(), 1);
        QCOMPARE(created.first().at(0).toString(), m_account);
        QCOMPARE(created.first().at(1).toString(), machine.id);

        // Polled fast while it boots.
        PollScheduler *scheduler = m_rig->inventory.scheduler();
        QSignalSpy finished(&m_rig->inventory, &Inventory::refreshFinished);
        m_rig->inventory.refresh(m_account);
        QVERIFY(finished.wait());
        QCOMPARE(m_rig->model.stateAt(m_rig->model.rowOf(m_account, machine.id)),
                 MachineState::Pending);
        QVERIFY(scheduler->nextRefresh(m_account)
                <= scheduler->now().addMSecs(scheduler->intervals().fastMs));

        // Running: no longer a transition.
        m_provider->listing.last().state = MachineState::Running;
        m_rig->inventory.refresh(m_account);
        QVERIFY(finished.wait());
        QCOMPARE(m_rig->model.stateAt(m_rig->model.rowOf(m_account, machine.id)),
                 MachineState::Running);
        QVERIFY(!m_rig->model.index(m_rig->model.rowOf(m_account, machine.id))
                     .data(MachineModel::IsTransitionRole)
                     .toBool());
    }

    void aStateTheReplyNamesIsKept()
    {
        m_provider->createdState = MachineState::Starting;
        const Result<Machine> result = create(request());
        QVERIFY(result.ok());
        QCOMPARE(result.value().state, MachineState::Starting);
    }

    void brokenRulesSendNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("tags");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad name") << QStringLiteral("bad name!") << QStringList()
                                  << QStringLiteral("letters, digits");
        QTest::newRow("no name") << QString() << QStringList()
                                 << QStringLiteral("Give the machine a name.");
        QTest::newRow("bad tag") << QStringLiteral("api-1") << QStringList {QStringLiteral("a/b")}
                                 << QStringLiteral("\"a/b\"");
        QTest::newRow("name taken, any case")
            << QStringLiteral("WEB-1") << QStringList()
            << QStringLiteral("already has a machine called web-1");
    }
    void brokenRulesSendNothing()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, tags);
        QFETCH(QString, message);
        CreateMachineRequest wanted = request(name);
        wanted.tags = tags;
        const auto problems = m_rig->inventory.createProblems(m_account, wanted);
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().message.contains(message), qPrintable(problems.first().message));

        QSignalSpy created(&m_rig->inventory, &Inventory::machineCreated);
        const int rows = m_rig->model.rowCount();
        const Result<Machine> result = create(wanted);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::InvalidInput);
        QCOMPARE(result.error().message(), problems.first().message);
        QVERIFY(m_provider->createCalls.isEmpty());
        QCOMPARE(m_rig->model.rowCount(), rows);
        QCOMPARE(created.size(), 0);
    }

    void aNameTakenInAnotherAccountIsFine()
    {
        const QString other = m_rig->addAccount(QStringLiteral("Other"));
        QVERIFY(m_rig->inventory.createProblems(other, request(QStringLiteral("web-1"))).isEmpty());
    }

    void anUnknownAccountIsRefused()
    {
        m_account = QStringLiteral("no-such-account");
        const Result<Machine> result = create(request());
        QCOMPARE(result.error().kind(), Error::InvalidInput);
        QVERIFY(m_provider->createCalls.isEmpty());
    }

    void theProvidersRefusalLeavesNoRow()
    {
        m_provider->createError =
            Error(Error::BadRequest, QStringLiteral("Size is not available in fra1."), 422);
        QSignalSpy created(&m_rig->inventory, &Inventory::machineCreated);
        const int rows = m_rig->model.rowCount();
        const Result<Machine> result = create(request());
        QCOMPARE(result.error().kind(), Error::BadRequest);
        QCOMPARE(result.error().message(), QStringLiteral("Size is not available in fra1."));
        QCOMPARE(m_provider->createCalls.size(), 1);
        QCOMPARE(m_rig->model.rowCount(), rows);
        QCOMPARE(created.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestInventoryCreate)
#include "tst_inventorycreate.moc"
