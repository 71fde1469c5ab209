#include "error.h"

#include <QMetaEnum>

Error::Error(Kind kind, QString message, int httpStatus)
    : m_kind(kind)
    , m_message(std::move(message))
    , m_httpStatus(httpStatus)
{ }

QString Error::kindId(Kind kind)
{
    const char *key = QMetaEnum::fromType<Kind>().valueToKey(kind);
    QString id = QString::fromLatin1(key ? key : "None");
    id[0] = id[0].toLower();
    return id;
}

Error::Kind Error::kindForStatus(int status)
{
    if (status >= 200 && status < 300)
        return None;
    switch (status) {
    case 401:
        return Auth;
    case 403:
        return Forbidden;
    case 404:
        return NotFound;
    case 429:
        return RateLimited;
    case 400:
    case 409:
    case 412:
    case 422:
        return BadRequest;
    default:
        break;
    }
    if (status >= 500)
        return Server;
    return BadRequest;
}
