#include "digitaloceanparser.h"

#include "jsonreader.h"

#include <QUrl>
#include <QUrlQuery>

using namespace JsonReader;

namespace {
QString key(const char *name)
{
    return QString::fromLatin1(name);
}

void readNetworks(const QJsonObject &networks, Machine &machine)
{
    const struct
    {
        const char *family;
        QStringList *publicList;
        QStringList *privateList;
    } families[] = {{"v4", &machine.publicIpv4, &machine.privateIpv4},
                    {"v6", &machine.publicIpv6, &machine.privateIpv6}};
    for (const auto &family : families) {
        const QJsonArray addresses = networks.value(key(family.family)).toArray();
        for (const QJsonValue &entry : addresses) {
            const QJsonObject address = object(entry);
            const QString ip = string(address.value(key("ip_address")));
            if (ip.isEmpty())
                continue;
            const QString type = string(address.value(key("type")));
            (type == QLatin1String("private") ? family.privateList : family.publicList)->append(ip);
        }
    }
}

QString imageLabel(const QJsonObject &image)
{
    const QString distribution = string(image.value(key("distribution")));
    const QString name = string(image.value(key("name")));
    if (distribution.isEmpty() || name.startsWith(distribution, Qt::CaseInsensitive))
        return name;
    if (name.isEmpty())
        return distribution;
    return distribution + QLatin1Char(' ') + name;
}
} // namespace

MachineState::State DigitalOceanParser::state(const QString &status)
{
    if (status == QLatin1String("active"))
        return MachineState::Running;
    if (status == QLatin1String("off"))
        return MachineState::Stopped;
    if (status == QLatin1String("new"))
        return MachineState::Pending;
    if (status == QLatin1String("archive"))
        return MachineState::Suspended;
    return MachineState::Unknown;
}

Result<Machine> DigitalOceanParser::droplet(const QJsonValue &value)
{
    if (!value.isObject())
        return shapeError(QStringLiteral("a droplet is not an object"));
    const QJsonObject droplet = value.toObject();
    Machine machine;
    machine.providerId = QStringLiteral("digitalocean");
    machine.id = JsonReader::id(droplet.value(key("id")));
    if (machine.id.isEmpty())
        return shapeError(QStringLiteral("a droplet has no id"));
    machine.name = string(droplet.value(key("name")));
    machine.providerState = string(droplet.value(key("status")));
    machine.state = state(machine.providerState);
    machine.createdAt = dateTime(droplet.value(key("created_at")));
    machine.tags = strings(droplet.value(key("tags")));
    machine.vcpus = integer(droplet.value(key("vcpus")));
    machine.memoryMb = integer(droplet.value(key("memory")));
    machine.diskGb = integer(droplet.value(key("disk")));

    const QJsonObject region = object(droplet.value(key("region")));
    machine.region = string(region.value(key("slug")));
    if (!region.value(key("name")).toString().isEmpty())
        machine.extra.insert(QStringLiteral("regionName"), region.value(key("name")).toString());

    const QJsonObject size = object(droplet.value(key("size")));
    machine.size = string(droplet.value(key("size_slug")));
    if (machine.size.isEmpty())
        machine.size = string(size.value(key("slug")));
    machine.pricePerMonth = number(size.value(key("price_monthly")));
    machine.pricePerHour = number(size.value(key("price_hourly")));

    const QJsonObject image = object(droplet.value(key("image")));
    machine.image = imageLabel(image);
    if (const QString slug = string(image.value(key("slug"))); !slug.isEmpty())
        machine.extra.insert(QStringLiteral("imageSlug"), slug);

    readNetworks(object(droplet.value(key("networks"))), machine);

    if (droplet.value(key("locked")).toBool())
        machine.extra.insert(QStringLiteral("locked"), true);
    if (const QString vpc = string(droplet.value(key("vpc_uuid"))); !vpc.isEmpty())
        machine.extra.insert(QStringLiteral("vpcUuid"), vpc);
    if (const QStringList features = strings(droplet.value(key("features"))); !features.isEmpty())
        machine.extra.insert(QStringLiteral("features"), features);
    return machine;
}

Result<QList<Machine>> DigitalOceanParser::droplets(const QJsonObject &page)
{
    return list<Machine>(page, key("droplets"), &DigitalOceanParser::droplet);
}

Result<std::optional<int>> DigitalOceanParser::nextPage(const QJsonObject &page)
{
    const QJsonValue links = page.value(key("links"));
    if (!links.isUndefined() && !links.isNull() && !links.isObject())
        return shapeError(QStringLiteral("\"links\" is not an object"));
    const QJsonValue next = object(object(links).value(key("pages"))).value(key("next"));
    if (next.isUndefined() || next.isNull())
        return std::optional<int>();
    // Only the page number is taken from the link: requests always go to the account's own
    // endpoint, so a link to another host can never receive the token.
    const QUrlQuery query(QUrl(string(next)));
    bool ok = false;
    const int number = query.queryItemValue(QStringLiteral("page")).toInt(&ok);
    if (!ok || number < 1)
        return shapeError(QStringLiteral("the next-page link has no page number"));
    return std::optional<int>(number);
}

Result<std::pair<qint64, QString>> DigitalOceanParser::action(const QJsonObject &reply)
{
    const QJsonObject action = object(reply.value(key("action")));
    const QString id = JsonReader::id(action.value(key("id")));
    const QString status = string(action.value(key("status")));
    if (id.isEmpty() || status.isEmpty())
        return shapeError(QStringLiteral("the action has no id or status"));
    return std::pair<qint64, QString>(id.toLongLong(), status);
}

Result<QString> DigitalOceanParser::account(const QJsonObject &reply)
{
    const QJsonValue account = reply.value(key("account"));
    if (!account.isObject())
        return shapeError(QStringLiteral("no \"account\" object"));
    const QString email = string(account.toObject().value(key("email")));
    const QString team = string(object(account.toObject().value(key("team"))).value(key("name")));
    if (email.isEmpty())
        return shapeError(QStringLiteral("the account has no email"));
    return team.isEmpty() ? email : QStringLiteral("%1 (team %2)").arg(email, team);
}

Result<QList<Region>> DigitalOceanParser::regions(const QJsonObject &page)
{
    return list<Region>(page, key("regions"), [](const QJsonValue &value) -> Result<Region> {
        const QJsonObject region = object(value);
        Region result;
        result.id = string(region.value(key("slug")));
        if (result.id.isEmpty())
            return shapeError(QStringLiteral("a region has no slug"));
        result.name = string(region.value(key("name")));
        result.available = region.value(key("available")).toBool();
        result.sizes = strings(region.value(key("sizes")));
        return result;
    });
}

Result<QList<Size>> DigitalOceanParser::sizes(const QJsonObject &page)
{
    return list<Size>(page, key("sizes"), [](const QJsonValue &value) -> Result<Size> {
        const QJsonObject size = object(value);
        Size result;
        result.id = string(size.value(key("slug")));
        if (result.id.isEmpty())
            return shapeError(QStringLiteral("a size has no slug"));
        result.description = string(size.value(key("description")));
        result.vcpus = integer(size.value(key("vcpus")));
        result.memoryMb = integer(size.value(key("memory")));
        result.diskGb = integer(size.value(key("disk")));
        result.priceMonthly = number(size.value(key("price_monthly")));
        result.priceHourly = number(size.value(key("price_hourly")));
        result.regions = strings(size.value(key("regions")));
        result.available = size.value(key("available")).toBool(true);
        return result;
    });
}

Result<QList<Image>> DigitalOceanParser::images(const QJsonObject &page)
{
    return list<Image>(page, key("images"), [](const QJsonValue &value) -> Result<Image> {
        const QJsonObject image = object(value);
        Image result;
        // A slug is what create accepts for public images; private ones only have their id.
        result.id = string(image.value(key("slug")));
        if (result.id.isEmpty())
            result.id = JsonReader::id(image.value(key("id")));
        if (result.id.isEmpty())
            return shapeError(QStringLiteral("an image has no id"));
        result.name = imageLabel(image);
        result.distribution = string(image.value(key("distribution")));
        const QString type = string(image.value(key("type")));
        result.kind = type == QLatin1String("base") ? QStringLiteral("distribution")
                      : type.isEmpty()              ? QStringLiteral("distribution")
                                                    : type;
        if (image.value(key("public")).toBool() && type == QLatin1String("snapshot"))
            result.kind = QStringLiteral("application");
        result.regions = strings(image.value(key("regions")));
        return result;
    });
}

Result<QList<SshKey>> DigitalOceanParser::sshKeys(const QJsonObject &page)
{
    return list<SshKey>(page, key("ssh_keys"), [](const QJsonValue &value) -> Result<SshKey> {
        const QJsonObject sshKey = object(value);
        SshKey result;
        result.id = JsonReader::id(sshKey.value(key("id")));
        if (result.id.isEmpty())
            return shapeError(QStringLiteral("an SSH key has no id"));
        result.name = string(sshKey.value(key("name")));
        result.fingerprint = string(sshKey.value(key("fingerprint")));
        result.publicKey = string(sshKey.value(key("public_key")));
        return result;
    });
}
