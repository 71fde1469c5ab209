#include "bearertoken.h"

HttpClient::Authorizer BearerToken::authorizer(const QString &token)
{
    const QByteArray authorization = "Bearer " + token.toUtf8();
    return [authorization](HttpRequest &request) {
        request.setHeader("Authorization", authorization);
    };
}

HttpClient::ErrorReader BearerToken::jsonErrors(JsonErrorReader read)
{
    return [read = std::move(read)](const HttpResponse &response) {
        const Result<QJsonObject> body = response.jsonObject();
        return body.ok() ? read(body.value()) : HttpClient::ProviderError {};
    };
}

void BearerToken::install(HttpClient *http, const QString &token, HttpClient::ErrorReader errors)
{
    http->setAuthorizer(authorizer(token));
    if (errors)
        http->setErrorReader(std::move(errors));
}
