#pragma once

#include "error.h"
#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>
#include <algorithm>
#include <functional>
#include <memory>

/**
 * @brief Follows the action objects a cloud hands back when it accepts an action (DigitalOcean
 * actions, Hetzner actions, Proxmox tasks): which one each machine has, and polling it until it
 * ends or a deadline passes.
 *
 * A provider's runAction() keeps the handle of the action the cloud accepted (accept());
 * followAction() calls follow(), which looks at it with the provider's own check after
 * Timing::firstMs, then again after a delay growing by half each time up to Timing::maxMs
 * (polls count against the clouds' rate budgets), until the check says it finished or failed.
 * A still running action at Timing::timeoutMs ends the follow with the provider's Timeout error:
 * the cloud may still complete it, and the next listing shows the machine as it is.
 *
 * The timers belong to the context object (the provider): deleting it cancels every follow
 * without a callback, as the async contract wants; the check's requests go through the
 * provider's HttpClient, which is deleted with it.
 */
template<typename Handle>
class ActionFollower
{
public:
    struct Timing
    {
        int firstMs = 1000;
        int maxMs = 10'000;
        int timeoutMs = 10 * 60 * 1000;
    };
    /// One look at action @p handle: true once it has completed, false while it still runs, or
    /// the error it failed with (the cloud's words) or the request failed with.
    using Check = std::function<void(const Handle &handle, Callback<bool> done)>;
    /// The error for @p handle still running at the deadline.
    using TimedOut = std::function<Error(const Handle &handle)>;

    explicit ActionFollower(QObject *context, Timing timing = {})
        : m_context(context)
    {
        setTiming(timing);
    }

    [[nodiscard]] const Timing &timing() const { return m_timing; }
    /// Delays of at least 1 ms; the longest never shorter than the first.
    void setTiming(Timing timing)
    {
        timing.firstMs = std::max(1, timing.firstMs);
        timing.maxMs = std::max(timing.firstMs, timing.maxMs);
        m_timing = timing;
    }

    /// The delay before the first look and the longest between two (see setTiming()).
    void setPollIntervalMs(int firstMs, int maxMs)
    {
        setTiming({firstMs, maxMs, m_timing.timeoutMs});
    }
    /// How long an action may run before follow() stops waiting.
    void setTimeoutMs(int ms)
    {
        Timing timing = m_timing;
        timing.timeoutMs = ms;
        setTiming(timing);
    }

    /// Remembers @p handle as the action the cloud accepted last on @p machineId.
    void accept(const QString &machineId, Handle handle)
    {
        m_accepted.insert(machineId, std::move(handle));
    }
    /// Forgets what @p machineId had (a new action replaces it; a destroy leaves none).
    void forget(const QString &machineId) { m_accepted.remove(machineId); }

    /// Follows the action accepted last on @p machineId (once: the handle is taken). Without one
    /// (it completed at once, the machine is gone, it was followed already) there is nothing to
    /// wait for and @p done succeeds, later.
    void follow(const QString &machineId, Check check, TimedOut timedOut, Callback<void> done)
    {
        const auto accepted = m_accepted.constFind(machineId);
        if (accepted == m_accepted.constEnd()) {
            QTimer::singleShot(0, m_context, [done = std::move(done)] { done({}); });
            return;
        }
        auto run = std::make_shared<Run>(
            Run {*accepted, std::move(check), std::move(timedOut), std::move(done), m_timing,
                 QDateTime::currentMSecsSinceEpoch() + m_timing.timeoutMs});
        m_accepted.erase(accepted);
        poll(m_context, run, m_timing.firstMs);
    }

private:
    struct Run
    {
        Handle handle;
        Check check;
        TimedOut timedOut;
        Callback<void> done;
        Timing timing;
        qint64 deadlineMs = 0;
    };

    static void poll(QObject *context, std::shared_ptr<Run> run, int delayMs)
    {
        QTimer::singleShot(delayMs, context, [context, run, delayMs] {
            run->check(run->handle, [context, run, delayMs](Result<bool> finished) {
                if (!finished.ok())
                    return run->done(finished.error());
                if (finished.value())
                    return run->done({});
                if (QDateTime::currentMSecsSinceEpoch() >= run->deadlineMs)
                    return run->done(run->timedOut(run->handle));
                const int next = std::min(run->timing.maxMs, delayMs + std::max(1, delayMs / 2));
                poll(context, run, next);
            });
        });
    }

    QObject *m_context;
    Timing m_timing;
    QHash<QString, Handle> m_accepted;
};
