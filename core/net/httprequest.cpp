#include "httprequest.h"

HttpRequest HttpRequest::make(const QByteArray &method, const QUrl &url)
{
    HttpRequest request;
    request.method = method;
    request.url = url;
    return request;
}

HttpRequest HttpRequest::get(const QUrl &url)
{
    return make("GET", url);
}

HttpRequest HttpRequest::json(const QByteArray &method, const QUrl &url, const QJsonDocument &body)
{
    HttpRequest request = make(method, url);
    request.body = body.toJson(QJsonDocument::Compact);
    request.setHeader("Content-Type", "application/json");
    return request;
}

QByteArray HttpRequest::formEncoded(const FormFields &fields)
{
    QByteArray body;
    for (const auto &[name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        // toPercentEncoding() keeps only ALPHA / DIGIT / "-._~": "+", "&", "=" and spaces are
        // escaped, so a secret holding them reaches the server unchanged.
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

void HttpRequest::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

bool HttpRequest::isIdempotent() const
{
    if (idempotent)
        return *idempotent;
    return method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE"
           || method == "OPTIONS";
}
