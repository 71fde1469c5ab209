// Azure Resource Manager's JSON replies (every AzureParser entry point), Azure Monitor's metrics
// and the Retail Prices API, and the reply that announces a long-running operation.
#include "azuremetrics.h"
#include "azureoperation.h"
#include "azureparser.h"
#include "fuzzinput.h"
#include "httpresponse.h"

using FuzzInput::expect;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = FuzzInput::bytes(data, size);
    // The operation reply is read from its headers and status, its body ignored: the bytes are
    // the header's value.
    HttpResponse reply;
    reply.status = 202;
    reply.url = QUrl(QStringLiteral("https://management.azure.com/subscriptions/s/resourceGroups/g"));
    reply.headers.append({QByteArrayLiteral("Azure-AsyncOperation"), bytes.left(2048)});
    reply.headers.append({QByteArrayLiteral("Retry-After"), bytes.right(8)});
    expect(AzureOperation::fromReply(reply, QUrl(QStringLiteral("https://management.azure.com"))),
           "AzureOperation::fromReply");

    const std::optional<QJsonObject> page = FuzzInput::object(bytes);
    if (!page)
        return 0;
    expect(AzureParser::nextLink(*page), "AzureParser::nextLink");
    expect(AzureParser::subscriptions(*page), "AzureParser::subscriptions");
    expect(AzureParser::virtualMachines(*page), "AzureParser::virtualMachines");
    expect(AzureParser::statuses(*page), "AzureParser::statuses");
    expect(AzureParser::networkInterfaces(*page), "AzureParser::networkInterfaces");
    expect(AzureParser::publicIps(*page), "AzureParser::publicIps");
    expect(AzureParser::sshKeys(*page), "AzureParser::sshKeys");
    expect(AzureParser::locations(*page), "AzureParser::locations");
    expect(AzureParser::vmSizes(*page, QStringLiteral("westeurope")), "AzureParser::vmSizes");
    expect(AzureParser::resourceGroups(*page), "AzureParser::resourceGroups");
    expect(AzureParser::subnets(*page), "AzureParser::subnets");
    expect(AzureParser::retailPrices(*page), "AzureParser::retailPrices");
    (void)AzureParser::retailNextLink(*page);
    expect(AzureParser::operation(*page), "AzureParser::operation");
    (void)AzureParser::error(*page);
    expect(AzureParser::resourceId(*page), "AzureParser::resourceId");
    const MetricRange range = MetricRange::last(
        MetricRange::Span::Day, QDateTime(QDate(2026, 1, 2), QTime(12, 0), Qt::UTC));
    for (const MetricSeries::Kind kind : {MetricSeries::Kind::Cpu, MetricSeries::Kind::NetworkIn,
                                          MetricSeries::Kind::DiskWrite})
        expect(AzureMetrics::series(*page, kind, range), "AzureMetrics::series");
    return 0;
}
