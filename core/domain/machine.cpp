#include "machine.h"

#include "jsonreader.h"

#include <QJsonArray>

namespace {
QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonValue optionalNumber(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

std::optional<double> toOptionalNumber(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    return std::nullopt;
}

QString isoDate(const QDateTime &dateTime)
{
    return dateTime.isValid() ? dateTime.toUTC().toString(Qt::ISODate) : QString();
}
} // namespace

QString Machine::primaryIp() const
{
    for (const QStringList *list : {&publicIpv4, &publicIpv6, &privateIpv4, &privateIpv6}) {
        if (!list->isEmpty())
            return list->constFirst();
    }
    return {};
}

QJsonObject Machine::toJson() const
{
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("accountId"), accountId},
        {QStringLiteral("provider"), providerId},
        {QStringLiteral("name"), name},
        {QStringLiteral("state"), MachineState::id(state)},
        {QStringLiteral("providerState"), providerState},
        {QStringLiteral("region"), region},
        {QStringLiteral("size"), size},
        {QStringLiteral("image"), image},
        {QStringLiteral("publicIps"), toArray(publicIps())},
        {QStringLiteral("privateIps"), toArray(privateIps())},
        {QStringLiteral("publicIpv4"), toArray(publicIpv4)},
        {QStringLiteral("publicIpv6"), toArray(publicIpv6)},
        {QStringLiteral("privateIpv4"), toArray(privateIpv4)},
        {QStringLiteral("privateIpv6"), toArray(privateIpv6)},
        {QStringLiteral("tags"), toArray(tags)},
        {QStringLiteral("createdAt"), isoDate(createdAt)},
        {QStringLiteral("pricePerMonth"), optionalNumber(pricePerMonth)},
        {QStringLiteral("pricePerHour"), optionalNumber(pricePerHour)},
        {QStringLiteral("vcpus"), vcpus},
        {QStringLiteral("memoryMb"), memoryMb},
        {QStringLiteral("diskGb"), diskGb},
        {QStringLiteral("extra"), QJsonObject::fromVariantMap(extra)},
        {QStringLiteral("lastSeen"), isoDate(lastSeen)},
    };
}

Machine Machine::fromJson(const QJsonObject &object)
{
    Machine machine;
    machine.id = object.value(QLatin1String("id")).toString();
    machine.accountId = object.value(QLatin1String("accountId")).toString();
    machine.providerId = object.value(QLatin1String("provider")).toString();
    machine.name = object.value(QLatin1String("name")).toString();
    machine.state = MachineState::fromId(object.value(QLatin1String("state")).toString());
    machine.providerState = object.value(QLatin1String("providerState")).toString();
    machine.region = object.value(QLatin1String("region")).toString();
    machine.size = object.value(QLatin1String("size")).toString();
    machine.image = object.value(QLatin1String("image")).toString();
    machine.publicIpv4 = JsonReader::strings(object.value(QLatin1String("publicIpv4")));
    machine.publicIpv6 = JsonReader::strings(object.value(QLatin1String("publicIpv6")));
    machine.privateIpv4 = JsonReader::strings(object.value(QLatin1String("privateIpv4")));
    machine.privateIpv6 = JsonReader::strings(object.value(QLatin1String("privateIpv6")));
    machine.tags = JsonReader::strings(object.value(QLatin1String("tags")));
    machine.createdAt =
        QDateTime::fromString(object.value(QLatin1String("createdAt")).toString(), Qt::ISODate);
    machine.pricePerMonth = toOptionalNumber(object.value(QLatin1String("pricePerMonth")));
    machine.pricePerHour = toOptionalNumber(object.value(QLatin1String("pricePerHour")));
    machine.vcpus = object.value(QLatin1String("vcpus")).toInt();
    machine.memoryMb = object.value(QLatin1String("memoryMb")).toInt();
    machine.diskGb = object.value(QLatin1String("diskGb")).toInt();
    machine.extra = object.value(QLatin1String("extra")).toObject().toVariantMap();
    machine.lastSeen =
        QDateTime::fromString(object.value(QLatin1String("lastSeen")).toString(), Qt::ISODate);
    return machine;
}

bool Machine::sameContent(const Machine &other) const
{
    Machine a = *this;
    a.lastSeen = other.lastSeen;
    return a == other;
}
