#pragma once

#include "clouddeck_core_export.h"
#include "money.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <optional>

class QSettings;

/**
 * @brief Monthly prices the user sets where the cloud has none (Proxmox, OpenStack) or where they
 * know better (a discount): per machine, or per size of an account. Shown as "set by you".
 *
 * Kept in their own settings file (prices.ini beside accounts.ini): no secrets, and losing the
 * offline cache does not lose them. Also holds the optional conversion rates the cost view may
 * use to show one approximate grand total.
 */
class CLOUDDECK_CORE_EXPORT UserPrices : public QObject
{
    Q_OBJECT
public:
    /// One price the user set: for one machine, or for every machine of a size in an account.
    struct Entry
    {
        enum class Scope { Machine, Size };
        Scope scope = Scope::Machine;
        QString accountId;
        QString key; ///< the machine's id or the size's name
        Money price;
    };

    explicit UserPrices(QObject *parent = nullptr);
    explicit UserPrices(const QString &fileName, QObject *parent = nullptr);
    ~UserPrices() override;

    [[nodiscard]] static QString defaultFileName();
    [[nodiscard]] QString fileName() const;

    [[nodiscard]] std::optional<Money> machinePrice(const QString &accountId,
                                                    const QString &machineId) const;
    [[nodiscard]] std::optional<Money> sizePrice(const QString &accountId,
                                                 const QString &size) const;
    /// Sets (or with nullopt removes) the price of one machine; false when it could not be saved.
    bool setMachinePrice(const QString &accountId, const QString &machineId,
                         const std::optional<Money> &price);
    bool setSizePrice(const QString &accountId, const QString &size,
                      const std::optional<Money> &price);

    /// A monthly price as a person types it ("12.50", "12,50", "EUR 12.50"; @p currency when
    /// it names none), read exactly; nullopt when it is not one. The GUI and the CLI both
    /// read prices with it.
    [[nodiscard]] static std::optional<Money> readAmount(const QString &typed,
                                                         const QString &currency);

    /// Every price set, machines first, each group in the file's (sorted) order; an unreadable
    /// value is left out, as machinePrice() leaves it out.
    [[nodiscard]] QList<Entry> entries() const;

    /// The currency totals are converted into, empty when the user set none.
    [[nodiscard]] QString targetCurrency() const;
    /// How many units of targetCurrency() one unit of @p currency is, in parts per million.
    [[nodiscard]] std::optional<qint64> ratePpm(const QString &currency) const;
    [[nodiscard]] QHash<QString, qint64> rates() const;
    bool setRate(const QString &targetCurrency, const QString &currency,
                 const std::optional<QString> &rate);

    /// Re-reads the file (another process, the CLI, may have changed it).
    void reload();

Q_SIGNALS:
    void changed();

private:
    [[nodiscard]] std::optional<Money> read(const QString &key) const;
    /// The price stored under @p key in the file (read() answers from the index of them).
    [[nodiscard]] std::optional<Money> stored(const QString &key) const;
    void index();
    bool write(const QString &key, const std::optional<Money> &price);
    [[nodiscard]] static QString machineKey(const QString &accountId, const QString &machineId);
    [[nodiscard]] static QString sizeKey(const QString &accountId, const QString &size);

    QSettings *m_settings;
    QHash<QString, Money> m_prices; ///< every price of the file, by its key
};
