#pragma once

// FakeCloudServer's per-connection state, shared by its request handling (fakecloudserver.cpp)
// and its streamed bodies (fakecloudserverstream.cpp).

#include "fakecloudserver.h"
#include "httprequestparser.h"

#include <QTimer>

/// @brief A streamed response being sent, piece by piece.
struct FakeCloudServer::Stream
{
    FakeResponse response;
    qint64 offset = 0;
    bool keepAlive = false;
    bool stalled = false;
    QTimer *timer = nullptr; ///< trickle: the next piece; a child of the socket
    QMetaObject::Connection drained;
};

/// @brief One client connection: its parser and what it is answering.
struct FakeCloudServer::Connection
{
    HttpRequestParser parser;
    bool busy = false; ///< a request is being answered (maybe after a delay); later ones wait
    bool closing = false; ///< no more requests are read from this connection
    bool continueSent = false;
    Stream *stream = nullptr; ///< the streamed response being sent (fakecloudserverstream.cpp)
};
