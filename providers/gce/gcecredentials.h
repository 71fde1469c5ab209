#pragma once

#include "account.h"
#include "httprequest.h"
#include "oauthtokenendpoint.h"
#include "result.h"

#include <QCoreApplication>
#include <QUrl>
#include <QVariantMap>
#include <functional>

/**
 * @brief What a GCE account signs in with, and the token request it makes: a service-account
 * key (a JWT signed with its private key, exchanged with the jwt-bearer grant) or gcloud's
 * application default credentials (an authorized_user refresh token, the refresh_token grant).
 *
 * Settings hold the project id, client email, key id and client id; the private key, client
 * secret and refresh token come from the keychain and live here only while the provider does.
 */
class GceCredentials
{
    Q_DECLARE_TR_FUNCTIONS(GceCredentials)
public:
    enum Kind { None, ServiceAccount, AuthorizedUser };

    /// Compute Engine, and reading Cloud Monitoring's metrics (timeSeries.list's narrowest
    /// scope in the monitoring v3 Discovery document); space-separated as the JWT's claim.
    static constexpr char scope[] =
        "https://www.googleapis.com/auth/compute https://www.googleapis.com/auth/monitoring.read";
    /// Google's token endpoint; also the JWT's audience, which Google checks.
    static constexpr char defaultTokenEndpoint[] = "https://oauth2.googleapis.com/token";
    /// The assertion's lifetime: Google allows at most an hour.
    static constexpr qint64 assertionSeconds = 3600;

    GceCredentials() = default;
    GceCredentials(const Account &account, const QVariantMap &secrets);

    [[nodiscard]] Kind kind() const;
    [[nodiscard]] const QString &projectId() const { return m_projectId; }
    [[nodiscard]] const QString &clientEmail() const { return m_clientEmail; }
    [[nodiscard]] QUrl tokenEndpoint() const { return m_tokenEndpoint; }
    /// Who the credentials are, for verify(): the service account, or the OAuth client's user.
    [[nodiscard]] QString who() const;

    /// The grant's form fields, the assertion signed at @p nowSeconds (service accounts), or
    /// CredentialsMissing / InvalidInput.
    [[nodiscard]] Result<OAuthTokenEndpoint::Fields> grant(qint64 nowSeconds) const;
    /// grant() as the POST to the token endpoint (OAuthTokenEndpoint's form request).
    [[nodiscard]] Result<HttpRequest> tokenRequest(qint64 nowSeconds) const;

private:
    QString m_projectId;
    QString m_clientEmail;
    QString m_privateKeyId;
    QString m_privateKey;
    QString m_clientId;
    QString m_clientSecret;
    QString m_refreshToken;
    QUrl m_tokenEndpoint;
};
