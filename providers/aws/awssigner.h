#pragma once

#include "httprequest.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <functional>

/**
 * @brief AWS Signature Version 4, written on Qt's own crypto (QCryptographicHash and
 * QMessageAuthenticationCode).
 *
 * sign() adds X-Amz-Date, X-Amz-Security-Token (temporary credentials only) and Authorization to
 * a request. Every header the request carries at that moment is signed, plus Host (taken from the
 * URL, with the port when it is not the scheme's default, exactly as QNetworkAccessManager sends
 * it). HttpClient calls the provider's authorizer before each attempt, so a retry is signed again
 * with a fresh time. The time comes from an injectable clock so the published test vectors can be
 * reproduced byte for byte. Each step is public for the same reason.
 */
class AwsSigner
{
public:
    struct Credentials
    {
        QString accessKeyId;
        QString secretAccessKey;
        QString sessionToken; ///< temporary credentials (STS) only; empty otherwise
    };
    using Clock = std::function<QDateTime()>;

    /// Everything one signature produced, for tests and for diagnosing a SignatureDoesNotMatch.
    struct Details
    {
        QByteArray canonicalRequest;
        QByteArray signedHeaders; ///< "content-type;host;x-amz-date"
        QByteArray stringToSign;
        QByteArray signature; ///< lower-case hex
        QByteArray authorization; ///< the Authorization header's value
    };

    AwsSigner(Credentials credentials, QString service);

    /// Replaces the clock (default: the current UTC time).
    void setClock(Clock clock) { m_clock = std::move(clock); }
    [[nodiscard]] QString service() const { return m_service; }
    [[nodiscard]] QString accessKeyId() const { return m_credentials.accessKeyId; }

    /// Signs @p request for @p region in place.
    void sign(HttpRequest &request, const QString &region) const;
    /// sign(), returning the intermediate values too.
    Details signWithDetails(HttpRequest &request, const QString &region) const;

    /// Task 1: the canonical request of @p request as it stands (its headers plus Host), and the
    /// signed header names through @p signedHeaders.
    [[nodiscard]] static QByteArray canonicalRequest(const HttpRequest &request,
                                                     QByteArray *signedHeaders = nullptr);
    /// Task 2: "AWS4-HMAC-SHA256\n<amz date>\n<scope>\n<hex sha256 of the canonical request>".
    [[nodiscard]] static QByteArray stringToSign(const QDateTime &time, const QString &region,
                                                 const QString &service,
                                                 const QByteArray &canonicalRequest);
    /// Task 3: HMAC chain "AWS4"+secret -> date -> region -> service -> "aws4_request".
    [[nodiscard]] static QByteArray signingKey(const QString &secretAccessKey, const QDate &date,
                                               const QString &region, const QString &service);
    /// "20150830/us-east-1/iam/aws4_request"
    [[nodiscard]] static QByteArray credentialScope(const QDate &date, const QString &region,
                                                    const QString &service);
    /// "20150830T123600Z"
    [[nodiscard]] static QByteArray amzDate(const QDateTime &time);
    /// RFC 3986 encoding as SigV4 wants it: only A-Z a-z 0-9 - _ . ~ stay, everything else is
    /// %XX with upper-case hex; '/' stays too when @p keepSlash (paths).
    [[nodiscard]] static QByteArray uriEncode(const QByteArray &bytes, bool keepSlash = false);
    /// "Host" as QNetworkAccessManager sends it for @p url: the host, plus ":port" when the port
    /// is not the scheme's default.
    [[nodiscard]] static QByteArray hostHeader(const QUrl &url);

private:
    Credentials m_credentials;
    QString m_service;
    Clock m_clock;
};
