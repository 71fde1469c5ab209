#pragma once

#include "httpclient.h"
#include "machine.h"
#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QUrl>
#include <functional>
#include <optional>

/**
 * @brief Pay-as-you-go prices of Azure VM sizes from the public Retail Prices API
 * (https://prices.azure.com/api/retail/prices, no sign-in), kept for a day.
 *
 * One query per (region, size) a listing has and the book does not know yet, with the OData
 * filter serviceName 'Virtual Machines', armRegionName, armSkuName and priceType 'Consumption';
 * Linux and Windows rates are told apart by the product name ("... Series Windows"), Spot and Low
 * Priority meters dropped. Joined onto machines as hourly and monthly (730 h) cost. A failed
 * query never fails the listing: those machines show no price, and the pair is asked again an
 * hour later. USD, the currency Microsoft prices in.
 */
class AzurePriceBook
{
public:
    using Sender = std::function<void(HttpRequest request, Callback<HttpResponse> done)>;
    static constexpr int maxAgeSeconds = 24 * 3600;
    static constexpr int retryFailedSeconds = 3600;
    static constexpr double hoursPerMonth = 730;

    /// Callbacks run on @p context's thread and never after it is gone.
    AzurePriceBook(QObject *context, QUrl endpoint, Sender send);

    /// @p machines with the prices of their sizes, later (the missing ones asked first).
    void apply(QList<Machine> machines, Callback<QList<Machine>> done);
    /// The filter for one size in one region, as sent.
    [[nodiscard]] static QString filter(const QString &region, const QString &sku);
    /// The cached hourly price, nullopt when unknown.
    [[nodiscard]] std::optional<double> hourly(const QString &region, const QString &sku,
                                               bool windows) const;

private:
    struct Entry
    {
        std::optional<double> linuxHourly;
        std::optional<double> windowsHourly;
        QDateTime fetchedAt;
        bool failed = false;
    };
    [[nodiscard]] static QString key(const QString &region, const QString &sku);
    [[nodiscard]] bool isFresh(const QString &key) const;
    void fetch(const QString &region, const QString &sku, Callback<void> done);
    void join(QList<Machine> &machines) const;

    QObject *m_context;
    QUrl m_endpoint;
    Sender m_send;
    QHash<QString, Entry> m_entries;
};
