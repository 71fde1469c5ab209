#pragma once

// What the HttpClient tests share: fast retries, DigitalOcean-style error bodies, a client set
// up as they use it, and capturing clouddeck.net log lines; waiting for a callback is
// AsyncOutcome's (asyncresult.h).

#include "asyncresult.h"
#include "fakecloudserver.h"
#include "httpclient.h"
#include "logcapture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTest>
#include <QTimer>
#include <functional>
#include <memory>

/// The HttpClient tests' name for the one outcome type (tests/support/asyncresult.h): they hand
/// out callback() and wait(), often for several requests at once.
template<typename T>
using Outcome = AsyncOutcome<T>;

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

/**
 * @brief The fixture of the HttpClient and provider-helper tests: a FakeCloudServer listening on
 * 127.0.0.1 and a client from makeTestClient(), both made fresh for every test function.
 *
 * A test class derives from it instead of QObject; Qt Test finds the inherited init() and
 * cleanup().
 */
class HttpClientTestCase : public QObject
{
    Q_OBJECT

protected:
    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<HttpClient> m_client;

    /// GET @p path on the fake server, waited for.
    Result<HttpResponse> get(const QString &path)
    {
        return sendAndWait(*m_client, HttpRequest::get(m_server->url(path)));
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeCloudServer>();
        QVERIFY(m_server->listen());
        m_client = makeTestClient();
    }
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }
};
