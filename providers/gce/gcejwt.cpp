#include "gcejwt.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <memory>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace {
struct BioFree
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
struct KeyFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct ContextFree
{
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};

/// Refuses every pass phrase: without a callback OpenSSL would prompt on the terminal.
int noPassphrase(char *, int, int, void *)
{
    return 0;
}
} // namespace

QByteArray GceJwt::base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

Result<QByteArray> GceJwt::sign(const QByteArray &privateKeyPem, const QString &keyId,
                                const Claims &claims)
{
    QJsonObject header {{QStringLiteral("alg"), QStringLiteral("RS256")},
                        {QStringLiteral("typ"), QStringLiteral("JWT")}};
    if (!keyId.isEmpty())
        header.insert(QStringLiteral("kid"), keyId);
    const QJsonObject payload {{QStringLiteral("iss"), claims.issuer},
                               {QStringLiteral("scope"), claims.scope},
                               {QStringLiteral("aud"), claims.audience},
                               {QStringLiteral("iat"), claims.issuedAt},
                               {QStringLiteral("exp"), claims.expiresAt}};
    const QByteArray signingInput =
        base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact));

    // OpenSSL's error queue is per thread and shared with Qt's TLS: leave nothing in it.
    const auto unreadable = [] {
        ERR_clear_error();
        return Error(Error::InvalidInput,
                     tr("The service account's private key is not a readable RSA key. Import "
                        "the JSON key file again."));
    };
    std::unique_ptr<BIO, BioFree> bio(
        BIO_new_mem_buf(privateKeyPem.constData(), int(privateKeyPem.size())));
    if (!bio)
        return unreadable();
    std::unique_ptr<EVP_PKEY, KeyFree> key(
        PEM_read_bio_PrivateKey(bio.get(), nullptr, &noPassphrase, nullptr));
    if (!key || EVP_PKEY_base_id(key.get()) != EVP_PKEY_RSA)
        return unreadable();
    std::unique_ptr<EVP_MD_CTX, ContextFree> context(EVP_MD_CTX_new());
    size_t length = 0;
    const auto *input = reinterpret_cast<const unsigned char *>(signingInput.constData());
    if (!context
        || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1
        || EVP_DigestSign(context.get(), nullptr, &length, input, size_t(signingInput.size())) != 1)
        return unreadable();
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       input, size_t(signingInput.size()))
        != 1)
        return unreadable();
    signature.truncate(qsizetype(length));
    return signingInput + '.' + base64Url(signature);
}
