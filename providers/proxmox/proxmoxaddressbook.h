#pragma once

#include "proxmoxparser.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <functional>

/**
 * @brief The guests' IP addresses, fetched one guest at a time and kept between polls.
 *
 * /cluster/resources lists every guest of the cluster in one call but without addresses; those
 * come from one call per guest (the QEMU guest agent, or the container's interfaces). Asking for
 * every guest on every poll would be 500 calls a minute on a 500-guest cluster, so each poll
 * fetches at most budget() guests: first those the user is looking at (setInView(): the detail
 * pane, the selection) when their entry is older than inViewMaxAgeMs(), then running guests never
 * fetched, then the stalest beyond maxAgeMs(). An entry is dropped when its guest stops,
 * disappears, moves to another node, or restarted (its uptime went down). Pure bookkeeping with
 * an injected clock; the provider does the requests.
 */
class ProxmoxAddressBook
{
public:
    /// Where a guest's addresses came from, as Machine::extra["addresses"] says.
    enum class Source {
        Agent, ///< the QEMU guest agent ("agent")
        Container, ///< the container's interfaces ("container")
        NoAgent, ///< a VM whose agent is not configured or not running: no addresses, no error
        Unavailable, ///< the request failed; old addresses (if any) are kept until the next try
    };
    struct Entry
    {
        ProxmoxParser::Addresses addresses;
        Source source = Source::Agent;
        QString node;
        qint64 uptime = 0;
        qint64 fetchedMs = 0;
    };
    using Clock = std::function<qint64()>;

    ProxmoxAddressBook();

    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setBudget(int guests) { m_budget = guests; }
    [[nodiscard]] int budget() const { return m_budget; }
    void setMaxAgeMs(qint64 ms) { m_maxAgeMs = ms; }
    [[nodiscard]] qint64 maxAgeMs() const { return m_maxAgeMs; }
    void setInViewMaxAgeMs(qint64 ms) { m_inViewMaxAgeMs = ms; }
    [[nodiscard]] qint64 inViewMaxAgeMs() const { return m_inViewMaxAgeMs; }
    /// Machine ids ("qemu/100") the user is looking at; they go first.
    void setInView(const QStringList &machineIds);

    /// Forgets entries that no longer hold for @p guests (stopped, gone, moved, restarted), then
    /// returns the guests to fetch now, most wanted first, at most budget().
    [[nodiscard]] QList<ProxmoxParser::Guest> due(const QList<ProxmoxParser::Guest> &guests);
    /// Records what a fetch for @p guest found (now, by the clock).
    void store(const ProxmoxParser::Guest &guest, const ProxmoxParser::Addresses &addresses,
               Source source);
    /// Fills @p guest's machine with the addresses known for it.
    void apply(ProxmoxParser::Guest &guest) const;
    [[nodiscard]] const Entry *entry(const QString &machineId) const;
    [[nodiscard]] static QString sourceId(Source source);

private:
    Clock m_clock;
    int m_budget = 16;
    qint64 m_maxAgeMs = 10 * 60 * 1000;
    qint64 m_inViewMaxAgeMs = 30 * 1000;
    QSet<QString> m_inView;
    QHash<QString, Entry> m_entries;
};
