#pragma once

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantList>

#include <functional>

class AccountModel;
class AccountService;
class AccountStore;
class AppSettings;
class CredentialStore;
class CurrentMachine;
class Inventory;
class InventoryCache;
class MachineColumns;
class MachineFilterModel;
class MachineModel;
class MachineSelection;
class MetricsFeed;
class ProviderRegistry;
class TrayNotifier;
class UserPriceModel;
class ActivityModel;
struct Machine;
struct SshTarget;
class UserPrices;

/**
 * @brief The GUI's wiring: owns the core services (provider registry, account and credential
 * stores, machine model, inventory), hands them to QML with their types, and offers the user's
 * actions as invokables.
 *
 * Pages bind to its models and properties and call its methods; QML objects that need a service
 * (AccountEditor, MachineCreator) get it as a property set from here, never by looking this
 * object up themselves. Decisions (what an action means, what "offline" is, how an SSH command
 * is built) are made here or below, never in QML. Background problems arrive as inline state
 * (per account, per machine); short confirmations as notice() for a toast.
 */
class AppController : public QObject
{
    Q_OBJECT
    Q_MOC_INCLUDE("accountmodel.h")
    Q_MOC_INCLUDE("accountservice.h")
    Q_MOC_INCLUDE("accountstore.h")
    Q_MOC_INCLUDE("metricsfeed.h")
    Q_MOC_INCLUDE("appsettings.h")
    Q_MOC_INCLUDE("credentialstore.h")
    Q_MOC_INCLUDE("currentmachine.h")
    Q_MOC_INCLUDE("inventory.h")
    Q_MOC_INCLUDE("machinecolumns.h")
    Q_MOC_INCLUDE("machinefiltermodel.h")
    Q_MOC_INCLUDE("machinemodel.h")
    Q_MOC_INCLUDE("machineselection.h")
    Q_MOC_INCLUDE("providerregistry.h")
    Q_MOC_INCLUDE("userpricemodel.h")
    Q_MOC_INCLUDE("activitymodel.h")
    Q_MOC_INCLUDE("userprices.h")
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(MachineModel *machines READ machineModel CONSTANT)
    Q_PROPERTY(MachineFilterModel *filters READ filters CONSTANT)
    Q_PROPERTY(MachineSelection *selection READ selection CONSTANT)
    Q_PROPERTY(MachineColumns *columns READ columns CONSTANT)
    Q_PROPERTY(CurrentMachine *current READ current CONSTANT)
    Q_PROPERTY(AppSettings *settings READ settings CONSTANT)
    Q_PROPERTY(QVariantList providers READ providers NOTIFY providersChanged)
    /// The providers of real clouds (not the demo), for the welcome view's marks.
    Q_PROPERTY(QVariantList cloudProviders READ cloudProviders NOTIFY providersChanged)
    Q_PROPERTY(AccountModel *accounts READ accounts CONSTANT)
    // The services, for the QML objects that need them (set as their properties).
    Q_PROPERTY(Inventory *inventory READ inventory CONSTANT)
    /// Metric series of the rows on screen and the open details (watch/focus; issue 16).
    Q_PROPERTY(MetricsFeed *metrics READ metrics CONSTANT)
    Q_PROPERTY(AccountStore *accountStore READ accountStore CONSTANT)
    Q_PROPERTY(AccountService *accountService READ accountService CONSTANT)
    Q_PROPERTY(CredentialStore *credentials READ credentials CONSTANT)
    Q_PROPERTY(ProviderRegistry *registry READ registry CONSTANT)
    /// The prices the user set (one file, shared by the header, the Cost page and the CLI).
    Q_PROPERTY(UserPrices *userPrices READ userPrices CONSTANT)
    Q_PROPERTY(UserPriceModel *prices READ priceModel CONSTANT)
    /// What was done to machines from here and from the CLI, newest first (the Activity page).
    Q_PROPERTY(ActivityModel *activity READ activity CONSTANT)
    Q_PROPERTY(bool hasAccounts READ hasAccounts NOTIFY accountsChanged)
    Q_PROPERTY(bool refreshing READ refreshing NOTIFY refreshingChanged)
    Q_PROPERTY(int machineCount READ machineCount NOTIFY machineCountChanged)
    Q_PROPERTY(int accountCount READ accountCount NOTIFY accountsChanged)
    Q_PROPERTY(QDateTime lastUpdated READ lastUpdated NOTIFY statusChanged)
    Q_PROPERTY(bool offline READ offline NOTIFY statusChanged)
    Q_PROPERTY(QDateTime offlineDataTime READ offlineDataTime NOTIFY statusChanged)
    Q_PROPERTY(QVariantList staleAccounts READ staleAccounts NOTIFY statusChanged)
    Q_PROPERTY(QStringList staleAccountIds READ staleAccountIds NOTIFY statusChanged)
    Q_PROPERTY(QString cacheNotice READ cacheNotice NOTIFY cacheNoticeChanged)
    Q_PROPERTY(QDateTime now READ now NOTIFY nowChanged)
    Q_PROPERTY(QString qtVersion READ qtVersion CONSTANT)
public:
    using Clock = std::function<QDateTime()>;

    /// The one instance; only main(), QML's singleton factory and test programs ask for it.
    [[nodiscard]] static AppController *instance();
    [[nodiscard]] static AppController *create(QQmlEngine *, QJSEngine *);
    ~AppController() override;

    /// Where "now" comes from for every age shown ("Updated 12 s ago"); tests and the
    /// screenshot program set their own instead of waiting for real time to pass.
    void setClock(Clock clock);
    [[nodiscard]] MachineModel *machineModel() const { return m_machines; }
    [[nodiscard]] MachineFilterModel *filters() const { return m_filters; }
    [[nodiscard]] MachineSelection *selection() const { return m_selection; }
    [[nodiscard]] MachineColumns *columns() const { return m_columns; }
    [[nodiscard]] CurrentMachine *current() const { return m_current; }
    [[nodiscard]] AppSettings *settings() const;
    [[nodiscard]] ProviderRegistry *registry() const { return m_registry; }
    [[nodiscard]] AccountStore *accountStore() const { return m_accounts; }
    [[nodiscard]] CredentialStore *credentials() const { return m_credentials; }
    [[nodiscard]] AccountService *accountService() const { return m_accountService; }
    [[nodiscard]] Inventory *inventory() const { return m_inventory; }
    [[nodiscard]] MetricsFeed *metrics() const { return m_metrics; }
    [[nodiscard]] UserPrices *userPrices() const { return m_userPrices; }
    [[nodiscard]] UserPriceModel *priceModel() const { return m_priceModel; }
    [[nodiscard]] ActivityModel *activity() const { return m_activity; }

    [[nodiscard]] QVariantList providers() const;
    [[nodiscard]] QVariantList cloudProviders() const;
    [[nodiscard]] AccountModel *accounts() const { return m_accountModel; }
    [[nodiscard]] bool hasAccounts() const { return accountCount() > 0; }
    [[nodiscard]] bool refreshing() const;
    [[nodiscard]] int machineCount() const;
    [[nodiscard]] int accountCount() const;
    [[nodiscard]] QDateTime lastUpdated() const { return m_lastUpdated; }
    [[nodiscard]] bool offline() const { return m_offline; }
    /// When the oldest data shown was last confirmed, while any account's data is stale.
    [[nodiscard]] QDateTime offlineDataTime() const { return m_offlineDataTime; }
    /// [{accountId, name, since, reason}] of the accounts with machines shown whose last refresh
    /// failed: what the stale-data banner names.
    [[nodiscard]] QVariantList staleAccounts() const { return m_staleAccounts; }
    /// The ids of staleAccounts, for rows to mark themselves.
    [[nodiscard]] QStringList staleAccountIds() const { return m_staleAccountIds; }
    [[nodiscard]] QDateTime now() const { return m_now; }
    [[nodiscard]] QString cacheNotice() const;
    [[nodiscard]] static QString qtVersion();

    /// Paints from the offline cache, then refreshes every account when due (from now on).
    Q_INVOKABLE void start();
    /// Refreshes every account now (F5, pull to refresh).
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void refreshAccount(const QString &accountId);
    Q_INVOKABLE void select(const QString &accountId, const QString &machineId);
    /// Runs @p action ("start", "reboot", ...) on one machine; progress and errors show on its row.
    Q_INVOKABLE void runAction(const QString &accountId, const QString &machineId,
                               const QString &action);
    /// The last failed action of the machine, again.
    Q_INVOKABLE void retryAction(const QString &accountId, const QString &machineId);
    /// Runs @p action on every selected machine that allows it; returns how many.
    Q_INVOKABLE int runBulkAction(const QString &action);
    Q_INVOKABLE [[nodiscard]] QString actionText(const QString &action) const;
    /// True when @p action may be sent while @p pending is in flight (see MachineAction).
    Q_INVOKABLE [[nodiscard]] static bool canReplaceAction(const QString &pending,
                                                          const QString &action);

    /// Puts @p text on the clipboard and confirms with a toast saying "<what> copied".
    Q_INVOKABLE void copy(const QString &text, const QString &what);
    /// "ssh root@203.0.113.10", or empty when the machine has no address.
    Q_INVOKABLE [[nodiscard]] QString sshCommand(const QString &accountId,
                                                 const QString &machineId) const;
    /// Starts the terminal from the SSH command template; false (with a notice) when it cannot.
    Q_INVOKABLE bool openSsh(const QString &accountId, const QString &machineId);

    // The three below are JavaScript objects for QML (a QVariant holding a QVariantMap): their
    // keys are data, not properties qmllint could check.
    Q_INVOKABLE [[nodiscard]] QVariant provider(const QString &providerId) const;
    /// "DigitalOcean" for "digitalocean" (the id itself for a provider without its plugin).
    Q_INVOKABLE [[nodiscard]] QString providerName(const QString &providerId) const;
    Q_INVOKABLE [[nodiscard]] QVariant account(const QString &accountId) const;
    /// Every field of one machine by role name (empty when unknown).
    Q_INVOKABLE [[nodiscard]] QVariant machine(const QString &accountId,
                                               const QString &machineId) const;
    /// Adds an account of the Demo cloud (no secret) and refreshes it.
    Q_INVOKABLE void addDemoAccount();
    Q_INVOKABLE void removeAccount(const QString &accountId);
    /// Empties the offline cache; the next refresh fills it again.
    Q_INVOKABLE void clearCache();

Q_SIGNALS:
    void providersChanged();
    void accountsChanged();
    void statusChanged();
    void cacheNoticeChanged();
    void refreshingChanged();
    void machineCountChanged();
    void nowChanged();
    /// A short confirmation or problem for a toast ("IP copied").
    void notice(const QString &text);
    /// The tray icon asked to bring the window up.
    void showWindowRequested();
    /// A machine was created (the UI selects it).
    void machineCreated(const QString &accountId, const QString &machineId);

private:
    void restoreSort();
    void restoreColumns();
    [[nodiscard]] SshTarget sshTarget(const Machine &machine) const;
    explicit AppController(QObject *parent = nullptr);
    void scheduleStatusUpdate();
    void updateStatus();
    void applyIntervals();
    void tick();

    ProviderRegistry *m_registry;
    AccountStore *m_accounts;
    CredentialStore *m_credentials;
    MachineModel *m_machines;
    InventoryCache *m_cache;
    Inventory *m_inventory;
    MetricsFeed *m_metrics;
    AccountModel *m_accountModel;
    AccountService *m_accountService;
    MachineFilterModel *m_filters;
    UserPrices *m_userPrices;
    UserPriceModel *m_priceModel;
    ActivityModel *m_activity;
    MachineSelection *m_selection;
    MachineColumns *m_columns;
    CurrentMachine *m_current;
    TrayNotifier *m_tray = nullptr;

    QHash<QString, QString> m_lastAction; ///< key -> last action id, for Retry
    QDateTime m_lastUpdated;
    bool m_offline = false;
    QDateTime m_offlineDataTime;
    QVariantList m_staleAccounts;
    QStringList m_staleAccountIds;
    QDateTime m_now;
    Clock m_clockNow;
    QTimer m_clock;
    QTimer m_statusUpdate;
};
