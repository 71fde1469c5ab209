#pragma once

#include "clouddeck_core_export.h"

#include <QByteArrayView>
#include <QSqlError>
#include <QString>

class QSqlDatabase;
struct sqlite3;
struct sqlite3_stmt;

/**
 * @brief The rows of one SELECT, read through SQLite's own API on a Qt SQL connection.
 *
 * QSqlQuery costs about 5,000 instructions a row (every value copied into a QVariant of a
 * cached row), which made reading 10,000 cached machines a tenth of the GUI's start and of the
 * CLI's write of a listing (issue 13). This reads each column in place: text as UTF-16 (the
 * cache's encoding, so QString copies it as it is), blobs as a view valid until next().
 *
 * It uses the handle of an open QSQLITE connection (QSqlDriver::handle()), on the thread that
 * owns the connection, and finalizes its statement when destroyed. Errors carry SQLite's
 * extended result code as QSqlError::nativeErrorCode(), as the QSQLITE driver's do.
 */
class CLOUDDECK_CORE_EXPORT SqliteRows
{
public:
    SqliteRows(const QSqlDatabase &db, const char *sql);
    ~SqliteRows();
    SqliteRows(const SqliteRows &) = delete;
    SqliteRows &operator=(const SqliteRows &) = delete;

    /// Binds @p text to the parameter at @p index (1-based, as in SQLite). Copied.
    void bind(int index, QStringView text);
    /// Steps to the next row: false at the end (and after it) or on an error (see lastError()).
    bool next();

    [[nodiscard]] QString text(int column) const;
    /// The bytes of a blob column, valid until the next call of next().
    [[nodiscard]] QByteArrayView blob(int column) const;
    [[nodiscard]] qint64 integer(int column) const;

    /// Invalid while every step so far worked.
    [[nodiscard]] QSqlError lastError() const { return m_error; }

private:
    void recordError(int code);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    QSqlError m_error;
    bool m_done = false;
};
