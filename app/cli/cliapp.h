#pragma once

#include "account.h"
#include "error.h"
#include "machine.h"

#include <QCommandLineParser>
#include <QHash>
#include <QObject>
#include <QTextStream>
#include <functional>
#include <optional>

class QCommandLineParser;
class AccountService;
class AccountStore;
class CredentialStore;
class Inventory;
class MachineModel;
class ProviderRegistry;

/**
 * @brief clouddeck-cli: parses the command line, owns the core services, runs one command.
 *
 * Commands run asynchronously on the event loop (the same Callback pattern as the rest of
 * CloudDeck) and end with finish(code). Exit codes: 0 ok, 1 local failure (cache, settings),
 * 2 usage, 3 auth and keychain, 4 network, 5 other.
 */
class CliApp : public QObject
{
    Q_OBJECT
public:
    enum ExitCode { Ok = 0, Failure = 1, Usage = 2, Auth = 3, Network = 4, ProviderFailure = 5 };

    CliApp();
    ~CliApp() override;

    /// Runs the command in @p arguments (argv) to completion; returns the exit code.
    int run(const QStringList &arguments);
    /// Flushes the output and closes every file the command opened (the cache), leaving the
    /// process nothing to do but end: see main().
    void closeFiles();

    [[nodiscard]] static int exitCodeFor(const Error &error);
    void finish(int code);
    /// Prints "clouddeck-cli: <message>" to stderr and finishes with the error's exit code.
    void fail(const Error &error);
    void usageError(const QString &message);
    /// Parses @p arguments (program name first) with @p parser; false after reporting an error.
    bool parse(QCommandLineParser &parser, const QStringList &arguments);

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    [[nodiscard]] bool isFinished() const { return m_finished; }

    ProviderRegistry *registry();
    AccountStore *accounts();
    CredentialStore *credentials();
    AccountService *accountService();
    MachineModel *machineModel();
    /// The inventory with the offline cache loaded into it.
    Inventory *inventory();
    /// Prints, for @p accountIds, every refresh the offline cache could not store, and returns
    /// Failure when there was one or when cached rows were kept for want of readable settings
    /// (else Ok): a command must not exit 0 while the cache silently missed its write.
    int reportCacheProblems(const QStringList &accountIds);
    /// `--account NAME`, "Only this account.": the option selectedAccounts() reads.
    [[nodiscard]] static QCommandLineOption accountOption();
    /// The account --account names (a usage error when there is none: @p ok false), or every
    /// account. Shared by `machines`, `cost` and `machines metrics`.
    QStringList selectedAccounts(const QCommandLineParser &parser, bool *ok);
    /// Refreshes @p accountIds in parallel; calls @p done once all have answered, with the errors.
    void refreshAccounts(const QStringList &accountIds,
                         std::function<void(const QHash<QString, Error> &)> done);
    /// The machine named @p wanted (id first, then name): from the cache when it is there, else
    /// after refreshing @p accountIds. Reports what went wrong itself (then no call). Shared by
    /// `machines metrics`, `machines rename` and `machines tag`.
    void findMachine(const QStringList &accountIds, const QString &wanted,
                     std::function<void(const Machine &)> found);
    /// The account named @p name; reports a usage error (with the known names) when there is none.
    std::optional<Account> accountByName(const QString &name);

private:
    void printHelp();
    void dispatch(const QStringList &arguments);
    /// The inventory, made if needed, with the cache not necessarily loaded yet.
    Inventory *unloadedInventory();
    /// Opens the cache and prints what was wrong with it, once.
    void openCache();
    /// openCache(), then the cached rows of every account not refreshed yet.
    void loadCache();

    QTextStream m_out;
    QTextStream m_err;
    bool m_finished = false;
    int m_exitCode = Ok;
    ProviderRegistry *m_registry = nullptr;
    AccountStore *m_accounts = nullptr;
    CredentialStore *m_credentials = nullptr;
    AccountService *m_accountService = nullptr;
    MachineModel *m_model = nullptr;
    Inventory *m_inventory = nullptr;
    bool m_cacheOpened = false;
    bool m_cacheLoaded = false;
    class AccountsCommand *m_accountsCommand = nullptr;
    class MachinesCommand *m_machinesCommand = nullptr;
    class CatalogCommand *m_catalogCommand = nullptr;
    class CostCommand *m_costCommand = nullptr;
    class ActivityCommand *m_activityCommand = nullptr;
};
