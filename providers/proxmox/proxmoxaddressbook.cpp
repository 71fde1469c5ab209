#include "proxmoxaddressbook.h"

#include <QDateTime>
#include <algorithm>

ProxmoxAddressBook::ProxmoxAddressBook()
    : m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{ }

void ProxmoxAddressBook::setInView(const QStringList &machineIds)
{
    m_inView = QSet<QString>(machineIds.begin(), machineIds.end());
}

QList<ProxmoxParser::Guest> ProxmoxAddressBook::due(const QList<ProxmoxParser::Guest> &guests)
{
    const qint64 now = m_clock();
    QSet<QString> seen;
    struct Candidate
    {
        int rank; // 0: in view, 1: never fetched, 2: stale
        qint64 fetchedMs;
        const ProxmoxParser::Guest *guest;
    };
    QList<Candidate> candidates;
    for (const ProxmoxParser::Guest &guest : guests) {
        const QString &id = guest.machine.id;
        seen.insert(id);
        auto it = m_entries.find(id);
        if (it != m_entries.end()
            && (!guest.running || it->node != guest.node || guest.uptime < it->uptime)) {
            m_entries.erase(it);
            it = m_entries.end();
        }
        if (!guest.running)
            continue; // a stopped guest has no addresses to ask for
        const bool known = it != m_entries.end();
        const qint64 age = known ? now - it->fetchedMs : 0;
        if (m_inView.contains(id) && (!known || age >= m_inViewMaxAgeMs))
            candidates.append({0, known ? it->fetchedMs : 0, &guest});
        else if (!known)
            candidates.append({1, 0, &guest});
        else if (age >= m_maxAgeMs)
            candidates.append({2, it->fetchedMs, &guest});
    }
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (seen.contains(it.key()))
            ++it;
        else
            it = m_entries.erase(it);
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &a, const Candidate &b) {
                         return a.rank != b.rank ? a.rank < b.rank : a.fetchedMs < b.fetchedMs;
                     });
    QList<ProxmoxParser::Guest> result;
    for (const Candidate &candidate : candidates) {
        if (result.size() >= m_budget)
            break;
        result.append(*candidate.guest);
    }
    return result;
}

void ProxmoxAddressBook::store(const ProxmoxParser::Guest &guest,
                               const ProxmoxParser::Addresses &addresses, Source source)
{
    Entry entry;
    entry.source = source;
    entry.node = guest.node;
    entry.uptime = guest.uptime;
    entry.fetchedMs = m_clock();
    // A failed fetch keeps what an earlier one found, but counts as a try (no retry each poll).
    const auto old = m_entries.constFind(guest.machine.id);
    entry.addresses =
        source == Source::Unavailable && old != m_entries.constEnd() ? old->addresses : addresses;
    m_entries.insert(guest.machine.id, entry);
}

void ProxmoxAddressBook::apply(ProxmoxParser::Guest &guest) const
{
    const auto it = m_entries.constFind(guest.machine.id);
    if (it == m_entries.constEnd())
        return;
    Machine &machine = guest.machine;
    machine.publicIpv4 = it->addresses.publicIpv4;
    machine.publicIpv6 = it->addresses.publicIpv6;
    machine.privateIpv4 = it->addresses.privateIpv4;
    machine.privateIpv6 = it->addresses.privateIpv6;
    machine.extra.insert(QStringLiteral("addresses"), sourceId(it->source));
}

const ProxmoxAddressBook::Entry *ProxmoxAddressBook::entry(const QString &machineId) const
{
    const auto it = m_entries.constFind(machineId);
    return it == m_entries.constEnd() ? nullptr : &*it;
}

QString ProxmoxAddressBook::sourceId(Source source)
{
    switch (source) {
    case Source::Agent:
        return QStringLiteral("agent");
    case Source::Container:
        return QStringLiteral("container");
    case Source::NoAgent:
        return QStringLiteral("no-agent");
    case Source::Unavailable:
        break;
    }
    return QStringLiteral("unavailable");
}
