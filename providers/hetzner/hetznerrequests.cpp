#include "hetznerrequests.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {
QString key(const char *name)
{
    return QString::fromLatin1(name);
}
} // namespace

QString HetznerRequests::actionCommand(MachineAction::Action action)
{
    switch (action) {
    case MachineAction::Start:
        return QStringLiteral("poweron");
    case MachineAction::Shutdown:
        return QStringLiteral("shutdown"); // ACPI request; the guest decides
    case MachineAction::PowerOff:
        return QStringLiteral("poweroff"); // cuts the power
    case MachineAction::Reboot:
        return QStringLiteral("reboot"); // soft reboot (ACPI); "reset" would be the hard one
    case MachineAction::Destroy:
        break;
    }
    return {};
}

Result<QJsonObject> HetznerRequests::createBody(const CreateMachineRequest &request)
{
    const auto missing = [](const QString &what) {
        return Error(
            Error::InvalidInput,
            QCoreApplication::translate("HetznerRequests", "A new server needs %1.").arg(what));
    };
    if (request.name.trimmed().isEmpty())
        return missing(QCoreApplication::translate("HetznerRequests", "a name"));
    if (request.size.trimmed().isEmpty())
        return missing(QCoreApplication::translate("HetznerRequests", "a server type"));
    if (request.image.trimmed().isEmpty())
        return missing(QCoreApplication::translate("HetznerRequests", "an image"));
    // The published OpenAPI description types "image" as a string: "ID or name of the Image the
    // Server is created from". A snapshot's id goes as its decimal string ("203442153"), a
    // system image by name ("ubuntu-24.04"); an integer would not be valid under it.
    QJsonObject body {{key("name"), request.name.trimmed()},
                      {key("server_type"), request.size.trimmed()},
                      {key("image"), request.image.trimmed()},
                      {key("start_after_create"), true}};
    // Without a location Hetzner picks one; the wizard always names one.
    if (!request.region.isEmpty())
        body.insert(key("location"), request.region);
    // Hetzner's published OpenAPI description types the items of "ssh_keys" as strings ("SSH key
    // IDs (`integer`) or names (`string`)"), so an id goes as its decimal string ("2323") and a
    // name as itself: an integer item would not be valid under the description.
    QJsonArray keys;
    for (const QString &sshKey : request.sshKeys)
        keys.append(sshKey.trimmed());
    if (!keys.isEmpty())
        body.insert(key("ssh_keys"), keys);
    if (!request.tags.isEmpty())
        body.insert(key("labels"), labels(request.tags));
    if (!request.userData.isEmpty())
        body.insert(key("user_data"), request.userData);
    for (const char *option : {"networks", "firewalls", "volumes", "placement_group", "automount",
                               "public_net", "start_after_create"}) {
        const QString name = key(option);
        if (request.extra.contains(name))
            body.insert(name, QJsonValue::fromVariant(request.extra.value(name)));
    }
    return body;
}

QJsonObject HetznerRequests::labels(const QStringList &tags)
{
    QJsonObject result;
    for (const QString &tag : tags) {
        const qsizetype equals = tag.indexOf(QLatin1Char('='));
        if (equals < 0)
            result.insert(tag.trimmed(), QString());
        else
            result.insert(tag.left(equals).trimmed(), tag.mid(equals + 1).trimmed());
    }
    return result;
}

QJsonObject HetznerRequests::updateBody(const MachineUpdate &update, const QJsonObject &current)
{
    QJsonObject body;
    if (update.name)
        body.insert(QStringLiteral("name"), *update.name);
    if (update.tags) {
        QJsonObject result = current;
        const QJsonObject removed = labels(update.removedTags());
        for (auto it = removed.constBegin(); it != removed.constEnd(); ++it)
            result.remove(it.key());
        const QJsonObject added = labels(update.addedTags());
        for (auto it = added.constBegin(); it != added.constEnd(); ++it)
            result.insert(it.key(), it.value());
        body.insert(QStringLiteral("labels"), result);
    }
    return body;
}
