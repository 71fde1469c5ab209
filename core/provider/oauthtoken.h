#pragma once

#include "clouddeck_core_export.h"
#include "httpclient.h"
#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QUrl>
#include <functional>

/**
 * @brief One account's access token: fetched when needed, kept until shortly before it expires,
 * shared by every caller, renewed once after a 401, and sent only to the hosts it is for
 * ("Authorization: Bearer" by default).
 *
 * How a token is obtained differs per cloud (Azure: a client-credentials POST; Google: a signed
 * JWT exchanged for a token; OpenStack: Keystone's POST /v3/auth/tokens); that is the Fetch
 * function handed in. What is the same for all of them lives here: the lifetime is measured from
 * the moment the fetch started (expires_in counts from when the server issued the token, which
 * is after we asked), renewal begins a margin before the end (5 minutes, or half of a short
 * lifetime), callers that need a token while one is being fetched wait for that same fetch, and
 * the token is added by HttpClient's authorizer right before each attempt, so a retry after a
 * renewal carries the new one. The header (setHeader()) and which requests get it (an Audience)
 * are the cloud's to choose.
 */
class CLOUDDECK_CORE_EXPORT OAuthToken : public QObject
{
    Q_OBJECT
public:
    /// An access token as a token endpoint hands it out (RFC 6749 section 5.1).
    struct Token
    {
        QByteArray accessToken;
        qint64 expiresInSeconds = 0; ///< 0 or less: not stated (a short default is assumed)
    };
    using Fetch = std::function<void(Callback<Token>)>;
    using Clock = std::function<QDateTime()>;
    /// Whether a request for this URL may carry the token.
    using Audience = std::function<bool(const QUrl &)>;
    /// Lifetime assumed when a token endpoint states none: short, the 401 renewal covers the rest.
    static constexpr qint64 defaultLifetimeSeconds = 600;
    static constexpr qint64 renewMarginSeconds = 300;

    explicit OAuthToken(Fetch fetch, QObject *parent = nullptr);

    /// The clock lifetimes are measured with (tests move it forward).
    void setClock(Clock clock) { m_clock = std::move(clock); }
    /// Now on that clock (a Fetch that states an absolute expiry turns it into a lifetime).
    [[nodiscard]] QDateTime now() const { return m_clock(); }
    /// The header the token goes in: @p name: @p prefix + token ("Authorization", "Bearer " by
    /// default; OpenStack's is "X-Auth-Token" with no prefix).
    void setHeader(const QByteArray &name, const QByteArray &prefix = {});
    /// Adds the token (in the setHeader() header) to requests for the hosts (scheme, host and
    /// port) of @p apiBases only: never to the token endpoint, a price list or a host a link
    /// pointed to.
    /// Also sets @p errors on @p http unless empty.
    void install(HttpClient *http, const QList<QUrl> &apiBases,
                 HttpClient::ErrorReader errors = {});
    /// The authorizer install() sets, for providers that combine it with more.
    [[nodiscard]] HttpClient::Authorizer authorizer(const QList<QUrl> &apiBases) const;
    /// Adds the token to the requests @p audience accepts, never to the token endpoint's.
    [[nodiscard]] HttpClient::Authorizer authorizer(Audience audience) const;
    /// The token endpoint: never given the token, even when it shares a host with the API (a
    /// sovereign cloud's gateway, the tests' one local server).
    void setTokenUrl(const QUrl &url) { m_tokenUrl = url; }

    /// A usable token (the current one, or one fetched now), then @p done.
    void withToken(Callback<void> done);
    /// Fetches a token now, whatever token there is (verify, a 401).
    void renew(Callback<void> done);
    /// Runs @p operation with a token; when it fails with a 401, renews the token and runs it once
    /// more. A 401 means the request was not carried out, so even a POST is safe to repeat; a
    /// second 401 is the answer.
    template<typename T>
    void authorized(std::function<void(Callback<T>)> operation, Callback<T> done);
    /// Forgets the token when it is still @p accessToken (a concurrent renewal may have replaced
    /// it already, and that newer one is kept).
    void invalidate(const QByteArray &accessToken);

    [[nodiscard]] bool hasToken() const { return !m_token.isEmpty(); }
    [[nodiscard]] QByteArray accessToken() const { return m_token; }
    /// When renewal begins, on our clock (invalid without a token).
    [[nodiscard]] QDateTime renewAt() const { return m_renewAt; }
    /// How many tokens were fetched successfully (tests).
    [[nodiscard]] int fetches() const { return m_fetches; }
    /// Whether @p url is on the scheme, host and port of one of @p bases.
    [[nodiscard]] static bool sameOrigin(const QUrl &url, const QList<QUrl> &bases);

private:
    [[nodiscard]] bool isValid() const;
    void finish(const QDateTime &started, Result<Token> token);

    Fetch m_fetch;
    Clock m_clock;
    QUrl m_tokenUrl;
    QByteArray m_headerName = "Authorization";
    QByteArray m_headerPrefix = "Bearer ";
    QByteArray m_token;
    QDateTime m_renewAt;
    QList<Callback<void>> m_waiters;
    bool m_fetching = false;
    int m_fetches = 0;
};

template<typename T>
void OAuthToken::authorized(std::function<void(Callback<T>)> operation, Callback<T> done)
{
    withToken([this, operation, done](const Result<void> &ready) {
        if (!ready.ok())
            return done(ready.error());
        const QByteArray used = m_token;
        operation([this, operation, done, used](Result<T> result) {
            if (result.ok() || result.error().kind() != Error::Auth
                || result.error().httpStatus() != 401)
                return done(std::move(result));
            // Revoked or expired early (a key rotated, a clock far off): once more with a new
            // token.
            invalidate(used);
            withToken([operation, done](const Result<void> &again) {
                if (!again.ok())
                    return done(again.error());
                operation(done);
            });
        });
    });
}
