#pragma once

#include "clouddeck_core_export.h"
#include "machine.h"
#include "pricetable.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <functional>

/**
 * @brief Lists machines and joins them with the prices of their sizes, for APIs whose machine
 * objects carry no price (Linode, Vultr).
 *
 * The machine list and the price catalog are requested in parallel, so a refresh takes as long as
 * the slower of the two, not their sum. The catalog changes rarely and is kept for maxAgeSeconds;
 * a failed catalog never fails the listing: the machines arrive without prices and the catalog is
 * asked for again next time. The owner (a Provider) must outlive every call, which it does: its
 * HttpClient aborts without calling back when the provider goes away.
 */
class CLOUDDECK_CORE_EXPORT PricedMachineList
{
public:
    using MachineLister = std::function<void(Callback<QList<Machine>>)>;
    using PriceLister = std::function<void(Callback<PriceTable>)>;

    PricedMachineList(MachineLister machines, PriceLister prices);

    void list(const Callback<QList<Machine>> &done);
    void setMaxAgeSeconds(int seconds) { m_maxAgeSeconds = seconds; }
    /// Forgets the cached catalog (the next list() asks for it again).
    void invalidate() { m_fetchedAt = QDateTime(); }
    [[nodiscard]] const PriceTable &prices() const { return m_prices; }

private:
    void finish(const Result<QList<Machine>> &machines, const Callback<QList<Machine>> &done) const;

    MachineLister m_listMachines;
    PriceLister m_listPrices;
    PriceTable m_prices;
    QDateTime m_fetchedAt;
    int m_maxAgeSeconds = 3600;
};
