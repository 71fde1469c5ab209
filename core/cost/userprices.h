#pragma once

#include "clouddeck_core_export.h"
#include "money.h"

#include <QHash>
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
    bool write(const QString &key, const std::optional<Money> &price);
    [[nodiscard]] static QString machineKey(const QString &accountId, const QString &machineId);
    [[nodiscard]] static QString sizeKey(const QString &accountId, const QString &size);

    QSettings *m_settings;
};
