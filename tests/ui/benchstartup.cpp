// Start-up benchmark: process start to the first frame of `clouddeck` showing N cached machines
// (default 10,000 over 10 accounts, from the offline cache), beside the same measurement for an
// empty Qt Quick window (the floor) and for `clouddeck` with an empty cache.
//
//   bench_startup [--machines N] [--runs R] [--platform offscreen|xcb] [--seed-only HOME]
//
// Each run is a fresh process. The accounts and the cache live in a temporary HOME; the accounts
// are Demo cloud accounts in a simulated outage, so no refresh replaces the cached machines.

#include "accountstore.h"
#include "inventorycache.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {

struct Timing
{
    QList<double> ms;
    int shown = -1;
    // Of the last run, 1.5 s after its first frame (BenchReport): resident and peak, in KiB.
    qint64 residentKib = -1;
    qint64 peakKib = -1;
    [[nodiscard]] double median() const
    {
        QList<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        return sorted.isEmpty() ? 0 : sorted.at(sorted.size() / 2);
    }
    [[nodiscard]] double min() const
    {
        return ms.isEmpty() ? 0 : *std::min_element(ms.cbegin(), ms.cend());
    }
};

QList<Machine> makeMachines(const QString &accountId, int count, int offset)
{
    static const char *regions[] = {"fra1", "ams3", "lon1", "nyc3", "sfo3", "sgp1"};
    static const char *sizes[] = {"std-1vcpu-1gb", "std-2vcpu-4gb", "cpu-4vcpu-8gb"};
    QList<Machine> machines;
    machines.reserve(count);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < count; ++i) {
        const int n = offset + i;
        Machine m;
        m.accountId = accountId;
        m.providerId = QStringLiteral("demo");
        m.id = QString::number(900'000'000 + n);
        m.name = QStringLiteral("node-%1").arg(n, 5, 10, QLatin1Char('0'));
        m.state = n % 11 == 0 ? MachineState::Stopped : MachineState::Running;
        m.providerState =
            m.state == MachineState::Running ? QStringLiteral("active") : QStringLiteral("off");
        m.region = QLatin1String(regions[n % 6]);
        m.size = QLatin1String(sizes[n % 3]);
        m.image = QStringLiteral("Ubuntu 24.04 LTS");
        m.publicIpv4 = {QStringLiteral("198.51.%1.%2").arg((n / 250) % 256).arg(n % 250 + 1)};
        m.privateIpv4 = {
            QStringLiteral("10.%1.%2.%3").arg(n / 65536).arg((n / 256) % 256).arg(n % 256)};
        m.tags = {QStringLiteral("bench"), QStringLiteral("team-%1").arg(n % 7)};
        m.createdAt = now.addDays(-(n % 400));
        m.pricePerMonth = 6.0 * (1 + n % 3);
        m.pricePerHour = *m.pricePerMonth / 672;
        m.vcpus = 1 + n % 4;
        m.memoryMb = 1024 * (1 + n % 4);
        m.diskGb = 25 * (1 + n % 4);
        m.lastSeen = now;
        machines.append(m);
    }
    return machines;
}

// A fresh HOME with @p accounts Demo accounts and @p machines cached machines among them.
bool seed(const QString &home, int accounts, int machines)
{
    for (const char *name : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
        qputenv(name,
                (home + QLatin1Char('/') + QString::fromLatin1(name).toLower()).toLocal8Bit());
    AccountStore store;
    InventoryCache cache;
    if (!cache.open())
        return false;
    const int perAccount = accounts > 0 ? machines / accounts : 0;
    for (int a = 0; a < accounts; ++a) {
        Account account;
        account.providerId = QStringLiteral("demo");
        account.name = QStringLiteral("Bench %1").arg(a + 1);
        if (store.add(account).isError())
            return false;
        if (!cache.replaceMachines(account.id, makeMachines(account.id, perAccount, a * perAccount),
                                   QDateTime::currentDateTimeUtc()))
            return false;
    }
    return true;
}

Timing measure(const QString &program, const QString &home, const QString &platform, int runs,
               const QStringList &arguments = {})
{
    Timing timing;
    for (int run = 0; run < runs; ++run) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
            env.insert(QLatin1String(name),
                       home + QLatin1Char('/') + QString::fromLatin1(name).toLower());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);
        env.insert(QStringLiteral("CLOUDDECK_EXIT_AFTER_FIRST_FRAME"), QStringLiteral("1"));
        env.insert(QStringLiteral("CLOUDDECK_DEMO_OUTAGE"), QStringLiteral("1"));
        const bool last = run == runs - 1;
        if (last) // after the timed part: the line comes later and does not move the timing
            env.insert(QStringLiteral("CLOUDDECK_REPORT_MEMORY"), QStringLiteral("1500"));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        process.setProcessEnvironment(env);
        QElapsedTimer clock;
        clock.start();
        process.start(program, arguments);
        QByteArray out;
        while (!out.contains('\n') && process.state() != QProcess::NotRunning) {
            process.waitForReadyRead(30'000);
            out += process.readAllStandardOutput();
        }
        const double ms = clock.nsecsElapsed() / 1e6;
        while (last && !out.contains("\nmemory ") && process.state() != QProcess::NotRunning) {
            process.waitForReadyRead(30'000);
            out += process.readAllStandardOutput();
        }
        process.waitForFinished(5000);
        out += process.readAllStandardOutput();
        if (const int memory = out.indexOf("\nmemory "); last && memory >= 0) {
            const QList<QByteArray> fields = out.mid(memory + 8).split('\n').value(0).split(' ');
            timing.residentKib = fields.value(0).toLongLong();
            timing.peakKib = fields.value(1).toLongLong();
        }
        const int at = out.indexOf("first-frame ");
        if (at < 0) {
            std::fprintf(stderr, "%s gave no first frame: %s\n", qPrintable(program),
                         process.readAllStandardError().constData());
            continue;
        }
        const int end = out.indexOf('\n', at);
        timing.shown = out.mid(at + 12, end < 0 ? -1 : end - at - 12).trimmed().toInt();
        if (run > 0) // the first run warms the disk cache and Qt's QML cache; not counted
            timing.ms.append(ms);
    }
    return timing;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("clouddeck"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("machines"), QStringLiteral("Cached machines."),
                      QStringLiteral("n"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Measured runs each."),
                      QStringLiteral("n"), QStringLiteral("7")});
    parser.addOption({QStringLiteral("platform"), QStringLiteral("Qt platform plugin."),
                      QStringLiteral("name"), QStringLiteral("offscreen")});
    parser.addOption(
        {QStringLiteral("seed-only"),
         QStringLiteral("Only write the accounts and cache into this HOME (to profile by hand)."),
         QStringLiteral("dir")});
    parser.process(app);
    const int machines = parser.value(QStringLiteral("machines")).toInt();
    const int runs = parser.value(QStringLiteral("runs")).toInt() + 1;
    const QString platform = parser.value(QStringLiteral("platform"));
    const QString bin = QStringLiteral(BIN_DIR);

    if (parser.isSet(QStringLiteral("seed-only")))
        return seed(parser.value(QStringLiteral("seed-only")), 10, machines) ? 0 : 1;

    QTemporaryDir full;
    QTemporaryDir empty;
    if (!seed(full.path(), 10, machines) || !seed(empty.path(), 0, 0)) {
        std::fprintf(stderr, "could not seed the cache\n");
        return 1;
    }

    const Timing floor =
        measure(QStringLiteral(BENCH_DIR "/bench_emptywindow"), empty.path(), platform, runs);
    const Timing controls = measure(QStringLiteral(BENCH_DIR "/bench_emptywindow"), empty.path(),
                                    platform, runs, {QStringLiteral("--controls")});
    const Timing bare = measure(bin + QStringLiteral("/clouddeck"), empty.path(), platform, runs);
    const Timing loaded = measure(bin + QStringLiteral("/clouddeck"), full.path(), platform, runs);

    std::printf("start-up to first frame (%s, median of %d runs, min in brackets)\n",
                qPrintable(platform), runs - 1);
    std::printf("  empty Qt Quick window (floor): %7.1f ms (%.1f)\n", floor.median(), floor.min());
    std::printf("  empty Controls window:         %7.1f ms (%.1f)  %.2fx floor\n",
                controls.median(), controls.min(), controls.median() / floor.median());
    std::printf("  clouddeck, empty cache:        %7.1f ms (%.1f)  %.2fx floor\n", bare.median(),
                bare.min(), bare.median() / floor.median());
    std::printf("  clouddeck, %d cached machines: %7.1f ms (%.1f)  %.2fx floor  [first frame "
                "showed %d machines]\n",
                machines, loaded.median(), loaded.min(), loaded.median() / floor.median(),
                loaded.shown);
    const auto mib = [](qint64 kib) { return kib / 1024.0; };
    std::printf("resident memory 1.5 s after the first frame (peak in brackets), MiB\n");
    std::printf("  empty Qt Quick window:         %7.1f (%.1f)\n", mib(floor.residentKib),
                mib(floor.peakKib));
    std::printf("  empty Controls window:         %7.1f (%.1f)\n", mib(controls.residentKib),
                mib(controls.peakKib));
    std::printf("  clouddeck, empty cache:        %7.1f (%.1f)  %+.1f over the Controls window\n",
                mib(bare.residentKib), mib(bare.peakKib),
                mib(bare.residentKib - controls.residentKib));
    std::printf("  clouddeck, %d cached machines: %7.1f (%.1f)  %+.1f over the Controls window\n",
                machines, mib(loaded.residentKib), mib(loaded.peakKib),
                mib(loaded.residentKib - controls.residentKib));
    return loaded.shown == machines ? 0 : 2;
}
