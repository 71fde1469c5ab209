#pragma once

#include "catalog.h"
#include "clouddeck_core_export.h"
#include "machine.h"

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

/**
 * @brief Prices per size id, optionally overridden per region, for APIs whose machine objects
 * carry no price of their own (Linode instances, Vultr instances): the machine list is joined
 * with the size catalog by size id.
 */
class CLOUDDECK_CORE_EXPORT PriceTable
{
public:
    struct Price
    {
        std::optional<double> monthly;
        std::optional<double> hourly;
        [[nodiscard]] bool isEmpty() const { return !monthly && !hourly; }
        bool operator==(const Price &) const = default;
    };

    /// The default price of @p sizeId (empty prices are ignored).
    void set(const QString &sizeId, const Price &price);
    /// What @p sizeId costs in @p region when that differs from its default (Linode region_prices).
    void setRegional(const QString &sizeId, const QString &region, const Price &price);
    /// The catalog prices of @p sizes as defaults.
    [[nodiscard]] static PriceTable fromSizes(const QList<Size> &sizes);

    /// The regional price if there is one, else the default; nullopt for an unknown size.
    [[nodiscard]] std::optional<Price> find(const QString &sizeId, const QString &region) const;
    /// Fills the price of each machine that has none from its size and region.
    void apply(QList<Machine> &machines) const;

    [[nodiscard]] bool isEmpty() const { return m_defaults.isEmpty() && m_regional.isEmpty(); }
    [[nodiscard]] int size() const { return int(m_defaults.size()); }

private:
    QHash<QString, Price> m_defaults;
    QHash<QString, QHash<QString, Price>> m_regional;
};
