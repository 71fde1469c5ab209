#include "demoprovider.h"

#include "democatalog.h"
#include "demofleet.h"
#include "demometrics.h"

#include <QTimer>
#include <algorithm>

DemoProvider::DemoProvider(const ProviderMetadata &metadata, const Account &account,
                           QObject *parent)
    : Provider(metadata, account, {}, parent)
{ }

template<typename T>
void DemoProvider::reply(int ms, T value, Callback<T> done)
{
    // During a simulated outage every request fails as an unreachable network would.
    const Error outage = DemoFleet::outage();
    QTimer::singleShot(DemoFleet::scaled(ms), this,
                       [value = std::move(value), done = std::move(done), outage] {
                           if (outage.isError())
                               done(outage);
                           else
                               done(value);
                       });
}

void DemoProvider::verify(Callback<QString> done)
{
    reply<QString>(600, tr("Demo account (simulated on this computer)"), std::move(done));
}

void DemoProvider::listMachines(Callback<QList<Machine>> done)
{
    reply(450, DemoFleet::forAccount(account().id)->machines(), std::move(done));
}

void DemoProvider::runAction(const QString &machineId, MachineAction::Action action,
                             Callback<void> done)
{
    if (const Error outage = DemoFleet::outage(); outage.isError()) {
        QTimer::singleShot(DemoFleet::scaled(300), this, [done, outage] { done(outage); });
        return;
    }
    DemoFleet::forAccount(account().id)->runAction(machineId, action, this, done);
}

void DemoProvider::createMachine(const CreateMachineRequest &request, Callback<Machine> done)
{
    if (const Error outage = DemoFleet::outage(); outage.isError()) {
        QTimer::singleShot(DemoFleet::scaled(300), this, [done, outage] { done(outage); });
        return;
    }
    DemoFleet::forAccount(account().id)->create(request, this, done);
}

void DemoProvider::updateMachine(const QString &machineId, const MachineUpdate &update,
                                 Callback<void> done)
{
    if (const Error outage = DemoFleet::outage(); outage.isError()) {
        QTimer::singleShot(DemoFleet::scaled(300), this, [done, outage] { done(outage); });
        return;
    }
    DemoFleet::forAccount(account().id)->update(machineId, update, this, done);
}

void DemoProvider::listRegions(Callback<QList<Region>> done)
{
    reply(300, DemoCatalog::regions(), std::move(done));
}

void DemoProvider::listSizes(Callback<QList<Size>> done)
{
    reply(350, DemoCatalog::sizes(), std::move(done));
}

void DemoProvider::listImages(Callback<QList<Image>> done)
{
    reply(400, DemoCatalog::images(), std::move(done));
}

void DemoProvider::listSshKeys(Callback<QList<SshKey>> done)
{
    reply(250, DemoCatalog::sshKeys(), std::move(done));
}

void DemoProvider::fetchMetrics(const QStringList &machineIds, MetricSeries::Kind kind,
                                const MetricRange &range, Callback<QList<MetricSeries>> done)
{
    const QList<Machine> machines = DemoFleet::forAccount(account().id)->machines();
    QList<MetricSeries> result;
    for (const QString &id : machineIds) {
        const auto found = std::find_if(machines.cbegin(), machines.cend(),
                                        [&id](const Machine &machine) { return machine.id == id; });
        // A machine destroyed meanwhile has no series; the others still get theirs.
        if (found == machines.cend())
            continue;
        MetricSeries series = DemoMetrics::series(account().id, id, kind, range,
                                                  found->state == MachineState::Running,
                                                  DemoCatalog::load(found->name));
        series.fetchedAt = QDateTime::currentDateTimeUtc();
        result.append(series);
    }
    if (result.isEmpty() && !machineIds.isEmpty()) {
        return failLater(Error(Error::NotFound,
                               tr("The Demo cloud has no machine %1.").arg(machineIds.constFirst())),
                         std::move(done));
    }
    reply(350, result, std::move(done));
}
