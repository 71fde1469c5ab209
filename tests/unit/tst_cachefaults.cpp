// The offline cache under conditions of the moment (issue 11, items 2-4 and 12): a full disk, a
// settings file that cannot be read, damaged files piling up. A valid cache is never discarded for
// a condition that passes, a failed write is never silent, and only the user's removal of an
// account removes its rows.
#include "accountmodel.h"
#include "inventorycache.h"
#include "inventorytestsupport.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace InventoryTest;

namespace {
/// The cache's own connection (InventoryCache names it "clouddeck-cache-<address>").
QSqlDatabase cacheConnection()
{
    for (const QString &name : QSqlDatabase::connectionNames()) {
        if (name.startsWith(QLatin1String("clouddeck-cache-")))
            return QSqlDatabase::database(name, false);
    }
    return {};
}

/// Makes the disk "full" for the cache's connection: SQLite refuses to grow the file past its
/// current size and answers SQLITE_FULL, exactly as on a full file system. (Mounting a small
/// tmpfs needs privileges CI does not have.)
bool fillDisk(bool full)
{
    QSqlQuery query(cacheConnection());
    if (!full)
        return query.exec(QStringLiteral("PRAGMA max_page_count = 1073741823"));
    if (!query.exec(QStringLiteral("PRAGMA page_count")) || !query.next())
        return false;
    const int pages = query.value(0).toInt();
    query.finish();
    return query.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages));
}

QStringList movedAside(const QString &file)
{
    const QFileInfo info(file);
    return QDir(info.absolutePath())
        .entryList({info.fileName() + QStringLiteral(".unreadable-*")}, QDir::Files);
}
} // namespace

class TestCacheFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_rig = std::make_unique<InventoryRig>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            &m_rig->model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_file = m_rig->dir.filePath(QStringLiteral("cache.sqlite"));
    }
    void cleanup()
    {
        m_tester.reset();
        m_rig.reset();
    }

    /// Item 3 and 4: a full disk fails the write, says so (Inventory and the account's status),
    /// keeps the old rows whole and readable, and moves nothing aside; with space again the
    /// next refresh is stored.
    void fullDiskKeepsTheCacheAndSaysSo()
    {
        const QString a = m_rig->addAccount(QStringLiteral("A"));
        AccountModel accounts(&m_rig->accounts, &m_rig->inventory, &m_rig->registry);
        QAbstractItemModelTester accountsTester(
            &accounts, QAbstractItemModelTester::FailureReportingMode::QtTest);
        InventoryCache cache(m_file);
        m_rig->inventory.setCache(&cache);
        m_rig->inventory.loadFromCache();
        m_rig->listings[a] = machines(a, 500);
        QCOMPARE(refresh(a).message(), QString());
        QCOMPARE(cache.machineCount(a), 500);
        QVERIFY(m_rig->inventory.cacheWriteProblem(a).isEmpty());

        QVERIFY(fillDisk(true));
        QSignalSpy status(&m_rig->inventory, &Inventory::accountStatusChanged);
        m_rig->provider(a)->listing = machines(a, 3000, 1000);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cache writing")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("could not be written")));
        QCOMPARE(refresh(a).message(), QString()); // the refresh itself worked
        QCOMPARE(m_rig->model.rowCount(), 3000); // and shows what it found
        const QString problem = m_rig->inventory.cacheWriteProblem(a);
        QVERIFY2(problem.contains(QLatin1String("disk full")), qPrintable(problem));
        QVERIFY(!status.isEmpty());
        const QModelIndex row = accounts.index(0, 0);
        QCOMPARE(row.data(AccountModel::StatusIdRole).toString(), QStringLiteral("error"));
        QVERIFY2(row.data(AccountModel::StatusTextRole).toString().contains(
                     QLatin1String("disk full")),
                 qPrintable(row.data(AccountModel::StatusTextRole).toString()));

        // Nothing discarded: the old set, whole, in the same file.
        QVERIFY(cache.isOpen());
        QVERIFY(movedAside(m_file).isEmpty());
        QCOMPARE(cache.machineCount(a), 500);
        QVERIFY(cache.recoveryNotice().isEmpty());
        {
            InventoryCache second(m_file);
            QVERIFY(second.open());
            QVERIFY(second.recoveryNotice().isEmpty());
            QCOMPARE(second.machines(a).size(), 500);
        }

        QVERIFY(fillDisk(false)); // space again
        QCOMPARE(refresh(a).message(), QString());
        QCOMPARE(cache.machineCount(a), 3000);
        QVERIFY(m_rig->inventory.cacheWriteProblem(a).isEmpty());
        QCOMPARE(accounts.index(0, 0).data(AccountModel::StatusIdRole).toString(),
                 QStringLiteral("ok"));
    }

    /// Item 2: settings that cannot say which accounts exist never purge cached rows.
    void unreadableSettingsKeepTheRows_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("missing") << QStringLiteral("missing");
        QTest::newRow("empty") << QStringLiteral("empty");
        QTest::newRow("garbled") << QStringLiteral("garbled");
        QTest::newRow("directory") << QStringLiteral("directory");
    }
    void unreadableSettingsKeepTheRows()
    {
        QFETCH(QString, how);
        const QString a = m_rig->addAccount(QStringLiteral("A"));
        {
            InventoryCache cache(m_file);
            QVERIFY(cache.open());
            QVERIFY(cache.replaceMachines(a, machines(a, 440), QDateTime::currentDateTimeUtc()));
        }
        const QString settings = m_rig->accounts.fileName();
        QVERIFY(QFile::remove(settings));
        if (how == QLatin1String("empty")) {
            QFile file(settings);
            QVERIFY(file.open(QIODevice::WriteOnly));
        } else if (how == QLatin1String("garbled")) {
            QFile file(settings);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("[accounts]\n\x01\x02=\xff\xfe\n[accounts/x\n=");
        } else if (how == QLatin1String("directory")) {
            QVERIFY(QDir().mkpath(settings));
        }
        AccountStore store(settings);
        QVERIFY(store.accounts().isEmpty());
        if (how != QLatin1String("empty") && how != QLatin1String("garbled"))
            QVERIFY(store.loadError().isError());
        CredentialStore credentials(QStringLiteral("clouddeck-test"), nullptr);
        MachineModel model;
        Inventory inventory(&m_rig->registry, &store, &credentials, &model);
        InventoryCache cache(m_file);
        inventory.setCache(&cache);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("nothing was removed")));
        inventory.loadFromCache();
        QCOMPARE(cache.machineCount(a), 440);
        const QString notice = inventory.keptAccountsNotice();
        QVERIFY2(notice.contains(QLatin1String("440 cached machine")), qPrintable(notice));
        QVERIFY2(notice.contains(QLatin1String("nothing was removed")), qPrintable(notice));
        QVERIFY2(notice.contains(QDir::toNativeSeparators(settings)), qPrintable(notice));
    }

    /// Item 12: moved-aside files are kept, but only the newest few.
    void movedAsideFilesDoNotPileUp()
    {
        for (int n = 0; n < 6; ++n) {
            {
                QFile file(m_file);
                QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
                file.write(QByteArray(4096, char('a' + n)));
            }
            InventoryCache cache(m_file);
            QTest::ignoreMessage(QtWarningMsg,
                                 QRegularExpression(QStringLiteral("could not be used")));
            QVERIFY(cache.open());
            QVERIFY(QFile::exists(cache.movedAsideTo()));
        }
        const QStringList aside = movedAside(m_file);
        QCOMPARE(aside.size(), 3);
        // The newest are the ones kept: the last file written was all 'f'.
        bool newestKept = false;
        for (const QString &name : aside) {
            QFile file(QFileInfo(m_file).absolutePath() + QLatin1Char('/') + name);
            QVERIFY(file.open(QIODevice::ReadOnly));
            newestKept = newestKept || file.read(1) == "f";
        }
        QVERIFY(newestKept);
    }

private:
    Error refresh(const QString &accountId)
    {
        QSignalSpy finished(&m_rig->inventory, &Inventory::refreshFinished);
        m_rig->inventory.refresh(accountId);
        if (!finished.wait(20'000))
            return Error(Error::Timeout, QStringLiteral("test: no refreshFinished"));
        return finished.first().at(1).value<Error>();
    }

    std::unique_ptr<InventoryRig> m_rig;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_file;
};

QTEST_GUILESS_MAIN(TestCacheFaults)
#include "tst_cachefaults.moc"
