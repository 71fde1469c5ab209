#include "account.h"

#include <QUuid>

QString Account::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
