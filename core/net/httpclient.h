#pragma once

#include "clouddeck_core_export.h"
#include "httprequest.h"
#include "httpresponse.h"
#include "ratelimit.h"
#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>
#include <QObject>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

CLOUDDECK_CORE_EXPORT Q_DECLARE_LOGGING_CATEGORY(lcNet)

    /**
     * @brief The single seam between CloudDeck and the network: the only class that uses
     * QNetworkAccessManager.
     *
     * It adds what every provider needs the same way: an idle timeout (no bytes for 30 s) and a
     * generous total one per attempt, bounded retries with exponential backoff (429 honouring
     * Retry-After, 502/503/504, connection reset), pacing by the provider's rate-limit headers,
     * a budget for all the waiting of one request (a longer wait fails at once with the
     * provider's words; a noticeable one is announced by waiting()), a cap on a reply's size
     * (64 MB, drained as it arrives so no more is ever held), certificate pinning for self-signed
     * private clouds, refusal of plain http to non-loopback hosts, and one Error with a message a
     * person can act on. Log lines never show Authorization headers or signed query parameters.
     */
    class CLOUDDECK_CORE_EXPORT HttpClient : public QObject
{
    Q_OBJECT
public:
    struct RetryPolicy
    {
        int maxRetries = 3;
        int baseDelayMs = 500;
        int maxDelayMs = 30'000;
        int maxRetryAfterSeconds = 120; ///< a longer Retry-After is reported, not waited for
        /// The time from send() within which every wait (backoff, Retry-After, pacing by the
        /// rate limit) must end. A wait that would end later is not begun: the request fails at
        /// once with the provider's words and when to try again.
        int budgetMs = 60'000;
    };
    /// A wait at least this long is announced by waiting().
    static constexpr int defaultNoticeableWaitMs = 3'000;
    /// Replies larger than this fail (InvalidReply) instead of being read into memory.
    static constexpr qint64 defaultMaxReplyBytes = 64 * 1024 * 1024;
    /// How far QNAM may read ahead of HttpClient draining a reply.
    static constexpr qint64 readBufferBytes = 1024 * 1024;
    /// A body past this size, of unannounced length, is given room up to the cap at once.
    static constexpr qint64 largeBody = 1024 * 1024;

    /// Adds credentials to a request right before each attempt (bearer header, AWS signature).
    using Authorizer = std::function<void(HttpRequest &)>;
    /// Reads a provider's error body: its error code and its message (empty when absent).
    struct ProviderError
    {
        QString code;
        QString message;
        /// The kind the provider's code means, when the HTTP status says less (EC2 sends its
        /// throttling "RequestLimitExceeded" as 503 or 400, "InvalidInstanceID.NotFound" as 400).
        /// None: the kind follows the status. The kind decides retries, so a RateLimited here is
        /// retried with backoff like a 429.
        Error::Kind kind = Error::None;
    };
    using ErrorReader = std::function<ProviderError(const HttpResponse &)>;
    using RateLimitReader = std::function<std::optional<RateLimit>(const HttpResponse &)>;
    /// Consumes one page; returns the next page's request, or nullopt at the end.
    using PageHandler = std::function<Result<std::optional<HttpRequest>>(const HttpResponse &)>;

    explicit HttpClient(QObject *parent = nullptr);
    ~HttpClient() override;

    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    [[nodiscard]] RetryPolicy retryPolicy() const { return m_retryPolicy; }
    /// An attempt fails when no byte arrives for this long (the idle timeout; a request's own
    /// HttpRequest::timeoutMs overrides it). A slow reply that keeps coming is not cut off.
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }
    [[nodiscard]] int timeoutMs() const { return m_timeoutMs; }
    /// However live, an attempt ends after this long (default 10 min).
    void setTotalTimeoutMs(int timeoutMs) { m_totalTimeoutMs = timeoutMs; }
    [[nodiscard]] int totalTimeoutMs() const { return m_totalTimeoutMs; }
    void setMaxReplyBytes(qint64 bytes) { m_maxReplyBytes = bytes; }
    void setNoticeableWaitMs(int ms) { m_noticeableWaitMs = ms; }
    [[nodiscard]] qint64 maxReplyBytes() const { return m_maxReplyBytes; }
    void setAuthorizer(Authorizer authorizer) { m_authorizer = std::move(authorizer); }
    void setErrorReader(ErrorReader reader) { m_errorReader = std::move(reader); }
    void setRateLimitReader(RateLimitReader reader) { m_rateLimitReader = std::move(reader); }
    /// Trust exactly this certificate (SHA-256 of its DER, hex) for this client, and no other.
    void setPinnedCertificateSha256(const QByteArray &hex);
    void setUserAgent(const QByteArray &userAgent) { m_userAgent = userAgent; }

    /// Sends @p request; succeeds with any 2xx reply, fails with an Error for everything else.
    void send(HttpRequest request, Callback<HttpResponse> done);
    /// send(), then the 2xx body as a JSON object (empty body: empty object).
    void sendJson(HttpRequest request, Callback<QJsonObject> done);
    /// Follows pages from @p first until @p onPage returns no next request (at most @p maxPages).
    void getPages(HttpRequest first, PageHandler onPage, Callback<void> done, int maxPages = 500);

    [[nodiscard]] std::optional<RateLimit> lastRateLimit() const { return m_lastRateLimit; }
    [[nodiscard]] int pendingRequests() const { return int(m_pending.size()); }

    [[nodiscard]] static bool isLoopback(const QUrl &url);
    /// The URL with credentials and signing parameters replaced by "REDACTED", for logs.
    [[nodiscard]] static QString redactedUrl(const QUrl &url);
    /// "Name: value" lines with secret-bearing headers replaced by "REDACTED", for logs.
    [[nodiscard]] static QString redactedHeaders(const HttpRequest &request);
    [[nodiscard]] static QByteArray certificateSha256(const class QSslCertificate &certificate);

Q_SIGNALS:
    void rateLimitChanged();
    /// A request is held for at least setNoticeableWaitMs() (default 3 s): @p reason says why in
    /// the user's words
    /// ("the provider asked to wait (HTTP 429)"), @p until when it goes again.
    void waiting(const QString &reason, const QDateTime &until);

private:
    struct Pending;
    struct PageChain
    {
        PageHandler onPage;
        Callback<void> done;
        int maxPages = 0;
        int page = 0;
    };
    void fetchPage(const std::shared_ptr<PageChain> &chain, HttpRequest request);
    void attempt(quint64 id);
    void finish(quint64 id, QNetworkReply *reply);
    void complete(quint64 id, Result<HttpResponse> result);
    [[nodiscard]] Error errorFor(const Pending &pending, QNetworkReply *reply,
                                 const HttpResponse &response) const;
    [[nodiscard]] qint64 retryDelayMs(const Pending &pending, const Error &error) const;
    /// Starts the timer that runs attempt() after @p delayMs, or fails the request when the
    /// wait would end past its budget (@p tooLong gives the error then).
    void waitThenAttempt(quint64 id, qint64 delayMs, const QString &reason,
                         const std::function<Error(const QDateTime &until)> &tooLong);
    void watchReply(quint64 id, QNetworkReply *reply);
    void noteRateLimit(const HttpResponse &response);
    /// Whether a reply QNAM calls complete is shorter than its Content-Length.
    [[nodiscard]] static bool isCutOff(const HttpRequest &request, const HttpResponse &response);
    /// Drops QNAM's open connections once none is in use (clearing them earlier would strand
    /// the requests in flight on them).
    void clearConnectionsWhenIdle();

    QNetworkAccessManager *m_nam;
    QHash<quint64, Pending *> m_pending;
    quint64 m_nextId = 1;
    RetryPolicy m_retryPolicy;
    int m_timeoutMs = 30'000;
    int m_totalTimeoutMs = 10 * 60'000;
    qint64 m_maxReplyBytes = defaultMaxReplyBytes;
    int m_noticeableWaitMs = defaultNoticeableWaitMs;
    Authorizer m_authorizer;
    ErrorReader m_errorReader;
    RateLimitReader m_rateLimitReader;
    QByteArray m_pinnedSha256;
    QByteArray m_userAgent;
    std::optional<RateLimit> m_lastRateLimit;
    QDateTime m_notBefore; ///< pacing: no request leaves before this time
    bool m_connectionsStale = false; ///< open connections were trusted under another pin
};
