// SqliteRows, the cache's reader on SQLite's own API: values as QSqlQuery reads them, in both
// text encodings a cache file can have, and errors with SQLite's codes.
#include "sqliterows.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestSqliteRows : public QObject
{
    Q_OBJECT
private:
    QSqlDatabase open(const QString &name, const QString &encoding)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_dir.filePath(name + QStringLiteral(".sqlite")));
        if (!db.open())
            return db;
        QSqlQuery query(db);
        query.exec(QStringLiteral("PRAGMA encoding = '%1'").arg(encoding));
        query.exec(QStringLiteral("CREATE TABLE t (name TEXT, data BLOB, n INTEGER)"));
        query.prepare(QStringLiteral("INSERT INTO t VALUES (?, ?, ?)"));
        const QList<QVariantList> rows = {
            {QStringLiteral("web-1"), QByteArray("\x00\x01\xff", 3), qint64(1) << 40},
            {QStringLiteral("Zürich 🚀 ключ"), QByteArray(), -7},
            {QString(), QByteArray(100'000, 'x'), 0},
        };
        for (const QVariantList &row : rows) {
            for (int i = 0; i < row.size(); ++i)
                query.bindValue(i, row.at(i));
            query.exec();
        }
        return db;
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void cleanup()
    {
        for (const QString &name : QSqlDatabase::connectionNames())
            QSqlDatabase::removeDatabase(name);
    }

    void readsWhatQSqlQueryReads_data()
    {
        QTest::addColumn<QString>("encoding");
        QTest::newRow("UTF-16le (new caches)") << QStringLiteral("UTF-16le");
        QTest::newRow("UTF-8 (older caches)") << QStringLiteral("UTF-8");
    }

    void readsWhatQSqlQueryReads()
    {
        QFETCH(QString, encoding);
        {
            QSqlDatabase db = open(QStringLiteral("c-") + encoding, encoding);
            QVERIFY(db.isOpen());
            QSqlQuery reference(db);
            QVERIFY(reference.exec(QStringLiteral("SELECT name, data, n FROM t ORDER BY rowid")));
            SqliteRows rows(db, "SELECT name, data, n FROM t ORDER BY rowid");
            int count = 0;
            while (rows.next()) {
                QVERIFY(reference.next());
                QCOMPARE(rows.text(0), reference.value(0).toString());
                QCOMPARE(rows.blob(1).toByteArray(), reference.value(1).toByteArray());
                QCOMPARE(rows.integer(2), reference.value(2).toLongLong());
                ++count;
            }
            QVERIFY(!reference.next());
            QCOMPARE(count, 3);
            QVERIFY(!rows.lastError().isValid());
            QVERIFY(!rows.next()); // stays at the end: SQLite would start over
        }
    }

    void bindsText()
    {
        QSqlDatabase db = open(QStringLiteral("b"), QStringLiteral("UTF-16le"));
        SqliteRows rows(db, "SELECT n FROM t WHERE name = ?");
        rows.bind(1, u"Zürich 🚀 ключ");
        QVERIFY(rows.next());
        QCOMPARE(rows.integer(0), -7);
        QVERIFY(!rows.next());
        QVERIFY(!rows.lastError().isValid());
    }

    void badStatementIsAnErrorWithSqlitesCode()
    {
        QSqlDatabase db = open(QStringLiteral("e"), QStringLiteral("UTF-16le"));
        SqliteRows rows(db, "SELECT missing FROM nowhere");
        QVERIFY(!rows.next());
        QVERIFY(rows.lastError().isValid());
        QCOMPARE(rows.lastError().nativeErrorCode(), QStringLiteral("1")); // SQLITE_ERROR
        QVERIFY2(rows.lastError().databaseText().contains(QLatin1String("nowhere")),
                 qPrintable(rows.lastError().databaseText()));
        rows.bind(1, u"x"); // harmless after the error
        QVERIFY(!rows.next());
    }

    void closedConnectionIsAnError()
    {
        QSqlDatabase db = open(QStringLiteral("x"), QStringLiteral("UTF-16le"));
        db.close();
        SqliteRows rows(db, "SELECT 1");
        QVERIFY(!rows.next());
        QCOMPARE(rows.lastError().type(), QSqlError::ConnectionError);
    }

    void damagedFileIsReportedAsDamage()
    {
        const QString path = m_dir.filePath(QStringLiteral("d.sqlite"));
        {
            QSqlDatabase db = open(QStringLiteral("d"), QStringLiteral("UTF-16le"));
            QSqlQuery(db).exec(QStringLiteral("INSERT INTO t SELECT * FROM t"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("d"));
        // Garbage over every page after the first: the schema reads, the table does not.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 size = file.size();
        QVERIFY(size > 8192);
        file.seek(4096);
        file.write(QByteArray(size - 4096, char(0x5a)));
        file.close();
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("d"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        SqliteRows rows(db, "SELECT name, data FROM t");
        while (rows.next()) {
        }
        QVERIFY(rows.lastError().isValid());
        const int primary = rows.lastError().nativeErrorCode().toInt() & 0xff;
        QVERIFY2(primary == 11 || primary == 26, // SQLITE_CORRUPT, SQLITE_NOTADB
                 qPrintable(rows.lastError().nativeErrorCode()));
    }
};

QTEST_GUILESS_MAIN(TestSqliteRows)
#include "tst_sqliterows.moc"
