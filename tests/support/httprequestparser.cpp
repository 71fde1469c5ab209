#include "httprequestparser.h"

#include <QString>

namespace {
constexpr qsizetype maxHeadSize = 64 * 1024;
const QByteArray crlf = QByteArrayLiteral("\r\n");
const QByteArray headEnd = QByteArrayLiteral("\r\n\r\n");
} // namespace

QByteArray HttpRequestParser::Request::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpRequestParser::headExpectsContinue() const
{
    const qsizetype end = m_buffer.indexOf(headEnd);
    return end >= 0 && m_buffer.left(end).toLower().contains("\nexpect: 100-continue");
}

HttpRequestParser::Status HttpRequestParser::take(Request *request)
{
    // Tolerate stray empty lines between requests (RFC 9112 section 2.2).
    while (m_buffer.startsWith(crlf))
        m_buffer.remove(0, 2);
    const qsizetype end = m_buffer.indexOf(headEnd);
    if (end < 0) {
        if (m_buffer.size() > maxHeadSize) {
            m_error = QStringLiteral("request head larger than %1 bytes").arg(maxHeadSize);
            return Status::Malformed;
        }
        return Status::Incomplete;
    }

    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || requestLine.at(0).isEmpty()
        || !requestLine.at(2).startsWith("HTTP/1.")) {
        m_error = QStringLiteral("bad request line \"%1\"").arg(QString::fromLatin1(lines.first()));
        return Status::Malformed;
    }
    Request parsed;
    parsed.method = requestLine.at(0);
    parsed.target = requestLine.at(1);
    parsed.version = requestLine.at(2);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            m_error = QStringLiteral("bad header line \"%1\"").arg(QString::fromLatin1(line));
            return Status::Malformed;
        }
        parsed.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }

    const QByteArray connection = parsed.header("Connection").toLower();
    parsed.keepAlive = parsed.version == "HTTP/1.1" ? !connection.contains("close")
                                                    : connection.contains("keep-alive");

    const qsizetype bodyStart = end + headEnd.size();
    qsizetype consumed = bodyStart;
    if (parsed.header("Transfer-Encoding").toLower().contains("chunked")) {
        consumed = readChunked(bodyStart, &parsed.body);
        if (consumed == -2) {
            m_error = QStringLiteral("malformed chunked body");
            return Status::Malformed;
        }
        if (consumed < 0)
            return Status::Incomplete;
    } else if (const QByteArray length = parsed.header("Content-Length"); !length.isEmpty()) {
        bool ok = false;
        const qsizetype size = length.toLongLong(&ok);
        if (!ok || size < 0) {
            m_error = QStringLiteral("bad Content-Length \"%1\"").arg(QString::fromLatin1(length));
            return Status::Malformed;
        }
        if (m_buffer.size() - bodyStart < size)
            return Status::Incomplete;
        parsed.body = m_buffer.mid(bodyStart, size);
        consumed = bodyStart + size;
    }
    m_buffer.remove(0, consumed);
    *request = std::move(parsed);
    return Status::Complete;
}

qsizetype HttpRequestParser::readChunked(qsizetype offset, QByteArray *body) const
{
    QByteArray decoded;
    qsizetype position = offset;
    for (;;) {
        const qsizetype lineEnd = m_buffer.indexOf(crlf, position);
        if (lineEnd < 0)
            return -1;
        // The size may carry extensions after ';', which we ignore.
        QByteArray sizeText = m_buffer.mid(position, lineEnd - position);
        if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
            sizeText.truncate(semicolon);
        bool ok = false;
        const qsizetype size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return -2;
        position = lineEnd + 2;
        if (size == 0)
            break;
        if (m_buffer.size() < position + size + 2)
            return -1;
        decoded.append(m_buffer.mid(position, size));
        if (m_buffer.mid(position + size, 2) != crlf)
            return -2;
        position += size + 2;
    }
    // Trailer fields, then an empty line.
    for (;;) {
        const qsizetype lineEnd = m_buffer.indexOf(crlf, position);
        if (lineEnd < 0)
            return -1;
        const bool empty = lineEnd == position;
        position = lineEnd + 2;
        if (empty)
            break;
    }
    *body = std::move(decoded);
    return position;
}
