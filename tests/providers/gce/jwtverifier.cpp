#include "jwtverifier.h"

#include <QJsonDocument>
#include <memory>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace {
QByteArray fromBase64Url(const QByteArray &part, bool *ok)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        part, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    *ok = bool(decoded) && !part.contains('=');
    return *decoded;
}
} // namespace

JwtVerifier::Verified JwtVerifier::verify(const QByteArray &jwt, const QByteArray &publicKeyPem)
{
    Verified result;
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3) {
        result.failure = QStringLiteral("not three parts");
        return result;
    }
    bool ok[3] = {};
    const QByteArray header = fromBase64Url(parts[0], &ok[0]);
    const QByteArray claims = fromBase64Url(parts[1], &ok[1]);
    const QByteArray signature = fromBase64Url(parts[2], &ok[2]);
    if (!ok[0] || !ok[1] || !ok[2]) {
        result.failure = QStringLiteral("a part is not unpadded base64url");
        return result;
    }
    result.header = QJsonDocument::fromJson(header).object();
    result.claims = QJsonDocument::fromJson(claims).object();
    if (result.header.value(QLatin1String("alg")) != QLatin1String("RS256")
        || result.header.value(QLatin1String("typ")) != QLatin1String("JWT")) {
        result.failure = QStringLiteral("header is not alg RS256, typ JWT");
        return result;
    }
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(publicKeyPem.constData(), int(publicKeyPem.size())), &BIO_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                    &EVP_MD_CTX_free);
    const QByteArray input = parts[0] + '.' + parts[1];
    const bool verified =
        key && context
        && EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) == 1
        && EVP_DigestVerify(
               context.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
               size_t(signature.size()), reinterpret_cast<const unsigned char *>(input.constData()),
               size_t(input.size()))
               == 1;
    ERR_clear_error();
    if (!verified)
        result.failure = QStringLiteral("the signature does not verify with the public key");
    return result;
}
