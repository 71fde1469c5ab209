#include "gcecredentials.h"

#include "gcejwt.h"
#include "httprequest.h"

#include <QUrlQuery>

GceCredentials::GceCredentials(const Account &account, const QVariantMap &secrets)
    : m_projectId(account.settings.value(QStringLiteral("projectId")).toString().trimmed())
    , m_clientEmail(account.settings.value(QStringLiteral("clientEmail")).toString().trimmed())
    , m_privateKeyId(account.settings.value(QStringLiteral("privateKeyId")).toString().trimmed())
    , m_privateKey(secrets.value(QStringLiteral("privateKey")).toString())
    , m_clientId(account.settings.value(QStringLiteral("clientId")).toString().trimmed())
    , m_clientSecret(secrets.value(QStringLiteral("clientSecret")).toString().trimmed())
    , m_refreshToken(secrets.value(QStringLiteral("refreshToken")).toString().trimmed())
{
    const QString endpoint = account.settings.value(QStringLiteral("tokenEndpoint")).toString().trimmed();
    m_tokenEndpoint = QUrl(endpoint.isEmpty() ? QString::fromLatin1(defaultTokenEndpoint) : endpoint);
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

Result<HttpRequest> GceCredentials::tokenRequest(qint64 nowSeconds) const
{
    QUrlQuery form;
    switch (kind()) {
    case None:
        return Error(Error::CredentialsMissing,
                     tr("This Google Compute Engine account has no service-account key or "
                        "application default credentials. Edit the account and import the "
                        "JSON key file."));
    case ServiceAccount: {
        const GceJwt::Claims claims {m_clientEmail, QString::fromLatin1(scope),
                                     QString::fromLatin1(defaultTokenEndpoint), nowSeconds,
                                     nowSeconds + assertionSeconds};
        const Result<QByteArray> assertion = GceJwt::sign(m_privateKey.toUtf8(), m_privateKeyId, claims);
        if (!assertion.ok())
            return assertion.error();
        form.addQueryItem(QStringLiteral("grant_type"),
                          QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer"));
        form.addQueryItem(QStringLiteral("assertion"), QString::fromLatin1(assertion.value()));
        break;
    }
    case AuthorizedUser:
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
        form.addQueryItem(QStringLiteral("client_id"), m_clientId);
        form.addQueryItem(QStringLiteral("client_secret"), m_clientSecret);
        form.addQueryItem(QStringLiteral("refresh_token"), m_refreshToken);
        break;
    }
    HttpRequest request = HttpRequest::make("POST", m_tokenEndpoint);
    // QUrlQuery leaves '+' and '=' as they are; a form body needs every reserved character
    // escaped (the refresh token and client secret may hold any).
    QByteArrayList pairs;
    for (const auto &[key, value] : form.queryItems(QUrl::FullyDecoded))
        pairs.append(QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value));
    request.body = pairs.join('&');
    request.setHeader("Content-Type", "application/x-www-form-urlencoded");
    // Asking for a token twice grants two tokens and changes nothing: safe to retry.
    request.idempotent = true;
    return request;
}
