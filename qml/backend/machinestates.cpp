#include "machinestates.h"

#include "machinestate.h"

MachineStates::MachineStates(QObject *parent)
    : QObject(parent)
{ }

bool MachineStates::isTransition(const QString &stateId)
{
    return MachineState::isTransition(MachineState::fromId(stateId));
}
