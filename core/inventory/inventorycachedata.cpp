// InventoryCache: reading and writing rows. (The file's life cycle, opening, migrating and
// recovering, is in inventorycache.cpp.)
#include "inventorycache.h"

#include "machinerecord.h"
#include "sqliterows.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace {
QVariant msecs(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

QDateTime fromMsecs(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

Error::Kind kindFromId(const QString &id)
{
    QByteArray key = id.toLatin1();
    if (key.isEmpty())
        return Error::None;
    key[0] = char(QChar::toUpper(uint(uchar(key.at(0)))));
    bool ok = false;
    const int value = QMetaEnum::fromType<Error::Kind>().keyToValue(key.constData(), &ok);
    // A kind this build does not know still is an error.
    return ok ? Error::Kind(value) : Error::Server;
}
} // namespace

QString InventoryCache::catalogKindId(CatalogKind kind)
{
    switch (kind) {
    case CatalogKind::Regions:
        return QStringLiteral("regions");
    case CatalogKind::Sizes:
        return QStringLiteral("sizes");
    case CatalogKind::Images:
        return QStringLiteral("images");
    case CatalogKind::SshKeys:
        return QStringLiteral("sshKeys");
    }
    return {};
}

QStringList InventoryCache::accountIds() const
{
    QStringList ids;
    if (!m_open)
        return ids;
    QSqlQuery query(database());
    // The machines' distinct accounts by one index seek each (SQLite's "loose index scan" on the
    // primary key's first column), not by reading all 10,000 rows: 0.8-1.6 ms of every start,
    // CLI or GUI, became 0.01-0.05.
    if (query.exec(QStringLiteral(
            "WITH RECURSIVE ids(id) AS (SELECT MIN(account_id) FROM machines UNION ALL"
            " SELECT (SELECT MIN(account_id) FROM machines WHERE account_id > ids.id) FROM ids"
            " WHERE ids.id IS NOT NULL)"
            " SELECT id FROM ids WHERE id IS NOT NULL UNION SELECT account_id FROM accounts"
            " UNION SELECT account_id FROM catalogs"))) {
        while (query.next())
            ids.append(query.value(0).toString());
    }
    return ids;
}

QList<Machine> InventoryCache::machines(const QString &accountId) const
{
    QList<Machine> result;
    if (!m_open)
        return result;
    // A machine was seen at least by the account's last good refresh, which listed it. Those
    // few times are read first: joining them to each row cost more than the row itself.
    QHash<QString, qint64> lastSuccess;
    {
        SqliteRows accounts(database(), "SELECT account_id, last_success FROM accounts");
        while (accounts.next())
            lastSuccess.insert(accounts.text(0), accounts.integer(1));
        if (accounts.lastError().isValid()) {
            fail(accounts.lastError(), "reading machines");
            return result;
        }
    }
    SqliteRows rows(database(),
                    accountId.isEmpty()
                        ? "SELECT account_id, machine_id, record, last_seen FROM machines"
                        : "SELECT account_id, machine_id, record, last_seen FROM machines"
                          " WHERE account_id = ?");
    if (!accountId.isEmpty())
        rows.bind(1, accountId);
    MachineRecord::StringPool pool;
    QString account;
    qint64 accountSuccess = 0;
    int unreadable = 0;
    while (rows.next()) {
        Machine m;
        if (!MachineRecord::decode(rows.blob(2), m, &pool)) {
            ++unreadable; // one bad record costs that machine, not the whole cache
            continue;
        }
        const QString rowAccount = rows.text(0);
        if (rowAccount != account) {
            account = rowAccount;
            accountSuccess = lastSuccess.value(account);
        }
        m.accountId = account; // shared by every machine of the account
        m.id = rows.text(1);
        const qint64 seen = std::max(rows.integer(3), accountSuccess);
        if (seen > 0)
            m.lastSeen = QDateTime::fromMSecsSinceEpoch(seen, Qt::UTC);
        result.append(std::move(m));
    }
    if (rows.lastError().isValid())
        fail(rows.lastError(), "reading machines");
    if (unreadable > 0)
        qCWarning(lcCache) << "skipped" << unreadable << "unreadable machine records";
    return result;
}

int InventoryCache::machineCount(const QString &accountId) const
{
    if (!m_open)
        return 0;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM machines WHERE account_id = ?"));
    query.addBindValue(accountId);
    return query.exec() && query.next() ? query.value(0).toInt() : 0;
}

bool InventoryCache::writeMachine(QSqlQuery &insert, const Machine &m, const QDateTime &seenAt)
{
    return writeRecord(insert, m.accountId, m, MachineRecord::encode(m), seenAt);
}

bool InventoryCache::writeRecord(QSqlQuery &insert, const QString &accountId, const Machine &m,
                                 const QByteArray &record, const QDateTime &seenAt)
{
    insert.bindValue(0, accountId);
    insert.bindValue(1, m.id);
    insert.bindValue(2, record);
    insert.bindValue(3, msecs(seenAt.isValid() ? seenAt : m.lastSeen));
    return insert.exec() || fail(insert, "writing a machine");
}

namespace {
QString insertSql()
{
    return QStringLiteral("INSERT OR REPLACE INTO machines (account_id, machine_id, record, "
                          "last_seen) VALUES (?, ?, ?, ?)");
}
} // namespace

bool InventoryCache::storeSuccess(const QString &accountId, const QDateTime &at)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "INSERT INTO accounts (account_id, last_success, last_attempt, error_kind, error_message,"
        " error_status) VALUES (?, ?, ?, NULL, NULL, NULL) ON CONFLICT (account_id) DO UPDATE SET"
        " last_success = excluded.last_success, last_attempt = excluded.last_attempt,"
        " error_kind = NULL, error_message = NULL, error_status = NULL"));
    query.addBindValue(accountId);
    query.addBindValue(msecs(at));
    query.addBindValue(msecs(at));
    return query.exec() || fail(query, "storing a refresh time");
}

InventoryCache::WriteResult InventoryCache::applyDiff(const MachineDiff &diff)
{
    if (!m_open)
        return WriteResult::Failed;
    bool outOfSync = false;
    const bool written = transaction("committing a refresh", [&](QSqlDatabase &db) {
        bool ok = true;
        QSqlQuery remove(db);
        remove.prepare(
            QStringLiteral("DELETE FROM machines WHERE account_id = ? AND machine_id = ?"));
        for (const QString &id : diff.removed) {
            remove.bindValue(0, diff.accountId);
            remove.bindValue(1, id);
            ok = ok && (remove.exec() || fail(remove, "removing a machine"));
        }
        QSqlQuery insert(db);
        insert.prepare(insertSql());
        for (const Machine &machine : diff.added)
            ok = ok && writeMachine(insert, machine, diff.seenAt);
        for (const MachineDiff::Change &change : diff.changed)
            ok = ok && writeMachine(insert, change.machine, diff.seenAt);
        if (ok && diff.seenAt.isValid())
            ok = storeSuccess(diff.accountId, diff.seenAt);
        // The file is shared with other processes and may have missed an earlier write: when
        // its rows are not what the diff was computed against, the caller rewrites the whole
        // list instead.
        outOfSync = ok && machineCount(diff.accountId) != diff.resultCount();
        return ok && !outOfSync;
    });
    if (written)
        return WriteResult::Written;
    return outOfSync ? WriteResult::OutOfSync : WriteResult::Failed;
}

bool InventoryCache::replaceMachines(const QString &accountId, const QList<Machine> &machines,
                                     const QDateTime &seenAt)
{
    if (!m_open)
        return false;
    return transaction("committing a refresh", [&](QSqlDatabase &db) {
        QSqlQuery remove(db);
        remove.prepare(QStringLiteral("DELETE FROM machines WHERE account_id = ?"));
        remove.addBindValue(accountId);
        bool ok = remove.exec() || fail(remove, "clearing an account");
        QSqlQuery insert(db);
        insert.prepare(insertSql());
        for (const Machine &machine : machines) {
            if (!ok)
                break;
            Machine copy = machine;
            copy.accountId = accountId;
            ok = writeMachine(insert, copy, seenAt);
        }
        return ok && (!seenAt.isValid() || storeSuccess(accountId, seenAt));
    });
}

bool InventoryCache::syncMachines(const QString &accountId, const QList<Machine> &machines,
                                  const QDateTime &seenAt)
{
    if (!m_open)
        return false;
    return transaction("committing a refresh", [&](QSqlDatabase &db) {
        // What the file holds, as its stored bytes: reading them costs a tenth of decoding them.
        QHash<QString, QByteArray> stored;
        {
            SqliteRows read(db, "SELECT machine_id, record FROM machines WHERE account_id = ?");
            read.bind(1, accountId);
            while (read.next())
                stored.insert(read.text(0), read.blob(1).toByteArray());
            if (read.lastError().isValid())
                return fail(read.lastError(), "reading machines");
        }
        QSqlQuery insert(db);
        insert.prepare(insertSql());
        bool ok = true;
        for (const Machine &machine : machines) {
            if (!ok)
                break;
            const QByteArray record = MachineRecord::encode(machine);
            // A row that encodes the same is left as it is: its lastSeen follows from the
            // account's last good refresh, stored below.
            const auto it = stored.constFind(machine.id);
            const bool same = it != stored.cend() && *it == record && seenAt.isValid();
            if (it != stored.cend())
                stored.erase(it);
            if (!same)
                ok = writeRecord(insert, accountId, machine, record, seenAt);
        }
        QSqlQuery remove(db);
        remove.prepare(
            QStringLiteral("DELETE FROM machines WHERE account_id = ? AND machine_id = ?"));
        for (auto it = stored.cbegin(); ok && it != stored.cend(); ++it) {
            remove.bindValue(0, accountId);
            remove.bindValue(1, it.key());
            ok = remove.exec() || fail(remove, "removing a machine");
        }
        return ok && (!seenAt.isValid() || storeSuccess(accountId, seenAt));
    });
}

bool InventoryCache::upsertMachine(const Machine &machine)
{
    if (!m_open)
        return false;
    QSqlQuery insert(database());
    insert.prepare(insertSql());
    return writeMachine(insert, machine, {});
}

bool InventoryCache::removeMachine(const QString &accountId, const QString &machineId)
{
    if (!m_open)
        return false;
    QSqlQuery remove(database());
    remove.prepare(QStringLiteral("DELETE FROM machines WHERE account_id = ? AND machine_id = ?"));
    remove.addBindValue(accountId);
    remove.addBindValue(machineId);
    return remove.exec() || fail(remove, "removing a machine");
}

InventoryCache::AccountStatus InventoryCache::status(const QString &accountId) const
{
    AccountStatus status;
    if (!m_open)
        return status;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT last_success, last_attempt, error_kind, error_message,"
                                 " error_status FROM accounts WHERE account_id = ?"));
    query.addBindValue(accountId);
    if (!query.exec() || !query.next())
        return status;
    status.lastSuccess = fromMsecs(query.value(0));
    status.lastAttempt = fromMsecs(query.value(1));
    const Error::Kind kind = kindFromId(query.value(2).toString());
    if (kind != Error::None)
        status.lastError = Error(kind, query.value(3).toString(), query.value(4).toInt());
    return status;
}

bool InventoryCache::recordFailure(const QString &accountId, const Error &error,
                                   const QDateTime &at)
{
    if (!m_open)
        return false;
    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "INSERT INTO accounts (account_id, last_attempt, error_kind, error_message, error_status)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET"
        " last_attempt = excluded.last_attempt, error_kind = excluded.error_kind,"
        " error_message = excluded.error_message, error_status = excluded.error_status"));
    query.addBindValue(accountId);
    query.addBindValue(msecs(at));
    query.addBindValue(Error::kindId(error.kind()));
    query.addBindValue(error.message());
    query.addBindValue(error.httpStatus());
    return query.exec() || fail(query, "storing a refresh error");
}

bool InventoryCache::removeAccount(const QString &accountId)
{
    if (!m_open)
        return false;
    return transaction("committing an account removal", [&](QSqlDatabase &db) {
        bool ok = true;
        QSqlQuery query(db);
        for (const char *table : {"machines", "accounts", "catalogs", "metrics"}) {
            query.prepare(
                QStringLiteral("DELETE FROM %1 WHERE account_id = ?").arg(QLatin1String(table)));
            query.addBindValue(accountId);
            ok = ok && (query.exec() || fail(query, "removing an account"));
        }
        return ok;
    });
}

int InventoryCache::removeAccountsExcept(const QStringList &keep)
{
    int removed = 0;
    const QStringList ids = accountIds();
    for (const QString &id : ids) {
        if (!keep.contains(id) && removeAccount(id))
            ++removed;
    }
    return removed;
}

bool InventoryCache::storeCatalog(const QString &accountId, CatalogKind kind,
                                  const QJsonArray &items, const QDateTime &at)
{
    if (!m_open)
        return false;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO catalogs (account_id, kind, json, "
                                 "updated_at) VALUES (?, ?, ?, ?)"));
    query.addBindValue(accountId);
    query.addBindValue(catalogKindId(kind));
    query.addBindValue(QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Compact)));
    query.addBindValue(msecs(at));
    return query.exec() || fail(query, "storing a catalog");
}

QJsonArray InventoryCache::catalog(const QString &accountId, CatalogKind kind,
                                   QDateTime *updatedAt) const
{
    if (updatedAt)
        *updatedAt = {};
    if (!m_open)
        return {};
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("SELECT json, updated_at FROM catalogs WHERE account_id = ? AND kind = ?"));
    query.addBindValue(accountId);
    query.addBindValue(catalogKindId(kind));
    if (!query.exec() || !query.next())
        return {};
    if (updatedAt)
        *updatedAt = fromMsecs(query.value(1));
    return QJsonDocument::fromJson(query.value(0).toString().toUtf8()).array();
}
