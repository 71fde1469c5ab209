// The offline cache as hostile circumstances meet it, with real clouddeck-cli processes and a fake
// DigitalOcean (issue 11, items 1-4): several processes at a first start, settings that cannot be
// read, a cache folder the user may not write. The cache keeps what the user saw, and every
// problem is said on stderr with a non-zero exit code.
#include "digitaloceanroutes.h"
#include "fakecloudserver.h"
#include "testhelpers.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <unistd.h>

namespace {
int count(const QByteArray &json)
{
    return int(QJsonDocument::fromJson(json).array().size());
}

QStringList args(const char *line)
{
    return QString::fromLatin1(line).split(QLatin1Char(' '));
}
} // namespace

class TestCliCacheFaults : public QObject
{
    Q_OBJECT

    FakeCloudServer m_server;

    static QString dataDir()
    {
        return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
               + QStringLiteral("/clouddeck");
    }
    static QString cacheFile() { return dataDir() + QStringLiteral("/cache.sqlite"); }
    static QString settingsFile()
    {
        return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
               + QStringLiteral("/clouddeck/accounts.ini");
    }
    static QStringList movedAside()
    {
        return QDir(dataDir()).entryList({QStringLiteral("cache.sqlite.unreadable-*")});
    }
    static void removeCache()
    {
        for (const char *suffix : {"", "-wal", "-shm", ".lock"})
            QFile::remove(cacheFile() + QLatin1String(suffix));
        for (const QString &name : movedAside())
            QFile::remove(dataDir() + QLatin1Char('/') + name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(cliPath()));
        QVERIFY(m_server.listen());
        DigitalOceanRoutes::serveAccountAndDroplets(m_server);
        const CliRun add = runProcess(cliPath(),
                                      {QStringLiteral("accounts"), QStringLiteral("add"),
                                       QStringLiteral("--provider"), QStringLiteral("digitalocean"),
                                       QStringLiteral("--name"), QStringLiteral("work"),
                                       QStringLiteral("--endpoint"), m_server.url().toString()},
                                      "dop_v1_cachefaults\n");
        QVERIFY2(add.exitCode == 0, add.err.constData());
    }

    /// Item 1: one refreshing and four offline processes start together on a machine without a
    /// cache. Every time, all exit 0, nothing is moved aside, and the refresher's rows are in the
    /// one cache file afterwards.
    void concurrentFirstStart()
    {
        for (int round = 0; round < 6; ++round) {
            removeCache();
            std::vector<std::unique_ptr<QProcess>> processes;
            for (int n = 0; n < 5; ++n) {
                auto process = std::make_unique<QProcess>();
                process->start(cliPath(), n == 0 ? args("machines list --json")
                                                 : args("machines list --offline --json"));
                processes.push_back(std::move(process));
            }
            for (auto &process : processes) {
                QTRY_VERIFY_WITH_TIMEOUT(process->state() == QProcess::NotRunning, 30'000);
                const QByteArray err = process->readAllStandardError();
                QVERIFY2(process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0,
                         err.constData());
                QVERIFY2(!err.contains("could not be used") && !err.contains("cannot"),
                         err.constData());
            }
            QCOMPARE(count(processes.front()->readAllStandardOutput()), 5);
            QVERIFY2(movedAside().isEmpty(), qPrintable(movedAside().join(QLatin1Char(' '))));
            const CliRun after = runCli(args("machines list --offline --json"));
            QVERIFY2(after.exitCode == 0, after.err.constData());
            QCOMPARE(count(after.out), 5);
        }
    }

    /// Item 2: with the settings missing, empty, garbled, a folder, or under another
    /// XDG_CONFIG_HOME, an offline listing says so, exits non-zero and removes nothing.
    void unreadableSettingsKeepTheCache_data()
    {
        QTest::addColumn<QString>("how");
        for (const char *how : {"missing", "empty", "garbled", "directory", "elsewhere"})
            QTest::newRow(how) << QString::fromLatin1(how);
    }
    void unreadableSettingsKeepTheCache()
    {
        QFETCH(QString, how);
        const CliRun online = runCli(args("machines list --json"));
        QVERIFY2(online.exitCode == 0, online.err.constData());
        QCOMPARE(count(online.out), 5);

        const QString saved = settingsFile() + QStringLiteral(".saved");
        QFile::remove(saved);
        QVERIFY(QFile::rename(settingsFile(), saved));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        QTemporaryDir elsewhere;
        if (how == QLatin1String("empty")) {
            QFile file(settingsFile());
            QVERIFY(file.open(QIODevice::WriteOnly));
        } else if (how == QLatin1String("garbled")) {
            QFile file(settingsFile());
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("[accounts]\n\x01\x02=\xff\xfe\n[accounts/x\n=\n");
        } else if (how == QLatin1String("directory")) {
            QVERIFY(QDir().mkpath(settingsFile()));
        } else if (how == QLatin1String("elsewhere")) {
            QFile::rename(saved, settingsFile()); // the file is fine, but not where we look
            env.insert(QStringLiteral("XDG_CONFIG_HOME"), elsewhere.path());
        }
        const CliRun offline = runCli(args("machines list --offline --json"), {}, env);
        QVERIFY2(offline.exitCode != 0, offline.err.constData());
        QVERIFY2(offline.errText().contains(QLatin1String("nothing was removed")),
                 offline.err.constData());
        QVERIFY2(offline.errText().count(QLatin1String("nothing was removed")) == 1,
                 offline.err.constData()); // said once, not repeated by a log line

        if (how == QLatin1String("directory"))
            QVERIFY(QDir(settingsFile()).removeRecursively());
        else if (how == QLatin1String("empty") || how == QLatin1String("garbled"))
            QVERIFY(QFile::remove(settingsFile()));
        if (how != QLatin1String("elsewhere"))
            QVERIFY(QFile::rename(saved, settingsFile()));
        const CliRun restored = runCli(args("machines list --offline --json"));
        QVERIFY2(restored.exitCode == 0, restored.err.constData());
        QCOMPARE(count(restored.out), 5); // every row survived
    }

    /// Items 3 and 4: a cache folder the user may not write (as a non-root user: root writes
    /// anywhere, so as root the CLI runs as "nobody"). The file is shown as it is, the CLI never
    /// says it was cleared or moved, and a refresh that cannot be stored exits non-zero saying why.
    void readOnlyCacheFolder()
    {
        QStringList prefix;
        if (::geteuid() == 0) {
            const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
            if (setpriv.isEmpty())
                QSKIP("running as root without setpriv: cannot drop privileges to test a "
                      "read-only folder");
            prefix = {setpriv, QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                      QStringLiteral("--clear-groups"), QStringLiteral("--")};
            const CliRun probe =
                runProcess(prefix.first(),
                           prefix.mid(1) + QStringList {cliPath(), QStringLiteral("--version")});
            if (probe.exitCode != 0)
                QSKIP(qPrintable(QStringLiteral("cannot run the CLI as nobody: ") + probe.errText()));
        }
        // A world-readable home of its own, so that "nobody" can read settings and cache.
        QTemporaryDir root(QDir::tempPath() + QStringLiteral("/clouddeck-ro-XXXXXX"));
        QVERIFY(root.isValid());
        QFile::setPermissions(root.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                               | QFile::ReadGroup | QFile::ExeGroup
                                               | QFile::ReadOther | QFile::ExeOther);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"home", "config", "data", "cache"})
            QVERIFY(QDir(root.path()).mkpath(QLatin1String(name)));
        env.insert(QStringLiteral("HOME"), root.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), root.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), root.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), root.filePath(QStringLiteral("cache")));
        env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
        // The demo cloud needs no keychain (which belongs to this test's user).
        const CliRun add = runCli(args("accounts add --provider demo --name play"), {}, env);
        QVERIFY2(add.exitCode == 0, add.err.constData());
        const CliRun filled = runCli(args("machines list --json"), {}, env);
        QVERIFY2(filled.exitCode == 0, filled.err.constData());
        const int rows = count(filled.out);
        QVERIFY(rows > 0);

        const QString folder = root.filePath(QStringLiteral("data/clouddeck"));
        const QString file = folder + QStringLiteral("/cache.sqlite");
        QVERIFY(QFile::exists(file));
        const QFile::Permissions readable = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
        const QFile::Permissions enterable =
            readable | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
        for (const QString &path : QDir(root.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            QFile::setPermissions(root.filePath(path), enterable | QFile::WriteOwner);
        QDir(root.filePath(QStringLiteral("config"))).mkpath(QStringLiteral("clouddeck"));
        QFile::setPermissions(root.filePath(QStringLiteral("config/clouddeck")), enterable);
        QFile::setPermissions(root.filePath(QStringLiteral("config/clouddeck/accounts.ini")),
                              readable);
        for (const QString &name : QDir(folder).entryList(QDir::Files))
            QFile::setPermissions(folder + QLatin1Char('/') + name, readable);
        QVERIFY(QFile::setPermissions(folder, enterable)); // read-only folder
        QFile before(file);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray bytes = before.readAll();
        before.close();

        auto run = [&](const QStringList &arguments) {
            return prefix.isEmpty()
                       ? runProcess(cliPath(), arguments, {}, env)
                       : runProcess(prefix.first(),
                                    prefix.mid(1) + QStringList {cliPath()} + arguments, {}, env);
        };
        const CliRun offline = run(args("machines list --offline --json"));
        QVERIFY2(offline.exitCode == 0, offline.err.constData());
        QCOMPARE(count(offline.out), rows);
        QVERIFY2(offline.errText().contains(QLatin1String("cannot be written")),
                 offline.err.constData());
        QVERIFY2(!offline.errText().contains(QLatin1String("cleared"))
                     && !offline.errText().contains(QLatin1String("moved")),
                 offline.err.constData());

        const CliRun refresh = run(args("machines list --json"));
        QCOMPARE(count(refresh.out), rows); // the refresh is shown
        QVERIFY2(refresh.exitCode == 1, refresh.err.constData()); // but its loss is not silent
        QVERIFY2(refresh.errText().contains(QLatin1String("could not be written")),
                 refresh.err.constData());
        QVERIFY2(refresh.errText().contains(QLatin1String("read-only")), refresh.err.constData());

        QFile after(file);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), bytes); // intact
        QCOMPARE(QDir(folder).entryList({QStringLiteral("cache.sqlite.unreadable-*")}).size(), 0);
        QFile::setPermissions(folder, enterable | QFile::WriteOwner); // let QTemporaryDir clean up
    }
};

QTEST_GUILESS_MAIN(TestCliCacheFaults)
#include "tst_clicachefaults.moc"
