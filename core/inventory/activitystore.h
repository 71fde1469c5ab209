#pragma once

#include "activityentry.h"
#include "clouddeck_core_export.h"

#include <QList>

class InventoryCache;

/**
 * @brief The activity log, kept in the offline cache (its "activity" table): what was done to
 * which machine, when, from which program, and how it ended.
 *
 * The GUI and the CLI write the same file, so `clouddeck-cli machines reboot web-1` shows in the
 * GUI's log too. An action is one row, written when it is sent and updated when it ends
 * (update()). The newest maxEntries rows are kept; older ones are dropped as new ones come.
 * Uses the cache's connection and follows its rules (one thread; nothing is written while the
 * cache is read-only; a damaged row is skipped, never fatal).
 */
class CLOUDDECK_CORE_EXPORT ActivityStore
{
public:
    static constexpr int maxEntries = 1000;

    explicit ActivityStore(InventoryCache *cache);

    /// Stores @p entry as a new row; returns its id (0 when nothing could be written).
    qint64 append(const ActivityEntry &entry);
    /// Sets the outcome and message of the row @p id (the action it records ended).
    bool update(qint64 id, ActivityEntry::Outcome outcome, const QString &message);
    /// The newest @p limit entries, newest first.
    [[nodiscard]] QList<ActivityEntry> entries(int limit = maxEntries) const;

private:
    InventoryCache *m_cache;
};
