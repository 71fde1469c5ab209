#include "userpricemodel.h"

namespace {
QString scopeId(UserPrices::Entry::Scope scope)
{
    return scope == UserPrices::Entry::Scope::Machine ? QStringLiteral("machine")
                                                      : QStringLiteral("size");
}
} // namespace

UserPriceModel::UserPriceModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void UserPriceModel::setUserPrices(UserPrices *prices)
{
    if (m_prices == prices)
        return;
    if (m_prices)
        disconnect(m_prices, nullptr, this, nullptr);
    m_prices = prices;
    if (m_prices)
        connect(m_prices, &UserPrices::changed, this, &UserPriceModel::reload);
    reload();
    Q_EMIT userPricesChanged();
}

void UserPriceModel::setMachineModel(MachineModel *model)
{
    if (m_machines == model)
        return;
    m_machines = model;
    // Names only: the rows stay, their labels change.
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_entries.size()) - 1));
    Q_EMIT machineModelChanged();
}

void UserPriceModel::reload()
{
    const QList<UserPrices::Entry> entries = m_prices ? m_prices->entries()
                                                      : QList<UserPrices::Entry>();
    const bool sameRows = entries.size() == m_entries.size()
                          && std::equal(entries.cbegin(), entries.cend(), m_entries.cbegin(),
                                        [](const auto &a, const auto &b) {
                                            return a.scope == b.scope
                                                   && a.accountId == b.accountId
                                                   && a.key == b.key;
                                        });
    if (sameRows) {
        m_entries = entries;
        if (!m_entries.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_entries.size()) - 1));
        return;
    }
    beginResetModel();
    m_entries = entries;
    endResetModel();
    Q_EMIT countChanged();
}

int UserPriceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant UserPriceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UserPrices::Entry &entry = m_entries.at(index.row());
    switch (role) {
    case ScopeRole:
        return scopeId(entry.scope);
    case AccountIdRole:
        return entry.accountId;
    case AccountNameRole: {
        const QString name = m_machines ? m_machines->accountName(entry.accountId) : QString();
        return name.isEmpty() ? entry.accountId : name;
    }
    case KeyRole:
        return entry.key;
    case Qt::DisplayRole:
    case LabelRole: {
        if (entry.scope == UserPrices::Entry::Scope::Size)
            //: A price set for every machine of one size: "Every s-1vcpu-1gb".
            return tr("Every %1").arg(entry.key);
        const int row = m_machines ? m_machines->rowOf(entry.accountId, entry.key) : -1;
        return row >= 0 ? m_machines->at(row).name : entry.key;
    }
    case PriceTextRole:
        return entry.price.displayText();
    case AmountRole:
        return entry.price.plainText();
    case CurrencyRole:
        return entry.price.currency();
    default:
        return {};
    }
}

QHash<int, QByteArray> UserPriceModel::roleNames() const
{
    return {{ScopeRole, "scope"},         {AccountIdRole, "accountId"},
            {AccountNameRole, "accountName"}, {KeyRole, "key"},
            {LabelRole, "label"},         {PriceTextRole, "priceText"},
            {AmountRole, "amount"},       {CurrencyRole, "currency"}};
}

QString UserPriceModel::set(const QString &scope, const QString &accountId, const QString &key,
                            const QString &amount, const QString &currency)
{
    if (!m_prices)
        return tr("Prices cannot be saved here.");
    if (scope != QLatin1String("machine") && scope != QLatin1String("size"))
        return tr("Choose whether the price is for this machine or for its size.");
    if (accountId.isEmpty() || key.isEmpty())
        return tr("This machine has no %1 to set a price for.")
            .arg(scope == QLatin1String("size") ? tr("size") : tr("id"));
    std::optional<Money> price;
    const QString typed = amount.trimmed();
    if (!typed.isEmpty()) {
        if (!Money::isCurrencyCode(currency))
            return tr("\"%1\" is not a currency code such as USD or EUR.").arg(currency);
        price = UserPrices::readAmount(typed, currency);
        if (!price)
            return tr("\"%1\" is not a monthly price such as 12.50.").arg(typed);
    }
    const bool saved = scope == QLatin1String("machine")
                           ? m_prices->setMachinePrice(accountId, key, price)
                           : m_prices->setSizePrice(accountId, key, price);
    if (!saved)
        return tr("Could not save the price to %1.").arg(m_prices->fileName());
    return {};
}

bool UserPriceModel::remove(int row)
{
    if (!m_prices || row < 0 || row >= m_entries.size())
        return false;
    const UserPrices::Entry entry = m_entries.at(row);
    return entry.scope == UserPrices::Entry::Scope::Machine
               ? m_prices->setMachinePrice(entry.accountId, entry.key, std::nullopt)
               : m_prices->setSizePrice(entry.accountId, entry.key, std::nullopt);
}

QString UserPriceModel::amountFor(const QString &scope, const QString &accountId,
                                  const QString &key) const
{
    if (!m_prices)
        return {};
    const std::optional<Money> price = scope == QLatin1String("machine")
                                           ? m_prices->machinePrice(accountId, key)
                                           : m_prices->sizePrice(accountId, key);
    return price ? price->plainText() : QString();
}
