#include "cacheschema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace {
struct Step
{
    int version = 0;
    std::initializer_list<const char *> statements;
};

// Machines are one compact record each (MachineRecord), keyed by account and machine id; lastSeen
// is a column so that a refresh which only re-confirms machines need not rewrite them. Times are
// milliseconds since the epoch, UTC.
const Step s_steps[] = {
    {1,
     {
         "CREATE TABLE machines ("
         " account_id TEXT NOT NULL, machine_id TEXT NOT NULL, record BLOB NOT NULL,"
         " last_seen INTEGER, PRIMARY KEY (account_id, machine_id))",
         "CREATE TABLE accounts ("
         " account_id TEXT PRIMARY KEY NOT NULL, last_success INTEGER,"
         " error_kind TEXT, error_message TEXT)",
     }},
    // 2: catalogs for the create wizard offline, and when a refresh was last tried.
    {2,
     {
         "CREATE TABLE catalogs ("
         " account_id TEXT NOT NULL, kind TEXT NOT NULL, json TEXT NOT NULL,"
         " updated_at INTEGER, PRIMARY KEY (account_id, kind)) WITHOUT ROWID",
         "ALTER TABLE accounts ADD COLUMN last_attempt INTEGER",
         "ALTER TABLE accounts ADD COLUMN error_status INTEGER",
     }},
    // 3: metric series (MetricsStore), one row per machine, kind and span: the newest fetch
    // replaces the last. Points are MetricSeries::pointsBlob(); resolution and fetch time are
    // columns so that a reader can tell a series' age without decoding it.
    {3,
     {
         "CREATE TABLE metrics ("
         " account_id TEXT NOT NULL, machine_id TEXT NOT NULL, kind TEXT NOT NULL,"
         " span TEXT NOT NULL, unit TEXT, resolution INTEGER, note TEXT, points BLOB,"
         " fetched_at INTEGER,"
         " PRIMARY KEY (account_id, machine_id, kind, span)) WITHOUT ROWID",
     }},
    // 4: the activity log (ActivityStore): one row per action or create, newest ids last.
    {4,
     {
         "CREATE TABLE activity ("
         " id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, account_id TEXT NOT NULL,"
         " account_name TEXT, machine_id TEXT, machine_name TEXT, action TEXT NOT NULL,"
         " outcome TEXT NOT NULL, message TEXT, source TEXT)",
     }},
};
} // namespace

int CacheSchema::latest()
{
    return std::end(s_steps)[-1].version;
}

int CacheSchema::version(QSqlDatabase &db, QString *error, QSqlError *sqlError)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        *error = query.lastError().databaseText();
        if (sqlError)
            *sqlError = query.lastError();
        return -1;
    }
    return query.value(0).toInt();
}

bool CacheSchema::isEmpty(QSqlDatabase &db, QString *error, QSqlError *sqlError)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master")) || !query.next()) {
        *error = query.lastError().databaseText();
        if (sqlError)
            *sqlError = query.lastError();
        return false;
    }
    return query.value(0).toInt() == 0;
}

bool CacheSchema::migrate(QSqlDatabase &db, int from, QString *error, QSqlError *sqlError)
{
    return migrateTo(db, from, latest(), error, sqlError);
}

bool CacheSchema::migrateTo(QSqlDatabase &db, int from, int version, QString *error,
                            QSqlError *sqlError)
{
    if (from >= version)
        return true;
    QSqlQuery query(db);
    auto fail = [&](const QSqlError &failure, const QString &text) {
        *error = text;
        if (sqlError)
            *sqlError = failure;
        query.finish();
        query.exec(QStringLiteral("ROLLBACK"));
        return false;
    };
    // IMMEDIATE: the write lock is taken before the version is read again, so two processes never
    // run the same step (the second would fail with "table machines already exists").
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        *error = query.lastError().databaseText();
        if (sqlError)
            *sqlError = query.lastError();
        return false;
    }
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return fail(query.lastError(), query.lastError().databaseText());
    const int current = query.value(0).toInt();
    query.finish();
    if (current != from) {
        if (current >= version) { // a sibling got there first
            query.exec(QStringLiteral("ROLLBACK"));
            return true;
        }
        from = current;
    }
    for (const Step &step : s_steps) {
        if (step.version <= from || step.version > version)
            continue;
        for (const char *statement : step.statements) {
            if (!query.exec(QString::fromLatin1(statement))) {
                return fail(query.lastError(), QStringLiteral("migration to version %1: %2")
                                                   .arg(step.version)
                                                   .arg(query.lastError().databaseText()));
            }
        }
    }
    // PRAGMA takes no bound parameters; the value is our own integer.
    if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)))
        return fail(query.lastError(), query.lastError().databaseText());
    if (!query.exec(QStringLiteral("COMMIT")))
        return fail(query.lastError(), query.lastError().databaseText());
    return true;
}
