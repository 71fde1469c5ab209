#include "account.h"

#include <QUuid>

QString Account::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QUrl Account::endpointFromText(const QString &text)
{
    QString copy = text.trimmed();
    copy.replace(QLatin1String("{region}"), regionLabel(), Qt::CaseInsensitive);
    return QUrl(copy);
}

QString Account::endpointText() const
{
    QString text = endpoint.toString();
    text.replace(regionLabel(), QStringLiteral("{region}"));
    return text;
}
