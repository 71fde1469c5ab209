#pragma once

#include "provider.h"

/**
 * @brief The Demo cloud's provider: answers from a DemoFleet on this computer, with the latency of
 * a real API, and never touches the network.
 */
class DemoProvider : public Provider
{
    Q_OBJECT
public:
    DemoProvider(const ProviderMetadata &metadata, const Account &account, QObject *parent);

    void verify(Callback<QString> done) override;
    void listMachines(Callback<QList<Machine>> done) override;
    void runAction(const QString &machineId, MachineAction::Action action,
                   Callback<void> done) override;
    void createMachine(const CreateMachineRequest &request, Callback<Machine> done) override;
    void updateMachine(const QString &machineId, const MachineUpdate &update,
                       Callback<void> done) override;
    void listRegions(Callback<QList<Region>> done) override;
    void listSizes(Callback<QList<Size>> done) override;
    void listImages(Callback<QList<Image>> done) override;
    void listSshKeys(Callback<QList<SshKey>> done) override;
    void fetchMetrics(const QStringList &machineIds, MetricSeries::Kind kind,
                      const MetricRange &range, Callback<QList<MetricSeries>> done) override;

private:
    /// Calls @p done with @p value after a network-like delay (while this provider lives).
    template<typename T>
    void reply(int ms, T value, Callback<T> done);
};
