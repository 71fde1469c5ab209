#pragma once

#include "machinestate.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

class MachineModel;
class QSystemTrayIcon;

/**
 * @brief A tray icon that tells the user when machines change state, where the platform has a
 * tray (and the app runs as a QApplication; QSystemTrayIcon is a Widgets class).
 *
 * Changes that arrive together (a refresh that settles several machines) become one message.
 * The first sight of a machine is not a change, and neither is a move into a transition the user
 * started (the row shows that already); settling, failing and stopping unexpectedly are.
 */
class TrayNotifier : public QObject
{
    Q_OBJECT
public:
    TrayNotifier(MachineModel *machines, QObject *parent = nullptr);
    [[nodiscard]] bool isAvailable() const { return m_tray != nullptr; }

Q_SIGNALS:
    void activated();

private:
    void remember(int first, int last, bool report);
    void flush();

    MachineModel *m_machines;
    QSystemTrayIcon *m_tray = nullptr;
    QHash<QString, MachineState::State> m_states;
    QStringList m_messages;
    QTimer m_flush;
};
