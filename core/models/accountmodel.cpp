#include "accountmodel.h"

#include "accountstore.h"
#include "inventory.h"
#include "machinemodel.h"
#include "providerregistry.h"
#include "statustext.h"

#include <QCoreApplication>

AccountModel::AccountModel(AccountStore *accounts, Inventory *inventory, ProviderRegistry *registry,
                           QObject *parent)
    : QAbstractListModel(parent)
    , m_accounts(accounts)
    , m_inventory(inventory)
    , m_registry(registry)
{
    connect(m_accounts, &AccountStore::accountAdded, this, &AccountModel::sync);
    connect(m_accounts, &AccountStore::accountRemoved, this, &AccountModel::sync);
    connect(m_accounts, &AccountStore::accountUpdated, this, &AccountModel::sync);
    if (m_inventory) {
        connect(m_inventory, &Inventory::refreshStarted, this, &AccountModel::updateAccount);
        connect(m_inventory, &Inventory::refreshFinished, this,
                [this](const QString &accountId) { updateAccount(accountId); });
        connect(m_inventory, &Inventory::accountStatusChanged, this, &AccountModel::updateAccount);
        if (MachineModel *machines = m_inventory->model()) {
            connect(machines, &QAbstractItemModel::rowsInserted, this, &AccountModel::updateCounts);
            connect(machines, &QAbstractItemModel::rowsRemoved, this, &AccountModel::updateCounts);
            connect(machines, &QAbstractItemModel::modelReset, this, &AccountModel::updateCounts);
        }
    }
    sync();
}

int AccountModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> AccountModel::roleNames() const
{
    return {
        {AccountIdRole, "accountId"},       {NameRole, "name"},
        {ProviderIdRole, "providerId"},     {ProviderNameRole, "providerName"},
        {ProviderMarkRole, "providerMark"}, {IsDemoRole, "isDemo"},
        {MachineCountRole, "machineCount"}, {StatusRole, "status"},
        {StatusIdRole, "statusId"},         {StatusTextRole, "statusText"},
        {RefreshingRole, "refreshing"},     {LastRefreshRole, "lastRefresh"},
        {ErrorMessageRole, "errorMessage"}, {ErrorKindRole, "errorKind"},
        {StatusLineRole, "statusLine"},     {NeedsAttentionRole, "needsAttention"},
        {SuggestsEditRole, "suggestsEdit"}, {Qt::DisplayRole, "display"},
    };
}

QString AccountModel::statusId(Status status)
{
    switch (status) {
    case Unknown:
        return QStringLiteral("unknown");
    case Ok:
        return QStringLiteral("ok");
    case Refreshing:
        return QStringLiteral("refreshing");
    case Failed:
        return QStringLiteral("error");
    case Offline:
        return QStringLiteral("offline");
    case CredentialsMissing:
        return QStringLiteral("credentialsMissing");
    }
    return {};
}

namespace {
QString statusText(AccountModel::Status status, const QString &error)
{
    switch (status) {
    case AccountModel::Unknown:
        return QCoreApplication::translate("AccountModel", "Not refreshed yet");
    case AccountModel::Ok:
        return QCoreApplication::translate("AccountModel", "Up to date");
    case AccountModel::Refreshing:
        return QCoreApplication::translate("AccountModel", "Refreshing…");
    case AccountModel::Failed:
        return QCoreApplication::translate("AccountModel", "Error: %1").arg(error);
    case AccountModel::Offline:
        return QCoreApplication::translate("AccountModel", "Offline");
    case AccountModel::CredentialsMissing:
        return QCoreApplication::translate("AccountModel", "Credentials missing");
    }
    return {};
}
} // namespace

QString AccountModel::statusLine(const Row &row, const QDateTime &now)
{
    auto tr = [](const char *text, int n = -1) {
        return QCoreApplication::translate("AccountModel", text, nullptr, n);
    };
    const bool refreshed = row.lastRefresh.isValid();
    // Whole English without a translator's plural forms (the model also runs in tests and tools).
    const QString machines = row.machines == 1 ? tr("1 machine") : tr("%n machines", row.machines);
    switch (row.status) {
    case Ok:
        return machines + QStringLiteral(" · ") + StatusText::age(row.lastRefresh, now);
    case Refreshing:
        // A wait of seconds is said, so a refresh that seems stuck explains itself.
        if (!row.waitReason.isEmpty() && row.waitUntil.isValid() && row.waitUntil > now) {
            //: "Waiting: api.hetzner.cloud asked to wait (HTTP 429); again at 10:42:13"
            return tr("Waiting: %1; again at %2")
                .arg(row.waitReason,
                     row.waitUntil.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
        }
        return tr("Refreshing…");
    case Offline:
        return refreshed ? tr("Offline · data from %1").arg(StatusText::time(row.lastRefresh, now))
                         : tr("Offline");
    case CredentialsMissing:
        return tr("Credentials missing");
    case Failed:
        return tr("Refresh failed"); // the reason shows under it, in full
    case Unknown:
        return refreshed ? machines : tr("Not refreshed yet");
    }
    return {};
}

void AccountModel::setNow(const QDateTime &now)
{
    if (now == m_now)
        return;
    const QDateTime before = m_now;
    m_now = now;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (statusLine(m_rows.at(i), before) != statusLine(m_rows.at(i), now))
            Q_EMIT dataChanged(index(i), index(i), {StatusLineRole});
    }
}

QVariant AccountModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case AccountIdRole:
        return row.id;
    case ProviderIdRole:
        return row.providerId;
    case ProviderNameRole:
        return row.providerName;
    case ProviderMarkRole:
        return row.providerMark;
    case IsDemoRole:
        return row.demo;
    case MachineCountRole:
        return row.machines;
    case StatusRole:
        return int(row.status);
    case StatusIdRole:
        return statusId(row.status);
    case StatusTextRole:
        return statusText(row.status, row.errorMessage);
    case RefreshingRole:
        return row.status == Refreshing;
    case LastRefreshRole:
        return row.lastRefresh;
    case ErrorMessageRole:
        return row.errorMessage;
    case ErrorKindRole:
        return row.errorKind;
    case StatusLineRole:
        return statusLine(row, m_now);
    case NeedsAttentionRole:
        return row.status == Failed || row.status == Offline || row.status == CredentialsMissing;
    case SuggestsEditRole:
        return row.status == Failed || row.status == CredentialsMissing;
    default:
        return {};
    }
}

AccountModel::Row AccountModel::rowFor(const QString &accountId) const
{
    Row row;
    row.id = accountId;
    const auto account = m_accounts->account(accountId);
    if (account) {
        row.name = account->name;
        row.providerId = account->providerId;
    }
    const ProviderMetadata metadata =
        m_registry ? m_registry->metadata(row.providerId) : ProviderMetadata();
    // Without its plugin the account still shows, under its provider id.
    row.providerName = metadata.name.isEmpty() ? row.providerId : metadata.name;
    row.providerMark = metadata.mark.isEmpty() ? row.providerId.left(2) : metadata.mark;
    row.demo = metadata.demo;
    if (!m_inventory)
        return row;
    if (MachineModel *machines = m_inventory->model())
        row.machines = machines->machineCount(accountId);
    const Error error = m_inventory->lastError(accountId);
    row.lastRefresh = m_inventory->lastSuccess(accountId);
    if (error.isError()) {
        row.errorMessage = error.message();
        row.errorKind = Error::kindId(error.kind());
    }
    // A refresh that worked but could not be kept offline (full disk, read-only cache) is still
    // a problem the user should see on the account.
    const QString cacheProblem = m_inventory->cacheWriteProblem(accountId);
    const bool cacheFailed = !error.isError() && !cacheProblem.isEmpty();
    if (cacheFailed) {
        row.errorMessage = cacheProblem;
        row.errorKind = QStringLiteral("cache");
    }
    if (m_inventory->isRefreshing(accountId)) {
        row.status = Refreshing;
        row.waitReason = m_inventory->waitingReason(accountId);
        row.waitUntil = m_inventory->waitingUntil(accountId);
    }
    else if (error.kind() == Error::CredentialsMissing)
        row.status = CredentialsMissing;
    else if (error.kind() == Error::Network || error.kind() == Error::Timeout)
        row.status = Offline;
    else if (error.isError() || cacheFailed)
        row.status = Failed;
    else if (row.lastRefresh.isValid())
        row.status = Ok;
    return row;
}

QList<int> AccountModel::changedRoles(const Row &a, const Row &b)
{
    QList<int> roles;
    auto check = [&roles](bool differs, std::initializer_list<int> affected) {
        if (differs)
            roles.append(affected);
    };
    check(a.name != b.name, {NameRole, Qt::DisplayRole});
    check(a.providerId != b.providerId, {ProviderIdRole});
    check(a.providerName != b.providerName, {ProviderNameRole});
    check(a.providerMark != b.providerMark, {ProviderMarkRole});
    check(a.demo != b.demo, {IsDemoRole});
    check(a.machines != b.machines, {MachineCountRole});
    check(a.status != b.status,
          {StatusRole, StatusIdRole, RefreshingRole, NeedsAttentionRole, SuggestsEditRole});
    check(a.status != b.status || a.machines != b.machines || a.lastRefresh != b.lastRefresh
              || a.waitReason != b.waitReason || a.waitUntil != b.waitUntil,
          {StatusLineRole});
    check(a.status != b.status || a.errorMessage != b.errorMessage, {StatusTextRole});
    check(a.lastRefresh != b.lastRefresh, {LastRefreshRole});
    check(a.errorMessage != b.errorMessage, {ErrorMessageRole});
    check(a.errorKind != b.errorKind, {ErrorKindRole});
    return roles;
}

void AccountModel::sync()
{
    if (!m_accounts)
        return;
    QStringList target;
    for (const Account &account : m_accounts->accounts())
        target.append(account.id);
    const int before = int(m_rows.size());

    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!target.contains(m_rows.at(row).id)) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    for (int i = 0; i < target.size(); ++i) {
        const QString &id = target.at(i);
        if (i < m_rows.size() && m_rows.at(i).id == id)
            continue;
        int from = -1;
        for (int j = i + 1; j < m_rows.size(); ++j) {
            if (m_rows.at(j).id == id) {
                from = j;
                break;
            }
        }
        if (from >= 0) {
            // A rename moved it in the name order.
            beginMoveRows({}, from, from, {}, i);
            m_rows.move(from, i);
            endMoveRows();
        } else {
            beginInsertRows({}, i, i);
            m_rows.insert(i, rowFor(id));
            endInsertRows();
        }
    }
    for (int i = 0; i < m_rows.size(); ++i)
        updateAccount(m_rows.at(i).id);
    if (m_rows.size() != before)
        Q_EMIT countChanged();
}

void AccountModel::updateAccount(const QString &accountId)
{
    const int row = indexOf(accountId);
    if (row < 0)
        return;
    const Row fresh = rowFor(accountId);
    const QList<int> roles = changedRoles(m_rows.at(row), fresh);
    if (roles.isEmpty())
        return;
    m_rows[row] = fresh;
    Q_EMIT dataChanged(index(row), index(row), roles);
}

void AccountModel::updateCounts()
{
    for (int i = 0; i < m_rows.size(); ++i)
        updateAccount(m_rows.at(i).id);
}

int AccountModel::indexOf(const QString &accountId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == accountId)
            return row;
    }
    return -1;
}

QVariantMap AccountModel::get(int row) const
{
    QVariantMap result;
    if (row < 0 || row >= m_rows.size())
        return result;
    const auto names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        result.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return result;
}
