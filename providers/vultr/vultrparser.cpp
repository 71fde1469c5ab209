#include "vultrparser.h"

#include "jsonreader.h"
#include "sshpublickey.h"

#include <QHostAddress>

using namespace JsonReader;

namespace {
QString key(const char *name)
{
    return QString::fromLatin1(name);
}

// An address Vultr fills in only once the instance has one: "" or "0.0.0.0" / "::" until then.
bool isAssigned(const QString &address, QAbstractSocket::NetworkLayerProtocol protocol)
{
    const QHostAddress ip(address);
    return ip.protocol() == protocol && !ip.isNull() && ip != QHostAddress(QHostAddress::AnyIPv4)
           && ip != QHostAddress(QHostAddress::AnyIPv6);
}

QString planDescription(const QString &type)
{
    static const QHash<QString, QString> names = {
        {QStringLiteral("vc2"), QStringLiteral("Cloud Compute")},
        {QStringLiteral("vhf"), QStringLiteral("High Frequency")},
        {QStringLiteral("vhp"), QStringLiteral("High Performance")},
        {QStringLiteral("vdc"), QStringLiteral("Dedicated Cloud")},
        {QStringLiteral("voc"), QStringLiteral("Optimized Cloud")},
        {QStringLiteral("voc-g"), QStringLiteral("General Purpose Optimized Cloud")},
        {QStringLiteral("voc-c"), QStringLiteral("CPU Optimized Cloud")},
        {QStringLiteral("voc-m"), QStringLiteral("Memory Optimized Cloud")},
        {QStringLiteral("voc-s"), QStringLiteral("Storage Optimized Cloud")},
        {QStringLiteral("vcg"), QStringLiteral("Cloud GPU")},
    };
    return names.value(type, type);
}
} // namespace

MachineState::State VultrParser::state(const QString &status, const QString &powerStatus,
                                       const QString &serverStatus)
{
    // The subscription status decides first: only an active subscription has a meaningful power
    // and server status.
    if (status == QLatin1String("pending"))
        return MachineState::Pending;
    if (status == QLatin1String("suspended"))
        return MachineState::Suspended;
    if (status == QLatin1String("resizing"))
        return MachineState::Pending; // busy until the new plan is in place
    if (status != QLatin1String("active"))
        return MachineState::Unknown;

    if (powerStatus == QLatin1String("stopped"))
        return MachineState::Stopped;
    if (powerStatus != QLatin1String("running"))
        return MachineState::Unknown;
    // Powered on: the server status says whether the operating system is up yet.
    if (serverStatus == QLatin1String("ok") || serverStatus.isEmpty())
        return MachineState::Running;
    if (serverStatus == QLatin1String("installingbooting") || serverStatus == QLatin1String("none"))
        return MachineState::Starting;
    // "locked": Vultr holds the server while it works on it (reinstall, restore, snapshot).
    if (serverStatus == QLatin1String("locked"))
        return MachineState::Pending;
    return MachineState::Unknown;
}

Result<Machine> VultrParser::instance(const QJsonValue &value)
{
    if (!value.isObject())
        return shapeError(QStringLiteral("an instance is not an object"));
    const QJsonObject instance = value.toObject();
    Machine machine;
    machine.providerId = QStringLiteral("vultr");
    machine.id = string(instance.value(key("id")));
    if (machine.id.isEmpty())
        return shapeError(QStringLiteral("an instance has no id"));

    machine.name = string(instance.value(key("label")));
    if (machine.name.isEmpty())
        machine.name = string(instance.value(key("hostname")));
    const QString status = string(instance.value(key("status")));
    const QString powerStatus = string(instance.value(key("power_status")));
    const QString serverStatus = string(instance.value(key("server_status")));
    machine.state = state(status, powerStatus, serverStatus);
    QStringList details;
    for (const QString &word : {powerStatus, serverStatus}) {
        if (!word.isEmpty())
            details.append(word);
    }
    machine.providerState =
        details.isEmpty()
            ? status
            : QStringLiteral("%1 (%2)").arg(status, details.join(QStringLiteral(", ")));
    machine.region = string(instance.value(key("region")));
    machine.size = string(instance.value(key("plan")));
    machine.image = string(instance.value(key("os")));
    machine.tags = strings(instance.value(key("tags")));
    if (machine.tags.isEmpty()) { // the deprecated single "tag"
        if (const QString tag = string(instance.value(key("tag"))); !tag.isEmpty())
            machine.tags.append(tag);
    }
    machine.createdAt = dateTime(instance.value(key("date_created")));
    machine.vcpus = integer(instance.value(key("vcpu_count")));
    machine.memoryMb = integer(instance.value(key("ram")));
    machine.diskGb = integer(instance.value(key("disk")));

    const QString mainIp = string(instance.value(key("main_ip")));
    if (isAssigned(mainIp, QAbstractSocket::IPv4Protocol))
        machine.publicIpv4.append(mainIp);
    const QString internalIp = string(instance.value(key("internal_ip")));
    if (isAssigned(internalIp, QAbstractSocket::IPv4Protocol))
        machine.privateIpv4.append(internalIp);
    QStringList ipv6 {string(instance.value(key("v6_main_ip")))};
    const QJsonArray v6Networks = instance.value(key("v6_networks")).toArray();
    for (const QJsonValue &network : v6Networks)
        ipv6.append(string(object(network).value(key("main_ip"))));
    for (const QString &address : std::as_const(ipv6)) {
        // Vultr writes IPv6 addresses with leading zeros; compare them in canonical form.
        const QHostAddress ip(address);
        if (isAssigned(address, QAbstractSocket::IPv6Protocol)
            && !machine.publicIpv6.contains(ip.toString()))
            machine.publicIpv6.append(ip.toString());
    }

    if (!powerStatus.isEmpty())
        machine.extra.insert(QStringLiteral("powerStatus"), powerStatus);
    if (!serverStatus.isEmpty())
        machine.extra.insert(QStringLiteral("serverStatus"), serverStatus);
    if (const QString hostname = string(instance.value(key("hostname"))); !hostname.isEmpty())
        machine.extra.insert(QStringLiteral("hostname"), hostname);
    if (const QString osId = JsonReader::id(instance.value(key("os_id"))); !osId.isEmpty())
        machine.extra.insert(QStringLiteral("osId"), osId);
    if (const QStringList features = strings(instance.value(key("features"))); !features.isEmpty())
        machine.extra.insert(QStringLiteral("features"), features);
    // Not kept: "default_password" (a secret) and "kvm" (a console URL that carries a token).
    return machine;
}

Result<QList<Machine>> VultrParser::instances(const QJsonObject &page)
{
    return list<Machine>(page, key("instances"), &VultrParser::instance);
}

std::optional<qint64> VultrParser::statedTotal(const QJsonObject &page)
{
    return count(object(page.value(key("meta"))).value(key("total")));
}

Result<std::optional<QString>> VultrParser::nextCursor(const QJsonObject &page)
{
    const QJsonValue meta = page.value(key("meta"));
    if (!meta.isObject())
        return shapeError(QStringLiteral("\"meta\" is not an object"));
    const QJsonValue links = meta.toObject().value(key("links"));
    if (links.isUndefined() || links.isNull())
        return std::optional<QString>(); // a list that is not paginated
    if (!links.isObject())
        return shapeError(QStringLiteral("\"meta.links\" is not an object"));
    const QJsonValue next = links.toObject().value(key("next"));
    if (!next.isUndefined() && !next.isNull() && !next.isString())
        return shapeError(QStringLiteral("the next-page cursor is not a string"));
    if (next.toString().isEmpty())
        return std::optional<QString>();
    return std::optional<QString>(next.toString());
}

Result<QString> VultrParser::account(const QJsonObject &reply)
{
    const QJsonValue account = reply.value(key("account"));
    if (!account.isObject())
        return shapeError(QStringLiteral("no \"account\" object"));
    const QString name = string(account.toObject().value(key("name")));
    const QString email = string(account.toObject().value(key("email")));
    if (email.isEmpty())
        return shapeError(QStringLiteral("the account has no email"));
    return name.isEmpty() ? email : QStringLiteral("%1 (%2)").arg(name, email);
}

HttpClient::ProviderError VultrParser::error(const QJsonObject &body)
{
    return {QString(), string(body.value(key("error")))};
}

Result<QList<Size>> VultrParser::plans(const QJsonObject &page)
{
    return list<Size>(page, key("plans"), [](const QJsonValue &value) -> Result<Size> {
        const QJsonObject plan = object(value);
        Size result;
        result.id = string(plan.value(key("id")));
        if (result.id.isEmpty())
            return shapeError(QStringLiteral("a plan has no id"));
        result.description = string(plan.value(key("name")));
        if (result.description.isEmpty())
            result.description = planDescription(string(plan.value(key("type"))));
        result.vcpus = integer(plan.value(key("vcpu_count")));
        result.memoryMb = integer(plan.value(key("ram")));
        result.diskGb = integer(plan.value(key("disk")));
        result.priceMonthly = number(plan.value(key("monthly_cost")));
        result.priceHourly = number(plan.value(key("hourly_cost")));
        if (!result.priceHourly && result.priceMonthly)
            result.priceHourly = *result.priceMonthly / billedHoursPerMonth;
        // "locations": where the plan can be deployed now; none means nowhere.
        result.regions = strings(plan.value(key("locations")));
        result.available = !result.regions.isEmpty();
        return result;
    });
}

Result<QList<Region>> VultrParser::regions(const QJsonObject &page)
{
    return list<Region>(page, key("regions"), [](const QJsonValue &value) -> Result<Region> {
        const QJsonObject region = object(value);
        Region result;
        result.id = string(region.value(key("id")));
        if (result.id.isEmpty())
            return shapeError(QStringLiteral("a region has no id"));
        result.name = string(region.value(key("city")));
        result.country = string(region.value(key("country")));
        return result;
    });
}

Result<QList<Image>> VultrParser::operatingSystems(const QJsonObject &page)
{
    auto parsed = list<Image>(page, key("os"), [](const QJsonValue &value) -> Result<Image> {
        const QJsonObject os = object(value);
        Image result;
        result.id = JsonReader::id(os.value(key("id")));
        if (result.id.isEmpty())
            return shapeError(QStringLiteral("an operating system has no id"));
        result.name = string(os.value(key("name")));
        result.distribution = string(os.value(key("family")));
        result.kind = QStringLiteral("distribution");
        return result;
    });
    if (!parsed.ok())
        return parsed;
    // "Custom" (iso), "Snapshot", "Backup" and "Application" are listed as operating systems but
    // stand for a deploy from another source, which needs that source's id as well.
    static const QStringList pseudo = {QStringLiteral("iso"), QStringLiteral("snapshot"),
                                       QStringLiteral("backup"), QStringLiteral("application")};
    QList<Image> installable;
    for (const Image &image : parsed.value()) {
        if (!pseudo.contains(image.distribution))
            installable.append(image);
    }
    return installable;
}

Result<QList<Image>> VultrParser::snapshots(const QJsonObject &page)
{
    auto parsed = list<Image>(page, key("snapshots"), [](const QJsonValue &value) -> Result<Image> {
        const QJsonObject snapshot = object(value);
        Image result;
        result.id = string(snapshot.value(key("id")));
        if (result.id.isEmpty())
            return shapeError(QStringLiteral("a snapshot has no id"));
        result.name = string(snapshot.value(key("description")));
        if (result.name.isEmpty())
            result.name = result.id;
        // Only a complete snapshot can be deployed ("pending" is still being taken).
        const QString status = string(snapshot.value(key("status")));
        result.kind = status.isEmpty() || status == QLatin1String("complete")
                          ? QStringLiteral("snapshot")
                          : QString();
        return result;
    });
    if (!parsed.ok())
        return parsed;
    QList<Image> complete;
    for (const Image &image : parsed.value()) {
        if (!image.kind.isEmpty())
            complete.append(image);
    }
    return complete;
}

Result<QList<SshKey>> VultrParser::sshKeys(const QJsonObject &page)
{
    return list<SshKey>(page, key("ssh_keys"), [](const QJsonValue &value) -> Result<SshKey> {
        const QJsonObject sshKey = object(value);
        SshKey result;
        result.id = string(sshKey.value(key("id")));
        if (result.id.isEmpty())
            return shapeError(QStringLiteral("an SSH key has no id"));
        result.name = string(sshKey.value(key("name")));
        result.publicKey = string(sshKey.value(key("ssh_key")));
        result.fingerprint = SshPublicKey::fingerprintSha256(result.publicKey);
        return result;
    });
}
