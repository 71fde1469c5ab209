#pragma once

// Waiting for one result of CloudDeck's async pattern in a test, the one helper every test uses:
// start the operation, run the event loop until its callback has been called (FakeCloudServer
// keeps answering meanwhile), and keep what the test needs to check the pattern itself (called
// once, never synchronously); await() checks it for the test.

#include "result.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTest>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

namespace AsyncResult {
/// "kind: message", for QVERIFY2 messages.
inline QString describe(const Error &error)
{
    return Error::kindId(error.kind()) + QStringLiteral(": ") + error.message();
}
} // namespace AsyncResult

/**
 * @brief The outcome of one asynchronous operation: its result and how often it came.
 *
 * Either started and waited for in one step by AsyncResult::run() / await(), or, where a test
 * starts several operations before it waits (parallel requests), handed out as callback() and
 * waited for with wait().
 */
template<typename T>
struct AsyncOutcome
{
    std::optional<Result<T>> result;
    int calls = 0;
    bool calledSynchronously = false;

    [[nodiscard]] bool ok() const { return result && result->ok(); }
    [[nodiscard]] Error error() const { return result ? result->error() : Error(); }
    /// The value of a successful result (check ok() first).
    template<typename U = T>
    requires(!std::is_void_v<U>) [[nodiscard]] const U &value() const { return result->value(); }
    /// "kind: message" of the error, for QVERIFY2 messages.
    [[nodiscard]] QByteArray describe() const
    {
        if (!result)
            return "no result (timed out)";
        if (result->ok())
            return "ok";
        return AsyncResult::describe(result->error()).toUtf8();
    }

    /// A callback that records into this outcome (which must outlive the operation).
    Callback<T> callback()
    {
        return [this](Result<T> value) {
            ++calls;
            result.emplace(std::move(value));
            if (m_loop)
                m_loop->quit();
        };
    }
    /// Runs the event loop until callback() was called, at most @p timeoutMs; whether it was.
    /// A real event loop rather than qWaitFor(), which sleeps 10 ms between polls and would make
    /// every request of a timing test look 60 ms slow.
    [[nodiscard]] bool wait(int timeoutMs = 15'000)
    {
        if (!result) {
            QEventLoop eventLoop;
            QTimer::singleShot(timeoutMs, &eventLoop, &QEventLoop::quit);
            m_loop = &eventLoop;
            eventLoop.exec();
            m_loop = nullptr;
        }
        return result.has_value();
    }

private:
    QEventLoop *m_loop = nullptr;
};

namespace AsyncResult {

/// Calls @p start with a callback and waits up to @p timeoutMs for it to be called. @p start
/// may be any callable taking a Callback<T>, a generic lambda included:
/// AsyncResult::run<QString>([&](auto done) { provider.verify(done); }).
template<typename T, typename Start>
std::shared_ptr<AsyncOutcome<T>> run(const Start &start, int timeoutMs = 15'000)
{
    auto outcome = std::make_shared<AsyncOutcome<T>>();
    start(Callback<T>([outcome](Result<T> result) {
        ++outcome->calls;
        outcome->result.emplace(std::move(result));
    }));
    outcome->calledSynchronously = outcome->calls > 0;
    (void)QTest::qWaitFor([outcome] { return outcome->result.has_value(); }, timeoutMs);
    return outcome;
}

/// run() that also holds the operation to the async contract: records a test failure and
/// returns null when the callback came synchronously, never came within @p timeoutMs, or came
/// more than once; else the outcome, with its result. QVERIFY(outcome) checks all three.
template<typename T, typename Start>
std::shared_ptr<AsyncOutcome<T>> await(const Start &start, int timeoutMs = 15'000)
{
    auto outcome = run<T>(start, timeoutMs);
    if (!QTest::qVerify(!outcome->calledSynchronously, "!calledSynchronously",
                        "the callback came synchronously", __FILE__, __LINE__))
        return nullptr;
    if (!QTest::qVerify(outcome->calls > 0, "calls > 0", "the callback never came", __FILE__,
                        __LINE__))
        return nullptr;
    QCoreApplication::processEvents(); // a second call would be queued by now
    if (!QTest::qVerify(outcome->calls == 1, "calls == 1", "the callback came more than once",
                        __FILE__, __LINE__))
        return nullptr;
    return outcome;
}

} // namespace AsyncResult
