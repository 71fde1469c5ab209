#include "pollscheduler.h"

#include <QLoggingCategory>
#include <QNetworkInformation>

#include <algorithm>

Q_LOGGING_CATEGORY(lcPoll, "clouddeck.inventory.poll", QtInfoMsg)

namespace {
// The timer is re-armed at least this often, so a wall-clock jump (a laptop waking up) is noticed.
constexpr qint64 s_maxArmMs = 30'000;
} // namespace

PollScheduler::PollScheduler(QObject *parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &PollScheduler::checkDue);
}

void PollScheduler::setClock(Clock clock)
{
    m_clock = std::move(clock);
    arm();
}

void PollScheduler::setIntervals(const Intervals &intervals)
{
    if (m_intervals == intervals)
        return;
    m_intervals = intervals;
    arm();
}

void PollScheduler::addAccount(const QString &accountId, int idleMs)
{
    if (m_accounts.contains(accountId)) {
        setAccountIdleInterval(accountId, idleMs);
        return;
    }
    Account account;
    account.idleMs = idleMs;
    account.next = now();
    m_accounts.insert(accountId, account);
    checkDue(); // a new account is refreshed at once (when polling)
}

void PollScheduler::removeAccount(const QString &accountId)
{
    m_accounts.remove(accountId);
    arm();
}

void PollScheduler::setAccountIdleInterval(const QString &accountId, int idleMs)
{
    const auto it = m_accounts.find(accountId);
    if (it == m_accounts.end() || it->idleMs == idleMs)
        return;
    it->idleMs = idleMs;
}

void PollScheduler::start()
{
    m_active = true;
    checkDue();
}

void PollScheduler::stop()
{
    m_active = false;
    m_timer.stop();
}

void PollScheduler::setSuspended(bool suspended)
{
    if (m_suspended == suspended)
        return;
    m_suspended = suspended;
    qCDebug(lcPoll) << (suspended ? "suspended" : "resumed");
    Q_EMIT suspendedChanged();
    if (suspended)
        m_timer.stop();
    else
        checkDue(); // whatever fell due while hidden goes now
}

void PollScheduler::refreshStarted(const QString &accountId)
{
    const auto it = m_accounts.find(accountId);
    if (it != m_accounts.end())
        it->refreshing = true;
}

qint64 PollScheduler::delayAfter(const Account &account, const Error &error, bool fast,
                                 const std::optional<RateLimit> &rateLimit,
                                 const QDateTime &now) const
{
    qint64 delay = 0;
    if (error.isError() && error.kind() != Error::Cancelled) {
        // 15 s, 30 s, 1 min, ... capped: a broken account costs almost nothing.
        const int exponent = std::clamp(account.failures - 1, 0, 20);
        delay = std::min<qint64>(qint64(m_intervals.backoffInitialMs) << exponent,
                                 m_intervals.backoffMaxMs);
    } else if (fast || (account.fastUntil.isValid() && now < account.fastUntil)
               || (account.transitionSince.size() <= m_intervals.transitionFastMaxMachines
                   && account.listed <= m_intervals.transitionFastMaxListing
                   && std::any_of(account.transitionSince.cbegin(),
                                  account.transitionSince.cend(),
                                  [this, &now](const QDateTime &since) {
                                      return since.msecsTo(now) < m_intervals.transitionFastMs;
                                  }))) {
        delay = m_intervals.fastMs;
    } else {
        delay = account.idleMs > 0 ? account.idleMs : m_intervals.idleMs;
    }
    if (error.retryAfterSeconds() > 0)
        delay = std::max<qint64>(delay, qint64(error.retryAfterSeconds()) * 1000);
    if (rateLimit) {
        // A refresh is several requests (pages, regions): leave the budget a margin, and when it
        // is spent wait for the window to refill whatever the interval says.
        RateLimit margin = *rateLimit;
        if (margin.remaining > 0)
            margin.remaining = std::max(0, margin.remaining - 2);
        delay = std::max(delay, margin.delayBeforeNextMs(now));
    }
    return delay;
}

void PollScheduler::refreshFinished(const QString &accountId, const Error &error, bool fast,
                                    const std::optional<RateLimit> &rateLimit)
{
    const auto it = m_accounts.find(accountId);
    if (it == m_accounts.end())
        return;
    it->refreshing = false;
    if (error.isError() && error.kind() != Error::Cancelled)
        ++it->failures;
    else if (!error.isError())
        it->failures = 0;
    it->wasFailureNetwork = error.kind() == Error::Network || error.kind() == Error::Timeout;
    const QDateTime now = this->now();
    it->lastDelayMs = delayAfter(*it, error, fast, rateLimit, now);
    it->next = now.addMSecs(it->lastDelayMs);
    qCDebug(lcPoll).noquote() << accountId << "next refresh in" << it->lastDelayMs / 1000 << "s"
                              << (error.isError() ? QStringLiteral("(after a failure)")
                                                  : QString());
    arm();
}

void PollScheduler::setTransitions(const QString &accountId, const QStringList &machineIds,
                                   qsizetype listed)
{
    const auto it = m_accounts.find(accountId);
    if (it == m_accounts.end())
        return;
    const QDateTime now = this->now();
    QHash<QString, QDateTime> since;
    since.reserve(machineIds.size());
    for (const QString &id : machineIds)
        since.insert(id, it->transitionSince.value(id, now)); // a machine out and back is new
    it->transitionSince = std::move(since);
    it->listed = listed;
}

void PollScheduler::actionStarted(const QString &accountId)
{
    const auto it = m_accounts.find(accountId);
    if (it == m_accounts.end())
        return;
    const QDateTime now = this->now();
    it->fastUntil = now.addMSecs(m_intervals.afterActionMs);
    const QDateTime soon = now.addMSecs(m_intervals.fastMs);
    if (!it->next.isValid() || it->next > soon)
        it->next = soon;
    arm();
}

void PollScheduler::requestRefresh(const QString &accountId)
{
    const auto it = m_accounts.find(accountId);
    if (it == m_accounts.end())
        return;
    it->next = now();
    checkDue();
}

void PollScheduler::networkAvailable()
{
    const QDateTime now = this->now();
    for (Account &account : m_accounts) {
        if (account.wasFailureNetwork)
            account.failures = 0;
        account.next = now;
    }
    checkDue();
}

bool PollScheduler::followNetworkReachability()
{
    if (!QNetworkInformation::instance()
        && !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return false;
    QNetworkInformation *info = QNetworkInformation::instance();
    if (!info)
        return false;
    m_wasOnline = info->reachability() == QNetworkInformation::Reachability::Online;
    connect(info, &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) {
                const bool online = reachability == QNetworkInformation::Reachability::Online;
                if (online && !m_wasOnline) {
                    qCInfo(lcPoll) << "network is back: refreshing every account";
                    networkAvailable();
                }
                m_wasOnline = online;
            });
    return true;
}

QDateTime PollScheduler::nextRefresh(const QString &accountId) const
{
    return m_accounts.value(accountId).next;
}

qint64 PollScheduler::lastDelayMs(const QString &accountId) const
{
    return m_accounts.value(accountId).lastDelayMs;
}

int PollScheduler::failureCount(const QString &accountId) const
{
    return m_accounts.value(accountId).failures;
}

bool PollScheduler::isRefreshing(const QString &accountId) const
{
    return m_accounts.value(accountId).refreshing;
}

void PollScheduler::checkDue()
{
    if (!m_active || m_suspended) {
        m_timer.stop();
        return;
    }
    const QDateTime now = this->now();
    QStringList due;
    for (auto it = m_accounts.begin(); it != m_accounts.end(); ++it) {
        if (!it->refreshing && it->next.isValid() && it->next <= now) {
            it->refreshing = true; // until refreshFinished: never twice at once
            due.append(it.key());
        }
    }
    due.sort(); // a stable order for logs and tests
    for (const QString &accountId : std::as_const(due))
        Q_EMIT refreshDue(accountId);
    arm();
}

void PollScheduler::arm()
{
    if (!m_active || m_suspended) {
        m_timer.stop();
        return;
    }
    const QDateTime now = this->now();
    qint64 wait = s_maxArmMs;
    for (const Account &account : std::as_const(m_accounts)) {
        if (!account.refreshing && account.next.isValid())
            wait = std::min(wait, std::max<qint64>(0, now.msecsTo(account.next)));
    }
    m_timer.start(int(wait));
}
