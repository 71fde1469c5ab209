#include "demofleet.h"

#include "democatalog.h"
#include "sshpublickey.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

Q_LOGGING_CATEGORY(lcDemo, "clouddeck.provider.demo", QtInfoMsg)

namespace {
QHash<QString, QPointer<DemoFleet>> &fleets()
{
    static QHash<QString, QPointer<DemoFleet>> s_fleets;
    return s_fleets;
}

int durationMs(MachineAction::Action action)
{
    switch (action) {
    case MachineAction::Start:
        return 3500;
    case MachineAction::Shutdown:
        return 4000;
    case MachineAction::PowerOff:
        return 1500;
    case MachineAction::Reboot:
        return 5000;
    case MachineAction::Destroy:
        return 2500;
    }
    return 1000;
}

QString providerStateFor(MachineState::State state)
{
    switch (state) {
    case MachineState::Running:
        return QStringLiteral("active");
    case MachineState::Stopped:
        return QStringLiteral("off");
    case MachineState::Starting:
        return QStringLiteral("starting");
    case MachineState::Stopping:
        return QStringLiteral("stopping");
    case MachineState::Rebooting:
        return QStringLiteral("rebooting");
    case MachineState::Pending:
        return QStringLiteral("new");
    default:
        return MachineState::id(state);
    }
}

// Errors are reported on the next turn of the event loop, as the one async pattern requires.
template<typename T>
void fail(QObject *context, const Callback<T> &done, Error::Kind kind, const QString &message)
{
    QTimer::singleShot(0, context, [done, error = Error(kind, message)] { done(error); });
}
} // namespace

DemoFleet::DemoFleet(const QString &accountId, QObject *parent)
    : QObject(parent)
    , m_accountId(accountId)
{
    load();
}

DemoFleet *DemoFleet::forAccount(const QString &accountId)
{
    QPointer<DemoFleet> &fleet = fleets()[accountId];
    if (!fleet)
        fleet = new DemoFleet(accountId, QCoreApplication::instance());
    return fleet;
}

int DemoFleet::scaled(int ms)
{
    bool ok = false;
    const double speed = qEnvironmentVariable("CLOUDDECK_DEMO_SPEED").toDouble(&ok);
    return ok && speed >= 0 ? int(ms * speed) : ms;
}

Error DemoFleet::outage()
{
    if (qEnvironmentVariableIntValue("CLOUDDECK_DEMO_OUTAGE") == 0)
        return {};
    return Error(Error::Network,
                 tr("Could not reach the demo cloud (a simulated outage): check the network "
                    "connection, then retry."));
}

QString DemoFleet::fileName() const
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/demo/") + m_accountId + QStringLiteral(".json");
}

void DemoFleet::load()
{
    QFile file(fileName());
    if (file.open(QIODevice::ReadOnly)) {
        const QJsonArray array = QJsonDocument::fromJson(file.readAll())
                                     .object()
                                     .value(QLatin1String("machines"))
                                     .toArray();
        for (const QJsonValue &value : array) {
            Machine machine = Machine::fromJson(value.toObject());
            // An action that was in flight when the last process quit has finished meanwhile.
            if (machine.state == MachineState::Stopping)
                machine.state = MachineState::Stopped;
            else if (MachineState::isTransition(machine.state))
                machine.state = MachineState::Running;
            machine.providerState = providerStateFor(machine.state);
            machine.accountId = m_accountId;
            if (!machine.id.isEmpty())
                m_machines.append(machine);
        }
        m_nextHost = int(m_machines.size());
        if (!array.isEmpty())
            return;
    }
    m_machines = DemoCatalog::initialFleet(m_accountId, uint(qHash(m_accountId)));
    m_nextHost = int(m_machines.size());
    save();
}

void DemoFleet::save() const
{
    QDir().mkpath(QFileInfo(fileName()).absolutePath());
    QSaveFile file(fileName());
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcDemo) << "cannot save the demo fleet to" << file.fileName();
        return;
    }
    QJsonArray array;
    for (const Machine &machine : m_machines)
        array.append(machine.toJson());
    file.write(QJsonDocument(QJsonObject {{QStringLiteral("version"), 1},
                                          {QStringLiteral("machines"), array}})
                   .toJson(QJsonDocument::Compact));
    file.commit();
}

QString DemoFleet::noSuchMachine(const QString &machineId)
{
    return tr("The demo cloud has no machine %1 (it may have been destroyed).").arg(machineId);
}

int DemoFleet::indexOf(const QString &machineId) const
{
    for (int i = 0; i < m_machines.size(); ++i) {
        if (m_machines.at(i).id == machineId)
            return i;
    }
    return -1;
}

void DemoFleet::update(const QString &machineId, const MachineUpdate &update, QObject *context,
                       const Callback<void> &done)
{
    const int index = indexOf(machineId);
    if (index < 0)
        return fail(context, done, Error::NotFound, noSuchMachine(machineId));
    Machine &machine = m_machines[index];
    update.applyTo(machine);
    save();
    qCInfo(lcDemo).noquote() << "update" << machine.name;
    QTimer::singleShot(scaled(300), context, [done] { done({}); });
}

void DemoFleet::runAction(const QString &machineId, MachineAction::Action action, QObject *context,
                          const Callback<void> &done)
{
    const int index = indexOf(machineId);
    if (index < 0)
        return fail(context, done, Error::NotFound, noSuchMachine(machineId));
    Machine &machine = m_machines[index];
    if (m_busy.contains(machineId))
        return fail(context, done, Error::BadRequest,
                    tr("%1 is busy: another action is still in progress.").arg(machine.name));
    if (!MachineAction::allowed(machine.state, {MachineAction::id(action)}).contains(action))
        return fail(context, done, Error::BadRequest,
                    //: "web-1 cannot reboot while it is stopped": %2 an action, %3 a state,
                    //: both in lower case.
                    tr("%1 cannot %2 while it is %3.")
                        .arg(machine.name, MachineAction::text(action).toLower(),
                             MachineState::text(machine.state).toLower()));

    m_busy.insert(machineId);
    machine.state = MachineAction::transitionState(action);
    machine.providerState = providerStateFor(machine.state);
    save();
    qCInfo(lcDemo).noquote() << MachineAction::id(action) << machine.name;

    QPointer<QObject> caller(context);
    QTimer::singleShot(scaled(durationMs(action)), this, [this, machineId, action, caller, done] {
        settle(machineId, action);
        if (caller)
            done({});
    });
}

void DemoFleet::settle(const QString &machineId, MachineAction::Action action)
{
    m_busy.remove(machineId);
    const int index = indexOf(machineId);
    if (index < 0)
        return;
    if (action == MachineAction::Destroy) {
        m_machines.removeAt(index);
    } else {
        Machine &machine = m_machines[index];
        machine.state = MachineAction::targetState(action);
        machine.providerState = providerStateFor(machine.state);
        machine.extra.remove(QStringLiteral("stateReason"));
    }
    save();
}

QString DemoFleet::validate(const CreateMachineRequest &request)
{
    // The product's rules (name, tags, the required choices) are core's, as for every cloud;
    // what follows is what only this cloud knows: its catalog.
    if (QString problem = request.validate(); !problem.isEmpty())
        return problem;
    const auto region = DemoCatalog::region(request.region);
    if (!region)
        return tr("The demo cloud has no region \"%1\".").arg(request.region);
    if (!region->available)
        return tr("%1 is not accepting new machines at the moment.").arg(region->name);
    if (!DemoCatalog::size(request.size))
        return tr("The demo cloud has no size \"%1\".").arg(request.size);
    if (!region->sizes.contains(request.size))
        return tr("The size %1 is not offered in %2.").arg(request.size, region->name);
    if (!DemoCatalog::image(request.image))
        return tr("The demo cloud has no image \"%1\".").arg(request.image);
    const auto keys = DemoCatalog::sshKeys();
    for (const QString &keyId : request.sshKeys) {
        // A key line (--ssh-key, the wizard's keys from this computer) is taken as it is, as
        // Linode, Azure and Google Cloud take it ("keyText" in demo.json).
        if (SshPublicKey::isPublicKey(keyId))
            continue;
        const bool known = std::any_of(keys.cbegin(), keys.cend(),
                                       [&keyId](const SshKey &key) { return key.id == keyId; });
        if (!known)
            return tr("The demo cloud has no SSH key \"%1\".").arg(keyId);
    }
    return {};
}

void DemoFleet::create(const CreateMachineRequest &request, QObject *context,
                       const Callback<Machine> &done)
{
    const QString problem = validate(request);
    if (!problem.isEmpty())
        return fail(context, done, Error::BadRequest, problem);

    Machine machine;
    machine.accountId = m_accountId;
    machine.providerId = QStringLiteral("demo");
    machine.id = QString::number(QRandomGenerator::global()->bounded(500'000'000, 599'999'999));
    machine.name = request.name;
    machine.state = MachineState::Pending;
    machine.providerState = providerStateFor(machine.state);
    machine.region = request.region;
    machine.size = request.size;
    machine.image = DemoCatalog::image(request.image)->name;
    machine.tags = request.tags;
    machine.createdAt = QDateTime::currentDateTimeUtc();
    DemoCatalog::applySize(machine);
    m_machines.append(machine);
    m_busy.insert(machine.id);
    save();
    qCInfo(lcDemo).noquote() << "create" << machine.name << "in" << machine.region;

    QTimer::singleShot(scaled(800), context, [machine, done] { done(machine); });
    QTimer::singleShot(scaled(6000), this, [this, id = machine.id] { boot(id); });
}

// A new machine gets its addresses once it is up, as on real clouds.
void DemoFleet::boot(const QString &machineId)
{
    m_busy.remove(machineId);
    const int index = indexOf(machineId);
    if (index < 0)
        return;
    Machine &machine = m_machines[index];
    const int host = 20 + (m_nextHost++ * 7) % 220;
    machine.state = MachineState::Running;
    machine.providerState = providerStateFor(machine.state);
    machine.publicIpv4 = {QStringLiteral("203.0.113.%1").arg(host)};
    machine.privateIpv4 = {
        QStringLiteral("10.110.%1.%2").arg(qHash(m_accountId) % 200).arg(2 + m_nextHost)};
    save();
}
