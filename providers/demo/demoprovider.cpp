#include "demoprovider.h"

#include "democatalog.h"
#include "demofleet.h"
#include "demometrics.h"
#include "metricfanout.h"

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
    // One answer per machine, as the clouds that take one machine a call: MetricFanout's rules
    // (a destroyed machine drops out, an outage fails the batch) are the Demo cloud's too.
    const QList<Machine> machines = DemoFleet::forAccount(account().id)->machines();
    const QString accountId = account().id;
    MetricFanout::run(
        this, machineIds,
        [this, machines, accountId, kind, range](const QString &id, Callback<MetricSeries> one) {
            const auto found =
                std::find_if(machines.cbegin(), machines.cend(),
                             [&id](const Machine &machine) { return machine.id == id; });
            if (found == machines.cend())
                return failLater(Error(Error::NotFound, DemoFleet::noSuchMachine(id)),
                                 std::move(one));
            MetricSeries series = DemoMetrics::series(accountId, id, kind, range,
                                                      found->state == MachineState::Running,
                                                      DemoCatalog::load(found->name));
            series.fetchedAt = QDateTime::currentDateTimeUtc();
            reply(350, series, std::move(one));
        },
        std::move(done));
}
