// Runs the real CloudDeck window offscreen against the Demo cloud and writes PNGs of the screens
// that matter (docs/screenshots/): first run, the machine list in three window shapes, details,
// add account (and the OpenStack and Proxmox VE forms), the create wizard, the destroy
// confirmation, the cost page, the metrics (rows' sparklines, the details' graphs), the offline
// banner and settings.
//
//   clouddeck_screenshots [--out DIR]      (default: the source tree's docs/screenshots)
//
// It always works in a private, temporary HOME/XDG environment, so it never reads or changes the
// user's accounts. Exits non-zero when a screen cannot be reached or a picture looks empty.

#include "accounteditor.h"
#include "activitymodel.h"
#include "appcontroller.h"
#include "appsettings.h"
#include "machinecolumns.h"
#include "machinecreator.h"
#include "machinefiltermodel.h"
#include "machinemodel.h"
#include "metricshots.h"
#include "privatecloudshots.h"
#include "toolimportshots.h"
#include "providerregistry.h"
#include "screentools.h"
#include "shooter.h"
#include "translations.h"
#include "userprices.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQmlProperty>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>

Q_IMPORT_QML_PLUGIN(CloudDeckPlugin)

using namespace ScreenTools;

namespace {

// Warnings from our QML (a failed binding, a type error) fail the run: a screen that shows is
// not enough, it must also be clean.
QStringList &qmlWarnings()
{
    static QStringList s_warnings;
    return s_warnings;
}

void collectQmlWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg
        && message.contains(QLatin1String("qrc:/qt/qml/CloudDeck/")))
        qmlWarnings().append(message);
    std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
}

// Before QApplication: a throw-away home, unless the test runner already made one.
std::unique_ptr<QTemporaryDir> isolate()
{
    if (qEnvironmentVariableIsSet("CLOUDDECK_TEST_TMP"))
        return nullptr;
    auto dir = std::make_unique<QTemporaryDir>();
    for (const char *name : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"}) {
        const QString path = dir->path() + QLatin1Char('/') + QString::fromLatin1(name).toLower();
        QDir().mkpath(path);
        qputenv(name, path.toLocal8Bit());
    }
    qunsetenv("DBUS_SESSION_BUS_ADDRESS"); // the demo needs no keychain
    return dir;
}

QString machineIdByName(const QString &name)
{
    const auto machines = AppController::instance()->machineModel()->machines();
    for (const Machine &machine : machines) {
        if (machine.name == name)
            return machine.id;
    }
    fail(QStringLiteral("no machine %1").arg(name));
}

} // namespace

int main(int argc, char *argv[])
{
    const auto home = isolate();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("CLOUDDECK_REDUCE_MOTION", "1"); // pictures of finished transitions, not halfway ones
    if (qEnvironmentVariableIsEmpty("CLOUDDECK_DEMO_SPEED"))
        qputenv("CLOUDDECK_DEMO_SPEED", "1");

    qInstallMessageHandler(collectQmlWarnings);
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("clouddeck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CLOUDDECK_VERSION_STRING));
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    Translations::install();

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("out"), QStringLiteral("Folder for the PNGs."),
                      QStringLiteral("dir"), QStringLiteral(SCREENSHOT_DIR)});
    parser.process(app);
    const QString out = parser.value(QStringLiteral("out"));
    if (!QDir().mkpath(out))
        fail(QStringLiteral("cannot create %1").arg(out));

    AppController *controller = AppController::instance();
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/CloudDeck/Main.qml")));
    if (engine.rootObjects().isEmpty())
        fail(QStringLiteral("Main.qml did not load"));
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    Shooter shooter(window, out);

    // First run.
    shooter.resize(1920, 1080, QStringLiteral("light"), QStringLiteral("compact"));
    shooter.shot(QStringLiteral("first-run"));
    shooter.resize(800, 1280, QStringLiteral("light"), QStringLiteral("comfortable"));
    shooter.shot(QStringLiteral("first-run-portrait"));

    // "Try the demo", then something in flight and a machine selected.
    controller->addDemoAccount();
    waitFor(QStringLiteral("the demo fleet"), [&] {
        return controller->machineModel()->rowCount() >= 12 && !controller->refreshing();
    });
    const QString accountId = controller->machineModel()->at(0).accountId;
    controller->runAction(accountId, machineIdByName(QStringLiteral("worker-us-1")),
                          QStringLiteral("reboot"));
    controller->select(accountId, machineIdByName(QStringLiteral("postgres-primary")));
    // The rows' sparklines: the Demo cloud's CPU hour of the rows on screen.
    shooter.resize(1920, 1080, QStringLiteral("light"), QStringLiteral("compact"));
    waitForMetrics(accountId, machineIdByName(QStringLiteral("postgres-primary")), "1h");

    shooter.resize(1920, 1080, QStringLiteral("light"), QStringLiteral("compact"));
    shooter.shot(QStringLiteral("machines-1920x1080-light"));
    shooter.resize(1280, 800, QStringLiteral("dark"), QStringLiteral("comfortable"));
    shooter.shot(QStringLiteral("machines-1280x800-dark"));
    shooter.resize(800, 1280, QStringLiteral("light"), QStringLiteral("comfortable"));
    shooter.shot(QStringLiteral("machines-800x1280-portrait"));
    AppSettings::instance()->setViewMode(QStringLiteral("grid"));
    shooter.resize(1920, 1080, QStringLiteral("dark"), QStringLiteral("compact"));
    shooter.shot(QStringLiteral("machines-grid-1920x1080-dark"));
    shooter.resize(1280, 800, QStringLiteral("light"), QStringLiteral("comfortable"));
    shooter.shot(QStringLiteral("machines-grid-1280x800-light"));
    shooter.resize(800, 1280, QStringLiteral("dark"), QStringLiteral("comfortable"));
    shooter.shot(QStringLiteral("machines-grid-800x1280-dark"));
    AppSettings::instance()->setViewMode(QStringLiteral("list"));

    // The table's columns as a user shapes them: the account column on (one account hides it
    // by default), tags hidden, the region column widened.
    MachineColumns *columns = controller->columns();
    columns->setChecked(QStringLiteral("account"), true);
    columns->setChecked(QStringLiteral("tags"), false);
    shooter.resize(1920, 1080, QStringLiteral("light"), QStringLiteral("compact"));
    columns->resize(QStringLiteral("region"), 90); // as a drag would, with the room there is
    shooter.shot(QStringLiteral("columns-1920x1080-light"));
    shooter.resize(1920, 1080, QStringLiteral("dark"), QStringLiteral("compact"));
    shooter.shot(QStringLiteral("columns-1920x1080-dark"));
    shooter.resize(1280, 800, QStringLiteral("light"), QStringLiteral("compact"));
    shooter.shot(QStringLiteral("columns-1280x800-light"));
    shooter.resize(1280, 800, QStringLiteral("dark"), QStringLiteral("compact"));
    shooter.shot(QStringLiteral("columns-1280x800-dark"));
    columns->reset();

    // A search that matches nothing: the columns stay put over the empty state, which says
    // what hides the machines.
    controller->filters()->setSearchText(QStringLiteral("no-such-box"));
    shooter.resize(1920, 1080, QStringLiteral("light"), QStringLiteral("compact"));
    shooter.shot(QStringLiteral("search-no-match-1920x1080-light"));
    shooter.resize(1280, 800, QStringLiteral("dark"), QStringLiteral("compact"));
    shooter.shot(QStringLiteral("search-no-match-1280x800-dark"));
    controller->filters()->setSearchText(QString());

    // Details as a page of their own on a portrait tablet.
    controller->select(accountId, machineIdByName(QStringLiteral("web-frontend-1")));
    shooter.resize(800, 1280, QStringLiteral("light"), QStringLiteral("comfortable"));
    call(window, "showDetails", {accountId, machineIdByName(QStringLiteral("web-frontend-1"))});
    shooter.shot(QStringLiteral("details-800x1280"));
    shooter.resize(1280, 800, QStringLiteral("light"), QStringLiteral("compact"));
    waitFor(QStringLiteral("the stack to pop"), [&] {
        return QQmlProperty::read(property(window, "stack"), QStringLiteral("depth")).toInt() == 1;
    });

    // The details pane's editor open: the name field with core's rule saying what is wrong
    // with what is typed, and the tags as removable chips with the "+ tag" field.
    controller->select(accountId, machineIdByName(QStringLiteral("web-frontend-1")));
    Shooter::settle();
    if (QObject *nameEditor = findAnywhere<QObject>(window, QStringLiteral("nameEditor"))) {
        call(nameEditor, "startEditing");
        if (QObject *field = findAnywhere<QObject>(window, QStringLiteral("nameField")))
            QQmlProperty::write(field, QStringLiteral("text"), QStringLiteral("web frontend 1"));
        Shooter::settle();
        shooter.shot(QStringLiteral("details-rename-1280x800"));
        call(nameEditor, "cancel");
    }

    shootMetrics(shooter, window, accountId, machineIdByName(QStringLiteral("postgres-primary")));

    // Add account: the picker, then a generated form whose Verify found a problem.
    QObject *addSheet = popup(window, "addAccountSheet");
    call(addSheet, "openForNew", {QString()});
    shooter.shot(QStringLiteral("add-account"));
    auto *editor = findAnywhere<AccountEditor>(window);
    if (!editor)
        fail(QStringLiteral("no account editor"));
    const QString provider = controller->registry()->contains(QStringLiteral("digitalocean"))
                                 ? QStringLiteral("digitalocean")
                                 : QStringLiteral("demo");
    editor->setProviderId(provider);
    Shooter::settle();
    if (QObject *token = findAnywhere<QObject>(window, QStringLiteral("field_token"))) {
        const QString value = QStringLiteral("dop_v1_4f1c2a8e9b7d6c5a4f3e2d1c0b9a8f7e");
        QQmlProperty::write(token, QStringLiteral("text"), value);
        editor->setField(QStringLiteral("token"), value);
    }
    // Nothing listens there: Verify reports the exact problem.
    editor->setEndpoint(QStringLiteral("http://127.0.0.1:9"));
    editor->verify();
    waitFor(
        QStringLiteral("verify"), [&] { return !editor->busy(); }, 30000);
    shooter.shot(QStringLiteral("add-account-verify"));
    call(addSheet, "close");
    shootPrivateCloudForms(shooter, window);
    shootToolImport(shooter, window);

    // The create wizard at the size step (prices) and at review.
    call(window, "openCreate");
    Shooter::settle();
    auto *creator = findAnywhere<MachineCreator>(window);
    if (!creator)
        fail(QStringLiteral("no wizard"));
    waitFor(QStringLiteral("the catalog"), [&] { return !creator->loading(); });
    creator->setStep(1);
    creator->setRegion(QStringLiteral("fra1"));
    creator->setStep(2);
    creator->setSize(QStringLiteral("std-2vcpu-4gb"));
    shooter.shot(QStringLiteral("create-wizard"));
    creator->setImage(QStringLiteral("ubuntu-24-04"));
    creator->setKeys({QStringLiteral("k-laptop")});
    {
        // The key step with keys "on this computer": a sample ~/.ssh, never the user's own.
        QTemporaryDir home;
        const QByteArray realHome = qgetenv("HOME");
        QDir().mkpath(home.filePath(QStringLiteral(".ssh")));
        auto writeKey = [](const QString &path, const char *line) {
            QFile file(path);
            if (file.open(QIODevice::WriteOnly))
                file.write(QByteArray(line) + '\n');
        };
        writeKey(home.filePath(QStringLiteral(".ssh/id_ed25519.pub")),
                 "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGcHp9PEIsaCks73qLxvhzguXRRIyVozLpbL5HC7dcPt "
                 "alice@laptop");
        writeKey(home.filePath(QStringLiteral("work.pub")),
                 "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDLPFdwrZgZV0xvOTXznWA6ZuLpykJS+xl3bmynI3aqV "
                 "alice@work");
        qputenv("HOME", home.path().toLocal8Bit());
        creator->reloadLocalKeys();
        creator->addLocalKeyFile(QUrl::fromLocalFile(home.filePath(QStringLiteral("work.pub"))));
        qputenv("HOME", realHome);
        creator->setStep(4);
        shooter.shot(QStringLiteral("create-wizard-keys"));
        shooter.resize(1280, 800, QStringLiteral("dark"), QStringLiteral("comfortable"));
        shooter.shot(QStringLiteral("create-wizard-keys-1280x800-dark"));
        shooter.resize(1280, 800, QStringLiteral("light"), QStringLiteral("compact"));
    }
    creator->setName(QStringLiteral("web-frontend-3"));
    creator->setTags(QStringLiteral("production, web"));
    creator->setStep(6);
    shooter.shot(QStringLiteral("create-wizard-review"));
    call(popup(window, "createSheet"), "close");

    // Destroy: the name typed, the red button enabled.
    call(window, "askDestroy", {accountId, machineIdByName(QStringLiteral("staging-app"))});
    Shooter::settle();
    QQmlProperty::write(child(window, "destroyConfirmField"), QStringLiteral("text"),
                        QStringLiteral("staging-app"));
    shooter.shot(QStringLiteral("destroy-confirmation"));
    call(popup(window, "destroyDialog"), "close");

    // The actions of a machine, as right click or its "more" button shows them.
    {
        QObject *pane = child(window, "machinesPane");
        const QVariantMap m =
            controller->machine(accountId, machineIdByName(QStringLiteral("web-frontend-2")))
                .toMap();
        QMetaObject::invokeMethod(pane, "openMenu", Q_ARG(QVariant, QVariant::fromValue(pane)),
                                  Q_ARG(QVariant, 560), Q_ARG(QVariant, 470),
                                  Q_ARG(QVariant, accountId),
                                  Q_ARG(QVariant, m.value(QStringLiteral("machineId"))),
                                  Q_ARG(QVariant, m.value(QStringLiteral("name"))),
                                  Q_ARG(QVariant, m.value(QStringLiteral("primaryIp"))),
                                  Q_ARG(QVariant, m.value(QStringLiteral("allowedActions"))));
        shooter.shot(QStringLiteral("context-menu"));
        QTest::keyClick(window, Qt::Key_Escape);
        Shooter::settle();
    }

    // A price of your own: the dialog, then Settings listing it.
    call(popup(window, "priceDialog"), "openFor",
         {accountId, machineIdByName(QStringLiteral("staging-app"))});
    Shooter::settle();
    QQmlProperty::write(child(window, "priceAmount"), QStringLiteral("text"),
                        QStringLiteral("14.50"));
    QQmlProperty::write(child(window, "priceCurrency"), QStringLiteral("text"),
                        QStringLiteral("EUR"));
    shooter.shot(QStringLiteral("price-dialog"));
    call(popup(window, "priceDialog"), "close");

    // Settings.
    controller->userPrices()->setMachinePrice(
        accountId, machineIdByName(QStringLiteral("staging-app")), Money(1450, QStringLiteral("EUR")));
    call(popup(window, "settingsSheet"), "open");
    shooter.shot(QStringLiteral("settings"));
    call(popup(window, "settingsSheet"), "close");

    // The Cost page in the three shapes, light and dark. A price of your own in euros on one
    // machine shows two currencies kept apart.
    {
        UserPrices &prices = *controller->userPrices(); // set above, for Settings
        auto stackDepth = [&] {
            return QQmlProperty::read(property(window, "stack"), QStringLiteral("depth")).toInt();
        };
        const struct
        {
            int width;
            int height;
            const char *density;
        } shapes[] = {{1280, 800, "comfortable"}, {1920, 1080, "compact"}, {800, 1280, "comfortable"}};
        for (const auto &shape : shapes) {
            for (const char *theme : {"light", "dark"}) {
                shooter.resize(shape.width, shape.height, QLatin1String(theme),
                               QLatin1String(shape.density));
                // The Cost page stays open across layouts (Main.qml); opening it again is a no-op.
                call(window, "openCost");
                waitFor(QStringLiteral("the cost page"), [&] { return stackDepth() == 2; });
                // The widest shape grouped by region: several bars to compare.
                QQmlProperty::write(property(child(window, "costPage"), "model"),
                                    QStringLiteral("groupBy"),
                                    shape.width == 1920 ? QStringLiteral("region")
                                                        : QStringLiteral("provider"));
                shooter.shot(QStringLiteral("cost-%1x%2-%3")
                                 .arg(shape.width)
                                 .arg(shape.height)
                                 .arg(QLatin1String(theme)));
            }
        }
        QTest::keyClick(window, Qt::Key_Escape);
        waitFor(QStringLiteral("the stack to pop"), [&] { return stackDepth() == 1; });
        prices.setMachinePrice(accountId, machineIdByName(QStringLiteral("staging-app")),
                               std::nullopt);
    }

    // The activity log: the reboot from the start and two more actions, done and in flight.
    {
        controller->runAction(accountId, machineIdByName(QStringLiteral("staging-app")),
                              QStringLiteral("shutdown"));
        controller->runAction(accountId, machineIdByName(QStringLiteral("web-frontend-1")),
                              QStringLiteral("reboot"));
        waitFor(QStringLiteral("the activity log"),
                [&] { return controller->activity()->rowCount() >= 3; });
        auto stackDepth = [&] {
            return QQmlProperty::read(property(window, "stack"), QStringLiteral("depth")).toInt();
        };
        const struct
        {
            int width;
            int height;
            const char *theme;
        } shapes[] = {{1280, 800, "light"}, {1920, 1080, "dark"}, {800, 1280, "dark"}};
        for (const auto &shape : shapes) {
            shooter.resize(shape.width, shape.height, QLatin1String(shape.theme),
                           QStringLiteral("comfortable"));
            call(window, "openActivity");
            waitFor(QStringLiteral("the activity page"), [&] { return stackDepth() == 2; });
            shooter.shot(QStringLiteral("activity-%1x%2-%3")
                             .arg(shape.width)
                             .arg(shape.height)
                             .arg(QLatin1String(shape.theme)));
        }
        QTest::keyClick(window, Qt::Key_Escape);
        waitFor(QStringLiteral("the stack to pop"), [&] { return stackDepth() == 1; });
    }

    // Offline: the demo cloud becomes unreachable; what was seen stays, with its age.
    qputenv("CLOUDDECK_DEMO_OUTAGE", "1");
    controller->refresh();
    waitFor(QStringLiteral("offline"), [&] { return controller->offline(); });
    // The banner's age from a clock set 5 s after the data's time, not from waiting 5 s.
    const QDateTime dataTime = controller->offlineDataTime();
    controller->setClock([dataTime] { return dataTime.addSecs(5); });
    shooter.resize(1920, 1080, QStringLiteral("light"), QStringLiteral("compact"));
    shooter.shot(QStringLiteral("offline-banner"));
    // The banner in every layout: the drawer layout and the portrait one too.
    shooter.resize(1280, 800, QStringLiteral("dark"), QStringLiteral("comfortable"));
    shooter.shot(QStringLiteral("offline-banner-1280x800-dark"));
    shooter.resize(800, 1280, QStringLiteral("light"), QStringLiteral("comfortable"));
    shooter.shot(QStringLiteral("offline-banner-800x1280"));

    std::printf("%d screenshots\n", shooter.count());
    if (!qmlWarnings().isEmpty())
        fail(QStringLiteral("%1 QML warning(s), the first: %2")
                 .arg(qmlWarnings().size())
                 .arg(qmlWarnings().constFirst()));
    return 0;
}
