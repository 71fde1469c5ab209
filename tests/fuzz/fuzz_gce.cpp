// Compute Engine's JSON replies (aggregated instance and disk pages, operations, the catalog,
// the project's keys, errors) and Cloud Monitoring's time series.
#include "fuzzinput.h"
#include "gcemetrics.h"
#include "gceparser.h"

using FuzzInput::expect;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::optional<QJsonObject> page = FuzzInput::object(FuzzInput::bytes(data, size));
    if (!page)
        return 0;
    // A page naming unreachable zones fails as Server (the list would be short).
    expect(GceParser::instancesPage(*page), "GceParser::instancesPage", {Error::Server});
    expect(GceParser::disksPage(*page), "GceParser::disksPage");
    (void)GceParser::nextPageToken(*page);
    expect(GceParser::operation(*page), "GceParser::operation");
    expect(GceParser::zonesPage(*page), "GceParser::zonesPage");
    expect(GceParser::machineTypesPage(*page), "GceParser::machineTypesPage");
    expect(GceParser::imagesPage(*page), "GceParser::imagesPage");
    expect(GceParser::image(*page), "GceParser::image");
    expect(GceParser::project(*page), "GceParser::project");
    expect(GceParser::projectSshKeys(*page), "GceParser::projectSshKeys");
    (void)GceParser::error(*page);
    const MetricRange range = MetricRange::last(
        MetricRange::Span::Hour, QDateTime(QDate(2026, 1, 2), QTime(12, 0), Qt::UTC));
    for (const MetricSeries::Kind kind : {MetricSeries::Kind::Cpu, MetricSeries::Kind::NetworkOut}) {
        const Result<QList<GceMetrics::InstanceSeries>> parts = GceMetrics::page(*page, kind);
        expect(parts, "GceMetrics::page");
        if (parts.ok() && !parts.value().isEmpty())
            (void)GceMetrics::assemble(parts.value(), parts.value().first().instanceId, kind,
                                       range);
    }
    return 0;
}
