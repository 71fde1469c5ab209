#include "pricedmachinelist.h"

#include <QLoggingCategory>
#include <memory>

Q_LOGGING_CATEGORY(lcPrices, "clouddeck.provider.prices", QtInfoMsg)

PricedMachineList::PricedMachineList(MachineLister machines, PriceLister prices)
    : m_listMachines(std::move(machines))
    , m_listPrices(std::move(prices))
{ }

void PricedMachineList::list(const Callback<QList<Machine>> &done)
{
    const bool fresh = m_fetchedAt.isValid()
                       && m_fetchedAt.secsTo(QDateTime::currentDateTimeUtc()) < m_maxAgeSeconds;
    if (fresh) {
        m_listMachines(
            [this, done](const Result<QList<Machine>> &machines) { finish(machines, done); });
        return;
    }

    // Both requests leave now; whichever answers second completes the join.
    struct Join
    {
        std::optional<Result<QList<Machine>>> machines;
        bool pricesDone = false;
    };
    auto join = std::make_shared<Join>();
    m_listMachines([this, join, done](Result<QList<Machine>> machines) {
        join->machines = std::move(machines);
        if (join->pricesDone)
            finish(*join->machines, done);
    });
    m_listPrices([this, join, done](Result<PriceTable> prices) {
        if (prices.ok()) {
            m_prices = prices.takeValue();
            m_fetchedAt = QDateTime::currentDateTimeUtc();
        } else {
            qCWarning(lcPrices).noquote()
                << "price catalog unavailable, machines listed without prices:"
                << prices.error().message();
        }
        join->pricesDone = true;
        if (join->machines)
            finish(*join->machines, done);
    });
}

void PricedMachineList::finish(const Result<QList<Machine>> &machines,
                               const Callback<QList<Machine>> &done) const
{
    if (!machines.ok())
        return done(machines.error());
    QList<Machine> priced = machines.value();
    m_prices.apply(priced);
    done(std::move(priced));
}
