#include "linodeparser.h"

#include "jsonreader.h"
#include "sshpublickey.h"

#include <QHostAddress>
#include <QRegularExpression>

using namespace JsonReader;

namespace {
QString key(const char *name)
{
    return QString::fromLatin1(name);
}

// "specs": "big" must not pass as a Linode with no specs: a present, non-null member of the wrong
// type is a reply we do not understand.
bool wrongType(const QJsonValue &value, QJsonValue::Type expected)
{
    return !value.isUndefined() && !value.isNull() && value.type() != expected;
}

PriceTable::Price price(const QJsonValue &value)
{
    const QJsonObject object = JsonReader::object(value);
    return {number(object.value(key("monthly"))), number(object.value(key("hourly")))};
}
} // namespace

MachineState::State LinodeParser::state(const QString &status)
{
    static const QHash<QString, MachineState::State> states = {
        {QStringLiteral("running"), MachineState::Running},
        {QStringLiteral("offline"), MachineState::Stopped},
        // "stopped" is what Linode shows while a Linode is held for maintenance: it is off.
        {QStringLiteral("stopped"), MachineState::Stopped},
        {QStringLiteral("booting"), MachineState::Starting},
        // "busy": joining a placement group while it boots.
        {QStringLiteral("busy"), MachineState::Starting},
        {QStringLiteral("rebooting"), MachineState::Rebooting},
        {QStringLiteral("shutting_down"), MachineState::Stopping},
        {QStringLiteral("deleting"), MachineState::Stopping},
        {QStringLiteral("provisioning"), MachineState::Pending},
        // Jobs that keep a Linode busy until Linode is done with it; the text says which.
        {QStringLiteral("migrating"), MachineState::Pending},
        {QStringLiteral("rebuilding"), MachineState::Pending},
        {QStringLiteral("cloning"), MachineState::Pending},
        {QStringLiteral("restoring"), MachineState::Pending},
        {QStringLiteral("resizing"), MachineState::Pending}, // older API versions
        {QStringLiteral("billing_suspension"), MachineState::Suspended},
    };
    return states.value(status, MachineState::Unknown);
}

bool LinodeParser::isPrivateIpv4(const QString &address)
{
    const QHostAddress ip(address);
    if (ip.protocol() != QAbstractSocket::IPv4Protocol)
        return false;
    static const QList<std::pair<QHostAddress, int>> ranges = {
        QHostAddress::parseSubnet(QStringLiteral("10.0.0.0/8")),
        QHostAddress::parseSubnet(QStringLiteral("172.16.0.0/12")),
        QHostAddress::parseSubnet(QStringLiteral("192.168.0.0/16")),
    };
    for (const auto &range : ranges) {
        if (ip.isInSubnet(range))
            return true;
    }
    return false;
}

QDateTime LinodeParser::timestamp(const QJsonValue &value)
{
    QString text = string(value);
    // A zone designator, if any, follows the time: "Z", "+hh:mm" or "-hh:mm" after the 'T'.
    static const QRegularExpression zone(QStringLiteral("T.*(Z|[+-]\\d\\d(:?\\d\\d)?)$"));
    if (!text.isEmpty() && !zone.match(text).hasMatch())
        text.append(QLatin1Char('Z'));
    return dateTime(QJsonValue(text));
}

Result<Machine> LinodeParser::instance(const QJsonValue &value)
{
    if (!value.isObject())
        return shapeError(QStringLiteral("a Linode is not an object"));
    const QJsonObject linode = value.toObject();
    Machine machine;
    machine.providerId = QStringLiteral("linode");
    machine.id = JsonReader::id(linode.value(key("id")));
    if (machine.id.isEmpty())
        return shapeError(QStringLiteral("a Linode has no id"));
    const QJsonValue specsValue = linode.value(key("specs"));
    if (wrongType(specsValue, QJsonValue::Object))
        return shapeError(
            QStringLiteral("the specs of Linode %1 are not an object").arg(machine.id));
    const QJsonValue ipv4Value = linode.value(key("ipv4"));
    if (wrongType(ipv4Value, QJsonValue::Array))
        return shapeError(QStringLiteral("the ipv4 of Linode %1 is not a list").arg(machine.id));

    machine.name = string(linode.value(key("label")));
    machine.providerState = string(linode.value(key("status")));
    machine.state = state(machine.providerState);
    machine.region = string(linode.value(key("region")));
    machine.size = string(linode.value(key("type")));
    machine.image = string(linode.value(key("image"))); // null for a Linode made without one
    machine.tags = strings(linode.value(key("tags")));
    machine.createdAt = timestamp(linode.value(key("created")));

    const QJsonObject specs = object(specsValue);
    machine.vcpus = integer(specs.value(key("vcpus")));
    machine.memoryMb = integer(specs.value(key("memory")));
    machine.diskGb = (integer(specs.value(key("disk"))) + 512) / 1024; // Linode counts disk in MB

    // Public and private IPv4 addresses come in one list; only the address tells them apart.
    for (const QString &address : strings(ipv4Value)) {
        if (QHostAddress(address).protocol() != QAbstractSocket::IPv4Protocol)
            continue;
        (isPrivateIpv4(address) ? machine.privateIpv4 : machine.publicIpv4).append(address);
    }
    // The SLAAC address, "2600:3c03::f03c:91ff:fe24:3a2f/128", or null.
    const QString ipv6 = string(linode.value(key("ipv6"))).section(QLatin1Char('/'), 0, 0);
    if (QHostAddress(ipv6).protocol() == QAbstractSocket::IPv6Protocol)
        machine.publicIpv6.append(ipv6);

    if (const QString hypervisor = string(linode.value(key("hypervisor"))); !hypervisor.isEmpty())
        machine.extra.insert(QStringLiteral("hypervisor"), hypervisor);
    if (const QString cluster = JsonReader::id(linode.value(key("lke_cluster_id")));
        !cluster.isEmpty())
        machine.extra.insert(QStringLiteral("lkeClusterId"), cluster);
    const QJsonObject backups = object(linode.value(key("backups")));
    if (backups.value(key("enabled")).isBool())
        machine.extra.insert(QStringLiteral("backupsEnabled"),
                             backups.value(key("enabled")).toBool());
    return machine;
}

Result<QList<Machine>> LinodeParser::instances(const QJsonObject &page)
{
    return list<Machine>(page, key("data"), &LinodeParser::instance);
}

Result<std::optional<int>> LinodeParser::nextPage(const QJsonObject &page, int requestedPage)
{
    const QJsonValue pages = page.value(key("pages"));
    const QJsonValue current = page.value(key("page"));
    if (!pages.isDouble() || pages.toDouble() < 0)
        return shapeError(QStringLiteral("no page count"));
    // Linode answers a page past the end with the last page: following its own "page" could loop.
    if (!current.isDouble() || current.toInt() != requestedPage)
        return shapeError(QStringLiteral("the reply is not page %1").arg(requestedPage));
    if (requestedPage < pages.toInt())
        return std::optional<int>(requestedPage + 1);
    return std::optional<int>();
}

std::optional<qint64> LinodeParser::statedTotal(const QJsonObject &page)
{
    return count(page.value(key("results")));
}

Result<QString> LinodeParser::profile(const QJsonObject &reply)
{
    const QString username = string(reply.value(key("username")));
    if (username.isEmpty())
        return shapeError(QStringLiteral("the profile has no username"));
    const QString email = string(reply.value(key("email")));
    return email.isEmpty() ? username : QStringLiteral("%1 (%2)").arg(username, email);
}

HttpClient::ProviderError LinodeParser::error(const QJsonObject &body)
{
    QStringList messages;
    QString firstField;
    const QJsonArray errors = body.value(key("errors")).toArray();
    for (const QJsonValue &entry : errors) {
        const QJsonObject error = object(entry);
        const QString reason = string(error.value(key("reason")));
        if (reason.isEmpty())
            continue;
        const QString field = string(error.value(key("field")));
        if (firstField.isEmpty())
            firstField = field;
        messages.append(field.isEmpty() ? reason : QStringLiteral("%1: %2").arg(field, reason));
    }
    // Linode has no error codes; the field is the closest thing to one a caller can branch on.
    return {firstField, messages.join(QStringLiteral("; "))};
}

Result<QList<LinodeParser::Type>> LinodeParser::types(const QJsonObject &page)
{
    return list<Type>(page, key("data"), [](const QJsonValue &value) -> Result<Type> {
        const QJsonObject type = object(value);
        Type result;
        Size &size = result.size;
        size.id = string(type.value(key("id")));
        if (size.id.isEmpty())
            return shapeError(QStringLiteral("a Linode type has no id"));
        size.description = string(type.value(key("label")));
        size.vcpus = integer(type.value(key("vcpus")));
        size.memoryMb = integer(type.value(key("memory")));
        size.diskGb = (integer(type.value(key("disk"))) + 512) / 1024;
        const PriceTable::Price defaultPrice = price(type.value(key("price")));
        size.priceMonthly = defaultPrice.monthly;
        size.priceHourly = defaultPrice.hourly;
        const QJsonArray regionPrices = type.value(key("region_prices")).toArray();
        for (const QJsonValue &entry : regionPrices) {
            const QString region = string(object(entry).value(key("id")));
            if (!region.isEmpty())
                result.regionPrices.append({region, price(entry)});
        }
        return result;
    });
}

PriceTable LinodeParser::priceTable(const QList<Type> &types)
{
    PriceTable table;
    for (const Type &type : types) {
        table.set(type.size.id, {type.size.priceMonthly, type.size.priceHourly});
        for (const auto &[region, regionPrice] : type.regionPrices)
            table.setRegional(type.size.id, region, regionPrice);
    }
    return table;
}

Result<QList<Region>> LinodeParser::regions(const QJsonObject &page)
{
    return list<Region>(page, key("data"), [](const QJsonValue &value) -> Result<Region> {
        const QJsonObject region = object(value);
        Region result;
        result.id = string(region.value(key("id")));
        if (result.id.isEmpty())
            return shapeError(QStringLiteral("a region has no id"));
        result.name = string(region.value(key("label")));
        result.country = string(region.value(key("country"))).toUpper();
        // Some regions offer other products only (Object Storage, ...): not for machines.
        const QStringList capabilities = strings(region.value(key("capabilities")));
        const QString status = string(region.value(key("status")));
        result.available =
            (status.isEmpty() || status == QLatin1String("ok"))
            && (capabilities.isEmpty() || capabilities.contains(QLatin1String("Linodes")));
        return result;
    });
}

Result<QList<Image>> LinodeParser::images(const QJsonObject &page)
{
    auto parsed = list<Image>(page, key("data"), [](const QJsonValue &value) -> Result<Image> {
        const QJsonObject image = object(value);
        Image result;
        result.id = string(image.value(key("id")));
        if (result.id.isEmpty())
            return shapeError(QStringLiteral("an image has no id"));
        result.name = string(image.value(key("label")));
        result.distribution = string(image.value(key("vendor")));
        // Public images ("linode/debian12") are distributions; the account's own ("private/123")
        // were captured from a disk or uploaded.
        result.kind = image.value(key("is_public")).toBool() ? QStringLiteral("distribution")
                                                             : QStringLiteral("custom");
        const QJsonArray regions = image.value(key("regions")).toArray();
        for (const QJsonValue &entry : regions) {
            if (const QString region = string(object(entry).value(key("region")));
                !region.isEmpty())
                result.regions.append(region);
        }
        // An image still being captured or uploaded cannot be deployed yet.
        const QString status = string(image.value(key("status")));
        if (!status.isEmpty() && status != QLatin1String("available"))
            result.kind.clear();
        return result;
    });
    if (!parsed.ok())
        return parsed;
    QList<Image> deployable;
    for (const Image &image : parsed.value()) {
        if (!image.kind.isEmpty())
            deployable.append(image);
    }
    return deployable;
}

Result<QList<SshKey>> LinodeParser::sshKeys(const QJsonObject &page)
{
    return list<SshKey>(page, key("data"), [](const QJsonValue &value) -> Result<SshKey> {
        const QJsonObject sshKey = object(value);
        SshKey result;
        result.id = JsonReader::id(sshKey.value(key("id")));
        if (result.id.isEmpty())
            return shapeError(QStringLiteral("an SSH key has no id"));
        result.name = string(sshKey.value(key("label")));
        result.publicKey = string(sshKey.value(key("ssh_key")));
        result.fingerprint = SshPublicKey::fingerprintSha256(result.publicKey);
        return result;
    });
}
