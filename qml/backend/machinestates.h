#pragma once

#include <QObject>
#include <QQmlEngine>

/**
 * @brief What QML may ask about a machine state by its id ("rebooting"), answered by core's
 * MachineState, so no page keeps its own list of which states are transitions.
 */
class MachineStates : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    explicit MachineStates(QObject *parent = nullptr);

    /// Starting, stopping, rebooting, pending: a state on its way to another (glyphs pulse).
    Q_INVOKABLE [[nodiscard]] static bool isTransition(const QString &stateId);
};
