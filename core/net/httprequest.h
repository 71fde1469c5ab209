#pragma once

#include "clouddeck_core_export.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QUrl>
#include <optional>
#include <utility>

/**
 * @brief A request as providers describe it to HttpClient: method, URL, headers, body.
 */
struct CLOUDDECK_CORE_EXPORT HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    /// Whether a retry is safe. Unset: GET, HEAD, PUT, DELETE and OPTIONS are, POST and PATCH not.
    std::optional<bool> idempotent;
    int timeoutMs = 0; ///< 0: the client's default

    /// A request with @p method ("POST", "DELETE") to @p url and no body.
    [[nodiscard]] static HttpRequest make(const QByteArray &method, const QUrl &url);
    [[nodiscard]] static HttpRequest get(const QUrl &url);
    [[nodiscard]] static HttpRequest json(const QByteArray &method, const QUrl &url,
                                          const QJsonDocument &body);
    /// Name/value pairs in the order they are sent (a form may repeat a name).
    using FormFields = QList<std::pair<QString, QString>>;
    /// @p fields as application/x-www-form-urlencoded: every byte outside RFC 3986's unreserved
    /// set percent-encoded, in names and values alike.
    [[nodiscard]] static QByteArray formEncoded(const FormFields &fields);
    void setHeader(const QByteArray &name, const QByteArray &value);
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
    [[nodiscard]] bool isIdempotent() const;
};
