#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QDateTime>
#include <QList>
#include <QString>
#include <utility>

/// @brief What the independent check found in one request's AWS signature.
struct SigV4Verdict
{
    bool valid = false;
    QString failure; ///< why not, for the test log
    QString accessKeyId;
    QString date; ///< the credential scope's date, "20150830"
    QString region;
    QString service;
    QByteArrayList signedHeaders;
    QByteArray canonicalRequest; ///< as this check built it (for a failure's log)
};

/**
 * @brief A second, deliberately plain implementation of AWS Signature Version 4 verification,
 * used by the fake EC2 endpoint on what it actually received (the request target, the headers
 * as sent on the wire, the body).
 *
 * It shares no code with AwsSigner, the implementation under test: percent-encoding comes from
 * QByteArray::toPercentEncoding, header folding from QByteArray::simplified, and the HMAC chain
 * is written out here, so a mistake in the signer cannot be mirrored by its checker.
 */
[[nodiscard]] SigV4Verdict verifySigV4(const QByteArray &method, const QByteArray &target,
                                       const QList<std::pair<QByteArray, QByteArray>> &headers,
                                       const QByteArray &body, const QString &accessKeyId,
                                       const QString &secretAccessKey, const QDateTime &now,
                                       int maxSkewSeconds = 300);
