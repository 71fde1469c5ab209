#pragma once

#include "error.h"
#include "machine.h"
#include "machineaction.h"

#include <QObject>
#include <QSet>
#include <QStringList>
#include <functional>

class CliApp;
class QCommandLineParser;

/**
 * @brief `machines list|create|start|shutdown|poweroff|reboot|destroy`.
 */
class MachinesCommand : public QObject
{
    Q_OBJECT
public:
    explicit MachinesCommand(CliApp *app);
    void run(const QStringList &arguments);

private:
    void list(const QStringList &arguments);
    void action(MachineAction::Action action, const QStringList &arguments);
    void create(const QStringList &arguments);
    /// Refreshes @p accountIds in parallel; calls @p done once all have answered, with the errors.
    void refreshAccounts(const QStringList &accountIds,
                         std::function<void(const QHash<QString, Error> &)> done);
    /// Polls the machine until it reaches @p target (or disappears, for destroy), showing progress.
    void waitFor(const QString &accountId, const QString &machineId, MachineState::State target,
                 std::function<void()> done);
    /// Polls the machine, showing progress, until @p settled says so for its state.
    void pollUntil(const QString &accountId, const QString &machineId,
                   std::function<bool(MachineState::State)> settled, std::function<void()> done);
    /// Sorts pointers into the model: 10,000 machines moved into a new list cost as much as
    /// sorting them.
    static void sortByName(QList<const Machine *> &machines);
    void printMachines(const QList<const Machine *> &machines, bool json);
    /// After a listing: each account that could not be refreshed, and the exit code.
    void reportListErrors(const QStringList &ids, const QHash<QString, Error> &errors);

    CliApp *m_app;
    int m_pollMs = 3000;
};
