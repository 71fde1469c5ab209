// The floor for bench_startup: the smallest Qt Quick program that shows a window (a QML Window
// with one Rectangle, from inline QML), reporting its first frame like `clouddeck` does.
// With --controls: an ApplicationWindow of Qt Quick Controls (Basic style) with one Button, the
// framework cost every Controls app pays before its own code runs.

#include "benchreport.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>

#include <cstdio>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QQmlApplicationEngine engine;
    if (app.arguments().contains(QStringLiteral("--controls"))) {
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        engine.loadData("import QtQuick\nimport QtQuick.Controls\n"
                        "ApplicationWindow { width: 1280; height: 800; visible: true\n"
                        "Button { anchors.centerIn: parent; text: \"Hello\" } }");
    } else {
        engine.loadData("import QtQuick\nWindow { width: 1280; height: 800; visible: true\n"
                        "Rectangle { anchors.fill: parent; color: \"#f3f4f6\" } }");
    }
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    QObject::connect(
        window, &QQuickWindow::frameSwapped, &app,
        [] {
            std::printf("first-frame 0\n");
            std::fflush(stdout);
            BenchReport::memoryThenExit();
        },
        Qt::QueuedConnection);
    return QGuiApplication::exec();
}
