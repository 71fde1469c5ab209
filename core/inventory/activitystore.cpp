#include "activitystore.h"

#include "inventorycache.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

ActivityStore::ActivityStore(InventoryCache *cache)
    : m_cache(cache)
{ }

qint64 ActivityStore::append(const ActivityEntry &entry)
{
    if (!m_cache || !m_cache->m_open || m_cache->m_readOnly)
        return 0;
    qint64 id = 0;
    m_cache->transaction("recording activity", [&](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
            "INSERT INTO activity (at, account_id, account_name, machine_id, machine_name, "
            "action, outcome, message, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        query.addBindValue(entry.at.toMSecsSinceEpoch());
        query.addBindValue(entry.accountId);
        query.addBindValue(entry.accountName);
        query.addBindValue(entry.machineId);
        query.addBindValue(entry.machineName);
        query.addBindValue(entry.action);
        query.addBindValue(ActivityEntry::outcomeId(entry.outcome));
        query.addBindValue(entry.message);
        query.addBindValue(entry.source);
        if (!query.exec())
            return m_cache->fail(query, "recording activity");
        id = query.lastInsertId().toLongLong();
        // Keep the newest rows only: the log is for "what did I just do", not an audit trail.
        QSqlQuery prune(db);
        prune.prepare(QStringLiteral("DELETE FROM activity WHERE id <= ?"));
        prune.addBindValue(id - maxEntries);
        return prune.exec() || m_cache->fail(prune, "pruning activity");
    });
    return id;
}

bool ActivityStore::update(qint64 id, ActivityEntry::Outcome outcome, const QString &message)
{
    if (!m_cache || !m_cache->m_open || m_cache->m_readOnly || id <= 0)
        return false;
    QSqlQuery query(m_cache->database());
    query.prepare(QStringLiteral("UPDATE activity SET outcome = ?, message = ? WHERE id = ?"));
    query.addBindValue(ActivityEntry::outcomeId(outcome));
    query.addBindValue(message);
    query.addBindValue(id);
    return query.exec() || m_cache->fail(query, "updating activity");
}

QList<ActivityEntry> ActivityStore::entries(int limit) const
{
    QList<ActivityEntry> result;
    if (!m_cache || !m_cache->m_open)
        return result;
    QSqlQuery query(m_cache->database());
    query.prepare(QStringLiteral(
        "SELECT id, at, account_id, account_name, machine_id, machine_name, action, outcome, "
        "message, source FROM activity ORDER BY id DESC LIMIT ?"));
    query.addBindValue(limit);
    // A file opened read-only at an older schema has no activity table: nothing was logged.
    if (!query.exec()) {
        qCInfo(lcCache).noquote() << "no activity log:" << query.lastError().databaseText();
        return result;
    }
    while (query.next()) {
        ActivityEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.at = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC);
        entry.accountId = query.value(2).toString();
        entry.accountName = query.value(3).toString();
        entry.machineId = query.value(4).toString();
        entry.machineName = query.value(5).toString();
        entry.action = query.value(6).toString();
        entry.outcome = ActivityEntry::outcomeFromId(query.value(7).toString());
        entry.message = query.value(8).toString();
        entry.source = query.value(9).toString();
        if (entry.machineId.isEmpty() && entry.machineName.isEmpty()) {
            qCWarning(lcCache) << "skipping an unreadable activity row" << entry.id;
            continue;
        }
        result.append(entry);
    }
    return result;
}
