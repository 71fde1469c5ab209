#pragma once

#include "catalog.h"
#include "machine.h"
#include "machineaction.h"
#include "machineupdate.h"
#include "result.h"

#include <QObject>
#include <QPointer>
#include <QSet>

/**
 * @brief The simulated machines of one Demo account: their state, the actions in flight, and a
 * small JSON file under the app's data folder so the fleet survives restarts (and the CLI and the
 * GUI see the same one).
 *
 * One fleet per account per process, owned by the application object, so an action finishes even
 * when the account's provider is recreated meanwhile. Durations are realistic (seconds); the
 * environment variable CLOUDDECK_DEMO_SPEED scales them (0 makes everything finish at once, for
 * tests).
 */
class DemoFleet : public QObject
{
    Q_OBJECT
public:
    [[nodiscard]] static DemoFleet *forAccount(const QString &accountId);
    /// @p ms scaled by CLOUDDECK_DEMO_SPEED.
    [[nodiscard]] static int scaled(int ms);

    [[nodiscard]] QList<Machine> machines() const { return m_machines; }
    /// The error a request meets during a simulated outage (CLOUDDECK_DEMO_OUTAGE=1), else none.
    [[nodiscard]] static Error outage();

    /// Shows the transition at once, settles after a few seconds, then calls @p done (only while
    /// @p context lives).
    void runAction(const QString &machineId, MachineAction::Action action, QObject *context,
                   const Callback<void> &done);
    /// Adds a pending machine (reported through @p done) that boots within seconds.
    void create(const CreateMachineRequest &request, QObject *context,
                const Callback<Machine> &done);
    /// Renames the machine and/or replaces its tags, in memory (and the fleet's file), after a
    /// short delay as a cloud would take.
    void update(const QString &machineId, const MachineUpdate &update, QObject *context,
                const Callback<void> &done);
    /// The problem with @p request, or an empty string.
    [[nodiscard]] static QString validate(const CreateMachineRequest &request);
    /// The error text for an id the fleet does not hold.
    [[nodiscard]] static QString noSuchMachine(const QString &machineId);

private:
    explicit DemoFleet(const QString &accountId, QObject *parent);
    [[nodiscard]] QString fileName() const;
    void load();
    void save() const;
    [[nodiscard]] int indexOf(const QString &machineId) const;
    void settle(const QString &machineId, MachineAction::Action action);
    void boot(const QString &machineId);

    QString m_accountId;
    QList<Machine> m_machines;
    QSet<QString> m_busy;
    int m_nextHost = 0;
};
