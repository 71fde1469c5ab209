#pragma once

#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

/**
 * @brief The signed JWT a Google service account exchanges for an access token (RFC 7523, as
 * Google's "Using OAuth 2.0 for Server to Server Applications" describes it): header
 * {"alg":"RS256","typ":"JWT","kid":<key id>}, claims iss, scope, aud, iat and exp, signed
 * RSASSA-PKCS1-v1_5 with SHA-256 by the key file's private key.
 *
 * The signature is OpenSSL's: Qt has no RSA signing API, and OpenSSL is what Qt Network already
 * uses for TLS on Linux, so it adds no new dependency there. Never hand-written RSA.
 */
class GceJwt
{
    Q_DECLARE_TR_FUNCTIONS(GceJwt)
public:
    struct Claims
    {
        QString issuer; ///< the service account's client_email
        QString scope;
        QString audience;
        qint64 issuedAt = 0; ///< seconds since the epoch
        qint64 expiresAt = 0; ///< at most an hour after issuedAt (Google refuses longer)
    };

    /// The longest lifetime Google accepts for an assertion.
    static constexpr qint64 maxLifetimeSeconds = 3600;

    /// "header.claims.signature", each part base64url without padding; or InvalidInput when
    /// @p privateKeyPem is not a readable RSA private key (an encrypted one included: key files
    /// are never encrypted, and asking for a pass phrase on a terminal would hang).
    [[nodiscard]] static Result<QByteArray> sign(const QByteArray &privateKeyPem,
                                                 const QString &keyId, const Claims &claims);
    /// base64url without padding (RFC 7515 section 2).
    [[nodiscard]] static QByteArray base64Url(const QByteArray &data);
};
