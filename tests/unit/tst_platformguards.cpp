// Nothing Linux-only may hide in the code that must build on Windows and macOS too: every
// preprocessor branch on a platform (Q_OS_*, compiler or OS macros, and the CLOUDDECK_HAVE_*
// switches CMake sets per platform) in core/, providers/, app/ and qml/backend/ must have an
// #else (a fallback for the other platforms), unless it only picks #includes, or it is listed
// below with the reason it needs none. A new unguarded branch fails here, on Linux, before a
// Windows or macOS build would.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {
struct Guard
{
    QString file;
    int line = 0;
    QString condition; ///< of the #if and every #elif
    bool hasElse = false;
    bool onlyIncludes = true;
    bool platform = false;
};

// Branches that need no #else, each with why; `count` of them in that file, so a new one is not
// let through by an old entry.
struct Allowed
{
    const char *file;
    const char *macro;
    int count;
    const char *reason;
};
constexpr Allowed allowed[] = {
    {"core/accounts/secretservicelock.cpp", "CLOUDDECK_HAVE_SECRET_SERVICE", 2,
     "D-Bus helpers and metatype registration used only by the guarded branches of "
     "isEntryLocked()/isDefaultCollectionLocked(), whose #else answers 'not locked' elsewhere"},
};

const QRegularExpression platformMacro(QStringLiteral(
    R"(\b(Q_OS_\w+|Q_CC_\w+|_WIN32|_WIN64|_MSC_VER|__APPLE__|__MACH__|__linux__|__unix__|__FreeBSD__|CLOUDDECK_HAVE_\w+)\b)"));

// The conditional groups of one source text, innermost closed first.
QList<Guard> conditionals(const QString &file, const QString &source)
{
    QList<Guard> closed;
    QList<Guard> open;
    const QStringList lines = source.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i).trimmed();
        const int first = i;
        while (line.endsWith(QLatin1Char('\\')) && i + 1 < lines.size())
            line = line.chopped(1) + QLatin1Char(' ') + lines.at(++i).trimmed();
        if (!line.startsWith(QLatin1Char('#'))) {
            if (!line.isEmpty() && !line.startsWith(u"//"))
                for (Guard &guard : open)
                    guard.onlyIncludes = false;
            continue;
        }
        const QString directive = line.mid(1).trimmed();
        const QString word = directive.section(QLatin1Char(' '), 0, 0);
        const QString rest = directive.section(QLatin1Char(' '), 1).trimmed();
        if (word == u"if" || word == u"ifdef" || word == u"ifndef") {
            Guard guard {file, first + 1, rest};
            guard.platform = platformMacro.match(rest).hasMatch();
            open.append(guard);
        } else if ((word == u"elif" || word == u"else") && !open.isEmpty()) {
            open.last().hasElse |= word == u"else";
            open.last().condition += QStringLiteral(" / ") + rest;
            open.last().platform |= platformMacro.match(rest).hasMatch();
        } else if (word == u"endif" && !open.isEmpty()) {
            closed.append(open.takeLast());
        } else if (word != u"include") {
            for (Guard &guard : open)
                guard.onlyIncludes = false; // a #define or #pragma is code too
        }
    }
    return closed;
}

// The platform branches with no fallback.
QList<Guard> unguarded(const QList<Guard> &guards)
{
    QList<Guard> result;
    for (const Guard &guard : guards) {
        if (guard.platform && !guard.hasElse && !guard.onlyIncludes)
            result.append(guard);
    }
    return result;
}
} // namespace

class TestPlatformGuards : public QObject
{
    Q_OBJECT
    QList<Guard> m_all;

private Q_SLOTS:
    void initTestCase()
    {
        for (const char *folder : {"core", "providers", "app", "qml/backend"}) {
            const QString root = QStringLiteral(SOURCE_DIR "/") + QLatin1String(folder);
            QDirIterator it(root, {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile file(path);
                QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
                const QString relative = path.mid(qsizetype(sizeof(SOURCE_DIR)));
                m_all += conditionals(relative, QString::fromUtf8(file.readAll()));
            }
        }
    }

    void theCheckFindsWhatItShould()
    {
        // On a sample: a Linux-only branch is caught, one with a fallback or only includes is not.
        const QList<Guard> sample =
            conditionals(QStringLiteral("sample.cpp"),
                         QStringLiteral("#ifdef Q_OS_LINUX\n#include <unistd.h>\n#endif\n"
                                        "void f() {\n#if defined(Q_OS_LINUX) \\\n    || "
                                        "defined(Q_OS_FREEBSD)\n  g();\n#endif\n"
                                        "#ifdef Q_OS_WIN\n  a();\n#elif defined(Q_OS_MACOS)\n  "
                                        "b();\n#else\n  c();\n#endif\n"
                                        "#if QT_VERSION >= 0x060500\n  d();\n#endif\n}\n"));
        const QList<Guard> caught = unguarded(sample);
        QCOMPARE(caught.size(), 1);
        QCOMPARE(caught.constFirst().line, 5);
        QVERIFY(caught.constFirst().condition.contains(u"Q_OS_FREEBSD"));
        // And the real tree has the branches we know of (the scan is not looking at nothing).
        int platform = 0;
        for (const Guard &guard : std::as_const(m_all))
            platform += guard.platform ? 1 : 0;
        QVERIFY2(platform >= 8, qPrintable(QString::number(platform)));
    }

    void everyPlatformBranchHasAFallback()
    {
        QHash<QString, int> allowedLeft;
        for (const Allowed &entry : allowed)
            allowedLeft.insert(QLatin1String(entry.file) + u'|' + QLatin1String(entry.macro),
                               entry.count);
        QStringList problems;
        for (const Guard &guard : unguarded(m_all)) {
            const QString macro = platformMacro.match(guard.condition).captured(1);
            const QString key = guard.file + u'|' + macro;
            if (allowedLeft.value(key) > 0) {
                --allowedLeft[key];
                continue;
            }
            problems.append(QStringLiteral("%1:%2: #if %3 has no #else: what do the other "
                                           "platforms do?")
                                .arg(guard.file)
                                .arg(guard.line)
                                .arg(guard.condition));
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        // An entry that no longer matches anything is stale: remove it.
        for (auto it = allowedLeft.cbegin(); it != allowedLeft.cend(); ++it)
            QVERIFY2(it.value() == 0, qPrintable(QStringLiteral("allowlist entry %1 has %2 unused")
                                                     .arg(it.key())
                                                     .arg(it.value())));
    }

    void printTheList()
    {
        // The inventory, for review: every platform branch and whether it has a fallback.
        for (const Guard &guard : std::as_const(m_all)) {
            if (guard.platform)
                qInfo().noquote() << QStringLiteral("%1:%2 #if %3%4")
                                         .arg(guard.file)
                                         .arg(guard.line)
                                         .arg(guard.condition,
                                              guard.hasElse        ? QStringLiteral(" [else]")
                                              : guard.onlyIncludes ? QStringLiteral(" [includes]")
                                                                   : QStringLiteral(" [allowed]"));
        }
    }
};

QTEST_GUILESS_MAIN(TestPlatformGuards)
#include "tst_platformguards.moc"
