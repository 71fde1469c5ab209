#pragma once

// What every libFuzzer target here shares: the input as Qt types, and the one rule every parser
// keeps (docs/HARDENING.md): whatever the bytes, a value or an InvalidReply error with words for
// the user. A broken rule aborts, which libFuzzer reports as a crash with the input saved.

#include "error.h"
#include "result.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <optional>

namespace FuzzInput {

/// A deep copy: Qt may keep a QByteArray (and strings made from it) past the call.
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// The input as a JSON object, as HttpResponse::jsonObject reads a 2xx body; nothing when it is
/// not one (the HTTP layer answers InvalidReply before any parser sees it).
inline std::optional<QJsonObject> object(const QByteArray &bytes)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

/// Aborts unless @p result is a value or an InvalidReply error with a message. A parser that
/// reads what the cloud itself said went wrong (GCE's unreachable zones, a CloudWatch query the
/// cloud answered "Forbidden") names those kinds in @p alsoAllowed.
template<typename T>
void expect(const Result<T> &result, const char *parser,
            std::initializer_list<Error::Kind> alsoAllowed = {})
{
    if (result.ok())
        return;
    const Error &error = result.error();
    const bool allowed = error.kind() == Error::InvalidReply
                         || std::find(alsoAllowed.begin(), alsoAllowed.end(), error.kind())
                                != alsoAllowed.end();
    if (allowed && !error.message().isEmpty())
        return;
    std::fprintf(stderr, "%s: an error of kind %s with the message \"%s\"\n", parser,
                 qPrintable(Error::kindId(error.kind())), qPrintable(error.message()));
    std::abort();
}

} // namespace FuzzInput
