// AwsProvider's prices: instance types in use priced from the AWS Price List Query API, through
// a 7-day cache (see the class comment in awsprovider.h).
#include "awsprovider.h"

#include "money.h"

#include <QSet>
#include <memory>

namespace {
/// Price List requests in flight at once: a first listing of many types should not be one
/// burst (the API throttles), nor one request after another.
constexpr int parallelRequests = 4;
/// A refused GetProducts is asked again after this long (the policy may have been fixed).
constexpr qint64 deniedRetrySeconds = 3600;
/// After another failure (network, throttling, 5xx), the Price List rests this long.
constexpr qint64 failureRetrySeconds = 600;
/// A short timeout: the listing waits for its prices.
constexpr int pricingTimeoutMs = 15'000;
} // namespace

QString AwsProvider::pricingPermissionHint()
{
    return tr("This AWS key may not read prices: add pricing:GetProducts to its IAM policy to "
              "see AWS costs.");
}

QUrl AwsProvider::pricingEndpoint() const
{
    if (!m_pricingEndpoint.isEmpty())
        return m_pricingEndpoint;
    const QString setting = account().settings.value(QStringLiteral("pricingEndpoint")).toString();
    if (!setting.isEmpty())
        return QUrl(setting);
    // An EC2-compatible cloud has no AWS Price List; its prices are the user's to set.
    return account().endpoint.isEmpty() ? AwsPriceList::defaultEndpoint() : QUrl();
}

void AwsProvider::setPriceClock(AwsPriceCache::Clock clock)
{
    m_priceClock = clock;
    m_priceCache.setClock(std::move(clock));
}

void AwsProvider::priceMachines(QList<Machine> machines, const Callback<QList<Machine>> &done)
{
    if (pricingEndpoint().isEmpty())
        return done(std::move(machines));
    const QDateTime now = m_priceClock();
    const bool denied =
        m_pricingDeniedAt.isValid() && m_pricingDeniedAt.secsTo(now) < deniedRetrySeconds;
    const bool paused = m_pricingPausedUntil.isValid() && now < m_pricingPausedUntil;

    const QUrl endpoint = pricingEndpoint();
    QList<PriceQuery> missing;
    QSet<QString> seen;
    for (const Machine &machine : std::as_const(machines)) {
        if (machine.state == MachineState::Terminated)
            continue;
        const std::optional<AwsPriceList::Key> key = AwsPriceList::keyFor(machine);
        if (!key || m_priceCache.find(*key) || seen.contains(key->id()))
            continue;
        seen.insert(key->id());
        missing.append({key->id(), AwsPriceList::request(endpoint, *key),
                        [key = *key](const QByteArray &json) {
                            return AwsPriceList::price(json, key);
                        }});
    }
    missing += missingStoragePrices(machines);
    if (missing.isEmpty() || denied || paused) {
        applyPrices(machines, denied);
        applyVolumePrices(machines);
        return done(std::move(machines));
    }
    qCDebug(lcAws) << "asking the Price List for" << missing.size() << "prices";
    auto list = std::make_shared<QList<Machine>>(std::move(machines));
    fetchPrices(missing, [this, list, done](const Error &failure) {
        const bool refused = failure.isError() && AwsPriceList::isAccessDenied(failure);
        if (refused) {
            m_pricingDeniedAt = m_priceClock();
            qCInfo(lcAws).noquote() << "the Price List refused this key (" << failure.message()
                                    << "); machines are listed without prices";
        } else if (failure.isError()) {
            m_pricingPausedUntil = m_priceClock().addSecs(failureRetrySeconds);
            qCWarning(lcAws).noquote()
                << "AWS prices unavailable, machines listed without prices:" << failure.message();
        }
        m_priceCache.save();
        applyPrices(*list, refused);
        applyVolumePrices(*list);
        done(std::move(*list));
    });
}

void AwsProvider::fetchPrices(const QList<PriceQuery> &queries, std::function<void(Error)> finished)
{
    struct Fetch
    {
        QList<PriceQuery> queue;
        int inFlight = 0;
        Error failure;
        std::function<void(Error)> finished;
        std::function<void()> next;
    };
    auto fetch = std::make_shared<Fetch>();
    fetch->queue = queries;
    fetch->finished = std::move(finished);
    // The Fetch holds its own next(); the last reply breaks the cycle.
    fetch->next = [this, fetch] {
        while (fetch->inFlight < parallelRequests && !fetch->queue.isEmpty()) {
            const PriceQuery query = fetch->queue.takeFirst();
            HttpRequest request = query.request;
            request.timeoutMs = pricingTimeoutMs;
            request.setHeader(signingRegionHeader, AwsPriceList::signingRegion().toUtf8());
            request.setHeader(signingServiceHeader, "pricing");
            ++fetch->inFlight;
            http()->send(request, [this, fetch, query](Result<HttpResponse> reply) {
                --fetch->inFlight;
                Result<std::optional<AwsPriceList::Price>> price =
                    reply.ok() ? query.parse(reply.value().body)
                               : Result<std::optional<AwsPriceList::Price>>(reply.error());
                if (price.ok()) {
                    m_priceCache.insert(query.id, price.value());
                } else if (!fetch->failure.isError()) {
                    // The first failure stops the rest: the same key, policy or network would
                    // fail them too.
                    fetch->failure = price.error();
                    fetch->queue.clear();
                }
                if (fetch->inFlight == 0 && fetch->queue.isEmpty()) {
                    auto finished = std::move(fetch->finished);
                    const Error failure = fetch->failure;
                    fetch->next = nullptr;
                    finished(failure);
                    return;
                }
                if (fetch->next)
                    fetch->next();
            });
        }
    };
    fetch->next();
}

void AwsProvider::applyPrices(QList<Machine> &machines, bool denied)
{
    for (Machine &machine : machines) {
        const std::optional<AwsPriceList::Key> key = AwsPriceList::keyFor(machine);
        if (!key || machine.state == MachineState::Terminated)
            continue;
        const std::optional<AwsPriceCache::Entry> entry = m_priceCache.find(*key);
        if (!entry || !entry->price) {
            if (denied)
                machine.extra.insert(QStringLiteral("priceHint"), pricingPermissionHint());
            continue;
        }
        const AwsPriceList::Price &price = *entry->price;
        const std::optional<Money> monthly = Money::fromDecimal(price.amount, price.currency, 730);
        if (!monthly)
            continue;
        machine.pricePerMonth = monthly->toMajor();
        machine.pricePerHour = price.amount.toDouble();
        machine.extra.insert(QStringLiteral("priceSource"), QStringLiteral("price-list-api"));
        if (price.currency != QLatin1String("USD"))
            machine.extra.insert(QStringLiteral("priceCurrency"), price.currency);
    }
}
