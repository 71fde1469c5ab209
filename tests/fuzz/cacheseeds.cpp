// Writes the seed corpus of fuzz_cache into the folder given: records and blobs made by this
// build's own encoders (so the seeds follow the format when it changes), and catalog JSON.
#include "catalog.h"
#include "machinerecord.h"
#include "metricseries.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>

namespace {
bool write(const QDir &folder, const QString &name, const QByteArray &bytes)
{
    QFile file(folder.filePath(name));
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

Machine full()
{
    Machine m;
    m.providerId = QStringLiteral("hetzner");
    m.name = QStringLiteral("web-1");
    m.state = MachineState::Running;
    m.providerState = QStringLiteral("running");
    m.region = QStringLiteral("fsn1");
    m.size = QStringLiteral("cx22");
    m.image = QStringLiteral("ubuntu-24.04");
    m.publicIpv4 = {QStringLiteral("203.0.113.7")};
    m.publicIpv6 = {QStringLiteral("2001:db8::1")};
    m.privateIpv4 = {QStringLiteral("10.0.0.2"), QStringLiteral("10.0.1.2")};
    m.tags = {QStringLiteral("env=prod"), QStringLiteral("web")};
    m.createdAt = QDateTime(QDate(2025, 3, 1), QTime(8, 30), Qt::UTC);
    m.pricePerMonth = 4.51;
    m.pricePerHour = 0.0072;
    m.vcpus = 2;
    m.memoryMb = 4096;
    m.diskGb = 40;
    m.extra = {{QStringLiteral("zone"), QStringLiteral("fsn1-dc14")},
               {QStringLiteral("labels"), QStringList {QStringLiteral("a"), QStringLiteral("b")}},
               {QStringLiteral("locked"), false},
               {QStringLiteral("volumes"), 3}};
    return m;
}
} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <folder>\n", argv[0]);
        return 2;
    }
    const QDir folder(QString::fromLocal8Bit(argv[1]));
    if (!folder.mkpath(QStringLiteral(".")))
        return 1;
    Machine bare;
    bare.providerId = QStringLiteral("demo");
    bare.name = QStringLiteral("m");
    MetricSeries series;
    for (int i = 0; i < 4; ++i)
        series.points.append({1767225600000 + i * 60000, i == 2 ? qQNaN() : 12.5 * i});
    Region region {QStringLiteral("fsn1"), QStringLiteral("Falkenstein"), QStringLiteral("DE"),
                   true, {QStringLiteral("cx22")}};
    Size size;
    size.id = QStringLiteral("cx22");
    size.vcpus = 2;
    size.priceMonthly = 4.51;
    size.regions = {QStringLiteral("fsn1")};
    Image image {QStringLiteral("1"), QStringLiteral("Ubuntu"), QStringLiteral("ubuntu"),
                 QStringLiteral("distribution"), {}};
    SshKey key {QStringLiteral("7"), QStringLiteral("laptop"), QStringLiteral("SHA256:abc"),
                QStringLiteral("ssh-ed25519 AAAA")};
    const QJsonArray catalog {region.toJson(), size.toJson(), image.toJson(), key.toJson()};
    const bool ok = write(folder, QStringLiteral("record-full"), MachineRecord::encode(full()))
                    && write(folder, QStringLiteral("record-bare"), MachineRecord::encode(bare))
                    && write(folder, QStringLiteral("points"), series.pointsBlob())
                    && write(folder, QStringLiteral("points-empty"), MetricSeries().pointsBlob())
                    && write(folder, QStringLiteral("catalog.json"), QJsonDocument(catalog).toJson())
                    && write(folder, QStringLiteral("machine.json"),
                             QJsonDocument(full().toJson()).toJson());
    return ok ? 0 : 1;
}
