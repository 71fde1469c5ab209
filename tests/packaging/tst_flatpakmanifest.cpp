// The Flatpak manifest cannot be built here (flatpak-builder downloads the KDE runtime and the
// git sources), so this reads it as flatpak-builder would and checks what the app needs: the
// KDE 6 runtime, a module for every library the build finds that the runtime lacks (QtKeychain
// with libsecret, yaml-cpp), pinned sources, the permissions (network, the Secret Service) and
// the ones it must not have (the home folder, the host, every device, the whole session bus).
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <yaml-cpp/yaml.h>

namespace {
const QString manifestPath =
    QStringLiteral(SOURCE_DIR "/packaging/org.clouddeck.CloudDeck.flatpak.yml");

QString text(const YAML::Node &node)
{
    return node && node.IsScalar() ? QString::fromStdString(node.as<std::string>()) : QString();
}

QStringList texts(const YAML::Node &node)
{
    QStringList result;
    if (node && node.IsSequence()) {
        for (const YAML::Node &item : node)
            result.append(text(item));
    }
    return result;
}
} // namespace

class TestFlatpakManifest : public QObject
{
    Q_OBJECT
    YAML::Node m_manifest;
    QStringList m_finishArgs;

    [[nodiscard]] YAML::Node module(const QString &name) const
    {
        for (const YAML::Node &module : m_manifest["modules"]) {
            if (text(module["name"]) == name)
                return module;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile file(manifestPath);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(manifestPath));
        try {
            m_manifest = YAML::Load(file.readAll().toStdString());
        } catch (const YAML::Exception &e) {
            QFAIL(e.what());
        }
        QVERIFY(m_manifest.IsMap());
        m_finishArgs = texts(m_manifest["finish-args"]);
        QVERIFY(!m_finishArgs.isEmpty());
    }

    void theAppAndItsRuntime()
    {
        // The id names the desktop entry, the metainfo and the icons: all must agree.
        QCOMPARE(text(m_manifest["app-id"]), QStringLiteral("org.clouddeck.CloudDeck"));
        QVERIFY(
            QFile::exists(QStringLiteral(SOURCE_DIR "/packaging/org.clouddeck.CloudDeck.desktop")));
        QVERIFY(QFile::exists(
            QStringLiteral(SOURCE_DIR "/packaging/org.clouddeck.CloudDeck.metainfo.xml")));
        QCOMPARE(text(m_manifest["command"]), QStringLiteral("clouddeck"));
        QCOMPARE(text(m_manifest["runtime"]), QStringLiteral("org.kde.Platform"));
        QCOMPARE(text(m_manifest["sdk"]), QStringLiteral("org.kde.Sdk"));
        // KDE 6 at 6.8 or newer (the oldest branch Flathub still updates).
        const QStringList version = text(m_manifest["runtime-version"]).split(QLatin1Char('.'));
        QCOMPARE(version.size(), 2);
        QCOMPARE(version.at(0).toInt(), 6);
        QVERIFY2(version.at(1).toInt() >= 8, qPrintable(version.join(QLatin1Char('.'))));
    }

    void thePermissionsTheAppNeeds()
    {
        for (const char *needed :
             {"--share=network", "--share=ipc", "--socket=wayland", "--socket=fallback-x11",
              "--device=dri", "--talk-name=org.freedesktop.secrets"}) {
            QVERIFY2(m_finishArgs.contains(QLatin1String(needed)), needed);
        }
    }

    void noneItMustNotHave()
    {
        // Wider than the app needs: its files are its own, the user's come through the portal.
        const QStringList forbidden {
            QStringLiteral("--filesystem=home"),
            QStringLiteral("--filesystem=host"),
            QStringLiteral("--filesystem=host-os"),
            QStringLiteral("--filesystem=host-etc"),
            QStringLiteral("--filesystem=xdg-config"),
            QStringLiteral("--filesystem=~"),
            QStringLiteral("--device=all"),
            QStringLiteral("--socket=session-bus"),
            QStringLiteral("--socket=system-bus"),
            QStringLiteral("--socket=x11"),
        };
        for (const QString &arg : std::as_const(m_finishArgs)) {
            const QString bare = arg.section(QLatin1Char(':'), 0, 0);
            QVERIFY2(!forbidden.contains(bare), qPrintable(arg));
            // Other tools' files are read, never written.
            if (arg.startsWith(u"--filesystem="))
                QVERIFY2(arg.endsWith(u":ro"),
                         qPrintable(arg + QStringLiteral(" is not read-only")));
        }
        // Our own secrets-related bus names only: no wildcard over a whole namespace.
        for (const QString &arg : std::as_const(m_finishArgs)) {
            if (arg.startsWith(u"--talk-name=") || arg.startsWith(u"--own-name="))
                QVERIFY2(!arg.endsWith(u".*"), qPrintable(arg));
        }
    }

    void theToolFilesImportReads()
    {
        // ToolCredentials' files (core/accounts/toolcredentials.h), readable and nothing more.
        for (const char *file :
             {"--filesystem=xdg-config/doctl:ro", "--filesystem=xdg-config/hcloud:ro",
              "--filesystem=xdg-config/linode-cli:ro", "--filesystem=~/.aws:ro",
              "--filesystem=xdg-config/vultr-cli.yaml:ro"}) {
            QVERIFY2(m_finishArgs.contains(QLatin1String(file)), file);
        }
    }

    void modulesInBuildOrder()
    {
        QStringList names;
        for (const YAML::Node &module : m_manifest["modules"])
            names.append(text(module["name"]));
        QVERIFY2(names.size() >= 3, qPrintable(names.join(u", ")));
        QCOMPARE(names.constLast(), QStringLiteral("clouddeck")); // its dependencies come first
        QVERIFY(names.contains(u"qtkeychain"));
        QVERIFY(names.contains(u"yaml-cpp"));
    }

    void qtKeychainForQt6WithLibsecret()
    {
        const YAML::Node keychain = module(QStringLiteral("qtkeychain"));
        QVERIFY(keychain);
        const QStringList options = texts(keychain["config-opts"]);
        QVERIFY2(options.contains(u"-DBUILD_WITH_QT6=ON"), qPrintable(options.join(u' ')));
        // Without libsecret QtKeychain on Linux falls back to KWallet only, or plain text.
        QVERIFY2(options.contains(u"-DLIBSECRET_SUPPORT=ON"), qPrintable(options.join(u' ')));
        QVERIFY(!options.contains(u"-DLIBSECRET_SUPPORT=OFF"));
    }

    void everyLibraryTheBuildFindsIsThere_data()
    {
        QTest::addColumn<QString>("package");
        // Each find_package of our CMake files: a module of the manifest, or in the runtime.
        const QRegularExpression findPackage(
            QStringLiteral(R"(find_package\(\s*([A-Za-z0-9_-]+))"));
        QSet<QString> packages;
        QDirIterator it(QStringLiteral(SOURCE_DIR), {QStringLiteral("CMakeLists.txt")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString relative = QDir(QStringLiteral(SOURCE_DIR)).relativeFilePath(path);
            if (relative.startsWith(u"tests/") || relative.startsWith(u"bench/")
                || relative.startsWith(u"build") || relative.startsWith(u'.'))
                continue;
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString contents = QString::fromUtf8(file.readAll());
            for (const QRegularExpressionMatch &m : findPackage.globalMatch(contents))
                packages.insert(m.captured(1));
        }
        QVERIFY(packages.contains(QStringLiteral("Qt6Keychain")));
        for (const QString &package : std::as_const(packages))
            QTest::newRow(qPrintable(package)) << package;
    }

    void everyLibraryTheBuildFindsIsThere()
    {
        QFETCH(QString, package);
        // In the KDE runtime (Qt 6 itself) or the freedesktop base below it, which also has
        // SQLite: the runtime's Qt SQL driver is linked to it, as core is (SqliteRows).
        static const QStringList inRuntime {QStringLiteral("Qt6"), QStringLiteral("OpenSSL"),
                                            QStringLiteral("PkgConfig"),
                                            QStringLiteral("SQLite3")};
        static const QHash<QString, QString> moduleOf {
            {QStringLiteral("Qt6Keychain"), QStringLiteral("qtkeychain")},
            {QStringLiteral("yaml-cpp"), QStringLiteral("yaml-cpp")},
        };
        if (inRuntime.contains(package))
            return;
        QVERIFY2(
            moduleOf.contains(package),
            qPrintable(package + QStringLiteral(": in the runtime, or which module builds it?")));
        QVERIFY2(module(moduleOf.value(package)),
                 qPrintable(
                     QStringLiteral("no module %1 for %2").arg(moduleOf.value(package), package)));
    }

    void sourcesArePinned()
    {
        // A tag can move; flatpak-builder (and Flathub) want the commit as well.
        const QRegularExpression sha1(QStringLiteral("^[0-9a-f]{40}$"));
        for (const YAML::Node &module : m_manifest["modules"]) {
            const QString name = text(module["name"]);
            for (const YAML::Node &source : module["sources"]) {
                const QString type = text(source["type"]);
                if (type == u"git") {
                    QVERIFY2(text(source["url"]).startsWith(u"https://"), qPrintable(name));
                    QVERIFY2(!text(source["tag"]).isEmpty(), qPrintable(name));
                    QVERIFY2(sha1.match(text(source["commit"])).hasMatch(), qPrintable(name));
                } else if (type == u"dir") {
                    QCOMPARE(name, QStringLiteral("clouddeck"));
                    QVERIFY(QDir(QStringLiteral(SOURCE_DIR "/packaging/") + text(source["path"]))
                                .exists(QStringLiteral("CMakeLists.txt")));
                } else {
                    QVERIFY2(!text(source["sha256"]).isEmpty(), qPrintable(name + u' ' + type));
                }
            }
        }
    }

    void theAppIsBuiltWithoutTests()
    {
        const QStringList options = texts(module(QStringLiteral("clouddeck"))["config-opts"]);
        QVERIFY(options.contains(u"-DCLOUDDECK_BUILD_TESTS=OFF"));
        QVERIFY(options.contains(u"-DCLOUDDECK_BUILD_BENCH=OFF"));
        QVERIFY(options.contains(u"-DCMAKE_BUILD_TYPE=Release"));
    }
};

QTEST_GUILESS_MAIN(TestFlatpakManifest)
#include "tst_flatpakmanifest.moc"
