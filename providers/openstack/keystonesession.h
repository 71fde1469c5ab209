#pragma once

#include "account.h"
#include "httpclient.h"
#include "keystoneparser.h"
#include "result.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QVariantMap>
#include <functional>
#include <optional>

/**
 * @brief One account's Keystone token: obtained with POST /v3/auth/tokens, renewed before it
 * expires and once after a 401, and sent only to the hosts the user configured.
 *
 * The token (X-Subject-Token) goes into X-Auth-Token through the HttpClient's authorizer, right
 * before each attempt, and only to the Keystone host of the account or one of its "other service
 * hosts": a catalog endpoint anywhere else is refused before any request (checkEndpoint), and the
 * authorizer adds no token to a request for another host even if one were sent.
 *
 * Lifetimes are measured on the cloud's own clock (expires_at - issued_at) and laid onto ours from
 * the moment the token arrived, so a skewed local clock neither keeps a token past its end nor
 * renews it on every call. Renewal starts a margin before the end (5 minutes, or half the
 * lifetime of a short-lived token). Callers that need a token while one is being obtained wait
 * for that one.
 */
class KeystoneSession : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;

    KeystoneSession(HttpClient *http, const Account &account, const QVariantMap &secrets,
                    QObject *parent = nullptr);

    /// The clock renewal is measured with (tests move it forward).
    void setClock(Clock clock) { m_clock = std::move(clock); }
    /// A usable token (the current one, or a new one), then @p done.
    void withToken(Callback<void> done);
    /// Runs @p operation with a token; when it fails with a 401, renews the token and runs it
    /// once more. A 401 means the request was not carried out, so even a POST is safe to repeat.
    template<typename T>
    void authorized(std::function<void(Callback<T>)> operation, Callback<T> done);
    /// Forgets the token (when it is still @p tokenId) so the next call authenticates again.
    void invalidate(const QByteArray &tokenId);
    /// Authenticates now, whatever token there is (verify).
    void authenticate(Callback<void> done);

    [[nodiscard]] bool hasToken() const { return m_token.has_value(); }
    [[nodiscard]] QByteArray tokenId() const { return m_token ? m_token->id : QByteArray(); }
    [[nodiscard]] const KeystoneParser::Token *token() const
    {
        return m_token ? &*m_token : nullptr;
    }
    /// How many times a token was obtained (tests).
    [[nodiscard]] int authentications() const { return m_authentications; }
    /// "public" unless the account chose "internal" or "admin".
    [[nodiscard]] QString interface() const;
    /// Hosts a token may go to: the Keystone URL's and the account's other service hosts.
    [[nodiscard]] QStringList allowedHosts() const { return m_allowedHosts; }
    /// Empty when @p url (from the catalog) is on an allowed host with an allowed scheme; else
    /// the error that says where the catalog pointed and how to allow it.
    [[nodiscard]] Error checkEndpoint(const QUrl &url, const QString &service,
                                      const QString &region) const;

private:
    [[nodiscard]] bool isAllowed(const QUrl &url) const;
    [[nodiscard]] bool isValid() const;
    void finishAuthentication(Result<KeystoneParser::Token> token);

    HttpClient *m_http;
    Account m_account;
    QVariantMap m_secrets;
    Clock m_clock;
    QUrl m_tokensUrl;
    QStringList m_allowedHosts;
    std::optional<KeystoneParser::Token> m_token;
    QDateTime m_renewAt; ///< on our clock
    QList<Callback<void>> m_waiters;
    int m_authentications = 0;
};

template<typename T>
void KeystoneSession::authorized(std::function<void(Callback<T>)> operation, Callback<T> done)
{
    withToken([this, operation, done](Result<void> ready) {
        if (!ready.ok())
            return done(ready.error());
        const QByteArray used = tokenId();
        operation([this, operation, done, used](Result<T> result) {
            if (result.ok() || result.error().kind() != Error::Auth
                || result.error().httpStatus() != 401)
                return done(std::move(result));
            // Revoked or expired early (a Keystone restart with new fernet keys): once more with
            // a new token; a second 401 is the answer.
            invalidate(used);
            withToken([operation, done](Result<void> again) {
                if (!again.ok())
                    return done(again.error());
                operation(done);
            });
        });
    });
}
