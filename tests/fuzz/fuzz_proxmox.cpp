// Proxmox VE's JSON replies ({"data": ...}): cluster resources, tasks, next id, version, guest
// agent and container addresses, nodes, errors, and the RRD metrics.
#include "fuzzinput.h"
#include "proxmoxmetricsparser.h"
#include "proxmoxparser.h"

using FuzzInput::expect;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::optional<QJsonObject> page = FuzzInput::object(FuzzInput::bytes(data, size));
    if (!page)
        return 0;
    const Result<QList<ProxmoxParser::Guest>> guests = ProxmoxParser::resources(*page);
    expect(guests, "ProxmoxParser::resources");
    if (guests.ok())
        (void)ProxmoxParser::templates(guests.value());
    expect(ProxmoxParser::machines(*page), "ProxmoxParser::machines");
    expect(ProxmoxParser::startedTask(*page), "ProxmoxParser::startedTask");
    expect(ProxmoxParser::task(*page), "ProxmoxParser::task");
    expect(ProxmoxParser::nextId(*page), "ProxmoxParser::nextId");
    expect(ProxmoxParser::version(*page), "ProxmoxParser::version");
    expect(ProxmoxParser::agentAddresses(*page), "ProxmoxParser::agentAddresses");
    expect(ProxmoxParser::containerAddresses(*page), "ProxmoxParser::containerAddresses");
    expect(ProxmoxParser::nodes(*page), "ProxmoxParser::nodes");
    (void)ProxmoxParser::error(*page);
    const MetricRange range = MetricRange::last(
        MetricRange::Span::Week, QDateTime(QDate(2026, 1, 2), QTime(12, 0), Qt::UTC));
    for (const MetricSeries::Kind kind :
         {MetricSeries::Kind::Cpu, MetricSeries::Kind::NetworkIn, MetricSeries::Kind::DiskWrite})
        expect(ProxmoxMetricsParser::series(*page, kind, range), "ProxmoxMetricsParser::series");
    return 0;
}
