#pragma once

#include <QObject>
#include <QQmlEngine>

/**
 * @brief What QML may ask about a machine state or action by its id ("rebooting", "destroy"),
 * answered by core's MachineState and MachineAction, so no page keeps its own list of which states
 * are transitions or which actions need a confirmation.
 */
class MachineStates : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    /// How an action is confirmed before it is sent.
    enum Confirmation {
        NoConfirmation, ///< sent at once (start, shut down, reboot)
        Confirm, ///< a dialog that says what happens (power off)
        ConfirmByName, ///< the machine's name typed (destroy)
    };
    Q_ENUM(Confirmation)
    /// How an action's button looks: the colour follows the consequence, never the name.
    enum Tone {
        Neutral,
        Positive, ///< brings a machine up (start)
        Destructive, ///< loses data (destroy)
    };
    Q_ENUM(Tone)

    explicit MachineStates(QObject *parent = nullptr);

    /// Starting, stopping, rebooting, pending: a state on its way to another (glyphs pulse).
    Q_INVOKABLE [[nodiscard]] static bool isTransition(const QString &stateId);
    /// Terminated: the machine is gone (its text is faded and struck through).
    Q_INVOKABLE [[nodiscard]] static bool isGone(const QString &stateId);
    /// Unknown (or an id nobody knows): drawn as an outline only.
    Q_INVOKABLE [[nodiscard]] static bool isUnknown(const QString &stateId);
    Q_INVOKABLE [[nodiscard]] static Confirmation confirmation(const QString &action);
    Q_INVOKABLE [[nodiscard]] static Tone tone(const QString &action);
    /// True for actions that lose data (destroy): red, last, and a name to type.
    Q_INVOKABLE [[nodiscard]] static bool isDestructive(const QString &action);
};
