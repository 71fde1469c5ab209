#pragma once

#include "clouddeck_core_export.h"
#include "money.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

/**
 * @brief Sums of money kept apart per currency: "€12.00 + $40.00", never one number made by
 * adding euros to dollars. A conversion to one currency exists only with the user's own rates,
 * and is then shown as an approximation.
 */
class CLOUDDECK_CORE_EXPORT CostTotals
{
public:
    void add(const Money &amount);
    void add(const CostTotals &other);

    [[nodiscard]] bool isEmpty() const { return m_minor.isEmpty(); }
    /// One Money per currency, in currency-code order.
    [[nodiscard]] QList<Money> amounts() const;
    /// The amount in @p currency (zero in it when there is none).
    [[nodiscard]] Money amount(const QString &currency) const;
    [[nodiscard]] QStringList currencies() const { return m_minor.keys(); }
    /// "$40.00 + €12.00"; @p empty when there is nothing.
    [[nodiscard]] QString displayText(const QString &empty = QStringLiteral("—")) const;
    /// {"EUR": "12.00", "USD": "40.00"}
    [[nodiscard]] QJsonObject toJson() const;
    /// Everything in @p target with @p ratesPpm (units of target per unit, parts per million);
    /// nullopt when a currency has no rate.
    [[nodiscard]] std::optional<Money> converted(const QString &target,
                                                 const QHash<QString, qint64> &ratesPpm) const;

    bool operator==(const CostTotals &) const = default;

private:
    QMap<QString, qint64> m_minor;
};
