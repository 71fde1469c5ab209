// Scrolling 10,000 machines whose CPU hours are in the offline cache: each frame moves the list
// by a flick's step and its CPU time is taken from the move to the rendered frame (recycling
// rows, their MetricSource reading the cache, painting sparklines, the scene graph's sync and
// render; offscreen, all on the GUI thread), so the figure is the frame's work, not the wait
// for the next frame tick. Over budget: frames whose work alone exceeds 16.7 ms (60 Hz). The
// floor is the same ListView with empty rows scrolled the same way; rows with only the name are
// shown between. Prints the figures and their ratio; never asserts a time.
//
//   bench_scrolling [--frames N] [--step PX]

#include "inventorycache.h"
#include "inventorytestsupport.h"
#include "metricsfeed.h"
#include "metricsource.h"
#include "metricsstore.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

Q_IMPORT_QML_PLUGIN(CloudDeckPlugin)

using namespace InventoryTest;

namespace {
constexpr int s_count = 10'000;
constexpr double s_frameBudgetMs = 1000.0 / 60;

// The rows: nothing (the floor), the name, the name with the CPU cell as MachineRow has it.
const char *const s_delegates[] = {
    R"(Item { required property string name; width: ListView.view.width; height: 44 })",
    R"(Item {
        required property string name
        width: ListView.view.width; height: 44
        Text { x: 56; anchors.verticalCenter: parent.verticalCenter; text: parent.name }
    })",
    R"(Item {
        id: row
        required property string name
        required property string accountId
        required property string machineId
        width: ListView.view.width; height: 44
        Text { x: 56; anchors.verticalCenter: parent.verticalCenter; text: row.name }
        MetricSource {
            id: cpu
            feed: root.feed
            accountId: row.accountId
            machineId: row.machineId
            kind: "cpu"; span: "1h"; watch: true
        }
        Sparkline {
            x: row.width - 140; anchors.verticalCenter: parent.verticalCenter
            width: 52; height: 18; source: cpu; color: "#1f5fcc"
        }
        Text { x: row.width - 80; anchors.verticalCenter: parent.verticalCenter; text: cpu.lastText }
    })"};
const char *const s_names[] = {"empty rows (floor)", "rows with their name", "rows with CPU sparkline"};

QByteArray sceneQml(const char *delegate)
{
    return QByteArray(R"(import QtQuick
import CloudDeck
Window {
    id: root
    required property var feed
    required property var machines
    property alias list: list
    width: 1280; height: 800; visible: true; color: "white"
    ListView {
        id: list
        anchors.fill: parent
        model: root.machines
        reuseItems: true
        delegate: )") + delegate + "\n    }\n}\n";
}

/// This thread's CPU time in ms: the offscreen (basic) render loop renders on the GUI thread,
/// so this is the frame's work without the event loop's idle wait for the next frame tick.
double threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

struct Figures
{
    double mean = 0;
    double p95 = 0;
    double max = 0;
    int over = 0;
    int frames = 0;
};

Figures summarise(QList<double> ms)
{
    Figures f;
    f.frames = int(ms.size());
    if (ms.isEmpty())
        return f;
    std::sort(ms.begin(), ms.end());
    for (const double one : ms)
        f.mean += one;
    f.mean /= double(ms.size());
    f.p95 = ms.at(qsizetype(double(ms.size() - 1) * 0.95));
    f.max = ms.constLast();
    f.over = int(std::count_if(ms.cbegin(), ms.cend(), [](double v) { return v > s_frameBudgetMs; }));
    return f;
}

/// Flicks the scene's list down by @p step px a frame for @p frames frames, then back up.
Figures scroll(QQuickWindow *window, QQuickItem *list, int frames, double step)
{
    QList<double> times;
    double started = 0;
    bool waiting = false;
    const auto rendered = QObject::connect(window, &QQuickWindow::afterRendering, window, [&] {
        if (waiting) {
            times.append(threadCpuMs() - started);
            waiting = false;
        }
    }, Qt::DirectConnection);
    const double maxY = list->property("contentHeight").toDouble() - list->height();
    double y = 0;
    double direction = 1;
    for (int frame = 0; frame < 2 * frames; ++frame) {
        if (frame == frames)
            direction = -1;
        y = std::clamp(y + direction * step, 0.0, std::max(0.0, maxY));
        started = threadCpuMs();
        waiting = true;
        list->setProperty("contentY", y);
        window->requestUpdate();
        // The frame is rendered on this thread (offscreen: the basic render loop); wait for it.
        QElapsedTimer guard;
        guard.start();
        while (waiting && guard.elapsed() < 2000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    QObject::disconnect(rendered);
    return summarise(times);
}
} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("frames"), QStringLiteral("Frames each way."),
                      QStringLiteral("n"), QStringLiteral("300")});
    parser.addOption({QStringLiteral("step"), QStringLiteral("Pixels a frame (a fast flick)."),
                      QStringLiteral("px"), QStringLiteral("66")});
    parser.process(app);
    const int frames = parser.value(QStringLiteral("frames")).toInt();
    const double step = parser.value(QStringLiteral("step")).toDouble();

    // 10,000 running machines in the model, and an hour of CPU for each in the offline cache.
    InventoryRig rig;
    const QString account = rig.addAccount(QStringLiteral("Big"));
    InventoryCache cache(rig.dir.filePath(QStringLiteral("scroll.sqlite")));
    if (!cache.open())
        qFatal("cannot open the cache");
    rig.inventory.setCache(&cache);
    const QList<Machine> all = machines(account, s_count);
    rig.model.setAccountMachines(account, all);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<MetricSeries> series;
    series.reserve(s_count);
    for (int n = 0; n < s_count; ++n) {
        MetricSeries one;
        one.accountId = account;
        one.machineId = all.at(n).id;
        one.kind = MetricSeries::Kind::Cpu;
        one.unit = MetricSeries::unitFor(one.kind);
        one.resolutionSeconds = 60;
        one.fetchedAt = now;
        for (int i = 0; i < 60; ++i)
            one.points.append({now.addSecs(-60 * (59 - i)).toMSecsSinceEpoch(),
                               i % 17 == 3 ? qQNaN() : double((n * 7 + i * 13) % 1000) / 10.0});
        series.append(one);
    }
    if (!MetricsStore(&cache).store(series, MetricRange::Span::Hour))
        qFatal("cannot cache the series");

    QQmlEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    std::printf("scrolling %d machines with cached CPU hours: %d frames down and up, %.0f px a "
                "frame, 1280x800; CPU ms of each frame's work, budget %.1f ms\n",
                s_count, frames, step, s_frameBudgetMs);
    Figures floor;
    for (int scene = 0; scene < 3; ++scene) {
        // A fresh feed each time: the sparkline scene reads every series from the cache, as
        // after a start.
        MetricsFeed feed(&rig.inventory);
        QQmlComponent component(&engine);
        component.setData(sceneQml(s_delegates[scene]), QUrl(QStringLiteral("qrc:/bench/scene.qml")));
        if (!component.isReady()) {
            std::fprintf(stderr, "scene %d: %s\n", scene, qPrintable(component.errorString()));
            return 1;
        }
        std::unique_ptr<QObject> root(component.createWithInitialProperties(
            {{QStringLiteral("feed"), QVariant::fromValue<QObject *>(&feed)},
             {QStringLiteral("machines"), QVariant::fromValue<QObject *>(&rig.model)}}));
        if (!root)
            qFatal("scene: %s", qPrintable(component.errorString()));
        auto *window = qobject_cast<QQuickWindow *>(root.get());
        auto *list = qvariant_cast<QQuickItem *>(root->property("list"));
        QElapsedTimer settle;
        settle.start();
        while (settle.elapsed() < 300)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (scene == 0) {
            const auto api = window->rendererInterface()->graphicsApi();
            std::printf("scene graph: %s\n", api == QSGRendererInterface::Software ? "software"
                                                                                  : "hardware");
            std::printf("  %-28s %9s %9s %9s %14s\n", "what", "mean ms", "p95 ms", "max ms",
                        "over budget");
        }
        const Figures f = scroll(window, list, frames, step);
        if (scene == 0)
            floor = f;
        std::printf("  %-28s %9.2f %9.2f %9.2f %7d of %4d\n", s_names[scene], f.mean, f.p95, f.max,
                    f.over, f.frames);
        if (scene == 2) {
            // That the rows did draw their series (a bench of empty sparklines proves nothing).
            // Delegates belong to the view's model, not the window's object tree: walk the items.
            QList<MetricSource *> sources;
            std::function<void(QQuickItem *)> walk = [&](QQuickItem *item) {
                sources += item->findChildren<MetricSource *>(Qt::FindDirectChildrenOnly);
                for (QQuickItem *child : item->childItems())
                    walk(child);
            };
            walk(window->contentItem());
            const auto drawn = std::count_if(sources.cbegin(), sources.cend(),
                                             [](const MetricSource *s) { return s->hasData(); });
            std::printf("  (rows alive at the end: %d, with a series from the cache: %d)\n",
                        int(sources.size()), int(drawn));
            std::printf("  %-28s %8.2fx %8.2fx\n", "sparkline rows / floor",
                        floor.mean > 0 ? f.mean / floor.mean : 0, floor.p95 > 0 ? f.p95 / floor.p95 : 0);
        }
    }
    rig.inventory.setCache(nullptr);
    return 0;
}
