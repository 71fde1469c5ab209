#pragma once

#include "account.h"
#include "httpclient.h"
#include "keystoneparser.h"
#include "oauthtoken.h"
#include "result.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QVariantMap>
#include <optional>

/**
 * @brief One account's Keystone sign-in: POST /v3/auth/tokens, the catalog that comes with the
 * token, and the rule of which hosts the token may go to.
 *
 * Caching, renewal before the end, one sign-in for parallel callers and the one retry after a
 * 401 are OAuthToken's (oauth()), as for Azure and Google; this class is its Fetch. The token
 * (X-Subject-Token) goes into X-Auth-Token, and only to the Keystone host of the account or one
 * of its "other service hosts": a catalog endpoint anywhere else is refused before any request
 * (checkEndpoint), and the authorizer adds no token to a request for another host even if one
 * were sent.
 *
 * The lifetime handed to OAuthToken is measured on the cloud's own clock (expires_at -
 * issued_at), which OAuthToken lays onto ours from the moment the request was sent, so a skewed
 * local clock neither keeps a token past its end nor renews it on every call.
 */
class KeystoneSession : public QObject
{
    Q_OBJECT
public:
    KeystoneSession(HttpClient *http, const Account &account, const QVariantMap &secrets,
                    QObject *parent = nullptr);

    /// The token: withToken(), renew() (verify), authorized(), the clock (tests).
    [[nodiscard]] OAuthToken *oauth() const { return m_oauth; }
    /// The sign-in of the current token (user, project, catalog); nullptr without a token.
    [[nodiscard]] const KeystoneParser::Token *token() const;
    /// "public" unless the account chose "internal" or "admin".
    [[nodiscard]] QString interface() const;
    /// Hosts a token may go to: the Keystone URL's and the account's other service hosts.
    [[nodiscard]] QStringList allowedHosts() const { return m_allowedHosts; }
    /// Empty when @p url (from the catalog) is on an allowed host with an allowed scheme; else
    /// the error that says where the catalog pointed and how to allow it.
    [[nodiscard]] Error checkEndpoint(const QUrl &url, const QString &service,
                                      const QString &region) const;
    /// The lifetime of @p token in seconds: expires_at - issued_at on the cloud's clock, or
    /// expires_at - @p sent (our clock) when Keystone left issued_at out.
    [[nodiscard]] static qint64 lifetimeSeconds(const KeystoneParser::Token &token,
                                                const QDateTime &sent);

private:
    [[nodiscard]] bool isAllowed(const QUrl &url) const;
    /// OAuthToken's Fetch: one POST /v3/auth/tokens.
    void signIn(const Callback<OAuthToken::Token> &done);

    HttpClient *m_http;
    Account m_account;
    QVariantMap m_secrets;
    QUrl m_tokensUrl;
    QStringList m_allowedHosts;
    OAuthToken *m_oauth; ///< a child
    std::optional<KeystoneParser::Token> m_signIn; ///< the last successful one
};
