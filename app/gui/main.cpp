// The clouddeck GUI: an application object, the style, the translation, and the QML module.
// Everything else lives in the CloudDeck QML module (qml/) and the core library.

#include "appcontroller.h"
#include "benchreport.h"
#include "singleinstance.h"
#include "translations.h"

#include <QApplication>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>

#include <cstdio>
#include <utility>

Q_IMPORT_QML_PLUGIN(CloudDeckPlugin)

int main(int argc, char *argv[])
{
    // QApplication (not QGuiApplication): the tray icon is a Widgets class.
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("clouddeck")); // same folders as the CLI
    QCoreApplication::setApplicationVersion(QStringLiteral(CLOUDDECK_VERSION_STRING));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("CloudDeck"));
    // The desktop entry's name: Wayland compositors match the window to it (its app id).
    QGuiApplication::setDesktopFileName(QStringLiteral("org.clouddeck.CloudDeck"));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/clouddeck/icons/app.svg")));

    // Our look is drawn by the Theme over the Basic style, which renders the same everywhere
    // (offscreen included); QT_QUICK_CONTROLS_STYLE still wins when set.
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Basic"));

    // One instance per user and cache: a second start raises the first window and exits, as
    // desktop apps do (two would poll and write the same inventory cache).
    SingleInstance instance(SingleInstance::socketName(
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation)));
    if (instance.start() == SingleInstance::Secondary)
        return 0;

    Translations::install();

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml")); // not a default import path in Qt 6.4
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app,
        [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/CloudDeck/Main.qml")));
    if (!engine.rootObjects().isEmpty()) {
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        QObject::connect(&instance, &SingleInstance::raiseRequested, window, [window] {
            // Minimised or hidden to the tray: back to where it was, then in front. (On Wayland
            // the compositor decides whether activation without a token is honoured.)
            if (window->windowStates() & Qt::WindowMinimized)
                window->setWindowStates(window->windowStates() & ~Qt::WindowMinimized);
            window->show();
            window->raise();
            window->requestActivate();
        });
    }

    // For bench_startup: say when the first frame is on screen (and how many machines it
    // shows), then quit (after the memory, when it is asked for: BenchReport).
    if (qEnvironmentVariableIsSet("CLOUDDECK_EXIT_AFTER_FIRST_FRAME")
        && !engine.rootObjects().isEmpty()) {
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        QObject::connect(
            window, &QQuickWindow::frameSwapped, &app,
            [reported = false]() mutable {
                if (std::exchange(reported, true))
                    return;
                std::printf("first-frame %d\n", AppController::instance()->machineCount());
                std::fflush(stdout);
                BenchReport::memoryThenExit();
            },
            Qt::QueuedConnection);
    }
    return QCoreApplication::exec();
}
