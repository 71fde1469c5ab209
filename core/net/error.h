#pragma once

#include "clouddeck_core_export.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

/**
 * @brief The one error type of CloudDeck: a kind the code can branch on and a message a user can
 * act on.
 *
 * Messages never contain secrets: they are built from status codes, provider error bodies (which do
 * not echo credentials) and our own text.
 */
class CLOUDDECK_CORE_EXPORT Error
{
    Q_GADGET
public:
    enum Kind {
        None,
        Auth, ///< 401: the token/key is wrong, expired or revoked
        Forbidden, ///< 403: the credential lacks a permission
        NotFound, ///< 404
        RateLimited, ///< 429 or the provider's throttling code, after our retries
        Network, ///< unreachable, DNS, connection refused/reset
        Timeout, ///< no reply within the request's timeout
        Tls, ///< certificate not trusted, changed, or handshake failed
        Server, ///< 5xx
        InvalidReply, ///< the reply was not what the API documents (malformed, truncated, wrong
                      ///< shape)
        BadRequest, ///< 400/409/422: the provider rejected what we asked (message from its body)
        Insecure, ///< refused before sending: plain http to a non-loopback host
        Unsupported, ///< the provider does not offer this operation
        CredentialsMissing, ///< the keychain has no secret for this account
        Keychain, ///< the OS keychain is unavailable or locked
        InvalidInput, ///< the user's input was rejected before any request
        Cancelled,
    };
    Q_ENUM(Kind)

    Error() = default;
    Error(Kind kind, QString message, int httpStatus = 0);

    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] bool isError() const { return m_kind != None; }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] int httpStatus() const { return m_httpStatus; }
    /// The provider's own error code ("unauthorized", "AuthFailure"), when it gave one.
    [[nodiscard]] QString providerCode() const { return m_providerCode; }
    void setProviderCode(const QString &code) { m_providerCode = code; }
    /// For Tls errors: SHA-256 of the certificate the server presented (hex), so a UI can offer to
    /// pin.
    [[nodiscard]] QByteArray peerCertificateSha256() const { return m_peerCertificateSha256; }
    void setPeerCertificateSha256(const QByteArray &hex) { m_peerCertificateSha256 = hex; }
    /// Seconds the server asked us to wait (Retry-After), or -1.
    [[nodiscard]] int retryAfterSeconds() const { return m_retryAfterSeconds; }
    void setRetryAfterSeconds(int seconds) { m_retryAfterSeconds = seconds; }

    /// "auth", "network", ...: stable ids for JSON and tests.
    [[nodiscard]] static QString kindId(Kind kind);
    /// Kind for an HTTP status code (2xx gives None).
    [[nodiscard]] static Kind kindForStatus(int status);

private:
    Kind m_kind = None;
    QString m_message;
    int m_httpStatus = 0;
    QString m_providerCode;
    QByteArray m_peerCertificateSha256;
    int m_retryAfterSeconds = -1;
};

Q_DECLARE_METATYPE(Error)
