// AwsProvider's metrics: CloudWatch GetMetricData, batched per region (what is asked and how the
// reply is read: AwsMetrics).
#include "awsmetrics.h"
#include "awsprovider.h"
#include "resourceid.h"

#include <QMap>
#include <memory>

namespace {
const QString monitoringVersion = QStringLiteral("2010-08-01");
} // namespace

QUrl AwsProvider::monitoringEndpoint(const QString &region) const
{
    const QString setting =
        account().settings.value(QStringLiteral("monitoringEndpoint")).toString();
    if (!setting.trimmed().isEmpty())
        return withRegion(QUrl(setting.trimmed()).toString(QUrl::FullyEncoded), region);
    if (!account().endpoint.isEmpty())
        return endpoint(region);
    const QString domain = region.startsWith(QLatin1String("cn-"))
                               ? QStringLiteral("amazonaws.com.cn")
                               : QStringLiteral("amazonaws.com");
    return QUrl(QStringLiteral("https://monitoring.%1.%2/").arg(region, domain));
}

void AwsProvider::fetchMetrics(const QStringList &machineIds, MetricSeries::Kind kind,
                               const MetricRange &range, Callback<QList<MetricSeries>> done)
{
    // The ids go into form fields, but each must still be one instance id, nothing more.
    for (const QString &id : machineIds) {
        const Result<void> checked =
            ResourceId::check(ResourceId::Opaque, id, tr("AWS instance id"));
        if (!checked.ok())
            return failLater(checked.error(), std::move(done));
    }
    if (const Error missing = missingCredentials(); missing.isError())
        return failLater(missing, std::move(done));
    if (machineIds.isEmpty())
        return post([done] { done(QList<MetricSeries>()); });
    // The region of each id: from the last listing (no request), else searched for (regionOf).
    const PerRegion<QString> locate = [this](const QString &id,
                                             const Callback<QList<QString>> &one) {
        regionOf(id, [one](Result<QString> region) {
            if (!region.ok())
                return one(region.error());
            one(QList<QString> {region.value()});
        });
    };
    RegionFanOut::run<QString>(
        machineIds, locate, [this, machineIds, kind, range, done](Result<QList<QString>> regions) {
            if (!regions.ok())
                return done(regions.error());
            // Every instance of a region in one request, 500 at most: a batch is (region, ids).
            QMap<QString, QStringList> byRegion;
            for (qsizetype i = 0; i < machineIds.size(); ++i) {
                QStringList &ids = byRegion[regions.value().at(i)];
                if (!ids.contains(machineIds.at(i)))
                    ids.append(machineIds.at(i));
            }
            auto batches = std::make_shared<QList<std::pair<QString, QStringList>>>();
            QStringList keys;
            for (auto it = byRegion.cbegin(); it != byRegion.cend(); ++it) {
                for (qsizetype from = 0; from < it.value().size(); from += AwsMetrics::maxQueries) {
                    keys.append(QString::number(batches->size()));
                    batches->append({it.key(), it.value().mid(from, AwsMetrics::maxQueries)});
                }
            }
            const PerRegion<MetricSeries> fetch =
                [this, batches, kind, range](const QString &key,
                                             const Callback<QList<MetricSeries>> &batchDone) {
                    const auto &[region, ids] = batches->at(key.toInt());
                    metricsInRegion(region, ids, kind, range, batchDone);
                };
            RegionFanOut::run<MetricSeries>(keys, fetch,
                                            [machineIds, done](Result<QList<MetricSeries>> all) {
                                                if (!all.ok())
                                                    return done(all.error());
                                                QHash<QString, MetricSeries> byId;
                                                for (const MetricSeries &series : all.value())
                                                    byId.insert(series.machineId, series);
                                                QList<MetricSeries> ordered;
                                                ordered.reserve(machineIds.size());
                                                for (const QString &id : machineIds)
                                                    ordered.append(byId.value(id));
                                                done(std::move(ordered));
                                            });
        });
}

void AwsProvider::metricsInRegion(const QString &region, const QStringList &ids,
                                  MetricSeries::Kind kind, const MetricRange &range,
                                  const Callback<QList<MetricSeries>> &done)
{
    struct State
    {
        QHash<QString, QList<MetricSeries::Point>> points; ///< by query Id
        QString lastToken;
    };
    auto state = std::make_shared<State>();
    const int period = AwsMetrics::period(kind, range);
    const double scale = AwsMetrics::scale(kind, period);
    const AwsMetrics::Params params = AwsMetrics::params(ids, kind, range);
    const QString action = QStringLiteral("GetMetricData");
    const QUrl url = monitoringEndpoint(region);
    qCDebug(lcAws) << action << ids.size() << "instance(s) in" << region;
    http()->getPages(
        queryRequest(url, monitoringVersion, QStringLiteral("monitoring"), region, action, params),
        [state, scale, params, url, region,
         action](const HttpResponse &response) -> Result<std::optional<HttpRequest>> {
            Result<AwsMetrics::Page> page = AwsMetrics::page(response.body, scale);
            if (!page.ok())
                return page.error();
            for (auto it = page.value().points.cbegin(); it != page.value().points.cend(); ++it)
                state->points[it.key()].append(it.value());
            const QString token = page.value().nextToken;
            if (token.isEmpty())
                return std::optional<HttpRequest>();
            if (token == state->lastToken) {
                return Error(Error::InvalidReply,
                             tr("AWS returned the same NextToken twice for %1; stopped to avoid "
                                "a loop.")
                                 .arg(action));
            }
            state->lastToken = token;
            AwsMetrics::Params next = params;
            next.append({QStringLiteral("NextToken"), token});
            return std::optional<HttpRequest>(queryRequest(
                url, monitoringVersion, QStringLiteral("monitoring"), region, action, next));
        },
        [this, state, ids, kind, period, region, action, done](const Result<void> &result) {
            if (!result.ok()) {
                Error error = inRegion(result.error(), region, action);
                // CloudWatch says AccessDenied without naming the permission; we know it.
                if (error.kind() == Error::Forbidden) {
                    Error hinted(error.kind(),
                                 error.message() + QLatin1Char(' ') + AwsMetrics::permissionHint(),
                                 error.httpStatus());
                    hinted.setProviderCode(error.providerCode());
                    error = hinted;
                }
                return done(error);
            }
            const QDateTime now = QDateTime::currentDateTimeUtc();
            QList<MetricSeries> list;
            list.reserve(ids.size());
            for (int i = 0; i < ids.size(); ++i) {
                MetricSeries series;
                series.accountId = account().id;
                series.machineId = ids.at(i);
                series.kind = kind;
                series.unit = MetricSeries::unitFor(kind);
                series.resolutionSeconds = period;
                series.points =
                    AwsMetrics::ordered(state->points.value(AwsMetrics::queryId(i)), period);
                series.note = AwsMetrics::note(kind, series.points.isEmpty());
                series.fetchedAt = now;
                list.append(std::move(series));
            }
            done(std::move(list));
        });
}
