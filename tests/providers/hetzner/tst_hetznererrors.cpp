// What HetznerProvider makes of everything that goes wrong: Hetzner's error bodies for 401, 403,
// 404, 422, 429 (with its RateLimit-* headers) and 500, a timeout, a body cut off, and replies of
// the wrong shape. Each must end in one clear Error, never a crash and never a partial list.
#include "hetznertesting.h"

#include <QElapsedTimer>
#include <QTest>

using namespace HetznerTesting;

namespace {
FakeResponse errorFixture(int status)
{
    return FakeResponse::file(QStringLiteral("hetzner/error_%1.json").arg(status), status);
}
} // namespace

class TestHetznerErrors : public QObject
{
    Q_OBJECT

private:
    FakeCloudServer *m_server = nullptr;

    std::shared_ptr<AsyncOutcome<QList<Machine>>> listMachines(HetznerProvider &provider)
    {
        return AsyncResult::run<QList<Machine>>(
            [&](Callback<QList<Machine>> done) { provider.listMachines(std::move(done)); });
    }
    std::shared_ptr<AsyncOutcome<void>> runAction(HetznerProvider &provider,
                                                  MachineAction::Action action,
                                                  const QString &id = QStringLiteral("42"))
    {
        return AsyncResult::run<void>([&](Callback<void> done) {
            ProviderTesting::runAndFollow(provider, id, action, std::move(done));
        });
    }

private Q_SLOTS:
    void init()
    {
        m_server = new FakeCloudServer(this);
        QVERIFY(m_server->listen());
    }
    void cleanup()
    {
        delete m_server;
        m_server = nullptr;
    }

    void unauthorized()
    {
        m_server->on("GET", QStringLiteral("/v1/servers"), errorFixture(401));
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = listMachines(*provider);
        QVERIFY(outcome->result && !outcome->result->ok());
        const Error &error = outcome->result->error();
        QCOMPARE(error.kind(), Error::Auth);
        QCOMPARE(error.httpStatus(), 401);
        QCOMPARE(error.providerCode(), QStringLiteral("unauthorized"));
        QVERIFY2(error.message().contains(QStringLiteral("unable to authenticate")),
                 qPrintable(error.message()));
        QCOMPARE(m_server->requestCount(), 1); // never retried
        // verify() says the same.
        const auto verified = AsyncResult::run<QString>(
            [&](Callback<QString> done) { provider->verify(std::move(done)); });
        QVERIFY(verified->result && !verified->result->ok());
        QCOMPARE(verified->result->error().kind(), Error::Auth);
    }

    void forbiddenForAReadOnlyToken()
    {
        m_server->on("POST", QStringLiteral("/v1/servers/42/actions/poweroff"), errorFixture(403));
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = runAction(*provider, MachineAction::PowerOff);
        QVERIFY(outcome->result && !outcome->result->ok());
        const Error &error = outcome->result->error();
        QCOMPARE(error.kind(), Error::Forbidden);
        QCOMPARE(error.providerCode(), QStringLiteral("token_readonly"));
        QVERIFY2(error.message().contains(
                     QStringLiteral("The token is only allowed to perform GET requests")),
                 qPrintable(error.message()));
    }

    void notFound()
    {
        m_server->on("DELETE", QStringLiteral("/v1/servers/999"), errorFixture(404));
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = runAction(*provider, MachineAction::Destroy, QStringLiteral("999"));
        QVERIFY(outcome->result && !outcome->result->ok());
        QCOMPARE(outcome->result->error().kind(), Error::NotFound);
        QCOMPARE(outcome->result->error().providerCode(), QStringLiteral("not_found"));
        QVERIFY(outcome->result->error().message().contains(
            QStringLiteral("server with ID '999' not found")));
    }

    void invalidInputOnCreate()
    {
        m_server->on("POST", QStringLiteral("/v1/servers"), errorFixture(422));
        auto provider = HetznerTesting::provider(*m_server);
        CreateMachineRequest request;
        request.name = QStringLiteral("not a hostname!");
        request.size = QStringLiteral("cpx11");
        request.image = QStringLiteral("ubuntu-24.04");
        const auto outcome = AsyncResult::run<Machine>(
            [&](Callback<Machine> done) { provider->createMachine(request, std::move(done)); });
        QVERIFY(outcome->result && !outcome->result->ok());
        const Error &error = outcome->result->error();
        QCOMPARE(error.kind(), Error::BadRequest);
        QCOMPARE(error.httpStatus(), 422);
        QCOMPARE(error.providerCode(), QStringLiteral("invalid_input"));
        QVERIFY2(error.message().contains(
                     QStringLiteral("invalid input in field 'name': is not a valid hostname")),
                 qPrintable(error.message()));
        QCOMPARE(m_server->requestCount(), 1); // a POST is never sent twice
    }

    void rateLimitedWithHetznersHeaders()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const QByteArray fullAt = QByteArray::number(before.addSecs(3600).toSecsSinceEpoch());
        m_server->on("GET", QStringLiteral("/v1/servers"),
                     errorFixture(429)
                         .withHeader("RateLimit-Limit", "3600")
                         .withHeader("RateLimit-Remaining", "0")
                         .withHeader("RateLimit-Reset", fullAt));
        auto provider = HetznerTesting::provider(*m_server);
        HttpClient::RetryPolicy noRetries;
        noRetries.maxRetries = 0;
        provider->http()->setRetryPolicy(noRetries);
        const auto outcome = listMachines(*provider);
        QVERIFY(outcome->result && !outcome->result->ok());
        const Error &error = outcome->result->error();
        QCOMPARE(error.kind(), Error::RateLimited);
        QCOMPARE(error.providerCode(), QStringLiteral("rate_limit_exceeded"));
        QVERIFY(
            error.message().contains(QStringLiteral("limit of 3600 requests per hour reached")));
        const std::optional<RateLimit> limit = provider->http()->lastRateLimit();
        QVERIFY(limit.has_value());
        QCOMPARE(limit->limit, 3600);
        QCOMPARE(limit->remaining, 0);
        // Paced by the refill (one request a second), not held until the budget is full again.
        QVERIFY(limit->reset.isValid());
        QVERIFY2(limit->reset <= QDateTime::currentDateTimeUtc().addSecs(2),
                 qPrintable(limit->reset.toString(Qt::ISODate)));
    }

    void rateLimitedThenServedAfterTheRefill()
    {
        const QByteArray fullAt =
            QByteArray::number(QDateTime::currentDateTimeUtc().addSecs(3600).toSecsSinceEpoch());
        m_server->enqueue("GET", QStringLiteral("/v1/servers"),
                          errorFixture(429)
                              .withHeader("RateLimit-Limit", "3600")
                              .withHeader("RateLimit-Remaining", "0")
                              .withHeader("RateLimit-Reset", fullAt));
        m_server->on("GET", QStringLiteral("/v1/servers"),
                     FakeResponse::file(QStringLiteral("hetzner/servers_page3.json"))
                         .withHeader("RateLimit-Limit", "3600")
                         .withHeader("RateLimit-Remaining", "1")
                         .withHeader("RateLimit-Reset", fullAt));
        auto provider = HetznerTesting::provider(*m_server);
        QElapsedTimer timer;
        timer.start();
        const auto outcome = listMachines(*provider);
        QVERIFY(outcome->result.has_value());
        QVERIFY2(outcome->result->ok(),
                 qPrintable(AsyncResult::describe(outcome->result->error())));
        QCOMPARE(outcome->result->value().size(), 1);
        QCOMPARE(m_server->requestCount(), 2);
        // The retry waited for one refill (about a second), not for the hour until full.
        QVERIFY2(timer.elapsed() >= 800, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(timer.elapsed() < 10'000, qPrintable(QString::number(timer.elapsed())));
    }

    void serverError()
    {
        m_server->on("GET", QStringLiteral("/v1/server_types"), errorFixture(500));
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = AsyncResult::run<QList<Size>>(
            [&](Callback<QList<Size>> done) { provider->listSizes(std::move(done)); });
        QVERIFY(outcome->result && !outcome->result->ok());
        QCOMPARE(outcome->result->error().kind(), Error::Server);
        QCOMPARE(outcome->result->error().providerCode(), QStringLiteral("server_error"));
        QVERIFY(outcome->result->error().message().contains(QStringLiteral("Something crashed")));
    }

    void aFailedLaterPageGivesAnErrorNotAPartialList()
    {
        m_server->on("GET", QStringLiteral("/v1/servers"), [](const RecordedRequest &request) {
            if (request.query.queryItemValue(QStringLiteral("page")) == QLatin1String("1"))
                return FakeResponse::file(QStringLiteral("hetzner/servers_page1.json"));
            return errorFixture(500);
        });
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = listMachines(*provider);
        QVERIFY(outcome->result && !outcome->result->ok());
        QCOMPARE(outcome->result->error().kind(), Error::Server);
        QCOMPARE(outcome->calls, 1);
    }

    void timeout()
    {
        m_server->on(
            "GET", QStringLiteral("/v1/servers"),
            FakeResponse::file(QStringLiteral("hetzner/servers_page3.json")).withDelay(3000));
        auto provider = HetznerTesting::provider(*m_server);
        provider->http()->setTimeoutMs(200);
        HttpClient::RetryPolicy noRetries;
        noRetries.maxRetries = 0;
        provider->http()->setRetryPolicy(noRetries);
        QElapsedTimer timer;
        timer.start();
        const auto outcome = listMachines(*provider);
        QVERIFY(outcome->result && !outcome->result->ok());
        QCOMPARE(outcome->result->error().kind(), Error::Timeout);
        QVERIFY(outcome->result->error().message().contains(QStringLiteral("127.0.0.1")));
        QVERIFY2(timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
    }

    void timeoutWhileFollowingAnAction()
    {
        m_server->on("POST", QStringLiteral("/v1/servers/42/actions/reboot"),
                     FakeResponse::file(QStringLiteral("hetzner/action_running.json"), 201));
        m_server->on("GET", QStringLiteral("/v1/actions/13"),
                     FakeResponse::file(QStringLiteral("hetzner/action_running.json")));
        auto provider = HetznerTesting::provider(*m_server);
        provider->setActionTimeoutMs(100);
        const auto outcome = runAction(*provider, MachineAction::Reboot);
        QVERIFY(outcome->result && !outcome->result->ok());
        QCOMPARE(outcome->result->error().kind(), Error::Timeout);
        QVERIFY(outcome->result->error().message().contains(QStringLiteral("may still complete")));
    }

    void truncatedBody()
    {
        m_server->on("GET", QStringLiteral("/v1/servers"),
                     FakeResponse::file(QStringLiteral("hetzner/servers_page1.json"))
                         .withFault(FakeResponse::Fault::Truncate));
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = listMachines(*provider);
        QVERIFY(outcome->result && !outcome->result->ok());
        QVERIFY2(outcome->result->error().kind() == Error::Network,
                 qPrintable(AsyncResult::describe(outcome->result->error())));
        QVERIFY(!outcome->result->error().message().isEmpty());
        QCOMPARE(m_server->requestCount(), 2); // a GET is retried once (the policy's maximum)
    }

    void truncatedJsonWithAGoodLength()
    {
        // The connection completes, but the JSON itself stops half way.
        const QByteArray body = readFixture(QStringLiteral("hetzner/servers_page1.json"));
        m_server->on("GET", QStringLiteral("/v1/servers"),
                     FakeResponse::raw(200, body.left(body.size() / 2)));
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = listMachines(*provider);
        QVERIFY(outcome->result && !outcome->result->ok());
        QCOMPARE(outcome->result->error().kind(), Error::InvalidReply);
        QVERIFY(outcome->result->error().message().contains(QStringLiteral("not valid JSON")));
    }

    void repliesOfTheWrongShape_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("servers a string") << QByteArray(R"({"servers": "none"})");
        QTest::newRow("servers missing") << QByteArray(R"({"meta": {"pagination": {}}})");
        QTest::newRow("a server without id") << QByteArray(R"({"servers": [{"name": "web-1"}]})");
        QTest::newRow("a server a number") << QByteArray(R"({"servers": [42]})");
        QTest::newRow("a JSON array") << QByteArray(R"([{"id": 42}])");
        QTest::newRow("not JSON") << QByteArray("<html><body>Bad gateway</body></html>");
        QTest::newRow("meta a string") << QByteArray(R"({"servers": [], "meta": "x"})");
        QTest::newRow("next page loops") << QByteArray(
            R"({"servers": [], "meta": {"pagination": {"page": 1, "next_page": 1}}})");
    }
    void repliesOfTheWrongShape()
    {
        QFETCH(QByteArray, body);
        m_server->on("GET", QStringLiteral("/v1/servers"), FakeResponse::raw(200, body));
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = listMachines(*provider);
        QVERIFY(outcome->result && !outcome->result->ok());
        QCOMPARE(outcome->result->error().kind(), Error::InvalidReply);
        QVERIFY(!outcome->result->error().message().isEmpty());
    }

    void actionRepliesOfTheWrongShape_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no action") << QByteArray(R"({})");
        QTest::newRow("action a string") << QByteArray(R"({"action": "running"})");
        QTest::newRow("no status") << QByteArray(R"({"action": {"id": 13}})");
        QTest::newRow("unknown status")
            << QByteArray(R"({"action": {"id": 13, "status": "queued"}})");
    }
    void actionRepliesOfTheWrongShape()
    {
        QFETCH(QByteArray, body);
        m_server->on("POST", QStringLiteral("/v1/servers/42/actions/poweron"),
                     FakeResponse::raw(201, body));
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = runAction(*provider, MachineAction::Start);
        QVERIFY(outcome->result && !outcome->result->ok());
        QCOMPARE(outcome->result->error().kind(), Error::InvalidReply);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void aPolledActionOfTheWrongShape()
    {
        m_server->on("POST", QStringLiteral("/v1/servers/42/actions/poweron"),
                     FakeResponse::file(QStringLiteral("hetzner/action_running.json"), 201));
        m_server->on("GET", QStringLiteral("/v1/actions/13"),
                     FakeResponse::raw(200, R"({"action": null})"));
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = runAction(*provider, MachineAction::Start);
        QVERIFY(outcome->result && !outcome->result->ok());
        QCOMPARE(outcome->result->error().kind(), Error::InvalidReply);
    }

    void aDeleteWithoutAnActionIsDone()
    {
        // The action of DELETE /servers/{id} is not a required field of the reply.
        m_server->on("DELETE", QStringLiteral("/v1/servers/42"), FakeResponse::raw(204, {}));
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = runAction(*provider, MachineAction::Destroy);
        QVERIFY(outcome->result.has_value());
        QVERIFY2(outcome->result->ok(),
                 qPrintable(AsyncResult::describe(outcome->result->error())));
    }

    void createReplyOfTheWrongShape()
    {
        m_server->on("POST", QStringLiteral("/v1/servers"),
                     FakeResponse::raw(201, R"({"server": "new-1", "action": {"id": 1}})"));
        auto provider = HetznerTesting::provider(*m_server);
        CreateMachineRequest request;
        request.name = QStringLiteral("new-1");
        request.size = QStringLiteral("cpx11");
        request.image = QStringLiteral("ubuntu-24.04");
        const auto outcome = AsyncResult::run<Machine>(
            [&](Callback<Machine> done) { provider->createMachine(request, std::move(done)); });
        QVERIFY(outcome->result && !outcome->result->ok());
        QCOMPARE(outcome->result->error().kind(), Error::InvalidReply);
    }

    void anErrorBodyThatIsNotHetznersStillGivesAClearMessage()
    {
        m_server->on(
            "GET", QStringLiteral("/v1/servers"),
            FakeResponse::raw(401, "<html>401 Authorization Required</html>", "text/html"));
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = listMachines(*provider);
        QVERIFY(outcome->result && !outcome->result->ok());
        QCOMPARE(outcome->result->error().kind(), Error::Auth);
        QVERIFY(outcome->result->error().message().contains(QStringLiteral("HTTP 401")));
        QVERIFY(outcome->result->error().providerCode().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHetznerErrors)
#include "tst_hetznererrors.moc"
