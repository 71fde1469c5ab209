#include "jsonreader.h"

#include <cmath>

namespace JsonReader {

QString id(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (std::isfinite(number) && number == std::floor(number) && std::abs(number) < 9.0e15)
            return QString::number(qint64(number));
    }
    return {};
}

QString string(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString();
}

std::optional<double> number(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double parsed = value.toString().toDouble(&ok);
        if (ok)
            return parsed;
    }
    return std::nullopt;
}

int integer(const QJsonValue &value)
{
    const auto parsed = number(value);
    if (!parsed || !std::isfinite(*parsed) || std::abs(*parsed) > 2.0e9)
        return 0;
    return int(*parsed);
}

QDateTime dateTime(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!parsed.isValid())
        parsed = QDateTime::fromString(value.toString(), Qt::ISODate);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

QStringList strings(const QJsonValue &value)
{
    QStringList result;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        if (item.isString())
            result.append(item.toString());
    }
    return result;
}

QJsonObject object(const QJsonValue &value)
{
    return value.isObject() ? value.toObject() : QJsonObject();
}

std::optional<qint64> count(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number < 0 || number > 9e15 || number != std::floor(number))
        return std::nullopt;
    return qint64(number);
}

Error shapeError(const QString &what)
{
    return Error(Error::InvalidReply,
                 QCoreApplication::translate("JsonReader",
                                             "The provider's reply is not in the documented form "
                                             "(%1). Nothing was changed; try again later.")
                     .arg(what));
}

Error notAList(const QString &key)
{
    return shapeError(QStringLiteral("\"%1\" is not a list").arg(key));
}

} // namespace JsonReader
