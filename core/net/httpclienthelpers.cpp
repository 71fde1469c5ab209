// HttpClient's stateless helpers: what is loopback, what a log line may show, certificate
// fingerprints, and whether a reply broke off. Kept apart from the request machinery.
#include "httpclient.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QSslCertificate>
#include <QUrlQuery>

bool HttpClient::isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString HttpClient::redactedUrl(const QUrl &url)
{
    static const QStringList secretKeys = {QStringLiteral("x-amz-signature"),
                                           QStringLiteral("x-amz-credential"),
                                           QStringLiteral("x-amz-security-token"),
                                           QStringLiteral("signature"),
                                           QStringLiteral("token"),
                                           QStringLiteral("access_token"),
                                           QStringLiteral("api_key"),
                                           QStringLiteral("apikey"),
                                           QStringLiteral("password"),
                                           QStringLiteral("secret")};
    QUrl copy = url;
    copy.setUserInfo({});
    QUrlQuery query(copy);
    auto items = query.queryItems(QUrl::FullyEncoded);
    for (auto &item : items) {
        if (secretKeys.contains(item.first.toLower()))
            item.second = QStringLiteral("REDACTED");
    }
    query.setQueryItems(items);
    copy.setQuery(query);
    return copy.toString(QUrl::FullyEncoded);
}

QString HttpClient::redactedHeaders(const HttpRequest &request)
{
    static const QList<QByteArray> secretHeaders = {"authorization", "x-amz-security-token",
                                                    "x-auth-token",  "x-api-key",
                                                    "cookie",        "proxy-authorization"};
    QStringList lines;
    for (const auto &[name, value] : request.headers) {
        const bool secret = secretHeaders.contains(name.toLower());
        lines.append(QString::fromLatin1(name) + QStringLiteral(": ")
                     + (secret ? QStringLiteral("REDACTED") : QString::fromUtf8(value)));
    }
    return lines.join(QLatin1Char('\n'));
}

QByteArray HttpClient::certificateSha256(const QSslCertificate &certificate)
{
    return certificate.digest(QCryptographicHash::Sha256).toHex();
}

bool HttpClient::isCutOff(const HttpRequest &request, const HttpResponse &response)
{
    // Under load QNAM (Qt 6.4) now and then reports a body that broke off as complete; the
    // announced length tells. Compressed bodies are measured after QNAM inflated them, so only an
    // unencoded body can be checked.
    bool ok = false;
    const qint64 announced = response.header("Content-Length").toLongLong(&ok);
    const QByteArray encoding = response.header("Content-Encoding").trimmed().toLower();
    if (!ok || request.method == "HEAD" || !(encoding.isEmpty() || encoding == "identity"))
        return false;
    if (response.body.size() == announced)
        return false;
    qCWarning(lcNet) << "reply body has" << response.body.size() << "of" << announced
                     << "announced bytes: treating it as cut off";
    return true;
}
