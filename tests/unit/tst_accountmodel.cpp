#include "accountmodel.h"
#include "httpclient.h"
#include "inventorytestsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace InventoryTest;

class TestAccountModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_rig.reset(new InventoryRig);
        m_b = m_rig->addAccount(QStringLiteral("Beta"));
        m_a = m_rig->addAccount(QStringLiteral("Alpha"));
        m_model.reset(new AccountModel(&m_rig->accounts, &m_rig->inventory, &m_rig->registry));
        m_tester.reset(new QAbstractItemModelTester(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest));
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_rig.reset();
    }

    void rowsFollowTheStoreInNameOrder()
    {
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->property("count").toInt(), 2);
        QCOMPARE(names(), (QStringList {QStringLiteral("Alpha"), QStringLiteral("Beta")}));
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy count(m_model.get(), &AccountModel::countChanged);
        const QString g = m_rig->addAccount(QStringLiteral("Gamma"));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 2);
        QCOMPARE(count.size(), 1);
        // A rename moves the row to its place in the name order.
        Account gamma = *m_rig->accounts.account(g);
        gamma.name = QStringLiteral("Aardvark");
        QVERIFY(!m_rig->accounts.update(gamma).isError());
        QCOMPARE(moved.size(), 1);
        QCOMPARE(names(), (QStringList {QStringLiteral("Aardvark"), QStringLiteral("Alpha"),
                                        QStringLiteral("Beta")}));
        QVERIFY(m_rig->accounts.remove(m_a));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(names(), (QStringList {QStringLiteral("Aardvark"), QStringLiteral("Beta")}));
        QCOMPARE(reset.size(), 0);
        QCOMPARE(m_model->indexOf(m_a), -1);
        QCOMPARE(m_model->indexOf(m_b), 1);
    }

    void providerNameAndMark()
    {
        // Without its plugin an account still shows, under its provider id.
        QCOMPARE(value(m_a, AccountModel::ProviderIdRole).toString(), QStringLiteral("fake"));
        QCOMPARE(value(m_a, AccountModel::ProviderNameRole).toString(), QStringLiteral("fake"));
        QCOMPARE(value(m_a, AccountModel::ProviderMarkRole).toString(), QStringLiteral("fa"));
        if (!m_rig->registry.contains(QStringLiteral("digitalocean")))
            QSKIP("the DigitalOcean plugin is not built");
        const QString d =
            m_rig->addAccount(QStringLiteral("Droplets"), QStringLiteral("digitalocean"));
        const ProviderMetadata metadata = m_rig->registry.metadata(QStringLiteral("digitalocean"));
        QCOMPARE(value(d, AccountModel::ProviderNameRole).toString(), metadata.name);
        QCOMPARE(value(d, AccountModel::ProviderMarkRole).toString(), metadata.mark);
        QVERIFY(!metadata.mark.isEmpty());
    }

    void statusThroughARefreshCycle()
    {
        QCOMPARE(status(m_a), AccountModel::Unknown);
        QCOMPARE(value(m_a, AccountModel::StatusIdRole).toString(), QStringLiteral("unknown"));
        m_rig->listings[m_a] = machines(QString(), 4);
        m_rig->holdListings = true;
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_rig->inventory.refresh(m_a);
        QCOMPARE(status(m_a), AccountModel::Refreshing);
        QVERIFY(value(m_a, AccountModel::RefreshingRole).toBool());
        QTRY_COMPARE(m_rig->provider(m_a)->heldListings(), 1);
        m_rig->provider(m_a)->releaseListings();
        QTRY_COMPARE(status(m_a), AccountModel::Ok);
        QCOMPARE(value(m_a, AccountModel::MachineCountRole).toInt(), 4);
        QCOMPARE(value(m_a, AccountModel::LastRefreshRole).toDateTime(),
                 m_rig->inventory.lastSuccess(m_a));
        QCOMPARE(value(m_a, AccountModel::StatusTextRole).toString(), QStringLiteral("Up to date"));
        // Only Alpha's row changed, and nothing is announced that did not change.
        for (const auto &args : std::as_const(changed))
            QCOMPARE(args.at(0).toModelIndex().row(), m_model->indexOf(m_a));
        changed.clear();
        m_rig->provider(m_a)->holdListing = false;
        refresh(m_a);
        // ok -> refreshing -> ok: status and time roles move, the count and the name do not.
        QVERIFY(changed.size() >= 2);
        for (const auto &args : std::as_const(changed)) {
            const QList<int> roles = args.at(2).value<QList<int>>();
            QVERIFY(!roles.contains(AccountModel::MachineCountRole));
            QVERIFY(!roles.contains(AccountModel::NameRole));
        }
    }

    // Issue 11, item 6: a request held back for seconds (a 429's Retry-After) shows in the
    // account's status line with the reason and the time of the next try, and goes with the
    // refresh.
    void waitingShowsInTheStatusLine()
    {
        m_rig->listings[m_a] = machines(QString(), 2);
        m_rig->holdListings = true;
        m_rig->inventory.refresh(m_a);
        QTRY_COMPARE(m_rig->provider(m_a)->heldListings(), 1);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_model->setNow(now);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        Q_EMIT m_rig->provider(m_a)->http()->waiting(
            QStringLiteral("api.example.com asked to wait (HTTP 429)"), now.addSecs(40));
        QVERIFY(!changed.isEmpty());
        const QString line = value(m_a, AccountModel::StatusLineRole).toString();
        QVERIFY2(line.startsWith(QLatin1String("Waiting: api.example.com asked to wait (HTTP 429); "
                                               "again at ")),
                 qPrintable(line));
        QVERIFY2(line.endsWith(now.addSecs(40).toLocalTime().toString(QStringLiteral("HH:mm:ss"))),
                 qPrintable(line));
        m_rig->provider(m_a)->releaseListings();
        QTRY_COMPARE(status(m_a), AccountModel::Ok);
        QVERIFY(!value(m_a, AccountModel::StatusLineRole).toString().contains(QLatin1String("Waiting")));
        QVERIFY(m_rig->inventory.waitingReason(m_a).isEmpty());
    }

    void errorStatuses_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("statusId");
        QTest::newRow("network") << int(Error::Network) << int(AccountModel::Offline)
                                 << QStringLiteral("offline");
        QTest::newRow("timeout") << int(Error::Timeout) << int(AccountModel::Offline)
                                 << QStringLiteral("offline");
        QTest::newRow("auth") << int(Error::Auth) << int(AccountModel::Failed)
                              << QStringLiteral("error");
        QTest::newRow("server") << int(Error::Server) << int(AccountModel::Failed)
                                << QStringLiteral("error");
        QTest::newRow("credentials")
            << int(Error::CredentialsMissing) << int(AccountModel::CredentialsMissing)
            << QStringLiteral("credentialsMissing");
    }

    void errorStatuses()
    {
        QFETCH(int, kind);
        QFETCH(int, expected);
        QFETCH(QString, statusId);
        m_rig->listings[m_a] = machines(QString(), 2);
        refresh(m_a);
        m_rig->provider(m_a)->listError =
            Error(Error::Kind(kind), QStringLiteral("What went wrong."));
        refresh(m_a);
        QCOMPARE(int(status(m_a)), expected);
        QCOMPARE(value(m_a, AccountModel::StatusIdRole).toString(), statusId);
        QCOMPARE(value(m_a, AccountModel::ErrorMessageRole).toString(),
                 QStringLiteral("What went wrong."));
        QCOMPARE(value(m_a, AccountModel::ErrorKindRole).toString(),
                 Error::kindId(Error::Kind(kind)));
        QCOMPARE(value(m_a, AccountModel::MachineCountRole).toInt(), 2); // nothing lost
        QVERIFY(value(m_a, AccountModel::LastRefreshRole).toDateTime().isValid());
        if (expected == AccountModel::Failed)
            QVERIFY(value(m_a, AccountModel::StatusTextRole)
                        .toString()
                        .contains(QStringLiteral("What went wrong.")));
        // A refresh in progress shows as such even after an error.
        m_rig->provider(m_a)->holdListing = true;
        m_rig->inventory.refresh(m_a);
        QCOMPARE(status(m_a), AccountModel::Refreshing);
        QCOMPARE(status(m_b), AccountModel::Unknown);
    }

    void statusFromTheCacheAtStart()
    {
        InventoryCache cache(m_rig->dir.filePath(QStringLiteral("cache.sqlite")));
        QVERIFY(cache.open());
        const QDateTime then = QDateTime::currentDateTimeUtc().addSecs(-600);
        QVERIFY(cache.replaceMachines(m_a, machines(m_a, 3), then));
        QVERIFY(cache.recordFailure(m_b, Error(Error::Network, QStringLiteral("offline")), then));
        m_rig->inventory.setCache(&cache);
        m_rig->inventory.loadFromCache();
        QCOMPARE(status(m_a), AccountModel::Ok);
        QCOMPARE(value(m_a, AccountModel::MachineCountRole).toInt(), 3);
        QCOMPARE(value(m_a, AccountModel::LastRefreshRole).toDateTime(), then);
        QCOMPARE(status(m_b), AccountModel::Offline);
    }

    void machineCountsFollowTheMachineModel()
    {
        m_rig->listings[m_a] = machines(QString(), 5);
        m_rig->listings[m_b] = machines(QString(), 2);
        refresh(m_a);
        refresh(m_b);
        QCOMPARE(value(m_a, AccountModel::MachineCountRole).toInt(), 5);
        QCOMPARE(value(m_b, AccountModel::MachineCountRole).toInt(), 2);
        m_rig->provider(m_a)->listing.removeLast();
        refresh(m_a);
        QCOMPARE(value(m_a, AccountModel::MachineCountRole).toInt(), 4);
    }

    /// The sidebar's line, its ages measured against the time the owner sets (never the real
    /// clock): moving that time changes only the rows whose line reads differently.
    void statusLineFollowsStatusAndTheGivenTime()
    {
        const QDateTime then = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
        m_model->setNow(then);
        QCOMPARE(value(m_a, AccountModel::StatusLineRole).toString(),
                 QStringLiteral("Not refreshed yet"));
        QVERIFY(!value(m_a, AccountModel::NeedsAttentionRole).toBool());

        m_rig->listings[m_a] = machines(QString(), 3);
        refresh(m_a);
        QCOMPARE(status(m_a), AccountModel::Ok);
        const QDateTime refreshed = value(m_a, AccountModel::LastRefreshRole).toDateTime();
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->setNow(refreshed.addSecs(12));
        QCOMPARE(value(m_a, AccountModel::StatusLineRole).toString(),
                 QStringLiteral("3 machines · 12 s ago"));
        QCOMPARE(changed.size(), 1); // Alpha only: Beta's line has no age in it
        QCOMPARE(changed.first().at(0).toModelIndex().row(), m_model->indexOf(m_a));
        QCOMPARE(changed.first().at(2).value<QList<int>>(),
                 QList<int> {AccountModel::StatusLineRole});
        changed.clear();
        m_model->setNow(refreshed.addSecs(12)); // the same time again: nothing
        m_model->setNow(refreshed.addMSecs(12'400)); // reads the same: nothing
        QCOMPARE(changed.size(), 0);
        m_model->setNow(refreshed.addSecs(300));
        QCOMPARE(value(m_a, AccountModel::StatusLineRole).toString(),
                 QStringLiteral("3 machines · 5 min ago"));
        QCOMPARE(changed.size(), 1);
    }

    void statusLineAndAttention_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("linePrefix");
        QTest::addColumn<bool>("attention");
        QTest::addColumn<bool>("edit");
        QTest::newRow("network") << int(Error::Network) << QStringLiteral("Offline · data from ")
                                 << true << false;
        QTest::newRow("auth") << int(Error::Auth) << QStringLiteral("Refresh failed") << true
                              << true;
        QTest::newRow("credentials") << int(Error::CredentialsMissing)
                                     << QStringLiteral("Credentials missing") << true << true;
    }
    void statusLineAndAttention()
    {
        QFETCH(int, kind);
        QFETCH(QString, linePrefix);
        QFETCH(bool, attention);
        QFETCH(bool, edit);
        m_rig->listings[m_a] = machines(QString(), 2);
        refresh(m_a);
        QVERIFY(!value(m_a, AccountModel::NeedsAttentionRole).toBool());
        QVERIFY(!value(m_a, AccountModel::SuggestsEditRole).toBool());
        m_rig->provider(m_a)->listError = Error(Error::Kind(kind), QStringLiteral("Nope."));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        refresh(m_a);
        QVERIFY2(value(m_a, AccountModel::StatusLineRole).toString().startsWith(linePrefix),
                 qPrintable(value(m_a, AccountModel::StatusLineRole).toString()));
        QCOMPARE(value(m_a, AccountModel::NeedsAttentionRole).toBool(), attention);
        QCOMPARE(value(m_a, AccountModel::SuggestsEditRole).toBool(), edit);
        bool announced = false;
        for (const auto &args : std::as_const(changed)) {
            const QList<int> roles = args.at(2).value<QList<int>>();
            announced = announced
                        || (roles.contains(AccountModel::StatusLineRole)
                            && roles.contains(AccountModel::NeedsAttentionRole));
        }
        QVERIFY(announced);
    }

    void getAndRoleNames()
    {
        const QVariantMap row = m_model->get(0);
        QCOMPARE(row.value(QStringLiteral("name")).toString(), QStringLiteral("Alpha"));
        QCOMPARE(row.value(QStringLiteral("accountId")).toString(), m_a);
        QCOMPARE(row.value(QStringLiteral("statusId")).toString(), QStringLiteral("unknown"));
        QVERIFY(m_model->get(9).isEmpty());
        const auto names = m_model->roleNames().values();
        for (const char *name :
             {"accountId", "name", "providerName", "providerMark", "machineCount", "status",
              "statusId", "lastRefresh", "errorMessage"})
            QVERIFY2(names.contains(QByteArray(name)), name);
        for (int s = AccountModel::Unknown; s <= AccountModel::CredentialsMissing; ++s)
            QVERIFY(!AccountModel::statusId(AccountModel::Status(s)).isEmpty());
    }

private:
    void refresh(const QString &accountId)
    {
        QSignalSpy finished(&m_rig->inventory, &Inventory::refreshFinished);
        m_rig->inventory.refresh(accountId);
        QVERIFY(finished.wait());
    }
    QVariant value(const QString &accountId, int role) const
    {
        return m_model->index(m_model->indexOf(accountId)).data(role);
    }
    AccountModel::Status status(const QString &accountId) const
    {
        return AccountModel::Status(value(accountId, AccountModel::StatusRole).toInt());
    }
    QStringList names() const
    {
        QStringList result;
        for (int row = 0; row < m_model->rowCount(); ++row)
            result.append(m_model->index(row).data(AccountModel::NameRole).toString());
        return result;
    }

    std::unique_ptr<InventoryRig> m_rig;
    std::unique_ptr<AccountModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_a;
    QString m_b;
};

QTEST_GUILESS_MAIN(TestAccountModel)
#include "tst_accountmodel.moc"
