// The real window with many machines, as a user meets it (issue 12, items 4 and 5): the time from
// a search keystroke or a sort to the next frame on screen, and the CPU the process uses while
// nothing happens. Each figure is printed beside the same measurement on an empty Qt Quick
// Controls window with a search field (the floor), with the ratio; nothing is asserted.
//
//   bench_window [--machines N] [--idle-seconds S]
//
// It runs in whatever HOME the environment gives (bench/run-all.sh prepares one with a fake
// DigitalOcean account of 10,000 droplets, a fifth of them in DigitalOcean's "new" state), waits
// until N machines are shown and no refresh is running, then measures. A keystroke goes to the
// search field through Ctrl+F and real key events; its time runs from the key press to the
// frameSwapped of the frame after it (which includes waiting for the frame tick: that wait is
// in the floor too).
#include "appcontroller.h"
#include "machinefiltermodel.h"
#include "screentools.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <numeric>

Q_IMPORT_QML_PLUGIN(CloudDeckPlugin)

namespace {

const char *const s_floorQml = R"(
import QtQuick
import QtQuick.Controls
ApplicationWindow {
    width: 1920; height: 1080; visible: true
    header: ToolBar { TextField { id: search; width: 300; focus: true } }
    Shortcut { sequence: "Ctrl+F"; onActivated: search.forceActiveFocus() }
    ListView { anchors.fill: parent }
}
)";

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/// One measured frame: milliseconds from the act to the frame on screen, and the part of them
/// spent painting it (beforeRendering to afterRendering: here Qt Quick's software rasterizer, as
/// the offscreen platform has no GPU; on a desktop with one that part is the GPU's).
struct FrameTime
{
    double total = -1;
    double paint = 0;
};

/// The next frame @p window puts on screen after @p act.
FrameTime toNextFrame(QQuickWindow *window, const std::function<void()> &act)
{
    QSignalSpy swapped(window, &QQuickWindow::frameSwapped);
    QElapsedTimer clock;
    FrameTime frame;
    double paintStart = 0;
    const auto ms = [&clock] { return double(clock.nsecsElapsed()) / 1e6; };
    const QMetaObject::Connection before = QObject::connect(
        window, &QQuickWindow::beforeRendering, window, [&] { paintStart = ms(); },
        Qt::DirectConnection);
    const QMetaObject::Connection after = QObject::connect(
        window, &QQuickWindow::afterRendering, window,
        [&] {
            if (swapped.isEmpty())
                frame.paint += ms() - paintStart;
        },
        Qt::DirectConnection);
    clock.start();
    act();
    if (!swapped.isEmpty() || swapped.wait(5000))
        frame.total = ms();
    QObject::disconnect(before);
    QObject::disconnect(after);
    return frame;
}

void settle(int ms)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < ms)
        QTest::qWait(10);
}

struct Step
{
    const char *what;
    std::function<void(QQuickWindow *)> act;
};

void key(QQuickWindow *window, Qt::Key k)
{
    QTest::keyClick(window, k);
}
void text(QQuickWindow *window, char c)
{
    QTest::keyClick(window, c);
}

// The keystrokes of issue 12 item 4 ("d" into an empty field was the worst), an IP, backspaces,
// and clearing the field.
QList<Step> typing()
{
    return {
        {"'' -> 'd'", [](QQuickWindow *w) { text(w, 'd'); }},
        {"'d' -> 'dr'", [](QQuickWindow *w) { text(w, 'r'); }},
        {"'dr' -> 'd' (backspace)", [](QQuickWindow *w) { key(w, Qt::Key_Backspace); }},
        {"'d' -> '' (backspace)", [](QQuickWindow *w) { key(w, Qt::Key_Backspace); }},
        {"'' -> '1' (names and IPs)", [](QQuickWindow *w) { text(w, '1'); }},
        {"'1' -> '10' ", [](QQuickWindow *w) { text(w, '0'); }},
        {"'10' -> '10.' (an address)", [](QQuickWindow *w) { text(w, '.'); }},
        {"'10.' -> '' (select all, delete)",
         [](QQuickWindow *w) {
             QTest::keyClick(w, Qt::Key_A, Qt::ControlModifier);
             key(w, Qt::Key_Delete);
         }},
        {"'' -> 'z' (nothing matches)", [](QQuickWindow *w) { text(w, 'z'); }},
        {"'z' -> '' (backspace: every row back)", [](QQuickWindow *w) { key(w, Qt::Key_Backspace); }},
    };
}

struct Figures
{
    QList<double> keys; ///< per step of typing(), median over the rounds
    QList<double> keyPaints; ///< the painting in them, median over the rounds
    QList<int> rowsAfter; ///< rows shown after each step
    double sort = 0;
    double sortPaint = 0;
    double idleCpuPercent = 0;
    int idleFrames = 0;
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? -1 : values.at(values.size() / 2);
}

Figures measure(QQuickWindow *window, int idleSeconds, int rounds,
                const std::function<void(bool)> &sortBy, const std::function<int()> &rowsShown)
{
    Figures figures;
    QTest::keyClick(window, Qt::Key_F, Qt::ControlModifier);
    settle(300);
    const QList<Step> steps = typing();
    QList<QList<double>> times(steps.size());
    QList<QList<double>> paints(steps.size());
    figures.rowsAfter.resize(steps.size());
    for (int round = 0; round < rounds; ++round) {
        for (int i = 0; i < steps.size(); ++i) {
            const FrameTime frame = toNextFrame(window, [&] { steps.at(i).act(window); });
            times[i].append(frame.total);
            paints[i].append(frame.paint);
            figures.rowsAfter[i] = rowsShown();
            settle(120); // the next key after the frame, as a fast typist's
        }
    }
    for (int i = 0; i < steps.size(); ++i) {
        figures.keys.append(median(times.at(i)));
        figures.keyPaints.append(median(paints.at(i)));
    }
    QList<double> sorts;
    QList<double> sortPaints;
    for (int round = 0; round < rounds; ++round) {
        const FrameTime frame = toNextFrame(window, [&] { sortBy(round % 2 == 0); });
        sorts.append(frame.total);
        sortPaints.append(frame.paint);
        settle(150);
    }
    figures.sort = median(sorts);
    figures.sortPaint = median(sortPaints);
    settle(1000);
    QSignalSpy frames(window, &QQuickWindow::frameSwapped);
    const double before = cpuSeconds();
    settle(idleSeconds * 1000);
    figures.idleFrames = int(frames.size());
    figures.idleCpuPercent = (cpuSeconds() - before) * 100.0 / idleSeconds;
    return figures;
}

/// Frame times while the machine list scrolls @p stepPx a frame (a drag, or a flick's speed),
/// @p frames frames from the top: each frame recycles the rows that scrolled in.
struct Scroll
{
    double mean = -1;
    double p95 = -1;
    double worst = -1;
};

Scroll scroll(QQuickWindow *window, qreal stepPx, int frames)
{
    Scroll result;
    auto *list = ScreenTools::findAnywhere<QQuickItem>(window, QStringLiteral("machineList"));
    if (!list)
        return result;
    QMetaObject::invokeMethod(list, "positionViewAtBeginning");
    settle(300);
    QList<double> times;
    for (int i = 0; i < frames; ++i) {
        const FrameTime frame = toNextFrame(window, [&] {
            list->setProperty("contentY", list->property("contentY").toReal() + stepPx);
        });
        times.append(frame.total);
    }
    std::sort(times.begin(), times.end());
    result.mean = std::accumulate(times.cbegin(), times.cend(), 0.0) / double(times.size());
    result.p95 = times.at(times.size() * 95 / 100);
    result.worst = times.constLast();
    QMetaObject::invokeMethod(list, "positionViewAtBeginning");
    settle(300);
    return result;
}

QString ratio(double value, double floor)
{
    return floor > 0.05 ? QString::asprintf("%.2fx", value / floor) : QStringLiteral("-");
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("CLOUDDECK_REDUCE_MOTION", "1");
    if (qEnvironmentVariableIsEmpty("CLOUDDECK_PLUGIN_PATH"))
        qputenv("CLOUDDECK_PLUGIN_PATH", CLOUDDECK_PLUGIN_DIR); // the build's, not an installed set
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("clouddeck"));
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("machines"), QStringLiteral("Machines to wait for."),
                        QStringLiteral("n"), QStringLiteral("10000")},
                       {QStringLiteral("idle-seconds"), QStringLiteral("Idle measurement."),
                        QStringLiteral("s"), QStringLiteral("20")},
                       {QStringLiteral("rounds"), QStringLiteral("Rounds of keystrokes."),
                        QStringLiteral("n"), QStringLiteral("5")}});
    parser.process(app);
    const int wanted = parser.value(QStringLiteral("machines")).toInt();
    const int idleSeconds = std::max(1, parser.value(QStringLiteral("idle-seconds")).toInt());
    const int rounds = std::max(1, parser.value(QStringLiteral("rounds")).toInt());

    Figures floor;
    {
        QQmlApplicationEngine engine;
        engine.loadData(s_floorQml);
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
        if (!window)
            return 1;
        settle(500);
        floor = measure(window, idleSeconds, rounds, [](bool) {}, [] { return 0; });
    }

    AppController *controller = AppController::instance();
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/CloudDeck/Main.qml")));
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
    if (!window)
        return 1;
    window->resize(1920, 1080);
    QElapsedTimer waited;
    waited.start();
    while ((controller->machineCount() < wanted || controller->refreshing())
           && waited.elapsed() < 120'000)
        QTest::qWait(50);
    if (controller->machineCount() < wanted) {
        std::fprintf(stderr, "bench_window: %d machines shown, %d wanted\n",
                     controller->machineCount(), wanted);
        return 1;
    }
    settle(2000);
    MachineFilterModel *filters = controller->filters();
    const Figures real = measure(
        window, idleSeconds, rounds,
        [filters](bool byCost) {
            filters->setSortKey(byCost ? MachineFilterModel::SortByCost
                                       : MachineFilterModel::SortByName);
        },
        [filters] { return filters->rowCount(); });

    const Scroll drag = scroll(window, 44, 200); // a row a frame
    const Scroll flick = scroll(window, 220, 200); // five rows a frame

    std::printf("the real window, 1920x1080 offscreen, %d machines, median of %d rounds; "
                "ms from the key to the next frame, and of them the painting (the software "
                "rasterizer here; a GPU's work on a desktop)\n",
                controller->machineCount(), rounds);
    std::printf("  %-40s %6s %10s %8s %10s %8s\n", "what", "rows", "clouddeck", "paint",
                "floor", "ratio");
    const QList<Step> steps = typing();
    for (int i = 0; i < steps.size(); ++i) {
        std::printf("  %-40s %6d %10.1f %8.1f %10.1f %8s\n", steps.at(i).what,
                    real.rowsAfter.at(i), real.keys.at(i), real.keyPaints.at(i),
                    floor.keys.at(i), qPrintable(ratio(real.keys.at(i), floor.keys.at(i))));
    }
    std::printf("  %-40s %6d %10.1f %8.1f %10s %8s\n", "sort by cost / by name",
                controller->machineCount(), real.sort, real.sortPaint, "-", "-");
    std::printf("  %-40s %6s %9.2f%% %8s %9.2f%% %8s\n",
                qPrintable(QStringLiteral("idle CPU over %1 s (of one core)").arg(idleSeconds)),
                "-", real.idleCpuPercent, "-", floor.idleCpuPercent,
                qPrintable(ratio(real.idleCpuPercent, floor.idleCpuPercent)));
    std::printf("  %-40s %6s %10d %8s %10d %8s\n", "frames drawn while idle", "-",
                real.idleFrames, "-", floor.idleFrames, "-");
    for (const auto &[what, figures] : {std::pair {"scrolling, a row a frame", drag},
                                         std::pair {"scrolling, five rows a frame", flick}}) {
        std::printf("  %-40s %6s %10s  mean %.1f ms, p95 %.1f ms, worst %.1f ms (200 frames)\n",
                    what, "-", "", figures.mean, figures.p95, figures.worst);
    }
    std::fflush(stdout);
    return 0;
}
