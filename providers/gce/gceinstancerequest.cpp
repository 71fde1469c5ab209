#include "gceinstancerequest.h"

#include <QJsonArray>
#include <QRegularExpression>

Result<QJsonObject> GceInstanceRequest::labels(const QStringList &tags)
{
    static const QRegularExpression key(QStringLiteral("^[a-z][a-z0-9_-]{0,62}$"));
    static const QRegularExpression value(QStringLiteral("^[a-z0-9_-]{0,63}$"));
    QJsonObject labels;
    for (const QString &tag : tags) {
        const qsizetype colon = tag.indexOf(QLatin1Char(':'));
        const QString name = (colon < 0 ? tag : tag.left(colon)).toLower();
        const QString text = colon < 0 ? QString() : tag.mid(colon + 1).toLower();
        if (!key.match(name).hasMatch() || !value.match(text).hasMatch()) {
            return Error(Error::InvalidInput,
                         tr("\"%1\" cannot be a Compute Engine label: use lower-case letters, "
                            "digits, '_' and '-', as key or key:value.")
                             .arg(tag));
        }
        labels.insert(name, text);
    }
    return labels;
}

QString GceInstanceRequest::sshKeyLine(const QString &key, const QString &fallbackUser)
{
    static const QRegularExpression prefixed(QStringLiteral("^[a-z_][a-z0-9_.-]{0,31}:"));
    static const QRegularExpression login(QStringLiteral("^[a-z_][a-z0-9_.-]{0,31}$"));
    QString line = key.simplified();
    if (prefixed.match(line).hasMatch())
        return line;
    const QString comment = line.section(QLatin1Char(' '), 2);
    const QString user = comment.section(QLatin1Char('@'), 0, 0).toLower();
    return (login.match(user).hasMatch() ? user : fallbackUser) + QLatin1Char(':') + line;
}

bool GceInstanceRequest::isImagePath(const QString &image)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^projects/[a-z0-9.:-]{1,100}/global/images/(family/)?[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$"));
    return pattern.match(image).hasMatch();
}

Result<QJsonObject> GceInstanceRequest::body(const CreateMachineRequest &request,
                                             const QString &zone, const QStringList &sshKeyLines)
{
    if (!isImagePath(request.image)) {
        return Error(Error::InvalidInput,
                     tr("\"%1\" is not a Compute Engine image such as "
                        "projects/debian-cloud/global/images/family/debian-12.")
                         .arg(request.image));
    }
    const Result<QJsonObject> labelObject = labels(request.tags);
    if (!labelObject.ok())
        return labelObject.error();

    // Instance, AttachedDisk, AttachedDiskInitializeParams, NetworkInterface, AccessConfig and
    // Metadata in the Discovery document; partial URLs ("zones/…/machineTypes/…",
    // "global/networks/default") are what the API documents for these members.
    QJsonObject disk {{QStringLiteral("boot"), true},
                      {QStringLiteral("autoDelete"), true},
                      {QStringLiteral("type"), QStringLiteral("PERSISTENT")},
                      {QStringLiteral("initializeParams"),
                       QJsonObject {{QStringLiteral("sourceImage"), request.image}}}};
    const QString network = request.extra.value(QStringLiteral("network")).toString();
    QJsonObject nic {
        {QStringLiteral("network"),
         network.isEmpty() ? QStringLiteral("global/networks/default") : network},
        {QStringLiteral("accessConfigs"),
         QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("ONE_TO_ONE_NAT")},
                                  {QStringLiteral("name"), QStringLiteral("External NAT")}}}}};
    if (const QString subnet = request.extra.value(QStringLiteral("subnetwork")).toString();
        !subnet.isEmpty())
        nic.insert(QStringLiteral("subnetwork"), subnet);

    QJsonArray items;
    if (!sshKeyLines.isEmpty()) {
        items.append(QJsonObject {{QStringLiteral("key"), QStringLiteral("ssh-keys")},
                                  {QStringLiteral("value"), sshKeyLines.join(QLatin1Char('\n'))}});
    }
    if (!request.userData.isEmpty()) {
        // cloud-init (Ubuntu, Debian's cloud images) reads "user-data"; GCE's guest agent runs
        // "startup-script" on every image.
        const bool cloudConfig = request.userData.startsWith(QLatin1String("#cloud-config"));
        items.append(
            QJsonObject {{QStringLiteral("key"), cloudConfig ? QStringLiteral("user-data")
                                                             : QStringLiteral("startup-script")},
                         {QStringLiteral("value"), request.userData}});
    }
    QJsonObject body {{QStringLiteral("name"), request.name.trimmed()},
                      {QStringLiteral("machineType"),
                       QStringLiteral("zones/%1/machineTypes/%2").arg(zone, request.size)},
                      {QStringLiteral("disks"), QJsonArray {disk}},
                      {QStringLiteral("networkInterfaces"), QJsonArray {nic}}};
    if (!labelObject.value().isEmpty())
        body.insert(QStringLiteral("labels"), labelObject.value());
    if (!items.isEmpty())
        body.insert(QStringLiteral("metadata"), QJsonObject {{QStringLiteral("items"), items}});
    return body;
}
