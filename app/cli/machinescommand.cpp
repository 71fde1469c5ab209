#include "machinescommand.h"

#include "accountstore.h"
#include "cliapp.h"
#include "costcommand.h"
#include "inventory.h"
#include "machineeditcommand.h"
#include "machinejsonwriter.h"
#include "machinemetricslist.h"
#include "machinemodel.h"
#include "metricscommand.h"
#include "providerregistry.h"
#include "secretinput.h"
#include "statustext.h"
#include "terminaltext.h"
#include "texttable.h"

#include <QCollator>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>
#include <memory>

namespace {

QString price(const std::optional<double> &value)
{
    return value ? QStringLiteral("$%1").arg(*value, 0, 'f', 2) : QStringLiteral("-");
}
} // namespace

MachinesCommand::MachinesCommand(CliApp *app)
    : QObject(app)
    , m_app(app)
{
    bool ok = false;
    const int pollMs = qEnvironmentVariableIntValue("CLOUDDECK_CLI_POLL_MS", &ok);
    if (ok && pollMs > 0)
        m_pollMs = pollMs;
}

void MachinesCommand::run(const QStringList &arguments)
{
    const QString sub = arguments.value(1);
    const QStringList rest = QStringList {arguments.value(0)} + arguments.mid(2);
    if (sub == QLatin1String("list"))
        return list(rest);
    if (sub == QLatin1String("create"))
        return create(rest);
    if (sub == QLatin1String("price"))
        return (new CostCommand(m_app))->price(rest);
    if (sub == QLatin1String("metrics"))
        return (new MetricsCommand(m_app))->run(rest);
    if (sub == QLatin1String("rename"))
        return (new MachineEditCommand(m_app))->rename(rest);
    if (sub == QLatin1String("tag"))
        return (new MachineEditCommand(m_app))->tag(rest);
    if (const auto action = MachineAction::fromId(sub))
        return this->action(*action, rest);
    m_app->usageError(sub.isEmpty() ? tr("machines: say list, create, price, metrics, rename, "
                                         "tag, start, shutdown, poweroff, reboot or destroy.")
                                    : tr("Unknown machines command \"%1\".").arg(sub));
}

void MachinesCommand::refreshAccounts(const QStringList &accountIds,
                                      std::function<void(const QHash<QString, Error> &)> done)
{
    m_app->refreshAccounts(accountIds, std::move(done));
}

void MachinesCommand::sortByName(QList<const Machine *> &machines)
{
    // The user's collation, as QString::localeAwareCompare, but with each name's sort key made
    // once instead of twice per comparison (the whole list's sort was a tenth of a large list).
    QCollator collator;
    std::vector<std::pair<QCollatorSortKey, const Machine *>> keys;
    keys.reserve(size_t(machines.size()));
    for (const Machine *machine : std::as_const(machines))
        keys.emplace_back(collator.sortKey(machine->name), machine);
    std::stable_sort(keys.begin(), keys.end(),
                     [](const auto &a, const auto &b) { return a.first.compare(b.first) < 0; });
    for (qsizetype i = 0; i < machines.size(); ++i)
        machines[i] = keys[size_t(i)].second;
}

void MachinesCommand::printMachines(const QList<const Machine *> &machines, bool json)
{
    AccountStore *accounts = m_app->accounts();
    if (json) {
        // Streamed, one machine at a time, straight to stdout's bytes (MachineJsonWriter).
        m_app->out().flush();
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered))
            return;
        QHash<QString, QString> names; // an account lookup per account, not per machine
        for (const Account &account : accounts->accounts())
            names.insert(account.id, account.name);
        MachineJsonWriter writer(&out);
        writer.writeAll(machines, names);
        writer.end();
        return;
    }
    //: Column headers of `clouddeck-cli machines list`.
    TextTable table({tr("NAME"), tr("STATE"), tr("ACCOUNT"), tr("PROVIDER"), tr("REGION"),
                     tr("SIZE"), tr("PUBLIC IP"), tr("$/MONTH"), tr("ID")});
    table.alignRight(7);
    for (const Machine *machine : machines) {
        const auto account = accounts->account(machine->accountId);
        table.addRow({machine->name, MachineState::id(machine->state),
                      account ? account->name : machine->accountId, machine->providerId,
                      machine->region, machine->size,
                      machine->publicIps().value(0, QStringLiteral("-")),
                      price(machine->pricePerMonth), machine->id});
    }
    m_app->out() << table.toString();
}

void MachinesCommand::list(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({CliApp::accountOption(),
                       {QStringLiteral("json"), tr("Print JSON.")},
                       {QStringLiteral("offline"), tr("Answer from the cache only.")},
                       {QStringLiteral("metrics"),
                        tr("Add each running machine's CPU of the last hour and whether it has "
                           "been idle (under 2 %) for a week.")}});
    if (!m_app->parse(parser, arguments))
        return;
    bool ok = false;
    const QStringList ids = m_app->selectedAccounts(parser, &ok);
    if (!ok)
        return;
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool metrics = parser.isSet(QStringLiteral("metrics"));
    // With --metrics the list is printed once the figures are in (or from the cache offline).
    auto printMachines = [this, metrics](const QList<const Machine *> &machines, bool json,
                                         bool offline, std::function<void()> then) {
        if (!metrics) {
            this->printMachines(machines, json);
            return then();
        }
        QList<Machine> copies; // kept while the figures arrive, whatever the model does
        copies.reserve(machines.size());
        for (const Machine *machine : machines)
            copies.append(*machine);
        (new MachineMetricsList(m_app, std::move(copies), json))->run(offline, std::move(then));
    };
    if (parser.isSet(QStringLiteral("offline"))) {
        // From the cache alone (loaded with the inventory), each account's age on stderr.
        Inventory *inventory = m_app->inventory();
        QList<const Machine *> machines;
        for (const QString &id : ids) {
            machines += m_app->machineModel()->machinesOf(id);
            const auto account = m_app->accounts()->account(id);
            const QDateTime time = inventory->lastSuccess(id);
            m_app->err() << "clouddeck-cli: " << (account ? account->name : id) << ": "
                         << (time.isValid()
                                 ? tr("cached data from %1 (%2)")
                                       .arg(time.toLocalTime().toString(
                                                QStringLiteral("yyyy-MM-dd HH:mm")),
                                            StatusText::age(time, QDateTime::currentDateTimeUtc()))
                                 : tr("nothing cached yet"))
                         << Qt::endl;
        }
        sortByName(machines);
        printMachines(machines, json, true,
                      [this, ids] { m_app->finish(m_app->reportCacheProblems(ids)); });
        return;
    }
    refreshAccounts(ids, [this, ids, json, printMachines](const QHash<QString, Error> &errors) {
        QList<const Machine *> machines;
        for (const QString &id : ids)
            machines += m_app->machineModel()->machinesOf(id);
        sortByName(machines);
        printMachines(machines, json, false,
                      [this, ids, errors] { reportListErrors(ids, errors); });
    });
}

void MachinesCommand::reportListErrors(const QStringList &ids, const QHash<QString, Error> &errors)
{
    {
        Error first;
        for (const QString &id : ids) {
            const auto it = errors.constFind(id);
            if (it == errors.constEnd())
                continue;
            const auto account = m_app->accounts()->account(id);
            // Unreachable: what the cache knew is listed, and this says how old it is.
            const QDateTime cached = m_app->inventory()->isFromCache(id)
                                         ? m_app->inventory()->lastSuccess(id)
                                         : QDateTime();
            m_app->err() << "clouddeck-cli: " << (account ? account->name : id) << ": "
                         << TerminalText::printable(it->message())
                         << (cached.isValid()
                                 ? tr(" (showing cached data from %1, %2)")
                                       .arg(
                                           cached.toLocalTime().toString(
                                               QStringLiteral("yyyy-MM-dd HH:mm")),
                                           StatusText::age(cached, QDateTime::currentDateTimeUtc()))
                                 : QString())
                         << Qt::endl;
            if (!first.isError())
                first = *it;
        }
        const int cache = m_app->reportCacheProblems(ids);
        m_app->finish(first.isError() ? CliApp::exitCodeFor(first) : cache);
    }
}

void MachinesCommand::action(MachineAction::Action action, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({CliApp::accountOption(),
                       {QStringLiteral("wait"), tr("Wait for the target state.")},
                       {QStringLiteral("yes"), tr("Confirm a destructive action.")}});
    if (!m_app->parse(parser, arguments))
        return;
    if (parser.positionalArguments().size() != 1) {
        return m_app->usageError(
            tr("machines %1 takes one MACHINE (id or name).").arg(MachineAction::id(action)));
    }
    if (MachineAction::isDestructive(action) && !parser.isSet(QStringLiteral("yes"))) {
        return m_app->usageError(tr("Destroying a machine deletes it and its disks for "
                                    "good. Add --yes to confirm."));
    }
    bool ok = false;
    const QStringList ids = m_app->selectedAccounts(parser, &ok);
    if (!ok)
        return;
    const QString wanted = parser.positionalArguments().constFirst();
    const bool wait = parser.isSet(QStringLiteral("wait"));
    refreshAccounts(ids, [this, ids, wanted, action, wait](const QHash<QString, Error> &errors) {
        QList<Machine> byId;
        QList<Machine> byName;
        for (const QString &id : ids) {
            for (const Machine &machine : m_app->machineModel()->machines(id)) {
                if (machine.id == wanted)
                    byId.append(machine);
                else if (machine.name == wanted)
                    byName.append(machine);
            }
        }
        const QList<Machine> candidates = byId.isEmpty() ? byName : byId;
        if (candidates.isEmpty()) {
            if (!errors.isEmpty())
                return m_app->fail(errors.cbegin().value()); // it may be on the unreachable one
            return m_app->fail(
                Error(Error::NotFound, tr("No machine with the id or name \"%1\".").arg(wanted)));
        }
        if (candidates.size() > 1) {
            QStringList where;
            for (const Machine &machine : candidates) {
                const auto account = m_app->accounts()->account(machine.accountId);
                where.append(tr("%1 (id %2)").arg(account ? account->name : QString(), machine.id));
            }
            return m_app->usageError(tr("\"%1\" is ambiguous: it names machines in %2. "
                                        "Use the id or --account.")
                                         .arg(wanted, where.join(QStringLiteral(", "))));
        }
        const Machine machine = candidates.constFirst();
        // The cloud's own words where its action differs from the generic one (Azure's
        // shutdown deallocates), from the plugin's metadata.
        const auto owner = m_app->accounts()->account(machine.accountId);
        const ProviderMetadata provider =
            owner ? m_app->registry()->metadata(owner->providerId) : ProviderMetadata();
        const QString actionId = MachineAction::id(action);
        const QString label = provider.actionLabel(actionId);
        const ProviderMetadata::ActionWording *words = provider.actionWording(actionId);
        if (words && !words->progress.isEmpty()) {
            //: "Stopping (deallocating) vm1 (/subscriptions/…)…": the provider's own words.
            m_app->err() << tr("%1 %2 (%3)…")
                                .arg(words->progress, TerminalText::printable(machine.name),
                                     machine.id)
                         << Qt::endl;
        } else {
            //: "Reboot: web-1 (3164444)…", said before the action is sent.
            m_app->err()
                << tr("%1: %2 (%3)…").arg(label, TerminalText::printable(machine.name), machine.id)
                << Qt::endl;
        }
        Inventory *inventory = m_app->inventory();
        // With --wait the outcome is Inventory's: the cloud's action followed to its end, then a
        // listing that shows the target state (or the machine gone, for destroy).
        auto outcome = std::make_shared<Error>();
        if (wait) {
            connect(inventory, &Inventory::actionFinished, this,
                    [outcome, machine](const QString &accountId, const QString &machineId,
                                       MachineAction::Action, const Error &error) {
                        if (accountId == machine.accountId && machineId == machine.id)
                            *outcome = error;
                    });
        }
        inventory->runAction(
            machine.accountId, machine.id, action,
            [this, machine, action, label, wait, outcome](Result<void> accepted) {
                if (!accepted.ok())
                    return m_app->fail(accepted.error());
                const auto account = m_app->accounts()->account(machine.accountId);
                const QString cloud =
                    account ? m_app->registry()->metadata(account->providerId).name : QString();
                if (!wait) {
                    // doctl/hcloud manners: accepted is the answer; --wait follows it.
                    //: "Reboot web-1: accepted by DigitalOcean."
                    m_app->out() << tr("%1 %2: accepted by %3.")
                                        .arg(label, TerminalText::printable(machine.name), cloud)
                                 << Qt::endl;
                    return m_app->finish(CliApp::Ok);
                }
                //: %2 is the state waited for ("Running", "Stopped").
                m_app->err() << tr("Accepted by %1; waiting for %2…")
                                    .arg(cloud,
                                         MachineState::text(MachineAction::targetState(action)))
                             << Qt::endl;
                const QString accountId = machine.accountId;
                pollUntil(
                    accountId, machine.id,
                    [this, accountId, id = machine.id](MachineState::State) {
                        return !m_app->inventory()->isActionPending(accountId, id);
                    },
                    [this, machine, label, outcome] {
                        if (outcome->isError())
                            return m_app->fail(*outcome);
                        //: "Reboot web-1: done."
                        m_app->out()
                            << tr("%1 %2: done.").arg(label, TerminalText::printable(machine.name))
                            << Qt::endl;
                        m_app->finish(CliApp::Ok);
                    });
            });
    });
}

void MachinesCommand::waitFor(const QString &accountId, const QString &machineId,
                              MachineState::State target, std::function<void()> done)
{
    pollUntil(
        accountId, machineId, [target](MachineState::State state) { return state == target; },
        std::move(done));
}

void MachinesCommand::pollUntil(const QString &accountId, const QString &machineId,
                                std::function<bool(MachineState::State)> settled,
                                std::function<void()> done)
{
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    const bool terminal = SecretInput::stdinIsTerminal();
    auto poll = std::make_shared<std::function<void()>>();
    // The function holds itself only weakly; whatever is pending (the refresh callback, then the
    // timer) holds it strongly, so it lives exactly as long as the polling goes on.
    *poll = [this, accountId, machineId, settled, done, elapsed, terminal,
             weak = std::weak_ptr(poll)] {
        auto self = weak.lock();
        refreshAccounts({accountId}, [=, this](const QHash<QString, Error> &errors) {
            MachineModel *model = m_app->machineModel();
            const int row = model->rowOf(accountId, machineId);
            const MachineState::State state =
                row < 0 ? MachineState::Terminated : model->at(row).state;
            if (terminal) {
                //: Progress while waiting: the machine's state and the seconds waited so far.
                m_app->err()
                    << "\r  "
                    << tr("%1 (%2 s)").arg(MachineState::text(state)).arg(elapsed->elapsed() / 1000)
                    << "   " << Qt::flush;
            }
            if (settled(state)) {
                if (terminal)
                    m_app->err() << Qt::endl;
                return done();
            }
            if (!errors.isEmpty() && errors.cbegin()->kind() == Error::Auth)
                return m_app->fail(errors.cbegin().value());
            if (elapsed->elapsed() > 15 * 60 * 1000) {
                return m_app->fail(Error(Error::Timeout, tr("Still %1 after 15 minutes; stopped "
                                                            "waiting.")
                                                             .arg(MachineState::text(state))));
            }
            QTimer::singleShot(m_pollMs, this, [self] { (*self)(); });
        });
    };
    QTimer::singleShot(0, this, [poll] { (*poll)(); });
}

void MachinesCommand::create(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions(
        {CliApp::accountOption(),
         {QStringLiteral("name"), tr("Machine name."), QStringLiteral("name")},
         {QStringLiteral("region"), tr("Region id."), QStringLiteral("region")},
         {QStringLiteral("size"), tr("Size id."), QStringLiteral("size")},
         {QStringLiteral("image"), tr("Image id."), QStringLiteral("image")},
         {QStringLiteral("ssh-key"), tr("SSH key id."), QStringLiteral("key")},
         {QStringLiteral("tag"), QStringLiteral("Tag."), QStringLiteral("tag")},
         {QStringLiteral("user-data"), tr("Cloud-init file."), QStringLiteral("file")},
         {QStringLiteral("network"), tr("Network (OpenStack: id or name)."),
          QStringLiteral("network")},
         {QStringLiteral("admin-password-stdin"),
          tr("Windows: read the administrator password from stdin (a no-echo prompt on a "
             "terminal).")},
         {QStringLiteral("wait"), tr("Wait until it runs.")},
         {QStringLiteral("json"), tr("Print JSON.")}});
    if (!m_app->parse(parser, arguments))
        return;
    if (parser.value(QStringLiteral("account")).trimmed().isEmpty())
        return m_app->usageError(tr("machines create needs --account."));
    const auto account = m_app->accountByName(parser.value(QStringLiteral("account")));
    if (!account)
        return;
    CreateMachineRequest request;
    request.name = parser.value(QStringLiteral("name"));
    request.region = parser.value(QStringLiteral("region"));
    request.size = parser.value(QStringLiteral("size"));
    request.image = parser.value(QStringLiteral("image"));
    request.sshKeys = parser.values(QStringLiteral("ssh-key"));
    request.tags = parser.values(QStringLiteral("tag"));
    if (parser.isSet(QStringLiteral("network")))
        request.extra.insert(QStringLiteral("network"), parser.value(QStringLiteral("network")));
    // The rules the wizard applies (CreateMachineRequest, Inventory::createProblems), checked
    // before anything is sent; each problem names the option to fix.
    const auto problems = m_app->inventory()->createProblems(account->id, request);
    if (!problems.isEmpty()) {
        const auto &problem = problems.constFirst();
        return m_app->usageError(
            tr("machines create --%1: %2")
                .arg(CreateMachineRequest::fieldId(problem.field), problem.message));
    }
    // A secret, so never an option's value (argv is visible to every user of the machine).
    if (parser.isSet(QStringLiteral("admin-password-stdin"))) {
        const auto typed = SecretInput::read({tr("Administrator password")});
        if (!typed || typed->value(0).isEmpty())
            return m_app->usageError(tr("machines create --admin-password-stdin: expected the "
                                        "password on standard input, or run in a terminal to "
                                        "be prompted."));
        request.adminPassword = typed->first();
        if (const QString problem =
                CreateMachineRequest::windowsPasswordProblem(request.adminPassword);
            !problem.isEmpty())
            return m_app->usageError(tr("machines create --admin-password-stdin: %1").arg(problem));
    }
    if (parser.isSet(QStringLiteral("user-data"))) {
        QFile file(parser.value(QStringLiteral("user-data")));
        if (!file.open(QIODevice::ReadOnly))
            return m_app->usageError(
                tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
        request.userData = QString::fromUtf8(file.readAll());
    }
    const bool wait = parser.isSet(QStringLiteral("wait"));
    const bool json = parser.isSet(QStringLiteral("json"));
    const QString accountId = account->id;
    // A fresh listing first, so a name the account already uses is refused by createMachine
    // (which compares with what the model knows) and not only one the cache knew.
    refreshAccounts({accountId}, [=, this](const QHash<QString, Error> &errors) {
        if (!errors.isEmpty())
            return m_app->fail(errors.cbegin().value());
        m_app->inventory()->createMachine(accountId, request, [=, this](Result<Machine> created) {
            if (!created.ok())
                return m_app->fail(created.error());
            const Machine machine = created.value();
            m_app->err()
                << tr("Created %1 (%2).").arg(TerminalText::printable(machine.name), machine.id)
                << Qt::endl;
            auto print = [this, accountId, machine, json] {
                const int row = m_app->machineModel()->rowOf(accountId, machine.id);
                printMachines({row < 0 ? &machine : &m_app->machineModel()->at(row)}, json);
                m_app->finish(CliApp::Ok);
            };
            if (!wait)
                return print();
            waitFor(accountId, machine.id, MachineState::Running, print);
        });
    });
}
