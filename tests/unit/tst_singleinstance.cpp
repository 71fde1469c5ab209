// The single-instance rule of the GUI: the first SingleInstance of a key listens, a second one
// of the same key tells it to raise and is told to exit, other keys (users, cache folders) are
// independent, and a socket left behind by a crashed instance is taken over.
#include "singleinstance.h"

#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#endif

namespace {
// A key of this test alone, so parallel runs and a real clouddeck never meet it.
QString freshKey()
{
    return SingleInstance::socketName(QDir::tempPath() + QLatin1Char('/')
                                      + QUuid::createUuid().toString(QUuid::WithoutBraces));
}
} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesDependOnTheCacheFolder()
    {
        const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
        QCOMPARE(SingleInstance::socketName(cache), SingleInstance::socketName(cache));
        QVERIFY(SingleInstance::socketName(cache)
                != SingleInstance::socketName(cache + QStringLiteral("-other")));
        const QString name = SingleInstance::socketName(cache);
        QVERIFY(QFileInfo(name).fileName().startsWith(u"clouddeck-"));
        // In the private runtime folder when there is one (the test runner makes one).
        const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
        if (!runtime.isEmpty())
            QCOMPARE(QFileInfo(name).absolutePath(), QFileInfo(runtime).absoluteFilePath());
        // Short enough for a Unix socket path (108 bytes with its terminator).
        QVERIFY(QFile::encodeName(name).size() < 100);
    }

    void theSecondInstanceRaisesTheFirst()
    {
        const QString key = freshKey();
        SingleInstance first(key);
        QCOMPARE(first.start(), SingleInstance::Primary);
        QCOMPARE(first.role(), SingleInstance::Primary);
        QVERIFY(!first.serverName().isEmpty());
        QSignalSpy raised(&first, &SingleInstance::raiseRequested);

        SingleInstance second(key);
        QCOMPARE(second.start(), SingleInstance::Secondary);
        QVERIFY(second.serverName().isEmpty()); // it does not listen
        QVERIFY(raised.wait());
        QCOMPARE(raised.size(), 1);

        // And again: every later start raises the same first instance.
        SingleInstance third(key);
        QCOMPARE(third.start(), SingleInstance::Secondary);
        QTRY_COMPARE(raised.size(), 2);
    }

    void otherKeysAreIndependent()
    {
        SingleInstance a(freshKey());
        SingleInstance b(freshKey());
        QCOMPARE(a.start(), SingleInstance::Primary);
        QCOMPARE(b.start(), SingleInstance::Primary);
    }

    void theNextStartAfterAnExitIsPrimary()
    {
        const QString key = freshKey();
        {
            SingleInstance first(key);
            QCOMPARE(first.start(), SingleInstance::Primary);
        }
        SingleInstance next(key);
        QCOMPARE(next.start(), SingleInstance::Primary);
    }

    void aStaleSocketIsTakenOver()
    {
#ifdef Q_OS_UNIX
        // What a crash leaves: the socket file, bound once, with nobody listening on it (the
        // process died before QLocalServer could remove it).
        const QString key = freshKey();
        const QString path =
            QDir::isAbsolutePath(key) ? key : QDir::tempPath() + QLatin1Char('/') + key;
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        const QByteArray native = QFile::encodeName(path);
        QVERIFY(size_t(native.size()) < sizeof(address.sun_path));
        std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
        ::close(fd);
        QVERIFY(QFileInfo::exists(path));

        SingleInstance next(key);
        QCOMPARE(next.start(), SingleInstance::Primary);
        QCOMPARE(next.serverName(), path);
        // It really listens there: a later start is told to raise it.
        QSignalSpy raised(&next, &SingleInstance::raiseRequested);
        SingleInstance later(key);
        QCOMPARE(later.start(), SingleInstance::Secondary);
        QVERIFY(raised.wait());
#else
        QSKIP("A stale named pipe cannot outlive its process on Windows: nothing to take over.");
#endif
    }

    void unknownRequestsAreIgnored()
    {
        const QString key = freshKey();
        SingleInstance first(key);
        QCOMPARE(first.start(), SingleInstance::Primary);
        QSignalSpy raised(&first, &SingleInstance::raiseRequested);
        QLocalSocket stranger;
        stranger.connectToServer(key);
        QVERIFY(stranger.waitForConnected(5000));
        stranger.write("open /etc/passwd\n");
        QVERIFY(stranger.waitForBytesWritten(5000));
        // A real request after it still works, on a connection of its own.
        SingleInstance second(key);
        QCOMPARE(second.start(), SingleInstance::Secondary);
        QVERIFY(raised.wait());
        QCOMPARE(raised.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
