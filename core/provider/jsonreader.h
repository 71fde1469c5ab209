#pragma once

#include "clouddeck_core_export.h"
#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <functional>
#include <optional>

/**
 * @brief Defensive readers for provider JSON: every provider parser uses them, so a reply of any
 * shape gives a value or an InvalidReply error, never a crash or a silently wrong value.
 */
namespace JsonReader {

/// An id that some APIs send as a number and others as a string; empty when neither.
CLOUDDECK_CORE_EXPORT QString id(const QJsonValue &value);
/// A string, or empty for anything else (null, number, object).
CLOUDDECK_CORE_EXPORT QString string(const QJsonValue &value);
/// A number, or a string holding one ("0.00744"; Hetzner sends prices so); nullopt otherwise.
CLOUDDECK_CORE_EXPORT std::optional<double> number(const QJsonValue &value);
CLOUDDECK_CORE_EXPORT int integer(const QJsonValue &value);
/// A count: a whole number that is not negative ("meta.total"); nullopt for anything else.
CLOUDDECK_CORE_EXPORT std::optional<qint64> count(const QJsonValue &value);
/// An ISO 8601 / RFC 3339 time; invalid when absent or unreadable.
CLOUDDECK_CORE_EXPORT QDateTime dateTime(const QJsonValue &value);
/// The strings of an array (other items skipped); empty for anything but an array.
CLOUDDECK_CORE_EXPORT QStringList strings(const QJsonValue &value);
/// value.toObject() when it is an object, else an empty object.
CLOUDDECK_CORE_EXPORT QJsonObject object(const QJsonValue &value);
/// The error for a reply whose shape is not the documented one.
CLOUDDECK_CORE_EXPORT Error shapeError(const QString &what);

/// The error for a reply whose @p key is not the list it must be.
CLOUDDECK_CORE_EXPORT Error notAList(const QString &key);

/// The array at @p key of @p reply, each item through @p parse; fails on the first bad item.
template<typename T>
Result<QList<T>> list(const QJsonObject &reply, const QString &key,
                      const std::function<Result<T>(const QJsonValue &)> &parse)
{
    const QJsonValue array = reply.value(key);
    if (!array.isArray())
        return notAList(key);
    QList<T> result;
    const QJsonArray items = array.toArray();
    result.reserve(items.size());
    for (const QJsonValue &item : items) {
        Result<T> parsed = parse(item);
        if (!parsed.ok())
            return parsed.error();
        result.append(parsed.takeValue());
    }
    return result;
}

} // namespace JsonReader
