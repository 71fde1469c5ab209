#pragma once

#include "clouddeck_core_export.h"
#include "httpclient.h"
#include "oauthtoken.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>
#include <utility>

/**
 * @brief The OAuth 2.0 token endpoint as RFC 6749 describes it: a form-encoded POST, a JSON
 * reply with access_token, token_type and expires_in (section 5.1), and the error body
 * {"error": "invalid_client", "error_description": "..."} (section 5.2).
 *
 * Azure's client-credentials grant and Google's JWT-bearer grant both go through fetch(); only
 * their fields differ. The error reader maps the grant errors that mean "these credentials do not
 * work" (invalid_client, invalid_grant, unauthorized_client, invalid_request: a wrong tenant or
 * client id) to Auth, whatever the status (Azure sends 400 or 401), so a rejected secret reads as
 * a credentials problem and a token endpoint that cannot be reached stays a network one.
 */
class CLOUDDECK_CORE_EXPORT OAuthTokenEndpoint
{
public:
    using Fields = HttpRequest::FormFields;

    /// "a=b&c=d" with every byte but the unreserved ones percent-encoded: a secret's '+', '&'
    /// or '=' reaches the server as itself, not as a space or a new field.
    [[nodiscard]] static QByteArray formEncode(const Fields &fields);
    /// A POST of @p fields as application/x-www-form-urlencoded, safe to retry (asking twice only
    /// gives two tokens).
    [[nodiscard]] static HttpRequest formRequest(const QUrl &url, const Fields &fields);
    /// The token of a 2xx reply; InvalidReply without access_token or with a token_type other
    /// than Bearer. expires_in may be a number or a string of digits (Azure's v1 endpoint).
    [[nodiscard]] static Result<OAuthToken::Token> token(const QJsonObject &reply);
    /// An RFC 6749 error body, its kind as described above; no code when "error" is not a string
    /// (so an API's {"error": {"code": ...}} is left to the API's reader).
    [[nodiscard]] static HttpClient::ProviderError error(const QJsonObject &body);
    /// Reads token endpoint errors with error(), every other error body with @p apiErrors.
    [[nodiscard]] static HttpClient::ErrorReader errors(HttpClient::ErrorReader apiErrors);
    /// POSTs @p fields to @p url and reads the token.
    static void fetch(HttpClient *http, const QUrl &url, const Fields &fields,
                      Callback<OAuthToken::Token> done);
};
