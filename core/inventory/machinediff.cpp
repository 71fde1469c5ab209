#include "machinediff.h"

#include <QHash>

MachineDiff::Fields MachineDiff::compare(const Machine &a, const Machine &b)
{
    Fields fields;
    auto check = [&fields](bool differs, Field field) {
        if (differs)
            fields |= field;
    };
    check(a.name != b.name, Name);
    check(a.providerId != b.providerId, ProviderId);
    check(a.state != b.state, State);
    check(a.providerState != b.providerState, ProviderState);
    check(a.region != b.region, Region);
    check(a.size != b.size, Size);
    check(a.image != b.image, Image);
    check(a.publicIpv4 != b.publicIpv4, PublicIpv4);
    check(a.publicIpv6 != b.publicIpv6, PublicIpv6);
    check(a.privateIpv4 != b.privateIpv4, PrivateIpv4);
    check(a.privateIpv6 != b.privateIpv6, PrivateIpv6);
    check(a.tags != b.tags, Tags);
    check(a.createdAt != b.createdAt, CreatedAt);
    check(a.pricePerMonth != b.pricePerMonth, PricePerMonth);
    check(a.pricePerHour != b.pricePerHour, PricePerHour);
    check(a.vcpus != b.vcpus, Vcpus);
    check(a.memoryMb != b.memoryMb, MemoryMb);
    check(a.diskGb != b.diskGb, DiskGb);
    check(a.extra != b.extra, Extra);
    return fields;
}

MachineDiff MachineDiff::compute(const QString &accountId, const QList<Machine> &known,
                                 const QList<Machine> &incoming, const QDateTime &seenAt)
{
    QList<const Machine *> pointers;
    pointers.reserve(known.size());
    for (const Machine &machine : known) {
        if (machine.accountId == accountId)
            pointers.append(&machine);
    }
    return compute(accountId, pointers, incoming, seenAt);
}

namespace {
void addChange(MachineDiff &diff, const Machine *old, const Machine &machine)
{
    const MachineDiff::Fields fields =
        old ? MachineDiff::compare(*old, machine) : MachineDiff::Fields();
    if (old && !fields) {
        ++diff.unchanged;
        return;
    }
    // Copies only what goes into the diff: most machines of a refresh are unchanged.
    Machine normalised = machine;
    normalised.accountId = diff.accountId;
    if (old)
        diff.changed.append({std::move(normalised), fields});
    else
        diff.added.append(std::move(normalised));
}
} // namespace

MachineDiff MachineDiff::compute(const QString &accountId, const QList<const Machine *> &known,
                                 const QList<Machine> &incoming, const QDateTime &seenAt)
{
    MachineDiff diff;
    diff.accountId = accountId;
    diff.seenAt = seenAt;

    // Providers list machines in a stable order, so a refresh usually names the same ids in the
    // same places: then it is a walk down both lists, with no hashing at all.
    bool sameOrder = known.size() == incoming.size();
    for (qsizetype i = 0; sameOrder && i < known.size(); ++i)
        sameOrder = known.at(i)->id == incoming.at(i).id;
    if (sameOrder) {
        for (qsizetype i = 0; i < incoming.size(); ++i)
            addChange(diff, known.at(i), incoming.at(i));
        return diff;
    }

    // Otherwise by id. For each known machine: where it is in the result (-1: removed).
    struct Known
    {
        const Machine *machine;
        qsizetype incomingIndex;
    };
    QHash<QString, Known> before;
    before.reserve(known.size());
    for (const Machine *machine : known)
        before.insert(machine->id, {machine, -1});

    // A machine id repeated in the result counts once, the last occurrence winning.
    QHash<QString, qsizetype> newIds;
    QList<qsizetype> order; // indexes of incoming machines that count, in their order
    order.reserve(incoming.size());
    for (qsizetype i = 0; i < incoming.size(); ++i) {
        const QString &id = incoming.at(i).id;
        const auto it = before.find(id);
        qsizetype *slot = nullptr;
        if (it != before.end()) {
            slot = &it->incomingIndex;
        } else {
            auto next = newIds.find(id);
            if (next == newIds.end())
                next = newIds.insert(id, -1);
            slot = &next.value();
        }
        if (*slot >= 0)
            order[order.indexOf(*slot)] = i; // rare: replace the earlier copy in place
        else
            order.append(i);
        *slot = i;
    }

    for (const Machine *machine : known) {
        if (before.value(machine->id).incomingIndex < 0)
            diff.removed.append(machine->id);
    }
    for (qsizetype i : std::as_const(order)) {
        const auto it = before.constFind(incoming.at(i).id);
        addChange(diff, it != before.constEnd() ? it->machine : nullptr, incoming.at(i));
    }
    return diff;
}
