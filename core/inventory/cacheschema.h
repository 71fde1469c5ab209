#pragma once

#include "clouddeck_core_export.h"

#include <QString>

class QSqlDatabase;
class QSqlError;

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
    /// PRAGMA user_version, or -1 when the file cannot be read as a database (@p error says why;
    /// @p sqlError, when given, receives SQLite's error so that callers can tell damage from a
    /// condition of the moment such as a full disk).
    [[nodiscard]] static int version(QSqlDatabase &db, QString *error,
                                     QSqlError *sqlError = nullptr);
    /// True when the file holds no tables at all (a new or emptied file). False on an error too:
    /// then @p sqlError (when given) is valid.
    [[nodiscard]] static bool isEmpty(QSqlDatabase &db, QString *error,
                                      QSqlError *sqlError = nullptr);
    /// Brings a file at @p from (0..latest()) to latest(); false, with @p error, leaves it as it
    /// was. The steps run in one write transaction that re-reads the version first, so a sibling
    /// process that migrated the file meanwhile is noticed instead of migrated over.
    [[nodiscard]] static bool migrate(QSqlDatabase &db, int from, QString *error,
                                      QSqlError *sqlError = nullptr);
    /// Runs the steps up to @p version only (tests build old files this way).
    [[nodiscard]] static bool migrateTo(QSqlDatabase &db, int from, int version, QString *error,
                                        QSqlError *sqlError = nullptr);
};
