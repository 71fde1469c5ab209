// AzureParser's catalog readers: SSH keys, locations, VM sizes, resource groups, subnets and
// the Retail Prices API's items.
#include "azureparser.h"

#include "jsonreader.h"

#include <QJsonArray>

namespace {

QJsonObject properties(const QJsonObject &item)
{
    return JsonReader::object(item.value(QLatin1String("properties")));
}

Result<QString> armId(const QJsonObject &item)
{
    const QString id = JsonReader::string(item.value(QLatin1String("id")));
    if (!id.startsWith(QLatin1Char('/')))
        return JsonReader::shapeError(QStringLiteral("a resource without an ARM id"));
    return id;
}

} // namespace

Result<QList<SshKey>> AzureParser::sshKeys(const QJsonObject &page)
{
    return values<SshKey>(
        page, QStringLiteral("value"), [](const QJsonObject &item) -> Result<SshKey> {
            const Result<QString> id = armId(item);
            if (!id.ok())
                return id.error();
            SshKey key;
            key.id = id.value();
            key.name = JsonReader::string(item.value(QLatin1String("name")));
            key.publicKey = JsonReader::string(properties(item).value(QLatin1String("publicKey")));
            return key;
        });
}

Result<QList<Region>> AzureParser::locations(const QJsonObject &page)
{
    return values<Region>(
        page, QStringLiteral("value"), [](const QJsonObject &item) -> Result<Region> {
            Region region;
            region.id = JsonReader::string(item.value(QLatin1String("name")));
            if (region.id.isEmpty())
                return JsonReader::shapeError(QStringLiteral("a location without a name"));
            region.name = JsonReader::string(item.value(QLatin1String("displayName")));
            const QJsonObject metadata = JsonReader::object(item.value(QLatin1String("metadata")));
            region.country = JsonReader::string(metadata.value(QLatin1String("geographyGroup")));
            // Logical locations ("global", "unitedstates") hold no VMs.
            const QString type = JsonReader::string(metadata.value(QLatin1String("regionType")));
            region.available = type.isEmpty() || type == QLatin1String("Physical");
            return region;
        });
}

Result<QList<Size>> AzureParser::vmSizes(const QJsonObject &page, const QString &location)
{
    return values<Size>(
        page, QStringLiteral("value"), [&location](const QJsonObject &item) -> Result<Size> {
            Size size;
            size.id = JsonReader::string(item.value(QLatin1String("name")));
            if (size.id.isEmpty())
                return JsonReader::shapeError(QStringLiteral("a VM size without a name"));
            size.vcpus =
                int(JsonReader::count(item.value(QLatin1String("numberOfCores"))).value_or(0));
            size.memoryMb = int(std::min<qint64>(
                JsonReader::count(item.value(QLatin1String("memoryInMB"))).value_or(0), 1 << 30));
            size.diskGb = int(std::min<qint64>(
                JsonReader::count(item.value(QLatin1String("resourceDiskSizeInMB"))).value_or(0)
                    / 1024,
                1 << 20));
            size.description = QStringLiteral("%1 (%2 vCPU, %3 GiB)")
                                   .arg(size.id)
                                   .arg(size.vcpus)
                                   .arg(double(size.memoryMb) / 1024.0, 0, 'g', 4);
            if (!location.isEmpty())
                size.regions = {location};
            return size;
        });
}

Result<QList<QString>> AzureParser::resourceGroups(const QJsonObject &page)
{
    return values<QString>(
        page, QStringLiteral("value"), [](const QJsonObject &item) -> Result<QString> {
            const QString name = JsonReader::string(item.value(QLatin1String("name")));
            if (name.isEmpty())
                return JsonReader::shapeError(QStringLiteral("a resource group without a name"));
            return name;
        });
}

Result<QList<AzureParser::Subnet>> AzureParser::subnets(const QJsonObject &page)
{
    const Result<QList<QList<Subnet>>> networks = values<QList<Subnet>>(
        page, QStringLiteral("value"), [](const QJsonObject &item) -> Result<QList<Subnet>> {
            const QString vnet = JsonReader::string(item.value(QLatin1String("name")));
            const QString location = JsonReader::string(item.value(QLatin1String("location")));
            QList<Subnet> result;
            const QJsonArray list = properties(item).value(QLatin1String("subnets")).toArray();
            for (const QJsonValue &value : list) {
                const QJsonObject subnet = JsonReader::object(value);
                const Result<QString> id = armId(subnet);
                if (!id.ok())
                    return id.error();
                result.append({id.value(),
                               vnet + QLatin1Char('/')
                                   + JsonReader::string(subnet.value(QLatin1String("name"))),
                               location});
            }
            return result;
        });
    if (!networks.ok())
        return networks.error();
    QList<Subnet> all;
    for (const QList<Subnet> &list : networks.value())
        all.append(list);
    return all;
}

Result<QList<AzureParser::RetailPrice>> AzureParser::retailPrices(const QJsonObject &page)
{
    const Result<QList<RetailPrice>> all = values<RetailPrice>(
        page, QStringLiteral("Items"), [](const QJsonObject &item) -> Result<RetailPrice> {
            RetailPrice price;
            price.sku = JsonReader::string(item.value(QLatin1String("armSkuName")));
            price.region = JsonReader::string(item.value(QLatin1String("armRegionName")));
            const std::optional<double> amount =
                JsonReader::number(item.value(QLatin1String("retailPrice")));
            if (price.sku.isEmpty() || !amount || *amount < 0)
                return JsonReader::shapeError(QStringLiteral("a price without SKU or amount"));
            price.hourly = *amount;
            const QString product = JsonReader::string(item.value(QLatin1String("productName")));
            price.windows = product.endsWith(QLatin1String(" Windows"));
            const QString sku = JsonReader::string(item.value(QLatin1String("skuName")));
            const QString unit = JsonReader::string(item.value(QLatin1String("unitOfMeasure")));
            // Spot, Low Priority and anything not billed per hour are not the VM's list price.
            if (sku.contains(QLatin1String("Spot")) || sku.contains(QLatin1String("Low Priority"))
                || unit != QLatin1String("1 Hour"))
                price.sku.clear();
            return price;
        });
    if (!all.ok())
        return all.error();
    QList<RetailPrice> kept;
    for (const RetailPrice &price : all.value()) {
        if (!price.sku.isEmpty())
            kept.append(price);
    }
    return kept;
}

QString AzureParser::retailNextLink(const QJsonObject &page)
{
    return JsonReader::string(page.value(QLatin1String("NextPageLink")));
}
