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
    MachineDiff diff;
    diff.accountId = accountId;
    diff.seenAt = seenAt;

    // The last occurrence of each id in the result is the one that counts.
    QHash<QString, qsizetype> latest;
    latest.reserve(incoming.size());
    for (qsizetype i = 0; i < incoming.size(); ++i)
        latest.insert(incoming.at(i).id, i);

    QHash<QString, const Machine *> before;
    before.reserve(known.size());
    for (const Machine &machine : known) {
        if (machine.accountId != accountId)
            continue;
        before.insert(machine.id, &machine);
        if (!latest.contains(machine.id))
            diff.removed.append(machine.id);
    }

    for (qsizetype i = 0; i < incoming.size(); ++i) {
        const Machine &machine = incoming.at(i);
        if (latest.value(machine.id) != i)
            continue;
        // Copies only what goes into the diff: most machines of a refresh are unchanged.
        const Machine *old = before.value(machine.id);
        const Fields fields = old ? compare(*old, machine) : Fields();
        if (old && !fields) {
            ++diff.unchanged;
            continue;
        }
        Machine normalised = machine;
        normalised.accountId = accountId;
        if (old)
            diff.changed.append({std::move(normalised), fields});
        else
            diff.added.append(std::move(normalised));
    }
    return diff;
}
