#include "pricetable.h"

void PriceTable::set(const QString &sizeId, const Price &price)
{
    if (!sizeId.isEmpty() && !price.isEmpty())
        m_defaults.insert(sizeId, price);
}

void PriceTable::setRegional(const QString &sizeId, const QString &region, const Price &price)
{
    if (!sizeId.isEmpty() && !region.isEmpty() && !price.isEmpty())
        m_regional[sizeId].insert(region, price);
}

PriceTable PriceTable::fromSizes(const QList<Size> &sizes)
{
    PriceTable table;
    for (const Size &size : sizes)
        table.set(size.id, Price {size.priceMonthly, size.priceHourly});
    return table;
}

std::optional<PriceTable::Price> PriceTable::find(const QString &sizeId,
                                                  const QString &region) const
{
    if (const auto regional = m_regional.constFind(sizeId); regional != m_regional.cend()) {
        if (const auto price = regional->constFind(region); price != regional->cend())
            return *price;
    }
    if (const auto price = m_defaults.constFind(sizeId); price != m_defaults.cend())
        return *price;
    return std::nullopt;
}

void PriceTable::apply(QList<Machine> &machines) const
{
    for (Machine &machine : machines) {
        if (machine.pricePerMonth || machine.pricePerHour)
            continue; // the API's own figure for this machine wins over the catalog's
        if (const auto price = find(machine.size, machine.region)) {
            machine.pricePerMonth = price->monthly;
            machine.pricePerHour = price->hourly;
        }
    }
}
