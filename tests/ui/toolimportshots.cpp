#include "toolimportshots.h"

#include "screentools.h"
#include "shooter.h"
#include "testhelpers.h"
#include "toolimporter.h"

#include <QDir>

using namespace ScreenTools;

namespace {
// Where a user has them: under ~/.config (the program's own XDG_CONFIG_HOME is elsewhere).
QString toolsConfigHome()
{
    return QDir::homePath() + QStringLiteral("/.config");
}

void writeTools()
{
    const QString config = toolsConfigHome();
    const QString home = QDir::homePath();
    // doctl pointed at an address where nothing listens: its Verify fails, as a wrong api-url
    // would, and the row shows why.
    const bool ok = writeFile(config + QStringLiteral("/doctl/config.yaml"),
                              readFixture(QStringLiteral("tools/doctl-config.yaml"))
                                  + "api-url: http://127.0.0.1:9\n")
                    && writeFile(config + QStringLiteral("/hcloud/cli.toml"),
                                 readFixture(QStringLiteral("tools/hcloud-cli.toml")))
                    && writeFile(home + QStringLiteral("/.aws/credentials"),
                                 readFixture(QStringLiteral("tools/aws-credentials")))
                    && writeFile(home + QStringLiteral("/.aws/config"),
                                 readFixture(QStringLiteral("tools/aws-config")));
    if (!ok)
        fail(QStringLiteral("cannot write the tools' files"));
}

int rowOf(const ToolImporter &model, const QString &tool, const QString &context)
{
    for (int i = 0; i < model.rowCount(); ++i) {
        const QModelIndex index = model.index(i);
        if (index.data(ToolImporter::ToolRole).toString() == tool
            && index.data(ToolImporter::ContextRole).toString() == context)
            return i;
    }
    fail(QStringLiteral("no row for %1 %2").arg(tool, context));
}
} // namespace

void shootToolImport(Shooter &shooter, QQuickWindow *window)
{
    writeTools();
    QObject *sheet = popup(window, "addAccountSheet");
    call(sheet, "openForNew", {QString()});
    Shooter::settle();
    // The way in: the picker's first entry. The page reads the tools' folders as it opens.
    const QByteArray ownConfig = qgetenv("XDG_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", toolsConfigHome().toLocal8Bit());
    QObject *entry = child(window, "importFromToolsButton");
    QMetaObject::invokeMethod(entry, "clicked");
    qputenv("XDG_CONFIG_HOME", ownConfig);
    Shooter::settle();
    auto *importer = findAnywhere<ToolImporter>(window);
    if (!importer)
        fail(QStringLiteral("no tool importer"));
    waitFor(QStringLiteral("the tools' files"), [&] { return !importer->loading(); });
    if (importer->rowCount() < 8)
        fail(QStringLiteral("the tools gave %1 rows").arg(importer->rowCount()));
    const int work = rowOf(*importer, QStringLiteral("doctl"), QStringLiteral("work"));
    if (!importer->importRow(work))
        fail(QStringLiteral("doctl work cannot be imported"));
    waitFor(
        QStringLiteral("the failed verify"), [&] { return !importer->busy(); }, 30000);
    shooter.shotIn(QStringLiteral("import-tools"), {{1280, 800, "light", "compact"},
                                                    {1280, 800, "dark", "compact"},
                                                    {1920, 1080, "light", "compact"},
                                                    {1920, 1080, "dark", "compact"},
                                                    {800, 1280, "light", "comfortable"},
                                                    {800, 1280, "dark", "comfortable"}});
    shooter.resize(1280, 800, QStringLiteral("light"), QStringLiteral("compact"));
    call(sheet, "close");
    Shooter::settle();
}
