#pragma once

// What every provider whose machines carry no price (PricedMachineList) must do the same way,
// checked once: the price catalog is asked for once and kept, and a failed catalog neither fails
// the listing nor is kept. Each provider's test passes its own paths, fixtures and prices; each
// check records a failure and returns at the first mismatch, so a test slot calls one last.

#include "providertesting.h"

#include <QTest>

namespace PricedListChecks {

namespace Detail {
inline void expectPrice(const QList<Machine> &machines, const QString &machineId, double monthly)
{
    const Machine *machine = ProviderTesting::find(machines, machineId);
    QVERIFY2(machine, qPrintable(machineId));
    QCOMPARE(machine->pricePerMonth, std::optional<double>(monthly));
}
} // namespace Detail

/// Two listings are both priced (@p machineId at @p monthly a month), each reads @p pages pages
/// of @p machinesPath, and the catalog at @p catalogPath is asked for once.
inline void cachesTheCatalog(const FakeCloudServer &server, Provider &provider,
                             const QString &machinesPath, int pages, const QString &catalogPath,
                             const QString &machineId, double monthly)
{
    for (int round = 0; round < 2; ++round) {
        const auto outcome = ProviderTesting::listMachines(provider);
        QVERIFY2(outcome->ok(), outcome->describe());
        Detail::expectPrice(outcome->result->value(), machineId, monthly);
        if (QTest::currentTestFailed())
            return;
    }
    QCOMPARE(server.requests("GET", machinesPath).size(), 2 * pages);
    QCOMPARE(server.requests("GET", catalogPath).size(), 1);
}

/// With the catalog at @p catalogPath answering @p broken, all @p count machines are listed
/// without prices; a failed catalog is not kept, so once it answers @p catalog the next listing
/// prices @p machineId at @p monthly.
inline void listsWithoutPrices(FakeCloudServer &server, Provider &provider,
                               const QString &catalogPath, const FakeResponse &broken,
                               const FakeResponse &catalog, int count, const QString &machineId,
                               double monthly)
{
    server.on("GET", catalogPath, broken);
    auto outcome = ProviderTesting::listMachines(provider);
    QVERIFY2(outcome->ok(), outcome->describe());
    QCOMPARE(outcome->result->value().size(), count);
    for (const Machine &machine : outcome->result->value())
        QVERIFY(!machine.pricePerMonth && !machine.pricePerHour);

    server.on("GET", catalogPath, catalog);
    outcome = ProviderTesting::listMachines(provider);
    QVERIFY2(outcome->ok(), outcome->describe());
    Detail::expectPrice(outcome->result->value(), machineId, monthly);
}

} // namespace PricedListChecks
