#include "azurepricebook.h"

#include "azureparser.h"
#include "oauthtoken.h"

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

QString AzurePriceBook::filter(const QString &region, const QString &sku)
{
    // Values are case-sensitive from api-version 2023-01-01-preview on; these are ARM's own
    // spellings (armRegionName "eastus", armSkuName "Standard_B1s"). Quotes are doubled as OData
    // escapes them, though neither name can hold one.
    auto quoted = [](QString value) {
        return QLatin1Char('\'') + value.replace(QLatin1Char('\''), QLatin1String("''"))
               + QLatin1Char('\'');
    };
    return QStringLiteral("serviceName eq 'Virtual Machines' and armRegionName eq %1 and "
                          "armSkuName eq %2 and priceType eq 'Consumption'")
        .arg(quoted(region), quoted(sku));
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

void AzurePriceBook::fetch(const QString &region, const QString &sku, Callback<void> done)
{
    QUrl url = m_endpoint;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("$filter"), filter(region, sku));
    url.setQuery(query);
    const QString entryKey = key(region, sku);
    auto entry = std::make_shared<Entry>();
    auto pages = std::make_shared<int>(0);
    auto next = std::make_shared<std::function<void(QUrl)>>();
    // The function holds itself through the shared pointer; the cycle is cut at the last page.
    *next = [this, entryKey, entry, pages, next, done](const QUrl &page) {
        m_send(HttpRequest::get(page),
               [this, entryKey, entry, pages, next, done](Result<HttpResponse> reply) {
                   Result<QJsonObject> body =
                       reply.ok() ? reply.value().jsonObject() : Result<QJsonObject>(reply.error());
                   Result<QList<AzureParser::RetailPrice>> prices =
                       body.ok() ? AzureParser::retailPrices(body.value())
                                 : Result<QList<AzureParser::RetailPrice>>(body.error());
                   if (!prices.ok()) {
                       qCInfo(lcAzurePrices).noquote()
                           << "no price for" << entryKey << ":" << prices.error().message();
                       m_entries.insert(entryKey, {{}, {}, QDateTime::currentDateTimeUtc(), true});
                       *next = nullptr;
                       return done({});
                   }
                   for (const AzureParser::RetailPrice &price : prices.value()) {
                       // Several meters per size (e.g. a regional and a primary one): the lowest is
                       // the rate a pay-as-you-go VM is billed at.
                       std::optional<double> &slot =
                           price.windows ? entry->windowsHourly : entry->linuxHourly;
                       if (!slot || price.hourly < *slot)
                           slot = price.hourly;
                   }
                   const QUrl following = QUrl(AzureParser::retailNextLink(body.value()));
                   // At most a few pages, and only on the prices host itself.
                   if (following.isValid() && !following.isEmpty() && ++*pages < 5
                       && OAuthToken::sameOrigin(following, {m_endpoint}))
                       return (*next)(following);
                   entry->fetchedAt = QDateTime::currentDateTimeUtc();
                   m_entries.insert(entryKey, *entry);
                   *next = nullptr;
                   done({});
               });
    };
    (*next)(url);
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

void AzurePriceBook::apply(QList<Machine> machines, Callback<QList<Machine>> done)
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
        fetch(region, sku, [this, state, done](Result<void>) {
            if (--state->second > 0)
                return;
            join(state->first);
            done(std::move(state->first));
        });
    }
}
