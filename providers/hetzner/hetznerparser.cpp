#include "hetznerparser.h"

#include "httpresponse.h"
#include "jsonreader.h"
#include "resourceid.h"

#include <QHostAddress>
#include <QJsonArray>
#include <algorithm>
#include <cmath>

using namespace JsonReader;

namespace {
QString key(const char *name)
{
    return QString::fromLatin1(name);
}

bool isAbsent(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

// public_net: {"ipv4": {"ip", ...} | null, "ipv6": {"ip": "<network>/64", ...} | null,
// "floating_ips": [...], ...}. Either address may be null: a server can be created without a
// public IPv4 or IPv6 (Primary IPs). Anything else that is not what the reference documents
// (public_net missing, an address object without a usable "ip") fails the server: reading it as
// "no addresses" would wipe the addresses CloudDeck already knows.
std::optional<Error> readPublicNet(const QJsonValue &value, Machine &machine)
{
    if (!value.isObject())
        return shapeError(QStringLiteral("server %1 has no \"public_net\" object").arg(machine.id));
    const QJsonObject publicNet = value.toObject();
    const QJsonValue ipv4 = publicNet.value(key("ipv4"));
    if (!isAbsent(ipv4)) {
        const QString ip = string(object(ipv4).value(key("ip")));
        if (QHostAddress(ip).protocol() != QAbstractSocket::IPv4Protocol)
            return shapeError(
                QStringLiteral("server %1: public_net.ipv4 has no IPv4 address").arg(machine.id));
        machine.publicIpv4.append(ip);
    }
    // Hetzner gives every server a whole /64 ("2001:db8::/64"), and its images configure the
    // first address of it, <prefix>::1, on the server. That address is what a person pings, copies
    // or opens SSH to; a network in CIDR form is not something ssh accepts. So the list holds
    // <prefix>::1 and the network as Hetzner gave it stays in extra["ipv6Network"].
    const QJsonValue ipv6 = publicNet.value(key("ipv6"));
    if (!isAbsent(ipv6)) {
        const QString network = string(object(ipv6).value(key("ip")));
        const QString host = HetznerParser::ipv6HostAddress(network);
        if (host.isEmpty())
            return shapeError(
                QStringLiteral("server %1: public_net.ipv6 has no IPv6 network").arg(machine.id));
        machine.publicIpv6.append(host);
        machine.extra.insert(QStringLiteral("ipv6Network"), network);
    }
    const QJsonArray floating = publicNet.value(key("floating_ips")).toArray();
    if (!floating.isEmpty())
        machine.extra.insert(QStringLiteral("floatingIpCount"), int(floating.size()));
    return std::nullopt;
}

// private_net: [{"network", "ip", "alias_ips": [...], "mac_address"}], empty when the server is in
// no private network. Missing, or an entry without a usable address, fails the server (as above).
std::optional<Error> readPrivateNet(const QJsonValue &value, Machine &machine)
{
    if (!value.isArray())
        return shapeError(QStringLiteral("server %1 has no \"private_net\" list").arg(machine.id));
    const QJsonArray networks = value.toArray();
    for (const QJsonValue &entry : networks) {
        const QJsonObject network = object(entry);
        const QJsonValue aliases = network.value(key("alias_ips"));
        if (!isAbsent(aliases) && !aliases.isArray())
            return shapeError(QStringLiteral("server %1: alias_ips is not a list").arg(machine.id));
        QStringList addresses {string(network.value(key("ip")))};
        const QJsonArray aliasList = aliases.toArray();
        for (const QJsonValue &alias : aliasList)
            addresses.append(string(alias));
        for (const QString &ip : std::as_const(addresses)) {
            const QHostAddress address(ip);
            if (address.protocol() == QAbstractSocket::IPv4Protocol)
                machine.privateIpv4.append(ip);
            else if (address.protocol() == QAbstractSocket::IPv6Protocol)
                machine.privateIpv6.append(ip);
            else
                return shapeError(QStringLiteral("server %1: a private_net entry has no address")
                                      .arg(machine.id));
        }
    }
    return std::nullopt;
}

// A nested object of a server (location, datacenter, server_type, image, labels): absent or null
// reads as empty (a server installed from an ISO has no image), but a value of another type means
// the reply is not what we think it is.
Result<QJsonObject> nested(const QJsonObject &server, const char *name, const QString &id)
{
    const QJsonValue value = server.value(key(name));
    if (isAbsent(value))
        return QJsonObject();
    if (!value.isObject())
        return shapeError(QStringLiteral("server %1: \"%2\" is not an object").arg(id, key(name)));
    return value.toObject();
}

QString imageLabel(const QJsonObject &image)
{
    // System images: description "Ubuntu 24.04", name "ubuntu-24.04". Snapshots: name is null and
    // the description is the user's own text.
    for (const char *field : {"description", "name", "os_flavor"}) {
        QString text = string(image.value(key(field))).trimmed();
        if (!text.isEmpty())
            return text;
    }
    const QString id = JsonReader::id(image.value(key("id")));
    return id.isEmpty() ? QString() : QStringLiteral("image %1").arg(id);
}
} // namespace

MachineState::State HetznerParser::state(const QString &status)
{
    // Hetzner's documented server statuses. "deleting" is the way to gone, like AWS's
    // "shutting-down": a transition (polled fast) until the server disappears from the list.
    // "rebuilding" reinstalls from an image and "migrating" moves the server to another host (a
    // type change or maintenance): both mean "being provisioned, not usable yet", which is what
    // Pending stands for, and both are transitions so the account is polled fast until they end.
    static const QHash<QString, MachineState::State> states = {
        {QStringLiteral("running"), MachineState::Running},
        {QStringLiteral("initializing"), MachineState::Pending},
        {QStringLiteral("starting"), MachineState::Starting},
        {QStringLiteral("stopping"), MachineState::Stopping},
        {QStringLiteral("off"), MachineState::Stopped},
        {QStringLiteral("deleting"), MachineState::Stopping},
        {QStringLiteral("migrating"), MachineState::Pending},
        {QStringLiteral("rebuilding"), MachineState::Pending},
        {QStringLiteral("unknown"), MachineState::Unknown},
    };
    return states.value(status, MachineState::Unknown);
}

Result<Machine> HetznerParser::server(const QJsonValue &value)
{
    if (!value.isObject())
        return shapeError(QStringLiteral("a server is not an object"));
    const QJsonObject server = value.toObject();
    Machine machine;
    machine.providerId = QStringLiteral("hetzner");
    machine.id = JsonReader::id(server.value(key("id")));
    if (!ResourceId::isValid(ResourceId::Numeric, machine.id))
        return shapeError(QStringLiteral("a server has no numeric id"));
    machine.name = string(server.value(key("name")));
    machine.providerState = string(server.value(key("status")));
    machine.state = state(machine.providerState);
    machine.createdAt = dateTime(server.value(key("created")));

    // "location" is the current field; "datacenter" (with its location inside) was removed from
    // the API on 2026-07-01 but is still read for older replies and compatible endpoints.
    const Result<QJsonObject> labels = nested(server, "labels", machine.id);
    const Result<QJsonObject> location = nested(server, "location", machine.id);
    const Result<QJsonObject> datacenter = nested(server, "datacenter", machine.id);
    const Result<QJsonObject> serverType = nested(server, "server_type", machine.id);
    const Result<QJsonObject> image = nested(server, "image", machine.id);
    for (const Result<QJsonObject> *part : {&labels, &location, &datacenter, &serverType, &image}) {
        if (!part->ok())
            return part->error();
    }
    machine.tags = tags(labels.value());

    Result<QJsonObject> place = location;
    if (place.value().isEmpty())
        place = nested(datacenter.value(), "location", machine.id);
    if (!place.ok())
        return place.error();
    machine.region = string(place.value().value(key("name")));
    if (const QString city = string(place.value().value(key("city"))); !city.isEmpty())
        machine.extra.insert(QStringLiteral("regionName"), city);
    if (const QString dc = string(datacenter.value().value(key("name"))); !dc.isEmpty())
        machine.extra.insert(QStringLiteral("datacenter"), dc);

    const QJsonObject &type = serverType.value();
    machine.size = string(type.value(key("name")));
    machine.vcpus = integer(type.value(key("cores")));
    // Memory is in GB and may be fractional (0.5); CloudDeck counts MB.
    if (const auto memory = number(type.value(key("memory")));
        memory && std::isfinite(*memory) && *memory > 0 && *memory < 1.0e6) {
        machine.memoryMb = int(std::lround(*memory * 1024));
    }
    // primary_disk_size is the disk this server really has: a type change without disk upgrade
    // keeps the old, smaller disk, so the type's "disk" would overstate it.
    machine.diskGb = integer(server.value(key("primary_disk_size")));
    if (machine.diskGb <= 0)
        machine.diskGb = integer(type.value(key("disk")));
    const Price price = HetznerParser::price(type.value(key("prices")), machine.region);
    machine.pricePerMonth = price.monthly;
    machine.pricePerHour = price.hourly;
    if (price.monthlyNet)
        machine.extra.insert(QStringLiteral("pricePerMonthNet"), *price.monthlyNet);
    if (const QString cpuType = string(type.value(key("cpu_type"))); !cpuType.isEmpty())
        machine.extra.insert(QStringLiteral("cpuType"), cpuType);
    if (const QString arch = string(type.value(key("architecture"))); !arch.isEmpty())
        machine.extra.insert(QStringLiteral("architecture"), arch);

    // A server installed from an ISO, or whose image was deleted, has "image": null.
    machine.image = imageLabel(image.value());
    if (const QString name = string(image.value().value(key("name"))); !name.isEmpty())
        machine.extra.insert(QStringLiteral("imageName"), name);

    if (const std::optional<Error> error = readPublicNet(server.value(key("public_net")), machine))
        return *error;
    if (const std::optional<Error> error =
            readPrivateNet(server.value(key("private_net")), machine))
        return *error;

    if (server.value(key("locked")).toBool())
        machine.extra.insert(QStringLiteral("locked"), true);
    if (server.value(key("rescue_enabled")).toBool())
        machine.extra.insert(QStringLiteral("rescueEnabled"), true);
    return machine;
}

Result<QList<Machine>> HetznerParser::servers(const QJsonObject &page)
{
    return list<Machine>(page, key("servers"), &HetznerParser::server);
}

Result<std::optional<int>> HetznerParser::nextPage(const QJsonObject &page, int currentPage)
{
    const QJsonValue meta = page.value(key("meta"));
    if (isAbsent(meta))
        return std::optional<int>(); // an unpaginated reply: everything is on this page
    if (!meta.isObject())
        return shapeError(QStringLiteral("\"meta\" is not an object"));
    const QJsonValue pagination = meta.toObject().value(key("pagination"));
    if (isAbsent(pagination))
        return std::optional<int>();
    if (!pagination.isObject())
        return shapeError(QStringLiteral("\"meta.pagination\" is not an object"));
    const QJsonValue next = pagination.toObject().value(key("next_page"));
    if (isAbsent(next))
        return std::optional<int>();
    bool ok = false;
    const int nextPage = JsonReader::id(next).toInt(&ok);
    if (!ok || nextPage < 1)
        return shapeError(QStringLiteral("\"next_page\" is not a page number"));
    if (nextPage <= currentPage)
        return shapeError(QStringLiteral("\"next_page\" %1 does not come after page %2")
                              .arg(nextPage)
                              .arg(currentPage));
    return std::optional<int>(nextPage);
}

std::optional<qint64> HetznerParser::totalEntries(const QJsonObject &page)
{
    const QJsonValue total = object(object(page.value(key("meta"))).value(key("pagination")))
                                 .value(key("total_entries"));
    const QString text = JsonReader::id(total);
    if (text.isEmpty())
        return std::nullopt;
    return text.toLongLong();
}

Result<Machine> HetznerParser::createdServer(const QJsonObject &reply)
{
    Result<Machine> machine = server(reply.value(key("server")));
    if (!machine.ok())
        return machine;
    const QString actionId = JsonReader::id(object(reply.value(key("action"))).value(key("id")));
    if (ResourceId::isValid(ResourceId::Numeric, actionId))
        machine.value().extra.insert(QStringLiteral("createActionId"), actionId);
    return machine;
}

Result<HetznerParser::Action> HetznerParser::action(const QJsonObject &reply)
{
    const QJsonObject object = JsonReader::object(reply.value(key("action")));
    Action action;
    const QString id = JsonReader::id(object.value(key("id")));
    action.status = string(object.value(key("status")));
    if (!ResourceId::isValid(ResourceId::Numeric, id) || action.status.isEmpty())
        return shapeError(QStringLiteral("the action has no numeric id or no status"));
    action.id = id.toLongLong();
    action.command = string(object.value(key("command")));
    // The reference's samples carry an "error" object even on running actions; it only means
    // something once the status is "error".
    const QJsonObject error = JsonReader::object(object.value(key("error")));
    action.errorCode = string(error.value(key("code")));
    action.errorMessage = string(error.value(key("message")));
    return action;
}

HetznerParser::Price HetznerParser::price(const QJsonValue &prices, const QString &location)
{
    Price result;
    if (location.isEmpty())
        return result;
    const QJsonArray entries = prices.toArray();
    for (const QJsonValue &entry : entries) {
        const QJsonObject price = object(entry);
        if (string(price.value(key("location"))) != location)
            continue;
        const QJsonObject monthly = object(price.value(key("price_monthly")));
        const QJsonObject hourly = object(price.value(key("price_hourly")));
        result.monthly = number(monthly.value(key("gross")));
        result.hourly = number(hourly.value(key("gross")));
        result.monthlyNet = number(monthly.value(key("net")));
        result.hourlyNet = number(hourly.value(key("net")));
        break;
    }
    return result;
}

QStringList HetznerParser::tags(const QJsonValue &labels)
{
    QStringList result;
    const QJsonObject object = JsonReader::object(labels);
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString value = string(it.value());
        result.append(value.isEmpty() ? it.key() : it.key() + QLatin1Char('=') + value);
    }
    return result;
}

QString HetznerParser::ipv6HostAddress(const QString &network)
{
    if (network.isEmpty())
        return {};
    if (!network.contains(QLatin1Char('/'))) {
        const QHostAddress address(network);
        return address.protocol() == QAbstractSocket::IPv6Protocol ? network : QString();
    }
    const auto [prefix, length] = QHostAddress::parseSubnet(network);
    if (prefix.protocol() != QAbstractSocket::IPv6Protocol || length < 0 || length > 127)
        return {};
    Q_IPV6ADDR bytes = prefix.toIPv6Address();
    bytes[15] |= 1; // the first host address of the network: <prefix>::1
    return QHostAddress(bytes).toString();
}

HttpClient::ProviderError HetznerParser::error(const HttpResponse &response)
{
    const Result<QJsonObject> body = response.jsonObject();
    if (!body.ok())
        return {};
    const QJsonObject error = object(body.value().value(key("error")));
    HttpClient::ProviderError result {string(error.value(key("code"))),
                                      string(error.value(key("message")))};
    if (result.message.isEmpty())
        result.message = result.code;
    return result;
}

std::optional<RateLimit> HetznerParser::rateLimit(const HttpResponse &response,
                                                  const QDateTime &now)
{
    std::optional<RateLimit> limit = RateLimit::fromHeaders(response);
    if (!limit || limit->limit <= 0 || limit->remaining < 0)
        return limit;
    // RateLimit-Limit is requests per hour and the budget refills one request at a time (3600 an
    // hour: one a second). RateLimit-Reset is when it is *full* again, not when a window restarts,
    // so waiting for it once the budget is gone would stall for up to an hour. Pace by the refill
    // instead: the next (remaining + 1) requests are due no sooner than one refill interval apart.
    const qint64 refillMs = std::max<qint64>(1, 3600'000 / limit->limit);
    const QDateTime paced = now.addMSecs(refillMs * (qint64(limit->remaining) + 1));
    if (!limit->reset.isValid() || paced < limit->reset)
        limit->reset = paced;
    return limit;
}
