#include "cacheschema.h"
#include "inventorycache.h"
#include "inventorytestsupport.h"
#include "machinerecord.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace InventoryTest;

namespace {
/// A second, raw look at the file: what another process (or an old CloudDeck) would see.
class RawDb
{
public:
    explicit RawDb(const QString &fileName)
        : m_name(QStringLiteral("raw-%1").arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(fileName);
        QVERIFY(db.open());
    }
    ~RawDb()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QVariant value(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }
    QByteArray record(const QString &machineId)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        query.prepare(QStringLiteral("SELECT record FROM machines WHERE machine_id = ?"));
        query.addBindValue(machineId);
        return query.exec() && query.next() ? query.value(0).toByteArray() : QByteArray();
    }
    bool insertMachine(const QString &accountId, const QString &machineId, const QByteArray &record,
                       qint64 lastSeen)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        query.prepare(QStringLiteral("INSERT INTO machines (account_id, machine_id, record, "
                                     "last_seen) VALUES (?, ?, ?, ?)"));
        query.addBindValue(accountId);
        query.addBindValue(machineId);
        query.addBindValue(record);
        query.addBindValue(lastSeen);
        const bool ok = query.exec();
        if (!ok)
            qWarning() << query.lastError().text();
        return ok;
    }
    bool exec(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        const bool ok = query.exec(sql);
        if (!ok)
            qWarning() << sql << query.lastError().text();
        return ok;
    }

private:
    QString m_name;
    static inline int s_count = 0;
};

QDateTime at(int minutes)
{
    return QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC).addSecs(minutes * 60);
}
} // namespace

class TestInventoryCache : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir.reset(new QTemporaryDir);
        QVERIFY(m_dir->isValid());
        m_file = m_dir->filePath(QStringLiteral("cache.sqlite"));
    }

    void defaultLocationIsAppData()
    {
        InventoryCache cache;
        QCOMPARE(cache.fileName(), QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                       + QStringLiteral("/cache.sqlite"));
        QVERIFY(cache.open()); // the folder is created (the test runs in a private XDG_DATA_HOME)
        QVERIFY(QFile::exists(cache.fileName()));
    }

    void freshFileHasLatestSchemaInWalMode()
    {
        InventoryCache cache(m_file);
        QSignalSpy recovered(&cache, &InventoryCache::recovered);
        QVERIFY(cache.open());
        QVERIFY(cache.isOpen());
        QVERIFY(cache.recoveryNotice().isEmpty());
        QCOMPARE(recovered.size(), 0);
        RawDb raw(m_file);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), CacheSchema::latest());
        QCOMPARE(raw.value(QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
    }

    void machineRoundTrip()
    {
        InventoryCache cache(m_file);
        QVERIFY(cache.open());
        Machine full = machine(QStringLiteral("a"), 5);
        full.extra.insert(QStringLiteral("nested"), QVariantMap {{QStringLiteral("k"), 1}});
        full.privateIpv6 = {QStringLiteral("fd00::1"), QStringLiteral("fd00::2")};
        full.lastSeen = at(0);
        Machine sparse;
        sparse.accountId = QStringLiteral("a");
        sparse.id = QStringLiteral("i-0abc");
        sparse.state = MachineState::Pending;
        QVERIFY(cache.replaceMachines(QStringLiteral("a"), {full, sparse}, at(0)));

        InventoryCache reader(m_file);
        QVERIFY(reader.open());
        QList<Machine> loaded = reader.machines(QStringLiteral("a"));
        QCOMPARE(loaded.size(), 2);
        std::sort(loaded.begin(), loaded.end(),
                  [](const Machine &a, const Machine &b) { return a.id < b.id; });
        QCOMPARE(loaded.at(0), full);
        sparse.lastSeen = at(0); // confirmed by the refresh that stored it
        QCOMPARE(loaded.at(1), sparse);
        QVERIFY(!loaded.at(1).pricePerMonth);
        QVERIFY(!loaded.at(1).createdAt.isValid());
        QCOMPARE(reader.status(QStringLiteral("a")).lastSuccess, at(0));
        QCOMPARE(reader.machineCount(QStringLiteral("a")), 2);
        QCOMPARE(reader.accountIds(), QStringList {QStringLiteral("a")});
    }

    void applyDiffWritesOnlyTheDifferences()
    {
        InventoryCache cache(m_file);
        QVERIFY(cache.open());
        QList<Machine> known = machines(QStringLiteral("a"), 100);
        QVERIFY(cache.replaceMachines(QStringLiteral("a"), known, at(0)));

        QList<Machine> incoming = known;
        incoming[10].state = MachineState::Stopped; // changed
        incoming.removeAt(20); // removed
        incoming.append(machine(QStringLiteral("a"), 500)); // added
        const MachineDiff diff = MachineDiff::compute(QStringLiteral("a"), known, incoming, at(5));
        QCOMPARE(cache.applyDiff(diff), InventoryCache::WriteResult::Written);

        RawDb raw(m_file);
        // Rows the refresh only re-confirmed were not rewritten: their own last_seen is the old
        // one; the changed and added ones carry the refresh's time.
        const qint64 old = at(0).toMSecsSinceEpoch();
        const qint64 now = at(5).toMSecsSinceEpoch();
        QCOMPARE(
            raw.value(QStringLiteral("SELECT COUNT(*) FROM machines WHERE last_seen = %1").arg(now))
                .toInt(),
            2);
        QCOMPARE(
            raw.value(QStringLiteral("SELECT COUNT(*) FROM machines WHERE last_seen = %1").arg(old))
                .toInt(),
            98);
        Machine stored;
        QVERIFY(MachineRecord::decode(raw.record(known.at(10).id), stored));
        QCOMPARE(stored.state, MachineState::Stopped);
        QCOMPARE(cache.machineCount(QStringLiteral("a")), 100);
        // Every cached machine reads as seen by the last good refresh.
        const QList<Machine> loaded = cache.machines(QStringLiteral("a"));
        QVERIFY(std::all_of(loaded.cbegin(), loaded.cend(),
                            [](const Machine &m) { return m.lastSeen == at(5); }));
        QCOMPARE(cache.status(QStringLiteral("a")).lastSuccess, at(5));
        QVERIFY(!cache.status(QStringLiteral("a")).lastError.isError());
    }

    void syncWritesOnlyTheDifferences()
    {
        // A list made without reading the cache (the CLI's online list) is compared with the
        // stored records: the same outcome as a diff, and as few writes.
        InventoryCache cache(m_file);
        QVERIFY(cache.open());
        const QList<Machine> known = machines(QStringLiteral("a"), 100);
        QVERIFY(cache.replaceMachines(QStringLiteral("a"), known, at(0)));
        QVERIFY(cache.replaceMachines(QStringLiteral("b"), machines(QStringLiteral("b"), 3), at(0)));

        QList<Machine> incoming = known;
        incoming[10].state = MachineState::Stopped; // changed
        incoming[11].tags.append(QStringLiteral("new")); // changed
        incoming.removeAt(20); // removed
        incoming.removeAt(30); // removed
        incoming.append(machine(QStringLiteral("a"), 500)); // added
        QVERIFY(cache.syncMachines(QStringLiteral("a"), incoming, at(5)));

        RawDb raw(m_file);
        const qint64 old = at(0).toMSecsSinceEpoch();
        const qint64 now = at(5).toMSecsSinceEpoch();
        const QString count = QStringLiteral(
            "SELECT COUNT(*) FROM machines WHERE account_id = 'a' AND last_seen = %1");
        QCOMPARE(raw.value(count.arg(now)).toInt(), 3);
        QCOMPARE(raw.value(count.arg(old)).toInt(), 96);
        Machine stored;
        QVERIFY(MachineRecord::decode(raw.record(known.at(10).id), stored));
        QCOMPARE(stored.state, MachineState::Stopped);
        QVERIFY(raw.record(known.at(20).id).isEmpty());
        QCOMPARE(cache.machineCount(QStringLiteral("a")), 99);
        QCOMPARE(cache.machineCount(QStringLiteral("b")), 3); // other accounts untouched
        QCOMPARE(cache.status(QStringLiteral("a")).lastSuccess, at(5));

        // What it stored reads back as the list it was given.
        QList<Machine> loaded = cache.machines(QStringLiteral("a"));
        QCOMPARE(loaded.size(), incoming.size());
        const auto byId = [](const Machine &l, const Machine &r) { return l.id < r.id; };
        std::sort(loaded.begin(), loaded.end(), byId);
        std::sort(incoming.begin(), incoming.end(), byId);
        for (qsizetype i = 0; i < loaded.size(); ++i) {
            QCOMPARE(MachineRecord::encode(loaded.at(i)), MachineRecord::encode(incoming.at(i)));
            QCOMPARE(loaded.at(i).lastSeen, at(5));
        }

        // An empty list empties the account.
        QVERIFY(cache.syncMachines(QStringLiteral("b"), {}, at(6)));
        QCOMPARE(cache.machineCount(QStringLiteral("b")), 0);
    }

    void diffAgainstAnotherPictureIsRefused()
    {
        InventoryCache cache(m_file);
        QVERIFY(cache.open());
        const QList<Machine> stored = machines(QStringLiteral("a"), 3);
        QVERIFY(cache.replaceMachines(QStringLiteral("a"), stored, at(0)));
        // Another process knew 5 machines; its diff would leave this file with the wrong set.
        const QList<Machine> known = machines(QStringLiteral("a"), 5);
        QList<Machine> incoming = known;
        incoming[4].name = QStringLiteral("x");
        const MachineDiff diff = MachineDiff::compute(QStringLiteral("a"), known, incoming, at(1));
        QCOMPARE(cache.applyDiff(diff), InventoryCache::WriteResult::OutOfSync);
        QCOMPARE(cache.machineCount(QStringLiteral("a")), 3); // rolled back
        QCOMPARE(cache.status(QStringLiteral("a")).lastSuccess, at(0));
        QVERIFY(cache.replaceMachines(QStringLiteral("a"), incoming, at(1)));
        QCOMPARE(cache.machineCount(QStringLiteral("a")), 5);
    }

    void anUnreadableRecordCostsOnlyThatMachine()
    {
        InventoryCache cache(m_file);
        QVERIFY(cache.open());
        QVERIFY(
            cache.replaceMachines(QStringLiteral("a"), machines(QStringLiteral("a"), 3), at(0)));
        {
            RawDb raw(m_file);
            QVERIFY(raw.insertMachine(QStringLiteral("a"), QStringLiteral("bad"),
                                      QByteArray("\x01\xff\xff"), 0));
        }
        QTest::ignoreMessage(QtWarningMsg, "skipped 1 unreadable machine records");
        QCOMPARE(cache.machines(QStringLiteral("a")).size(), 3);
    }

    void failureKeepsLastSuccess()
    {
        InventoryCache cache(m_file);
        QVERIFY(cache.open());
        QVERIFY(
            cache.replaceMachines(QStringLiteral("a"), machines(QStringLiteral("a"), 2), at(0)));
        QVERIFY(cache.recordFailure(
            QStringLiteral("a"), Error(Error::Auth, QStringLiteral("Token revoked."), 401), at(3)));
        InventoryCache::AccountStatus status = cache.status(QStringLiteral("a"));
        QCOMPARE(status.lastSuccess, at(0));
        QCOMPARE(status.lastAttempt, at(3));
        QCOMPARE(status.lastError.kind(), Error::Auth);
        QCOMPARE(status.lastError.message(), QStringLiteral("Token revoked."));
        QCOMPARE(status.lastError.httpStatus(), 401);
        QCOMPARE(cache.machineCount(QStringLiteral("a")), 2); // nothing lost

        // An account that never worked: an error and no success time.
        QVERIFY(cache.recordFailure(QStringLiteral("b"),
                                    Error(Error::CredentialsMissing, QStringLiteral("No token.")),
                                    at(3)));
        QCOMPARE(cache.status(QStringLiteral("b")).lastError.kind(), Error::CredentialsMissing);
        QVERIFY(!cache.status(QStringLiteral("b")).lastSuccess.isValid());

        // A good refresh clears the error.
        const MachineDiff diff =
            MachineDiff::compute(QStringLiteral("a"), cache.machines(QStringLiteral("a")),
                                 machines(QStringLiteral("a"), 2), at(4));
        QCOMPARE(cache.applyDiff(diff), InventoryCache::WriteResult::Written);
        status = cache.status(QStringLiteral("a"));
        QVERIFY(!status.lastError.isError());
        QCOMPARE(status.lastSuccess, at(4));
    }

    void removingAnAccountRemovesItsRows()
    {
        InventoryCache cache(m_file);
        QVERIFY(cache.open());
        QVERIFY(
            cache.replaceMachines(QStringLiteral("a"), machines(QStringLiteral("a"), 4), at(0)));
        QVERIFY(
            cache.replaceMachines(QStringLiteral("b"), machines(QStringLiteral("b"), 2), at(0)));
        QVERIFY(cache.storeCatalog(
            QStringLiteral("a"), InventoryCache::CatalogKind::Regions,
            QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("nyc3")}}}, at(0)));
        QVERIFY(cache.recordFailure(QStringLiteral("a"), Error(Error::Network, QStringLiteral("x")),
                                    at(1)));
        QVERIFY(cache.removeAccount(QStringLiteral("a")));
        RawDb raw(m_file);
        for (const char *table : {"machines", "accounts", "catalogs"}) {
            QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE account_id = 'a'")
                                   .arg(QLatin1String(table)))
                         .toInt(),
                     0);
        }
        QCOMPARE(cache.machineCount(QStringLiteral("b")), 2);
        QCOMPARE(cache.accountIds(), QStringList {QStringLiteral("b")});

        QVERIFY(
            cache.replaceMachines(QStringLiteral("c"), machines(QStringLiteral("c"), 1), at(0)));
        QCOMPARE(cache.removeAccountsExcept({QStringLiteral("c")}), 1);
        QCOMPARE(cache.accountIds(), QStringList {QStringLiteral("c")});
    }

    void accountIdsNamesEveryAccountOnce()
    {
        // Accounts known only by their rows, only by a catalog, only by a failure: each once,
        // whatever its rows' number or its id's order ("a" < "a-b" < "b" < "ä" as SQLite sorts).
        InventoryCache cache(m_file);
        QVERIFY(cache.open());
        const QStringList withRows {QStringLiteral("b"), QStringLiteral("a-b"), QStringLiteral("a"),
                                    QStringLiteral("\u00e4"), QStringLiteral("z")};
        for (int i = 0; i < withRows.size(); ++i) {
            QVERIFY(cache.replaceMachines(withRows.at(i), machines(withRows.at(i), 1 + 40 * i),
                                          at(0)));
        }
        {
            RawDb raw(m_file);
            raw.value(QStringLiteral("DELETE FROM accounts")); // rows only now
            QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM accounts")).toInt(), 0);
        }
        QVERIFY(cache.storeCatalog(QStringLiteral("catalog-only"),
                                   InventoryCache::CatalogKind::Regions, QJsonArray(), at(0)));
        QVERIFY(cache.recordFailure(QStringLiteral("failure-only"),
                                    Error(Error::Network, QStringLiteral("x")), at(1)));
        QStringList ids = cache.accountIds();
        ids.sort();
        QStringList expected = withRows;
        expected << QStringLiteral("catalog-only") << QStringLiteral("failure-only");
        expected.sort();
        QCOMPARE(ids, expected);
    }

    void catalogsRoundTrip()
    {
        InventoryCache cache(m_file);
        QVERIFY(cache.open());
        Size size;
        size.id = QStringLiteral("s-1vcpu-1gb");
        size.vcpus = 1;
        size.memoryMb = 1024;
        size.priceMonthly = 6;
        size.regions = {QStringLiteral("nyc3")};
        QDateTime storedAt;
        QVERIFY(cache.catalog(QStringLiteral("a"), InventoryCache::CatalogKind::Sizes, &storedAt)
                    .isEmpty());
        QVERIFY(!storedAt.isValid());
        QVERIFY(cache.storeCatalog(QStringLiteral("a"), InventoryCache::CatalogKind::Sizes,
                                   InventoryCache::toJsonArray(QList<Size> {size}), at(2)));
        const QList<Size> loaded = InventoryCache::fromJsonArray<Size>(
            cache.catalog(QStringLiteral("a"), InventoryCache::CatalogKind::Sizes, &storedAt));
        QCOMPARE(loaded, QList<Size> {size});
        QCOMPARE(storedAt, at(2));
        QVERIFY(cache.catalog(QStringLiteral("a"), InventoryCache::CatalogKind::Images).isEmpty());
    }

    /// The app and the CLI share the file: one's write is the other's read.
    void twoProcessesShareTheFile()
    {
        InventoryCache app(m_file);
        InventoryCache cli(m_file);
        QVERIFY(app.open());
        QVERIFY(cli.open());
        QVERIFY(cli.replaceMachines(QStringLiteral("a"), machines(QStringLiteral("a"), 3), at(0)));
        QCOMPARE(app.machines(QStringLiteral("a")).size(), 3);
        QVERIFY(app.removeMachine(QStringLiteral("a"), machine(QString(), 1).id));
        QCOMPARE(cli.machineCount(QStringLiteral("a")), 2);
    }

    /// A file written by schema version 1 (machines and accounts only) is migrated in place,
    /// its data kept.
    void migratesFromVersion1()
    {
        {
            RawDb old(m_file);
            // Version 1 of the schema, as that CloudDeck wrote it.
            QVERIFY(old.exec(QStringLiteral(
                "CREATE TABLE machines (account_id TEXT NOT NULL, machine_id TEXT NOT NULL,"
                " record BLOB NOT NULL, last_seen INTEGER, PRIMARY KEY (account_id, "
                "machine_id))")));
            QVERIFY(old.exec(QStringLiteral(
                "CREATE TABLE accounts (account_id TEXT PRIMARY KEY NOT NULL, last_success INTEGER,"
                " error_kind TEXT, error_message TEXT)")));
            Machine web;
            web.providerId = QStringLiteral("digitalocean");
            web.name = QStringLiteral("old-web");
            web.state = MachineState::Running;
            web.region = QStringLiteral("nyc3");
            web.publicIpv4 = {QStringLiteral("203.0.113.5")};
            web.tags = {QStringLiteral("prod"), QStringLiteral("web")};
            web.pricePerMonth = 12.5;
            QVERIFY(old.insertMachine(QStringLiteral("a"), QStringLiteral("42"),
                                      MachineRecord::encode(web), at(0).toMSecsSinceEpoch()));
            QVERIFY(old.exec(
                QStringLiteral(
                    "INSERT INTO accounts VALUES ('a', %1, 'network', 'Could not connect.')")
                    .arg(at(1).toMSecsSinceEpoch())));
            QVERIFY(old.exec(QStringLiteral("PRAGMA user_version = 1")));
        }
        InventoryCache cache(m_file);
        QSignalSpy recovered(&cache, &InventoryCache::recovered);
        QVERIFY(cache.open());
        QCOMPARE(recovered.size(), 0);
        QVERIFY(cache.recoveryNotice().isEmpty());
        const QList<Machine> loaded = cache.machines(QStringLiteral("a"));
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first().name, QStringLiteral("old-web"));
        QCOMPARE(loaded.first().tags,
                 (QStringList {QStringLiteral("prod"), QStringLiteral("web")}));
        QCOMPARE(loaded.first().publicIpv4, QStringList {QStringLiteral("203.0.113.5")});
        QCOMPARE(loaded.first().pricePerMonth, std::optional<double>(12.5));
        QCOMPARE(loaded.first().lastSeen, at(1));
        const InventoryCache::AccountStatus status = cache.status(QStringLiteral("a"));
        QCOMPARE(status.lastSuccess, at(1));
        QCOMPARE(status.lastError.kind(), Error::Network);
        QVERIFY(!status.lastAttempt.isValid()); // a column version 2 added
        // What version 2 added works.
        QVERIFY(cache.storeCatalog(QStringLiteral("a"), InventoryCache::CatalogKind::Regions,
                                   QJsonArray(), at(2)));
        QVERIFY(cache.recordFailure(QStringLiteral("a"),
                                    Error(Error::Server, QStringLiteral("x"), 503), at(3)));
        QCOMPARE(cache.status(QStringLiteral("a")).lastAttempt, at(3));
        cache.close();
        RawDb raw(m_file);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), CacheSchema::latest());
    }

    void migrationStepsBuildTheSameSchema()
    {
        // Step by step (0 -> 1 -> latest) and all at once give the same tables and columns.
        const QString stepwise = m_dir->filePath(QStringLiteral("stepwise.sqlite"));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("stepwise"));
            db.setDatabaseName(stepwise);
            QVERIFY(db.open());
            QString error;
            QVERIFY2(CacheSchema::migrateTo(db, 0, 1, &error), qPrintable(error));
            QCOMPARE(CacheSchema::version(db, &error), 1);
            QVERIFY2(CacheSchema::migrate(db, 1, &error), qPrintable(error));
            QCOMPARE(CacheSchema::version(db, &error), CacheSchema::latest());
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("stepwise"));
        InventoryCache direct(m_file);
        QVERIFY(direct.open());
        auto schema = [](const QString &file) {
            RawDb raw(file);
            QStringList columns;
            for (const char *table : {"machines", "accounts", "catalogs"}) {
                columns.append(
                    raw.value(
                           QStringLiteral("SELECT group_concat(name) FROM pragma_table_info('%1')")
                               .arg(QLatin1String(table)))
                        .toString());
            }
            return columns;
        };
        QCOMPARE(schema(stepwise), schema(m_file));
    }

    void recoversFromGarbage()
    {
        QByteArray garbage(8192, Qt::Uninitialized);
        for (char &byte : garbage)
            byte = char(QRandomGenerator::global()->bounded(256));
        garbage.replace(0, 16, "not sqlite at all");
        writeFile(garbage);
        expectRecovery(garbage);
    }

    void recoversFromTruncatedFile()
    {
        {
            InventoryCache cache(m_file);
            QVERIFY(cache.open());
            QVERIFY(cache.replaceMachines(QStringLiteral("a"), machines(QStringLiteral("a"), 2000),
                                          at(0)));
        } // closed: the WAL is checkpointed into the file
        QFile file(m_file);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray whole = file.readAll();
        file.close();
        QVERIFY(whole.size() > 100'000);
        const QByteArray truncated = whole.left(whole.size() * 6 / 10);
        writeFile(truncated);
        expectRecovery(truncated);
    }

    void setsAsideANewerSchema()
    {
        {
            RawDb newer(m_file);
            QVERIFY(newer.exec(QStringLiteral("CREATE TABLE machines_v99 (x)")));
            QVERIFY(newer.exec(QStringLiteral("PRAGMA user_version = 99")));
        }
        QFile file(m_file);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        file.close();
        InventoryCache cache(m_file);
        QVERIFY(cache.open());
        QVERIFY2(cache.recoveryNotice().contains(QStringLiteral("newer CloudDeck")),
                 qPrintable(cache.recoveryNotice()));
        QVERIFY(QFile::exists(cache.movedAsideTo()));
        // Kept as it was, so the newer CloudDeck can still use it.
        RawDb kept(cache.movedAsideTo());
        QCOMPARE(kept.value(QStringLiteral("PRAGMA user_version")).toInt(), 99);
        QVERIFY(
            cache.replaceMachines(QStringLiteral("a"), machines(QStringLiteral("a"), 1), at(0)));
    }

    void setsAsideAForeignDatabase()
    {
        {
            RawDb other(m_file);
            QVERIFY(other.exec(QStringLiteral("CREATE TABLE notes (text TEXT)")));
        }
        InventoryCache cache(m_file);
        QVERIFY(cache.open());
        QVERIFY(!cache.recoveryNotice().isEmpty());
        QVERIFY(QFile::exists(cache.movedAsideTo()));
        QCOMPARE(cache.machineCount(QStringLiteral("a")), 0);
    }

    /// The file goes bad while the cache is open (a disk error, another program): it is set aside
    /// at the next chance, reset() asks for the known picture, and writing goes on in a new file.
    void damageWhileOpenIsRecovered()
    {
        InventoryCache cache(m_file);
        QVERIFY(cache.open());
        QVERIFY(
            cache.replaceMachines(QStringLiteral("a"), machines(QStringLiteral("a"), 50), at(0)));
        {
            RawDb raw(m_file);
            QVERIFY(raw.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        }
        QFile file(m_file);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.write(QByteArray(int(file.size()), '\x7f')) > 0);
        file.close();
        QSignalSpy recovered(&cache, &InventoryCache::recovered);
        QSignalSpy reset(&cache, &InventoryCache::reset);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("cache reading machines")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("could not be used")));
        QCOMPARE(cache.machines(QStringLiteral("a")).size(), 0);
        QVERIFY(reset.wait());
        QCOMPARE(recovered.size(), 1);
        QVERIFY(QFile::exists(cache.movedAsideTo()));
        QVERIFY(cache.isOpen());
        QVERIFY(
            cache.replaceMachines(QStringLiteral("a"), machines(QStringLiteral("a"), 2), at(1)));
        QCOMPARE(cache.machineCount(QStringLiteral("a")), 2);
    }

    void unusableLocationFailsCleanly()
    {
        QFile blocker(m_dir->filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        // A folder that cannot exist: its parent is a file.
        InventoryCache cache(m_dir->filePath(QStringLiteral("file/cache.sqlite")));
        QVERIFY(!cache.open());
        QVERIFY(!cache.isOpen());
        QVERIFY(!cache.errorString().isEmpty());
        QVERIFY(cache.machines().isEmpty());
        QVERIFY(
            !cache.replaceMachines(QStringLiteral("a"), machines(QStringLiteral("a"), 1), at(0)));
        QCOMPARE(cache.applyDiff(MachineDiff()), InventoryCache::WriteResult::Failed);
    }

private:
    void writeFile(const QByteArray &bytes)
    {
        QFile file(m_file);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(bytes), bytes.size());
    }

    /// The unusable file is moved aside intact, the user is told once, and a working empty cache
    /// takes its place; opening again says nothing more.
    void expectRecovery(const QByteArray &original)
    {
        {
            InventoryCache cache(m_file);
            QSignalSpy recovered(&cache, &InventoryCache::recovered);
            QVERIFY(cache.open());
            QCOMPARE(recovered.size(), 1);
            QCOMPARE(recovered.first().first().toString(), cache.recoveryNotice());
            QVERIFY(
                cache.recoveryNotice().contains(QDir::toNativeSeparators(cache.movedAsideTo())));
            QFile aside(cache.movedAsideTo());
            QVERIFY(aside.open(QIODevice::ReadOnly));
            QCOMPARE(aside.readAll(), original);
            QCOMPARE(cache.machines().size(), 0);
            QVERIFY(cache.replaceMachines(QStringLiteral("a"), machines(QStringLiteral("a"), 3),
                                          at(0)));
        }
        InventoryCache again(m_file);
        QVERIFY(again.open());
        QVERIFY(again.recoveryNotice().isEmpty());
        QCOMPARE(again.machineCount(QStringLiteral("a")), 3);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_file;
};

QTEST_GUILESS_MAIN(TestInventoryCache)
#include "tst_inventorycache.moc"
