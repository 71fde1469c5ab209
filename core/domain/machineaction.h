#pragma once

#include "clouddeck_core_export.h"
#include "machinestate.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

/**
 * @brief The actions a machine can be asked to perform, and which a state allows.
 */
class CLOUDDECK_CORE_EXPORT MachineAction
{
    Q_GADGET
public:
    enum Action {
        Start,
        Shutdown, ///< graceful: asks the guest OS to power down
        PowerOff, ///< forced: pulls the virtual plug
        Reboot,
        Destroy,
    };
    Q_ENUM(Action)

    /// "start", "shutdown", "poweroff", "reboot", "destroy": CLI verbs and capability names.
    [[nodiscard]] static QString id(Action action);
    [[nodiscard]] static std::optional<Action> fromId(const QString &id);
    [[nodiscard]] static QString text(Action action);
    [[nodiscard]] static QList<Action> all();
    /// True for actions that lose data and so need a confirmation (destroy).
    [[nodiscard]] static bool isDestructive(Action action);
    /// True for actions that lose no data but give the guest no chance to save it (power off,
    /// like virt-manager's "Force Off"): confirmed, though without typing a name.
    [[nodiscard]] static bool isForced(Action action);
    /// True when @p next may be sent while @p pending is still in flight: Power off replaces a
    /// shutdown or reboot that hangs.
    [[nodiscard]] static bool canReplace(Action pending, Action next);
    /// The state shown at once, before the provider confirms (optimistic update).
    [[nodiscard]] static MachineState::State transitionState(Action action);
    /// The state the action aims for, used by --wait and the fast poll.
    [[nodiscard]] static MachineState::State targetState(Action action);
    /// Actions from @p capabilities (action ids) that make sense in @p state.
    [[nodiscard]] static QList<Action> allowed(MachineState::State state,
                                               const QStringList &capabilities);
};
