#include "hetznercatalogparser.h"

#include "hetznerparser.h"
#include "jsonreader.h"
#include "resourceid.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>
#include <cmath>

using namespace JsonReader;

namespace {
QString key(const char *name)
{
    return QString::fromLatin1(name);
}

/// A "deprecation" object whose unavailable_after has passed: no longer orderable.
bool isGone(const QJsonValue &deprecation, const QDateTime &now)
{
    const QDateTime unavailableAfter =
        dateTime(object(deprecation).value(key("unavailable_after")));
    return unavailableAfter.isValid() && unavailableAfter < now;
}

/// The locations a server type may be ordered in, as its "locations" list says; nullopt when the
/// reply has no such list (replies before 2025-09 only had prices).
std::optional<QSet<QString>> orderableLocations(const QJsonObject &serverType, const QDateTime &now)
{
    const QJsonValue locations = serverType.value(key("locations"));
    if (!locations.isArray())
        return std::nullopt;
    QSet<QString> result;
    const QJsonArray entries = locations.toArray();
    for (const QJsonValue &entry : entries) {
        const QJsonObject location = object(entry);
        const QString name = string(location.value(key("name")));
        if (name.isEmpty() || !location.value(key("available")).toBool(true)
            || isGone(location.value(key("deprecation")), now))
            continue;
        result.insert(name);
    }
    return result;
}

std::optional<double> lowest(std::optional<double> current, std::optional<double> candidate)
{
    if (!candidate || !std::isfinite(*candidate))
        return current;
    if (!current || *candidate < *current)
        return candidate;
    return current;
}
} // namespace

Result<QList<Region>> HetznerCatalogParser::locations(const QJsonObject &page)
{
    return list<Region>(page, key("locations"), [](const QJsonValue &value) -> Result<Region> {
        const QJsonObject location = object(value);
        Region result;
        result.id = string(location.value(key("name")));
        if (result.id.isEmpty())
            return shapeError(QStringLiteral("a location has no name"));
        result.name = string(location.value(key("city")));
        if (result.name.isEmpty())
            result.name = string(location.value(key("description")));
        result.country = string(location.value(key("country")));
        result.available = true; // /locations lists only locations that exist for the project
        return result;
    });
}

Result<QList<Size>> HetznerCatalogParser::serverTypes(const QJsonObject &page, const QDateTime &now)
{
    return list<Size>(page, key("server_types"), [now](const QJsonValue &value) -> Result<Size> {
        const QJsonObject type = object(value);
        Size result;
        result.id = string(type.value(key("name")));
        if (result.id.isEmpty())
            return shapeError(QStringLiteral("a server type has no name"));
        result.description = string(type.value(key("description")));
        result.vcpus = integer(type.value(key("cores")));
        if (const auto memory = number(type.value(key("memory")));
            memory && std::isfinite(*memory) && *memory > 0 && *memory < 1.0e6)
            result.memoryMb = int(std::lround(*memory * 1024));
        result.diskGb = integer(type.value(key("disk")));

        // Offered where it has a price; narrowed by the per-location list when there is one.
        const std::optional<QSet<QString>> orderable = orderableLocations(type, now);
        const QJsonArray prices = type.value(key("prices")).toArray();
        for (const QJsonValue &entry : prices) {
            const QString location = string(object(entry).value(key("location")));
            if (location.isEmpty() || result.regions.contains(location)
                || (orderable && !orderable->contains(location)))
                continue;
            const HetznerParser::Price price = HetznerParser::price(prices, location);
            if (!price.isValid())
                continue;
            result.regions.append(location);
            // Size has one price while Hetzner's differ by location (the US ones cost more):
            // the lowest is shown, as "from"; a machine shows its own location's price.
            result.priceMonthly = lowest(result.priceMonthly, price.monthly);
            result.priceHourly = lowest(result.priceHourly, price.hourly);
        }
        result.available =
            !result.regions.isEmpty() && !isGone(type.value(key("deprecation")), now);
        return result;
    });
}

Result<QList<Image>> HetznerCatalogParser::images(const QJsonObject &page)
{
    Result<QList<Image>> parsed =
        list<Image>(page, key("images"), [](const QJsonValue &value) -> Result<Image> {
            const QJsonObject image = object(value);
            Image result;
            QString id = JsonReader::id(image.value(key("id")));
            if (!ResourceId::isValid(ResourceId::Numeric, id))
                id.clear();
            const QString name = string(image.value(key("name")));
            const QString type = string(image.value(key("type")));
            const bool system = type == QLatin1String("system") || type == QLatin1String("app");
            result.id = system && !name.isEmpty() ? name : id;
            if (result.id.isEmpty())
                return shapeError(QStringLiteral("an image has no numeric id"));
            result.name = string(image.value(key("description")));
            if (result.name.isEmpty())
                result.name =
                    name.isEmpty()
                        ? QCoreApplication::translate("HetznerCatalogParser", "Snapshot %1").arg(id)
                        : name;
            result.distribution = string(image.value(key("os_flavor")));
            result.kind = type == QLatin1String("system") ? QStringLiteral("distribution")
                          : type == QLatin1String("app")  ? QStringLiteral("application")
                          : type.isEmpty()                ? QStringLiteral("snapshot")
                                                          : type;
            // Images still being created, or broken, cannot be booted: marked for removal below.
            const QString status = string(image.value(key("status")));
            if (!status.isEmpty() && status != QLatin1String("available"))
                result.id.clear();
            return result;
        });
    if (!parsed.ok())
        return parsed;
    // System images come once per architecture under one name; the name is what create takes.
    QList<Image> result;
    QSet<QString> seen;
    for (const Image &image : parsed.value()) {
        if (image.id.isEmpty() || seen.contains(image.id))
            continue;
        seen.insert(image.id);
        result.append(image);
    }
    return result;
}

Result<QList<SshKey>> HetznerCatalogParser::sshKeys(const QJsonObject &page)
{
    return list<SshKey>(page, key("ssh_keys"), [](const QJsonValue &value) -> Result<SshKey> {
        const QJsonObject sshKey = object(value);
        SshKey result;
        result.id = JsonReader::id(sshKey.value(key("id")));
        if (!ResourceId::isValid(ResourceId::Numeric, result.id))
            return shapeError(QStringLiteral("an SSH key has no numeric id"));
        result.name = string(sshKey.value(key("name")));
        result.fingerprint = string(sshKey.value(key("fingerprint")));
        result.publicKey = string(sshKey.value(key("public_key")));
        return result;
    });
}
