// InventoryCache: reading and writing rows. (The file's life cycle, opening, migrating and
// recovering, is in inventorycache.cpp.)
#include "inventorycache.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace {
const QChar s_separator(0x1f);

QVariant msecs(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

QDateTime fromMsecs(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant optionalNumber(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}

std::optional<double> toOptionalNumber(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

QString joinList(const QStringList &list)
{
    return list.join(s_separator);
}

QStringList splitList(const QString &joined)
{
    return joined.isEmpty() ? QStringList() : joined.split(s_separator);
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

// The columns of a machine row, in the order writeMachine binds them and machines() reads them.
const char s_columns[] = "account_id, machine_id, provider_id, name, state, provider_state, region,"
                         " size, image, public_ipv4, public_ipv6, private_ipv4, private_ipv6, tags,"
                         " created_at, price_month, price_hour, vcpus, memory_mb, disk_gb, extra,"
                         " last_seen";

/// Repeated values (account, provider, region, size, image) share one QString: 10,000 machines
/// in a few regions should not hold 10,000 copies of "nyc3".
class Interner
{
public:
    QString operator()(const QString &value)
    {
        const auto it = m_strings.constFind(value);
        if (it != m_strings.constEnd())
            return *it;
        m_strings.insert(value);
        return value;
    }

private:
    QSet<QString> m_strings;
};
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
    if (query.exec(QStringLiteral("SELECT account_id FROM machines UNION SELECT account_id FROM "
                                  "accounts UNION SELECT account_id FROM catalogs"))) {
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
    QSqlQuery query(database());
    query.setForwardOnly(true);
    // Columns prefixed with "m." by hand: the join below shares account_id with accounts.
    QString columns = QString::fromLatin1(s_columns);
    columns.replace(QLatin1String("last_seen"), QLatin1String("MAX(COALESCE(m.last_seen, 0), "
                                                              "COALESCE(a.last_success, 0))"));
    columns.replace(QLatin1String("account_id"), QLatin1String("m.account_id"));
    QString sql = QStringLiteral("SELECT %1 FROM machines m LEFT JOIN accounts a "
                                 "ON a.account_id = m.account_id")
                      .arg(columns);
    if (!accountId.isEmpty())
        sql += QStringLiteral(" WHERE m.account_id = ?");
    query.prepare(sql);
    if (!accountId.isEmpty())
        query.addBindValue(accountId);
    if (!query.exec()) {
        fail(query, "reading machines");
        return result;
    }
    Interner intern;
    while (query.next()) {
        Machine m;
        m.accountId = intern(query.value(0).toString());
        m.id = query.value(1).toString();
        m.providerId = intern(query.value(2).toString());
        m.name = query.value(3).toString();
        m.state = MachineState::fromId(query.value(4).toString());
        m.providerState = intern(query.value(5).toString());
        m.region = intern(query.value(6).toString());
        m.size = intern(query.value(7).toString());
        m.image = intern(query.value(8).toString());
        m.publicIpv4 = splitList(query.value(9).toString());
        m.publicIpv6 = splitList(query.value(10).toString());
        m.privateIpv4 = splitList(query.value(11).toString());
        m.privateIpv6 = splitList(query.value(12).toString());
        m.tags = splitList(query.value(13).toString());
        m.createdAt = fromMsecs(query.value(14));
        m.pricePerMonth = toOptionalNumber(query.value(15));
        m.pricePerHour = toOptionalNumber(query.value(16));
        m.vcpus = query.value(17).toInt();
        m.memoryMb = query.value(18).toInt();
        m.diskGb = query.value(19).toInt();
        const QString extra = query.value(20).toString();
        if (!extra.isEmpty())
            m.extra = QJsonDocument::fromJson(extra.toUtf8()).object().toVariantMap();
        const qint64 seen = query.value(21).toLongLong();
        if (seen > 0)
            m.lastSeen = QDateTime::fromMSecsSinceEpoch(seen, Qt::UTC);
        result.append(std::move(m));
    }
    if (query.lastError().isValid())
        fail(query, "reading machines");
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
    insert.bindValue(0, m.accountId);
    insert.bindValue(1, m.id);
    insert.bindValue(2, m.providerId);
    insert.bindValue(3, m.name);
    insert.bindValue(4, MachineState::id(m.state));
    insert.bindValue(5, m.providerState);
    insert.bindValue(6, m.region);
    insert.bindValue(7, m.size);
    insert.bindValue(8, m.image);
    insert.bindValue(9, joinList(m.publicIpv4));
    insert.bindValue(10, joinList(m.publicIpv6));
    insert.bindValue(11, joinList(m.privateIpv4));
    insert.bindValue(12, joinList(m.privateIpv6));
    insert.bindValue(13, joinList(m.tags));
    insert.bindValue(14, msecs(m.createdAt));
    insert.bindValue(15, optionalNumber(m.pricePerMonth));
    insert.bindValue(16, optionalNumber(m.pricePerHour));
    insert.bindValue(17, m.vcpus);
    insert.bindValue(18, m.memoryMb);
    insert.bindValue(19, m.diskGb);
    insert.bindValue(20, m.extra.isEmpty() ? QVariant()
                                           : QVariant(QString::fromUtf8(
                                               QJsonDocument(QJsonObject::fromVariantMap(m.extra))
                                                   .toJson(QJsonDocument::Compact))));
    insert.bindValue(21, msecs(seenAt.isValid() ? seenAt : m.lastSeen));
    return insert.exec() || fail(insert, "writing a machine");
}

namespace {
QString insertSql()
{
    return QStringLiteral("INSERT OR REPLACE INTO machines (%1) VALUES "
                          "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .arg(QLatin1String(s_columns));
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
    QSqlDatabase db = database();
    if (!db.transaction())
        return failDb("starting a transaction"), WriteResult::Failed;
    bool ok = true;
    {
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
    }
    // The file is shared with other processes and may have missed an earlier write: when its rows
    // are not what the diff was computed against, the caller rewrites the whole list instead.
    const bool inSync = ok && machineCount(diff.accountId) == diff.resultCount();
    if (!ok || !inSync) {
        db.rollback();
        return ok ? WriteResult::OutOfSync : WriteResult::Failed;
    }
    if (!db.commit())
        return failDb("committing a refresh"), WriteResult::Failed;
    return WriteResult::Written;
}

bool InventoryCache::replaceMachines(const QString &accountId, const QList<Machine> &machines,
                                     const QDateTime &seenAt)
{
    if (!m_open)
        return false;
    QSqlDatabase db = database();
    if (!db.transaction())
        return failDb("starting a transaction");
    bool ok = true;
    {
        QSqlQuery remove(db);
        remove.prepare(QStringLiteral("DELETE FROM machines WHERE account_id = ?"));
        remove.addBindValue(accountId);
        ok = remove.exec() || fail(remove, "clearing an account");
        QSqlQuery insert(db);
        insert.prepare(insertSql());
        for (const Machine &machine : machines) {
            if (!ok)
                break;
            Machine copy = machine;
            copy.accountId = accountId;
            ok = writeMachine(insert, copy, seenAt);
        }
        if (ok && seenAt.isValid())
            ok = storeSuccess(accountId, seenAt);
    }
    if (!ok) {
        db.rollback();
        return false;
    }
    return db.commit() || failDb("committing a refresh");
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
    QSqlDatabase db = database();
    if (!db.transaction())
        return failDb("starting a transaction");
    bool ok = true;
    {
        QSqlQuery query(db);
        for (const char *table : {"machines", "accounts", "catalogs"}) {
            query.prepare(
                QStringLiteral("DELETE FROM %1 WHERE account_id = ?").arg(QLatin1String(table)));
            query.addBindValue(accountId);
            ok = ok && (query.exec() || fail(query, "removing an account"));
        }
    }
    if (!ok) {
        db.rollback();
        return false;
    }
    return db.commit() || failDb("committing an account removal");
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
