// The offline cache's decoders, which read what an older build, a crash mid-write or a damaged
// disk left in the file: a machine's record (MachineRecord, both formats, with and without the
// string pool), a metric series' points (MetricSeries::pointsFromBlob), a catalog's JSON
// (Region, Size, Image, SshKey) and a machine's JSON shape (Machine::fromJson). A record that
// decodes must encode to a record that decodes to the same machine.
#include "catalog.h"
#include "fuzzinput.h"
#include "machinerecord.h"
#include "metricseries.h"

#include <QJsonArray>

namespace {
void machineRecord(const QByteArray &bytes, MachineRecord::StringPool *pool)
{
    Machine machine;
    if (!MachineRecord::decode(bytes, machine, pool))
        return;
    // Compared as records: bit for bit, so a NaN price compares equal to itself.
    const QByteArray record = MachineRecord::encode(machine);
    Machine again;
    if (!MachineRecord::decode(record, again, pool) || MachineRecord::encode(again) != record) {
        std::fprintf(stderr, "MachineRecord: a decoded record does not survive encode/decode\n");
        std::abort();
    }
}

void catalog(const QJsonArray &items)
{
    for (const QJsonValue &item : items) {
        const QJsonObject object = item.toObject();
        (void)Region::fromJson(object);
        (void)Size::fromJson(object);
        (void)Image::fromJson(object);
        (void)SshKey::fromJson(object);
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = FuzzInput::bytes(data, size);
    machineRecord(bytes, nullptr);
    MachineRecord::StringPool pool;
    machineRecord(bytes, &pool);

    QList<MetricSeries::Point> points;
    if (MetricSeries::pointsFromBlob(bytes, &points)) {
        MetricSeries series;
        series.points = points;
        QList<MetricSeries::Point> again;
        if (!MetricSeries::pointsFromBlob(series.pointsBlob(), &again)
            || again.size() != points.size()) {
            std::fprintf(stderr, "MetricSeries: decoded points do not survive pointsBlob\n");
            std::abort();
        }
    }

    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (document.isArray())
        catalog(document.array());
    else if (document.isObject())
        (void)Machine::fromJson(document.object());
    return 0;
}
