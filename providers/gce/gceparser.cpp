#include "gceparser.h"

#include "jsonreader.h"
#include "sshpublickey.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

namespace {
QString str(const QJsonObject &object, const char *key)
{
    return JsonReader::string(object.value(QLatin1String(key)));
}

/// Every scoped list of an aggregated page ("zones/us-central1-a": {"instances": [...]}) through
/// @p parse; a scope with only a "warning" (NO_RESULTS_ON_PAGE) has no list and is skipped.
template<typename T>
Result<QList<T>> scoped(const QJsonObject &page, const QString &listKey,
                        const std::function<Result<T>(const QJsonValue &)> &parse)
{
    const QJsonValue items = page.value(QLatin1String("items"));
    QList<T> result;
    if (items.isUndefined())
        return result; // an empty project's page may leave "items" out
    if (!items.isObject())
        return JsonReader::shapeError(QStringLiteral("\"items\" is not an object"));
    const QJsonObject scopes = items.toObject();
    for (auto it = scopes.begin(); it != scopes.end(); ++it) {
        if (!it.value().isObject())
            return JsonReader::shapeError(
                QStringLiteral("scope \"%1\" is not an object").arg(it.key()));
        const QJsonObject scope = it.value().toObject();
        if (!scope.contains(listKey))
            continue;
        Result<QList<T>> part = JsonReader::list<T>(scope, listKey, parse);
        if (!part.ok())
            return part.error();
        result.append(part.takeValue());
    }
    return result;
}
} // namespace

QString GceParser::lastSegment(const QString &url)
{
    return url.section(QLatin1Char('/'), -1);
}

QString GceParser::regionOfZone(const QString &zone)
{
    const qsizetype dash = zone.lastIndexOf(QLatin1Char('-'));
    return dash > 0 ? zone.left(dash) : zone;
}

QString GceParser::imagePath(const QString &url)
{
    const qsizetype at = url.indexOf(QLatin1String("projects/"));
    return at < 0 ? url : url.mid(at);
}

MachineState::State GceParser::state(const QString &status)
{
    // Instance.status in the Discovery document (compute v1, revisions 20230620 and the one in
    // google-api-python-client 02d69f6f): exactly these ten values; tests/data/gce/
    // check_discovery.py compares this table with the document's enum (PENDING_STOP, once
    // here, is in neither). TERMINATED is GCE's word for a stopped instance (it still exists
    // and can be started), not a deleted one.
    static const QHash<QString, MachineState::State> states = {
        {QStringLiteral("PROVISIONING"), MachineState::Starting},
        {QStringLiteral("STAGING"), MachineState::Starting},
        {QStringLiteral("RUNNING"), MachineState::Running},
        {QStringLiteral("STOPPING"), MachineState::Stopping},
        {QStringLiteral("STOPPED"), MachineState::Stopped},
        {QStringLiteral("TERMINATED"), MachineState::Stopped},
        {QStringLiteral("SUSPENDING"), MachineState::Stopping},
        {QStringLiteral("SUSPENDED"), MachineState::Suspended},
        {QStringLiteral("DEPROVISIONING"), MachineState::Stopping},
        // The host failed and GCE is moving the instance: it is not usable meanwhile.
        {QStringLiteral("REPAIRING"), MachineState::Error},
    };
    return states.value(status, MachineState::Unknown);
}

Result<Machine> GceParser::instance(const QJsonValue &value)
{
    if (!value.isObject())
        return JsonReader::shapeError(QStringLiteral("an instance is not an object"));
    const QJsonObject object = value.toObject();
    Machine machine;
    machine.providerId = QStringLiteral("gce");
    machine.id = JsonReader::id(object.value(QLatin1String("id")));
    static const QRegularExpression numeric(QStringLiteral("^[1-9][0-9]{0,19}$"));
    if (!numeric.match(machine.id).hasMatch())
        return JsonReader::shapeError(QStringLiteral("an instance has no numeric \"id\""));
    machine.name = str(object, "name");
    if (machine.name.isEmpty())
        return JsonReader::shapeError(
            QStringLiteral("instance %1 has no \"name\"").arg(machine.id));
    machine.providerState = str(object, "status");
    machine.state = state(machine.providerState);
    const QString zone = lastSegment(str(object, "zone"));
    machine.region = regionOfZone(zone);
    machine.size = lastSegment(str(object, "machineType"));
    machine.createdAt = JsonReader::dateTime(object.value(QLatin1String("creationTimestamp")));
    machine.extra.insert(QStringLiteral("zone"), zone);
    if (const QString message = str(object, "statusMessage"); !message.isEmpty())
        machine.extra.insert(QStringLiteral("stateReason"), message);

    const QJsonArray interfaces = object.value(QLatin1String("networkInterfaces")).toArray();
    for (const QJsonValue &nicValue : interfaces) {
        const QJsonObject nic = JsonReader::object(nicValue);
        if (const QString ip = str(nic, "networkIP"); !ip.isEmpty())
            machine.privateIpv4.append(ip);
        if (const QString ip = str(nic, "ipv6Address"); !ip.isEmpty())
            machine.privateIpv6.append(ip); // internal IPv6 (ULA subnets)
        const QJsonArray access = nic.value(QLatin1String("accessConfigs")).toArray();
        for (const QJsonValue &config : access) {
            if (const QString ip = str(JsonReader::object(config), "natIP"); !ip.isEmpty())
                machine.publicIpv4.append(ip);
        }
        const QJsonArray access6 = nic.value(QLatin1String("ipv6AccessConfigs")).toArray();
        for (const QJsonValue &config : access6) {
            if (const QString ip = str(JsonReader::object(config), "externalIpv6"); !ip.isEmpty())
                machine.publicIpv6.append(ip);
        }
    }

    const QJsonObject labels = JsonReader::object(object.value(QLatin1String("labels")));
    QVariantMap labelMap;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        const QString text = JsonReader::string(it.value());
        machine.tags.append(text.isEmpty() ? it.key() : it.key() + QLatin1Char(':') + text);
        labelMap.insert(it.key(), text);
    }
    if (!labelMap.isEmpty())
        machine.extra.insert(QStringLiteral("labels"), labelMap);
    const QStringList networkTags = JsonReader::strings(
        JsonReader::object(object.value(QLatin1String("tags"))).value(QLatin1String("items")));
    machine.tags.append(networkTags);
    if (!networkTags.isEmpty())
        machine.extra.insert(QStringLiteral("networkTags"), networkTags);

    const QJsonArray disks = object.value(QLatin1String("disks")).toArray();
    for (const QJsonValue &diskValue : disks) {
        const QJsonObject disk = JsonReader::object(diskValue);
        if (!disk.value(QLatin1String("boot")).toBool())
            continue;
        machine.extra.insert(QStringLiteral("bootDisk"), str(disk, "source"));
        machine.diskGb =
            int(JsonReader::number(disk.value(QLatin1String("diskSizeGb"))).value_or(0));
        // The boot disk's licence names its distribution ("debian-12-bookworm") without the
        // disk call; the disk's sourceImage, joined later, is more precise.
        const QStringList licenses = JsonReader::strings(disk.value(QLatin1String("licenses")));
        if (!licenses.isEmpty())
            machine.image = lastSegment(licenses.first());
        break;
    }
    return machine;
}

Result<QList<Machine>> GceParser::instancesPage(const QJsonObject &page)
{
    const QStringList unreachable = JsonReader::strings(page.value(QLatin1String("unreachables")));
    if (!unreachable.isEmpty()) {
        return Error(Error::Server,
                     tr("Compute Engine could not list the instances in %1 just now; the last "
                        "complete list is kept. Try again in a minute.")
                         .arg(unreachable.join(QStringLiteral(", "))));
    }
    return scoped<Machine>(page, QStringLiteral("instances"), &GceParser::instance);
}

Result<QList<GceParser::DiskImage>> GceParser::disksPage(const QJsonObject &page)
{
    return scoped<DiskImage>(page, QStringLiteral("disks"),
                             [](const QJsonValue &value) -> Result<DiskImage> {
                                 const QJsonObject disk = JsonReader::object(value);
                                 return DiskImage {str(disk, "selfLink"), str(disk, "sourceImage")};
                             });
}

QString GceParser::nextPageToken(const QJsonObject &page)
{
    return str(page, "nextPageToken");
}

Result<GceParser::Operation> GceParser::operation(const QJsonObject &reply)
{
    Operation operation;
    operation.name = str(reply, "name");
    operation.status = str(reply, "status");
    static const QStringList statuses = {QStringLiteral("PENDING"), QStringLiteral("RUNNING"),
                                         QStringLiteral("DONE")};
    if (operation.name.isEmpty() || !statuses.contains(operation.status))
        return JsonReader::shapeError(QStringLiteral("not an Operation (no name or status)"));
    operation.zone = lastSegment(str(reply, "zone"));
    operation.operationType = str(reply, "operationType");
    operation.targetId = JsonReader::id(reply.value(QLatin1String("targetId")));
    operation.httpErrorStatusCode =
        JsonReader::integer(reply.value(QLatin1String("httpErrorStatusCode")));
    const QJsonArray errors = JsonReader::object(reply.value(QLatin1String("error")))
                                  .value(QLatin1String("errors"))
                                  .toArray();
    QStringList messages;
    for (const QJsonValue &value : errors) {
        const QJsonObject error = JsonReader::object(value);
        if (operation.errorCode.isEmpty())
            operation.errorCode = str(error, "code");
        const QString message = str(error, "message");
        messages.append(message.isEmpty() ? str(error, "code") : message);
    }
    messages.removeAll(QString());
    operation.errorMessage = messages.join(QStringLiteral("; "));
    if (operation.errorMessage.isEmpty() && reply.contains(QLatin1String("error")))
        operation.errorMessage = str(reply, "httpErrorMessage");
    if (operation.errorMessage.isEmpty() && reply.contains(QLatin1String("error")))
        operation.errorMessage = tr("the operation failed without saying why");
    return operation;
}

Result<QList<Region>> GceParser::zonesPage(const QJsonObject &page)
{
    if (!page.contains(QLatin1String("items")))
        return QList<Region>();
    return JsonReader::list<Region>(
        page, QStringLiteral("items"), [](const QJsonValue &value) -> Result<Region> {
            const QJsonObject zone = JsonReader::object(value);
            Region region;
            region.id = str(zone, "name");
            if (region.id.isEmpty())
                return JsonReader::shapeError(QStringLiteral("a zone has no name"));
            region.name =
                QStringLiteral("%1 (%2)").arg(region.id, lastSegment(str(zone, "region")));
            region.available = str(zone, "status") == QLatin1String("UP");
            return region;
        });
}

Result<QList<Size>> GceParser::machineTypesPage(const QJsonObject &page)
{
    if (!page.contains(QLatin1String("items")))
        return QList<Size>();
    return JsonReader::list<Size>(
        page, QStringLiteral("items"), [](const QJsonValue &value) -> Result<Size> {
            const QJsonObject type = JsonReader::object(value);
            Size size;
            size.id = str(type, "name");
            if (size.id.isEmpty())
                return JsonReader::shapeError(QStringLiteral("a machine type has no name"));
            size.description = str(type, "description");
            size.vcpus = JsonReader::integer(type.value(QLatin1String("guestCpus")));
            size.memoryMb = JsonReader::integer(type.value(QLatin1String("memoryMb")));
            if (const QString zone = lastSegment(str(type, "zone")); !zone.isEmpty())
                size.regions = {zone};
            // DeprecationStatus.state: ACTIVE only announces an end-of-life date (the document:
            // "Operations which communicate the end of life date ... can use ACTIVE"), so the
            // type is still offered; DEPRECATED, OBSOLETE and DELETED ones are not.
            const QJsonObject deprecated =
                JsonReader::object(type.value(QLatin1String("deprecated")));
            const QString deprecation = str(deprecated, "state");
            size.available = !type.contains(QLatin1String("deprecated"))
                             || deprecation == QLatin1String("ACTIVE");
            return size;
        });
}

Result<Image> GceParser::image(const QJsonObject &reply)
{
    Image image;
    image.id = imagePath(str(reply, "selfLink"));
    image.name = str(reply, "name");
    if (image.name.isEmpty() || !image.id.startsWith(QLatin1String("projects/")))
        return JsonReader::shapeError(QStringLiteral("an image has no name or selfLink"));
    image.distribution = str(reply, "family");
    if (const QString description = str(reply, "description"); !description.isEmpty())
        image.name = description;
    image.kind = image.id.contains(QLatin1String("-cloud/")) ? QStringLiteral("distribution")
                                                             : QStringLiteral("custom");
    return image;
}

Result<QList<Image>> GceParser::imagesPage(const QJsonObject &page)
{
    if (!page.contains(QLatin1String("items")))
        return QList<Image>();
    return JsonReader::list<Image>(page, QStringLiteral("items"), [](const QJsonValue &value) {
        return image(JsonReader::object(value));
    });
}

Result<QString> GceParser::project(const QJsonObject &reply)
{
    const QString name = str(reply, "name");
    if (name.isEmpty())
        return JsonReader::shapeError(QStringLiteral("the project has no name"));
    return name;
}

Result<QList<SshKey>> GceParser::projectSshKeys(const QJsonObject &reply)
{
    if (const Result<QString> name = project(reply); !name.ok())
        return name.error();
    QList<SshKey> keys;
    const QJsonArray items =
        JsonReader::object(reply.value(QLatin1String("commonInstanceMetadata")))
            .value(QLatin1String("items"))
            .toArray();
    for (const QJsonValue &value : items) {
        const QJsonObject item = JsonReader::object(value);
        if (str(item, "key") != QLatin1String("ssh-keys"))
            continue;
        const QStringList lines = str(item, "value").split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &text : lines) {
            const QString line = text.trimmed();
            const qsizetype colon = line.indexOf(QLatin1Char(':'));
            const QString key = line.mid(colon + 1).trimmed();
            if (colon <= 0 || !SshPublicKey::isPublicKey(key))
                continue; // not a key line: nothing to offer
            SshKey sshKey;
            sshKey.fingerprint = SshPublicKey::fingerprintSha256(key);
            sshKey.id = sshKey.fingerprint;
            const QString comment = key.section(QLatin1Char(' '), 2);
            sshKey.name = comment.isEmpty()
                              ? line.left(colon)
                              : QStringLiteral("%1 (%2)").arg(line.left(colon), comment);
            sshKey.publicKey = line;
            keys.append(sshKey);
        }
    }
    return keys;
}

HttpClient::ProviderError GceParser::error(const QJsonObject &body)
{
    HttpClient::ProviderError result;
    const QJsonValue error = body.value(QLatin1String("error"));
    const QJsonObject object = JsonReader::object(error);
    result.message = str(object, "message");
    const QJsonArray errors = object.value(QLatin1String("errors")).toArray();
    const QString reason =
        str(JsonReader::object(errors.isEmpty() ? QJsonValue() : errors.first()), "reason");
    result.code = reason.isEmpty() ? str(object, "status") : reason;
    // Google sends its per-user and per-project rate limits as 403 with these reasons.
    if (reason == QLatin1String("rateLimitExceeded")
        || reason == QLatin1String("userRateLimitExceeded"))
        result.kind = Error::RateLimited;
    return result;
}
