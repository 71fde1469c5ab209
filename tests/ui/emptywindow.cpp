// The floor for bench_startup: the smallest Qt Quick program that shows a window (a QML Window
// with one Rectangle, from inline QML), reporting its first frame like `clouddeck` does.

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>

#include <cstdio>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QQmlApplicationEngine engine;
    engine.loadData("import QtQuick\nWindow { width: 1280; height: 800; visible: true\n"
                    "Rectangle { anchors.fill: parent; color: \"#f3f4f6\" } }");
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    QObject::connect(
        window, &QQuickWindow::frameSwapped, &app,
        [] {
            std::printf("first-frame 0\n");
            std::fflush(stdout);
            QCoreApplication::exit(0);
        },
        Qt::QueuedConnection);
    return QGuiApplication::exec();
}
