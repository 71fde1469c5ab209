#include "machineaction.h"

#include <QCoreApplication>

QString MachineAction::id(Action action)
{
    switch (action) {
    case Start:
        return QStringLiteral("start");
    case Shutdown:
        return QStringLiteral("shutdown");
    case PowerOff:
        return QStringLiteral("poweroff");
    case Reboot:
        return QStringLiteral("reboot");
    case Destroy:
        return QStringLiteral("destroy");
    }
    return {};
}

std::optional<MachineAction::Action> MachineAction::fromId(const QString &id)
{
    for (Action action : all()) {
        if (MachineAction::id(action) == id)
            return action;
    }
    return std::nullopt;
}

QString MachineAction::text(Action action)
{
    switch (action) {
    case Start:
        //: The action that powers a machine on (a verb, not "the start").
        return QCoreApplication::translate("MachineAction", "Start");
    case Shutdown:
        return QCoreApplication::translate("MachineAction", "Shut down");
    case PowerOff:
        return QCoreApplication::translate("MachineAction", "Power off");
    case Reboot:
        return QCoreApplication::translate("MachineAction", "Reboot");
    case Destroy:
        //: The action that deletes a machine and its disks for good.
        return QCoreApplication::translate("MachineAction", "Destroy");
    }
    return {};
}

QList<MachineAction::Action> MachineAction::all()
{
    return {Start, Shutdown, PowerOff, Reboot, Destroy};
}

bool MachineAction::isDestructive(Action action)
{
    return action == Destroy;
}

bool MachineAction::isForced(Action action)
{
    return action == PowerOff;
}

bool MachineAction::canReplace(Action pending, Action next)
{
    return next == PowerOff && (pending == Shutdown || pending == Reboot);
}

MachineState::State MachineAction::transitionState(Action action)
{
    switch (action) {
    case Start:
        return MachineState::Starting;
    case Shutdown:
    case PowerOff:
    case Destroy:
        return MachineState::Stopping;
    case Reboot:
        return MachineState::Rebooting;
    }
    return MachineState::Unknown;
}

MachineState::State MachineAction::targetState(Action action)
{
    switch (action) {
    case Start:
    case Reboot:
        return MachineState::Running;
    case Shutdown:
    case PowerOff:
        return MachineState::Stopped;
    case Destroy:
        return MachineState::Terminated;
    }
    return MachineState::Unknown;
}

QList<MachineAction::Action> MachineAction::allowed(MachineState::State state,
                                                    const QStringList &capabilities)
{
    QList<Action> result;
    for (Action action : all()) {
        if (!capabilities.contains(id(action)))
            continue;
        bool ok = false;
        switch (action) {
        case Start:
            ok = state == MachineState::Stopped || state == MachineState::Suspended
                 || state == MachineState::Error || state == MachineState::Unknown;
            break;
        case Shutdown:
        case Reboot:
            ok = state == MachineState::Running || state == MachineState::Unknown;
            break;
        case PowerOff:
            ok = state == MachineState::Running || state == MachineState::Stopping
                 || state == MachineState::Rebooting || state == MachineState::Starting
                 || state == MachineState::Error || state == MachineState::Unknown;
            break;
        case Destroy:
            // "destroy-stopped": the cloud destroys only stopped machines (Proxmox VE).
            ok = state != MachineState::Terminated
                 && (!capabilities.contains(QLatin1String("destroy-stopped"))
                     || state == MachineState::Stopped || state == MachineState::Template);
            break;
        }
        if (ok)
            result.append(action);
    }
    return result;
}
