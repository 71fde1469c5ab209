#include "cliapp.h"

#include "accountscommand.h"
#include "accountservice.h"
#include "accountstore.h"
#include "activitycommand.h"
#include "catalogcommand.h"
#include "costcommand.h"
#include "credentialstore.h"
#include "inventory.h"
#include "inventorycache.h"
#include "machinemodel.h"
#include "machinescommand.h"
#include "providerregistry.h"
#include "terminaltext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QSet>
#include <QTimer>
#include <cstdio>
#include <memory>

CliApp::CliApp()
    : m_out(stdout)
    , m_err(stderr)
{ }

CliApp::~CliApp() = default;

int CliApp::exitCodeFor(const Error &error)
{
    switch (error.kind()) {
    case Error::None:
        return Ok;
    case Error::InvalidInput:
        return Usage;
    case Error::Auth:
    case Error::Forbidden:
    case Error::CredentialsMissing:
    case Error::Keychain: // locked or unavailable keychain: a credentials problem for the user
        return Auth;
    case Error::Network:
    case Error::Timeout:
    case Error::Tls:
    case Error::Insecure:
        return Network;
    default:
        return ProviderFailure;
    }
}

void CliApp::finish(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    m_exitCode = code;
    m_out.flush();
    m_err.flush();
    QCoreApplication::exit(code);
}

void CliApp::closeFiles()
{
    m_out.flush();
    m_err.flush();
    // Closing the connection checkpoints the write-ahead log into the file, so another process
    // finds one file, as after any ordinary exit.
    if (m_inventory && m_inventory->cache())
        m_inventory->cache()->close();
}

void CliApp::fail(const Error &error)
{
    // Messages carry the provider's own words (error bodies): printed escaped, like any text
    // a server chose.
    QString message = TerminalText::printable(error.message());
    if (error.kind() == Error::Tls && !error.peerCertificateSha256().isEmpty()) {
        message += tr(" (If you trust it: --pin-cert %1)")
                       .arg(QString::fromLatin1(error.peerCertificateSha256()));
    }
    m_err << "clouddeck-cli: " << message << Qt::endl;
    finish(exitCodeFor(error));
}

void CliApp::usageError(const QString &message)
{
    m_err << "clouddeck-cli: " << message << Qt::endl
          << tr("Run 'clouddeck-cli --help' for usage.") << Qt::endl;
    finish(Usage);
}

bool CliApp::parse(QCommandLineParser &parser, const QStringList &arguments)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(arguments)) {
        usageError(parser.errorText());
        return false;
    }
    return true;
}

ProviderRegistry *CliApp::registry()
{
    if (!m_registry)
        m_registry = new ProviderRegistry(this);
    return m_registry;
}

AccountStore *CliApp::accounts()
{
    if (!m_accounts)
        m_accounts = new AccountStore(this);
    return m_accounts;
}

CredentialStore *CliApp::credentials()
{
    if (!m_credentials)
        m_credentials = new CredentialStore(this);
    return m_credentials;
}

AccountService *CliApp::accountService()
{
    if (!m_accountService)
        m_accountService = new AccountService(registry(), accounts(), credentials(), this);
    return m_accountService;
}

MachineModel *CliApp::machineModel()
{
    if (!m_model)
        m_model = new MachineModel(this);
    return m_model;
}

Inventory *CliApp::inventory()
{
    Inventory *inventory = unloadedInventory();
    loadCache();
    return inventory;
}

Inventory *CliApp::unloadedInventory()
{
    if (!m_inventory) {
        m_inventory = new Inventory(registry(), accounts(), credentials(), machineModel(), this);
        m_inventory->setActivitySource(QStringLiteral("clouddeck-cli"));
        // The last-known picture first (the offline cache); refreshes merge into it and a failed
        // one leaves it standing.
        m_inventory->setCache(new InventoryCache(m_inventory));
        // A wait of more than a few seconds (a 429's Retry-After, a spent rate limit) is said
        // on stderr, so a command never sits silent for a minute.
        connect(m_inventory, &Inventory::accountWaiting, this,
                [this](const QString &accountId, const QString &reason, const QDateTime &until) {
                    const auto account = accounts()->account(accountId);
                    //: "work: api.digitalocean.com asked to wait (HTTP 429); trying again at
                    //: 10:42:13."
                    err() << "clouddeck-cli: " << (account ? account->name : accountId) << ": "
                          << tr("%1; trying again at %2.")
                                 .arg(TerminalText::printable(reason),
                                      until.toLocalTime().toString(QStringLiteral("HH:mm:ss")))
                          << Qt::endl;
                });
    }
    return m_inventory;
}

void CliApp::openCache()
{
    if (m_cacheOpened)
        return;
    m_cacheOpened = true;
    m_inventory->openCache();
    if (!m_inventory->cacheNotice().isEmpty())
        err() << "clouddeck-cli: " << m_inventory->cacheNotice() << Qt::endl;
    if (!m_inventory->keptAccountsNotice().isEmpty())
        err() << "clouddeck-cli: " << m_inventory->keptAccountsNotice() << Qt::endl;
}

void CliApp::loadCache()
{
    openCache();
    if (m_cacheLoaded)
        return;
    m_cacheLoaded = true;
    m_inventory->loadFromCache();
}

int CliApp::reportCacheProblems(const QStringList &accountIds)
{
    if (!m_inventory)
        return Ok;
    int code = m_inventory->keptAccountsNotice().isEmpty() ? Ok : Failure;
    for (const QString &id : accountIds) {
        const QString problem = m_inventory->cacheWriteProblem(id);
        if (problem.isEmpty())
            continue;
        const auto account = accounts()->account(id);
        m_err << "clouddeck-cli: " << (account ? account->name : id) << ": " << problem << Qt::endl;
        code = Failure;
    }
    return code;
}

QCommandLineOption CliApp::accountOption()
{
    return {QStringLiteral("account"), tr("Only this account."), QStringLiteral("name")};
}

QStringList CliApp::selectedAccounts(const QCommandLineParser &parser, bool *ok)
{
    *ok = true;
    if (parser.isSet(QStringLiteral("account"))) {
        const auto account = accountByName(parser.value(QStringLiteral("account")));
        *ok = account.has_value();
        return account ? QStringList {account->id} : QStringList();
    }
    QStringList ids;
    for (const Account &account : accounts()->accounts())
        ids.append(account.id);
    return ids;
}

void CliApp::refreshAccounts(const QStringList &accountIds,
                             std::function<void(const QHash<QString, Error> &)> done)
{
    // The refreshes start before the cache is opened, so their keychain reads and first pages
    // are on their way while it opens. No cached row is read for an account whose refresh
    // works: its list is compared with the stored rows as it is written (with 10,000 machines,
    // decoding them was a fifth of a list). The rows of those that failed are loaded when all
    // have answered (HttpClient answers only from the event loop, after this returns); a command
    // that needs every account's rows asks inventory().
    Inventory *inventory = unloadedInventory();
    auto waiting = std::make_shared<QSet<QString>>(accountIds.cbegin(), accountIds.cend());
    auto errors = std::make_shared<QHash<QString, Error>>();
    if (waiting->isEmpty()) {
        loadCache();
        return QTimer::singleShot(0, this, [done = std::move(done)] { done({}); });
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection =
        connect(inventory, &Inventory::refreshFinished, this,
                [this, waiting, errors, done, connection](const QString &id, const Error &error) {
                    if (!waiting->remove(id))
                        return;
                    if (error.isError())
                        errors->insert(id, error);
                    if (waiting->isEmpty()) {
                        QObject::disconnect(*connection);
                        // What the cache knew of the accounts that did not answer, and of
                        // nothing else (`--account a` with nine more would read all ten).
                        openCache();
                        if (!errors->isEmpty())
                            m_inventory->loadFromCache(errors->keys());
                        done(*errors);
                    }
                });
    for (const QString &id : accountIds)
        inventory->refresh(id);
    openCache();
}

std::optional<Account> CliApp::accountByName(const QString &name)
{
    if (auto account = accounts()->findByName(name))
        return account;
    QStringList names;
    for (const Account &account : accounts()->accounts())
        names.append(account.name);
    usageError(names.isEmpty() ? tr("No account named \"%1\"; there are no accounts yet "
                                    "(add one with 'clouddeck-cli accounts add').")
                                     .arg(name)
                               : tr("No account named \"%1\". Accounts: %2.")
                                     .arg(name, names.join(QStringLiteral(", "))));
    return std::nullopt;
}

void CliApp::printHelp()
{
    //: The CLI's --help. Keep command names, options and their arguments (ID, NAME, URL, ...) as
    //: they are; translate the descriptions.
    m_out << tr(R"(Usage: clouddeck-cli <command> [options]

Every machine on every cloud, from the command line.

Commands:
  providers [--json]                         List installed cloud providers
  accounts list [--json]                     List accounts
  accounts add --provider ID --name NAME [--endpoint URL] [--regions R1,R2]
               [--pin-cert SHA256] [--no-verify] [--<credential-field> VALUE]
                                             Add an account; the secret is read from
                                             stdin or a no-echo prompt, never argv
  accounts verify NAME                       Check an account's credentials
  accounts edit NAME [--name NEW] [--endpoint URL|default] [--secret] [--pin-cert SHA256 | --unpin]
               [--regions R1,R2] [--no-verify]
  accounts add|edit ... [--ssh-user USER] [--ssh-port N] [--ssh-key FILE] [--ssh-address public|private]
                                             How to log in to the account's machines
                                             (the GUI's Open SSH and copied command)
  accounts remove NAME --yes                 Remove an account, its secret and cached data
  accounts import --clouds-yaml [FILE] [--cloud NAME] [--pin-cert SHA256] [--no-verify]
  accounts import --from-tools [--tool doctl|hcloud|linode-cli|vultr-cli|aws] [--yes] [--no-verify] [--json]
                                             OpenStack accounts from clouds.yaml (default:
                                             ./clouds.yaml, ~/.config/openstack/,
                                             /etc/openstack/) and secure.yaml beside it
  machines list [--account NAME] [--json] [--offline]
  machines start|shutdown|poweroff|reboot|destroy MACHINE [--account NAME] [--wait] [--yes]
                                             MACHINE is an id or a unique name;
                                             destroy needs --yes
  machines price MACHINE AMOUNT [--currency CUR] [--account NAME] | MACHINE --clear
  machines price --size SIZE --account NAME AMOUNT [--currency CUR] | --clear
                                             Your own monthly price (clouds without
                                             one, or your discount): "set by you"
  machines rename MACHINE NEW-NAME [--account NAME] [--json]
  machines tag MACHINE [--add T]... [--remove T]... [--set T,T] [--account NAME] [--json]
  machines metrics MACHINE [--account NAME] [--kind cpu|network|disk]
               [--range 1h|24h|7d|30d] [--json]
                                             Min/avg/max per series, or the points
                                             (JSON, UTC times); cached ones offline
  machines create --account A --name N --region R --size S --image I
               [--ssh-key K]... [--tag T]... [--user-data FILE] [--network NET]
               [--admin-password-stdin] [--wait] [--json]
                                             Windows images (Azure): the administrator
                                             password is read from stdin, never an argument
  regions|sizes|images|keys --account A [--json] [--region R]
  cost [--by provider|account|region|tag|size] [--json | --csv] [--account NAME]
       [--offline] [--in CUR --rate CUR=R]...  Monthly run-rate, per currency, with what
                                             machines that are off still cost
  activity [--account NAME] [--limit N] [--json]
                                             What was done to machines (here and in the
                                             GUI) and how it ended, newest first

Exit codes: 0 ok, 1 local failure (offline cache or settings), 2 usage,
3 authentication or keychain, 4 network, 5 other provider error.
)");
    m_out.flush();
}

void CliApp::dispatch(const QStringList &arguments)
{
    const QString program = arguments.value(0);
    const QString command = arguments.value(1);
    const QStringList rest = QStringList {program} + arguments.mid(2);
    if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h")
        || command == QLatin1String("help")) {
        printHelp();
        return finish(command.isEmpty() ? Usage : Ok);
    }
    if (command == QLatin1String("--version"))
        return (m_out << "clouddeck-cli " << QCoreApplication::applicationVersion() << Qt::endl,
                finish(Ok));
    if (command == QLatin1String("providers") || command == QLatin1String("accounts")) {
        m_accountsCommand = new AccountsCommand(this);
        return m_accountsCommand->run(command, rest);
    }
    if (command == QLatin1String("machines")) {
        m_machinesCommand = new MachinesCommand(this);
        return m_machinesCommand->run(rest);
    }
    if (command == QLatin1String("activity")) {
        m_activityCommand = new ActivityCommand(this);
        return m_activityCommand->run(rest);
    }
    if (command == QLatin1String("cost")) {
        m_costCommand = new CostCommand(this);
        return m_costCommand->run(rest);
    }
    if (CatalogCommand::handles(command)) {
        m_catalogCommand = new CatalogCommand(this);
        return m_catalogCommand->run(command, rest);
    }
    usageError(tr("Unknown command \"%1\".").arg(command));
}

int CliApp::run(const QStringList &arguments)
{
    dispatch(arguments);
    if (m_finished)
        return m_exitCode;
    return QCoreApplication::exec();
}

void CliApp::findMachine(const QStringList &accountIds, const QString &wanted,
                         std::function<void(const Machine &)> found)
{
    // Returns true when it reported (found, ambiguous); false when nothing matched.
    auto lookUp = [this, accountIds, wanted, found = std::move(found)](bool last,
                                                                       const Error &error) {
        QList<Machine> byId;
        QList<Machine> byName;
        for (const QString &id : accountIds) {
            for (const Machine &machine : machineModel()->machines(id)) {
                if (machine.id == wanted)
                    byId.append(machine);
                else if (machine.name == wanted)
                    byName.append(machine);
            }
        }
        const QList<Machine> candidates = byId.isEmpty() ? byName : byId;
        if (candidates.size() > 1) {
            usageError(tr("\"%1\" is ambiguous: it names %2 machines. Use the id or "
                          "--account.")
                           .arg(wanted)
                           .arg(candidates.size()));
            return true;
        }
        if (candidates.size() == 1) {
            found(candidates.constFirst());
            return true;
        }
        if (!last)
            return false;
        fail(error.isError() ? error
                             : Error(Error::NotFound,
                                     tr("No machine with the id or name \"%1\".").arg(wanted)));
        return true;
    };
    // The cache (loaded with the inventory) answers without a listing round trip; a machine it
    // does not know yet may be new, so then the accounts are listed.
    Inventory *inventory = this->inventory();
    if (lookUp(false, {}))
        return;
    auto waiting = std::make_shared<QSet<QString>>(accountIds.cbegin(), accountIds.cend());
    auto firstError = std::make_shared<Error>();
    if (waiting->isEmpty()) {
        lookUp(true, {});
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection =
        connect(inventory, &Inventory::refreshFinished, this,
                [waiting, firstError, lookUp, connection](const QString &id, const Error &error) {
                    if (!waiting->remove(id))
                        return;
                    if (error.isError() && !firstError->isError())
                        *firstError = error;
                    if (waiting->isEmpty()) {
                        QObject::disconnect(*connection);
                        lookUp(true, *firstError);
                    }
                });
    for (const QString &id : accountIds)
        inventory->refresh(id);
    loadCache();
}
