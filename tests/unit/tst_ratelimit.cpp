// RateLimit: reading the providers' rate-limit headers and pacing by them.
#include "httpresponse.h"
#include "ratelimit.h"

#include <QTest>

namespace {
HttpResponse withHeaders(const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    HttpResponse response;
    response.status = 200;
    response.headers = headers;
    return response;
}

const QDateTime now = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);

RateLimit limitOf(int limit, int remaining, qint64 secondsToReset)
{
    RateLimit rateLimit;
    rateLimit.limit = limit;
    rateLimit.remaining = remaining;
    rateLimit.reset = now.addSecs(secondsToReset);
    return rateLimit;
}
} // namespace

class TestRateLimit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsRateLimitFamily()
    {
        // DigitalOcean and Hetzner: RateLimit-Limit / -Remaining / -Reset (epoch seconds).
        const auto limit = RateLimit::fromHeaders(withHeaders({{"ratelimit-limit", "5000"},
                                                               {"ratelimit-remaining", "4816"},
                                                               {"ratelimit-reset", "1444931833"}}));
        QVERIFY(limit);
        QCOMPARE(limit->limit, 5000);
        QCOMPARE(limit->remaining, 4816);
        QCOMPARE(limit->reset, QDateTime::fromSecsSinceEpoch(1444931833, Qt::UTC));
        QCOMPARE(limit->reset.timeSpec(), Qt::UTC);
    }

    void readsXRateLimitFamily()
    {
        // Linode: X-RateLimit-*.
        const auto limit =
            RateLimit::fromHeaders(withHeaders({{"X-RateLimit-Limit", "800"},
                                                {"X-RateLimit-Remaining", "799"},
                                                {"X-RateLimit-Reset", "1700000000"}}));
        QVERIFY(limit);
        QCOMPARE(limit->limit, 800);
        QCOMPARE(limit->remaining, 799);
        QCOMPARE(limit->reset.toSecsSinceEpoch(), 1700000000);
    }

    void prefersUnprefixedFamily()
    {
        const auto limit = RateLimit::fromHeaders(withHeaders({{"X-RateLimit-Remaining", "1"},
                                                               {"RateLimit-Remaining", "42"},
                                                               {"RateLimit-Limit", "50"}}));
        QVERIFY(limit);
        QCOMPARE(limit->remaining, 42);
        QCOMPARE(limit->limit, 50);
    }

    void partialHeaders()
    {
        // Remaining alone is enough; unknown parts stay unknown.
        const auto limit = RateLimit::fromHeaders(withHeaders({{"RateLimit-Remaining", "0"}}));
        QVERIFY(limit);
        QCOMPARE(limit->remaining, 0);
        QCOMPARE(limit->limit, -1);
        QVERIFY(!limit->reset.isValid());
        QCOMPARE(limit->delayBeforeNextMs(now), 0); // no reset time: nothing to wait for
    }

    void absentOrGarbage_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("none") << QByteArray("Content-Type") << QByteArray("application/json");
        QTest::newRow("limit only") << QByteArray("RateLimit-Limit") << QByteArray("5000");
        QTest::newRow("remaining empty") << QByteArray("RateLimit-Remaining") << QByteArray("");
        QTest::newRow("remaining text") << QByteArray("RateLimit-Remaining") << QByteArray("many");
        QTest::newRow("x remaining text")
            << QByteArray("X-RateLimit-Remaining") << QByteArray("12abc");
    }
    void absentOrGarbage()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QVERIFY(!RateLimit::fromHeaders(withHeaders({{name, value}})));
    }

    void garbageResetIgnored()
    {
        const auto limit = RateLimit::fromHeaders(
            withHeaders({{"RateLimit-Remaining", "3"}, {"RateLimit-Reset", "tomorrow"}}));
        QVERIFY(limit);
        QCOMPARE(limit->remaining, 3);
        QVERIFY(!limit->reset.isValid());
    }

    void noDelayWhilePlentyLeft()
    {
        QCOMPARE(limitOf(5000, 4999, 3600).delayBeforeNextMs(now), 0);
        QCOMPARE(limitOf(5000, 251, 3600).delayBeforeNextMs(now), 0); // just above 5%
        QCOMPARE(limitOf(-1, 6, 60).delayBeforeNextMs(now), 0); // above the 5-request floor
    }

    void exhaustedWaitsUntilReset()
    {
        QCOMPARE(limitOf(5000, 0, 30).delayBeforeNextMs(now), 30'000);
        QCOMPARE(limitOf(-1, 0, 1).delayBeforeNextMs(now), 1'000);
    }

    void resetInThePastMeansNoWait()
    {
        QCOMPARE(limitOf(5000, 0, -10).delayBeforeNextMs(now), 0);
        QCOMPARE(limitOf(5000, 2, -10).delayBeforeNextMs(now), 0);
    }

    void lowBudgetIsSpreadEvenly()
    {
        // 5% of 5000 is 250: with 249 left and 250 s to go, one request a second lasts.
        QCOMPARE(limitOf(5000, 249, 250).delayBeforeNextMs(now), 1'000);
        // A small window uses the floor of 5: 4 left over 10 s gives 2 s apart.
        QCOMPARE(limitOf(60, 4, 10).delayBeforeNextMs(now), 2'000);
        // The less is left, the longer the gap, never past the reset.
        const qint64 one = limitOf(100, 1, 60).delayBeforeNextMs(now);
        const qint64 three = limitOf(100, 3, 60).delayBeforeNextMs(now);
        QVERIFY(one > three);
        QVERIFY(one <= 60'000);
    }

    void unknownRemainingNeverDelays()
    {
        RateLimit limit;
        limit.reset = now.addSecs(60);
        QCOMPARE(limit.delayBeforeNextMs(now), 0);
    }
};

QTEST_GUILESS_MAIN(TestRateLimit)
#include "tst_ratelimit.moc"
