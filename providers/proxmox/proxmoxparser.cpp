#include "proxmoxparser.h"

#include "jsonreader.h"
#include "proxmoxrequests.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QRegularExpression>
#include <cmath>

using namespace JsonReader;

namespace {
QString key(const char *name)
{
    return QString::fromLatin1(name);
}

constexpr qint64 s_mib = 1024 * 1024;
constexpr qint64 s_gib = 1024 * s_mib;

// {"data": <value>}: every reply of /api2/json. A reply without "data" is not one of them.
Result<QJsonValue> data(const QJsonObject &reply)
{
    const QJsonValue value = reply.value(key("data"));
    if (value.isUndefined())
        return shapeError(QStringLiteral("the reply has no \"data\""));
    return value;
}

// Perl's JSON sends booleans as 0/1 (sometimes as "1"); the schema says boolean.
bool flag(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool();
    return integer(value) != 0;
}

// An integer the schema types as one; Perl sometimes sends it as a string of digits.
std::optional<qint64> wholeNumber(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (number < 0 || number > 9.0e15 || number != double(qint64(number)))
            return std::nullopt;
        return qint64(number);
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 number = value.toString().toLongLong(&ok);
        if (ok && number >= 0)
            return number;
    }
    return std::nullopt;
}

QStringList tagList(const QString &tags)
{
    // pve-tag-list: separated by ';' (what Proxmox writes), ',' or spaces (what it accepts).
    static const QRegularExpression s_separators(QStringLiteral("[;,\\s]+"));
    return tags.split(s_separators, Qt::SkipEmptyParts);
}

// Addresses a person can reach the guest at: not loopback, not link-local. RFC 1918, CGNAT
// (RFC 6598) and unique-local IPv6 are private; the rest public.
void addAddress(const QString &text, ProxmoxParser::Addresses &addresses)
{
    const QString ip = text.section(QLatin1Char('/'), 0, 0);
    QHostAddress address;
    if (!address.setAddress(ip) || address.isLoopback() || address.isLinkLocal())
        return;
    const QString normalised = address.toString();
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const bool isPrivate =
            address.isInSubnet(QHostAddress::parseSubnet(key("10.0.0.0/8")))
            || address.isInSubnet(QHostAddress::parseSubnet(key("172.16.0.0/12")))
            || address.isInSubnet(QHostAddress::parseSubnet(key("192.168.0.0/16")))
            || address.isInSubnet(QHostAddress::parseSubnet(key("100.64.0.0/10")));
        QStringList &list = isPrivate ? addresses.privateIpv4 : addresses.publicIpv4;
        if (!list.contains(normalised))
            list.append(normalised);
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        QStringList &list =
            address.isUniqueLocalUnicast() ? addresses.privateIpv6 : addresses.publicIpv6;
        if (!list.contains(normalised))
            list.append(normalised);
    }
}

// "ip-addresses": [{"ip-address-type": ..., "ip-address": ...}]; an entry without an address
// is skipped (the schema marks every member optional), a non-list is a wrong reply.
std::optional<Error> readAddressList(const QJsonValue &value, const QString &interface,
                                     ProxmoxParser::Addresses &addresses)
{
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isArray())
        return shapeError(
            QStringLiteral("interface %1: \"ip-addresses\" is not a list").arg(interface));
    const QJsonArray entries = value.toArray();
    for (const QJsonValue &entry : entries) {
        if (!entry.isObject())
            return shapeError(
                QStringLiteral("interface %1: an address is not an object").arg(interface));
        addAddress(string(entry.toObject().value(key("ip-address"))), addresses);
    }
    return std::nullopt;
}

Result<ProxmoxParser::Addresses> interfaces(const QJsonValue &list, bool container)
{
    if (!list.isArray())
        return shapeError(QStringLiteral("the interfaces are not a list"));
    ProxmoxParser::Addresses addresses;
    const QJsonArray items = list.toArray();
    for (const QJsonValue &item : items) {
        if (!item.isObject())
            return shapeError(QStringLiteral("an interface is not an object"));
        const QJsonObject interface = item.toObject();
        const QString name = string(interface.value(key("name")));
        if (name.isEmpty())
            return shapeError(QStringLiteral("an interface has no name"));
        if (name == QLatin1String("lo"))
            continue;
        if (std::optional<Error> error =
                readAddressList(interface.value(key("ip-addresses")), name, addresses)) {
            return *error;
        }
        if (container) {
            // Older pve-container sends only the CIDR strings.
            addAddress(string(interface.value(key("inet"))), addresses);
            addAddress(string(interface.value(key("inet6"))), addresses);
        }
    }
    return addresses;
}
} // namespace

bool ProxmoxParser::Task::succeeded() const
{
    static const QRegularExpression s_warnings(QStringLiteral("^WARNINGS: \\d+$"));
    return !running
           && (exitStatus == QLatin1String("OK") || s_warnings.match(exitStatus).hasMatch());
}

MachineState::State ProxmoxParser::state(const QString &status, const QString &lock,
                                         bool isTemplate)
{
    if (isTemplate)
        return MachineState::Template;
    // A lock says what Proxmox is doing to the guest right now.
    if (lock == QLatin1String("create") || lock == QLatin1String("clone"))
        return MachineState::Pending;
    if (lock == QLatin1String("suspending"))
        return MachineState::Stopping;
    if (lock == QLatin1String("suspended")) // hibernated to disk: "stopped" with this lock
        return MachineState::Suspended;
    if (status == QLatin1String("running"))
        return MachineState::Running;
    if (status == QLatin1String("stopped"))
        return MachineState::Stopped;
    if (status == QLatin1String("paused") || status == QLatin1String("suspended"))
        return MachineState::Suspended;
    if (status == QLatin1String("prelaunch"))
        return MachineState::Starting;
    if (status == QLatin1String("internal-error") || status == QLatin1String("io-error"))
        return MachineState::Error;
    return MachineState::Unknown; // "unknown": the guest's node is offline
}

Result<QList<ProxmoxParser::Guest>> ProxmoxParser::resources(const QJsonObject &reply)
{
    const Result<QJsonValue> list = data(reply);
    if (!list.ok())
        return list.error();
    if (!list.value().isArray())
        return shapeError(QStringLiteral("\"data\" is not a list of resources"));
    QList<Guest> guests;
    const QJsonArray items = list.value().toArray();
    for (const QJsonValue &item : items) {
        if (!item.isObject())
            return shapeError(QStringLiteral("a resource is not an object"));
        const QJsonObject resource = item.toObject();
        const QString type = string(resource.value(key("type")));
        if (type.isEmpty())
            return shapeError(QStringLiteral("a resource has no type"));
        if (type != QLatin1String("qemu") && type != QLatin1String("lxc"))
            continue; // nodes, storage, pools, sdn: asked for type=vm, but harmless
        const std::optional<qint64> vmid = wholeNumber(resource.value(key("vmid")));
        const std::optional<ProxmoxRequests::GuestId> id =
            vmid ? ProxmoxRequests::guestId(type + QLatin1Char('/') + QString::number(*vmid))
                 : std::nullopt;
        if (!id)
            return shapeError(QStringLiteral("a %1 resource has no valid vmid").arg(type));
        Guest guest;
        guest.type = type;
        guest.vmid = id->vmid;
        guest.node = string(resource.value(key("node")));
        if (!ProxmoxRequests::isNodeName(guest.node))
            return shapeError(QStringLiteral("%1 has no valid node").arg(id->machineId()));
        const QString status = string(resource.value(key("status")));
        const QString lock = string(resource.value(key("lock")));
        const bool isTemplate = flag(resource.value(key("template")));
        guest.running = status == QLatin1String("running");
        guest.uptime = wholeNumber(resource.value(key("uptime"))).value_or(0);

        Machine &machine = guest.machine;
        machine.id = id->machineId();
        machine.name = string(resource.value(key("name")));
        if (machine.name.isEmpty())
            machine.name = QString::number(guest.vmid);
        machine.state = state(status, lock, isTemplate);
        machine.providerState =
            lock.isEmpty() ? status : status + QStringLiteral(" (lock: %1)").arg(lock);
        machine.region = guest.node;
        const std::optional<double> cpus = number(resource.value(key("maxcpu")));
        machine.vcpus = cpus && *cpus > 0 && *cpus < 1e6 ? int(std::lround(*cpus)) : 0;
        const qint64 memory = wholeNumber(resource.value(key("maxmem"))).value_or(0);
        machine.memoryMb = int(std::min<qint64>(memory / s_mib, 1 << 30));
        const qint64 disk = wholeNumber(resource.value(key("maxdisk"))).value_or(0);
        machine.diskGb = int(std::min<qint64>(disk / s_gib, 1 << 30));
        if (machine.vcpus > 0 && machine.memoryMb > 0)
            machine.size = ProxmoxRequests::presetId(machine.vcpus, machine.memoryMb);
        machine.tags = tagList(string(resource.value(key("tags"))));
        // Only what does not change from poll to poll (not cpu, mem or uptime): a refresh of an
        // unchanged cluster must be "no change" for the model and the cache.
        machine.extra.insert(QStringLiteral("type"), type);
        machine.extra.insert(QStringLiteral("vmid"), guest.vmid);
        if (isTemplate)
            machine.extra.insert(QStringLiteral("template"), true);
        for (const char *member : {"lock", "hastate", "pool"}) {
            const QString value = string(resource.value(key(member)));
            if (!value.isEmpty())
                machine.extra.insert(key(member), value);
        }
        guests.append(guest);
    }
    return guests;
}

Result<QList<Machine>> ProxmoxParser::machines(const QJsonObject &reply)
{
    Result<QList<Guest>> guests = resources(reply);
    if (!guests.ok())
        return guests.error();
    QList<Machine> result;
    result.reserve(guests.value().size());
    for (Guest &guest : guests.value())
        result.append(std::move(guest.machine));
    return result;
}

Result<QString> ProxmoxParser::startedTask(const QJsonObject &reply)
{
    const Result<QJsonValue> value = data(reply);
    if (!value.ok())
        return value.error();
    const QString upid = string(value.value());
    if (!ProxmoxRequests::isUpid(upid))
        return shapeError(QStringLiteral("the reply names no task (UPID)"));
    return upid;
}

Result<ProxmoxParser::Task> ProxmoxParser::task(const QJsonObject &reply)
{
    const Result<QJsonValue> value = data(reply);
    if (!value.ok())
        return value.error();
    if (!value.value().isObject())
        return shapeError(QStringLiteral("the task status is not an object"));
    const QJsonObject object = value.value().toObject();
    Task task;
    task.upid = string(object.value(key("upid")));
    task.type = string(object.value(key("type")));
    const QString status = string(object.value(key("status")));
    if (status == QLatin1String("running")) {
        task.running = true;
    } else if (status == QLatin1String("stopped")) {
        task.exitStatus = string(object.value(key("exitstatus"))).trimmed();
        if (task.exitStatus.isEmpty()) // a stopped task always has one; "unexpected status" else
            task.exitStatus = QStringLiteral("unexpected status");
    } else {
        return shapeError(QStringLiteral("the task's status is neither running nor stopped"));
    }
    return task;
}

Result<int> ProxmoxParser::nextId(const QJsonObject &reply)
{
    const Result<QJsonValue> value = data(reply);
    if (!value.ok())
        return value.error();
    // The schema says integer; pvedaemon sends the number as a string ("105").
    const std::optional<qint64> id = wholeNumber(value.value());
    if (!id || !ProxmoxRequests::guestId(QStringLiteral("qemu/%1").arg(*id)))
        return shapeError(QStringLiteral("/cluster/nextid gave no vmid"));
    return int(*id);
}

Result<QString> ProxmoxParser::version(const QJsonObject &reply)
{
    const Result<QJsonValue> value = data(reply);
    if (!value.ok())
        return value.error();
    const QString version = string(object(value.value()).value(key("version")));
    if (version.isEmpty())
        return shapeError(QStringLiteral("/version names no version"));
    return version;
}

Result<ProxmoxParser::Addresses> ProxmoxParser::agentAddresses(const QJsonObject &reply)
{
    const Result<QJsonValue> value = data(reply);
    if (!value.ok())
        return value.error();
    if (!value.value().isObject())
        return shapeError(QStringLiteral("the guest agent's reply is not an object"));
    return interfaces(value.value().toObject().value(key("result")), false);
}

Result<ProxmoxParser::Addresses> ProxmoxParser::containerAddresses(const QJsonObject &reply)
{
    const Result<QJsonValue> value = data(reply);
    if (!value.ok())
        return value.error();
    return interfaces(value.value(), true);
}

Result<QList<Region>> ProxmoxParser::nodes(const QJsonObject &reply)
{
    const Result<QJsonValue> value = data(reply);
    if (!value.ok())
        return value.error();
    if (!value.value().isArray())
        return shapeError(QStringLiteral("\"data\" is not a list of nodes"));
    QList<Region> regions;
    const QJsonArray items = value.value().toArray();
    for (const QJsonValue &item : items) {
        const QString node = string(object(item).value(key("node")));
        if (!ProxmoxRequests::isNodeName(node))
            return shapeError(QStringLiteral("a node has no valid name"));
        Region region;
        region.id = node;
        region.name = node;
        region.available = string(item.toObject().value(key("status"))) == QLatin1String("online");
        regions.append(region);
    }
    return regions;
}

QList<Image> ProxmoxParser::templates(const QList<Guest> &guests)
{
    QList<Image> images;
    for (const Guest &guest : guests) {
        if (guest.machine.state != MachineState::Template)
            continue;
        Image image;
        image.id = guest.machine.id;
        image.name = guest.machine.name;
        image.kind = QStringLiteral("template");
        image.distribution = guest.type == QLatin1String("qemu") ? QStringLiteral("VM")
                                                                 : QStringLiteral("Container");
        image.regions = {guest.node};
        images.append(image);
    }
    return images;
}

ProxmoxParser::ApiError ProxmoxParser::error(const QJsonObject &body)
{
    ApiError error;
    error.message = string(body.value(key("message"))).trimmed();
    const QJsonObject errors = object(body.value(key("errors")));
    for (auto it = errors.begin(); it != errors.end(); ++it)
        error.parameterErrors.append(it.key() + QStringLiteral(": ")
                                     + string(it.value()).trimmed());
    return error;
}

bool ProxmoxParser::isNoAgent(const QString &message)
{
    // qemu-server's assert_agent_available; the message may be inside our own sentence.
    static const QRegularExpression s_vmStopped(QStringLiteral("\\bVM \\d+ is not running\\b"));
    return message.contains(QLatin1String("QEMU guest agent is not running"))
           || message.contains(QLatin1String("No QEMU guest agent configured"))
           || s_vmStopped.match(message).hasMatch();
}

bool ProxmoxParser::isMissingGuest(const QString &message)
{
    static const QRegularExpression s_missing(
        QStringLiteral("Configuration file '[^']*' does not exist"));
    return s_missing.match(message).hasMatch();
}
