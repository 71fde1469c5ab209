#pragma once

#include "clouddeck_core_export.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

/**
 * @brief The words both front ends use for how old something is, so the GUI's "Updated 12 s ago"
 * and the CLI's "cached data from … (12 s ago)" follow one rule.
 *
 * Every function takes the current time as an argument: callers pass their (injectable) clock's
 * now, and tests pass a fixed time instead of waiting for a real one.
 */
class CLOUDDECK_CORE_EXPORT StatusText
{
    Q_DECLARE_TR_FUNCTIONS(StatusText)
public:
    /// "12 s ago" below a minute, "5 min ago" below an hour, "2 h ago" below 48 h, then
    /// "3 days ago"; "never" for an invalid time. A time after @p now (clock skew between the
    /// cloud and us) reads "0 s ago", never a negative age.
    [[nodiscard]] static QString age(const QDateTime &when, const QDateTime &now);
    /// "10:42" when @p when is on @p now's local day, else "12 Mar 10:42"; "–" when invalid.
    [[nodiscard]] static QString time(const QDateTime &when, const QDateTime &now);
};
