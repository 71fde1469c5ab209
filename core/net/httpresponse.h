#pragma once

#include "clouddeck_core_export.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QUrl>
#include <utility>

/**
 * @brief A complete HTTP reply: status, headers, body.
 */
struct CLOUDDECK_CORE_EXPORT HttpResponse
{
    int status = 0;
    QUrl url;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    /// Case-insensitive header lookup.
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
    /// The body as a JSON object; an empty body (204) is an empty object. InvalidReply otherwise.
    [[nodiscard]] Result<QJsonObject> jsonObject() const;

    /// The InvalidReply error for a body that is not JSON: @p why, found at byte @p offset.
    [[nodiscard]] static Error notJson(const QString &why, qsizetype offset, int status);
    /// The InvalidReply error for a body that is JSON but not the object it must be.
    [[nodiscard]] static Error notAnObject(int status);
};
