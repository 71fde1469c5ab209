#include "azurepricebook.h"

#include "azureparser.h"
#include "oauthtoken.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSet>
#include <QTimer>
#include <QUrlQuery>
#include <memory>

Q_LOGGING_CATEGORY(lcAzurePrices, "clouddeck.provider.azure.prices", QtInfoMsg)

AzurePriceBook::AzurePriceBook(QObject *context, QUrl endpoint, Sender send)
    : m_context(context)
    , m_endpoint(std::move(endpoint))
    , m_send(std::move(send))
{ }

QString AzurePriceBook::key(const QString &region, const QString &sku)
{
    return region.toLower() + QLatin1Char('|') + sku.toLower();
}

namespace {

/// An OData string literal. Values are case-sensitive from api-version 2023-01-01-preview on;
/// these are ARM's own spellings (armRegionName "eastus", armSkuName "Standard_B1s"). Quotes are
/// doubled as OData escapes them, though neither name can hold one.
QString quoted(QString value)
{
    return QLatin1Char('\'') + value.replace(QLatin1Char('\''), QLatin1String("''"))
           + QLatin1Char('\'');
}

} // namespace

QString AzurePriceBook::filter(const QString &region, const QString &sku)
{
    return QStringLiteral("serviceName eq 'Virtual Machines' and armRegionName eq %1 and "
                          "armSkuName eq %2 and priceType eq 'Consumption'")
        .arg(quoted(region), quoted(sku));
}

QString AzurePriceBook::regionFilter(const QString &region)
{
    return QStringLiteral("serviceName eq 'Virtual Machines' and armRegionName eq %1 and "
                          "priceType eq 'Consumption'")
        .arg(quoted(region));
}

bool AzurePriceBook::isFresh(const QString &key) const
{
    const auto entry = m_entries.constFind(key);
    if (entry == m_entries.constEnd())
        return false;
    const qint64 age = entry->fetchedAt.secsTo(QDateTime::currentDateTimeUtc());
    return age < (entry->failed ? retryFailedSeconds : maxAgeSeconds);
}

std::optional<double> AzurePriceBook::hourly(const QString &region, const QString &sku,
                                             bool windows) const
{
    const auto entry = m_entries.constFind(key(region, sku));
    if (entry == m_entries.constEnd())
        return std::nullopt;
    return windows ? entry->windowsHourly : entry->linuxHourly;
}

void AzurePriceBook::fold(Entry &entry, const AzureParser::RetailPrice &price)
{
    // Several meters per size (e.g. a regional and a primary one): the lowest is the rate a
    // pay-as-you-go VM is billed at.
    std::optional<double> &slot = price.windows ? entry.windowsHourly : entry.linuxHourly;
    if (!slot || price.hourly < *slot)
        slot = price.hourly;
}

void AzurePriceBook::query(const QString &filter, int maxPages, const PageSink &sink,
                           const Callback<bool> &done)
{
    QUrl url = m_endpoint;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("$filter"), filter);
    url.setQuery(query);
    auto pages = std::make_shared<int>(0);
    auto next = std::make_shared<std::function<void(QUrl)>>();
    // The function holds itself through the shared pointer; the cycle is cut at the last page.
    *next = [this, maxPages, sink, pages, next, done](const QUrl &page) {
        m_send(HttpRequest::get(page), [this, maxPages, sink, pages, next,
                                        done](Result<HttpResponse> reply) {
            Result<QJsonObject> body =
                reply.ok() ? reply.value().jsonObject() : Result<QJsonObject>(reply.error());
            Result<QList<AzureParser::RetailPrice>> prices =
                body.ok() ? AzureParser::retailPrices(body.value())
                          : Result<QList<AzureParser::RetailPrice>>(body.error());
            if (!prices.ok()) {
                *next = nullptr;
                return done(prices.error());
            }
            sink(prices.value());
            const QUrl following = QUrl(AzureParser::retailNextLink(body.value()));
            const bool more = following.isValid() && !following.isEmpty();
            // Only on the prices host itself, and only so many pages.
            if (more && ++*pages < maxPages && OAuthToken::sameOrigin(following, {m_endpoint}))
                return (*next)(following);
            *next = nullptr;
            done(!more);
        });
    };
    (*next)(url);
}

void AzurePriceBook::fetch(const QString &region, const QString &sku, const Callback<void> &done)
{
    const QString entryKey = key(region, sku);
    auto entry = std::make_shared<Entry>();
    query(
        filter(region, sku), 5,
        [entry](const QList<AzureParser::RetailPrice> &prices) {
            for (const AzureParser::RetailPrice &price : prices)
                fold(*entry, price);
        },
        [this, entryKey, entry, done](const Result<bool> &read) {
            if (!read.ok()) {
                qCInfo(lcAzurePrices).noquote()
                    << "no price for" << entryKey << ":" << read.error().message();
                m_entries.insert(entryKey, {{}, {}, QDateTime::currentDateTimeUtc(), true});
                return done({});
            }
            entry->fetchedAt = QDateTime::currentDateTimeUtc();
            m_entries.insert(entryKey, *entry);
            done({});
        });
}

void AzurePriceBook::fetchRegion(const QString &region, const QStringList &skus,
                                 const Callback<void> &done)
{
    auto seen = std::make_shared<QHash<QString, Entry>>();
    query(
        regionFilter(region), maxRegionPages,
        [seen, region](const QList<AzureParser::RetailPrice> &prices) {
            for (const AzureParser::RetailPrice &price : prices)
                fold((*seen)[key(region, price.sku)], price);
        },
        [this, region, skus, seen, done](Result<bool> read) {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            if (!read.ok()) {
                // Nothing kept from a half-read region: a lower meter may be on a later page.
                qCInfo(lcAzurePrices).noquote()
                    << "no prices for" << region << ":" << read.error().message();
                for (const QString &sku : skus)
                    m_entries.insert(key(region, sku), {{}, {}, now, true});
                return done({});
            }
            for (auto it = seen->begin(); it != seen->end(); ++it) {
                it->fetchedAt = now;
                m_entries.insert(it.key(), *it);
            }
            // A size the whole region has no meter for has no price (not an invented one); when
            // the pages ran out first it is asked again in an hour.
            for (const QString &sku : skus) {
                if (!seen->contains(key(region, sku)))
                    m_entries.insert(key(region, sku), {{}, {}, now, !read.value()});
            }
            if (!read.value())
                qCInfo(lcAzurePrices).noquote()
                    << "prices for" << region << "stopped after" << maxRegionPages << "pages";
            done({});
        });
}

void AzurePriceBook::applyToSizes(const QString &region, QList<Size> sizes,
                                  std::optional<bool> windows, const Callback<QList<Size>> &done)
{
    QStringList missing;
    for (const Size &size : std::as_const(sizes)) {
        if (!size.id.isEmpty() && !isFresh(key(region, size.id)) && !missing.contains(size.id))
            missing.append(size.id);
    }
    auto state = std::make_shared<QList<Size>>(std::move(sizes));
    const auto finish = [this, region, windows, state, done] {
        for (Size &size : *state) {
            const std::optional<double> price = hourly(region, size.id, windows.value_or(false));
            if (!price)
                continue;
            size.priceHourly = *price;
            size.priceMonthly = *price * hoursPerMonth;
            if (!windows)
                size.description += QCoreApplication::translate("AzurePriceBook", ", Linux price");
        }
        done(std::move(*state));
    };
    if (missing.isEmpty()) {
        // Later, as every callback: the caller's own reply is still on the stack.
        QTimer::singleShot(0, m_context, finish);
        return;
    }
    fetchRegion(region, missing, [finish](const Result<void> &) { finish(); });
}

void AzurePriceBook::join(QList<Machine> &machines) const
{
    for (Machine &machine : machines) {
        if (machine.pricePerHour)
            continue;
        const bool windows =
            machine.extra.value(QStringLiteral("osType")).toString() == QLatin1String("Windows");
        if (const std::optional<double> price = hourly(machine.region, machine.size, windows)) {
            machine.pricePerHour = *price;
            machine.pricePerMonth = *price * hoursPerMonth;
        }
    }
}

void AzurePriceBook::apply(QList<Machine> machines, const Callback<QList<Machine>> &done)
{
    QSet<QString> asked;
    QList<std::pair<QString, QString>> missing;
    for (const Machine &machine : std::as_const(machines)) {
        if (machine.region.isEmpty() || machine.size.isEmpty())
            continue;
        const QString entryKey = key(machine.region, machine.size);
        if (isFresh(entryKey) || asked.contains(entryKey))
            continue;
        asked.insert(entryKey);
        missing.append({machine.region, machine.size});
    }
    auto state =
        std::make_shared<std::pair<QList<Machine>, qsizetype>>(std::move(machines), missing.size());
    if (missing.isEmpty()) {
        // Later, as every callback: the caller's own reply is still on the stack.
        QTimer::singleShot(0, m_context, [this, state, done] {
            join(state->first);
            done(std::move(state->first));
        });
        return;
    }
    for (const auto &[region, sku] : std::as_const(missing)) {
        fetch(region, sku, [this, state, done](const Result<void> &) {
            if (--state->second > 0)
                return;
            join(state->first);
            done(std::move(state->first));
        });
    }
}
