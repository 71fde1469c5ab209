#include "catalog.h"

#include <QJsonArray>

namespace {
QJsonValue optionalNumber(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

std::optional<double> toOptionalNumber(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
}

QStringList toList(const QJsonValue &value)
{
    QStringList result;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        result.append(item.toString());
    return result;
}

QString str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}
} // namespace

QJsonObject Region::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("country"), country},
            {QStringLiteral("available"), available},
            {QStringLiteral("sizes"), QJsonArray::fromStringList(sizes)}};
}

Region Region::fromJson(const QJsonObject &object)
{
    return {str(object, "id"), str(object, "name"), str(object, "country"),
            object.value(QLatin1String("available")).toBool(true),
            toList(object.value(QLatin1String("sizes")))};
}

QJsonObject Size::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("description"), description},
            {QStringLiteral("vcpus"), vcpus},
            {QStringLiteral("memoryMb"), memoryMb},
            {QStringLiteral("diskGb"), diskGb},
            {QStringLiteral("priceMonthly"), optionalNumber(priceMonthly)},
            {QStringLiteral("priceHourly"), optionalNumber(priceHourly)},
            {QStringLiteral("regions"), QJsonArray::fromStringList(regions)},
            {QStringLiteral("available"), available}};
}

Size Size::fromJson(const QJsonObject &object)
{
    Size size;
    size.id = str(object, "id");
    size.description = str(object, "description");
    size.vcpus = object.value(QLatin1String("vcpus")).toInt();
    size.memoryMb = object.value(QLatin1String("memoryMb")).toInt();
    size.diskGb = object.value(QLatin1String("diskGb")).toInt();
    size.priceMonthly = toOptionalNumber(object.value(QLatin1String("priceMonthly")));
    size.priceHourly = toOptionalNumber(object.value(QLatin1String("priceHourly")));
    size.regions = toList(object.value(QLatin1String("regions")));
    size.available = object.value(QLatin1String("available")).toBool(true);
    return size;
}

QJsonObject Image::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("distribution"), distribution},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("regions"), QJsonArray::fromStringList(regions)}};
}

Image Image::fromJson(const QJsonObject &object)
{
    return {str(object, "id"), str(object, "name"), str(object, "distribution"),
            str(object, "kind"), toList(object.value(QLatin1String("regions")))};
}

QJsonObject SshKey::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("fingerprint"), fingerprint},
            {QStringLiteral("publicKey"), publicKey}};
}

SshKey SshKey::fromJson(const QJsonObject &object)
{
    return {str(object, "id"), str(object, "name"), str(object, "fingerprint"),
            str(object, "publicKey")};
}
