#pragma once

#include "clouddeck_core_export.h"

#include <QString>

class QSqlDatabase;

/**
 * @brief The offline cache's SQLite schema and its migrations, one step per version.
 *
 * The version lives in SQLite's own header field (PRAGMA user_version): 0 is an empty file, 1..
 * latest() are ours. A step is never edited once released; a change is a new step. Steps run in
 * one transaction, so a file is either at its old version or fully at the new one.
 */
class CLOUDDECK_CORE_EXPORT CacheSchema
{
public:
    /// The version this build writes.
    [[nodiscard]] static int latest();
    /// PRAGMA user_version, or -1 when the file cannot be read as a database (@p error says why).
    [[nodiscard]] static int version(QSqlDatabase &db, QString *error);
    /// True when the file holds no tables at all (a new or emptied file).
    [[nodiscard]] static bool isEmpty(QSqlDatabase &db, QString *error);
    /// Brings a file at @p from (0..latest()) to latest(); false, with @p error, leaves it as it
    /// was.
    [[nodiscard]] static bool migrate(QSqlDatabase &db, int from, QString *error);
    /// Runs the steps up to @p version only (tests build old files this way).
    [[nodiscard]] static bool migrateTo(QSqlDatabase &db, int from, int version, QString *error);
};
