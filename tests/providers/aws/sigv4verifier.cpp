#include "sigv4verifier.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <algorithm>

namespace {
QByteArray encode(const QByteArray &decoded, const QByteArray &keep = {})
{
    // Qt leaves exactly RFC 3986's unreserved characters alone and writes upper-case hex.
    return decoded.toPercentEncoding(keep);
}

QByteArray mac(const QByteArray &key, const QByteArray &data)
{
    QMessageAuthenticationCode code(QCryptographicHash::Sha256, key);
    code.addData(data);
    return code.result();
}

QList<QByteArray> headerValues(const QList<std::pair<QByteArray, QByteArray>> &headers,
                               const QByteArray &lowerName)
{
    QList<QByteArray> values;
    for (const auto &header : headers) {
        if (header.first.toLower() == lowerName)
            values.append(header.second.simplified());
    }
    return values;
}

SigV4Verdict fail(SigV4Verdict verdict, const QString &why)
{
    verdict.valid = false;
    verdict.failure = why;
    return verdict;
}
} // namespace

SigV4Verdict verifySigV4(const QByteArray &method, const QByteArray &target,
                         const QList<std::pair<QByteArray, QByteArray>> &headers,
                         const QByteArray &body, const QString &accessKeyId,
                         const QString &secretAccessKey, const QDateTime &now, int maxSkewSeconds)
{
    SigV4Verdict verdict;
    const QList<QByteArray> authorizations = headerValues(headers, "authorization");
    if (authorizations.size() != 1)
        return fail(verdict, QStringLiteral("expected one Authorization header"));
    const QByteArray authorization = authorizations.first();
    const QByteArray algorithm = "AWS4-HMAC-SHA256 ";
    if (!authorization.startsWith(algorithm))
        return fail(verdict, QStringLiteral("not AWS4-HMAC-SHA256"));

    QByteArray credential, signedList, signature;
    for (const QByteArray &part : authorization.mid(algorithm.size()).split(',')) {
        const QByteArray field = part.trimmed();
        if (field.startsWith("Credential="))
            credential = field.mid(11);
        else if (field.startsWith("SignedHeaders="))
            signedList = field.mid(14);
        else if (field.startsWith("Signature="))
            signature = field.mid(10);
    }
    const QList<QByteArray> scope = credential.split('/');
    if (scope.size() != 5 || scope.at(4) != "aws4_request")
        return fail(verdict, QStringLiteral("malformed credential scope: ")
                                 + QString::fromLatin1(credential));
    verdict.accessKeyId = QString::fromLatin1(scope.at(0));
    verdict.date = QString::fromLatin1(scope.at(1));
    verdict.region = QString::fromLatin1(scope.at(2));
    verdict.service = QString::fromLatin1(scope.at(3));
    verdict.signedHeaders = signedList.split(';');
    if (verdict.accessKeyId != accessKeyId)
        return fail(verdict, QStringLiteral("unknown access key ") + verdict.accessKeyId);

    const QList<QByteArray> dates = headerValues(headers, "x-amz-date");
    if (dates.size() != 1)
        return fail(verdict, QStringLiteral("expected one X-Amz-Date header"));
    QDateTime sent = QDateTime::fromString(QString::fromLatin1(dates.first()),
                                           QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    sent.setTimeSpec(Qt::UTC);
    if (!sent.isValid())
        return fail(verdict, QStringLiteral("unreadable X-Amz-Date"));
    if (!dates.first().startsWith(scope.at(1)))
        return fail(verdict, QStringLiteral("X-Amz-Date and the credential scope disagree"));
    if (maxSkewSeconds >= 0 && std::abs(sent.secsTo(now)) > maxSkewSeconds)
        return fail(verdict, QStringLiteral("X-Amz-Date is too far from now"));
    for (const QByteArray &required : {QByteArray("host"), QByteArray("x-amz-date")}) {
        if (!verdict.signedHeaders.contains(required))
            return fail(verdict,
                        QStringLiteral("%1 is not signed").arg(QString::fromLatin1(required)));
    }
    if (!headerValues(headers, "x-amz-security-token").isEmpty()
        && !verdict.signedHeaders.contains("x-amz-security-token"))
        return fail(verdict, QStringLiteral("the security token is not signed"));
    QByteArrayList sortedHeaders = verdict.signedHeaders;
    std::sort(sortedHeaders.begin(), sortedHeaders.end());
    if (sortedHeaders != verdict.signedHeaders)
        return fail(verdict, QStringLiteral("SignedHeaders is not sorted"));

    // The canonical request, from what arrived.
    const qsizetype question = target.indexOf('?');
    const QByteArray rawPath = question < 0 ? target : target.left(question);
    const QByteArray rawQuery = question < 0 ? QByteArray() : target.mid(question + 1);
    QByteArray path = encode(QByteArray::fromPercentEncoding(rawPath), "/");
    if (path.isEmpty())
        path = "/";
    QList<QByteArray> queryParts;
    for (const QByteArray &item : rawQuery.split('&')) {
        if (item.isEmpty())
            continue;
        const qsizetype equals = item.indexOf('=');
        const QByteArray name =
            QByteArray::fromPercentEncoding(equals < 0 ? item : item.left(equals));
        const QByteArray value =
            equals < 0 ? QByteArray() : QByteArray::fromPercentEncoding(item.mid(equals + 1));
        queryParts.append(encode(name) + '=' + encode(value));
    }
    std::sort(queryParts.begin(), queryParts.end());
    QByteArray canonicalHeaders;
    for (const QByteArray &name : std::as_const(verdict.signedHeaders)) {
        const QList<QByteArray> values = headerValues(headers, name);
        if (values.isEmpty())
            return fail(
                verdict,
                QStringLiteral("signed header %1 was not sent").arg(QString::fromLatin1(name)));
        canonicalHeaders += name + ':' + QByteArrayList(values).join(',') + '\n';
    }
    verdict.canonicalRequest = method + '\n' + path + '\n' + QByteArrayList(queryParts).join('&')
                               + '\n' + canonicalHeaders + '\n' + signedList + '\n'
                               + QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();

    const QByteArray stringToSign =
        "AWS4-HMAC-SHA256\n" + dates.first() + '\n' + credential.mid(credential.indexOf('/') + 1)
        + '\n'
        + QCryptographicHash::hash(verdict.canonicalRequest, QCryptographicHash::Sha256).toHex();
    QByteArray key = mac("AWS4" + secretAccessKey.toUtf8(), scope.at(1));
    key = mac(key, scope.at(2));
    key = mac(key, scope.at(3));
    key = mac(key, "aws4_request");
    const QByteArray expected = mac(key, stringToSign).toHex();
    if (expected != signature)
        return fail(verdict, QStringLiteral("signature mismatch"));
    verdict.valid = true;
    return verdict;
}
