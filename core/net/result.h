#pragma once

#include "error.h"

#include <functional>
#include <optional>
#include <utility>

/**
 * @brief A value or an Error: what every asynchronous operation hands to its callback.
 */
template<typename T>
class Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    { }
    Result(Error error)
        : m_error(std::move(error))
    { }

    [[nodiscard]] bool ok() const { return !m_error.isError(); }
    [[nodiscard]] const Error &error() const { return m_error; }
    [[nodiscard]] const T &value() const { return *m_value; }
    [[nodiscard]] T &value() { return *m_value; }
    [[nodiscard]] T takeValue() { return std::move(*m_value); }

private:
    std::optional<T> m_value;
    Error m_error;
};

/// Success with no value, or an Error.
template<>
class Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    { }
    [[nodiscard]] bool ok() const { return !m_error.isError(); }
    [[nodiscard]] const Error &error() const { return m_error; }

private:
    Error m_error;
};

/// The one async pattern of CloudDeck: an operation takes a callback that is called exactly once,
/// later (never synchronously from inside the call), with a Result. Objects that own the operation
/// (Provider, HttpClient) abort it on destruction, and then the callback is never called.
template<typename T>
using Callback = std::function<void(Result<T>)>;
