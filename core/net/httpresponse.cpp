#include "httpresponse.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

Result<QJsonObject> HttpResponse::jsonObject() const
{
    if (body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return notJson(parseError.errorString(), parseError.offset, status);
    if (!document.isObject())
        return notAnObject(status);
    return document.object();
}

Error HttpResponse::notJson(const QString &why, qsizetype offset, int status)
{
    return Error(Error::InvalidReply,
                 QCoreApplication::translate("HttpClient",
                                             "The server's reply is not valid JSON (%1 at byte "
                                             "%2); it may have been cut off.")
                     .arg(why)
                     .arg(offset),
                 status);
}

Error HttpResponse::notAnObject(int status)
{
    return Error(
        Error::InvalidReply,
        QCoreApplication::translate("HttpClient", "The server's reply is JSON but not an object."),
        status);
}
