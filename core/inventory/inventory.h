#pragma once

#include "activityentry.h"
#include "catalog.h"
#include "clouddeck_core_export.h"
#include "error.h"
#include "inventorycache.h"
#include "machine.h"
#include "machineaction.h"
#include "machineupdate.h"
#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <functional>

class AccountStore;
class CredentialStore;
class MachineModel;
class PollScheduler;
class Provider;
class ProviderRegistry;
class QTimer;
struct Account;

CLOUDDECK_CORE_EXPORT Q_DECLARE_LOGGING_CATEGORY(lcInventory)

    /**
     * @brief Knows every machine of every account: refreshes accounts in parallel and merges each
     * result into the MachineModel and the InventoryCache as a diff.
     *
     * It owns one Provider per account, created on first use from the account's settings and its
     * secret (read once from the keychain). A failed refresh never removes known machines: the
     * account keeps its error and the time of its last good refresh.
     *
     * Start-up: setCache() then loadFromCache() paints the last-known picture before any request;
     * startPolling() (GUI) lets the PollScheduler refresh each account when due, or refreshAll()
     * (CLI) refreshes once. Actions are optimistic: the row shows the transition at once, the
     * account is polled fast until a refresh shows the action's target state, and a failure or a
     * timeout returns the row to the machine's real state with the error on that row.
     */
    class CLOUDDECK_CORE_EXPORT Inventory : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool refreshing READ isRefreshing NOTIFY refreshingChanged)
    Q_PROPERTY(bool suspended READ isSuspended WRITE setSuspended NOTIFY suspendedChanged)
    /// A sentence for the user when the cache had to be moved aside this run, else empty.
    Q_PROPERTY(QString cacheNotice READ cacheNotice NOTIFY cacheNoticeChanged)
public:
    /// Makes a provider for an account (default: the ProviderRegistry's plugin). Tests and static
    /// builds set their own.
    using ProviderFactory = std::function<Provider *(
        const Account &account, const QVariantMap &secrets, QObject *parent, QString *error)>;

    Inventory(ProviderRegistry *registry, AccountStore *accounts, CredentialStore *credentials,
              MachineModel *model, QObject *parent = nullptr);
    ~Inventory() override;

    [[nodiscard]] bool isRefreshing() const { return !m_refreshing.isEmpty(); }
    [[nodiscard]] bool isRefreshing(const QString &accountId) const
    {
        return m_refreshing.contains(accountId);
    }
    /// The error of the account's last refresh (None after a good one); from the cache at start.
    [[nodiscard]] Error lastError(const QString &accountId) const
    {
        return m_status.value(accountId).error;
    }
    /// When the account was last refreshed successfully (this run or, from the cache, before).
    Q_INVOKABLE QDateTime lastSuccess(const QString &accountId) const
    {
        return m_status.value(accountId).lastSuccess;
    }
    Q_INVOKABLE QString lastErrorMessage(const QString &accountId) const
    {
        return m_status.value(accountId).error.message();
    }
    /// Non-empty while a request of the account is held back for a noticeable time (a 429's
    /// Retry-After, a spent rate limit): why, in the provider's words. Cleared when the refresh
    /// ends. accountWaiting() and accountStatusChanged() tell when it is set.
    Q_INVOKABLE QString waitingReason(const QString &accountId) const
    {
        return m_status.value(accountId).waitReason;
    }
    /// Until when (UTC) the request waits; invalid when it does not.
    Q_INVOKABLE QDateTime waitingUntil(const QString &accountId) const
    {
        return m_status.value(accountId).waitUntil;
    }
    /// True while the account's machines are those loaded from the cache: no refresh of this run
    /// has succeeded yet (the CLI says so on stderr, with the age of the data).
    [[nodiscard]] bool isFromCache(const QString &accountId) const
    {
        return m_status.value(accountId).fromCache;
    }
    [[nodiscard]] MachineModel *model() const { return m_model; }
    [[nodiscard]] AccountStore *accounts() const { return m_accounts; }
    [[nodiscard]] ProviderRegistry *registry() const { return m_registry; }
    [[nodiscard]] PollScheduler *scheduler() const { return m_scheduler; }

    /// The offline cache to read at start and write after each refresh (not owned; may be null).
    void setCache(InventoryCache *cache);
    [[nodiscard]] InventoryCache *cache() const { return m_cache; }
    /// Opens the cache if needed, says what was wrong with it (cacheNotice()) and settles the rows
    /// of accounts the settings no longer list (see loadFromCache()), without reading any
    /// machine: refreshes written after this alone compare their lists with the stored rows.
    /// False when there is no usable cache.
    bool openCache();
    /// openCache(), then shows the cached machines of every known account (of @p only, when
    /// given) not refreshed in this run yet. Rows of accounts the settings no longer list are
    /// purged only when the settings were read and list accounts; otherwise they are kept
    /// (keptAccountsNotice()). Returns how many machines were loaded.
    int loadFromCache(const QStringList &only = {});
    [[nodiscard]] QString cacheNotice() const { return m_cacheNotice; }
    /// Non-empty when the cache holds machines of accounts the settings do not list, and the
    /// settings could not say whether those accounts were removed (missing, empty, unreadable):
    /// the rows were kept, and this sentence says so. (The CLI prints it and exits non-zero.)
    [[nodiscard]] QString keptAccountsNotice() const { return m_keptAccountsNotice; }
    /// Why the account's last refresh could not be stored in the offline cache (full disk,
    /// read-only, locked), in words for the user; empty when it was stored. The refresh itself
    /// worked. accountStatusChanged() tells when it changes.
    [[nodiscard]] QString cacheWriteProblem(const QString &accountId) const
    {
        return m_cacheErrors.value(accountId);
    }

    /// Refreshes every account when due from now on (and at once), following network
    /// reachability where Qt has a backend for it.
    Q_INVOKABLE void startPolling();
    Q_INVOKABLE void stopPolling();
    [[nodiscard]] bool isSuspended() const;
    /// The GUI calls this when the application is hidden or suspended (tablets): no polling then.
    void setSuspended(bool suspended);

    void setProviderFactory(ProviderFactory factory) { m_providerFactory = std::move(factory); }
    /// How long an action may take until a refresh confirms it (default 5 min).
    void setActionTimeoutMs(int ms) { m_actionTimeoutMs = ms; }
    [[nodiscard]] int actionTimeoutMs() const { return m_actionTimeoutMs; }

    /// Refreshes every account at once; each finishes on its own (refreshFinished per account).
    Q_INVOKABLE void refreshAll();
    Q_INVOKABLE void refresh(const QString &accountId);
    /// Merges a complete listing of the account's machines as a refresh does (model and cache
    /// receive only the differences). Used by refresh(); public for tests and benchmarks.
    void applyRefresh(const QString &accountId, QList<Machine> machines);

    /// Runs @p action on a machine. The row shows the transition state at once. @p done is called
    /// once the provider accepted or refused the action; actionFinished() follows when a refresh
    /// confirms it, or it failed, or it timed out. The same action on the same machine while one
    /// is in flight sends nothing (its @p done is answered with the first one's outcome).
    void runAction(const QString &accountId, const QString &machineId, MachineAction::Action action,
                   Callback<void> done = {});
    /// For QML: @p actionId is "start", "reboot", ...; false for an unknown id.
    Q_INVOKABLE bool runAction(const QString &accountId, const QString &machineId,
                               const QString &actionId);
    /// The activity log, newest first: what this program and the others on this cache (GUI and
    /// CLI) did to machines and how it ended. Empty without a cache.
    [[nodiscard]] QList<ActivityEntry> activity(int limit = 200) const;
    /// The program named in the activity log's rows this inventory writes ("clouddeck", the
    /// default, or "clouddeck-cli": both share one application name for their settings).
    void setActivitySource(const QString &source) { m_activitySource = source; }
    [[nodiscard]] bool isActionPending(const QString &accountId, const QString &machineId) const;

    /// Everything that keeps @p request from being sent to the account: the request's own rules
    /// (CreateMachineRequest::problems) and a name the account already uses. Empty: send it.
    [[nodiscard]] QList<CreateMachineRequest::Problem>
    createProblems(const QString &accountId, const CreateMachineRequest &request) const;
    /// Creates a machine, for the GUI's wizard and the CLI alike: a request with problems is
    /// refused (InvalidInput) before anything is sent; else the provider is asked, the new
    /// machine shows at once (pending) and the account is polled fast until it runs.
    /// @p done gets the machine as the model shows it; machineCreated() follows.
    void createMachine(const QString &accountId, CreateMachineRequest request,
                       const Callback<Machine> &done);

    /// Whether the account's cloud lets CloudDeck rename its machines / edit their tags (the
    /// plugin's "rename" and "tags" capabilities).
    Q_INVOKABLE [[nodiscard]] bool canRename(const QString &accountId) const;
    Q_INVOKABLE [[nodiscard]] bool canEditTags(const QString &accountId) const;
    /// Why @p update cannot be sent for the machine (unknown machine, a cloud that cannot,
    /// a name or tag its rules refuse: MachineEditRules), in words for the user; empty: send.
    [[nodiscard]] QString updateProblem(const QString &accountId, const QString &machineId,
                                        const MachineUpdate &update) const;
    /// Renames a machine and/or replaces its tags, for the GUI and the CLI alike: a problem
    /// (updateProblem) is refused (InvalidInput or Unsupported) before anything is sent. The
    /// model shows the change once the cloud has taken it (not before: a rename or tag the
    /// cloud refuses would otherwise flash in the list and be taken back); a failure leaves
    /// the row as it was and refreshes the account, since part of a tag edit may have been
    /// taken. Both are written to the activity log. @p done gets the machine as the model
    /// shows it now. previousTags is filled in here from the model.
    void updateMachine(const QString &accountId, const QString &machineId, MachineUpdate update,
                       const Callback<Machine> &done);

    /// Catalogs for the create flow: from the provider, stored in the cache; when the provider
    /// cannot be reached the cached copy is returned if there is one.
    void fetchRegions(const QString &accountId, Callback<QList<Region>> done);
    void fetchSizes(const QString &accountId, Callback<QList<Size>> done);
    void fetchImages(const QString &accountId, Callback<QList<Image>> done);
    void fetchSshKeys(const QString &accountId, Callback<QList<SshKey>> done);

    /// The account's provider, created (secret read from the keychain) when needed.
    void withProvider(const QString &accountId, Callback<Provider *> done);
    /// Forgets the provider of @p accountId (after its settings or secret changed).
    void dropProvider(const QString &accountId);
    /// The machines the user looks at (the GUI's current machine): passed to their account's
    /// provider (Provider::setMachinesInView), now or when it is made; other accounts get none.
    void setMachinesInView(const QString &accountId, const QStringList &machineIds);

Q_SIGNALS:
    void refreshingChanged();
    void refreshStarted(const QString &accountId);
    void refreshFinished(const QString &accountId, const Error &error);
    void actionFinished(const QString &accountId, const QString &machineId,
                        MachineAction::Action action, const Error &error);
    /// lastError, lastSuccess, isFromCache or waitingReason of the account changed.
    void accountStatusChanged(const QString &accountId);
    /// A request of the account waits until @p until before it is sent again (see
    /// waitingReason()); the CLI prints it, the GUI shows it in the account's status.
    void accountWaiting(const QString &accountId, const QString &reason, const QDateTime &until);
    void suspendedChanged();
    void cacheNoticeChanged();
    /// A machine made by createMachine() is in the model now.
    void machineCreated(const QString &accountId, const QString &machineId);
    /// A row of the activity log was written or its outcome changed (activity()).
    void activityChanged();

private:
    struct Status
    {
        Error error;
        QDateTime lastSuccess;
        bool fromCache = false;
        QString waitReason;
        QDateTime waitUntil;
    };
    struct PendingAction
    {
        QString accountId;
        QString machineId;
        MachineAction::Action action = MachineAction::Start;
        quint64 serial = 0;
        bool accepted = false; ///< the provider said yes; waiting for a refresh to show it
        /// Provider::followAction() still runs: the cloud's own action object has the last word,
        /// so a listing that already shows the target state (a reboot) does not end it early.
        bool following = false;
        QTimer *timeout = nullptr;
        qint64 activityId = 0; ///< its row in the activity log
    };

    /// Writes a row of the activity log (ActivityStore) about the machine; returns its id.
    qint64 recordActivity(const QString &accountId, const QString &machineId,
                          const QString &machineName, const QString &action,
                          ActivityEntry::Outcome outcome, const QString &message = {});
    /// Ends the row: done (with @p doneMessage, what was done) or failed with the error's words.
    void endActivity(qint64 id, const Error &error, const QString &doneMessage = {});

    void syncAccountInfo(const QString &accountId);
    void onAccountRemoved(const QString &accountId);
    void finishRefresh(const QString &accountId, const Error &error, Provider *provider);
    void updateRefreshing();
    void writeToCache(const MachineDiff &diff, const QList<Machine> &machines);
    void noteCacheWrite(const QString &accountId, bool written);
    void keepOrPurgeUnknownAccounts(const QStringList &known);
    void rewriteCache();
    void setCacheNotice(const QString &notice);
    [[nodiscard]] bool needsFastPolling(const QString &accountId) const;
    [[nodiscard]] QStringList machinesInTransition(const QString &accountId) const;
    [[nodiscard]] QDateTime now() const;

    // Optimistic actions (inventoryactions.cpp)
    [[nodiscard]] static QString actionKey(const QString &accountId, const QString &machineId);
    void onActionAnswered(const QString &key, quint64 serial, const Error &error);
    void onActionFollowed(const QString &key, quint64 serial, const Error &error);
    void onActionTimeout(const QString &key, quint64 serial);
    void resolveAction(const QString &key, const Error &error);
    void resolveActionsAfterRefresh(const QString &accountId);
    void cancelActions(const QString &accountId, const Error &error);

    /// Why the account's cloud cannot take @p update (its plugin lacks "rename" or "tags").
    [[nodiscard]] QString unsupportedUpdate(const QString &accountId,
                                            const MachineUpdate &update) const;

    template<typename T>
    void fetchCatalog(const QString &accountId, InventoryCache::CatalogKind kind,
                      void (Provider::*list)(Callback<QList<T>>), Callback<QList<T>> done);

    ProviderRegistry *m_registry;
    AccountStore *m_accounts;
    CredentialStore *m_credentials;
    MachineModel *m_model;
    QPointer<InventoryCache> m_cache;
    QString m_activitySource = QStringLiteral("clouddeck");
    PollScheduler *m_scheduler;
    ProviderFactory m_providerFactory;
    QHash<QString, QPointer<Provider>> m_providers;
    QString m_inViewAccount;
    QStringList m_inView;
    QHash<QString, QList<Callback<Provider *>>> m_waitingForProvider;
    QHash<QString, Status> m_status;
    QSet<QString> m_refreshing;
    bool m_refreshingShown = false; ///< the value refreshingChanged last announced
    QSet<QString> m_refreshAgain; ///< refresh once more when the current one ends
    QHash<QString, quint64> m_refreshToken; ///< the refresh whose answer counts, per account
    quint64 m_nextToken = 0;
    /// Accounts whose rows in the model are what the cache file holds (read from it or written
    /// to it): their refreshes are written as diffs.
    QSet<QString> m_cacheMirrored;
    QString m_cacheNotice;
    QString m_keptAccountsNotice;
    QHash<QString, QString> m_cacheErrors; ///< the last cache write failed, per account
    QHash<QString, PendingAction> m_actions; ///< by actionKey()
    QHash<quint64, QList<Callback<void>>>
        m_actionWaiters; ///< by serial, until the provider answers
    quint64 m_nextSerial = 0;
    int m_actionTimeoutMs = 5 * 60'000;
};
