#include "keystoneparser.h"

#include "httpresponse.h"
#include "jsonreader.h"

#include <QJsonArray>
#include <QSet>

using namespace JsonReader;

namespace {
QString key(const char *name)
{
    return QString::fromLatin1(name);
}

Result<QList<KeystoneParser::Endpoint>> readCatalog(const QJsonValue &value)
{
    QList<KeystoneParser::Endpoint> result;
    // A token without a catalog (nocatalog, or an unscoped token) reads as an empty catalog; the
    // provider then says which service is missing.
    if (value.isUndefined() || value.isNull())
        return result;
    if (!value.isArray())
        return shapeError(QStringLiteral("token.catalog is not a list"));
    const QJsonArray services = value.toArray();
    for (const QJsonValue &service : services) {
        if (!service.isObject())
            return shapeError(QStringLiteral("a catalog entry is not an object"));
        const QString type = string(service.toObject().value(key("type")));
        const QJsonValue endpoints = service.toObject().value(key("endpoints"));
        if (type.isEmpty() || !endpoints.isArray())
            return shapeError(QStringLiteral("a catalog entry has no type or no endpoints"));
        const QJsonArray list = endpoints.toArray();
        for (const QJsonValue &item : list) {
            const QJsonObject endpoint = object(item);
            KeystoneParser::Endpoint entry;
            entry.type = type;
            entry.region = string(endpoint.value(key("region_id")));
            if (entry.region.isEmpty())
                entry.region = string(endpoint.value(key("region")));
            entry.interface = string(endpoint.value(key("interface")));
            entry.url = QUrl(string(endpoint.value(key("url"))), QUrl::StrictMode);
            if (!entry.url.isValid() || entry.url.host().isEmpty() || entry.interface.isEmpty())
                return shapeError(
                    QStringLiteral("a %1 endpoint has no valid url or interface").arg(type));
            result.append(entry);
        }
    }
    return result;
}
} // namespace

Result<KeystoneParser::Token> KeystoneParser::token(const HttpResponse &response)
{
    const Result<QJsonObject> body = response.jsonObject();
    if (!body.ok())
        return body.error();
    return token(response.header("X-Subject-Token").trimmed(), body.value());
}

Result<KeystoneParser::Token> KeystoneParser::token(const QByteArray &subjectToken,
                                                    const QJsonObject &reply)
{
    if (subjectToken.isEmpty())
        return shapeError(QStringLiteral("no X-Subject-Token header"));
    const QJsonValue tokenValue = reply.value(key("token"));
    if (!tokenValue.isObject())
        return shapeError(QStringLiteral("no \"token\" object"));
    const QJsonObject token = tokenValue.toObject();
    Token result;
    result.id = subjectToken;
    result.expiresAt = dateTime(token.value(key("expires_at")));
    if (!result.expiresAt.isValid())
        return shapeError(QStringLiteral("token.expires_at is missing or unreadable"));
    result.issuedAt = dateTime(token.value(key("issued_at")));
    const QJsonObject user = object(token.value(key("user")));
    result.user = string(user.value(key("name")));
    result.userDomain = string(object(user.value(key("domain"))).value(key("name")));
    result.project = string(object(token.value(key("project"))).value(key("name")));
    Result<QList<Endpoint>> catalog = readCatalog(token.value(key("catalog")));
    if (!catalog.ok())
        return catalog.error();
    result.catalog = catalog.takeValue();
    return result;
}

QList<KeystoneParser::Endpoint> KeystoneParser::endpoints(const QList<Endpoint> &catalog,
                                                          const QString &type,
                                                          const QString &interface)
{
    QList<Endpoint> result;
    QSet<QString> regions;
    for (const Endpoint &endpoint : catalog) {
        if (endpoint.type != type || endpoint.interface != interface
            || regions.contains(endpoint.region))
            continue;
        regions.insert(endpoint.region);
        result.append(endpoint);
    }
    return result;
}
