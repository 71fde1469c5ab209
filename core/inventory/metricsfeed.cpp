#include "metricsfeed.h"

#include "idlerule.h"
#include "inventory.h"
#include "machinemodel.h"
#include "metricsstore.h"
#include "provider.h"

#include <QLoggingCategory>
#include <QPointer>

Q_LOGGING_CATEGORY(lcMetricsFeed, "clouddeck.metrics")

namespace {
const QList<MetricSeries::Kind> allKinds = {
    MetricSeries::Kind::Cpu, MetricSeries::Kind::NetworkIn, MetricSeries::Kind::NetworkOut,
    MetricSeries::Kind::DiskRead, MetricSeries::Kind::DiskWrite};
// Coalesces a burst of watch() calls (a list scrolled, a window opened) into one fetch.
constexpr int soonMs = 400;
// How often due work is looked for; each series has its own period (list, details, idle).
constexpr int tickMs = 15 * 1000;
} // namespace

size_t qHash(const MetricsFeed::Key &key, size_t seed) noexcept
{
    return qHashMulti(seed, key.accountId, key.machineId, int(key.kind), int(key.span));
}

MetricsFeed::MetricsFeed(Inventory *inventory, QObject *parent)
    : QObject(parent)
    , m_inventory(inventory)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    m_soon.setSingleShot(true);
    m_soon.setInterval(soonMs);
    connect(&m_soon, &QTimer::timeout, this, &MetricsFeed::fetchDue);
    m_tick.setInterval(tickMs);
    connect(&m_tick, &QTimer::timeout, this, &MetricsFeed::fetchDue);
}

MetricsFeed::~MetricsFeed() = default;

void MetricsFeed::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
}

QString MetricsFeed::machineKey(const QString &accountId, const QString &machineId)
{
    return accountId + QLatin1Char('\n') + machineId;
}

void MetricsFeed::watch(const QString &accountId, const QString &machineId)
{
    if (accountId.isEmpty() || machineId.isEmpty())
        return;
    const QString key = machineKey(accountId, machineId);
    if (m_watchCount[key]++ > 0)
        return;
    // A row seen for the first time since start: its idleness from the cached week, if any.
    if (!m_idleness.contains(key))
        updateIdleness(accountId, machineId);
    scheduleSoon();
}

void MetricsFeed::unwatch(const QString &accountId, const QString &machineId)
{
    const QString key = machineKey(accountId, machineId);
    auto it = m_watchCount.find(key);
    if (it == m_watchCount.end())
        return;
    if (--it.value() <= 0)
        m_watchCount.erase(it);
    if (m_watchCount.isEmpty() && m_focusMachine.isEmpty())
        m_tick.stop();
}

void MetricsFeed::focus(const QString &accountId, const QString &machineId, const QString &spanId)
{
    const MetricRange::Span span =
        MetricRange::spanFromId(spanId).value_or(MetricRange::Span::Hour);
    if (accountId == m_focusAccount && machineId == m_focusMachine && span == m_focusSpan)
        return;
    m_focusAccount = accountId;
    m_focusMachine = machineId;
    m_focusSpan = span;
    if (!machineId.isEmpty())
        scheduleSoon();
}

void MetricsFeed::clearFocus()
{
    m_focusAccount.clear();
    m_focusMachine.clear();
}

bool MetricsFeed::supported(const QString &accountId) const
{
    // The model holds each account's capabilities from its plugin (or its provider, once made).
    return m_inventory->model()->accountCapabilities(accountId).contains(QStringLiteral("metrics"));
}

std::optional<MetricSeries> MetricsFeed::series(const QString &accountId, const QString &machineId,
                                                MetricSeries::Kind kind,
                                                MetricRange::Span span) const
{
    const Key key {accountId, machineId, kind, span};
    if (auto it = m_series.constFind(key); it != m_series.cend())
        return it->unpack(accountId, machineId, kind);
    // The offline cache is read once per key: a miss is remembered as one too.
    if (m_storeMisses.contains(key) || !m_inventory->cache())
        return std::nullopt;
    std::optional<MetricSeries> stored =
        MetricsStore(m_inventory->cache()).series(accountId, machineId, kind, span);
    if (stored)
        m_series.insert(key, PackedSeries(*stored));
    else
        m_storeMisses.insert(key);
    return stored;
}

QVariantMap MetricsFeed::summary(const QString &accountId, const QString &machineId,
                                 const QString &kindId, const QString &spanId) const
{
    const std::optional<MetricSeries::Kind> kind = MetricSeries::kindFromId(kindId);
    const std::optional<MetricRange::Span> span = MetricRange::spanFromId(spanId);
    if (!kind || !span)
        return {};
    const std::optional<MetricSeries> found = series(accountId, machineId, *kind, *span);
    if (!found)
        return {};
    const MetricSeries::Summary s = found->summary();
    return {{QStringLiteral("count"), s.count},
            {QStringLiteral("min"), s.min},
            {QStringLiteral("avg"), s.avg},
            {QStringLiteral("max"), s.max},
            {QStringLiteral("last"), s.last},
            {QStringLiteral("unit"), found->unit},
            {QStringLiteral("resolutionSeconds"), found->resolutionSeconds},
            {QStringLiteral("note"), found->note},
            {QStringLiteral("fetchedAt"), found->fetchedAt}};
}

QString MetricsFeed::problem(const QString &accountId, const QString &machineId) const
{
    return m_problems.value(machineKey(accountId, machineId));
}

MetricsFeed::Idleness MetricsFeed::idleness(const QString &accountId,
                                            const QString &machineId) const
{
    const QString key = machineKey(accountId, machineId);
    if (auto it = m_idleness.constFind(key); it != m_idleness.cend())
        return it.value();
    // Offline or before the first fetch: decide from the cached week, if there is one.
    const std::optional<MetricSeries> week =
        series(accountId, machineId, MetricSeries::Kind::Cpu, MetricRange::Span::Week);
    if (!week)
        return Idleness::Unknown;
    const std::optional<bool> idle = IdleRule::isIdle(*week, m_now());
    return !idle ? Idleness::Unknown : (*idle ? Idleness::Idle : Idleness::Busy);
}

void MetricsFeed::remember(const MetricSeries &series, MetricRange::Span span)
{
    const Key key {series.accountId, series.machineId, series.kind, span};
    m_series.insert(key, PackedSeries(series));
    m_storeMisses.remove(key);
    if (m_inventory->cache() && !MetricsStore(m_inventory->cache()).store(series, span))
        qCInfo(lcMetricsFeed) << "series not cached (the cache is read-only or full)";
    if (series.kind == MetricSeries::Kind::Cpu && span == MetricRange::Span::Week)
        updateIdleness(series.accountId, series.machineId);
    emit seriesChanged(series.accountId, series.machineId);
}

void MetricsFeed::updateIdleness(const QString &accountId, const QString &machineId)
{
    const QString key = machineKey(accountId, machineId);
    const Idleness before = m_idleness.value(key, Idleness::Unknown);
    m_idleness.remove(key);
    const Idleness now = idleness(accountId, machineId);
    m_idleness.insert(key, now);
    if (now != before)
        emit idlenessChanged(accountId, machineId);
}

void MetricsFeed::scheduleSoon()
{
    if (!m_soon.isActive())
        m_soon.start();
    if (!m_tick.isActive())
        m_tick.start();
}

bool MetricsFeed::isDue(const Key &key, int refreshSeconds) const
{
    if (m_inFlight.contains(key)
        || m_unsupported.contains(machineKey(key.accountId, MetricSeries::kindId(key.kind))))
        return false;
    const QDateTime last = m_lastAttempt.value(key);
    return !last.isValid() || last.secsTo(m_now()) >= refreshSeconds;
}

QList<MetricsFeed::Request> MetricsFeed::dueRequests() const
{
    // One request per account, kind and span, listing every machine due in it: clouds that
    // take many machines a call (CloudWatch) get them in one, the others fan out themselves.
    QList<Request> requests;
    auto add = [&](const QString &accountId, const QString &machineId, MetricSeries::Kind kind,
                   MetricRange::Span span) {
        for (Request &request : requests) {
            if (request.accountId == accountId && request.kind == kind && request.span == span) {
                request.machineIds.append(machineId);
                return;
            }
        }
        requests.append({accountId, {machineId}, kind, span});
    };
    const MachineModel *model = m_inventory->model();
    auto running = [model](const QString &accountId, const QString &machineId) {
        const int row = model->rowOf(accountId, machineId);
        return row >= 0 && model->at(row).state == MachineState::Running;
    };
    for (auto it = m_watchCount.cbegin(); it != m_watchCount.cend(); ++it) {
        const qsizetype split = it.key().indexOf(QLatin1Char('\n'));
        const QString accountId = it.key().left(split);
        const QString machineId = it.key().mid(split + 1);
        if (!supported(accountId) || !running(accountId, machineId))
            continue;
        if (isDue({accountId, machineId, MetricSeries::Kind::Cpu, MetricRange::Span::Hour},
                  listRefreshSeconds))
            add(accountId, machineId, MetricSeries::Kind::Cpu, MetricRange::Span::Hour);
        if (isDue({accountId, machineId, MetricSeries::Kind::Cpu, MetricRange::Span::Week},
                  idleRefreshSeconds))
            add(accountId, machineId, MetricSeries::Kind::Cpu, MetricRange::Span::Week);
    }
    if (!m_focusMachine.isEmpty() && supported(m_focusAccount)) {
        for (const MetricSeries::Kind kind : allKinds) {
            const Key key {m_focusAccount, m_focusMachine, kind, m_focusSpan};
            bool listed = false;
            for (const Request &request : requests)
                listed =
                    listed
                    || (request.accountId == key.accountId && request.kind == kind
                        && request.span == key.span && request.machineIds.contains(key.machineId));
            if (!listed && isDue(key, detailsRefreshSeconds))
                add(m_focusAccount, m_focusMachine, kind, m_focusSpan);
        }
    }
    return requests;
}

void MetricsFeed::fetchDue()
{
    for (const Request &request : dueRequests())
        send(request);
}

void MetricsFeed::send(const Request &request)
{
    const QDateTime now = m_now();
    for (const QString &machineId : request.machineIds) {
        const Key key {request.accountId, machineId, request.kind, request.span};
        m_inFlight.insert(key);
        m_lastAttempt.insert(key, now);
    }
    const MetricRange range = MetricRange::last(request.span, now);
    QPointer<MetricsFeed> self(this);
    m_inventory->withProvider(
        request.accountId, [self, request, range](Result<Provider *> provider) {
            if (!self)
                return;
            if (!provider.ok())
                return self->finish(request, provider.error());
            provider.value()->fetchMetrics(
                request.machineIds, request.kind, range,
                [self, request](const Result<QList<MetricSeries>> &answer) {
                    if (self)
                        self->finish(request, answer);
                });
        });
}

void MetricsFeed::finish(const Request &request, const Result<QList<MetricSeries>> &answer)
{
    for (const QString &machineId : request.machineIds)
        m_inFlight.remove({request.accountId, machineId, request.kind, request.span});
    handle(request, answer);
    if (m_inFlight.isEmpty())
        emit settled();
}

void MetricsFeed::handle(const Request &request, const Result<QList<MetricSeries>> &answer)
{
    if (!answer.ok()) {
        const Error &error = answer.error();
        if (error.kind() == Error::Unsupported)
            m_unsupported.insert(machineKey(request.accountId, MetricSeries::kindId(request.kind)));
        // Other kinds the cloud lacks are simply not drawn; a CPU it lacks is worth saying.
        if (error.kind() == Error::Unsupported && request.kind != MetricSeries::Kind::Cpu)
            return;
        qCInfo(lcMetricsFeed) << "metrics of" << request.machineIds.size()
                              << "machine(s) failed:" << error.kind();
        for (const QString &machineId : request.machineIds) {
            const QString key = machineKey(request.accountId, machineId);
            if (m_problems.value(key) == error.message())
                continue;
            m_problems.insert(key, error.message());
            emit problemChanged(request.accountId, machineId);
        }
        return;
    }
    for (const MetricSeries &series : answer.value()) {
        if (m_problems.remove(machineKey(series.accountId, series.machineId)) > 0)
            emit problemChanged(series.accountId, series.machineId);
        remember(series, request.span);
    }
}
