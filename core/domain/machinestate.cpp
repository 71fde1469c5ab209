#include "machinestate.h"

#include <QCoreApplication>

namespace {
struct StateName
{
    MachineState::State state;
    const char *id;
};

constexpr StateName s_names[] = {
    {MachineState::Unknown, "unknown"},   {MachineState::Running, "running"},
    {MachineState::Starting, "starting"}, {MachineState::Stopping, "stopping"},
    {MachineState::Stopped, "stopped"},   {MachineState::Rebooting, "rebooting"},
    {MachineState::Pending, "pending"},   {MachineState::Suspended, "suspended"},
    {MachineState::Error, "error"},       {MachineState::Terminated, "terminated"},
    {MachineState::Template, "template"},
};
} // namespace

QString MachineState::id(State state)
{
    for (const auto &name : s_names) {
        if (name.state == state)
            return QString::fromLatin1(name.id);
    }
    return QStringLiteral("unknown");
}

MachineState::State MachineState::fromId(const QString &id)
{
    for (const auto &name : s_names) {
        if (id == QLatin1String(name.id))
            return name.state;
    }
    return Unknown;
}

QString MachineState::text(State state)
{
    switch (state) {
    case Running:
        //: A machine's state (adjective): it is up and running; not the verb "to run".
        return QCoreApplication::translate("MachineState", "Running");
    case Starting:
        return QCoreApplication::translate("MachineState", "Starting…");
    case Stopping:
        return QCoreApplication::translate("MachineState", "Stopping…");
    case Stopped:
        //: A machine's state: powered off, its disks kept.
        return QCoreApplication::translate("MachineState", "Stopped");
    case Rebooting:
        return QCoreApplication::translate("MachineState", "Rebooting…");
    case Pending:
        //: A machine's state while the cloud is still creating it.
        return QCoreApplication::translate("MachineState", "Creating…");
    case Suspended:
        return QCoreApplication::translate("MachineState", "Suspended");
    case Error:
        //: A machine's state: the cloud reports it broken (not an error message).
        return QCoreApplication::translate("MachineState", "Error");
    case Terminated:
        //: A machine's state: it has been deleted at the cloud.
        return QCoreApplication::translate("MachineState", "Destroyed");
    case Template:
        return QCoreApplication::translate("MachineState", "Template");
    case Unknown:
        break;
    }
    //: A machine's state the cloud reported in words CloudDeck does not know.
    return QCoreApplication::translate("MachineState", "Unknown");
}

bool MachineState::isTransition(State state)
{
    return state == Starting || state == Stopping || state == Rebooting || state == Pending;
}
