#pragma once

#include "catalog.h"
#include "clouddeck_core_export.h"
#include "error.h"
#include "machine.h"
#include "machinediff.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QObject>
#include <QStringList>
#include <functional>
#include <utility>

class QSqlDatabase;
class QSqlError;
class QSqlQuery;

CLOUDDECK_CORE_EXPORT Q_DECLARE_LOGGING_CATEGORY(lcCache)

    /**
     * @brief The offline copy of everything the user saw: machines, catalogs, and per account the
     * time of its last good refresh and its last error. SQLite (QSQLITE) in WAL mode.
     *
     * The app and the CLI read it before any network reply. Each refresh is written as one
     * transaction holding only its differences. A file that is damaged (not a database, failing
     * SQLite's check, truncated, or of a schema this build does not know) is moved aside, kept
     * (the newest three), reported once through recoveryNotice()/recovered(), and replaced by an
     * empty cache that the next refresh fills again. A file that is fine but cannot be written
     * now (full disk, read-only, locked by another process, I/O error) is never moved: it stays
     * readable, and the failed write is reported (writeProblem()). Opening and migrating take a
     * lock file, so processes starting together never see each other's half-made file. Accounts and secrets are never stored here, so they survive the loss of
     * this file. Use from one thread; several processes (app and CLI) may share the file.
     */
    class CLOUDDECK_CORE_EXPORT InventoryCache : public QObject
{
    Q_OBJECT
public:
    enum class CatalogKind { Regions, Sizes, Images, SshKeys };
    Q_ENUM(CatalogKind)

    enum class WriteResult {
        Written,
        OutOfSync, ///< the stored rows did not match what the diff was computed against; nothing
                   ///< written: write the complete list with syncMachines()
        Failed,
    };

    struct AccountStatus
    {
        QDateTime lastSuccess; ///< the last refresh that worked (invalid: never)
        QDateTime lastAttempt;
        Error lastError; ///< of the last attempt; None when it worked
    };

    /// The cache at defaultFileName(); call open() before use.
    explicit InventoryCache(QObject *parent = nullptr);
    explicit InventoryCache(const QString &fileName, QObject *parent = nullptr);
    ~InventoryCache() override;

    /// QStandardPaths::AppDataLocation/cache.sqlite
    [[nodiscard]] static QString defaultFileName();
    [[nodiscard]] QString fileName() const { return m_fileName; }

    /// Opens (creating or migrating as needed), recovering from an unusable file. False only when
    /// not even a fresh file can be made (errorString() says why).
    bool open();
    void close();
    [[nodiscard]] bool isOpen() const { return m_open; }
    /// The last failure, for logs and diagnostics (empty when the last operation worked).
    [[nodiscard]] QString errorString() const { return m_errorString; }
    /// True when the file could be read but not written (read-only folder or file): what it
    /// holds is shown, and every write fails.
    [[nodiscard]] bool isReadOnly() const { return m_readOnly; }
    /// Why the last write failed, in words for the user ("disk full", "the file or its folder
    /// is read-only"); empty after a write that worked. Reset by takeWriteProblem().
    [[nodiscard]] QString writeProblem() const { return m_writeProblem; }
    QString takeWriteProblem() { return std::exchange(m_writeProblem, QString()); }
    /// What to tell the user when a file was moved aside during this run, else empty.
    [[nodiscard]] QString recoveryNotice() const { return m_recoveryNotice; }
    [[nodiscard]] QString movedAsideTo() const { return m_movedAsideTo; }

    [[nodiscard]] QStringList accountIds() const;
    /// Cached machines (all accounts when @p accountId is empty). lastSeen is at least the
    /// account's last good refresh, which confirmed every machine it listed.
    [[nodiscard]] QList<Machine> machines(const QString &accountId = {}) const;
    [[nodiscard]] int machineCount(const QString &accountId) const;

    /// Writes one refresh's differences, and (when diff.seenAt is valid) the account's last good
    /// refresh, in one transaction.
    WriteResult applyDiff(const MachineDiff &diff);
    /// Makes @p machines the account's complete set, in one transaction.
    bool replaceMachines(const QString &accountId, const QList<Machine> &machines,
                         const QDateTime &seenAt);
    /// Makes @p machines the account's complete set, in one transaction, writing only the rows
    /// whose stored record differs and removing the rest: for a list computed without reading
    /// the cache, or when applyDiff() found the file out of sync.
    bool syncMachines(const QString &accountId, const QList<Machine> &machines,
                      const QDateTime &seenAt);
    bool upsertMachine(const Machine &machine);
    bool removeMachine(const QString &accountId, const QString &machineId);

    [[nodiscard]] AccountStatus status(const QString &accountId) const;
    /// A failed refresh: the error and attempt time are stored, the last good refresh is kept.
    bool recordFailure(const QString &accountId, const Error &error, const QDateTime &at);
    /// Removes everything stored for the account.
    bool removeAccount(const QString &accountId);
    /// Removes the accounts not in @p keep (deleted while this process was not running).
    int removeAccountsExcept(const QStringList &keep);

    bool storeCatalog(const QString &accountId, CatalogKind kind, const QJsonArray &items,
                      const QDateTime &at);
    /// The stored catalog; @p updatedAt (optional) receives when it was stored (invalid: never).
    [[nodiscard]] QJsonArray catalog(const QString &accountId, CatalogKind kind,
                                     QDateTime *updatedAt = nullptr) const;
    [[nodiscard]] static QString catalogKindId(CatalogKind kind);

    template<typename T>
    static QJsonArray toJsonArray(const QList<T> &items)
    {
        QJsonArray array;
        for (const T &item : items)
            array.append(item.toJson());
        return array;
    }
    template<typename T>
    static QList<T> fromJsonArray(const QJsonArray &array)
    {
        QList<T> items;
        items.reserve(array.size());
        for (const QJsonValue &value : array)
            items.append(T::fromJson(value.toObject()));
        return items;
    }

Q_SIGNALS:
    /// A file was moved aside (at open, or when it turned out damaged later); @p notice is the
    /// sentence to show the user, once.
    void recovered(const QString &notice);
    /// The cache lost its contents while open (after a later recovery): whoever holds the current
    /// picture should write it again.
    void reset();

private:
    // Its table lives in this file and shares the connection and the damage handling.
    friend class MetricsStore;
    friend class ActivityStore;
    enum class OpenFailure {
        None,
        Damaged, ///< not a database, failed its check, or a schema we do not know: moved aside
        Unavailable, ///< full disk, read-only, locked, I/O error: kept, reported
    };
    [[nodiscard]] QSqlDatabase database() const;
    [[nodiscard]] static QString describe(const QSqlError &error);
    OpenFailure tryOpen(QString *reason);
    bool openReadOnly();
    void pruneMovedAside();
    void closeConnection();
    void moveAside(const QString &reason);
    /// Records @p query's error (returns false); a damaged file is moved aside and replaced as
    /// soon as control returns to the event loop.
    bool fail(const QSqlQuery &query, const char *what) const;
    bool fail(const QSqlError &error, const char *what) const;
    bool failDb(const char *what) const;
    /// Runs @p work in one transaction on the open database: committed when @p work returns
    /// true, rolled back when it returns false. False when the transaction did not start or
    /// commit (recorded with @p what) or when @p work failed.
    bool transaction(const char *what, const std::function<bool(QSqlDatabase &)> &work) const;
    bool writeMachine(QSqlQuery &insert, const Machine &machine, const QDateTime &seenAt);
    bool writeRecord(QSqlQuery &insert, const QString &accountId, const Machine &machine,
                     const QByteArray &record, const QDateTime &seenAt);
    bool storeSuccess(const QString &accountId, const QDateTime &at);

    QString m_fileName;
    QString m_connection;
    bool m_open = false;
    bool m_readOnly = false;
    mutable QString m_writeProblem;
    mutable bool m_recoveryScheduled = false;
    mutable QString m_errorString;
    QString m_recoveryNotice;
    QString m_movedAsideTo;
};
