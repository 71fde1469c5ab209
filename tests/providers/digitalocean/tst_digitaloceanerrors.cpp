// DigitalOceanProvider when things go wrong: DigitalOcean's error statuses and bodies, its
// rate-limit headers, timeouts, cut-off and wrongly shaped replies. Each must end in one clear
// Error, never a crash, never a partial list.
#include "digitaloceanprovider.h"
#include "digitaloceantestcase.h"
#include "fakedigitalocean.h"
#include "providertesting.h"
#include "testhelpers.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
QByteArray epochIn(int seconds)
{
    return QByteArray::number(QDateTime::currentSecsSinceEpoch() + seconds);
}
} // namespace

class TestDigitalOceanErrors : public DigitalOceanTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void statusBecomesError_data();
    void statusBecomesError();
    void actionOnAMissingDroplet();
    void createRejectedWithItsMessage();
    void rateLimitedThenServed();
    void rateLimitedToTheEnd();
    void lowBudgetPacesTheNextRequests();
    void serverErrorIsNotRetriedForAPost();
    void unavailableIsRetriedForAGet();
    void timesOut();
    void truncatedBody();
    void truncatedLaterPageLosesNothing();
    void connectionClosed();
    void wrongShape_data();
    void wrongShape();
    void wrongShapeOfOtherReplies();

private:
    void noRetries()
    {
        HttpClient::RetryPolicy policy;
        policy.maxRetries = 0;
        m_provider->http()->setRetryPolicy(policy);
    }
};

void TestDigitalOceanErrors::statusBecomesError_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("401") << 401 << "error_unauthorized" << Error::Auth << "unauthorized"
                         << "Unable to authenticate you.";
    QTest::newRow("403") << 403 << "error_forbidden" << Error::Forbidden << "forbidden"
                         << "You do not have permission to perform this action.";
    QTest::newRow("404") << 404 << "error_not_found" << Error::NotFound << "not_found"
                         << "The resource you requested could not be found.";
    QTest::newRow("422") << 422 << "error_unprocessable_entity" << Error::BadRequest
                         << "unprocessable_entity"
                         << "request payload validation failed";
    QTest::newRow("500") << 500 << "error_server_error" << Error::Server << "server_error"
                         << "Unexpected server-side error";
}

void TestDigitalOceanErrors::statusBecomesError()
{
    QFETCH(int, status);
    QFETCH(QString, fixture);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, code);
    QFETCH(QString, message);
    m_server->on("GET", QStringLiteral("/v2/droplets"), FakeDigitalOcean::reply(fixture, status));
    const auto result = list();
    QVERIFY(result);
    QVERIFY(!result->ok());
    const Error &error = result->error();
    QCOMPARE(error.kind(), kind);
    QCOMPARE(error.httpStatus(), status);
    QCOMPARE(error.providerCode(), code);
    // DigitalOcean's own words, inside our sentence that says what to do.
    QVERIFY2(error.message().contains(message), qPrintable(error.message()));
    QVERIFY(error.message().size() > message.size());
    QVERIFY(!error.message().contains(QLatin1String(FakeDigitalOcean::token)));
    QCOMPARE(m_server->requestCount(), 1); // none of these is worth a retry

    // The same for verify, which the add-account flow shows.
    m_server->on("GET", QStringLiteral("/v2/account"), FakeDigitalOcean::reply(fixture, status));
    const auto verified =
        AsyncResult::await<QString>([this](auto done) { m_provider->verify(done); });
    QVERIFY(verified);
    QVERIFY(!verified->ok());
    QCOMPARE(verified->error().kind(), kind);
    QCOMPARE(verified->error().providerCode(), code);
}

void TestDigitalOceanErrors::actionOnAMissingDroplet()
{
    m_server->on("POST", QStringLiteral("/v2/droplets/*/actions"),
                 FakeDigitalOcean::reply(QStringLiteral("error_not_found"), 404));
    const auto result = AsyncResult::await<void>([this](auto done) {
        ProviderTesting::runAndFollow(*m_provider, QStringLiteral("999"), MachineAction::Reboot,
                                      done);
    });
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind(), Error::NotFound);
    QCOMPARE(result->error().providerCode(), QStringLiteral("not_found"));
    QCOMPARE(m_server->requests("GET", QStringLiteral("/v2/actions/*")).size(), 0);
}

void TestDigitalOceanErrors::createRejectedWithItsMessage()
{
    m_server->on("POST", QStringLiteral("/v2/droplets"),
                 FakeDigitalOcean::reply(QStringLiteral("error_unprocessable_entity"), 422));
    CreateMachineRequest request;
    request.name = QStringLiteral("bad size");
    request.size = QStringLiteral("s-1vcpu-1tb");
    request.image = QStringLiteral("ubuntu-20-04-x64");
    const auto result = AsyncResult::await<Machine>(
        [this, request](auto done) { m_provider->createMachine(request, done); });
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind(), Error::BadRequest);
    QCOMPARE(result->error().httpStatus(), 422);
    QVERIFY2(result->error().message().contains(QLatin1String("request payload validation failed")),
             qPrintable(result->error().message()));
    QCOMPARE(m_server->requestCount(), 1); // a POST is never sent twice
}

void TestDigitalOceanErrors::rateLimitedThenServed()
{
    // The burst limit as the reference shows it: remaining 0 and retry-after, then served.
    auto times = std::make_shared<QList<qint64>>();
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    auto served = std::make_shared<int>(0);
    m_server->on("GET", QStringLiteral("/v2/droplets"),
                 [times, clock, served](const RecordedRequest &request) {
                     times->append(clock->elapsed());
                     if ((*served)++ == 0) {
                         return FakeDigitalOcean::reply(QStringLiteral("error_too_many_requests"),
                                                        429)
                             .withHeader("ratelimit-limit", "5000")
                             .withHeader("ratelimit-remaining", "0")
                             .withHeader("ratelimit-reset", epochIn(1))
                             .withHeader("retry-after", "1");
                     }
                     return FakeDigitalOcean::page(request, {QStringLiteral("droplets_page1"),
                                                             QStringLiteral("droplets_page2"),
                                                             QStringLiteral("droplets_page3")});
                 });
    const auto result = list();
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(AsyncResult::describe(result->error())));
    QCOMPARE(result->value().size(), 5);
    QCOMPARE(times->size(), 4);
    // Nothing was sent again before retry-after had passed.
    QVERIFY2(times->at(1) - times->at(0) >= 950, qPrintable(QString::number(times->at(1))));
    QCOMPARE(m_server->requests().at(1).query.queryItemValue(QStringLiteral("page")),
             QStringLiteral("1"));
}

void TestDigitalOceanErrors::rateLimitedToTheEnd()
{
    HttpClient::RetryPolicy policy;
    policy.maxRetries = 1;
    m_provider->http()->setRetryPolicy(policy);
    m_server->on("GET", QStringLiteral("/v2/droplets"),
                 FakeDigitalOcean::reply(QStringLiteral("error_too_many_requests"), 429)
                     .withHeader("ratelimit-limit", "5000")
                     .withHeader("ratelimit-remaining", "0")
                     .withHeader("ratelimit-reset", epochIn(1))
                     .withHeader("retry-after", "1"));
    const auto result = list();
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind(), Error::RateLimited);
    QCOMPARE(result->error().httpStatus(), 429);
    QCOMPARE(result->error().providerCode(), QStringLiteral("too_many_requests"));
    QCOMPARE(result->error().retryAfterSeconds(), 1);
    QVERIFY2(result->error().message().contains(QLatin1String("API rate limit exceeded.")),
             qPrintable(result->error().message()));
    QCOMPARE(m_server->requestCount(), 2);
    const std::optional<RateLimit> limit = m_provider->http()->lastRateLimit();
    QVERIFY(limit.has_value());
    QCOMPARE(limit->limit, 5000);
    QCOMPARE(limit->remaining, 0);
}

void TestDigitalOceanErrors::lowBudgetPacesTheNextRequests()
{
    // Page 1 says two requests are left until the oldest one expires in about 4 s: the next
    // pages are spread over that time instead of being sent at once into a 429.
    auto times = std::make_shared<QList<qint64>>();
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    m_server->on(
        "GET", QStringLiteral("/v2/droplets"), [times, clock](const RecordedRequest &request) {
            times->append(clock->elapsed());
            FakeResponse response = FakeDigitalOcean::page(
                request, {QStringLiteral("droplets_page1"), QStringLiteral("droplets_page2"),
                          QStringLiteral("droplets_page3")});
            if (times->size() == 1) {
                response.withHeader("ratelimit-remaining", "2")
                    .withHeader("ratelimit-reset", epochIn(4));
            }
            return response;
        });
    const auto result = list();
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(AsyncResult::describe(result->error())));
    QCOMPARE(times->size(), 3);
    // (3..4 s until reset) / (2 left + 1): at least a second before page 2.
    QVERIFY2(times->at(1) - times->at(0) >= 950,
             qPrintable(QStringLiteral("page 2 after %1 ms").arg(times->at(1) - times->at(0))));
}

void TestDigitalOceanErrors::serverErrorIsNotRetriedForAPost()
{
    m_server->on("POST", QStringLiteral("/v2/droplets/*/actions"),
                 FakeDigitalOcean::reply(QStringLiteral("error_server_error"), 503));
    const auto result = AsyncResult::await<void>([this](auto done) {
        ProviderTesting::runAndFollow(*m_provider, QStringLiteral("3164444"),
                                      MachineAction::PowerOff, done);
    });
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind(), Error::Server);
    QCOMPARE(result->error().httpStatus(), 503);
    QCOMPARE(m_server->requestCount(), 1); // the droplet may have been switched off already
}

void TestDigitalOceanErrors::unavailableIsRetriedForAGet()
{
    m_server->enqueue("GET", QStringLiteral("/v2/droplets"),
                      FakeDigitalOcean::reply(QStringLiteral("error_server_error"), 503));
    const auto result = list();
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(AsyncResult::describe(result->error())));
    QCOMPARE(result->value().size(), 5);
    QCOMPARE(m_server->requestCount(), 4);
}

void TestDigitalOceanErrors::timesOut()
{
    noRetries();
    m_provider->http()->setTimeoutMs(200);
    m_server->on("GET", QStringLiteral("/v2/droplets"),
                 FakeDigitalOcean::reply(QStringLiteral("droplets_page1")).withDelay(3000));
    const auto result = list();
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind(), Error::Timeout);
    QVERIFY2(result->error().message().contains(QLatin1String("127.0.0.1")),
             qPrintable(result->error().message()));
}

void TestDigitalOceanErrors::truncatedBody()
{
    noRetries();
    m_server->on("GET", QStringLiteral("/v2/droplets"),
                 FakeDigitalOcean::reply(QStringLiteral("droplets_page1"))
                     .withFault(FakeResponse::Fault::Truncate));
    const auto result = list();
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind(), Error::Network); // the connection broke off mid-reply
    QVERIFY(!result->error().message().isEmpty());

    // A body that is complete as far as HTTP goes but stops mid-JSON.
    const QByteArray page = readFixture(QStringLiteral("digitalocean/droplets_page1.json"));
    m_server->on("GET", QStringLiteral("/v2/droplets"),
                 FakeResponse::raw(200, page.left(page.size() / 2)));
    const auto cut = list();
    QVERIFY(cut);
    QVERIFY(!cut->ok());
    QCOMPARE(cut->error().kind(), Error::InvalidReply);
}

void TestDigitalOceanErrors::truncatedLaterPageLosesNothing()
{
    // Page 3 breaks: the listing fails as a whole rather than returning pages 1-2 as if they
    // were everything (which would make droplets on page 3 look deleted).
    noRetries();
    m_server->on("GET", QStringLiteral("/v2/droplets"), [](const RecordedRequest &request) {
        FakeResponse response = FakeDigitalOcean::page(request, {QStringLiteral("droplets_page1"),
                                                                 QStringLiteral("droplets_page2"),
                                                                 QStringLiteral("droplets_page3")});
        if (request.query.queryItemValue(QStringLiteral("page")) == QLatin1String("3"))
            response.withFault(FakeResponse::Fault::Truncate);
        return response;
    });
    const auto result = list();
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind(), Error::Network);
    QCOMPARE(m_server->requestCount(), 3);
}

void TestDigitalOceanErrors::connectionClosed()
{
    noRetries();
    m_server->on("GET", QStringLiteral("/v2/droplets"),
                 FakeDigitalOcean::reply(QStringLiteral("droplets_page1"))
                     .withFault(FakeResponse::Fault::Close));
    const auto result = list();
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind(), Error::Network);
}

void TestDigitalOceanErrors::wrongShape_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");

    const QJsonObject page = FakeDigitalOcean::fixture(QStringLiteral("droplets_page3"));
    const QJsonObject droplet = page.value(QLatin1String("droplets")).toArray().at(0).toObject();
    const auto withDroplet = [&page](const QJsonObject &changed) {
        QJsonObject copy = page;
        copy.insert(QStringLiteral("droplets"), QJsonArray {changed});
        return QJsonDocument(copy).toJson(QJsonDocument::Compact);
    };
    const auto withField = [&](const QString &field, const QJsonValue &value) {
        QJsonObject changed = droplet;
        changed.insert(field, value);
        return withDroplet(changed);
    };
    QJsonObject noId = droplet;
    noId.remove(QStringLiteral("id"));
    QJsonObject noNetworks = droplet;
    noNetworks.remove(QStringLiteral("networks"));
    QJsonObject nullIp = droplet;
    nullIp.insert(QStringLiteral("networks"),
                  QJsonObject {{QStringLiteral("v4"),
                                QJsonArray {QJsonObject {
                                    {QStringLiteral("ip_address"), QJsonValue::Null},
                                    {QStringLiteral("type"), QStringLiteral("public")}}}}});
    QJsonObject linksString = page;
    linksString.insert(QStringLiteral("links"), QStringLiteral("next"));

    QTest::newRow("droplets is a string") << QByteArray(R"({"droplets":"none"})") << "list";
    QTest::newRow("droplets missing") << QByteArray(R"({"meta":{"total":0}})") << "list";
    QTest::newRow("droplet is a string")
        << QByteArray(R"({"droplets":["3164444"]})") << "not an object";
    QTest::newRow("droplet is null") << QByteArray(R"({"droplets":[null]})") << "not an object";
    QTest::newRow("missing id") << withDroplet(noId) << "no id";
    QTest::newRow("id is an object") << withField(QStringLiteral("id"), QJsonObject()) << "no id";
    QTest::newRow("region is a string")
        << withField(QStringLiteral("region"), QStringLiteral("nyc3")) << "region";
    QTest::newRow("size is a number") << withField(QStringLiteral("size"), 5) << "size";
    QTest::newRow("image is a list") << withField(QStringLiteral("image"), QJsonArray()) << "image";
    QTest::newRow("networks missing") << withDroplet(noNetworks) << "networks";
    QTest::newRow("networks null")
        << withField(QStringLiteral("networks"), QJsonValue::Null) << "networks";
    QTest::newRow("networks a string")
        << withField(QStringLiteral("networks"), QStringLiteral("10.0.0.1")) << "networks";
    QTest::newRow("v4 null") << withField(QStringLiteral("networks"),
                                          QJsonObject {{QStringLiteral("v4"), QJsonValue::Null}})
                             << "networks.v4";
    QTest::newRow("ip null") << withDroplet(nullIp) << "address";
    QTest::newRow("links a string") << QJsonDocument(linksString).toJson() << "links";
    QTest::newRow("next without page")
        << QByteArray(R"({"droplets":[],"links":{"pages":{"next":"https://x/v2/droplets"}}})")
        << "page number";
    QTest::newRow("array body") << QByteArray("[]") << "not an object";
    QTest::newRow("html body") << QByteArray("<html><body>Bad gateway</body></html>")
                               << "not valid JSON";
}

void TestDigitalOceanErrors::wrongShape()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    m_server->on("GET", QStringLiteral("/v2/droplets"), FakeResponse::raw(200, body));
    const auto result = list();
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind(), Error::InvalidReply);
    QVERIFY2(result->error().message().contains(mentions), qPrintable(result->error().message()));
}

void TestDigitalOceanErrors::wrongShapeOfOtherReplies()
{
    // Actions, create, verify and catalogs read other objects; each fails the same clear way.
    m_server->on("POST", QStringLiteral("/v2/droplets/*/actions"),
                 FakeResponse::raw(201, R"({"action":"in-progress"})"));
    const auto action = AsyncResult::await<void>([this](auto done) {
        ProviderTesting::runAndFollow(*m_provider, QStringLiteral("3164444"), MachineAction::Start,
                                      done);
    });
    QVERIFY(action && !action->ok());
    QCOMPARE(action->error().kind(), Error::InvalidReply);

    m_server->on("POST", QStringLiteral("/v2/droplets"),
                 FakeResponse::raw(202, R"({"droplet":null,"links":{"actions":[]}})"));
    CreateMachineRequest request;
    request.name = QStringLiteral("x");
    request.size = QStringLiteral("s-1vcpu-1gb");
    request.image = QStringLiteral("ubuntu-20-04-x64");
    const auto created = AsyncResult::await<Machine>(
        [this, request](auto done) { m_provider->createMachine(request, done); });
    QVERIFY(created && !created->ok());
    QCOMPARE(created->error().kind(), Error::InvalidReply);

    m_server->on("GET", QStringLiteral("/v2/account"),
                 FakeResponse::raw(200, R"({"account":"sammy"})"));
    const auto verified =
        AsyncResult::await<QString>([this](auto done) { m_provider->verify(done); });
    QVERIFY(verified && !verified->ok());
    QCOMPARE(verified->error().kind(), Error::InvalidReply);

    m_server->on("GET", QStringLiteral("/v2/regions"),
                 FakeResponse::raw(200, R"({"regions":[{"name":"New York 3"}]})"));
    const auto regions =
        AsyncResult::await<QList<Region>>([this](auto done) { m_provider->listRegions(done); });
    QVERIFY(regions && !regions->ok());
    QCOMPARE(regions->error().kind(), Error::InvalidReply);

    m_server->on("GET", QStringLiteral("/v2/images"),
                 FakeResponse::raw(200, R"({"images":{"id":1}})"));
    const auto images =
        AsyncResult::await<QList<Image>>([this](auto done) { m_provider->listImages(done); });
    QVERIFY(images && !images->ok());
    QCOMPARE(images->error().kind(), Error::InvalidReply);

    // An error body that is not DigitalOcean's shape still gives a status-based message.
    m_server->on("GET", QStringLiteral("/v2/sizes"), FakeResponse::raw(401, "<h1>nope</h1>"));
    const auto sizes =
        AsyncResult::await<QList<Size>>([this](auto done) { m_provider->listSizes(done); });
    QVERIFY(sizes && !sizes->ok());
    QCOMPARE(sizes->error().kind(), Error::Auth);
    QVERIFY(sizes->error().providerCode().isEmpty());
    QVERIFY(sizes->error().message().contains(QLatin1String("401")));
}

QTEST_GUILESS_MAIN(TestDigitalOceanErrors)
#include "tst_digitaloceanerrors.moc"
