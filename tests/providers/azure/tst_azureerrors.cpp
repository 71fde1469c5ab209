// Every error kind with Azure's own error bodies (common-types v1 CloudError, codes as ARM sends
// them; tests/data/azure/error-*.json), through the shared checks of providererrorchecks.h, plus
// what is Azure's alone: the 401 that renews the token once, 429 with Retry-After, and a failed
// sign-in.
#include "azuretesting.h"
#include "providererrorchecks.h"

#include <QTest>

using namespace AzureTesting;
using namespace ProviderTesting;
using namespace Qt::StringLiterals;

class TestAzureErrors : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<FakeAzure> m_azure;

    /// The subscription listing is the first call of a listing: the one the checks fail.
    ErrorScenario scenario()
    {
        ErrorScenario result;
        result.server = m_server.get();
        result.machinesPath = u"/subscriptions"_s;
        result.serveCatalog = [this](FakeCloudServer &) {
            m_azure->serveToken();
        };
        result.makeProvider = [](const FakeCloudServer &server) -> std::unique_ptr<Provider> {
            return provider(server, 2);
        };
        return result;
    }

    static FakeResponse error(int status)
    {
        return FakeResponse::raw(status, fixture(QStringLiteral("error-%1.json").arg(status)));
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeCloudServer>();
        QVERIFY(m_server->listen());
        m_azure = std::make_unique<FakeAzure>(*m_server);
    }
    void cleanup()
    {
        m_azure.reset();
        m_server.reset();
    }

    void httpErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<Error::Kind>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("403") << 403 << Error::Forbidden << u"does not have authorization"_s;
        QTest::newRow("404") << 404 << Error::NotFound << u"was not found"_s;
        QTest::newRow("409") << 409 << Error::BadRequest << u"marked for deletion"_s;
        QTest::newRow("400") << 400 << Error::BadRequest << u"currently not available"_s;
        QTest::newRow("500") << 500 << Error::Server << u"internal server error"_s;
    }
    void httpErrors()
    {
        QFETCH(int, status);
        QFETCH(Error::Kind, kind);
        QFETCH(QString, reason);
        ProviderErrorChecks::httpError(
            scenario(), error(status), status, kind, reason,
            u"/subscriptions/*/resourceGroups/*/providers/Microsoft.Compute/virtualMachines/*/start"_s,
            web1, MachineAction::Start);
    }

    void unauthorizedRenewsOnceThenFails()
    {
        m_azure->serveToken();
        m_server->on("GET", u"/subscriptions"_s, error(401));
        const auto azure = provider(*m_server);
        const auto listed = listMachines(*azure);
        QCOMPARE(listed->calls, 1);
        QCOMPARE(listed->error().kind(), Error::Auth);
        QCOMPARE(listed->error().providerCode(), u"InvalidAuthenticationToken"_s);
        QVERIFY2(listed->error().message().contains(u"HTTP 401"_s), listed->describe());
        QCOMPARE(m_server->requests("GET", u"/subscriptions"_s).size(), 2);
        QCOMPARE(m_azure->tokensIssued(), 2);
    }

    void signInFailuresKeepTheirKind()
    {
        m_server->on("POST", tokenPath,
                     FakeResponse::raw(401, fixture(u"token-error-invalid-client.json"_s)));
        auto listed = listMachines(*provider(*m_server));
        QCOMPARE(listed->error().kind(), Error::Auth);
        QCOMPARE(m_server->requests("GET", u"/subscriptions"_s).size(), 0);

        m_server->on("POST", tokenPath, FakeResponse().withFault(FakeResponse::Fault::Close));
        listed = listMachines(*provider(*m_server));
        QCOMPARE(listed->error().kind(), Error::Network);
    }

    void laterPageFailsTheList()
    {
        m_azure->serveListing();
        ErrorScenario onVms = scenario();
        onVms.machinesPath = u"/subscriptions/*/providers/Microsoft.Compute/virtualMachines"_s;
        onVms.makeProvider = [](const FakeCloudServer &server) -> std::unique_ptr<Provider> {
            return provider(account(server, subA), 1);
        };
        const QByteArray base = m_server->url().toString().toUtf8();
        ProviderErrorChecks::failedLaterPage(
            onVms,
            FakeResponse::raw(200,
                              fixture(u"virtualmachines-a-page1.json"_s, {{"{{BASE}}", base}})),
            [](const RecordedRequest &request) {
                return !request.query.hasQueryItem(u"$skiptoken"_s);
            },
            error(500), Error::Server);
    }

    void truncatedList()
    {
        ProviderErrorChecks::truncatedList(
            scenario(), FakeResponse::raw(200, fixture(u"subscriptions.json"_s)));
    }

    void wrongShapes_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("valid");
        QTest::newRow("array") << QByteArray("[]") << false;
        QTest::newRow("no value") << QByteArray("{}") << false;
        QTest::newRow("value not a list") << QByteArray(R"({"value": {}})") << false;
        QTest::newRow("subscription without id")
            << QByteArray(R"({"value": [{"displayName": "x"}]})") << false;
        QTest::newRow("nextLink a number")
            << QByteArray(R"({"value": [], "nextLink": 5})") << false;
        QTest::newRow("empty") << QByteArray(R"({"value": []})") << true;
    }
    void wrongShapes()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, valid);
        ProviderErrorChecks::wrongShape(scenario(), body, valid, [](const Machine &) {});
    }

    void persistentRateLimit()
    {
        ProviderErrorChecks::persistentRateLimit(
            scenario(), error(429).withHeader("Retry-After", "0"), u"throttled"_s);
    }

    void rateLimitThatEndsIsWaitedFor()
    {
        m_azure->serveListing();
        m_server->enqueue("GET", u"/subscriptions"_s, error(429).withHeader("Retry-After", "1"));
        const auto azure = provider(*m_server, 2);
        const auto listed = listMachines(*azure);
        QVERIFY2(listed->ok(), listed->describe());
        QCOMPARE(m_server->requests("GET", u"/subscriptions"_s).size(), 2);
    }

    void remainingReadsArePaced()
    {
        m_azure->serveListing();
        m_server->on("GET", u"/subscriptions"_s,
                     FakeResponse::raw(200, fixture(u"subscriptions.json"_s))
                         .withHeader("x-ms-ratelimit-remaining-subscription-reads", "11999"));
        const auto azure = provider(*m_server);
        QVERIFY(listMachines(*azure)->ok());
        QVERIFY(azure->http()->lastRateLimit());
        QCOMPARE(azure->http()->lastRateLimit()->remaining, 11999);
    }

    void timesOut()
    {
        ErrorScenario slow = scenario();
        m_azure->serveToken();
        ProviderErrorChecks::timesOut(slow, u"/subscriptions"_s,
                                      FakeResponse::raw(200, fixture(u"subscriptions.json"_s)));
    }
};

QTEST_GUILESS_MAIN(TestAzureErrors)
#include "tst_azureerrors.moc"
