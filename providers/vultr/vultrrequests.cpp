#include "vultrrequests.h"

#include "resourceid.h"

#include <QJsonArray>
#include <QRegularExpression>

QString VultrRequests::actionSegment(MachineAction::Action action)
{
    switch (action) {
    case MachineAction::Start:
        return QStringLiteral("start");
    case MachineAction::PowerOff:
        return QStringLiteral("halt"); // a forced power-off
    case MachineAction::Reboot:
        return QStringLiteral("reboot");
    case MachineAction::Shutdown:
    case MachineAction::Destroy:
        break;
    }
    return {};
}

QJsonObject VultrRequests::createBody(const CreateMachineRequest &request,
                                      const QStringList &sshKeyIds)
{
    QJsonObject body {{QStringLiteral("region"), request.region},
                      {QStringLiteral("plan"), request.size}};
    const auto [field, value] = imageField(request.image);
    body.insert(field, value);
    if (!request.name.isEmpty()) {
        body.insert(QStringLiteral("label"), request.name);
        if (const QString name = hostname(request.name); !name.isEmpty())
            body.insert(QStringLiteral("hostname"), name);
    }
    if (!sshKeyIds.isEmpty())
        body.insert(QStringLiteral("sshkey_id"), QJsonArray::fromStringList(sshKeyIds));
    if (!request.tags.isEmpty())
        body.insert(QStringLiteral("tags"), QJsonArray::fromStringList(request.tags));
    if (!request.userData.isEmpty()) {
        body.insert(QStringLiteral("user_data"),
                    QString::fromLatin1(request.userData.toUtf8().toBase64()));
    }
    return body;
}

std::pair<QString, QJsonValue> VultrRequests::imageField(const QString &image)
{
    const QString value = image.section(QLatin1Char(':'), 1);
    if (image.startsWith(QLatin1String("os:"))) {
        bool ok = false;
        const qint64 osId = value.toLongLong(&ok);
        return {QStringLiteral("os_id"), ok ? QJsonValue(osId) : QJsonValue(value)};
    }
    if (image.startsWith(QLatin1String("snapshot:")))
        return {QStringLiteral("snapshot_id"), value};
    if (image.startsWith(QLatin1String("image:")))
        return {QStringLiteral("image_id"), value};
    bool numeric = false;
    const qint64 osId = image.toLongLong(&numeric);
    if (numeric)
        return {QStringLiteral("os_id"), osId};
    if (ResourceId::isValid(ResourceId::Uuid, image))
        return {QStringLiteral("snapshot_id"), image};
    return {QStringLiteral("image_id"), image};
}

QString VultrRequests::hostname(const QString &label)
{
    QString result = label.toLower();
    static const QRegularExpression invalid(QStringLiteral("[^a-z0-9.-]+"));
    result.replace(invalid, QStringLiteral("-"));
    static const QRegularExpression edges(QStringLiteral("^[.-]+|[.-]+$"));
    result.remove(edges);
    result = result.left(63);
    return result.remove(edges);
}
