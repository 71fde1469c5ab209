#include "httpclient.h"

#include "httperrortext.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>
#include <utility>

Q_LOGGING_CATEGORY(lcNet, "clouddeck.net", QtInfoMsg)

struct HttpClient::Pending
{
    HttpRequest request;
    Callback<HttpResponse> done;
    int attempt = 0;
    QNetworkReply *reply = nullptr;
    QTimer *timer =
        nullptr; ///< idle timeout of the attempt in flight, or the delay before the next
    QTimer *deadline = nullptr; ///< total timeout of the attempt in flight
    QElapsedTimer sent; ///< since send(): the budget for waiting
    bool timedOut = false;
    bool deadlinePassed = false;
    bool tooLarge = false;
    QByteArray body; ///< the reply's body as read so far (drained as it comes, see watchReply)
    bool gotBytes = false; ///< some of the reply arrived: an idle timeout is a stall mid-reply
    bool pinMismatch = false;
    QByteArray peerSha256;
    QStringList sslErrors;

    /// Stops the timer and lets it go. Never deleted directly: this may run inside its timeout().
    void dropTimer()
    {
        for (QTimer **t : {&timer, &deadline}) {
            if (*t) {
                (*t)->stop();
                (*t)->deleteLater();
                *t = nullptr;
            }
        }
    }
};

HttpClient::HttpClient(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
    , m_userAgent("CloudDeck/" CLOUDDECK_VERSION_STRING)
{
    // Redirects are not followed: QNAM would copy the credentials (Authorization) to whatever
    // host a redirect names, and in Qt 6.4 following them resends requests and can end in a
    // reply with status 100. No cloud API we talk to redirects its API calls; a 3xx is reported
    // with its target so the user can fix the endpoint.
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HttpClient::~HttpClient()
{
    // Abort without calling back: the owner is going away, and so is whoever asked.
    for (Pending *pending : std::as_const(m_pending)) {
        if (pending->reply) {
            pending->reply->disconnect(this);
            pending->reply->abort();
            pending->reply->deleteLater();
        }
        delete pending;
    }
}

void HttpClient::setPinnedCertificateSha256(const QByteArray &hex)
{
    const QByteArray pin = hex.toLower();
    if (pin == m_pinnedSha256)
        return;
    m_pinnedSha256 = pin;
    // A kept-alive connection was accepted under the old pin and would not be checked again.
    m_connectionsStale = true;
    clearConnectionsWhenIdle();
}

void HttpClient::clearConnectionsWhenIdle()
{
    if (!m_connectionsStale)
        return;
    for (const Pending *pending : std::as_const(m_pending)) {
        if (pending->reply)
            return;
    }
    m_nam->clearConnectionCache();
    m_connectionsStale = false;
}

void HttpClient::send(HttpRequest request, Callback<HttpResponse> done)
{
    const quint64 id = m_nextId++;
    auto *pending = new Pending;
    pending->request = std::move(request);
    pending->done = std::move(done);
    pending->sent.start();
    m_pending.insert(id, pending);

    const QUrl &url = pending->request.url;
    Error refused;
    const bool http = url.scheme() == QLatin1String("http");
    if (!url.isValid() || url.host().isEmpty() || (!http && url.scheme() != QLatin1String("https")))
        refused = Error(Error::InvalidInput, HttpErrorText::invalidUrl(url));
    else if (http && !isLoopback(url))
        refused = Error(Error::Insecure, HttpErrorText::insecure(url));
    if (refused.isError()) {
        // Keep the promise of the async pattern: never call back from inside send().
        QTimer::singleShot(0, this, [this, id, refused] { complete(id, refused); });
        return;
    }
    attempt(id);
}

void HttpClient::sendJson(HttpRequest request, Callback<QJsonObject> done)
{
    send(std::move(request), [done = std::move(done)](Result<HttpResponse> result) {
        if (!result.ok())
            done(result.error());
        else
            done(result.value().jsonObject());
    });
}

void HttpClient::getPages(HttpRequest first, PageHandler onPage, Callback<void> done, int maxPages)
{
    auto chain =
        std::make_shared<PageChain>(PageChain {std::move(onPage), std::move(done), maxPages});
    fetchPage(chain, std::move(first));
}

void HttpClient::fetchPage(const std::shared_ptr<PageChain> &chain, HttpRequest request)
{
    // The chain lives in the callbacks handed to send(): no cycle, freed after the last page.
    send(std::move(request), [this, chain](Result<HttpResponse> result) {
        if (!result.ok())
            return chain->done(result.error());
        const QPointer<HttpClient> self(this);
        Result<std::optional<HttpRequest>> next = chain->onPage(result.value());
        if (!self)
            return; // the page handler's owner deleted us: like any abort, no callback
        if (!next.ok())
            return chain->done(next.error());
        if (!next.value())
            return chain->done({});
        if (++chain->page >= chain->maxPages)
            return chain->done(
                Error(Error::InvalidReply, HttpErrorText::tooManyPages(chain->maxPages)));
        fetchPage(chain, *next.value());
    });
}

void HttpClient::attempt(quint64 id)
{
    Pending *pending = m_pending.value(id);
    if (!pending)
        return;
    pending->dropTimer();

    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_notBefore.isValid() && now < m_notBefore) {
        const qint64 wait = now.msecsTo(m_notBefore);
        qCDebug(lcNet) << "pacing: holding request for" << wait << "ms (rate limit)";
        const QString host = pending->request.url.host();
        return waitThenAttempt(
            id, wait, HttpErrorText::pacingReason(host), [host](const QDateTime &until) {
                return Error(Error::RateLimited, HttpErrorText::rateLimitSpent(host, until), 429);
            });
    }

    clearConnectionsWhenIdle();
    HttpRequest request = pending->request;
    if (m_authorizer)
        m_authorizer(request);
    QNetworkRequest networkRequest(request.url);
    for (const auto &[name, value] : std::as_const(request.headers))
        networkRequest.setRawHeader(name, value);
    networkRequest.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    if (!request.body.isEmpty() && request.header("Content-Type").isEmpty())
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                                 QByteArray("application/json"));

    pending->timedOut = false;
    pending->deadlinePassed = false;
    pending->tooLarge = false;
    pending->gotBytes = false;
    pending->body.clear();
    pending->pinMismatch = false;
    pending->peerSha256.clear();
    pending->sslErrors.clear();
    ++pending->attempt;
    qCDebug(lcNet).noquote() << request.method << redactedUrl(request.url) << "attempt"
                             << pending->attempt;

    // No upload device for a request without a body: QNAM would send "Content-Length: 0" with a
    // GET, and take the paths meant for uploads (rewinding the body on a resend).
    const bool bodiless = request.body.isEmpty()
                          && (request.method == "GET" || request.method == "HEAD"
                              || request.method == "DELETE" || request.method == "OPTIONS");
    QNetworkReply *reply =
        bodiless ? m_nam->sendCustomRequest(networkRequest, request.method)
                 : m_nam->sendCustomRequest(networkRequest, request.method, request.body);
    pending->reply = reply;

    watchReply(id, reply);

    connect(reply, &QNetworkReply::sslErrors, this,
            [this, id, reply](const QList<QSslError> &errors) {
                Pending *p = m_pending.value(id);
                if (!p || p->reply != reply)
                    return;
                QSslCertificate peer = reply->sslConfiguration().peerCertificate();
                for (qsizetype i = 0; peer.isNull() && i < errors.size(); ++i)
                    peer = errors.at(i).certificate();
                if (!peer.isNull())
                    p->peerSha256 = certificateSha256(peer);
                // A pinned fingerprint is the user's explicit trust in exactly this certificate;
                // only then are the chain errors it causes (self-signed, unknown CA, host name)
                // accepted. Another certificate where one is pinned is a change, which deserves a
                // sharper warning than "untrusted".
                if (!m_pinnedSha256.isEmpty()) {
                    if (p->peerSha256 == m_pinnedSha256) {
                        reply->ignoreSslErrors(errors);
                        return;
                    }
                    p->pinMismatch = true;
                }
                for (const QSslError &error : errors)
                    p->sslErrors.append(error.errorString());
            });
    connect(reply, &QNetworkReply::encrypted, this, [this, id, reply] {
        Pending *p = m_pending.value(id);
        if (!p || p->reply != reply)
            return;
        p->peerSha256 = certificateSha256(reply->sslConfiguration().peerCertificate());
        if (!m_pinnedSha256.isEmpty() && p->peerSha256 != m_pinnedSha256) {
            p->pinMismatch = true;
            reply->abort();
        }
    });
    // Queued: the callback then runs outside QNAM's own stack, so it may delete this client (and
    // with it the QNAM) safely, and it can never run synchronously inside send().
    connect(
        reply, &QNetworkReply::finished, this, [this, id, reply] { finish(id, reply); },
        Qt::QueuedConnection);
}

void HttpClient::watchReply(quint64 id, QNetworkReply *reply)
{
    Pending *pending = m_pending.value(id);
    // Idle: no byte for this long. A slow but live reply (a 10,000-row page on a poor line) keeps
    // restarting it and is only bounded by the generous total deadline.
    const int idleMs = pending->request.timeoutMs > 0 ? pending->request.timeoutMs : m_timeoutMs;
    pending->timer = new QTimer(this);
    pending->timer->setSingleShot(true);
    connect(pending->timer, &QTimer::timeout, this, [this, id, reply] {
        if (Pending *p = m_pending.value(id); p && p->reply == reply) {
            p->timedOut = true;
            reply->abort();
        }
    });
    pending->timer->start(idleMs);
    pending->deadline = new QTimer(this);
    pending->deadline->setSingleShot(true);
    connect(pending->deadline, &QTimer::timeout, this, [this, id, reply] {
        if (Pending *p = m_pending.value(id); p && p->reply == reply) {
            p->timedOut = true;
            p->deadlinePassed = true;
            reply->abort();
        }
    });
    pending->deadline->start(std::max(idleMs, m_totalTimeoutMs));

    auto progress = [this, id, reply](qint64 bytes) { // the body itself is counted in readyRead
        Pending *p = m_pending.value(id);
        if (!p || p->reply != reply)
            return;
        if (p->timer)
            p->timer->start(); // restarts the idle timeout
        if (bytes > 0 || reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
            p->gotBytes = true;
        // A reply is read into memory: one that would not fit the cap is stopped as soon as its
        // announced length or its bytes say so, not after the whole of it arrived.
        bool ok = false;
        const qint64 announced =
            reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
        if (ok && announced > m_maxReplyBytes && !p->tooLarge) {
            p->tooLarge = true;
            reply->abort();
        } else if (ok && announced > p->body.capacity()) {
            // The body grows to its announced length in place, not by doubling and copying.
            p->body.reserve(announced);
        }
    };
    // Drained as it comes, with QNAM's own buffer kept small: QNAM would otherwise read ahead of
    // us without limit (hundreds of MB before a downloadProgress tells), and a complete reply
    // would be held twice (its buffer and readAll()'s copy).
    reply->setReadBufferSize(readBufferBytes);
    connect(reply, &QNetworkReply::readyRead, this, [this, id, reply] {
        Pending *p = m_pending.value(id);
        if (!p || p->reply != reply || p->tooLarge)
            return;
        // What is there, up to the cap: read(n) would first allocate n bytes (the cap, tens of
        // MB) for each chunk of a few KB.
        const qint64 room = std::max<qint64>(0, m_maxReplyBytes + 1 - p->body.size());
        const QByteArray chunk = reply->read(std::min(reply->bytesAvailable(), room));
        if (p->body.size() + chunk.size() > std::max<qint64>(p->body.capacity(), largeBody)) {
            // A large body of unannounced length gets room up to the cap at once: that much
            // address space costs nothing until written, while growing by doubling would copy
            // it, holding about twice the body for a moment.
            p->body.reserve(m_maxReplyBytes + 1);
        }
        p->body += chunk;
        if (p->timer)
            p->timer->start();
        p->gotBytes = true;
        if (p->body.size() > m_maxReplyBytes) {
            p->tooLarge = true;
            p->body.clear();
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::downloadProgress, this,
            [progress](qint64 received, qint64) { progress(received); });
    connect(reply, &QNetworkReply::uploadProgress, this,
            [progress](qint64, qint64) { progress(0); });
    connect(reply, &QNetworkReply::metaDataChanged, this, [progress] { progress(0); });
}

void HttpClient::waitThenAttempt(quint64 id, qint64 delayMs, const QString &reason,
                                 const std::function<Error(const QDateTime &until)> &tooLong)
{
    Pending *pending = m_pending.value(id);
    if (!pending)
        return;
    const QDateTime until = QDateTime::currentDateTimeUtc().addMSecs(delayMs);
    if (pending->sent.elapsed() + delayMs > m_retryPolicy.budgetMs) {
        // Waiting that long would look like a hang (the CLI printing nothing for minutes); the
        // provider's words and the time to try again serve the user better.
        return complete(id, tooLong(until));
    }
    if (delayMs >= m_noticeableWaitMs)
        Q_EMIT waiting(reason, until);
    pending->timer = new QTimer(this);
    pending->timer->setSingleShot(true);
    connect(pending->timer, &QTimer::timeout, this, [this, id] { attempt(id); });
    pending->timer->start(int(delayMs));
}

void HttpClient::finish(quint64 id, QNetworkReply *reply)
{
    reply->deleteLater();
    Pending *pending = m_pending.value(id);
    if (!pending || pending->reply != reply)
        return;
    pending->reply = nullptr;
    pending->dropTimer();
    clearConnectionsWhenIdle();

    HttpResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.url = reply->url();
    for (const auto &pair : reply->rawHeaderPairs())
        response.headers.append({pair.first, pair.second});
    if (!pending->tooLarge) {
        response.body = std::exchange(pending->body, {});
        if (reply->isOpen()) // an aborted reply is closed: reading only warns
            response.body += reply->readAll();
    }
    if (response.status != 0)
        noteRateLimit(response);

    const bool success = !pending->tooLarge && reply->error() == QNetworkReply::NoError
                         && response.status >= 200 && response.status < 300
                         && !isCutOff(pending->request, response);
    qCDebug(lcNet).noquote() << pending->request.method << redactedUrl(pending->request.url) << "->"
                             << response.status << reply->error();
    if (success)
        return complete(id, response);

    const Error error = errorFor(*pending, reply, response);
    if (error.kind() == Error::Tls) {
        m_connectionsStale = true; // the next attempt must not reuse the failed session
        clearConnectionsWhenIdle();
    }
    const qint64 delay = retryDelayMs(*pending, error);
    if (delay < 0 && error.kind() == Error::RateLimited) {
        // Never "tries again" and then give up: say what the provider asked and until when.
        const int after = error.retryAfterSeconds();
        Error final(error.kind(),
                    HttpErrorText::waitTooLong(
                        pending->request.url.host(), error,
                        after > 0 ? QDateTime::currentDateTimeUtc().addSecs(after) : QDateTime()),
                    error.httpStatus());
        final.setProviderCode(error.providerCode());
        final.setRetryAfterSeconds(after);
        return complete(id, final);
    }
    if (delay < 0)
        return complete(id, error);
    qCInfo(lcNet).noquote() << "retrying" << pending->request.method
                            << redactedUrl(pending->request.url) << "in" << delay << "ms after"
                            << Error::kindId(error.kind()) << response.status;
    const QString host = pending->request.url.host();
    waitThenAttempt(id, delay, HttpErrorText::retryReason(host, error),
                    [host, error](const QDateTime &until) {
                        Error late(error.kind(), HttpErrorText::waitTooLong(host, error, until),
                                   error.httpStatus());
                        late.setProviderCode(error.providerCode());
                        late.setRetryAfterSeconds(error.retryAfterSeconds());
                        return late;
                    });
}

void HttpClient::complete(quint64 id, Result<HttpResponse> result)
{
    Pending *pending = m_pending.take(id);
    if (!pending)
        return;
    pending->dropTimer();
    auto done = std::move(pending->done);
    delete pending;
    if (!result.ok()) {
        qCInfo(lcNet).noquote() << "request failed:" << Error::kindId(result.error().kind())
                                << result.error().message();
    }
    done(std::move(result));
}

Error HttpClient::errorFor(const Pending &pending, QNetworkReply *reply,
                           const HttpResponse &response) const
{
    const QString host = pending.request.url.host();
    if (pending.tooLarge)
        return Error(Error::InvalidReply, HttpErrorText::tooLarge(host, m_maxReplyBytes),
                     response.status);
    if (pending.deadlinePassed)
        return Error(Error::Timeout, HttpErrorText::deadline(host, m_totalTimeoutMs));
    if (pending.timedOut) {
        const int ms = pending.request.timeoutMs > 0 ? pending.request.timeoutMs : m_timeoutMs;
        return Error(Error::Timeout, pending.gotBytes ? HttpErrorText::stalled(host, ms)
                                                      : HttpErrorText::timeout(host, ms));
    }
    if (response.status >= 300 && response.status < 400) {
        const QUrl target = pending.request.url.resolved(
            QUrl::fromEncoded(response.header("Location"), QUrl::TolerantMode));
        return Error(Error::InvalidReply, HttpErrorText::redirectRefused(host, target),
                     response.status);
    }
    if (pending.pinMismatch || !pending.sslErrors.isEmpty()
        || reply->error() == QNetworkReply::SslHandshakeFailedError) {
        Error error(Error::Tls,
                    pending.pinMismatch
                        ? HttpErrorText::certificateChanged(host, pending.peerSha256)
                        : HttpErrorText::untrusted(host, pending.sslErrors, reply->errorString(),
                                                   pending.peerSha256));
        error.setPeerCertificateSha256(pending.peerSha256);
        return error;
    }
    if (response.status >= 300 || (response.status != 0 && response.status < 200)) {
        ProviderError provider;
        if (m_errorReader)
            provider = m_errorReader(response);
        const Error::Kind kind =
            provider.kind != Error::None ? provider.kind : Error::kindForStatus(response.status);
        Error error(kind, HttpErrorText::forStatus(kind, response.status, provider.message),
                    response.status);
        error.setProviderCode(provider.code);
        error.setRetryAfterSeconds(
            HttpErrorText::retryAfterSeconds(response.header("Retry-After")));
        return error;
    }
    // 2xx headers arrived, then the body broke off: the connection was lost mid-reply, which is a
    // network fault (exit code 4 in the CLI), not a malformed reply.
    if (response.status != 0)
        return Error(Error::Network, HttpErrorText::cutOff(host), response.status);
    return Error(Error::Network,
                 HttpErrorText::network(host, reply->error(), reply->errorString()));
}

qint64 HttpClient::retryDelayMs(const Pending &pending, const Error &error) const
{
    if (pending.attempt > m_retryPolicy.maxRetries)
        return -1;
    bool retry = false;
    switch (error.kind()) {
    case Error::RateLimited:
        // A 429 means the request was not processed, so even a POST is safe to send again.
        if (error.retryAfterSeconds() > m_retryPolicy.maxRetryAfterSeconds)
            return -1;
        if (error.retryAfterSeconds() >= 0)
            return qint64(error.retryAfterSeconds()) * 1000;
        retry = true;
        break;
    case Error::Server:
        retry = pending.request.isIdempotent()
                && (error.httpStatus() == 502 || error.httpStatus() == 503
                    || error.httpStatus() == 504);
        break;
    case Error::Network: // refused, reset, or a 2xx body cut off mid-way
        retry = pending.request.isIdempotent();
        break;
    default:
        break;
    }
    if (!retry)
        return -1;
    const qint64 exponential = qint64(m_retryPolicy.baseDelayMs) << (pending.attempt - 1);
    const qint64 jitter = m_retryPolicy.baseDelayMs > 1
                              ? QRandomGenerator::global()->bounded(m_retryPolicy.baseDelayMs / 2)
                              : 0;
    return std::min<qint64>(exponential + jitter, m_retryPolicy.maxDelayMs);
}

void HttpClient::noteRateLimit(const HttpResponse &response)
{
    // However long a provider asks us to wait, later requests are held at most this long.
    constexpr qint64 maxHoldMs = 15 * 60 * 1000;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::optional<RateLimit> limit =
        m_rateLimitReader ? m_rateLimitReader(response) : RateLimit::fromHeaders(response);
    QDateTime notBefore;
    if (limit) {
        m_lastRateLimit = limit;
        Q_EMIT rateLimitChanged();
        if (const qint64 delay = limit->delayBeforeNextMs(now); delay > 0)
            notBefore = now.addMSecs(std::min<qint64>(delay, maxHoldMs));
    }
    if (response.status == 429) {
        const int seconds = HttpErrorText::retryAfterSeconds(response.header("Retry-After"));
        if (seconds > 0) {
            const QDateTime until = now.addMSecs(std::min<qint64>(seconds * 1000LL, maxHoldMs));
            notBefore = std::max(notBefore.isValid() ? notBefore : now, until);
        }
    }
    if (notBefore.isValid() && (!m_notBefore.isValid() || notBefore > m_notBefore))
        m_notBefore = notBefore;
}
