#pragma once

#include <QByteArray>
#include <QList>
#include <utility>

/**
 * @brief Incremental HTTP/1.1 request parser for FakeCloudServer: request line, headers, and a
 * body framed by Content-Length or by chunked transfer encoding.
 *
 * Feed it whatever the socket delivered; take() yields one complete request at a time and leaves
 * the bytes of any following (pipelined) request in the buffer.
 */
class HttpRequestParser
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray target;
        QByteArray version;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        bool keepAlive = true;

        [[nodiscard]] QByteArray header(const QByteArray &name) const;
    };
    enum class Status { Incomplete, Complete, Malformed };

    void append(const QByteArray &data) { m_buffer.append(data); }
    /// Parses the next request from the buffer into @p request.
    [[nodiscard]] Status take(Request *request);
    /// Whether the next request's head is complete and asks for "100 Continue" before its body.
    [[nodiscard]] bool headExpectsContinue() const;
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] bool isEmpty() const { return m_buffer.isEmpty(); }

private:
    /// Decodes a chunked body starting at @p offset; -1 when incomplete, -2 when malformed,
    /// else the offset just past the body (after the trailers).
    [[nodiscard]] qsizetype readChunked(qsizetype offset, QByteArray *body) const;

    QByteArray m_buffer;
    QString m_error;
};
