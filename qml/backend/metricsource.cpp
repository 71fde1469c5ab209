#include "metricsource.h"

#include "metricformat.h"
#include "metricrange.h"
#include "metricsfeed.h"

#include <QCoreApplication>
#include <QHash>
#include <QTimeZone>
#include <algorithm>
#include <cmath>
#include <limits>

namespace {
// Every source in focus mode, per feed, oldest first: the feed has one focus, and the details
// may hold several sources (one per graph) or two panes for a moment while pages swap. The
// newest holder's machine is the focus; when it goes, the one before takes over.
QHash<MetricsFeed *, QList<MetricSource *>> &focusHolders()
{
    static QHash<MetricsFeed *, QList<MetricSource *>> holders;
    return holders;
}
} // namespace

MetricSource::MetricSource(QObject *parent)
    : QObject(parent)
{
}

MetricSource::~MetricSource()
{
    release();
}

void MetricSource::setFeed(MetricsFeed *feed)
{
    if (m_feed == feed)
        return;
    release();
    if (m_feed)
        disconnect(m_feed, nullptr, this, nullptr);
    m_feed = feed;
    if (m_feed) {
        connect(m_feed, &MetricsFeed::seriesChanged, this, &MetricSource::onSeriesChanged);
        connect(m_feed, &MetricsFeed::problemChanged, this, &MetricSource::onSeriesChanged);
    }
    emit feedChanged();
    updateInterest();
    reload();
}

void MetricSource::setAccountId(const QString &accountId)
{
    if (m_accountId == accountId)
        return;
    m_accountId = accountId;
    emit keyChanged();
    updateInterest();
    reload();
}

void MetricSource::setMachineId(const QString &machineId)
{
    if (m_machineId == machineId)
        return;
    m_machineId = machineId;
    emit keyChanged();
    updateInterest();
    reload();
}

void MetricSource::setKind(const QString &kind)
{
    if (m_kind == kind)
        return;
    m_kind = kind;
    emit keyChanged();
    reload();
}

void MetricSource::setSpan(const QString &span)
{
    if (m_span == span)
        return;
    m_span = span;
    emit keyChanged();
    updateInterest();
    reload();
}

void MetricSource::setWatch(bool watch)
{
    if (m_watch == watch)
        return;
    release();
    m_watch = watch;
    emit keyChanged();
    updateInterest();
}

void MetricSource::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    emit keyChanged();
    updateInterest();
}

void MetricSource::componentComplete()
{
    m_complete = true;
    updateInterest();
    reload();
}

bool MetricSource::keyValid() const
{
    return m_feed && !m_accountId.isEmpty() && !m_machineId.isEmpty();
}

void MetricSource::updateInterest()
{
    // Bindings set the properties one by one while an object is made: wait for all of them, so
    // that a row does not watch a half-set key (or the previous machine of a recycled row).
    if (!m_complete)
        return;
    const bool wanted = m_active && keyValid();
    if (m_watch) {
        if (wanted && m_watchedFeed == m_feed && m_watchedAccount == m_accountId
            && m_watchedMachine == m_machineId)
            return;
        release();
        if (!wanted)
            return;
        m_feed->watch(m_accountId, m_machineId);
        m_watchedFeed = m_feed;
        m_watchedAccount = m_accountId;
        m_watchedMachine = m_machineId;
        return;
    }
    if (!wanted) {
        release();
        return;
    }
    QList<MetricSource *> &holders = focusHolders()[m_feed.data()];
    holders.removeAll(this);
    holders.append(this);
    m_focusing = true;
    m_watchedFeed = m_feed;
    m_feed->focus(m_accountId, m_machineId, m_span);
}

void MetricSource::release()
{
    if (m_watchedFeed && !m_focusing && !m_watchedMachine.isEmpty())
        m_watchedFeed->unwatch(m_watchedAccount, m_watchedMachine);
    if (m_focusing) {
        auto it = focusHolders().find(m_watchedFeed.data());
        if (it != focusHolders().end()) {
            it->removeAll(this);
            if (m_watchedFeed) {
                if (it->isEmpty()) {
                    m_watchedFeed->clearFocus();
                } else {
                    const MetricSource *next = it->constLast();
                    m_watchedFeed->focus(next->m_accountId, next->m_machineId, next->m_span);
                }
            }
            if (it->isEmpty())
                focusHolders().erase(it);
        }
    }
    m_focusing = false;
    m_watchedFeed = nullptr;
    m_watchedAccount.clear();
    m_watchedMachine.clear();
}

void MetricSource::onSeriesChanged(const QString &accountId, const QString &machineId)
{
    if (machineId == m_machineId && accountId == m_accountId)
        reload();
}

void MetricSource::reload()
{
    if (!m_complete)
        return;
    MetricSeries found;
    QString problem;
    const auto kind = MetricSeries::kindFromId(m_kind);
    const auto span = MetricRange::spanFromId(m_span);
    if (keyValid() && kind && span) {
        if (const auto series = m_feed->series(m_accountId, m_machineId, *kind, *span))
            found = *series;
        problem = m_feed->problem(m_accountId, m_machineId);
    }
    if (kind)
        found.kind = *kind;
    m_problem = problem;
    applySeries(found);
}

void MetricSource::setSeries(const MetricSeries &series)
{
    applySeries(series);
}

void MetricSource::showPoints(const QVariantList &points, const QString &unit,
                              int resolutionSeconds)
{
    MetricSeries series;
    series.kind = MetricSeries::kindFromId(m_kind).value_or(MetricSeries::Kind::Cpu);
    series.unit = unit;
    series.resolutionSeconds = resolutionSeconds;
    for (const QVariant &entry : points) {
        const QVariantList pair = entry.toList();
        if (pair.size() != 2)
            continue;
        const QVariant value = pair.at(1);
        bool ok = false;
        double number = value.isNull() ? 0 : value.toDouble(&ok);
        if (!ok)
            number = std::numeric_limits<double>::quiet_NaN();
        series.points.append({qint64(pair.at(0).toDouble()), number});
    }
    if (!series.points.isEmpty())
        series.fetchedAt = QDateTime::fromMSecsSinceEpoch(series.points.constLast().timeMs, QTimeZone::utc());
    applySeries(series);
}

void MetricSource::applySeries(const MetricSeries &series)
{
    m_series = series;
    m_summary = m_series.summary();
    const auto span = MetricRange::spanFromId(m_span).value_or(MetricRange::Span::Hour);
    m_rangeMs = qint64(MetricRange::spanSeconds(span)) * 1000;
    qint64 end = m_series.fetchedAt.isValid() ? m_series.fetchedAt.toMSecsSinceEpoch() : 0;
    if (!m_series.points.isEmpty())
        end = std::max(end, m_series.points.constLast().timeMs);
    m_rangeEndMs = end;
    emit dataChanged();
}

bool MetricSource::supported() const
{
    return m_feed && !m_accountId.isEmpty() && m_feed->supported(m_accountId);
}

double MetricSource::last() const
{
    return hasData() ? m_summary.last : std::numeric_limits<double>::quiet_NaN();
}

QString MetricSource::unit() const
{
    if (!m_series.unit.isEmpty())
        return m_series.unit;
    const auto kind = MetricSeries::kindFromId(m_kind);
    return kind ? MetricSeries::unitFor(*kind) : QString();
}

QString MetricSource::lastText() const
{
    return hasData() ? MetricFormat::value(m_summary.last, unit()) : QStringLiteral("—");
}

QString MetricSource::minText() const
{
    return hasData() ? MetricFormat::value(m_summary.min, unit()) : QString();
}

QString MetricSource::avgText() const
{
    return hasData() ? MetricFormat::value(m_summary.avg, unit()) : QString();
}

QString MetricSource::maxText() const
{
    return hasData() ? MetricFormat::value(m_summary.max, unit()) : QString();
}

QString MetricSource::summaryText() const
{
    if (!hasData())
        return {};
    return QCoreApplication::translate("MetricSource", "min %1 · avg %2 · max %3")
        .arg(minText(), avgText(), maxText());
}

QString MetricSource::resolutionText() const
{
    return MetricFormat::resolution(m_series.resolutionSeconds);
}

bool MetricSource::isStale(const QDateTime &now) const
{
    if (!m_series.fetchedAt.isValid())
        return false;
    // Two of the list's periods for a row; five minutes for the details (renewed every minute,
    // but a slow cloud may take a while). Past that the age is worth saying.
    const int allowed = m_watch ? 2 * MetricsFeed::listRefreshSeconds : 5 * 60;
    return m_series.fetchedAt.secsTo(now) > allowed;
}
