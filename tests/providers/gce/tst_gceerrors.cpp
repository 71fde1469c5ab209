// Every error kind with Google's own error bodies ({"error": {"code", "message", "errors":
// [{"reason"}], "status"}}, the shape of googleapis' google.rpc.Status as Compute Engine v1
// returns it), through the checks every provider shares (providererrorchecks.h).
#include "fakegce.h"
#include "gceprovider.h"
#include "providererrorchecks.h"

class TestGceErrors : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<FakeGce> m_fake;

    ErrorScenario scenario()
    {
        ErrorScenario result;
        result.server = m_server.get();
        result.machinesPath = FakeGce::path(QStringLiteral("/aggregated/instances"));
        result.makeProvider = [this](const FakeCloudServer &) -> std::unique_ptr<Provider> {
            return m_fake->provider();
        };
        return result;
    }
    static QString actionPath()
    {
        return FakeGce::path(
            QStringLiteral("/zones/us-central1-a/instances/4567890123456789012/start"));
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeCloudServer>();
        QVERIFY(m_server->listen());
        m_fake = std::make_unique<FakeGce>(*m_server);
        m_fake->serveFixtures();
    }
    void cleanup()
    {
        QVERIFY2(m_fake->failures().isEmpty(),
                 qPrintable(m_fake->failures().join(QLatin1Char('\n'))));
        m_fake.reset();
        m_server.reset();
    }

    void eachHttpErrorIsItsKind_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("status");
        QTest::addColumn<Error::Kind>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("403 forbidden")
            << QStringLiteral("error_permission_denied") << 403 << Error::Forbidden
            << QStringLiteral("Required 'compute.instances.list' permission");
        QTest::newRow("403 API disabled")
            << QStringLiteral("error_api_disabled") << 403 << Error::Forbidden
            << QStringLiteral("Compute Engine API has not been used");
        QTest::newRow("404") << QStringLiteral("error_not_found") << 404 << Error::NotFound
                             << QStringLiteral("was not found");
        QTest::newRow("400 invalid")
            << QStringLiteral("error_invalid_argument") << 400 << Error::BadRequest
            << QStringLiteral("Invalid value for field");
        QTest::newRow("400 not ready") << QStringLiteral("error_resource_not_ready") << 400
                                       << Error::BadRequest << QStringLiteral("is not ready");
        QTest::newRow("500") << QStringLiteral("error_internal") << 500 << Error::Server
                             << QStringLiteral("Internal error");
    }
    void eachHttpErrorIsItsKind()
    {
        QFETCH(QString, fixture);
        QFETCH(int, status);
        QFETCH(Error::Kind, kind);
        QFETCH(QString, reason);
        ProviderErrorChecks::httpError(scenario(), FakeGce::fixture(fixture, status), status, kind,
                                       reason, actionPath(), QStringLiteral("4567890123456789012"),
                                       MachineAction::Start);
    }

    void unauthenticatedIsAnAuthErrorAfterOneRenewal()
    {
        m_server->on("GET", scenario().machinesPath,
                     FakeGce::fixture(QStringLiteral("error_unauthenticated"), 401));
        const auto provider = m_fake->provider();
        const auto outcome = ProviderTesting::listMachines(*provider);
        QCOMPARE(outcome->error().kind(), Error::Auth);
        QCOMPARE(outcome->error().httpStatus(), 401);
        QVERIFY(outcome->error().message().contains(
            QLatin1String("invalid authentication credentials")));
        QCOMPARE(m_fake->grants(), 2);
    }

    void throttlingIsRateLimited_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("words");
        QTest::newRow("403 rateLimitExceeded")
            << QStringLiteral("error_rate_limit") << 403 << QStringLiteral("Quota exceeded");
        QTest::newRow("429 RESOURCE_EXHAUSTED") << QStringLiteral("error_resource_exhausted") << 429
                                                << QStringLiteral("Rate Limit Exceeded");
    }
    void throttlingIsRateLimited()
    {
        QFETCH(QString, fixture);
        QFETCH(int, status);
        QFETCH(QString, words);
        ProviderErrorChecks::persistentRateLimit(scenario(), FakeGce::fixture(fixture, status),
                                                 words);
    }

    void unavailableIsRetriedThenAServerError()
    {
        m_server->on("GET", scenario().machinesPath,
                     FakeGce::fixture(QStringLiteral("error_unavailable"), 503));
        const auto provider = m_fake->provider();
        const auto outcome = ProviderTesting::listMachines(*provider);
        QCOMPARE(outcome->error().kind(), Error::Server);
        QVERIFY(outcome->error().message().contains(QLatin1String("currently unavailable")));
        QCOMPARE(m_server->requests("GET", scenario().machinesPath).size(), 3);
    }

    void aFailedLaterPageFailsTheList()
    {
        ProviderErrorChecks::failedLaterPage(
            scenario(), FakeGce::fixture(QStringLiteral("instances_aggregated_page1")),
            [](const RecordedRequest &request) {
                return !request.query.hasQueryItem(QStringLiteral("pageToken"));
            },
            FakeGce::fixture(QStringLiteral("error_internal"), 500), Error::Server);
    }

    void aTruncatedPageIsAnInvalidReply()
    {
        ProviderErrorChecks::truncatedList(
            scenario(), FakeGce::fixture(QStringLiteral("instances_aggregated_page2")));
    }

    void wrongShapes_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("valid");
        QTest::newRow("not json") << QByteArray("<html>") << false;
        QTest::newRow("items a list") << QByteArray("{\"items\": []}") << false;
        QTest::newRow("scope a string") << QByteArray("{\"items\": {\"zones/a\": \"x\"}}") << false;
        QTest::newRow("instances an object")
            << QByteArray("{\"items\": {\"zones/a\": {\"instances\": {}}}}") << false;
        QTest::newRow("instance without id")
            << QByteArray("{\"items\": {\"zones/a\": {\"instances\": [{\"name\": \"x\"}]}}}")
            << false;
        QTest::newRow("instance with a text id") << QByteArray(
            "{\"items\": {\"zones/a\": {\"instances\": [{\"id\": \"x\", \"name\": \"x\"}]}}}")
                                                 << false;
        QTest::newRow("empty project")
            << QByteArray("{\"kind\": \"compute#instanceAggregatedList\"}") << true;
        QTest::newRow("odd fields")
            << QByteArray("{\"items\": {\"zones/us-east1-b\": {\"instances\": [{\"id\": \"12\", "
                          "\"name\": \"x\", \"status\": 7, \"labels\": [1], \"networkInterfaces\": "
                          "{\"a\": 1}, \"disks\": \"d\", \"tags\": {\"items\": [1, \"t\"]}}]}}}")
            << true;
    }
    void wrongShapes()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, valid);
        ProviderErrorChecks::wrongShape(scenario(), body, valid, [](const Machine &machine) {
            QVERIFY(!machine.id.isEmpty());
            QVERIFY(!machine.name.isEmpty());
        });
    }

    void aSilentServerTimesOut()
    {
        ProviderErrorChecks::timesOut(scenario(), FakeGce::path(QString()),
                                      FakeGce::fixture(QStringLiteral("project")));
    }

    void aSilentTokenEndpointTimesOut()
    {
        m_server->on("POST", QStringLiteral("/token"),
                     FakeGce::fixture(QStringLiteral("token")).withDelay(5000));
        const auto provider = m_fake->provider();
        provider->http()->setTimeoutMs(300);
        const auto outcome = ProviderTesting::verify(*provider);
        QCOMPARE(outcome->error().kind(), Error::Timeout);
    }
};

QTEST_GUILESS_MAIN(TestGceErrors)
#include "tst_gceerrors.moc"
