#pragma once

#include "machine.h"
#include "machineupdate.h"

#include <QObject>
#include <QStringList>

class CliApp;

/**
 * @brief `machines rename MACHINE NEW-NAME` and `machines tag MACHINE [--add T]… [--remove T]…
 * [--set T,T]`: the same Inventory::updateMachine and rules (MachineEditRules) as the GUI's.
 */
class MachineEditCommand : public QObject
{
    Q_OBJECT
public:
    explicit MachineEditCommand(CliApp *app);
    void rename(const QStringList &arguments);
    void tag(const QStringList &arguments);

private:
    void send(const Machine &machine, const MachineUpdate &update, bool json);

    CliApp *m_app;
};
