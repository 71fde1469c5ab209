#pragma once

#include "azureparser.h"
#include "catalog.h"
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
 *
 * The create wizard's sizes (hundreds per region) are priced from one paged query for the whole
 * region (the same filter without armSkuName), which files every size it meets into the same
 * entries: a day's cache for the wizard and the listing alike, instead of a query per size.
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
    void apply(QList<Machine> machines, const Callback<QList<Machine>> &done);
    /// @p sizes of @p region with their prices, later: the Windows meter when @p windows is
    /// true, Linux when false, and Linux with the description saying so when the image is not
    /// known yet (nullopt). A size Azure has no meter for stays unpriced.
    void applyToSizes(const QString &region, QList<Size> sizes, std::optional<bool> windows,
                      const Callback<QList<Size>> &done);
    /// The filter for one size in one region, as sent.
    [[nodiscard]] static QString filter(const QString &region, const QString &sku);
    /// The filter for every size of one region, as sent.
    [[nodiscard]] static QString regionFilter(const QString &region);
    /// Pages a region's query follows at most (the API answers 100 meters a page; a region
    /// has a few thousand VM meters).
    static constexpr int maxRegionPages = 100;
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
    using PageSink = std::function<void(const QList<AzureParser::RetailPrice> &prices)>;
    /// The prices of @p filter, page by page into @p sink (at most @p maxPages, only on the
    /// prices host); @p done gets whether every page was read, or the error that stopped it.
    void query(const QString &filter, int maxPages, const PageSink &sink,
               const Callback<bool> &done);
    void fetch(const QString &region, const QString &sku, const Callback<void> &done);
    void fetchRegion(const QString &region, const QStringList &skus, const Callback<void> &done);
    /// The lowest Linux and Windows rate of @p prices folded into @p entry.
    static void fold(Entry &entry, const AzureParser::RetailPrice &price);
    void join(QList<Machine> &machines) const;

    QObject *m_context;
    QUrl m_endpoint;
    Sender m_send;
    QHash<QString, Entry> m_entries;
};
