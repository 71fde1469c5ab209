#pragma once

// Waiting for one result of CloudDeck's async pattern in a test: start the operation, run the
// event loop until its callback has been called (FakeCloudServer keeps answering meanwhile), and
// keep what the test needs to check the pattern itself (called once, never synchronously).

#include "result.h"

#include <QTest>
#include <functional>
#include <memory>
#include <optional>

/// @brief The outcome of one asynchronous operation started by AsyncResult::run().
template<typename T>
struct AsyncOutcome
{
    std::optional<Result<T>> result;
    int calls = 0;
    bool calledSynchronously = false;

    [[nodiscard]] bool ok() const { return result && result->ok(); }
    [[nodiscard]] Error error() const { return result ? result->error() : Error(); }
    /// "kind: message" of the error, for QVERIFY2 messages.
    [[nodiscard]] QByteArray describe() const
    {
        if (!result)
            return "no result (timed out)";
        if (result->ok())
            return "ok";
        return (Error::kindId(result->error().kind()) + QStringLiteral(": ")
                + result->error().message())
            .toUtf8();
    }
};

namespace AsyncResult {

/// Calls @p start with a callback and waits up to @p timeoutMs for it to be called.
template<typename T>
std::shared_ptr<AsyncOutcome<T>> run(const std::function<void(Callback<T>)> &start,
                                     int timeoutMs = 15'000)
{
    auto outcome = std::make_shared<AsyncOutcome<T>>();
    start([outcome](Result<T> result) {
        ++outcome->calls;
        outcome->result.emplace(std::move(result));
    });
    outcome->calledSynchronously = outcome->calls > 0;
    (void)QTest::qWaitFor([outcome] { return outcome->result.has_value(); }, timeoutMs);
    return outcome;
}

} // namespace AsyncResult
