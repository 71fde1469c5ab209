// Linode's JSON replies: instances, the profile, types (and the price table made of them), the
// catalog, errors and the per-day statistics.
#include "fuzzinput.h"
#include "linodemetricsparser.h"
#include "linodeparser.h"

using FuzzInput::expect;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::optional<QJsonObject> page = FuzzInput::object(FuzzInput::bytes(data, size));
    if (!page)
        return 0;
    expect(LinodeParser::instances(*page), "LinodeParser::instances");
    expect(LinodeParser::nextPage(*page, 1), "LinodeParser::nextPage");
    expect(LinodeParser::profile(*page), "LinodeParser::profile");
    (void)LinodeParser::error(*page);
    (void)LinodeParser::statedTotal(*page);
    const Result<QList<LinodeParser::Type>> types = LinodeParser::types(*page);
    expect(types, "LinodeParser::types");
    if (types.ok())
        (void)LinodeParser::priceTable(types.value());
    expect(LinodeParser::regions(*page), "LinodeParser::regions");
    expect(LinodeParser::images(*page), "LinodeParser::images");
    expect(LinodeParser::sshKeys(*page), "LinodeParser::sshKeys");
    const MetricRange range = MetricRange::last(
        MetricRange::Span::Day, QDateTime(QDate(2026, 1, 2), QTime(12, 0), Qt::UTC));
    QList<MetricSeries> parts;
    for (const MetricSeries::Kind kind :
         {MetricSeries::Kind::Cpu, MetricSeries::Kind::NetworkOut, MetricSeries::Kind::DiskRead}) {
        const Result<MetricSeries> series = LinodeMetricsParser::series(*page, kind);
        expect(series, "LinodeMetricsParser::series");
        if (series.ok())
            parts.append(series.value());
    }
    (void)LinodeMetricsParser::window(parts, range);
    return 0;
}
