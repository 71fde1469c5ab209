// FakeCloudServer's streamed bodies: a reply made piece by piece as the client takes it (a
// gigabyte without holding it), a slow but live trickle, and a server that goes silent mid-reply.
#include "fakecloudserverconnection.h"

#include <QTcpSocket>
#include <QTimer>

namespace {
/// What may wait in the socket's buffer: enough to keep the line busy, little memory.
constexpr qint64 highWaterBytes = 1024 * 1024;
constexpr qint64 pieceBytes = 256 * 1024;
} // namespace

void FakeCloudServer::startStream(QTcpSocket *socket, const FakeResponse &response, bool keepAlive)
{
    Connection *connection = m_open.value(socket);
    auto *stream = new Stream;
    stream->response = response;
    if (!stream->response.source) {
        const QByteArray body = response.body;
        stream->response.source = [body](qint64 offset, qint64 maxBytes) {
            return body.mid(offset, maxBytes);
        };
        stream->response.sourceSize = body.size();
    }
    stream->keepAlive = keepAlive;
    connection->stream = stream;
    socket->write(head(stream->response, "GET", keepAlive));
    if (response.trickleBytes > 0) {
        stream->timer = new QTimer(socket);
        stream->timer->setInterval(response.trickleIntervalMs);
        connect(stream->timer, &QTimer::timeout, this, [this, socket] { pump(socket); });
        stream->timer->start();
    } else {
        // The next piece once the socket has passed most of the last ones to the kernel.
        stream->drained =
            connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] { pump(socket); });
    }
    pump(socket);
}

void FakeCloudServer::pump(QTcpSocket *socket)
{
    Connection *connection = m_open.value(socket);
    Stream *stream = connection ? connection->stream : nullptr;
    if (!stream || stream->stalled)
        return;
    const FakeResponse &response = stream->response;
    const bool chunked = response.sourceSize < 0;
    const bool trickle = response.trickleBytes > 0;
    while (socket->bytesToWrite() < highWaterBytes) {
        qint64 want = trickle ? response.trickleBytes : pieceBytes;
        if (response.stallAfterBytes >= 0) {
            want = std::min(want, response.stallAfterBytes - stream->offset);
            if (want <= 0) {
                stream->stalled = true; // silence from now on, the connection left open
                if (stream->timer)
                    stream->timer->stop();
                socket->flush();
                return;
            }
        }
        if (!chunked)
            want = std::min(want, response.sourceSize - stream->offset);
        const QByteArray piece = want > 0 ? response.source(stream->offset, want) : QByteArray();
        if (piece.isEmpty())
            return endStream(socket);
        stream->offset += piece.size();
        if (chunked)
            socket->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
        else
            socket->write(piece);
        if (trickle)
            return; // the timer sends the next piece
    }
}

void FakeCloudServer::endStream(QTcpSocket *socket)
{
    Connection *connection = m_open.value(socket);
    Stream *stream = connection->stream;
    if (stream->response.sourceSize < 0)
        socket->write("0\r\n\r\n");
    if (stream->timer)
        stream->timer->deleteLater();
    disconnect(stream->drained);
    const bool keepAlive = stream->keepAlive;
    connection->stream = nullptr;
    delete stream;
    if (!keepAlive) {
        socket->disconnectFromHost();
        return;
    }
    connection->busy = false;
    if (!connection->closing && !connection->parser.isEmpty())
        processBuffer(socket);
}
