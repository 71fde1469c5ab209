#include "appcontroller.h"

#include "accountmodel.h"
#include "accountservice.h"
#include "accountstore.h"
#include "activitymodel.h"
#include "appsettings.h"
#include "credentialstore.h"
#include "currentmachine.h"
#include "inventory.h"
#include "inventorycache.h"
#include "machineaction.h"
#include "machinecolumns.h"
#include "machinefiltermodel.h"
#include "machinemodel.h"
#include "machineselection.h"
#include "metricsfeed.h"
#include "pollscheduler.h"
#include "providerinfo.h"
#include "providerregistry.h"
#include "sshtarget.h"
#include "traynotifier.h"
#include "userpricemodel.h"
#include "userprices.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMetaEnum>
#include <QProcess>

AppController::AppController(QObject *parent)
    : QObject(parent)
    , m_registry(new ProviderRegistry(this))
    , m_accounts(new AccountStore(this))
    , m_credentials(new CredentialStore(this))
    , m_machines(new MachineModel(this))
    , m_cache(new InventoryCache(this))
    , m_inventory(new Inventory(m_registry, m_accounts, m_credentials, m_machines, this))
    , m_metrics(new MetricsFeed(m_inventory, this))
    , m_accountModel(new AccountModel(m_accounts, m_inventory, m_registry, this))
    , m_accountService(new AccountService(m_registry, m_accounts, m_credentials, this))
    , m_filters(new MachineFilterModel(this))
    , m_userPrices(new UserPrices(this))
    , m_priceModel(new UserPriceModel(this))
    , m_activity(new ActivityModel(m_inventory, this))
    , m_selection(new MachineSelection(m_machines, this))
    , m_columns(new MachineColumns(this))
    , m_current(new CurrentMachine(m_machines, this))
    , m_clockNow([] { return QDateTime::currentDateTimeUtc(); })
{
    m_inventory->setCache(m_cache);
    m_filters->setMachineModel(m_machines);
    // The header's total follows the Cost page's rules: the user's prices, and what a
    // machine that is off still costs on its cloud.
    m_filters->setPricing(
        [registry = m_registry](const QString &providerId) {
            return registry->metadata(providerId).billing;
        },
        m_userPrices);
    m_priceModel->setUserPrices(m_userPrices);
    m_machines->setUserPrices(m_userPrices);
    m_priceModel->setMachineModel(m_machines);
    restoreSort();
    restoreColumns();
    m_current->setSshTarget([this](const Machine &machine) { return sshTarget(machine); });
    connect(m_accounts, &AccountStore::accountUpdated, m_current,
            &CurrentMachine::updateSshCommand);

    // Coalesce bursts (every account finishing a refresh) into one recomputation.
    m_statusUpdate.setSingleShot(true);
    m_statusUpdate.setInterval(0);
    connect(&m_statusUpdate, &QTimer::timeout, this, &AppController::updateStatus);
    connect(m_inventory, &Inventory::accountStatusChanged, this,
            &AppController::scheduleStatusUpdate);
    connect(m_inventory, &Inventory::refreshFinished, this, &AppController::scheduleStatusUpdate);
    connect(m_inventory, &Inventory::refreshingChanged, this, &AppController::refreshingChanged);
    connect(m_inventory, &Inventory::cacheNoticeChanged, this, &AppController::cacheNoticeChanged);
    // The idle chip and sort read idleness from the model; the feed decides it.
    connect(m_metrics, &MetricsFeed::idlenessChanged, this,
            [this](const QString &accountId, const QString &machineId) {
                m_machines->setIdle(accountId, machineId, m_metrics->isIdle(accountId, machineId));
            });
    connect(m_accountModel, &AccountModel::countChanged, this, [this] {
        scheduleStatusUpdate();
        Q_EMIT accountsChanged();
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_machines, signal, this, &AppController::machineCountChanged);
    connect(m_inventory, &Inventory::actionFinished, this,
            [this](const QString &accountId, const QString &machineId, MachineAction::Action action,
                   const Error &error) {
                if (!error.isError())
                    return;
                const int row = m_machines->rowOf(accountId, machineId);
                const QString name = row >= 0 ? m_machines->at(row).name : machineId;
                Q_EMIT notice(tr("%1 on %2 failed").arg(MachineAction::text(action), name));
            });

    // A created machine is selected, wherever it was created from.
    connect(m_inventory, &Inventory::machineCreated, this,
            [this](const QString &accountId, const QString &machineId) {
                m_current->set(accountId, machineId);
                Q_EMIT machineCreated(accountId, machineId);
            });

    // "Updated 12 s ago", the sidebar's ages and the offline banner's age move on by themselves.
    m_clock.setInterval(5000);
    connect(&m_clock, &QTimer::timeout, this, &AppController::tick);
    m_clock.start();
    tick();

    applyIntervals();
    connect(AppSettings::instance(), &AppSettings::refreshIntervalSecondsChanged, this,
            &AppController::applyIntervals);
    connect(AppSettings::instance(), &AppSettings::fastRefreshIntervalSecondsChanged, this,
            &AppController::applyIntervals);
    // No polling while a tablet app is in the background.
    connect(qGuiApp, &QGuiApplication::applicationStateChanged, this,
            [this](Qt::ApplicationState state) {
                m_inventory->setSuspended(state == Qt::ApplicationSuspended
                                          || state == Qt::ApplicationHidden);
            });

    m_tray = new TrayNotifier(m_machines, this);
    connect(m_tray, &TrayNotifier::activated, this, &AppController::showWindowRequested);
    updateStatus();
}

AppController::~AppController() = default;

void AppController::setClock(Clock clock)
{
    m_clockNow = std::move(clock);
    m_metrics->setClock(m_clockNow);
    tick();
}

void AppController::tick()
{
    m_now = m_clockNow();
    m_accountModel->setNow(m_now);
    Q_EMIT nowChanged();
}

AppController *AppController::instance()
{
    static AppController *s_instance = new AppController(QCoreApplication::instance());
    return s_instance;
}

AppController *AppController::create(QQmlEngine *, QJSEngine *)
{
    AppController *controller = instance();
    QJSEngine::setObjectOwnership(controller, QJSEngine::CppOwnership);
    return controller;
}

int AppController::accountCount() const
{
    return m_accountModel->rowCount();
}

QString AppController::cacheNotice() const
{
    return m_inventory->cacheNotice();
}

void AppController::applyIntervals()
{
    PollScheduler::Intervals intervals = m_inventory->scheduler()->intervals();
    intervals.idleMs = AppSettings::instance()->refreshIntervalSeconds() * 1000;
    intervals.fastMs = AppSettings::instance()->fastRefreshIntervalSeconds() * 1000;
    m_inventory->scheduler()->setIntervals(intervals);
}

void AppController::restoreColumns()
{
    // Kept like the sort: the choices come back with the next start and are written as soon as
    // they change, so a crash or a kill loses nothing.
    m_columns->restore(AppSettings::instance()->columnState());
    connect(m_columns, &MachineColumns::stateChanged, this,
            [this] { AppSettings::instance()->setColumnState(m_columns->state()); });
    m_columns->setAccountCount(accountCount());
    connect(this, &AppController::accountsChanged, m_columns,
            [this] { m_columns->setAccountCount(accountCount()); });
}

void AppController::restoreSort()
{
    // The sort last chosen comes back with the next start; values out of range (an older or
    // edited settings file) are ignored, not guessed at.
    const QVariantMap sort = AppSettings::instance()->sortState();
    const QMetaEnum keys = QMetaEnum::fromType<MachineFilterModel::SortKey>();
    if (const int key = sort.value(QStringLiteral("key"), -1).toInt(); keys.valueToKey(key))
        m_filters->setSortKey(MachineFilterModel::SortKey(key));
    if (const int order = sort.value(QStringLiteral("order"), -1).toInt();
        order == Qt::AscendingOrder || order == Qt::DescendingOrder) {
        m_filters->setSortOrder(Qt::SortOrder(order));
    }
    auto remember = [this] {
        AppSettings::instance()->setSortState(m_filters->sortKey(), m_filters->sortOrder());
    };
    connect(m_filters, &MachineFilterModel::sortKeyChanged, this, remember);
    connect(m_filters, &MachineFilterModel::sortOrderChanged, this, remember);
}

AppSettings *AppController::settings() const
{
    return AppSettings::instance();
}

QVariantList AppController::providers() const
{
    QVariantList result;
    const auto providers = m_registry->providers();
    for (const ProviderMetadata &metadata : providers)
        result.append(ProviderInfo::toMap(metadata));
    return result;
}

QVariantList AppController::cloudProviders() const
{
    QVariantList result;
    const auto providers = m_registry->providers();
    for (const ProviderMetadata &metadata : providers) {
        if (!metadata.demo)
            result.append(ProviderInfo::toMap(metadata));
    }
    return result;
}

QVariant AppController::provider(const QString &providerId) const
{
    return m_registry->contains(providerId) ? ProviderInfo::toMap(m_registry->metadata(providerId))
                                            : QVariantMap();
}

QString AppController::providerName(const QString &providerId) const
{
    const QString name = m_registry->metadata(providerId).name;
    return name.isEmpty() ? providerId : name;
}

bool AppController::refreshing() const
{
    return m_inventory->isRefreshing();
}

int AppController::machineCount() const
{
    return m_machines->rowCount();
}

void AppController::scheduleStatusUpdate()
{
    m_statusUpdate.start();
}

// Stale: an account with machines shown whose last refresh failed, for whatever reason; the
// banner names each. Offline: every account failed to reach its cloud (the demo cloud too, when it
// simulates an outage). The data shown is as old as the oldest last good refresh among them.
void AppController::updateStatus()
{
    QDateTime newest;
    QDateTime oldestStale;
    QVariantList stale;
    QStringList staleIds;
    int unreachable = 0;
    const auto accounts = m_accounts->accounts();
    for (const Account &account : accounts) {
        const Error error = m_inventory->lastError(account.id);
        const QDateTime success = m_inventory->lastSuccess(account.id);
        if (success.isValid() && (!newest.isValid() || success > newest))
            newest = success;
        if (error.kind() == Error::Network || error.kind() == Error::Timeout)
            ++unreachable;
        if (error.isError() && m_machines->machineCount(account.id) > 0) {
            stale.append(QVariantMap {{QStringLiteral("accountId"), account.id},
                                      {QStringLiteral("name"), account.name},
                                      {QStringLiteral("since"), success},
                                      {QStringLiteral("reason"), error.message()}});
            staleIds.append(account.id);
            if (success.isValid() && (!oldestStale.isValid() || success < oldestStale))
                oldestStale = success;
        }
    }
    const bool offline = !accounts.isEmpty() && unreachable == accounts.size();
    if (offline == m_offline && newest == m_lastUpdated && oldestStale == m_offlineDataTime
        && stale == m_staleAccounts)
        return;
    m_offline = offline;
    m_lastUpdated = newest;
    m_offlineDataTime = oldestStale;
    m_staleAccounts = stale;
    m_staleAccountIds = staleIds;
    Q_EMIT statusChanged();
}

void AppController::start()
{
    m_inventory->loadFromCache();
    m_activity->reload();
    m_inventory->startPolling();
}

void AppController::refresh()
{
    // `clouddeck-cli machines price` may have set one since: a refresh shows it.
    m_userPrices->reload();
    m_inventory->refreshAll();
}

void AppController::refreshAccount(const QString &accountId)
{
    m_inventory->refresh(accountId);
}

void AppController::select(const QString &accountId, const QString &machineId)
{
    m_current->set(accountId, machineId);
    // Providers that fetch per-machine details lazily (Proxmox addresses) fetch these first.
    m_inventory->setMachinesInView(accountId, machineId.isEmpty() ? QStringList()
                                                                  : QStringList {machineId});
}

void AppController::runAction(const QString &accountId, const QString &machineId,
                              const QString &action)
{
    const auto parsed = MachineAction::fromId(action);
    const int row = m_machines->rowOf(accountId, machineId);
    if (!parsed || row < 0)
        return;
    // One action at a time per machine (a second click sends nothing), except a power off for a
    // hung shutdown.
    if (const QString pending = m_machines->pendingAction(row);
        !pending.isEmpty() && !canReplaceAction(pending, action))
        return;
    m_lastAction.insert(accountId + QChar(0x1f) + machineId, action);
    m_inventory->runAction(accountId, machineId, *parsed);
}

void AppController::retryAction(const QString &accountId, const QString &machineId)
{
    const QString action = m_lastAction.value(accountId + QChar(0x1f) + machineId);
    if (!action.isEmpty())
        runAction(accountId, machineId, action);
}

int AppController::runBulkAction(const QString &action)
{
    int started = 0;
    const QVariantList items = m_selection->items();
    for (const QVariant &item : items) {
        const QVariantMap machine = item.toMap();
        if (!machine.value(QStringLiteral("allowedActions")).toStringList().contains(action))
            continue;
        runAction(machine.value(QStringLiteral("accountId")).toString(),
                  machine.value(QStringLiteral("machineId")).toString(), action);
        ++started;
    }
    if (started > 0)
        Q_EMIT notice(tr("%1: %n machine(s)", nullptr, started).arg(actionText(action)));
    return started;
}

bool AppController::canReplaceAction(const QString &pending, const QString &action)
{
    const auto before = MachineAction::fromId(pending);
    const auto next = MachineAction::fromId(action);
    return before && next && MachineAction::canReplace(*before, *next);
}

QString AppController::actionText(const QString &action) const
{
    const auto parsed = MachineAction::fromId(action);
    return parsed ? MachineAction::text(*parsed) : action;
}

void AppController::copy(const QString &text, const QString &what)
{
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    Q_EMIT notice(tr("%1 copied").arg(what));
}

SshTarget AppController::sshTarget(const Machine &machine) const
{
    const auto account = m_accounts->account(machine.accountId);
    return SshTarget::forMachine(machine, account ? account->ssh : Account::Ssh {},
                                 m_registry->metadata(machine.providerId).sshUser,
                                 AppSettings::instance()->sshUser());
}

QString AppController::sshCommand(const QString &accountId, const QString &machineId) const
{
    const int row = m_machines->rowOf(accountId, machineId);
    return row < 0 ? QString() : sshTarget(m_machines->at(row)).commandLine();
}

bool AppController::openSsh(const QString &accountId, const QString &machineId)
{
    const int row = m_machines->rowOf(accountId, machineId);
    const SshTarget target = row >= 0 ? sshTarget(m_machines->at(row)) : SshTarget {};
    if (target.host.isEmpty()) {
        Q_EMIT notice(tr("This machine has no address to connect to yet."));
        return false;
    }
    // Placeholders are filled per argument after splitting, so no value can add arguments.
    QStringList arguments =
        target.fill(QProcess::splitCommand(AppSettings::instance()->sshCommandTemplate()));
    if (arguments.isEmpty()) {
        Q_EMIT notice(tr("Set an SSH command in Settings first."));
        return false;
    }
    const QString program = arguments.takeFirst();
    if (!QProcess::startDetached(program, arguments)) {
        Q_EMIT notice(
            tr("Could not start \"%1\". Check the SSH command in Settings.").arg(program));
        return false;
    }
    Q_EMIT notice(tr("Opening SSH to %1…").arg(m_machines->at(row).name));
    return true;
}

QVariant AppController::account(const QString &accountId) const
{
    const int row = m_accountModel->indexOf(accountId);
    if (row < 0)
        return QVariantMap();
    QVariantMap result = m_accountModel->get(row);
    if (const auto account = m_accounts->account(accountId)) {
        result.insert(QStringLiteral("endpoint"), account->endpoint.toString());
        result.insert(QStringLiteral("settings"), account->settings); // never secrets
    }
    return result;
}

QVariant AppController::machine(const QString &accountId, const QString &machineId) const
{
    const int row = m_machines->rowOf(accountId, machineId);
    if (row < 0)
        return QVariantMap();
    QVariantMap result;
    const QModelIndex index = m_machines->index(row);
    const auto roles = m_machines->roleNames();
    for (auto it = roles.cbegin(); it != roles.cend(); ++it)
        result.insert(QString::fromLatin1(it.value()), index.data(it.key()));
    return result;
}

QString AppController::qtVersion()
{
    return QString::fromLatin1(qVersion());
}

void AppController::addDemoAccount()
{
    Account account;
    account.providerId = QStringLiteral("demo");
    account.name = m_accounts->uniqueName(m_registry->metadata(account.providerId).name);
    m_accountService->add(account, {}, false, [this](Result<Account> added) {
        if (!added.ok()) {
            Q_EMIT notice(added.error().message());
            return;
        }
        m_inventory->refresh(added.value().id);
    });
}

void AppController::removeAccount(const QString &accountId)
{
    const auto account = m_accounts->account(accountId);
    if (!account)
        return;
    m_accountService->remove(accountId, [this, name = account->name](Result<void> removed) {
        Q_EMIT notice(removed.ok() ? tr("Removed %1").arg(name) : removed.error().message());
    });
}

void AppController::clearCache()
{
    m_cache->removeAccountsExcept({});
    Q_EMIT notice(tr("Offline cache cleared; refreshing"));
    refresh();
}
