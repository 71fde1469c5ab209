#pragma once

#include "clouddeck_core_export.h"
#include "error.h"
#include "ratelimit.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <functional>
#include <optional>

/**
 * @brief Decides when each account is refreshed next; says so with refreshDue().
 *
 * Per account: the idle interval (about a minute, or the account's own); the fast interval while
 * an action or create the user started is pending and for a while after it; exponential backoff
 * after failures, capped; never sooner than the provider's rate-limit headers or Retry-After
 * allow. Machines in transition that nobody here started (another tool's reboot, a create
 * elsewhere) make the account fast only for Intervals::transitionFastMs after each was first seen
 * in transition: a cloud that keeps a thousand machines "new" for hours is polled at its idle
 * interval, not re-fetched whole every few seconds.
 * Nothing is due while suspended (the GUI calls setSuspended when the application is hidden or
 * suspended; core does not link QtGui). networkAvailable() makes every account due at once.
 *
 * Time comes from an injectable clock so tests can drive it; checkDue() is what the internal
 * timer calls, and tests call it after moving their clock.
 */
class CLOUDDECK_CORE_EXPORT PollScheduler : public QObject
{
    Q_OBJECT
public:
    struct Intervals
    {
        int idleMs = 60'000;
        int fastMs = 7'000; ///< while in transition or just after an action (5-10 s)
        int afterActionMs = 120'000; ///< how long "just after an action" lasts
        /// How long a machine seen in transition (without an action of ours) keeps polling fast.
        int transitionFastMs = 180'000;
        /// Foreign transitions make the account fast only while a fast refresh is cheap and
        /// worth it: at most this many machines in transition, in a listing of at most
        /// transitionFastMaxListing. A thousand droplets kept "new", or one reboot among 10,000
        /// machines, would re-fetch the whole account every few seconds (113 % CPU idle with
        /// 10,000 droplets): those are watched at the idle interval.
        int transitionFastMaxMachines = 10;
        int transitionFastMaxListing = 2'000;
        int backoffInitialMs = 15'000; ///< first retry after a failure, doubled per failure
        int backoffMaxMs = 15 * 60'000; ///< backoff cap
        bool operator==(const Intervals &) const = default;
    };
    using Clock = std::function<QDateTime()>;

    explicit PollScheduler(QObject *parent = nullptr);

    void setClock(Clock clock);
    [[nodiscard]] QDateTime now() const { return m_clock(); }
    void setIntervals(const Intervals &intervals);
    [[nodiscard]] Intervals intervals() const { return m_intervals; }

    /// Adds an account, due at once; @p idleMs overrides the idle interval (0: the default).
    void addAccount(const QString &accountId, int idleMs = 0);
    void removeAccount(const QString &accountId);
    void setAccountIdleInterval(const QString &accountId, int idleMs);
    [[nodiscard]] QStringList accounts() const { return m_accounts.keys(); }

    /// Starts emitting refreshDue (accounts already due fire at once); stop() halts it.
    void start();
    void stop();
    [[nodiscard]] bool isActive() const { return m_active; }
    void setSuspended(bool suspended);
    [[nodiscard]] bool isSuspended() const { return m_suspended; }

    /// A refresh of @p accountId began (from refreshDue or on demand): nothing more is due for it
    /// until it finishes.
    void refreshStarted(const QString &accountId);
    /// A refresh ended. @p fast: a machine is in transition or an action is pending.
    /// @p rateLimit: what the provider's last reply said about the budget left.
    void refreshFinished(const QString &accountId, const Error &error, bool fast,
                         const std::optional<RateLimit> &rateLimit = std::nullopt);
    /// The machines of @p accountId in transition as the refresh that is finishing saw them (call
    /// before refreshFinished): each polls fast for Intervals::transitionFastMs from first sight,
    /// within the bounds of Intervals::transitionFastMaxMachines and the @p listed machines.
    void setTransitions(const QString &accountId, const QStringList &machineIds,
                        qsizetype listed = 0);
    /// An action was sent: poll fast for Intervals::afterActionMs, starting now.
    void actionStarted(const QString &accountId);
    /// Makes the account due now (it fires at once unless suspended or already refreshing).
    void requestRefresh(const QString &accountId);
    /// The network came back: failures are forgiven and every account is due now.
    void networkAvailable();
    /// Follows QNetworkInformation's reachability when a backend loads (calls networkAvailable()
    /// on the way back online). False when no backend is available on this system.
    bool followNetworkReachability();

    [[nodiscard]] QDateTime nextRefresh(const QString &accountId) const;
    /// The delay chosen after the last refresh finished (for tests and diagnostics).
    [[nodiscard]] qint64 lastDelayMs(const QString &accountId) const;
    [[nodiscard]] int failureCount(const QString &accountId) const;
    [[nodiscard]] bool isRefreshing(const QString &accountId) const;

public Q_SLOTS:
    /// Emits refreshDue for every account whose time has come, then re-arms the timer.
    void checkDue();

Q_SIGNALS:
    void refreshDue(const QString &accountId);
    void suspendedChanged();

private:
    struct Account
    {
        int idleMs = 0;
        QDateTime next;
        QDateTime fastUntil;
        qint64 lastDelayMs = 0;
        int failures = 0;
        bool refreshing = false;
        bool wasFailureNetwork = false;
        QHash<QString, QDateTime> transitionSince; ///< machine id -> first seen in transition
        qsizetype listed = 0; ///< machines in the account's last listing
    };
    [[nodiscard]] qint64 delayAfter(const Account &account, const Error &error, bool fast,
                                    const std::optional<RateLimit> &rateLimit,
                                    const QDateTime &now) const;
    void arm();

    Clock m_clock;
    Intervals m_intervals;
    QHash<QString, Account> m_accounts;
    QTimer m_timer;
    bool m_active = false;
    bool m_suspended = false;
    bool m_wasOnline = true;
};
