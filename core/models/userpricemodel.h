#pragma once

#include "clouddeck_core_export.h"
#include "machinemodel.h"
#include "userprices.h"

#include <QAbstractListModel>
#include <QPointer>

/**
 * @brief The prices the user set (UserPrices), one row each, for the settings' "Prices you
 * set" list, and the one place the GUI sets or removes them.
 *
 * Setting goes through here rather than through UserPrices from QML because the amount arrives
 * as the user typed it: set() reads it exactly (Money, no float), refuses what is not a price
 * with a sentence to show, and the same rules serve `clouddeck-cli machines price`.
 */
class CLOUDDECK_CORE_EXPORT UserPriceModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(UserPrices *userPrices READ userPrices WRITE setUserPrices NOTIFY
                   userPricesChanged)
    /// Gives machine and account names; optional (ids are shown without it).
    Q_PROPERTY(MachineModel *machineModel READ machineModel WRITE setMachineModel NOTIFY
                   machineModelChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        ScopeRole = Qt::UserRole + 1, ///< "machine" or "size"
        AccountIdRole,
        AccountNameRole,
        KeyRole, ///< the machine's id or the size
        LabelRole, ///< "web-1" or "Every s-1vcpu-1gb"
        PriceTextRole, ///< "€12.50"
        AmountRole, ///< "12.50"
        CurrencyRole, ///< "EUR"
    };
    Q_ENUM(Role)

    explicit UserPriceModel(QObject *parent = nullptr);

    [[nodiscard]] UserPrices *userPrices() const { return m_prices; }
    void setUserPrices(UserPrices *prices);
    [[nodiscard]] MachineModel *machineModel() const { return m_machines; }
    void setMachineModel(MachineModel *model);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Sets the monthly price of one machine (@p scope "machine", @p key its id) or of every
    /// machine of a size in the account ("size", @p key the size) from @p amount as typed
    /// ("12.50", "12,50", "EUR 12.50"); an empty @p amount removes it. Returns what went
    /// wrong in words, or an empty string.
    Q_INVOKABLE QString set(const QString &scope, const QString &accountId, const QString &key,
                            const QString &amount, const QString &currency);
    Q_INVOKABLE bool remove(int row);
    /// The amount set for the machine or size, "" when none ("12.50"), for editing.
    Q_INVOKABLE QString amountFor(const QString &scope, const QString &accountId,
                                  const QString &key) const;

Q_SIGNALS:
    void userPricesChanged();
    void machineModelChanged();
    void countChanged();

private:
    void reload();

    QPointer<UserPrices> m_prices;
    QPointer<MachineModel> m_machines;
    QList<UserPrices::Entry> m_entries;
};
