#pragma once

#include "clouddeck_core_export.h"
#include "httpclient.h"

#include <QJsonObject>
#include <functional>

/**
 * @brief The set-up every token provider shares: "Authorization: Bearer <token>" on each attempt,
 * and error bodies read as JSON.
 *
 * DigitalOcean, Hetzner, Linode and Vultr (and OpenStack with a token, Azure and GCE with an
 * OAuth access token) authorize the same way; the header is added by HttpClient right before each
 * attempt, so it is never part of the request a provider builds, logs or keeps.
 */
class CLOUDDECK_CORE_EXPORT BearerToken
{
public:
    /// Reads a provider's error body once it parsed as a JSON object.
    using JsonErrorReader = std::function<HttpClient::ProviderError(const QJsonObject &body)>;

    /// An authorizer that sets "Authorization: Bearer @p token".
    [[nodiscard]] static HttpClient::Authorizer authorizer(const QString &token);
    /// An error reader that parses the body as a JSON object and hands it to @p read; a body that
    /// is not a JSON object (an HTML page from a proxy) gives no provider error, so the status
    /// speaks.
    [[nodiscard]] static HttpClient::ErrorReader jsonErrors(JsonErrorReader read);
    /// Both on @p http: the bearer authorizer for @p token, and @p errors (unless empty).
    static void install(HttpClient *http, const QString &token, HttpClient::ErrorReader errors);
};
