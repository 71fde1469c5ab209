#include "machinestates.h"

#include "machineaction.h"
#include "machinestate.h"

MachineStates::MachineStates(QObject *parent)
    : QObject(parent)
{ }

bool MachineStates::isTransition(const QString &stateId)
{
    return MachineState::isTransition(MachineState::fromId(stateId));
}

bool MachineStates::isGone(const QString &stateId)
{
    return MachineState::fromId(stateId) == MachineState::Terminated;
}

bool MachineStates::isUnknown(const QString &stateId)
{
    return MachineState::fromId(stateId) == MachineState::Unknown;
}

MachineStates::Confirmation MachineStates::confirmation(const QString &action)
{
    const auto parsed = MachineAction::fromId(action);
    if (!parsed)
        return NoConfirmation;
    if (MachineAction::isDestructive(*parsed))
        return ConfirmByName;
    return MachineAction::isForced(*parsed) ? Confirm : NoConfirmation;
}

MachineStates::Tone MachineStates::tone(const QString &action)
{
    const auto parsed = MachineAction::fromId(action);
    if (!parsed)
        return Neutral;
    if (MachineAction::isDestructive(*parsed))
        return Destructive;
    return *parsed == MachineAction::Start ? Positive : Neutral;
}

bool MachineStates::isDestructive(const QString &action)
{
    const auto parsed = MachineAction::fromId(action);
    return parsed && MachineAction::isDestructive(*parsed);
}
