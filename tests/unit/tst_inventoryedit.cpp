#include "activitystore.h"
#include "inventorytestsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace InventoryTest;
using namespace Qt::StringLiterals;

/// Inventory::updateMachine, which the GUI's editor and the CLI share: rules first (nothing
/// sent when one fails), the model changed once the cloud took it (not before), the row left
/// as it was on a failure, and both in the activity log.
class TestInventoryEdit : public QObject
{
    Q_OBJECT

    std::unique_ptr<InventoryRig> m_rig;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<InventoryCache> m_cache;
    QString m_account;
    FakeProvider *m_provider = nullptr;
    QString m_id;

    Result<Machine> update(std::optional<QString> name, std::optional<QStringList> tags = {})
    {
        MachineUpdate change;
        change.name = std::move(name);
        change.tags = std::move(tags);
        std::optional<Result<Machine>> answer;
        m_rig->inventory.updateMachine(m_account, m_id, change,
                                       [&answer](Result<Machine> result) { answer = result; });
        if (answer)
            return Error(Error::Cancelled, u"answered synchronously"_s);
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 5000))
            return Error(Error::Timeout, u"no answer"_s);
        return *answer;
    }
    [[nodiscard]] Machine row() const
    {
        return m_rig->model.at(m_rig->model.rowOf(m_account, m_id));
    }

private Q_SLOTS:
    void init()
    {
        m_rig = std::make_unique<InventoryRig>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            &m_rig->model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_cache = std::make_unique<InventoryCache>(m_rig->dir.filePath(u"cache.sqlite"_s));
        m_rig->inventory.setCache(m_cache.get());
        m_rig->inventory.loadFromCache();
        m_account = m_rig->addAccount(u"Work"_s);
        m_rig->listings[m_account] = machines(QString(), 2); // web-0, web-1
        QSignalSpy finished(&m_rig->inventory, &Inventory::refreshFinished);
        m_rig->inventory.refresh(m_account);
        QVERIFY(finished.wait());
        m_provider = m_rig->provider(m_account);
        m_id = m_rig->model.at(0).id;
    }
    void cleanup()
    {
        m_tester.reset();
        m_rig.reset();
        m_cache.reset();
    }

    void renamesAfterTheCloudTookIt()
    {
        const QString before = row().name;
        MachineUpdate change;
        change.name = u"api-1"_s;
        std::optional<Result<Machine>> answer;
        m_rig->inventory.updateMachine(m_account, m_id, change,
                                       [&answer](Result<Machine> result) { answer = result; });
        QCOMPARE(row().name, before); // not before the reply
        QTRY_VERIFY(answer.has_value());
        QVERIFY2(answer->ok(), qPrintable(answer->error().message()));
        QCOMPARE(answer->value().name, u"api-1"_s);
        QCOMPARE(row().name, u"api-1"_s);
        QCOMPARE(m_provider->updateCalls.size(), 1);
        QCOMPARE(m_provider->updateCalls.first().name, std::optional<QString>(u"api-1"_s));
        QVERIFY(!m_provider->updateCalls.first().tags);
        // The offline copy too.
        const QList<Machine> cached = m_cache->machines(m_account);
        const auto it = std::find_if(cached.cbegin(), cached.cend(),
                                     [this](const Machine &m) { return m.id == m_id; });
        QVERIFY(it != cached.cend());
        QCOMPARE(it->name, u"api-1"_s);
        // And the log.
        const QList<ActivityEntry> log = m_rig->inventory.activity();
        QVERIFY(!log.isEmpty());
        QCOMPARE(log.first().action, u"rename"_s);
        QCOMPARE(log.first().outcome, ActivityEntry::Outcome::Succeeded);
        QCOMPARE(log.first().machineName, before);
        QCOMPARE(log.first().message, u"New name: api-1"_s);
    }

    void editsTagsWithThePreviousOnes()
    {
        const QStringList before = row().tags;
        const Result<Machine> result = update(std::nullopt, QStringList {u"prod"_s, u"team-a"_s});
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QCOMPARE(row().tags, QStringList({u"prod"_s, u"team-a"_s}));
        QCOMPARE(m_provider->updateCalls.first().previousTags, before);
        QCOMPARE(m_rig->inventory.activity().first().action, u"tags"_s);
    }

    void aFailureLeavesTheRowAndSaysWhy()
    {
        m_provider->updateError =
            Error(Error::BadRequest, u"name is already used by another server"_s, 422);
        const QString before = row().name;
        QSignalSpy refreshed(&m_rig->inventory, &Inventory::refreshFinished);
        const Result<Machine> result = update(u"api-1"_s);
        QCOMPARE(result.error().kind(), Error::BadRequest);
        QVERIFY(result.error().message().contains(u"already used"_s));
        QCOMPARE(row().name, before);
        QVERIFY(refreshed.wait()); // part of an edit may have been taken: the cloud tells
        const ActivityEntry entry = m_rig->inventory.activity().first();
        QCOMPARE(entry.outcome, ActivityEntry::Outcome::Failed);
        QVERIFY(entry.message.contains(u"already used"_s));
    }

    void brokenRulesSendNothing()
    {
        const Result<Machine> empty = update(u"  "_s);
        QCOMPARE(empty.error().kind(), Error::InvalidInput);
        const QString other = m_rig->model.at(1).name;
        const Result<Machine> taken = update(other.toUpper());
        QCOMPARE(taken.error().kind(), Error::InvalidInput);
        QVERIFY(taken.error().message().contains(other));
        QVERIFY(m_provider->updateCalls.isEmpty());
    }

    void nothingChangedSendsNothing()
    {
        const Result<Machine> result = update(row().name, row().tags);
        QVERIFY(result.ok());
        QVERIFY(m_provider->updateCalls.isEmpty());
    }

    void anUnknownMachineIsRefused()
    {
        m_id = u"no-such-id"_s;
        const Result<Machine> result = update(u"x1"_s);
        QCOMPARE(result.error().kind(), Error::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestInventoryEdit)
#include "tst_inventoryedit.moc"
