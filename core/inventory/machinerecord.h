#pragma once

#include "clouddeck_core_export.h"
#include "machine.h"

#include <QByteArray>
#include <QByteArrayView>
#include <array>

/**
 * @brief The compact binary form of a Machine in the offline cache: one BLOB per machine.
 *
 * Reading 10,000 machines column by column through QtSql costs a QVariant per column and row;
 * one record per row is four times cheaper to read and to write. The record holds everything but
 * the account id, the machine id and lastSeen, which the cache keeps in columns. Strings are
 * stored as UTF-16 (little-endian), so reading them is a copy; the first byte is the format, so
 * a later build can still read (or knowingly refuse) an older record. Provider-specific values
 * (`extra`) are written with their QVariant types, so a machine read back compares equal to the
 * same machine parsed again.
 */
class CLOUDDECK_CORE_EXPORT MachineRecord
{
public:
    /// 2: `extra` as a QDataStream'd QVariantMap, which keeps each value's type (1 stored it as
    /// JSON: a QStringList came back as a QVariantList, so every refresh saw every machine as
    /// changed and rewrote all of them). Format 1 records are still read.
    static constexpr quint8 Format = 2;
    static constexpr quint8 JsonExtraFormat = 1;
    /// 3: `extra` in the record's own encoding when every value is a string, string list,
    /// bool, integer or double (what the clouds' parsers store), its keys and strings shared
    /// through the pool: reading it was a sixth of `machines list --offline`, most of it
    /// QDataStream's per-value type lookups and a fresh string per key. Any other value type
    /// keeps the whole map in format 2.
    static constexpr quint8 TypedExtraFormat = 3;

    /// Shares repeated strings (region, size, image, provider, state, tags) between the machines
    /// decoded with it, so 10,000 machines in four regions hold four region strings, and reading
    /// a repeated value allocates nothing.
    class StringPool
    {
    public:
        enum Slot {
            Provider,
            State,
            ProviderState,
            Region,
            Size,
            Image,
            Tag,
            ExtraKey,
            ExtraValue,
            SlotCount
        };
        /// The pooled string equal to the @p units UTF-16 code units at @p data, made if new.
        QString take(Slot slot, const char *data, qsizetype units);

    private:
        static constexpr int Depth = 16;
        struct Entries
        {
            std::array<QString, Depth> strings;
            int next = 0;
        };
        std::array<Entries, SlotCount> m_slots;
    };

    [[nodiscard]] static QByteArray encode(const Machine &machine);
    /// Fills @p machine from @p record (leaving accountId, id and lastSeen alone); false when the
    /// bytes are not a whole record of a format this build reads.
    [[nodiscard]] static bool decode(QByteArrayView record, Machine &machine,
                                     StringPool *pool = nullptr);
};
