#include "machineupdate.h"

#include "machine.h"

QStringList MachineUpdate::addedTags() const
{
    QStringList result;
    if (!tags)
        return result;
    for (const QString &tag : *tags) {
        if (!previousTags.contains(tag) && !result.contains(tag))
            result.append(tag);
    }
    return result;
}

void MachineUpdate::applyTo(Machine &machine) const
{
    if (name)
        machine.name = *name;
    if (tags)
        machine.tags = *tags;
}

QStringList MachineUpdate::removedTags() const
{
    QStringList result;
    if (!tags)
        return result;
    for (const QString &tag : previousTags) {
        if (!tags->contains(tag) && !result.contains(tag))
            result.append(tag);
    }
    return result;
}

QStringList MachineUpdate::editedTags(const QStringList &current, const QStringList &add,
                                      const QStringList &remove,
                                      const std::optional<QStringList> &set)
{
    QStringList result;
    for (const QString &tag : set ? *set : current) {
        const QString trimmed = tag.trimmed();
        if (!trimmed.isEmpty() && !result.contains(trimmed))
            result.append(trimmed);
    }
    for (const QString &tag : remove)
        result.removeAll(tag.trimmed());
    for (const QString &tag : add) {
        const QString trimmed = tag.trimmed();
        if (!trimmed.isEmpty() && !result.contains(trimmed))
            result.append(trimmed);
    }
    return result;
}
