#include "digitaloceanrequests.h"

#include "resourceid.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {
QString key(const char *name)
{
    return QString::fromLatin1(name);
}
} // namespace

QString DigitalOceanRequests::actionType(MachineAction::Action action)
{
    switch (action) {
    case MachineAction::Start:
        return QStringLiteral("power_on");
    case MachineAction::Shutdown:
        return QStringLiteral("shutdown");
    case MachineAction::PowerOff:
        return QStringLiteral("power_off");
    case MachineAction::Reboot:
        return QStringLiteral("reboot");
    case MachineAction::Destroy:
        break;
    }
    return {};
}

QJsonObject DigitalOceanRequests::actionBody(MachineAction::Action action)
{
    return {{key("type"), actionType(action)}};
}

Result<QJsonObject> DigitalOceanRequests::createBody(const CreateMachineRequest &request)
{
    if (request.name.trimmed().isEmpty() || request.size.isEmpty() || request.image.isEmpty()) {
        return Error(Error::InvalidInput, QCoreApplication::translate(
                                              "DigitalOceanRequests",
                                              "A new droplet needs a name, a size and an image."));
    }
    QJsonObject body {{key("name"), request.name.trimmed()}, {key("size"), request.size}};
    // Without a region DigitalOcean picks one; an empty string would be rejected.
    if (!request.region.isEmpty())
        body.insert(key("region"), request.region);
    // Public images are named by slug, private ones (snapshots, custom) by numeric id.
    const auto isId = [](const QString &value) {
        return ResourceId::isValid(ResourceId::Numeric, value);
    };
    body.insert(key("image"), isId(request.image) ? QJsonValue(request.image.toLongLong())
                                                  : QJsonValue(request.image));
    if (!request.sshKeys.isEmpty()) {
        QJsonArray keys; // numeric ids, or fingerprints ("3b:16:e4:...")
        for (const QString &sshKey : request.sshKeys)
            keys.append(isId(sshKey) ? QJsonValue(sshKey.toLongLong()) : QJsonValue(sshKey));
        body.insert(key("ssh_keys"), keys);
    }
    for (const char *option : {"backups", "ipv6", "monitoring", "with_droplet_agent"}) {
        if (request.extra.contains(key(option)))
            body.insert(key(option), request.extra.value(key(option)).toBool());
    }
    if (const QString vpc = request.extra.value(key("vpc_uuid")).toString(); !vpc.isEmpty())
        body.insert(key("vpc_uuid"), vpc);
    if (const QStringList volumes = request.extra.value(key("volumes")).toStringList();
        !volumes.isEmpty())
        body.insert(key("volumes"), QJsonArray::fromStringList(volumes));
    if (!request.tags.isEmpty())
        body.insert(key("tags"), QJsonArray::fromStringList(request.tags));
    if (!request.userData.isEmpty())
        body.insert(key("user_data"), request.userData);
    return body;
}

QJsonObject DigitalOceanRequests::renameBody(const QString &name)
{
    return {{QStringLiteral("type"), QStringLiteral("rename")}, {QStringLiteral("name"), name}};
}

QJsonObject DigitalOceanRequests::tagResourcesBody(const QString &dropletId)
{
    // resource_id is a string even for a droplet, whose id is a number elsewhere.
    const QJsonObject resource {{QStringLiteral("resource_id"), dropletId},
                                {QStringLiteral("resource_type"), QStringLiteral("droplet")}};
    return {{QStringLiteral("resources"), QJsonArray {resource}}};
}

QJsonObject DigitalOceanRequests::tagBody(const QString &tag)
{
    return {{QStringLiteral("name"), tag}};
}
