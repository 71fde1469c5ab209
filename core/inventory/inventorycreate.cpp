// Inventory: creating a machine. (Refresh and merge are in inventory.cpp, actions in
// inventoryactions.cpp.)
#include "inventory.h"

#include "accountstore.h"
#include "machinemodel.h"
#include "pollscheduler.h"
#include "provider.h"
#include "providerregistry.h"

#include <QTimer>

QList<CreateMachineRequest::Problem>
Inventory::createProblems(const QString &accountId, const CreateMachineRequest &request) const
{
    QList<CreateMachineRequest::Problem> problems = request.problems();
    const QString name = request.name.trimmed();
    if (!name.isEmpty() && request.problem(CreateMachineRequest::Name).isEmpty()) {
        // Clouds allow duplicate names, but two machines called the same are a trap in a list,
        // an SSH config and the CLI's "machines reboot NAME".
        for (const Machine *machine : m_model->machinesOf(accountId)) {
            if (machine->name.compare(name, Qt::CaseInsensitive) == 0) {
                problems.append(
                    {CreateMachineRequest::Name,
                     tr("This account already has a machine called %1.").arg(machine->name)});
                break;
            }
        }
    }
    return problems;
}

void Inventory::createMachine(const QString &accountId, CreateMachineRequest request,
                              const Callback<Machine> &done)
{
    auto fail = [this, done](const Error &error) {
        QTimer::singleShot(0, this, [done, error] { done(error); });
    };
    const auto account = m_accounts->account(accountId);
    if (!account)
        return fail(Error(Error::InvalidInput, tr("There is no such account.")));
    if (const ProviderMetadata metadata = m_registry->metadata(account->providerId);
        metadata.isValid() && !metadata.can(QStringLiteral("create"))) {
        return fail(Error(Error::Unsupported,
                          tr("%1 accounts cannot create machines here.").arg(metadata.name)));
    }
    if (const auto problems = createProblems(accountId, request); !problems.isEmpty())
        return fail(Error(Error::InvalidInput, problems.constFirst().message));
    request.name = request.name.trimmed();
    request.region = request.region.trimmed();
    request.size = request.size.trimmed();
    request.image = request.image.trimmed();

    withProvider(accountId, [this, accountId, request, done](Result<Provider *> provider) {
        if (!provider.ok())
            return done(provider.error());
        provider.value()->createMachine(request, [this, accountId, name = request.name,
                                                  done](Result<Machine> result) {
            if (!result.ok()) {
                recordActivity(accountId, {}, name, QStringLiteral("create"),
                               ActivityEntry::Outcome::Failed, result.error().message());
                return done(result.error());
            }
            Machine machine = result.takeValue();
            recordActivity(accountId, machine.id, machine.name.isEmpty() ? name : machine.name,
                           QStringLiteral("create"), ActivityEntry::Outcome::Succeeded);
            machine.accountId = accountId;
            machine.lastSeen = now();
            // Just made: a state the provider did not name yet is "being created", and that
            // transition keeps the account polled fast until a refresh shows it running.
            if (machine.state == MachineState::Unknown)
                machine.state = MachineState::Pending;
            m_model->upsert(machine);
            m_scheduler->actionStarted(accountId);
            qCInfo(lcInventory).noquote() << "created" << machine.id << "in" << accountId;
            done(machine);
            Q_EMIT machineCreated(accountId, machine.id);
        });
    });
}
