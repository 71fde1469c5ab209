#include "gcecredentials.h"

#include "gcejwt.h"

GceCredentials::GceCredentials(const Account &account, const QVariantMap &secrets)
    : m_projectId(account.settings.value(QStringLiteral("projectId")).toString().trimmed())
    , m_clientEmail(account.settings.value(QStringLiteral("clientEmail")).toString().trimmed())
    , m_privateKeyId(account.settings.value(QStringLiteral("privateKeyId")).toString().trimmed())
    , m_privateKey(secrets.value(QStringLiteral("privateKey")).toString())
    , m_clientId(account.settings.value(QStringLiteral("clientId")).toString().trimmed())
    , m_clientSecret(secrets.value(QStringLiteral("clientSecret")).toString().trimmed())
    , m_refreshToken(secrets.value(QStringLiteral("refreshToken")).toString().trimmed())
{
    const QString endpoint =
        account.settings.value(QStringLiteral("tokenEndpoint")).toString().trimmed();
    m_tokenEndpoint =
        QUrl(endpoint.isEmpty() ? QString::fromLatin1(defaultTokenEndpoint) : endpoint);
}

GceCredentials::Kind GceCredentials::kind() const
{
    if (!m_clientEmail.isEmpty() && !m_privateKey.isEmpty())
        return ServiceAccount;
    if (!m_clientId.isEmpty() && !m_clientSecret.isEmpty() && !m_refreshToken.isEmpty())
        return AuthorizedUser;
    return None;
}

QString GceCredentials::who() const
{
    if (kind() == ServiceAccount)
        return m_clientEmail;
    return tr("gcloud application default credentials");
}

Result<OAuthTokenEndpoint::Fields> GceCredentials::grant(qint64 nowSeconds) const
{
    switch (kind()) {
    case None:
        break;
    case ServiceAccount: {
        const GceJwt::Claims claims {m_clientEmail, QString::fromLatin1(scope),
                                     QString::fromLatin1(defaultTokenEndpoint), nowSeconds,
                                     nowSeconds + assertionSeconds};
        const Result<QByteArray> assertion =
            GceJwt::sign(m_privateKey.toUtf8(), m_privateKeyId, claims);
        if (!assertion.ok())
            return assertion.error();
        return OAuthTokenEndpoint::Fields {
            {QStringLiteral("grant_type"),
             QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer")},
            {QStringLiteral("assertion"), QString::fromLatin1(assertion.value())}};
    }
    case AuthorizedUser:
        return OAuthTokenEndpoint::Fields {
            {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
            {QStringLiteral("client_id"), m_clientId},
            {QStringLiteral("client_secret"), m_clientSecret},
            {QStringLiteral("refresh_token"), m_refreshToken}};
    }
    return Error(Error::CredentialsMissing,
                 tr("This Google Compute Engine account has no service-account key or "
                    "application default credentials. Edit the account and import the JSON "
                    "key file."));
}

Result<HttpRequest> GceCredentials::tokenRequest(qint64 nowSeconds) const
{
    const Result<OAuthTokenEndpoint::Fields> fields = grant(nowSeconds);
    if (!fields.ok())
        return fields.error();
    return OAuthTokenEndpoint::formRequest(m_tokenEndpoint, fields.value());
}
