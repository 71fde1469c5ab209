#include "cacheschema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace {
struct Step
{
    int version;
    std::initializer_list<const char *> statements;
};

// Lists (IPs, tags) are stored joined by U+001F, which no address or tag contains: reading 10,000
// rows must not parse 50,000 JSON arrays. Times are milliseconds since the epoch, UTC.
const Step s_steps[] = {
    {1,
     {
         "CREATE TABLE machines ("
         " account_id TEXT NOT NULL, machine_id TEXT NOT NULL, provider_id TEXT, name TEXT,"
         " state TEXT, provider_state TEXT, region TEXT, size TEXT, image TEXT,"
         " public_ipv4 TEXT, public_ipv6 TEXT, private_ipv4 TEXT, private_ipv6 TEXT, tags TEXT,"
         " created_at INTEGER, price_month REAL, price_hour REAL, vcpus INTEGER,"
         " memory_mb INTEGER, disk_gb INTEGER, extra TEXT, last_seen INTEGER,"
         " PRIMARY KEY (account_id, machine_id)) WITHOUT ROWID",
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
};
} // namespace

int CacheSchema::latest()
{
    return std::end(s_steps)[-1].version;
}

int CacheSchema::version(QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        *error = query.lastError().databaseText();
        return -1;
    }
    return query.value(0).toInt();
}

bool CacheSchema::isEmpty(QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master")) || !query.next()) {
        *error = query.lastError().databaseText();
        return false;
    }
    return query.value(0).toInt() == 0;
}

bool CacheSchema::migrate(QSqlDatabase &db, int from, QString *error)
{
    return migrateTo(db, from, latest(), error);
}

bool CacheSchema::migrateTo(QSqlDatabase &db, int from, int version, QString *error)
{
    if (from >= version)
        return true;
    if (!db.transaction()) {
        *error = db.lastError().databaseText();
        return false;
    }
    QSqlQuery query(db);
    for (const Step &step : s_steps) {
        if (step.version <= from || step.version > version)
            continue;
        for (const char *statement : step.statements) {
            if (!query.exec(QString::fromLatin1(statement))) {
                *error = QStringLiteral("migration to version %1: %2")
                             .arg(step.version)
                             .arg(query.lastError().databaseText());
                query.finish();
                db.rollback();
                return false;
            }
        }
    }
    // PRAGMA takes no bound parameters; the value is our own integer.
    if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)) || !db.commit()) {
        *error = query.lastError().isValid() ? query.lastError().databaseText()
                                             : db.lastError().databaseText();
        query.finish();
        db.rollback();
        return false;
    }
    return true;
}
