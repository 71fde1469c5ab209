#include "oauthtokenendpoint.h"

#include "jsonreader.h"

#include <QCoreApplication>
#include <QStringList>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("OAuthTokenEndpoint", text);
}

/// The first line of an error description: Azure appends "Trace ID", "Correlation ID" and a
/// timestamp on lines of their own, which say nothing to the user.
QString firstLine(const QString &text)
{
    const qsizetype end = text.indexOf(QLatin1Char('\n'));
    return (end < 0 ? text : text.left(end)).trimmed();
}

} // namespace

QByteArray OAuthTokenEndpoint::formEncode(const Fields &fields)
{
    return HttpRequest::formEncoded(fields);
}

HttpRequest OAuthTokenEndpoint::formRequest(const QUrl &url, const Fields &fields)
{
    HttpRequest request = HttpRequest::make("POST", url);
    request.setHeader("Content-Type", "application/x-www-form-urlencoded");
    request.setHeader("Accept", "application/json");
    request.body = formEncode(fields);
    request.idempotent = true;
    return request;
}

Result<OAuthToken::Token> OAuthTokenEndpoint::token(const QJsonObject &reply)
{
    OAuthToken::Token token;
    token.accessToken = JsonReader::string(reply.value(QLatin1String("access_token"))).toUtf8();
    if (token.accessToken.isEmpty())
        return JsonReader::shapeError(QStringLiteral("the token reply has no access_token"));
    // A header value must stay one line: a token with a line break would inject headers.
    for (const char c : std::as_const(token.accessToken)) {
        if (c < 0x21 || c > 0x7e)
            return JsonReader::shapeError(QStringLiteral("the access token is not printable"));
    }
    const QString type = JsonReader::string(reply.value(QLatin1String("token_type")));
    if (type.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0)
        return JsonReader::shapeError(
            QStringLiteral("the token is of type \"%1\", not Bearer").arg(type.left(40)));
    const std::optional<double> expires =
        JsonReader::number(reply.value(QLatin1String("expires_in")));
    if (expires && *expires > 0 && *expires < 1e9)
        token.expiresInSeconds = qint64(*expires);
    return token;
}

HttpClient::ProviderError OAuthTokenEndpoint::error(const QJsonObject &body)
{
    const QJsonValue code = body.value(QLatin1String("error"));
    if (!code.isString())
        return {};
    HttpClient::ProviderError error;
    error.code = code.toString();
    error.message = firstLine(JsonReader::string(body.value(QLatin1String("error_description"))));
    static const QStringList credentialErrors {
        QStringLiteral("invalid_client"), QStringLiteral("invalid_grant"),
        QStringLiteral("unauthorized_client"), QStringLiteral("invalid_request")};
    if (credentialErrors.contains(error.code))
        error.kind = Error::Auth;
    else if (error.code == QLatin1String("temporarily_unavailable"))
        error.kind = Error::Server;
    if (error.message.isEmpty())
        error.message = error.code;
    return error;
}

HttpClient::ErrorReader OAuthTokenEndpoint::errors(HttpClient::ErrorReader apiErrors)
{
    return [apiErrors = std::move(apiErrors)](const HttpResponse &response) {
        const Result<QJsonObject> body = response.jsonObject();
        if (body.ok()) {
            HttpClient::ProviderError error = OAuthTokenEndpoint::error(body.value());
            if (!error.code.isEmpty())
                return error;
        }
        return apiErrors ? apiErrors(response) : HttpClient::ProviderError {};
    };
}

void OAuthTokenEndpoint::fetch(HttpClient *http, const QUrl &url, const Fields &fields,
                               Callback<OAuthToken::Token> done)
{
    http->sendJson(formRequest(url, fields), [done = std::move(done),
                                              host = url.host()](Result<QJsonObject> reply) {
        if (!reply.ok()) {
            const Error &failed = reply.error();
            if (failed.kind() != Error::Auth)
                return done(failed);
            Error error(
                Error::Auth,
                tr("The sign-in at %1 refused these credentials: %2").arg(host, failed.message()),
                failed.httpStatus());
            error.setProviderCode(failed.providerCode());
            return done(error);
        }
        done(token(reply.value()));
    });
}
