#include "awssigner.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QUrl>
#include <algorithm>
#include <map>

namespace {
QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
           || c == '_' || c == '.' || c == '~';
}

/// The decoded path with "." and ".." resolved and empty segments dropped (RFC 3986 section 5.2.4
/// plus SigV4's "//" rule); a trailing slash is kept.
QByteArray normalizedPath(const QByteArray &path)
{
    const QList<QByteArray> segments = path.split('/');
    QList<QByteArray> kept;
    for (const QByteArray &segment : segments) {
        if (segment.isEmpty() || segment == ".")
            continue;
        if (segment == "..") {
            if (!kept.isEmpty())
                kept.removeLast();
            continue;
        }
        kept.append(segment);
    }
    if (kept.isEmpty())
        return QByteArrayLiteral("/");
    QByteArray result = '/' + kept.join('/');
    const QByteArray &last = segments.constLast();
    if (last.isEmpty() || last == "." || last == "..")
        result += '/';
    return result;
}

QByteArray canonicalQuery(const QUrl &url)
{
    const QByteArray query = url.query(QUrl::FullyEncoded).toUtf8();
    QList<std::pair<QByteArray, QByteArray>> pairs;
    for (const QByteArray &item : query.split('&')) {
        if (item.isEmpty())
            continue;
        const qsizetype equals = item.indexOf('=');
        const QByteArray key = equals < 0 ? item : item.left(equals);
        const QByteArray value = equals < 0 ? QByteArray() : item.mid(equals + 1);
        pairs.append({AwsSigner::uriEncode(QByteArray::fromPercentEncoding(key)),
                      AwsSigner::uriEncode(QByteArray::fromPercentEncoding(value))});
    }
    // Sorted by encoded name, then by value for repeated names (byte order, so "Param2" sorts
    // after "Param10" and upper case before lower case).
    std::sort(pairs.begin(), pairs.end());
    QByteArrayList parts;
    parts.reserve(pairs.size());
    for (const auto &[key, value] : std::as_const(pairs))
        parts.append(key + '=' + value);
    return parts.join('&');
}
} // namespace

AwsSigner::AwsSigner(Credentials credentials, QString service)
    : m_credentials(std::move(credentials))
    , m_service(std::move(service))
{ }

QByteArray AwsSigner::uriEncode(const QByteArray &bytes, bool keepSlash)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    QByteArray encoded;
    encoded.reserve(bytes.size() * 3);
    for (const char c : bytes) {
        if (isUnreserved(c) || (keepSlash && c == '/')) {
            encoded.append(c);
        } else {
            const auto byte = static_cast<unsigned char>(c);
            encoded.append('%');
            encoded.append(hex[byte >> 4]);
            encoded.append(hex[byte & 0xf]);
        }
    }
    return encoded;
}

QByteArray AwsSigner::hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLower().toUtf8();
    if (host.contains(':')) // an IPv6 literal travels in brackets
        host = '[' + host + ']';
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    if (url.port() != -1 && url.port() != defaultPort)
        host += ':' + QByteArray::number(url.port());
    return host;
}

QByteArray AwsSigner::amzDate(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray AwsSigner::credentialScope(const QDate &date, const QString &region,
                                      const QString &service)
{
    return date.toString(QStringLiteral("yyyyMMdd")).toLatin1() + '/' + region.toUtf8() + '/'
           + service.toUtf8() + "/aws4_request";
}

QByteArray AwsSigner::canonicalRequest(const HttpRequest &request, QByteArray *signedHeaders)
{
    // Header names sorted (std::map orders bytes), values of repeated names joined by commas in
    // the order sent, each trimmed with inner runs of white space collapsed.
    std::map<QByteArray, QByteArrayList> headers;
    for (const auto &[name, value] : request.headers) {
        const QByteArray lower = name.toLower();
        if (lower == "authorization")
            continue;
        headers[lower].append(value.simplified());
    }
    if (headers.find("host") == headers.end())
        headers["host"].append(hostHeader(request.url));

    QByteArray canonicalHeaders;
    QByteArrayList names;
    for (const auto &[name, values] : headers) {
        canonicalHeaders += name + ':' + values.join(',') + '\n';
        names.append(name);
    }
    const QByteArray signedList = names.join(';');
    if (signedHeaders)
        *signedHeaders = signedList;

    const QByteArray path =
        QByteArray::fromPercentEncoding(request.url.path(QUrl::FullyEncoded).toUtf8());
    return request.method.toUpper() + '\n' + uriEncode(normalizedPath(path), true) + '\n'
           + canonicalQuery(request.url) + '\n' + canonicalHeaders + '\n' + signedList + '\n'
           + sha256Hex(request.body);
}

QByteArray AwsSigner::stringToSign(const QDateTime &time, const QString &region,
                                   const QString &service, const QByteArray &canonicalRequest)
{
    return "AWS4-HMAC-SHA256\n" + amzDate(time) + '\n'
           + credentialScope(time.toUTC().date(), region, service) + '\n'
           + sha256Hex(canonicalRequest);
}

QByteArray AwsSigner::signingKey(const QString &secretAccessKey, const QDate &date,
                                 const QString &region, const QString &service)
{
    const QByteArray dateKey = hmac("AWS4" + secretAccessKey.toUtf8(),
                                    date.toString(QStringLiteral("yyyyMMdd")).toLatin1());
    const QByteArray regionKey = hmac(dateKey, region.toUtf8());
    const QByteArray serviceKey = hmac(regionKey, service.toUtf8());
    return hmac(serviceKey, QByteArrayLiteral("aws4_request"));
}

void AwsSigner::sign(HttpRequest &request, const QString &region) const
{
    (void)signWithDetails(request, region);
}

AwsSigner::Details AwsSigner::signWithDetails(HttpRequest &request, const QString &region) const
{
    const QDateTime now = (m_clock ? m_clock() : QDateTime::currentDateTimeUtc()).toUTC();
    request.headers.removeIf([](const std::pair<QByteArray, QByteArray> &header) {
        return header.first.compare("Authorization", Qt::CaseInsensitive) == 0;
    });
    request.setHeader("X-Amz-Date", amzDate(now));
    if (!m_credentials.sessionToken.isEmpty())
        request.setHeader("X-Amz-Security-Token", m_credentials.sessionToken.toUtf8());

    Details details;
    details.canonicalRequest = canonicalRequest(request, &details.signedHeaders);
    details.stringToSign = stringToSign(now, region, m_service, details.canonicalRequest);
    const QByteArray key = signingKey(m_credentials.secretAccessKey, now.date(), region, m_service);
    details.signature = hmac(key, details.stringToSign).toHex();
    details.authorization = "AWS4-HMAC-SHA256 Credential=" + m_credentials.accessKeyId.toUtf8()
                            + '/' + credentialScope(now.date(), region, m_service)
                            + ", SignedHeaders=" + details.signedHeaders
                            + ", Signature=" + details.signature;
    request.setHeader("Authorization", details.authorization);
    return details;
}
