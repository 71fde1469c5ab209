#include "inventorycache.h"

#include "cacheschema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcCache, "clouddeck.cache", QtInfoMsg)

namespace {
// SQLite's primary result codes for a damaged file (QSQLITE reports them as nativeErrorCode).
bool isDamage(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("11") || code == QLatin1String("26");
}

} // namespace

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
    QDir().mkpath(QFileInfo(m_fileName).absolutePath());
    QString reason;
    if (tryOpen(&reason))
        return true;
    moveAside(reason);
    if (tryOpen(&reason))
        return true;
    m_errorString = tr("The offline cache %1 cannot be created: %2").arg(m_fileName, reason);
    qCWarning(lcCache).noquote() << m_errorString;
    closeConnection();
    return false;
}

bool InventoryCache::tryOpen(QString *reason)
{
    closeConnection();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_fileName);
    // The app and the CLI may write at the same moment: wait for the other briefly.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=3000"));
    if (!db.open()) {
        *reason = db.lastError().databaseText();
        return false;
    }
    const int version = CacheSchema::version(db, reason);
    if (version < 0)
        return false;
    if (version > CacheSchema::latest()) {
        *reason = tr("it was written by a newer CloudDeck (schema %1, this one knows %2)")
                      .arg(version)
                      .arg(CacheSchema::latest());
        return false;
    }
    if (version == 0 && !CacheSchema::isEmpty(db, reason)) {
        if (reason->isEmpty())
            *reason = tr("it is not a CloudDeck cache");
        return false;
    }
    QSqlQuery query(db);
    // quick_check reads every page (a truncated or damaged file fails it) without the slower
    // index cross-checks of integrity_check.
    if (!query.exec(QStringLiteral("PRAGMA quick_check(1)")) || !query.next()
        || query.value(0).toString() != QLatin1String("ok")) {
        *reason = query.lastError().isValid() ? query.lastError().databaseText()
                                              : query.value(0).toString();
        return false;
    }
    // A new file stores text as UTF-16, which is what QString holds: ids are read without a
    // conversion. (Only possible before the first table exists; older files keep UTF-8.)
    if (version == 0 && !query.exec(QStringLiteral("PRAGMA encoding = 'UTF-16le'"))) {
        *reason = query.lastError().databaseText();
        return false;
    }
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL"))
        || !query.exec(QStringLiteral("PRAGMA synchronous = NORMAL"))) {
        *reason = query.lastError().databaseText();
        return false;
    }
    query.finish();
    if (!CacheSchema::migrate(db, version, reason))
        return false;
    if (version == 0)
        qCDebug(lcCache) << "new cache" << m_fileName;
    else if (version != CacheSchema::latest())
        qCInfo(lcCache) << "cache migrated from schema" << version << "to" << CacheSchema::latest();
    m_open = true;
    m_errorString.clear();
    return true;
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

bool InventoryCache::fail(const QSqlQuery &query, const char *what) const
{
    const QSqlError error = query.lastError();
    m_errorString = QStringLiteral("%1: %2").arg(QLatin1String(what), error.databaseText());
    qCWarning(lcCache).noquote() << "cache" << m_errorString;
    if (isDamage(error) && !m_recoveryScheduled) {
        // The file went bad while open. Recover once the caller's queries and transaction are gone
        // (a connection cannot be closed under them): keep the file, carry on with a fresh one.
        m_recoveryScheduled = true;
        auto *self = const_cast<InventoryCache *>(this);
        QMetaObject::invokeMethod(
            self,
            [self, reason = error.databaseText()] {
                self->moveAside(reason);
                QString failure;
                if (!self->tryOpen(&failure))
                    self->m_errorString = failure;
                self->m_recoveryScheduled = false;
                Q_EMIT self->reset();
            },
            Qt::QueuedConnection);
    }
    return false;
}

bool InventoryCache::failDb(const char *what) const
{
    QSqlDatabase db = database();
    m_errorString =
        QStringLiteral("%1: %2").arg(QLatin1String(what), db.lastError().databaseText());
    qCWarning(lcCache).noquote() << "cache" << m_errorString;
    return false;
}
