#include "sqliterows.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

SqliteRows::SqliteRows(const QSqlDatabase &db, const char *sql)
{
    // QSQLITE's handle is a QVariant holding the connection's sqlite3* (QSqlDriver::handle()).
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        m_error = QSqlError(QStringLiteral("not an open SQLite connection"), QString(),
                            QSqlError::ConnectionError);
        return;
    }
    m_db = *static_cast<sqlite3 *const *>(handle.constData());
    if (!m_db) {
        m_error = QSqlError(QStringLiteral("the connection is closed"), QString(),
                            QSqlError::ConnectionError);
        return;
    }
    const int code = sqlite3_prepare_v2(m_db, sql, -1, &m_statement, nullptr);
    if (code != SQLITE_OK)
        recordError(code);
}

SqliteRows::~SqliteRows()
{
    sqlite3_finalize(m_statement); // a no-op for null
}

void SqliteRows::bind(int index, QStringView text)
{
    if (!m_statement || m_error.isValid())
        return;
    const int code = sqlite3_bind_text16(m_statement, index, text.utf16(),
                                         int(text.size() * qsizetype(sizeof(char16_t))),
                                         SQLITE_TRANSIENT);
    if (code != SQLITE_OK)
        recordError(code);
}

bool SqliteRows::next()
{
    // A step after the end would run the statement again from its first row.
    if (!m_statement || m_error.isValid() || m_done)
        return false;
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW)
        return true;
    m_done = true;
    if (code != SQLITE_DONE)
        recordError(code);
    return false;
}

QString SqliteRows::text(int column) const
{
    // Asked for its bytes after its text, as SQLite's documentation says: the count is then that
    // of the UTF-16 form.
    const auto *units = static_cast<const char16_t *>(sqlite3_column_text16(m_statement, column));
    const int bytes = sqlite3_column_bytes16(m_statement, column);
    return units ? QString(reinterpret_cast<const QChar *>(units), bytes / 2) : QString();
}

QByteArrayView SqliteRows::blob(int column) const
{
    const auto *bytes = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
    return QByteArrayView(bytes, sqlite3_column_bytes(m_statement, column));
}

qint64 SqliteRows::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

void SqliteRows::recordError(int code)
{
    const int extended = m_db ? sqlite3_extended_errcode(m_db) : code;
    m_error = QSqlError(QString::fromUtf8(sqlite3_errstr(code)),
                        m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString(),
                        QSqlError::StatementError, QString::number(extended));
}
