#pragma once

#include "clouddeck_core_export.h"
#include "machine.h"

#include <QDateTime>
#include <QFlags>
#include <QList>
#include <QString>

/**
 * @brief What changed in one account's machines between what is known and a refresh result.
 *
 * Computed once per refresh and handed to both the MachineModel and the InventoryCache, so each
 * receives only the differences: machines added, machines removed (by id) and machines changed
 * (with the fields that changed). lastSeen is not a field: a poll that only re-confirms a machine
 * is "unchanged", and its new lastSeen is carried by @c seenAt instead.
 */
struct CLOUDDECK_CORE_EXPORT MachineDiff
{
    enum Field : quint32 {
        NoField = 0,
        Name = 1u << 0,
        ProviderId = 1u << 1,
        State = 1u << 2,
        ProviderState = 1u << 3,
        Region = 1u << 4,
        Size = 1u << 5,
        Image = 1u << 6,
        PublicIpv4 = 1u << 7,
        PublicIpv6 = 1u << 8,
        PrivateIpv4 = 1u << 9,
        PrivateIpv6 = 1u << 10,
        Tags = 1u << 11,
        CreatedAt = 1u << 12,
        PricePerMonth = 1u << 13,
        PricePerHour = 1u << 14,
        Vcpus = 1u << 15,
        MemoryMb = 1u << 16,
        DiskGb = 1u << 17,
        Extra = 1u << 18,
    };
    Q_DECLARE_FLAGS(Fields, Field)

    struct Change
    {
        Machine machine; ///< the new content
        Fields fields; ///< what differs from the known machine
    };

    QString accountId;
    QList<Machine> added;
    QStringList removed; ///< machine ids
    QList<Change> changed;
    int unchanged = 0;
    /// When the refresh confirmed these machines (every machine in the result); invalid when the
    /// diff does not come from a refresh (loading the cache), and then lastSeen is left alone.
    QDateTime seenAt;

    [[nodiscard]] bool isEmpty() const
    {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
    /// Number of machines after the diff is applied.
    [[nodiscard]] qsizetype resultCount() const
    {
        return added.size() + changed.size() + unchanged;
    }

    /// The fields in which @p before and @p after differ (lastSeen ignored).
    [[nodiscard]] static Fields compare(const Machine &before, const Machine &after);

    /// Diffs @p incoming (the complete set now) against @p known for @p accountId. Machines of
    /// other accounts in @p known are ignored; a machine id repeated in @p incoming counts once
    /// (the last one wins, as a provider listing pages that shifted under it would otherwise
    /// duplicate rows).
    [[nodiscard]] static MachineDiff compute(const QString &accountId, const QList<Machine> &known,
                                             const QList<Machine> &incoming,
                                             const QDateTime &seenAt = {});
    /// The same against machines held elsewhere (a model's rows), without copying them.
    [[nodiscard]] static MachineDiff compute(const QString &accountId,
                                             const QList<const Machine *> &known,
                                             const QList<Machine> &incoming,
                                             const QDateTime &seenAt = {});
};

Q_DECLARE_OPERATORS_FOR_FLAGS(MachineDiff::Fields)
