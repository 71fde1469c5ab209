#include "fakedigitalocean.h"

#include "account.h"
#include "digitaloceanprovider.h"
#include "testhelpers.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>

namespace {
QString fixturePath(const QString &name)
{
    return QStringLiteral("digitalocean/") + name + QStringLiteral(".json");
}
} // namespace

FakeDigitalOcean::FakeDigitalOcean(FakeCloudServer &server)
    : m_server(server)
{ }

QJsonObject FakeDigitalOcean::fixture(const QString &name)
{
    return readJsonFixture(fixturePath(name)).object();
}

FakeResponse FakeDigitalOcean::reply(const QString &name, int status)
{
    // Plenty of budget left: these headers must not slow a test down.
    const QByteArray reset = QByteArray::number(QDateTime::currentSecsSinceEpoch() + 60);
    return FakeResponse::file(fixturePath(name), status)
        .withHeader("ratelimit-limit", "5000")
        .withHeader("ratelimit-remaining", "4816")
        .withHeader("ratelimit-reset", reset);
}

QByteArray FakeDigitalOcean::bearer()
{
    return QByteArray("Bearer ") + token;
}

QStringList FakeDigitalOcean::pagesRequested(const QList<RecordedRequest> &requests)
{
    QStringList pages;
    for (const RecordedRequest &request : requests)
        pages.append(request.query.queryItemValue(QStringLiteral("page")));
    return pages;
}

FakeResponse FakeDigitalOcean::page(const RecordedRequest &request, const QStringList &pages)
{
    const int number = request.query.queryItemValue(QStringLiteral("page")).toInt();
    if (number < 1 || number > pages.size())
        return reply(QStringLiteral("error_not_found"), 404);
    return reply(pages.at(number - 1));
}

void FakeDigitalOcean::serveFixtures()
{
    const auto paged = [](const QStringList &pages) {
        return [pages](const RecordedRequest &request) {
            return page(request, pages);
        };
    };
    m_server.on("GET", QStringLiteral("/v2/droplets"),
                paged({QStringLiteral("droplets_page1"), QStringLiteral("droplets_page2"),
                       QStringLiteral("droplets_page3")}));
    m_server.on("GET", QStringLiteral("/v2/regions"),
                paged({QStringLiteral("regions_page1"), QStringLiteral("regions_page2")}));
    m_server.on("GET", QStringLiteral("/v2/sizes"),
                paged({QStringLiteral("sizes_page1"), QStringLiteral("sizes_page2")}));
    m_server.on("GET", QStringLiteral("/v2/images"), [](const RecordedRequest &request) {
        if (request.query.queryItemValue(QStringLiteral("type")) == QLatin1String("distribution")) {
            return page(request, {QStringLiteral("images_distribution_page1"),
                                  QStringLiteral("images_distribution_page2")});
        }
        if (request.query.queryItemValue(QStringLiteral("private")) == QLatin1String("true"))
            return page(request, {QStringLiteral("images_private")});
        return reply(QStringLiteral("error_unprocessable_entity"), 422);
    });
    m_server.on("GET", QStringLiteral("/v2/account/keys"),
                paged({QStringLiteral("ssh_keys_page1"), QStringLiteral("ssh_keys_page2")}));
    m_server.on("GET", QStringLiteral("/v2/account"), reply(QStringLiteral("account")));
    m_server.on("POST", QStringLiteral("/v2/droplets/*/actions"),
                reply(QStringLiteral("action_in_progress"), 201));
    m_server.on("GET", QStringLiteral("/v2/actions/*"), [polls = m_actionPolls](const auto &) {
        return reply(++*polls < 2 ? QStringLiteral("action_in_progress")
                                  : QStringLiteral("action_completed"));
    });
    m_server.on("DELETE", QStringLiteral("/v2/droplets/*"), FakeResponse::raw(204, {}, {}));
    m_server.on("POST", QStringLiteral("/v2/droplets"),
                reply(QStringLiteral("droplet_create_response"), 202));
}

ProviderMetadata FakeDigitalOcean::metadata()
{
    // The plugin's own JSON, as ProviderRegistry would hand it over.
    QFile file(QStringLiteral(DIGITALOCEAN_METADATA));
    if (!file.open(QIODevice::ReadOnly))
        QTest::qFail("cannot read digitalocean.json", __FILE__, __LINE__);
    return ProviderMetadata::fromJson(QJsonDocument::fromJson(file.readAll()).object());
}

Account FakeDigitalOcean::account() const
{
    Account account;
    account.id = Account::newId();
    account.providerId = QStringLiteral("digitalocean");
    account.name = QStringLiteral("Test team");
    account.endpoint = m_server.url();
    return account;
}

std::unique_ptr<DigitalOceanProvider> FakeDigitalOcean::provider() const
{
    const ProviderMetadata metadata = FakeDigitalOcean::metadata();
    auto provider = std::make_unique<DigitalOceanProvider>(
        metadata, account(), QVariantMap {{QStringLiteral("token"), QString::fromLatin1(token)}});
    provider->setPageSize(2);
    provider->setActionPollIntervalMs(10);
    // Retries are HttpClient's own tests; here they would only make error tests slow.
    HttpClient::RetryPolicy policy;
    policy.baseDelayMs = 10;
    provider->http()->setRetryPolicy(policy);
    return provider;
}
