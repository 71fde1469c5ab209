#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

/**
 * @brief Checks a service-account JWT the way Google's token endpoint would, independently of
 * the plugin's signer: three base64url parts, an RS256 header naming the key, and a signature
 * that verifies with the test key's PUBLIC half (OpenSSL EVP_DigestVerify).
 */
class JwtVerifier
{
public:
    struct Verified
    {
        QJsonObject header;
        QJsonObject claims;
        QString failure; ///< empty when the JWT is well formed and its signature holds
    };
    /// @p publicKeyPem: "-----BEGIN PUBLIC KEY-----" (SubjectPublicKeyInfo).
    [[nodiscard]] static Verified verify(const QByteArray &jwt, const QByteArray &publicKeyPem);
};
