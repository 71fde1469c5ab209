#include "awsruninstances.h"

#include <QCoreApplication>
#include <QVariant>

namespace {
QStringList securityGroups(const QVariant &value)
{
    const QStringList raw = value.typeId() == QMetaType::QString
                                ? value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts)
                                : value.toStringList();
    QStringList groups;
    for (const QString &group : raw) {
        if (!group.trimmed().isEmpty())
            groups.append(group.trimmed());
    }
    return groups;
}

/// Name first, then the other tags; a "Name" among the tags only counts when there is no name
/// (EC2 rejects a key given twice).
QList<std::pair<QString, QString>> tags(const CreateMachineRequest &request)
{
    QList<std::pair<QString, QString>> result;
    if (!request.name.isEmpty())
        result.append({QStringLiteral("Name"), request.name});
    for (const QString &tag : request.tags) {
        const qsizetype equals = tag.indexOf(QLatin1Char('='));
        const QString key = (equals < 0 ? tag : tag.left(equals)).trimmed();
        const bool duplicate = std::any_of(result.cbegin(), result.cend(),
                                           [&key](const auto &kept) { return kept.first == key; });
        if (key.isEmpty() || duplicate)
            continue;
        result.append({key, equals < 0 ? QString() : tag.mid(equals + 1)});
    }
    return result;
}
} // namespace

namespace AwsRunInstances {

Result<Params> params(const CreateMachineRequest &request, const QString &clientToken)
{
    if (request.image.isEmpty() || request.size.isEmpty())
        return Error(Error::InvalidInput,
                     QCoreApplication::translate("AwsProvider",
                                                 "Choose an image (AMI) and an instance type."));
    if (request.sshKeys.size() > 1)
        return Error(Error::InvalidInput,
                     QCoreApplication::translate(
                         "AwsProvider", "EC2 starts an instance with one key pair; choose one."));

    Params params = {
        {QStringLiteral("ImageId"), request.image},
        {QStringLiteral("InstanceType"), request.size},
        {QStringLiteral("MinCount"), QStringLiteral("1")},
        {QStringLiteral("MaxCount"), QStringLiteral("1")},
        {QStringLiteral("ClientToken"), clientToken},
    };
    if (!request.sshKeys.isEmpty())
        params.append({QStringLiteral("KeyName"), request.sshKeys.first()});
    const QString subnet = request.extra.value(QStringLiteral("subnetId")).toString().trimmed();
    if (!subnet.isEmpty())
        params.append({QStringLiteral("SubnetId"), subnet});
    const QStringList groups =
        securityGroups(request.extra.value(QStringLiteral("securityGroupIds")));
    for (qsizetype i = 0; i < groups.size(); ++i)
        params.append({QStringLiteral("SecurityGroupId.%1").arg(i + 1), groups.at(i)});

    const auto tagList = tags(request);
    if (!tagList.isEmpty()) {
        params.append(
            {QStringLiteral("TagSpecification.1.ResourceType"), QStringLiteral("instance")});
        for (qsizetype i = 0; i < tagList.size(); ++i) {
            const QString prefix = QStringLiteral("TagSpecification.1.Tag.%1.").arg(i + 1);
            params.append({prefix + QLatin1String("Key"), tagList.at(i).first});
            params.append({prefix + QLatin1String("Value"), tagList.at(i).second});
        }
    }
    if (!request.userData.isEmpty()) {
        params.append({QStringLiteral("UserData"),
                       QString::fromLatin1(request.userData.toUtf8().toBase64())});
    }
    return params;
}

} // namespace AwsRunInstances
