#pragma once

#include "awspricelist.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <functional>
#include <optional>

/**
 * @brief AWS on-demand prices (instance hours and EBS GB-months), kept for 7 days in a JSON file
 * under the cache folder (aws-prices.json), shared by every AWS account and both front ends.
 *
 * A file rather than a table in the inventory's SQLite cache: a provider never sees that cache
 * (Inventory owns it and hands providers nothing of it), prices are the same for every account
 * and disposable, and a file written with QSaveFile is replaced atomically, so a crash leaves the
 * old one. A missing, unreadable or corrupt file is an empty cache; the next save rewrites it.
 * Saving first merges what another process (the CLI beside the GUI) wrote meanwhile.
 *
 * "Not sold there" is cached too (an entry without a price), so an instance type the Price List
 * does not know is not asked for on every refresh.
 */
class AwsPriceCache
{
public:
    using Clock = std::function<QDateTime()>;
    static constexpr qint64 maxAgeSeconds = 7 * 24 * 3600;

    struct Entry
    {
        std::optional<AwsPriceList::Price> price; ///< empty: the Price List has no such product
        QDateTime fetchedAt;
    };

    /// @p fileName empty: QStandardPaths' cache folder + "/aws-prices.json".
    explicit AwsPriceCache(QString fileName = {});

    [[nodiscard]] static QString defaultFileName();
    [[nodiscard]] QString fileName() const { return m_fileName; }
    /// Replaces the clock (tests of expiry).
    void setClock(Clock clock) { m_clock = std::move(clock); }

    /// The entry of @p id (AwsPriceList::Key::id(), StorageKey::id()) if it is younger than
    /// maxAgeSeconds.
    [[nodiscard]] std::optional<Entry> find(const QString &id);
    [[nodiscard]] std::optional<Entry> find(const AwsPriceList::Key &key) { return find(key.id()); }
    void insert(const QString &id, const std::optional<AwsPriceList::Price> &price);
    void insert(const AwsPriceList::Key &key, const std::optional<AwsPriceList::Price> &price)
    {
        insert(key.id(), price);
    }
    /// Writes the file (merged with what is on disk); false when it could not be written.
    bool save();

private:
    void load();
    [[nodiscard]] QHash<QString, Entry> read() const;

    QString m_fileName;
    Clock m_clock;
    QHash<QString, Entry> m_entries;
    QHash<QString, Entry> m_unsaved;
    bool m_loaded = false;
};
