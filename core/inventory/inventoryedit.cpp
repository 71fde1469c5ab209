// Inventory: renaming machines and editing their tags. (Refresh and merge are in inventory.cpp,
// actions in inventoryactions.cpp, creating in inventorycreate.cpp.)
#include "inventory.h"

#include "accountstore.h"
#include "machinediff.h"
#include "machineeditrules.h"
#include "machinemodel.h"
#include "provider.h"
#include "providerregistry.h"

#include <QTimer>

bool Inventory::canRename(const QString &accountId) const
{
    const auto account = m_accounts->account(accountId);
    return account && m_registry->metadata(account->providerId).can(QStringLiteral("rename"));
}

bool Inventory::canEditTags(const QString &accountId) const
{
    const auto account = m_accounts->account(accountId);
    return account && m_registry->metadata(account->providerId).can(QStringLiteral("tags"));
}

QString Inventory::unsupportedUpdate(const QString &accountId, const MachineUpdate &update) const
{
    const auto account = m_accounts->account(accountId);
    const ProviderMetadata metadata =
        account ? m_registry->metadata(account->providerId) : ProviderMetadata();
    // A provider without plugin metadata (a static build's, a test's) is asked; it answers
    // Unsupported itself when it cannot (Provider::updateMachine's default).
    if (!metadata.isValid())
        return {};
    if (update.name && !metadata.can(QStringLiteral("rename")))
        return tr("%1 does not let CloudDeck rename machines.").arg(metadata.name);
    if (update.tags && !metadata.can(QStringLiteral("tags")))
        return tr("%1 does not let CloudDeck edit tags.").arg(metadata.name);
    return {};
}

QString Inventory::updateProblem(const QString &accountId, const QString &machineId,
                                 const MachineUpdate &update) const
{
    const auto account = m_accounts->account(accountId);
    if (!account)
        return tr("There is no such account.");
    const int row = m_model->rowOf(accountId, machineId);
    if (row < 0)
        return tr("There is no such machine.");
    if (update.isEmpty())
        return tr("Nothing to change.");
    if (QString unsupported = unsupportedUpdate(accountId, update); !unsupported.isEmpty())
        return unsupported;
    if (update.name) {
        if (QString problem =
                MachineEditRules::nameProblem(account->providerId, *update.name);
            !problem.isEmpty())
            return problem;
        // As for a new machine: two machines called the same are a trap in a list, an SSH
        // config and the CLI's "machines reboot NAME".
        for (const Machine *machine : m_model->machinesOf(accountId)) {
            if (machine->id != machineId
                && machine->name.compare(*update.name, Qt::CaseInsensitive) == 0)
                return tr("This account already has a machine called %1.").arg(machine->name);
        }
    }
    if (update.tags) {
        const QStringList previous = m_model->at(row).tags;
        if (QString problem =
                MachineEditRules::tagsProblem(account->providerId, *update.tags, previous);
            !problem.isEmpty())
            return problem;
    }
    return {};
}

void Inventory::updateMachine(const QString &accountId, const QString &machineId,
                              MachineUpdate update, const Callback<Machine> &done)
{
    auto fail = [this, done](const Error &error) {
        QTimer::singleShot(0, this, [done, error] { done(error); });
    };
    if (QString problem = updateProblem(accountId, machineId, update); !problem.isEmpty()) {
        const bool unsupported = !unsupportedUpdate(accountId, update).isEmpty();
        return fail(Error(unsupported ? Error::Unsupported : Error::InvalidInput, problem));
    }
    const Machine before = m_model->at(m_model->rowOf(accountId, machineId));
    update.previousTags = before.tags;
    if (update.name && *update.name == before.name)
        update.name.reset();
    if (update.tags && *update.tags == before.tags)
        update.tags.reset();
    if (update.isEmpty()) // nothing differs: nothing to send, the machine as it is
        return QTimer::singleShot(0, this, [done, before] { done(before); });

    const QString action = update.name ? QStringLiteral("rename") : QStringLiteral("tags");
    // The log says what was asked, so a failure can be told from the attempt.
    const QString message = update.name
                                ? tr("New name: %1").arg(*update.name)
                                : tr("Tags: %1").arg(update.tags->join(QStringLiteral(", ")));
    const qint64 activityId = recordActivity(accountId, machineId, before.name, action,
                                             ActivityEntry::Outcome::Started, message);
    qCInfo(lcInventory).noquote() << action << machineId << "in" << accountId;
    withProvider(accountId, [this, accountId, machineId, update, activityId, message,
                             done](Result<Provider *> provider) {
        if (!provider.ok()) {
            endActivity(activityId, provider.error());
            return done(provider.error());
        }
        provider.value()->updateMachine(
            machineId, update,
            [this, accountId, machineId, update, activityId, message,
             done](const Result<void> &result) {
                endActivity(activityId, result.error(), message);
                if (!result.ok()) {
                    qCInfo(lcInventory).noquote()
                        << "update of" << machineId << "failed:" << result.error().message();
                    refresh(accountId); // a tag edit may have been taken in part
                    return done(result.error());
                }
                const int row = m_model->rowOf(accountId, machineId);
                if (row < 0) // gone meanwhile (destroyed, or a refresh no longer lists it)
                    return done(Error(Error::NotFound, tr("The machine no longer exists.")));
                Machine machine = m_model->at(row);
                update.applyTo(machine);
                const Machine previous = m_model->at(row);
                m_model->upsert(machine);
                // The offline copy too, so the CLI's next run (and the GUI's next start) shows
                // the new name before any refresh.
                MachineDiff diff;
                diff.accountId = accountId;
                diff.changed.append({machine, MachineDiff::compare(previous, machine)});
                const QList<const Machine *> rows = m_model->machinesOf(accountId);
                diff.unchanged = int(rows.size()) - 1;
                QList<Machine> all;
                all.reserve(rows.size());
                for (const Machine *row : rows)
                    all.append(*row);
                writeToCache(diff, all);
                done(machine);
            });
    });
}
