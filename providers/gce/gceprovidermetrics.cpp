// GceProvider::fetchMetrics: Cloud Monitoring's projects.timeSeries.list, one request (with its
// pages) per kind and hundred instances (see GceMetrics).
#include "gcemetrics.h"
#include "gceprovider.h"

#include <QUrlQuery>

QUrl GceProvider::monitoringBase() const
{
    const QString text =
        account().settings.value(QStringLiteral("monitoringEndpoint")).toString().trimmed();
    return QUrl(text.isEmpty() ? GceMetrics::defaultEndpoint : text);
}

QUrl GceProvider::monitoringUrl(const QString &path,
                               const QList<std::pair<QString, QString>> &query) const
{
    QUrl result = monitoringBase();
    QString basePath = result.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    result.setPath(basePath + path);
    QUrlQuery encoded;
    for (const auto &[key, value] : query)
        encoded.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    result.setQuery(encoded);
    return result;
}

void GceProvider::fetchMetrics(const QStringList &machineIds, MetricSeries::Kind kind,
                               const MetricRange &range, Callback<QList<MetricSeries>> done)
{
    for (const QString &id : machineIds) {
        if (const Error error = checkInstanceId(id); error.isError())
            return failLater(error, std::move(done));
    }
    QStringList unique = machineIds;
    unique.removeDuplicates();
    struct Join
    {
        int pending = 0;
        bool failed = false;
        QList<GceMetrics::InstanceSeries> parts;
    };
    auto join = std::make_shared<Join>();
    const QString accountId = account().id;
    auto finish = [join, machineIds, kind, range, accountId, done] {
        QList<MetricSeries> result;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const QString &id : machineIds) {
            MetricSeries series = GceMetrics::assemble(join->parts, id, kind, range);
            series.accountId = accountId;
            series.machineId = id;
            series.fetchedAt = now;
            result.append(series);
        }
        done(result);
    };
    if (unique.isEmpty())
        return post(finish);
    for (qsizetype at = 0; at < unique.size(); at += GceMetrics::maxInstances) {
        const QStringList chunk = unique.mid(at, GceMetrics::maxInstances);
        ++join->pending;
        const QList<std::pair<QString, QString>> query = GceMetrics::query(kind, chunk, range);
        const QString path = QStringLiteral("/projects/%1/timeSeries").arg(m_credentials.projectId());
        authorized<QList<GceMetrics::InstanceSeries>>(
            [this, path, query, kind](Callback<QList<GceMetrics::InstanceSeries>> attempt) {
                const QUrl first = monitoringUrl(path, query);
                PagedList::collect<GceMetrics::InstanceSeries>(
                    http(), HttpRequest::get(first),
                    [kind](const QJsonObject &page) { return GceMetrics::page(page, kind); },
                    [this, path, query](const QJsonObject &page)
                        -> Result<std::optional<HttpRequest>> {
                        const QString token = GceParser::nextPageToken(page);
                        if (token.isEmpty())
                            return std::optional<HttpRequest>();
                        auto next = query;
                        next.append({QStringLiteral("pageToken"), token});
                        return std::optional<HttpRequest>(
                            HttpRequest::get(monitoringUrl(path, next)));
                    },
                    std::move(attempt));
            },
            [join, finish, done](Result<QList<GceMetrics::InstanceSeries>> parts) {
                if (join->failed)
                    return;
                if (!parts.ok()) {
                    join->failed = true;
                    return done(parts.error());
                }
                join->parts.append(parts.value());
                if (--join->pending == 0)
                    finish();
            });
    }
}
