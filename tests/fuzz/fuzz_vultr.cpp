// Vultr's JSON replies: instances, the cursor, the account, plans, regions, operating systems,
// snapshots, keys, errors and the bandwidth history.
#include "fuzzinput.h"
#include "vultrmetricsparser.h"
#include "vultrparser.h"

using FuzzInput::expect;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::optional<QJsonObject> page = FuzzInput::object(FuzzInput::bytes(data, size));
    if (!page)
        return 0;
    expect(VultrParser::instances(*page), "VultrParser::instances");
    expect(VultrParser::nextCursor(*page), "VultrParser::nextCursor");
    (void)VultrParser::statedTotal(*page);
    expect(VultrParser::account(*page), "VultrParser::account");
    (void)VultrParser::error(*page);
    expect(VultrParser::plans(*page), "VultrParser::plans");
    expect(VultrParser::regions(*page), "VultrParser::regions");
    expect(VultrParser::operatingSystems(*page), "VultrParser::operatingSystems");
    expect(VultrParser::snapshots(*page), "VultrParser::snapshots");
    expect(VultrParser::sshKeys(*page), "VultrParser::sshKeys");
    const MetricRange range = MetricRange::last(
        MetricRange::Span::Month, QDateTime(QDate(2026, 1, 2), QTime(12, 0), Qt::UTC));
    expect(VultrMetricsParser::series(*page, MetricSeries::Kind::NetworkIn, range),
           "VultrMetricsParser::series");
    return 0;
}
