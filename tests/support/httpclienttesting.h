#pragma once

// What the HttpClient tests share: waiting for a callback, fast retries, DigitalOcean-style error
// bodies, and capturing clouddeck.net log lines.

#include "fakecloudserver.h"
#include "httpclient.h"
#include "logcapture.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTest>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

/// @brief A callback's result, and how often it came.
template<typename T>
struct Outcome
{
    std::optional<Result<T>> result;
    int calls = 0;
    QEventLoop *loop = nullptr;

    Callback<T> callback()
    {
        return [this](Result<T> value) {
            ++calls;
            result.emplace(std::move(value));
            if (loop)
                loop->quit();
        };
    }
    /// Runs the event loop until the callback came. A real event loop rather than qWaitFor(),
    /// which sleeps 10 ms between polls and would make every request look 60 ms slow.
    [[nodiscard]] bool wait(int timeoutMs = 15'000)
    {
        if (!result) {
            QEventLoop eventLoop;
            QTimer::singleShot(timeoutMs, &eventLoop, &QEventLoop::quit);
            loop = &eventLoop;
            eventLoop.exec();
            loop = nullptr;
        }
        return result.has_value();
    }
    [[nodiscard]] const Error &error() const { return result->error(); }
};

inline HttpClient::RetryPolicy fastRetries()
{
    HttpClient::RetryPolicy policy;
    policy.maxRetries = 3;
    policy.baseDelayMs = 5;
    policy.maxDelayMs = 40;
    policy.maxRetryAfterSeconds = 3;
    return policy;
}

/// DigitalOcean's error body: {"id": "...", "message": "..."}.
inline HttpClient::ProviderError readProviderError(const HttpResponse &response)
{
    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    return {body.value(QLatin1String("id")).toString(),
            body.value(QLatin1String("message")).toString()};
}

inline FakeResponse errorBody(int status, const char *id, const char *message)
{
    return FakeResponse::json(QJsonObject {{QStringLiteral("id"), QLatin1String(id)},
                                           {QStringLiteral("message"), QLatin1String(message)}},
                              status);
}

/// A client as the tests use it: fast retries, DigitalOcean's error body reader.
inline std::unique_ptr<HttpClient> makeTestClient()
{
    auto client = std::make_unique<HttpClient>();
    client->setRetryPolicy(fastRetries());
    client->setErrorReader(&readProviderError);
    return client;
}

/// Sends @p request and waits for its result (Cancelled if none came within 15 s).
inline Result<HttpResponse> sendAndWait(HttpClient &client, HttpRequest request)
{
    Outcome<HttpResponse> outcome;
    client.send(std::move(request), outcome.callback());
    if (!outcome.wait())
        return Error(Error::Cancelled, QStringLiteral("test: no callback within 15 s"));
    return *outcome.result;
}
