// HttpClient against hostile and unlucky servers (issues 10 and 11): a slow but live reply is not
// cut off, a server that goes silent is, waits the provider asks for are bounded by a budget and
// announced, unreadable Retry-After values do not turn into bursts, and a reply larger than the
// cap fails without being held in memory.
#include "httpclienttesting.h"

#include "processmemory.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>

namespace {
/// The body of a droplets page of @p count machines, about 100 bytes each.
QByteArray dropletsPage(int count)
{
    QJsonArray droplets;
    for (int i = 0; i < count; ++i) {
        droplets.append(QJsonObject {{QStringLiteral("id"), 1000 + i},
                                     {QStringLiteral("name"), QStringLiteral("web-%1").arg(i)},
                                     {QStringLiteral("status"), QStringLiteral("active")}});
    }
    return QJsonDocument(QJsonObject {{QStringLiteral("droplets"), droplets}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestHttpClientHostile : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<HttpClient> m_client;

    Result<HttpResponse> get(const QString &path)
    {
        return sendAndWait(*m_client, HttpRequest::get(m_server->url(path)));
    }

    /// The retry policy of a real client (not the tests' fast one), with short backoff.
    static HttpClient::RetryPolicy realPatience()
    {
        HttpClient::RetryPolicy policy;
        policy.baseDelayMs = 5;
        policy.maxDelayMs = 40;
        return policy;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeCloudServer>();
        QVERIFY(m_server->listen());
        m_client = makeTestClient();
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void slowButLiveReplyIsNotCutOff()
    {
        // Every piece comes well within the idle timeout; the whole reply takes twice as long.
        m_client->setTimeoutMs(600);
        const QByteArray body = dropletsPage(12);
        const int pieces = 30;
        m_server->on("GET", QStringLiteral("/v2/droplets"),
                     FakeResponse::raw(200, body).withTrickle(int(body.size() / pieces) + 1,
                                                              1'200 / pieces));
        const Result<HttpResponse> result = get(QStringLiteral("/v2/droplets"));
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QCOMPARE(result.value().body, body);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void silentServerIsCutByTheIdleTimeout()
    {
        m_client->setTimeoutMs(300);
        m_server->on("GET", QStringLiteral("/v2/droplets"),
                     FakeResponse::raw(200, dropletsPage(20)).withStall(100));
        const Result<HttpResponse> result = get(QStringLiteral("/v2/droplets"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::Timeout);
        QVERIFY2(result.error().message().contains(QStringLiteral("then nothing for 0.3 s")),
                 qPrintable(result.error().message()));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void totalDeadlineEndsAnEndlessTrickle()
    {
        // Live but endless: the idle timeout never fires, the total deadline does.
        m_client->setTimeoutMs(400);
        m_client->setTotalTimeoutMs(800);
        m_server->on("GET", QStringLiteral("/v2/droplets"),
                     FakeResponse::generated(-1, [](qint64, qint64) {
                         return QByteArray(" ");
                     }).withTrickle(1, 20));
        const Result<HttpResponse> result = get(QStringLiteral("/v2/droplets"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::Timeout);
        QVERIFY2(result.error().message().contains(QStringLiteral("kept sending its reply")),
                 qPrintable(result.error().message()));
    }

    void waitWithinTheBudgetIsAnnounced()
    {
        m_client->setRetryPolicy(realPatience());
        m_client->setNoticeableWaitMs(500);
        m_server->enqueue(
            "GET", QStringLiteral("/v2/droplets"),
            errorBody(429, "too_many_requests", "Slow down.").withHeader("Retry-After", "1"));
        m_server->on("GET", QStringLiteral("/v2/droplets"), FakeResponse::raw(200, "{}"));
        QSignalSpy waiting(m_client.get(), &HttpClient::waiting);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const Result<HttpResponse> result = get(QStringLiteral("/v2/droplets"));
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QCOMPARE(waiting.size(), 1);
        const QString reason = waiting.at(0).at(0).toString();
        QVERIFY2(reason.contains(QStringLiteral("127.0.0.1"))
                     && reason.contains(QStringLiteral("HTTP 429")),
                 qPrintable(reason));
        const QDateTime until = waiting.at(0).at(1).toDateTime();
        QVERIFY2(until >= before.addMSecs(900) && until <= before.addSecs(5),
                 qPrintable(until.toString(Qt::ISODateWithMs)));
        QCOMPARE(m_server->requestCount(), 2);
    }

    void replyAtTheCapIsReadOneByteMoreIsNot()
    {
        m_client->setMaxReplyBytes(100'000);
        m_server->enqueue("GET", QStringLiteral("/v2/droplets"),
                          FakeResponse::generated(-1, [](qint64 offset, qint64 maxBytes) {
                              return QByteArray(int(std::min<qint64>(maxBytes, 100'000 - offset)),
                                                'x');
                          }));
        const Result<HttpResponse> atCap = get(QStringLiteral("/v2/droplets"));
        QVERIFY2(atCap.ok(), qPrintable(atCap.error().message()));
        QCOMPARE(atCap.value().body.size(), 100'000);
        m_server->enqueue("GET", QStringLiteral("/v2/droplets"),
                          FakeResponse::generated(-1, [](qint64 offset, qint64 maxBytes) {
                              return QByteArray(int(std::min<qint64>(maxBytes, 100'001 - offset)),
                                                'x');
                          }));
        const Result<HttpResponse> over = get(QStringLiteral("/v2/droplets"));
        QVERIFY(!over.ok());
        QCOMPARE(over.error().kind(), Error::InvalidReply);
    }

    void retryAfterLongerThanTheBudgetFailsWithTheProvidersWords()
    {
        // 120 s is within what a 429 may ask (maxRetryAfterSeconds), but not within one request's
        // budget: fail now, in the provider's words and with when to try again, rather than hang.
        m_client->setRetryPolicy(realPatience());
        m_server->on("GET", QStringLiteral("/v2/droplets"),
                     errorBody(429, "too_many_requests", "API rate limit exceeded.")
                         .withHeader("Retry-After", "120"));
        Outcome<HttpResponse> outcome;
        m_client->send(HttpRequest::get(m_server->url(QStringLiteral("/v2/droplets"))),
                       outcome.callback());
        QVERIFY2(outcome.wait(5'000), "the request waited instead of failing");
        QCOMPARE(outcome.error().kind(), Error::RateLimited);
        QCOMPARE(outcome.error().retryAfterSeconds(), 120);
        const QString message = outcome.error().message();
        QVERIFY2(message.contains(QStringLiteral("API rate limit exceeded.")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("try again after")), qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("tries again")), qPrintable(message));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void negativeRetryAfterIsBackedOffNotBurst()
    {
        // "-5" is no delay anyone meant: the usual backoff applies, never four retries at once.
        HttpClient::RetryPolicy policy = realPatience();
        policy.maxRetries = 2;
        policy.baseDelayMs = 100;
        policy.maxDelayMs = 1'000;
        m_client->setRetryPolicy(policy);
        m_server->on(
            "GET", QStringLiteral("/v2/droplets"),
            errorBody(429, "too_many_requests", "Slow down.").withHeader("Retry-After", "-5"));
        QList<qint64> arrivals;
        QElapsedTimer clock;
        clock.start();
        connect(m_server.get(), &FakeCloudServer::requestReceived, this,
                [&] { arrivals.append(clock.elapsed()); });
        const Result<HttpResponse> result = get(QStringLiteral("/v2/droplets"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::RateLimited);
        QCOMPARE(result.error().retryAfterSeconds(), -1);
        QCOMPARE(arrivals.size(), 3);
        // At least the base delay between attempts (a coarse timer may fire up to 5 % early).
        for (int i = 1; i < arrivals.size(); ++i) {
            QVERIFY2(arrivals.at(i) - arrivals.at(i - 1) >= 95,
                     qPrintable(QStringLiteral("attempt %1 came %2 ms after the one before")
                                    .arg(i + 1)
                                    .arg(arrivals.at(i) - arrivals.at(i - 1))));
        }
    }

    void hugeRetryAfterIsReportedWithoutPromisingARetry()
    {
        m_client->setRetryPolicy(realPatience());
        m_server->on("GET", QStringLiteral("/v2/droplets"),
                     errorBody(429, "too_many_requests", "Daily quota used up.")
                         .withHeader("Retry-After", "100000"));
        const Result<HttpResponse> result = get(QStringLiteral("/v2/droplets"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::RateLimited);
        QCOMPARE(result.error().retryAfterSeconds(), 100000);
        const QString message = result.error().message();
        QVERIFY2(message.contains(QStringLiteral("Daily quota used up.")), qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("tries again")), qPrintable(message));
        // More than a day ahead: the date is part of the time to try again.
        const QString date = QDateTime::currentDateTimeUtc().addSecs(100000).toLocalTime().toString(
            QStringLiteral("yyyy-MM-dd"));
        QVERIFY2(message.contains(QStringLiteral("try again after ") + date), qPrintable(message));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void spentRateLimitFarAheadFailsTheNextRequestAtOnce()
    {
        // A 200 saying nothing is left until a reset 15 minutes ahead: the next request would be
        // held that long. It fails at once instead, saying until when.
        m_client->setRetryPolicy(realPatience());
        const qint64 reset = QDateTime::currentSecsSinceEpoch() + 900;
        m_server->on("GET", QStringLiteral("/v2/droplets"),
                     FakeResponse::raw(200, dropletsPage(1))
                         .withHeader("RateLimit-Limit", "5000")
                         .withHeader("RateLimit-Remaining", "0")
                         .withHeader("RateLimit-Reset", QByteArray::number(reset)));
        QVERIFY(get(QStringLiteral("/v2/droplets")).ok());
        Outcome<HttpResponse> next;
        m_client->send(HttpRequest::get(m_server->url(QStringLiteral("/v2/droplets"))),
                       next.callback());
        QVERIFY2(next.wait(5'000), "the next request was held instead of failing");
        QCOMPARE(next.error().kind(), Error::RateLimited);
        const QString message = next.error().message();
        QVERIFY2(message.contains(QStringLiteral("127.0.0.1")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("try again after")), qPrintable(message));
        QCOMPARE(m_server->requestCount(), 1); // nothing was sent
    }

    void oversizedReplyFailsWithoutBeingHeld_data()
    {
        QTest::addColumn<bool>("announced");
        QTest::newRow("chunked, no length") << false;
        QTest::newRow("Content-Length 1 GB") << true;
    }

    void oversizedReplyFailsWithoutBeingHeld()
    {
        // A gigabyte made lazily by the server as the client reads it: the test holds none of it.
        QFETCH(bool, announced);
        static constexpr qint64 gigabyte = 1024LL * 1024 * 1024;
        qint64 served = 0;
        m_server->on("GET", QStringLiteral("/v2/droplets"), [&](const RecordedRequest &) {
            return FakeResponse::generated(
                announced ? gigabyte : -1, [&served](qint64 offset, qint64 maxBytes) {
                    const qint64 size = std::min(maxBytes, gigabyte - offset);
                    served = offset + std::max<qint64>(0, size);
                    return QByteArray(int(std::max<qint64>(0, size)), ' ');
                });
        });
        QVERIFY(ProcessMemory::resetPeak());
        const qint64 before = ProcessMemory::statusKib("VmRSS");
        const Result<HttpResponse> result = get(QStringLiteral("/v2/droplets"));
        const qint64 peakGrowthKb = ProcessMemory::statusKib("VmHWM") - before;
        qInfo("peak memory growth %lld MB, %lld MB served", peakGrowthKb / 1024,
              served / (1024 * 1024));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::InvalidReply);
        QVERIFY2(result.error().message().contains(QStringLiteral("larger than 64 MB")),
                 qPrintable(result.error().message()));
        QCOMPARE(m_server->requestCount(), 1); // a reply too large is not asked for again
        // At most the cap itself is ever held (plus socket buffers and the allocator's slack).
        // Not under AddressSanitizer: its quarantine keeps freed blocks resident on purpose,
        // so the peak there says nothing about what CloudDeck holds (the main suite checks it).
#if defined(__SANITIZE_ADDRESS__)
        const bool measurable = false;
#elif defined(__has_feature)
        const bool measurable = !__has_feature(address_sanitizer);
#else
        const bool measurable = true;
#endif
        QVERIFY2(!measurable || peakGrowthKb < 96 * 1024,
                 qPrintable(QStringLiteral("peak grew by %1 MB").arg(peakGrowthKb / 1024)));
        QVERIFY2(served < 128LL * 1024 * 1024,
                 qPrintable(QStringLiteral("%1 MB were sent").arg(served / (1024 * 1024))));
    }
};

QTEST_GUILESS_MAIN(TestHttpClientHostile)
#include "tst_httpclienthostile.moc"
