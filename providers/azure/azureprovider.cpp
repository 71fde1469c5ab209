#include "azureprovider.h"

#include "azurerequests.h"
#include "bearertoken.h"
#include "oauthtokenendpoint.h"
#include "regionfanout.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QUrlQuery>
#include <utility>

Q_LOGGING_CATEGORY(lcAzure, "clouddeck.provider.azure", QtInfoMsg)

namespace {

const QUrl defaultAuthority(QStringLiteral("https://login.microsoftonline.com"));
const QUrl defaultPrices(QStringLiteral("https://prices.azure.com/api/retail/prices"));

/// ARM reports what is left of the subscription's read budget, not its size or reset. Its
/// token bucket holds 250 reads and refills 25 a second, so the budget is treated as a
/// 250-request window that ends ten seconds on: pacing starts only when it runs low, and a spent
/// budget waits seconds, not an hour.
std::optional<RateLimit> armRateLimit(const HttpResponse &response)
{
    bool ok = false;
    const int remaining = response.header("x-ms-ratelimit-remaining-subscription-reads").toInt(&ok);
    if (!ok || remaining < 0)
        return std::nullopt;
    RateLimit limit;
    limit.limit = std::max(250, remaining);
    limit.remaining = remaining;
    limit.reset = QDateTime::currentDateTimeUtc().addSecs(10);
    return limit;
}

} // namespace

AzureProvider::AzureProvider(const ProviderMetadata &metadata, const Account &account,
                             const QVariantMap &secrets, QObject *parent)
    : Provider(metadata, account, secrets, parent)
    , m_token(new OAuthToken(
          [this](Callback<OAuthToken::Token> done) { fetchToken(std::move(done)); }, this))
{
    m_token->setTokenUrl(tokenUrl());
    m_token->install(http(), {baseUrl()},
                     OAuthTokenEndpoint::errors(BearerToken::jsonErrors(&AzureParser::error)));
    // The price list is public: never given the token, even where it shares the ARM host (a
    // proxy in front of both, the tests' one local server).
    const QUrl prices = pricesUrl();
    http()->setAuthorizer([bearer = m_token->authorizer({baseUrl()}),
                           prices](HttpRequest &request) {
        if (OAuthToken::sameOrigin(request.url, {prices}) && request.url.path() == prices.path())
            return;
        bearer(request);
    });
    http()->setRateLimitReader(&armRateLimit);
    // The price list needs no sign-in, and gets no token (it is not the ARM host).
    m_prices = std::make_unique<AzurePriceBook>(
        this, pricesUrl(), [this](HttpRequest request, Callback<HttpResponse> done) {
            http()->send(std::move(request), std::move(done));
        });
}

QUrl AzureProvider::tokenUrl() const
{
    const QString text = account().settings.value(QStringLiteral("authority")).toString().trimmed();
    QUrl authority = text.isEmpty() ? defaultAuthority : QUrl::fromUserInput(text);
    QString path = authority.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    const QString tenant =
        account().settings.value(QStringLiteral("tenantId")).toString().trimmed();
    authority.setPath(path + QLatin1Char('/') + tenant + QLatin1String("/oauth2/v2.0/token"));
    return authority;
}

QString AzureProvider::scope() const
{
    // A sovereign cloud's Resource Manager is its own audience; a local test endpoint is not one.
    const QUrl base = baseUrl();
    if (base.scheme() == QLatin1String("https") && !HttpClient::isLoopback(base))
        return QStringLiteral("https://%1/.default").arg(base.host());
    return QStringLiteral("https://management.azure.com/.default");
}

QUrl AzureProvider::pricesUrl() const
{
    const QString text =
        account().settings.value(QStringLiteral("pricesEndpoint")).toString().trimmed();
    return text.isEmpty() ? defaultPrices : QUrl::fromUserInput(text);
}

Error AzureProvider::missingCredentials() const
{
    const QString tenant =
        account().settings.value(QStringLiteral("tenantId")).toString().trimmed();
    const QString client =
        account().settings.value(QStringLiteral("clientId")).toString().trimmed();
    if (tenant.isEmpty() || client.isEmpty() || secret(QStringLiteral("clientSecret")).isEmpty())
        return Error(Error::CredentialsMissing,
                     tr("This Azure account has no tenant id, client id or client secret. Edit "
                        "the account and enter all three."));
    // The tenant goes into the sign-in URL's path: a GUID or a domain name, nothing else.
    static const QRegularExpression tenantPattern(
        QStringLiteral("^[A-Za-z0-9][-A-Za-z0-9.]{0,252}$"));
    if (!tenantPattern.match(tenant).hasMatch() || tenant.contains(QLatin1String("..")))
        return Error(Error::InvalidInput,
                     tr("\"%1\" is not a tenant id: use the directory's GUID or its domain "
                        "(contoso.onmicrosoft.com).")
                         .arg(tenant.left(100)));
    return {};
}

void AzureProvider::fetchToken(Callback<OAuthToken::Token> done)
{
    if (const Error error = missingCredentials(); error.isError())
        return failLater(error, std::move(done));
    OAuthTokenEndpoint::fetch(
        http(), tokenUrl(),
        {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
         {QStringLiteral("client_id"),
          account().settings.value(QStringLiteral("clientId")).toString().trimmed()},
         {QStringLiteral("client_secret"), secret(QStringLiteral("clientSecret"))},
         {QStringLiteral("scope"), scope()}},
        std::move(done));
}

QUrl AzureProvider::armUrl(const QString &path, const QString &version,
                           QList<std::pair<QString, QString>> query) const
{
    query.prepend({QStringLiteral("api-version"), version});
    return url(path, query);
}

void AzureProvider::sendAuthorized(const HttpRequest &request, Callback<HttpResponse> done)
{
    authorized<HttpResponse>(
        [this, request](Callback<HttpResponse> sent) { http()->send(request, std::move(sent)); },
        std::move(done));
}

void AzureProvider::subscriptionsInScope(Callback<QStringList> done)
{
    const QStringList chosen =
        account()
            .settings.value(QStringLiteral("subscriptions"))
            .toString()
            .split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
    if (!chosen.isEmpty()) {
        for (const QString &id : chosen) {
            if (!AzureRequests::isSubscriptionId(id))
                return failLater(Error(Error::InvalidInput,
                                       tr("\"%1\" is not a subscription id (a GUID). Fix the "
                                          "account's subscriptions.")
                                           .arg(id.left(100))),
                                 std::move(done));
        }
        return post([done, chosen] { done(chosen); });
    }
    list<AzureParser::Subscription>(
        QStringLiteral("/subscriptions"), AzureRequests::subscriptionsVersion, {},
        &AzureParser::subscriptions, [done](Result<QList<AzureParser::Subscription>> listed) {
            if (!listed.ok())
                return done(listed.error());
            QStringList ids;
            for (const auto &subscription : listed.value()) {
                // Disabled and deleted subscriptions answer every list with an error.
                if (subscription.state != QLatin1String("Disabled")
                    && subscription.state != QLatin1String("Deleted"))
                    ids.append(subscription.id);
            }
            done(ids);
        });
}

void AzureProvider::verify(Callback<QString> done)
{
    m_token->renew([this, done](const Result<void> &signedIn) {
        if (!signedIn.ok())
            return done(signedIn.error());
        list<AzureParser::Subscription>(
            QStringLiteral("/subscriptions"), AzureRequests::subscriptionsVersion, {},
            &AzureParser::subscriptions,
            [this, done](Result<QList<AzureParser::Subscription>> listed) {
                if (!listed.ok())
                    return done(listed.error());
                const QString client =
                    account().settings.value(QStringLiteral("clientId")).toString().trimmed();
                if (listed.value().isEmpty())
                    return done(Error(Error::Forbidden,
                                      tr("The service principal %1 signs in but can read no "
                                         "subscription. Give it a role (e.g. Virtual Machine "
                                         "Contributor) on the subscriptions CloudDeck should "
                                         "show.")
                                          .arg(client)));
                done(tr("service principal %1, %n subscription(s)", nullptr,
                        int(listed.value().size()))
                         .arg(client));
            });
    });
}

void AzureProvider::listMachines(Callback<QList<Machine>> done)
{
    subscriptionsInScope([this, done](Result<QStringList> subscriptions) {
        if (!subscriptions.ok())
            return done(subscriptions.error());
        if (subscriptions.value().isEmpty())
            return post([done] { done(QList<Machine>()); });
        RegionFanOut::run<Machine>(
            subscriptions.value(),
            [this](const QString &subscription, Callback<QList<Machine>> listed) {
                listSubscription(subscription, std::move(listed));
            },
            [this, done](Result<QList<Machine>> machines) {
                if (!machines.ok())
                    return done(machines.error());
                for (Machine &machine : machines.value()) {
                    machine.accountId = account().id;
                    machine.providerId = metadata().id;
                }
                m_prices->apply(machines.takeValue(), done);
            });
    });
}

void AzureProvider::listSubscription(const QString &subscription, Callback<QList<Machine>> done)
{
    struct Join
    {
        std::optional<QList<AzureParser::Vm>> vms;
        std::optional<QList<AzureParser::VmStatus>> statuses;
        std::optional<QList<AzureParser::Nic>> nics;
        std::optional<QList<AzureParser::PublicIp>> ips;
        bool failed = false;
        Callback<QList<Machine>> done;
    };
    auto join = std::make_shared<Join>();
    join->done = std::move(done);
    const auto finish = [join, subscription] {
        if (join->failed || !join->vms || !join->statuses || !join->nics || !join->ips)
            return;
        QHash<QString, AzureParser::VmStatus> statuses;
        for (const auto &status : std::as_const(*join->statuses))
            statuses.insert(status.id, status);
        QHash<QString, AzureParser::PublicIp> ips;
        for (const auto &ip : std::as_const(*join->ips))
            ips.insert(ip.id, ip);
        QHash<QString, AzureParser::Nic> nics;
        for (const auto &nic : std::as_const(*join->nics))
            nics.insert(nic.id, nic);
        QList<Machine> machines;
        for (const AzureParser::Vm &vm : std::as_const(*join->vms)) {
            Machine machine = vm.machine;
            const auto status = statuses.constFind(machine.id.toLower());
            if (status != statuses.constEnd()) {
                machine.state = AzureParser::state(status->power, status->provisioning);
                machine.providerState = AzureParser::stateText(status->power, status->provisioning);
                // Deallocated, unlike "stopped (still allocated)", is not billed for compute:
                // the cost view reads this (Billing's "stopped": "full" is for the allocated one).
                if (status->power == QLatin1String("deallocated"))
                    machine.extra.insert(QStringLiteral("computeReleased"), true);
            }
            for (const QString &nicId : vm.nicIds) {
                const auto nic = nics.constFind(nicId);
                if (nic == nics.constEnd())
                    continue;
                machine.privateIpv4 += nic->privateIpv4;
                machine.privateIpv6 += nic->privateIpv6;
                for (const QString &ipId : nic->publicIpIds) {
                    const auto ip = ips.constFind(ipId);
                    if (ip != ips.constEnd() && !ip->address.isEmpty())
                        (ip->ipv6 ? machine.publicIpv6 : machine.publicIpv4).append(ip->address);
                }
            }
            machines.append(std::move(machine));
        }
        join->done(std::move(machines));
    };
    const auto fail = [join, subscription](const Error &error) {
        if (std::exchange(join->failed, true))
            return;
        Error named(error.kind(), tr("%1 (subscription %2)").arg(error.message(), subscription),
                    error.httpStatus());
        named.setProviderCode(error.providerCode());
        named.setRetryAfterSeconds(error.retryAfterSeconds());
        join->done(named);
    };
    const QString base = QStringLiteral("/subscriptions/") + subscription;
    list<AzureParser::Vm>(base + QLatin1String("/providers/Microsoft.Compute/virtualMachines"),
                          AzureRequests::computeVersion, {}, &AzureParser::virtualMachines,
                          [join, finish, fail](Result<QList<AzureParser::Vm>> vms) {
                              if (!vms.ok())
                                  return fail(vms.error());
                              join->vms = vms.takeValue();
                              finish();
                          });
    list<AzureParser::VmStatus>(
        base + QLatin1String("/providers/Microsoft.Compute/virtualMachines"),
        AzureRequests::computeVersion, {{QStringLiteral("statusOnly"), QStringLiteral("true")}},
        &AzureParser::statuses,
        [join, finish, fail](Result<QList<AzureParser::VmStatus>> statuses) {
            if (!statuses.ok())
                return fail(statuses.error());
            join->statuses = statuses.takeValue();
            finish();
        });
    list<AzureParser::Nic>(base + QLatin1String("/providers/Microsoft.Network/networkInterfaces"),
                           AzureRequests::networkVersion, {}, &AzureParser::networkInterfaces,
                           [join, finish, fail](Result<QList<AzureParser::Nic>> nics) {
                               if (!nics.ok())
                                   return fail(nics.error());
                               join->nics = nics.takeValue();
                               finish();
                           });
    list<AzureParser::PublicIp>(
        base + QLatin1String("/providers/Microsoft.Network/publicIPAddresses"),
        AzureRequests::networkVersion, {}, &AzureParser::publicIps,
        [join, finish, fail](Result<QList<AzureParser::PublicIp>> ips) {
            if (!ips.ok())
                return fail(ips.error());
            join->ips = ips.takeValue();
            finish();
        });
}
