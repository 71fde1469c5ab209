#pragma once

#include "clouddeck_core_export.h"

#include <QMetaType>
#include <QString>

/**
 * @brief The normalised machine states every provider maps its own states onto.
 */
class CLOUDDECK_CORE_EXPORT MachineState
{
    Q_GADGET
public:
    enum State {
        Unknown,
        Running,
        Starting,
        Stopping,
        Stopped,
        Rebooting,
        Pending,
        Suspended,
        Error,
        Terminated,
        Template, ///< a Proxmox VE template: cloned from, never started
    };
    Q_ENUM(State)

    /// Stable lower-case id used in JSON, the cache and the CLI ("running").
    [[nodiscard]] static QString id(State state);
    [[nodiscard]] static State fromId(const QString &id);
    /// Translated text for people ("Running").
    [[nodiscard]] static QString text(State state);
    /// Starting, stopping, rebooting and pending: the account is polled fast while any exists.
    [[nodiscard]] static bool isTransition(State state);
};
