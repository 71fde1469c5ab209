#include "pollscheduler.h"

#include <QNetworkInformation>
#include <QSignalSpy>
#include <QTest>

/// The scheduler against a clock the test moves by hand.
class TestPollScheduler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_now = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
        m_scheduler.reset(new PollScheduler);
        m_scheduler->setClock([this] { return m_now; });
        m_due.reset(new QSignalSpy(m_scheduler.get(), &PollScheduler::refreshDue));
    }

    void everyAccountIsDueAtStart()
    {
        m_scheduler->addAccount(QStringLiteral("b"));
        m_scheduler->addAccount(QStringLiteral("a"));
        QCOMPARE(m_due->size(), 0); // not started yet
        m_scheduler->start();
        QCOMPARE(dueAccounts(), (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
        // Never twice while a refresh runs.
        m_scheduler->checkDue();
        advance(3600'000);
        QCOMPARE(m_due->size(), 0);
        QVERIFY(m_scheduler->isRefreshing(QStringLiteral("a")));
    }

    void idleInterval()
    {
        startWith(QStringLiteral("a"));
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 60'000);
        QCOMPARE(m_scheduler->nextRefresh(QStringLiteral("a")), m_now.addSecs(60));
        advance(59'999);
        QCOMPARE(m_due->size(), 0);
        advance(1);
        QCOMPARE(dueAccounts(), QStringList {QStringLiteral("a")});
    }

    void accountsOwnIdleInterval()
    {
        m_scheduler->addAccount(QStringLiteral("a"), 300'000);
        m_scheduler->start();
        m_due->clear();
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 300'000);
        m_scheduler->setAccountIdleInterval(QStringLiteral("a"), 0); // back to the default
        advance(300'000);
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 60'000);
    }

    void fastWhileInTransition()
    {
        startWith(QStringLiteral("a"));
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, true);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 7'000);
        advance(7'000);
        QCOMPARE(dueAccounts(), QStringList {QStringLiteral("a")});
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false); // settled
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 60'000);
    }

    /// Machines in transition that no action of ours started (a thousand droplets that stay "new"
    /// for hours) keep the account fast for a bounded time from when each was first seen; then the
    /// account is polled at its idle interval. A machine that enters a transition later makes it
    /// fast again, for its own window.
    /// Fast polling for transitions nobody here started is for a few machines in a listing that
    /// is cheap to fetch again: a thousand droplets that stay "new", or one reboot in an account
    /// of 10,000, are watched at the idle interval (issue 12 item 5).
    void manyTransitionsOrALargeAccountArePolledAtTheIdleInterval()
    {
        startWith(QStringLiteral("a"));
        const PollScheduler::Intervals intervals = m_scheduler->intervals();
        QStringList many;
        for (int i = 0; i < 1'029; ++i)
            many.append(QStringLiteral("new-%1").arg(i));
        m_scheduler->setTransitions(QStringLiteral("a"), many, 10'000);
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), intervals.idleMs);

        m_scheduler->setTransitions(QStringLiteral("a"), {QStringLiteral("m1")},
                                    intervals.transitionFastMaxListing + 1);
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), intervals.idleMs);

        // At the bounds it is still fast.
        m_scheduler->setTransitions(QStringLiteral("a"),
                                    many.mid(0, intervals.transitionFastMaxMachines),
                                    intervals.transitionFastMaxListing);
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), intervals.fastMs);

        // What the user started is followed fast in any account.
        m_scheduler->setTransitions(QStringLiteral("a"), many, 10'000);
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, true);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), intervals.fastMs);
    }

    void transitionsNobodyStartedArePolledFastOnlyForAWhile()
    {
        startWith(QStringLiteral("a"));
        const int window = m_scheduler->intervals().transitionFastMs;
        m_scheduler->setTransitions(QStringLiteral("a"), {QStringLiteral("m1")});
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 7'000);
        advance(window - 1);
        m_scheduler->setTransitions(QStringLiteral("a"), {QStringLiteral("m1")});
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 7'000);
        advance(1);
        m_scheduler->setTransitions(QStringLiteral("a"), {QStringLiteral("m1")});
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 60'000); // stuck: idle
        advance(60'000);
        m_scheduler->setTransitions(QStringLiteral("a"), {QStringLiteral("m1"), QStringLiteral("m2")});
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 7'000); // m2 is new to it
        // A user's action is fast whatever the machines say.
        advance(window);
        m_scheduler->setTransitions(QStringLiteral("a"), {QStringLiteral("m1"), QStringLiteral("m2")});
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, true);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 7'000);
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 60'000);
    }

    void fastForTwoMinutesAfterAnAction()
    {
        startWith(QStringLiteral("a"));
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false);
        QCOMPARE(m_scheduler->nextRefresh(QStringLiteral("a")), m_now.addSecs(60));
        // An action brings the next refresh forward to the fast interval...
        m_scheduler->actionStarted(QStringLiteral("a"));
        QCOMPARE(m_scheduler->nextRefresh(QStringLiteral("a")), m_now.addMSecs(7'000));
        // ... and keeps it fast for two minutes, even when nothing shows a transition.
        for (int i = 0; i < 17; ++i) {
            advance(7'000);
            QCOMPARE(m_due->size(), 1);
            m_due->clear();
            m_scheduler->refreshFinished(QStringLiteral("a"), {}, false);
            QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 7'000);
        }
        advance(7'000); // 126 s after the action
        QCOMPARE(m_due->size(), 1);
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 60'000);
    }

    void exponentialBackoffCapped()
    {
        startWith(QStringLiteral("a"));
        const Error error(Error::Server, QStringLiteral("Service unavailable"), 503);
        const QList<qint64> expected = {15'000,  30'000,  60'000,  120'000, 240'000,
                                        480'000, 900'000, 900'000, 900'000};
        for (qint64 delay : expected) {
            m_scheduler->refreshFinished(QStringLiteral("a"), error, false);
            QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), delay);
            advance(delay - 1);
            QCOMPARE(m_due->size(), 0);
            advance(1);
            QCOMPARE(m_due->size(), 1);
            m_due->clear();
        }
        QCOMPARE(m_scheduler->failureCount(QStringLiteral("a")), expected.size());
        // Backoff wins over "in transition": a failing account is not hammered.
        m_scheduler->refreshFinished(QStringLiteral("a"), error, true);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 900'000);
        advance(900'000);
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false);
        QCOMPARE(m_scheduler->failureCount(QStringLiteral("a")), 0);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 60'000);
    }

    void cancelledRefreshIsNoFailure()
    {
        startWith(QStringLiteral("a"));
        m_scheduler->refreshFinished(QStringLiteral("a"),
                                     Error(Error::Cancelled, QStringLiteral("changed")), false);
        QCOMPARE(m_scheduler->failureCount(QStringLiteral("a")), 0);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 60'000);
    }

    void rateLimitSpentWaitsForTheReset()
    {
        startWith(QStringLiteral("a"));
        RateLimit limit;
        limit.limit = 5000;
        limit.remaining = 0;
        limit.reset = m_now.addSecs(1800);
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, true, limit);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 1800'000);
        advance(1799'000);
        QCOMPARE(m_due->size(), 0);
        advance(1'000);
        QCOMPARE(m_due->size(), 1);
    }

    void rateLimitLowSpreadsTheRest()
    {
        startWith(QStringLiteral("a"));
        RateLimit limit;
        limit.limit = 5000;
        limit.remaining = 10; // 8 after the margin a refresh of several pages needs
        limit.reset = m_now.addSecs(900);
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false, limit);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 900'000 / 9);
        // Plenty left: the interval alone decides.
        advance(900'000 / 9);
        limit.remaining = 4000;
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, true, limit);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 7'000);
    }

    void retryAfterIsHonoured()
    {
        startWith(QStringLiteral("a"));
        Error limited(Error::RateLimited, QStringLiteral("Too many requests"), 429);
        limited.setRetryAfterSeconds(300);
        m_scheduler->refreshFinished(QStringLiteral("a"), limited, false);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 300'000);
    }

    void nothingWhileSuspended()
    {
        QSignalSpy suspended(m_scheduler.get(), &PollScheduler::suspendedChanged);
        startWith(QStringLiteral("a"));
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false);
        m_scheduler->setSuspended(true);
        QCOMPARE(suspended.size(), 1);
        QVERIFY(m_scheduler->isSuspended());
        advance(3600'000);
        m_scheduler->requestRefresh(QStringLiteral("a"));
        m_scheduler->networkAvailable();
        QCOMPARE(m_due->size(), 0);
        // Back in front: what fell due while hidden goes at once.
        m_scheduler->setSuspended(false);
        QCOMPARE(suspended.size(), 2);
        QCOMPARE(dueAccounts(), QStringList {QStringLiteral("a")});
        m_scheduler->setSuspended(false);
        QCOMPARE(suspended.size(), 2);
    }

    void onDemandRefreshIsImmediate()
    {
        startWith(QStringLiteral("a"));
        m_scheduler->requestRefresh(QStringLiteral("a")); // already refreshing: nothing
        QCOMPARE(m_due->size(), 0);
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false);
        m_scheduler->requestRefresh(QStringLiteral("a"));
        QCOMPARE(dueAccounts(), QStringList {QStringLiteral("a")});
        // A refresh started elsewhere (F5 through the Inventory) also blocks a second one.
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false);
        m_scheduler->refreshStarted(QStringLiteral("a"));
        advance(60'000);
        QCOMPARE(m_due->size(), 0);
    }

    void networkBackRefreshesEverythingAndForgivesFailures()
    {
        m_scheduler->addAccount(QStringLiteral("a"));
        m_scheduler->addAccount(QStringLiteral("b"));
        m_scheduler->start();
        m_due->clear();
        for (int i = 0; i < 4; ++i)
            m_scheduler->refreshFinished(
                QStringLiteral("a"), Error(Error::Network, QStringLiteral("unreachable")), false);
        m_scheduler->refreshFinished(QStringLiteral("b"), {}, false);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 120'000);
        m_scheduler->networkAvailable();
        QCOMPARE(dueAccounts(), (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(m_scheduler->failureCount(QStringLiteral("a")), 0);
        m_scheduler->refreshFinished(QStringLiteral("a"),
                                     Error(Error::Network, QStringLiteral("unreachable")), false);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 15'000);
    }

    void authFailuresAreNotForgivenByTheNetwork()
    {
        startWith(QStringLiteral("a"));
        m_scheduler->refreshFinished(QStringLiteral("a"), Error(Error::Auth, QStringLiteral("401")),
                                     false);
        m_scheduler->networkAvailable();
        QCOMPARE(m_scheduler->failureCount(QStringLiteral("a")), 1);
    }

    void stoppedOrRemovedIsNeverDue()
    {
        startWith(QStringLiteral("a"));
        m_scheduler->addAccount(QStringLiteral("b"));
        QCOMPARE(dueAccounts(), QStringList {QStringLiteral("b")});
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false);
        m_scheduler->removeAccount(QStringLiteral("b"));
        m_scheduler->refreshFinished(QStringLiteral("b"), {}, false); // unknown now: ignored
        QCOMPARE(m_scheduler->accounts(), QStringList {QStringLiteral("a")});
        m_scheduler->stop();
        QVERIFY(!m_scheduler->isActive());
        advance(3600'000);
        m_scheduler->requestRefresh(QStringLiteral("a"));
        QCOMPARE(m_due->size(), 0);
    }

    void intervalsAreConfigurable()
    {
        PollScheduler::Intervals intervals;
        intervals.idleMs = 120'000;
        intervals.fastMs = 5'000;
        intervals.afterActionMs = 30'000;
        intervals.backoffInitialMs = 1'000;
        intervals.backoffMaxMs = 4'000;
        m_scheduler->setIntervals(intervals);
        QCOMPARE(m_scheduler->intervals(), intervals);
        startWith(QStringLiteral("a"));
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 120'000);
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, true);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 5'000);
        const Error error(Error::Timeout, QStringLiteral("slow"));
        QList<qint64> delays;
        for (int i = 0; i < 4; ++i) {
            m_scheduler->refreshFinished(QStringLiteral("a"), error, false);
            delays.append(m_scheduler->lastDelayMs(QStringLiteral("a")));
        }
        QCOMPARE(delays, (QList<qint64> {1'000, 2'000, 4'000, 4'000}));
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false);
        m_scheduler->actionStarted(QStringLiteral("a"));
        advance(29'000);
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 5'000);
        advance(2'000);
        m_scheduler->refreshFinished(QStringLiteral("a"), {}, false);
        QCOMPARE(m_scheduler->lastDelayMs(QStringLiteral("a")), 120'000);
    }

    /// With the real clock, the scheduler's own timer fires refreshDue.
    void realTimerFires()
    {
        PollScheduler scheduler;
        PollScheduler::Intervals intervals;
        intervals.idleMs = 50;
        scheduler.setIntervals(intervals);
        QSignalSpy due(&scheduler, &PollScheduler::refreshDue);
        scheduler.addAccount(QStringLiteral("a"));
        scheduler.start();
        QCOMPARE(due.size(), 1);
        scheduler.refreshFinished(QStringLiteral("a"), {}, false);
        QVERIFY(due.wait(5'000));
        QCOMPARE(due.size(), 2);
        scheduler.setSuspended(true);
        scheduler.refreshFinished(QStringLiteral("a"), {}, false);
        QVERIFY(!due.wait(300));
        scheduler.setSuspended(false);
        QCOMPARE(due.size(), 3);
    }

    /// Network reachability is followed when Qt has a backend here, and its absence is harmless.
    void networkInformationIsOptional()
    {
        const bool following = m_scheduler->followNetworkReachability();
        QCOMPARE(following, QNetworkInformation::instance() != nullptr);
        startWith(QStringLiteral("a"));
    }

private:
    void startWith(const QString &accountId)
    {
        m_scheduler->addAccount(accountId);
        m_scheduler->start();
        QCOMPARE(dueAccounts(), QStringList {accountId});
    }
    void advance(qint64 ms)
    {
        m_now = m_now.addMSecs(ms);
        m_scheduler->checkDue();
    }
    QStringList dueAccounts()
    {
        QStringList ids;
        for (const auto &args : std::as_const(*m_due))
            ids.append(args.first().toString());
        m_due->clear();
        return ids;
    }

    QDateTime m_now;
    std::unique_ptr<PollScheduler> m_scheduler;
    std::unique_ptr<QSignalSpy> m_due;
};

QTEST_GUILESS_MAIN(TestPollScheduler)
#include "tst_pollscheduler.moc"
