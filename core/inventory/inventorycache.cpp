#include "inventorycache.h"

#include "cacheschema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>

Q_LOGGING_CATEGORY(lcCache, "clouddeck.cache", QtInfoMsg)

namespace {
// SQLite's primary result code of an error (QSQLITE reports it as nativeErrorCode; an extended
// code carries the primary one in its low byte).
int primaryCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? code & 0xff : -1;
}

// SQLITE_CORRUPT and SQLITE_NOTADB: the file itself is damaged. Everything else (full disk, I/O
// errors, busy, read-only, permissions) is a condition of the moment that leaves the file as good
// as it was, so it is reported and the file kept.
bool isDamage(const QSqlError &error)
{
    const int code = primaryCode(error);
    return code == 11 || code == 26;
}

bool isTransient(const QSqlError &error)
{
    switch (primaryCode(error)) {
    case 3: // SQLITE_PERM
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
    case 7: // SQLITE_NOMEM
    case 8: // SQLITE_READONLY
    case 10: // SQLITE_IOERR
    case 13: // SQLITE_FULL
    case 14: // SQLITE_CANTOPEN
    case 15: // SQLITE_PROTOCOL
    case 23: // SQLITE_AUTH
        return true;
    default:
        return false;
    }
}

// How many moved-aside files are kept (the newest); older ones are deleted.
constexpr int s_keptAside = 3;
// Long enough for another process's 10,000-machine write to finish (about a second on a slow
// disk) with room to spare: concurrent writers queue instead of failing with "database is locked".
constexpr int s_busyTimeoutMs = 15'000;
} // namespace

QString InventoryCache::describe(const QSqlError &error)
{
    switch (primaryCode(error)) {
    case 13: // SQLITE_FULL
        return tr("disk full");
    case 8: // SQLITE_READONLY
        return tr("the file or its folder is read-only");
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return tr("another CloudDeck process kept it locked");
    case 10: // SQLITE_IOERR
        return tr("input/output error (%1)").arg(error.databaseText());
    case 3: // SQLITE_PERM
    case 23: // SQLITE_AUTH
        return tr("permission denied");
    case 14: // SQLITE_CANTOPEN
        return tr("the file cannot be opened (%1)").arg(error.databaseText());
    default:
        break;
    }
    return error.databaseText();
}

InventoryCache::InventoryCache(QObject *parent)
    : InventoryCache(defaultFileName(), parent)
{ }

InventoryCache::InventoryCache(const QString &fileName, QObject *parent)
    : QObject(parent)
    , m_fileName(fileName)
    , m_connection(QStringLiteral("clouddeck-cache-%1").arg(quintptr(this), 0, 16))
{ }

InventoryCache::~InventoryCache()
{
    close();
}

QString InventoryCache::defaultFileName()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/cache.sqlite");
}

QSqlDatabase InventoryCache::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool InventoryCache::open()
{
    close();
    m_readOnly = false;
    QDir().mkpath(QFileInfo(m_fileName).absolutePath());
    // Opening, checking and migrating happen under a lock file, so that processes starting at the
    // same moment (the GUI and the CLI, several CLIs) never see a sibling's half-created file. A
    // lock left by a killed process is stale and taken over (QLockFile checks the owner's pid).
    QLockFile lock(m_fileName + QStringLiteral(".lock"));
    lock.setStaleLockTime(s_busyTimeoutMs);
    const bool locked = lock.tryLock(s_busyTimeoutMs);
    if (!locked)
        qCDebug(lcCache) << "opening the cache without its lock file:" << lock.error();
    QString reason;
    OpenFailure failure = tryOpen(&reason);
    if (failure == OpenFailure::None)
        return true;
    if (failure == OpenFailure::Damaged && locked) {
        moveAside(reason);
        failure = tryOpen(&reason);
        if (failure == OpenFailure::None)
            return true;
    }
    if (failure == OpenFailure::Unavailable && QFile::exists(m_fileName) && openReadOnly()) {
        // The file is fine but cannot be written now (read-only folder or file, full disk):
        // show what it holds, and say why refreshes are not kept.
        m_errorString = tr("The offline cache %1 cannot be written (%2): it is shown as it is and "
                           "refreshes are not saved.")
                            .arg(QDir::toNativeSeparators(m_fileName), reason);
        qCWarning(lcCache).noquote() << m_errorString;
        return true;
    }
    m_errorString = tr("The offline cache %1 cannot be used: %2")
                        .arg(QDir::toNativeSeparators(m_fileName), reason);
    qCWarning(lcCache).noquote() << m_errorString;
    closeConnection();
    return false;
}

bool InventoryCache::openReadOnly()
{
    closeConnection();
    // A WAL file needs its -shm beside it even to be read; in a read-only folder that cannot be
    // made, and "immutable" is SQLite's way to read such a file: nobody can write there anyway.
    const QString uri = QUrl::fromLocalFile(m_fileName).toString(QUrl::FullyEncoded);
    for (const QString &name : {m_fileName, uri + QStringLiteral("?immutable=1")}) {
        closeConnection();
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(name);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;"
                                            "QSQLITE_BUSY_TIMEOUT=%1")
                                 .arg(s_busyTimeoutMs));
        if (!db.open())
            continue;
        QString ignored;
        const int version = CacheSchema::version(db, &ignored);
        if (version < 1 || version > CacheSchema::latest())
            continue;
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM machines")))
            continue;
        query.finish();
        m_open = true;
        m_readOnly = true;
        return true;
    }
    closeConnection();
    return false;
}

InventoryCache::OpenFailure InventoryCache::tryOpen(QString *reason)
{
    closeConnection();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_fileName);
    // The app and several CLIs may write at the same moment: each waits for the other.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(s_busyTimeoutMs));
    auto failed = [reason](const QSqlError &error) {
        *reason = describe(error);
        return isDamage(error) ? OpenFailure::Damaged : OpenFailure::Unavailable;
    };
    if (!db.open())
        return failed(db.lastError());
    QSqlError error;
    QString text;
    const int version = CacheSchema::version(db, &text, &error);
    if (version < 0)
        return failed(error);
    if (version > CacheSchema::latest()) {
        *reason = tr("it was written by a newer CloudDeck (schema %1, this one knows %2)")
                      .arg(version)
                      .arg(CacheSchema::latest());
        return OpenFailure::Damaged;
    }
    if (version == 0 && !CacheSchema::isEmpty(db, &text, &error)) {
        if (error.isValid())
            return failed(error);
        *reason = tr("it is not a CloudDeck cache");
        return OpenFailure::Damaged;
    }
    QSqlQuery query(db);
    // quick_check reads every page (a truncated or damaged file fails it) without the slower
    // index cross-checks of integrity_check.
    if (!query.exec(QStringLiteral("PRAGMA quick_check(1)")) || !query.next())
        return failed(query.lastError());
    if (query.value(0).toString() != QLatin1String("ok")) {
        *reason = query.value(0).toString();
        return OpenFailure::Damaged;
    }
    // A new file stores text as UTF-16, which is what QString holds: ids are read without a
    // conversion. (Only possible before the first table exists; older files keep UTF-8.)
    if (version == 0 && !query.exec(QStringLiteral("PRAGMA encoding = 'UTF-16le'")))
        return failed(query.lastError());
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
        return failed(query.lastError());
    if (!query.exec(QStringLiteral("PRAGMA synchronous = NORMAL")))
        return failed(query.lastError());
    query.finish();
    if (!CacheSchema::migrate(db, version, &text, &error)) {
        // A step that fails for want of space, a lock or permission is retried next time; one that
        // fails otherwise ("table catalogs already exists") shows a file that is not what its
        // version says.
        if (isTransient(error))
            return failed(error);
        *reason = text;
        return OpenFailure::Damaged;
    }
    if (version == 0)
        qCDebug(lcCache) << "new cache" << m_fileName;
    else if (version != CacheSchema::latest())
        qCInfo(lcCache) << "cache migrated from schema" << version << "to" << CacheSchema::latest();
    m_open = true;
    m_errorString.clear();
    return OpenFailure::None;
}

void InventoryCache::close()
{
    closeConnection();
}

void InventoryCache::closeConnection()
{
    m_open = false;
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = database();
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

void InventoryCache::moveAside(const QString &reason)
{
    closeConnection();
    if (!QFile::exists(m_fileName))
        return;
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = m_fileName + QStringLiteral(".unreadable-") + stamp;
    for (int n = 1; QFile::exists(target); ++n)
        target = m_fileName + QStringLiteral(".unreadable-%1-%2").arg(stamp).arg(n);
    // The write-ahead log belongs to the file: left behind, it would be replayed into the new one.
    bool moved = QFile::rename(m_fileName, target);
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString file = m_fileName + QLatin1String(suffix);
        if (QFile::exists(file) && !QFile::rename(file, target + QLatin1String(suffix)))
            QFile::remove(file);
    }
    if (!moved) {
        QFile::remove(m_fileName);
        target.clear();
    }
    m_movedAsideTo = target;
    pruneMovedAside();
    m_recoveryNotice =
        target.isEmpty()
            ? tr("The offline cache could not be used (%1) and was cleared. It will be rebuilt by "
                 "the "
                 "next refresh.")
                  .arg(reason)
            : tr("The offline cache could not be used (%1). It was moved to %2 and will be rebuilt "
                 "by the next refresh.")
                  .arg(reason, QDir::toNativeSeparators(target));
    qCWarning(lcCache).noquote() << m_recoveryNotice;
    Q_EMIT recovered(m_recoveryNotice);
}

void InventoryCache::pruneMovedAside()
{
    // Each damaged file is kept for the user to look at (or a newer CloudDeck to use), but only
    // the newest few: a disk that keeps damaging files must not fill up with their copies.
    const QFileInfo info(m_fileName);
    const QFileInfoList aside =
        QDir(info.absolutePath())
            .entryInfoList({info.fileName() + QStringLiteral(".unreadable-*")}, QDir::Files,
                           QDir::Time);
    QStringList mains;
    for (const QFileInfo &file : aside) {
        const QString name = file.fileName();
        if (!name.endsWith(QLatin1String("-wal")) && !name.endsWith(QLatin1String("-shm")))
            mains.append(file.absoluteFilePath());
    }
    for (qsizetype i = s_keptAside; i < mains.size(); ++i) {
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(mains.at(i) + QLatin1String(suffix));
    }
}

bool InventoryCache::fail(const QSqlQuery &query, const char *what) const
{
    return fail(query.lastError(), what);
}

bool InventoryCache::fail(const QSqlError &error, const char *what) const
{
    m_errorString = QStringLiteral("%1: %2").arg(QLatin1String(what), error.databaseText());
    m_writeProblem = describe(error);
    qCWarning(lcCache).noquote() << "cache" << m_errorString;
    if (isDamage(error) && !m_recoveryScheduled) {
        // The file went bad while open. Recover once the caller's queries and transaction are gone
        // (a connection cannot be closed under them): keep the file, carry on with a fresh one.
        m_recoveryScheduled = true;
        auto *self = const_cast<InventoryCache *>(this);
        QMetaObject::invokeMethod(
            self,
            [self, reason = error.databaseText()] {
                QLockFile lock(self->m_fileName + QStringLiteral(".lock"));
                lock.setStaleLockTime(s_busyTimeoutMs);
                if (!lock.tryLock(s_busyTimeoutMs)) {
                    // Another process is opening (and checking) the file right now: leave it to
                    // that one rather than rename the file under it.
                    self->m_recoveryScheduled = false;
                    return;
                }
                self->moveAside(reason);
                QString failure;
                if (self->tryOpen(&failure) != OpenFailure::None)
                    self->m_errorString = failure;
                self->m_recoveryScheduled = false;
                Q_EMIT self->reset();
            },
            Qt::QueuedConnection);
    }
    return false;
}

bool InventoryCache::transaction(const char *what,
                                 const std::function<bool(QSqlDatabase &)> &work) const
{
    QSqlDatabase db = database();
    if (!db.transaction())
        return failDb("starting a transaction");
    if (!work(db)) {
        db.rollback();
        return false;
    }
    return db.commit() || failDb(what);
}

bool InventoryCache::failDb(const char *what) const
{
    QSqlDatabase db = database();
    m_errorString =
        QStringLiteral("%1: %2").arg(QLatin1String(what), db.lastError().databaseText());
    m_writeProblem = describe(db.lastError());
    qCWarning(lcCache).noquote() << "cache" << m_errorString;
    return false;
}
