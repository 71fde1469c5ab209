// The clouddeck GUI: an application object, the style, the translation, and the QML module.
// Everything else lives in the CloudDeck QML module (qml/) and the core library.

#include "platform.h"

#include <QApplication>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>

Q_IMPORT_QML_PLUGIN(CloudDeckPlugin)

int main(int argc, char *argv[])
{
    // QApplication (not QGuiApplication): the tray icon is a Widgets class.
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("clouddeck")); // same folders as the CLI
    QCoreApplication::setApplicationVersion(QStringLiteral(CLOUDDECK_VERSION_STRING));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("CloudDeck"));
    QGuiApplication::setDesktopFileName(QStringLiteral("clouddeck"));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/clouddeck/icons/app.svg")));

    // Our look is drawn by the Theme over the Basic style, which renders the same everywhere
    // (offscreen included); QT_QUICK_CONTROLS_STYLE still wins when set.
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Basic"));

    Platform::installTranslator();

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml")); // not a default import path in Qt 6.4
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app,
        [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/CloudDeck/Main.qml")));
    return QCoreApplication::exec();
}
