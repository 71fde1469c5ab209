#include "activityentry.h"

#include "machineaction.h"

QString ActivityEntry::outcomeId(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Started:
        return QStringLiteral("started");
    case Outcome::Succeeded:
        return QStringLiteral("succeeded");
    case Outcome::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("started");
}

ActivityEntry::Outcome ActivityEntry::outcomeFromId(const QString &id)
{
    if (id == QLatin1String("succeeded"))
        return Outcome::Succeeded;
    if (id == QLatin1String("failed"))
        return Outcome::Failed;
    return Outcome::Started;
}

QString ActivityEntry::actionText() const
{
    if (const auto known = MachineAction::fromId(action))
        return MachineAction::text(*known);
    if (action == QLatin1String("rename"))
        return tr("Rename");
    if (action == QLatin1String("tags"))
        return tr("Edit tags");
    return tr("Create");
}

QString ActivityEntry::outcomeText(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Started:
        //: An action handed to the cloud, its end not seen (yet).
        return tr("Sent");
    case Outcome::Succeeded:
        return tr("Done");
    case Outcome::Failed:
        return tr("Failed");
    }
    return {};
}

QJsonObject ActivityEntry::toJson() const
{
    return {{QStringLiteral("time"), at.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("account"), accountName},
            {QStringLiteral("accountId"), accountId},
            {QStringLiteral("machine"), machineName},
            {QStringLiteral("machineId"), machineId},
            {QStringLiteral("action"), action},
            {QStringLiteral("outcome"), outcomeId(outcome)},
            {QStringLiteral("message"), message},
            {QStringLiteral("source"), source}};
}
