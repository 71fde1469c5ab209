// Hetzner Cloud's JSON replies (servers, actions, the catalog, errors), its metrics, and its
// RateLimit-* headers.
#include "fuzzinput.h"
#include "hetznercatalogparser.h"
#include "hetznermetricsparser.h"
#include "hetznerparser.h"
#include "httpresponse.h"

using FuzzInput::expect;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    HttpResponse response;
    response.status = 429;
    response.body = FuzzInput::bytes(data, size);
    (void)HetznerParser::error(response);
    // The same bytes as the three rate-limit headers, split at the first two commas.
    const QList<QByteArray> parts = response.body.left(256).split(',');
    const QByteArray names[] = {"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"};
    for (qsizetype i = 0; i < parts.size() && i < 3; ++i)
        response.headers.append({names[i], parts.at(i)});
    (void)HetznerParser::rateLimit(response, QDateTime(QDate(2026, 1, 2), QTime(12, 0), Qt::UTC));

    const std::optional<QJsonObject> page = FuzzInput::object(response.body);
    if (!page)
        return 0;
    expect(HetznerParser::servers(*page), "HetznerParser::servers");
    expect(HetznerParser::nextPage(*page, 1), "HetznerParser::nextPage");
    (void)HetznerParser::totalEntries(*page);
    expect(HetznerParser::createdServer(*page), "HetznerParser::createdServer");
    expect(HetznerParser::action(*page), "HetznerParser::action");
    expect(HetznerCatalogParser::locations(*page), "HetznerCatalogParser::locations");
    expect(HetznerCatalogParser::serverTypes(*page,
                                             QDateTime(QDate(2026, 1, 2), QTime(12, 0), Qt::UTC)),
           "HetznerCatalogParser::serverTypes");
    expect(HetznerCatalogParser::images(*page), "HetznerCatalogParser::images");
    expect(HetznerCatalogParser::sshKeys(*page), "HetznerCatalogParser::sshKeys");
    for (const MetricSeries::Kind kind :
         {MetricSeries::Kind::Cpu, MetricSeries::Kind::NetworkIn, MetricSeries::Kind::DiskRead})
        expect(HetznerMetricsParser::series(*page, kind), "HetznerMetricsParser::series");
    return 0;
}
