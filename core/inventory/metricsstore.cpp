#include "metricsstore.h"

#include "inventorycache.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

MetricsStore::MetricsStore(InventoryCache *cache)
    : m_cache(cache)
{ }

bool MetricsStore::store(const MetricSeries &series, MetricRange::Span span)
{
    return store(QList<MetricSeries> {series}, span);
}

bool MetricsStore::store(const QList<MetricSeries> &series, MetricRange::Span span)
{
    if (!m_cache || !m_cache->m_open || m_cache->m_readOnly)
        return false;
    // One transaction: a batch of hundreds of machines is one write, not hundreds of fsyncs.
    return m_cache->transaction("committing metrics", [&](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO metrics (account_id, machine_id, kind, span, unit, "
            "resolution, note, points, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const MetricSeries &one : series) {
            query.addBindValue(one.accountId);
            query.addBindValue(one.machineId);
            query.addBindValue(MetricSeries::kindId(one.kind));
            query.addBindValue(MetricRange::spanId(span));
            query.addBindValue(one.unit);
            query.addBindValue(one.resolutionSeconds);
            query.addBindValue(one.note);
            query.addBindValue(one.pointsBlob());
            query.addBindValue(one.fetchedAt.isValid() ? QVariant(one.fetchedAt.toMSecsSinceEpoch())
                                                       : QVariant());
            if (!query.exec())
                return m_cache->fail(query, "storing metrics");
        }
        return true;
    });
}

std::optional<MetricSeries> MetricsStore::series(const QString &accountId, const QString &machineId,
                                                 MetricSeries::Kind kind,
                                                 MetricRange::Span span) const
{
    for (const MetricSeries &one : machineSeries(accountId, machineId, span)) {
        if (one.kind == kind)
            return one;
    }
    return std::nullopt;
}

QList<MetricSeries> MetricsStore::machineSeries(const QString &accountId, const QString &machineId,
                                                MetricRange::Span span) const
{
    QList<MetricSeries> result;
    if (!m_cache || !m_cache->m_open)
        return result;
    QSqlQuery query(m_cache->database());
    query.prepare(QStringLiteral("SELECT kind, unit, resolution, note, points, fetched_at FROM "
                                 "metrics WHERE account_id = ? AND machine_id = ? AND span = ?"));
    query.addBindValue(accountId);
    query.addBindValue(machineId);
    query.addBindValue(MetricRange::spanId(span));
    // A read failure is not damage to act on here: a file opened read-only at an older schema
    // has no metrics table, and then there is simply nothing cached.
    if (!query.exec()) {
        qCInfo(lcCache).noquote() << "no cached metrics:" << query.lastError().databaseText();
        return result;
    }
    while (query.next()) {
        MetricSeries one;
        const auto kind = MetricSeries::kindFromId(query.value(0).toString());
        if (!kind || !MetricSeries::pointsFromBlob(query.value(4).toByteArray(), &one.points)) {
            qCWarning(lcCache).noquote() << "skipping an unreadable metrics row of" << machineId
                                         << query.value(0).toString();
            continue;
        }
        one.accountId = accountId;
        one.machineId = machineId;
        one.kind = *kind;
        one.unit = query.value(1).toString();
        one.resolutionSeconds = query.value(2).toInt();
        one.note = query.value(3).toString();
        if (!query.value(5).isNull())
            one.fetchedAt = QDateTime::fromMSecsSinceEpoch(query.value(5).toLongLong(), Qt::UTC);
        result.append(one);
    }
    std::sort(result.begin(), result.end(),
              [](const MetricSeries &a, const MetricSeries &b) { return a.kind < b.kind; });
    return result;
}

bool MetricsStore::removeMachine(const QString &accountId, const QString &machineId)
{
    if (!m_cache || !m_cache->m_open || m_cache->m_readOnly)
        return false;
    QSqlQuery query(m_cache->database());
    query.prepare(QStringLiteral("DELETE FROM metrics WHERE account_id = ? AND machine_id = ?"));
    query.addBindValue(accountId);
    query.addBindValue(machineId);
    return query.exec() || m_cache->fail(query, "removing metrics");
}
