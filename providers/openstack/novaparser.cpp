#include "novaparser.h"

#include "httpresponse.h"
#include "jsonreader.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QUrl>
#include <QUrlQuery>

using namespace JsonReader;

namespace {
QString key(const char *name)
{
    return QString::fromLatin1(name);
}

// A fixed address counts as public when it is globally routable (a provider network with public
// addresses); a floating address is public by definition.
bool isPublic(const QHostAddress &address, const QString &type)
{
    if (type == QLatin1String("floating"))
        return true;
    // RFC 1918 and shared (RFC 6598) IPv4 space; QHostAddress::isPrivateUse is Qt 6.6+.
    static const QList<std::pair<QHostAddress, int>> privateV4 = {
        {QHostAddress(QStringLiteral("10.0.0.0")), 8},
        {QHostAddress(QStringLiteral("172.16.0.0")), 12},
        {QHostAddress(QStringLiteral("192.168.0.0")), 16},
        {QHostAddress(QStringLiteral("100.64.0.0")), 10}};
    for (const auto &[network, length] : privateV4) {
        if (address.isInSubnet(network, length))
            return false;
    }
    return !(address.isLinkLocal() || address.isLoopback() || address.isUniqueLocalUnicast()
             || address.isSiteLocal());
}

// addresses: {"<network name>": [{"addr", "version", "OS-EXT-IPS:type"}]}. A server being built
// has {}. Anything else fails the server: reading it as "no addresses" would wipe the ones
// CloudDeck knows.
std::optional<Error> readAddresses(const QJsonValue &value, Machine &machine)
{
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isObject())
        return shapeError(QStringLiteral("server %1: \"addresses\" is not an object").arg(machine.id));
    QVariantMap perNetwork;
    const QJsonObject networks = value.toObject();
    for (auto it = networks.begin(); it != networks.end(); ++it) {
        if (!it.value().isArray())
            return shapeError(
                QStringLiteral("server %1: addresses of %2 are not a list").arg(machine.id, it.key()));
        QStringList listed;
        const QJsonArray entries = it.value().toArray();
        for (const QJsonValue &entry : entries) {
            const QString addr = string(object(entry).value(key("addr")));
            const QHostAddress address(addr);
            if (address.isNull())
                return shapeError(QStringLiteral("server %1: an address of %2 is not an IP address")
                                      .arg(machine.id, it.key()));
            const QString type = string(entry.toObject().value(key("OS-EXT-IPS:type")));
            const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
            const bool pub = isPublic(address, type);
            QStringList &list = v6 ? (pub ? machine.publicIpv6 : machine.privateIpv6)
                                   : (pub ? machine.publicIpv4 : machine.privateIpv4);
            if (!list.contains(addr))
                list.append(addr);
            listed.append(type.isEmpty() ? addr : QStringLiteral("%1 (%2)").arg(addr, type));
        }
        perNetwork.insert(it.key(), listed);
    }
    machine.extra.insert(QStringLiteral("networks"), perNetwork);
    return std::nullopt;
}

// flavor: {"original_name", "vcpus", "ram", "disk", ...} since 2.47, {"id", "links"} before.
std::optional<Error> readFlavor(const QJsonValue &value, Machine &machine)
{
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isObject())
        return shapeError(QStringLiteral("server %1: \"flavor\" is not an object").arg(machine.id));
    const QJsonObject flavor = value.toObject();
    machine.size = string(flavor.value(key("original_name")));
    if (machine.size.isEmpty())
        machine.size = JsonReader::id(flavor.value(key("id")));
    machine.vcpus = integer(flavor.value(key("vcpus")));
    machine.memoryMb = integer(flavor.value(key("ram")));
    machine.diskGb = integer(flavor.value(key("disk")));
    return std::nullopt;
}
} // namespace

Result<QString> NovaParser::maxVersion(const QJsonObject &reply)
{
    QJsonObject version;
    if (reply.value(key("version")).isObject()) {
        version = reply.value(key("version")).toObject();
    } else if (reply.value(key("versions")).isArray()) {
        const QJsonArray versions = reply.value(key("versions")).toArray();
        for (const QJsonValue &item : versions) {
            if (string(object(item).value(key("id"))) == QLatin1String("v2.1"))
                version = item.toObject();
        }
        if (version.isEmpty())
            return QString(); // only v2.0: no microversions
    } else {
        return shapeError(QStringLiteral("no \"version\" or \"versions\" in the compute API's "
                                         "version document"));
    }
    const QJsonValue max = version.value(key("version"));
    if (!max.isString())
        return shapeError(QStringLiteral("the compute version has no \"version\" string"));
    static const QRegularExpression pattern(QStringLiteral("^(\\d+\\.\\d+)?$"));
    if (!pattern.match(max.toString()).hasMatch())
        return shapeError(QStringLiteral("the compute microversion \"%1\" is not N.N")
                              .arg(max.toString().left(20)));
    return max.toString();
}

int NovaParser::compareVersions(const QString &a, const QString &b)
{
    const auto parts = [](const QString &text) {
        const QStringList split = text.split(QLatin1Char('.'));
        return std::pair<int, int>(split.value(0).toInt(), split.value(1).toInt());
    };
    const auto left = parts(a);
    const auto right = parts(b);
    return left < right ? -1 : (left == right ? 0 : 1);
}

QString NovaParser::negotiate(const QString &cloudMax)
{
    const QString ours = QString::fromLatin1(maxMicroversion);
    if (cloudMax.isEmpty())
        return {};
    return compareVersions(cloudMax, ours) < 0 ? cloudMax : ours;
}

MachineState::State NovaParser::state(const QString &status, const QString &taskState)
{
    // Nova's server statuses (api-ref compute, "Server Status"). While a power change is under
    // way Nova keeps the old status and says so in the task state.
    if (status == QLatin1String("ACTIVE")) {
        if (taskState == QLatin1String("powering-off") || taskState == QLatin1String("deleting"))
            return MachineState::Stopping;
        if (taskState.startsWith(QLatin1String("reboot")))
            return MachineState::Rebooting;
        return MachineState::Running;
    }
    if (status == QLatin1String("SHUTOFF"))
        return taskState == QLatin1String("powering-on") ? MachineState::Starting
                                                         : MachineState::Stopped;
    static const QHash<QString, MachineState::State> states = {
        {QStringLiteral("BUILD"), MachineState::Pending},
        {QStringLiteral("REBUILD"), MachineState::Pending},
        {QStringLiteral("REBOOT"), MachineState::Rebooting},
        {QStringLiteral("HARD_REBOOT"), MachineState::Rebooting},
        // Not running, and each needs its own way back (unpause, resume, unshelve).
        {QStringLiteral("PAUSED"), MachineState::Suspended},
        {QStringLiteral("SUSPENDED"), MachineState::Suspended},
        {QStringLiteral("SHELVED"), MachineState::Suspended},
        {QStringLiteral("SHELVED_OFFLOADED"), MachineState::Suspended},
        {QStringLiteral("RESCUE"), MachineState::Suspended},
        // Moving or resizing finishes on its own: a transition, polled fast.
        {QStringLiteral("RESIZE"), MachineState::Pending},
        {QStringLiteral("MIGRATING"), MachineState::Pending},
        // Resized and running, waiting for the user to confirm or revert.
        {QStringLiteral("VERIFY_RESIZE"), MachineState::Running},
        {QStringLiteral("REVERT_RESIZE"), MachineState::Pending},
        {QStringLiteral("PASSWORD"), MachineState::Running},
        {QStringLiteral("ERROR"), MachineState::Error},
        {QStringLiteral("DELETED"), MachineState::Terminated},
        {QStringLiteral("SOFT_DELETED"), MachineState::Terminated},
        {QStringLiteral("UNKNOWN"), MachineState::Unknown},
    };
    return states.value(status, MachineState::Unknown);
}

Result<Machine> NovaParser::server(const QJsonValue &value, const QString &region)
{
    if (!value.isObject())
        return shapeError(QStringLiteral("a server is not an object"));
    const QJsonObject server = value.toObject();
    Machine machine;
    machine.providerId = QStringLiteral("openstack");
    machine.id = string(server.value(key("id")));
    if (machine.id.isEmpty())
        return shapeError(QStringLiteral("a server has no id"));
    machine.providerState = string(server.value(key("status")));
    if (machine.providerState.isEmpty())
        return shapeError(QStringLiteral("server %1 has no status").arg(machine.id));
    const QString taskState = string(server.value(key("OS-EXT-STS:task_state")));
    machine.state = state(machine.providerState, taskState);
    machine.name = string(server.value(key("name")));
    machine.region = region;
    machine.createdAt = dateTime(server.value(key("created")));
    if (auto error = readAddresses(server.value(key("addresses")), machine))
        return *error;
    if (auto error = readFlavor(server.value(key("flavor")), machine))
        return *error;
    // image is {"id", "links"}, or "" for a server booted from a volume.
    machine.image = JsonReader::id(object(server.value(key("image"))).value(key("id")));
    const QJsonValue tags = server.value(key("tags"));
    if (!tags.isUndefined() && !tags.isNull() && !tags.isArray())
        return shapeError(QStringLiteral("server %1: \"tags\" is not a list").arg(machine.id));
    machine.tags = strings(tags);
    const QJsonValue metadata = server.value(key("metadata"));
    if (!metadata.isUndefined() && !metadata.isNull() && !metadata.isObject())
        return shapeError(QStringLiteral("server %1: \"metadata\" is not an object").arg(machine.id));
    if (!metadata.toObject().isEmpty())
        machine.extra.insert(QStringLiteral("metadata"), metadata.toObject().toVariantMap());
    // Never OS-EXT-SRV-ATTR:user_data (admins see it; it may hold secrets) nor adminPass.
    const struct
    {
        const char *json;
        const char *extra;
    } plain[] = {{"OS-EXT-AZ:availability_zone", "availabilityZone"},
                 {"OS-EXT-STS:vm_state", "vmState"},
                 {"OS-EXT-STS:task_state", "taskState"},
                 {"key_name", "keyName"},
                 {"accessIPv4", "accessIpv4"},
                 {"accessIPv6", "accessIpv6"},
                 {"hostId", "hostId"}};
    for (const auto &field : plain) {
        const QString text = string(server.value(key(field.json)));
        if (!text.isEmpty())
            machine.extra.insert(key(field.extra), text);
    }
    if (!machine.image.isEmpty())
        machine.extra.insert(QStringLiteral("imageId"), machine.image);
    if (server.value(key("locked")).toBool())
        machine.extra.insert(QStringLiteral("locked"), true);
    return machine;
}

Result<QList<Machine>> NovaParser::servers(const QJsonObject &page, const QString &region)
{
    return list<Machine>(page, key("servers"),
                         [region](const QJsonValue &value) { return server(value, region); });
}

Result<std::optional<QString>> NovaParser::nextMarker(const QJsonObject &page,
                                                      const QString &collection)
{
    const QJsonValue links = page.value(collection + QStringLiteral("_links"));
    if (links.isUndefined() || links.isNull())
        return std::optional<QString>();
    if (!links.isArray())
        return shapeError(QStringLiteral("\"%1_links\" is not a list").arg(collection));
    const QJsonArray items = links.toArray();
    for (const QJsonValue &item : items) {
        if (string(object(item).value(key("rel"))) != QLatin1String("next"))
            continue;
        const QUrl href(string(item.toObject().value(key("href"))));
        const QString marker = QUrlQuery(href).queryItemValue(QStringLiteral("marker"),
                                                              QUrl::FullyDecoded);
        if (marker.isEmpty())
            return shapeError(QStringLiteral("the next link of %1 has no marker").arg(collection));
        return std::optional<QString>(marker);
    }
    return std::optional<QString>();
}

Result<QList<Size>> NovaParser::flavors(const QJsonObject &page, const QString &region)
{
    Result<QList<Size>> all = list<Size>(page, key("flavors"), [region](const QJsonValue &value) -> Result<Size> {
        const QJsonObject flavor = object(value);
        Size size;
        size.id = JsonReader::id(flavor.value(key("id")));
        if (size.id.isEmpty())
            return shapeError(QStringLiteral("a flavor has no id"));
        const QString name = string(flavor.value(key("name")));
        size.vcpus = integer(flavor.value(key("vcpus")));
        size.memoryMb = integer(flavor.value(key("ram")));
        size.diskGb = integer(flavor.value(key("disk")));
        const QString description = string(flavor.value(key("description")));
        size.description = description.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, description);
        size.available = !flavor.value(key("OS-FLV-DISABLED:disabled")).toBool();
        size.regions = QStringList {region};
        return size;
    });
    if (!all.ok())
        return all;
    all.value().removeIf([](const Size &size) { return !size.available; });
    return all;
}

Result<QList<SshKey>> NovaParser::keypairs(const QJsonObject &page)
{
    return list<SshKey>(page, key("keypairs"), [](const QJsonValue &value) -> Result<SshKey> {
        const QJsonObject keypair = object(object(value).value(key("keypair")));
        SshKey result;
        result.name = string(keypair.value(key("name")));
        if (result.name.isEmpty())
            return shapeError(QStringLiteral("a key pair has no name"));
        result.id = result.name; // POST /servers takes key_name
        result.fingerprint = string(keypair.value(key("fingerprint")));
        result.publicKey = string(keypair.value(key("public_key"))).trimmed();
        return result;
    });
}

Result<QString> NovaParser::createdServerId(const QJsonObject &reply)
{
    const QString id = string(object(reply.value(key("server"))).value(key("id")));
    if (id.isEmpty())
        return shapeError(QStringLiteral("the created server has no id"));
    return id;
}

HttpClient::ProviderError NovaParser::error(const HttpResponse &response)
{
    HttpClient::ProviderError result;
    const QJsonDocument document = QJsonDocument::fromJson(response.body);
    if (document.isObject()) {
        const QJsonObject body = document.object();
        // One top-level key naming the fault, holding the message.
        for (auto it = body.begin(); it != body.end(); ++it) {
            const QJsonObject fault = object(it.value());
            const QString message = string(fault.value(key("message")));
            if (message.isEmpty())
                continue;
            result.code = it.key();
            if (it.key() == QLatin1String("error"))
                result.code = string(fault.value(key("title")));
            else if (it.key() == QLatin1String("NeutronError"))
                result.code = string(fault.value(key("type")));
            result.message = message.left(500);
            return result;
        }
        return result;
    }
    // Glance answers errors as text ("403 Forbidden\n\nYou are not authorized ...").
    const QString text = QString::fromUtf8(response.body).simplified();
    if (!text.startsWith(QLatin1Char('<')))
        result.message = text.left(300);
    return result;
}
