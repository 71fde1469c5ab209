// Azure's readers under fuzzing (tests/support/fuzzdriver.h, JsonMutator): mutated fixtures into
// every parser, and mutated replies of every listing route through the provider and a
// FakeCloudServer; each ends in a value or an InvalidReply with words, once.
#include "azuretesting.h"
#include "fuzzdriver.h"

#include <QTest>

using namespace AzureTesting;
using namespace Qt::StringLiterals;

class TestAzureFuzz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsers()
    {
        const QStringList fixtures {u"virtualmachines-a-page1"_s,
                                    u"virtualmachines-b"_s,
                                    u"statuses-a"_s,
                                    u"networkinterfaces-a"_s,
                                    u"publicipaddresses-a"_s,
                                    u"subscriptions"_s,
                                    u"virtualnetworks"_s,
                                    u"sshpublickeys"_s,
                                    u"vmsizes"_s,
                                    u"locations"_s};
        FuzzDriver::parsers(u"azure"_s, fixtures, 0xA2u, 1200, [](FuzzDriver::Sample &sample) {
            QString why;
            auto check = [&](const auto &result) {
                QVERIFY2(FuzzDriver::acceptable(result, &why),
                         qPrintable(sample.context + u' ' + why));
            };
            const auto vms = AzureParser::virtualMachines(sample.page);
            check(vms);
            check(AzureParser::statuses(sample.page));
            check(AzureParser::networkInterfaces(sample.page));
            check(AzureParser::publicIps(sample.page));
            check(AzureParser::subscriptions(sample.page));
            check(AzureParser::subnets(sample.page));
            check(AzureParser::sshKeys(sample.page));
            check(AzureParser::vmSizes(sample.page, u"eastus"_s));
            check(AzureParser::locations(sample.page));
            check(AzureParser::nextLink(sample.page));
            check(AzureParser::operation(sample.page));
            check(AzureParser::retailPrices(sample.page));
            (void)AzureParser::error(sample.page);
            const auto any = AzureParser::networkInterfaces(sample.page);
            sample.valid = vms.ok() || any.ok();
            if (vms.ok()) {
                for (const auto &vm : vms.value())
                    QVERIFY2(vm.machine.id.startsWith(u'/') && !vm.machine.name.isEmpty(),
                             qPrintable(sample.context));
            }
        });
    }

    void listingsThroughTheProvider()
    {
        FakeCloudServer server;
        QVERIFY(server.listen());
        FakeAzure azure(server);
        azure.serveToken();
        azure.servePrices();
        // 200 listings, each with three mutated replies: 600 in all.
        const QString a = u"/subscriptions/"_s + subA;
        FuzzDriver::listMachines(server,
                                 {{a + u"/providers/Microsoft.Compute/virtualMachines"_s,
                                   readJsonFixture(u"azure/virtualmachines-a-page2.json"_s)},
                                  {a + u"/providers/Microsoft.Network/networkInterfaces"_s,
                                   readJsonFixture(u"azure/networkinterfaces-a.json"_s)},
                                  {a + u"/providers/Microsoft.Network/publicIPAddresses"_s,
                                   readJsonFixture(u"azure/publicipaddresses-a.json"_s)}},
                                 0xA3u, 200, [&server]() -> std::unique_ptr<Provider> {
                                     return provider(account(server, subA), 0);
                                 });
    }
};

QTEST_GUILESS_MAIN(TestAzureFuzz)
#include "tst_azurefuzz.moc"
