// How VultrProvider fails: Vultr's {"error", "status"} bodies become the message, each HTTP error
// its kind, 429 (Vultr's per-second limit, no rate-limit headers) is retried, and timeouts,
// cut-off bodies and replies of the wrong shape are clear errors. Nothing crashes and a failed
// page never yields a partial list.
#include "providererrorchecks.h"
#include "vultrtesting.h"

#include <QTest>

using namespace VultrTesting;

namespace {
void servePlans(FakeCloudServer &server)
{
    server.on("GET", QStringLiteral("/v2/plans"),
              FakeResponse::file(QStringLiteral("vultr/plans.json")));
}

ErrorScenario scenario(FakeCloudServer &server)
{
    return {&server, QStringLiteral("/v2/instances"), servePlans, [](const FakeCloudServer &fake) {
                return std::unique_ptr<Provider>(provider(fake));
            }};
}

FakeResponse vultrFile(const QString &name, int status = 200)
{
    return FakeResponse::file(QStringLiteral("vultr/") + name, status);
}

CreateMachineRequest smallInstance()
{
    CreateMachineRequest request;
    request.region = QStringLiteral("ewr");
    request.size = QStringLiteral("vc2-1c-1gb");
    request.image = QStringLiteral("2136");
    return request;
}
} // namespace

class TestVultrErrors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void httpErrors_data();
    void httpErrors();
    void rejectedCreate_data();
    void rejectedCreate();
    void failedLaterPageFailsTheList();
    void retriesA429();
    void reportsPersistentRateLimiting();
    void timesOut();
    void truncatedBody();
    void wrongShapes_data();
    void wrongShapes();
    void repeatedCursorEnds();
    void wrongShapesElsewhere();
};

void TestVultrErrors::httpErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("reason");
    QTest::newRow("401") << 401 << Error::Auth << "Invalid API token.";
    QTest::newRow("403") << 403 << Error::Forbidden << "Unauthorized IP address: 198.51.100.20";
    QTest::newRow("404") << 404 << Error::NotFound << "Instance not found.";
    QTest::newRow("500") << 500 << Error::Server << "Internal server error.";
}

void TestVultrErrors::httpErrors()
{
    QFETCH(int, status);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, reason);
    FakeCloudServer server;
    QVERIFY(server.listen());
    ProviderErrorChecks::httpError(
        scenario(server), vultrFile(QStringLiteral("error-%1.json").arg(status), status), status,
        kind, reason, QStringLiteral("/v2/instances/*/halt"),
        QStringLiteral("cb676a46-66fd-4dfb-b839-443f2e6c0b60"), MachineAction::PowerOff);
}

void TestVultrErrors::rejectedCreate_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    QTest::newRow("400") << 400 << "Invalid plan chosen.";
    QTest::newRow("422") << 422 << "Label must be less than 255 characters.";
}

void TestVultrErrors::rejectedCreate()
{
    QFETCH(int, status);
    QFETCH(QString, reason);
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("POST", QStringLiteral("/v2/instances"),
              FakeResponse::file(QStringLiteral("vultr/error-%1.json").arg(status), status));
    auto vultr = provider(server);
    const auto outcome = createMachine(*vultr, smallInstance());
    QVERIFY(outcome->result);
    QCOMPARE(outcome->error().kind(), Error::BadRequest);
    QCOMPARE(outcome->error().httpStatus(), status);
    QVERIFY2(outcome->error().message().contains(reason), outcome->describe());
    QCOMPARE(server.requestCount(), 1); // a POST is not repeated
}

void TestVultrErrors::failedLaterPageFailsTheList()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    ProviderErrorChecks::failedLaterPage(
        scenario(server), vultrFile(QStringLiteral("instances-page1.json")),
        [](const RecordedRequest &request) {
            return !request.query.hasQueryItem(QStringLiteral("cursor"));
        },
        vultrFile(QStringLiteral("error-500.json"), 500), Error::Server);
}

void TestVultrErrors::retriesA429()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    serveInstancePages(server);
    // Vultr's answer past 30 requests a second: no Retry-After, no rate-limit headers.
    for (int i = 0; i < 2; ++i) {
        server.enqueue("GET", QStringLiteral("/v2/instances"),
                       FakeResponse::file(QStringLiteral("vultr/error-429.json"), 429));
    }
    auto vultr = provider(server);
    const auto outcome = listMachines(*vultr);
    QVERIFY2(outcome->ok(), outcome->describe());
    QCOMPARE(outcome->result->value().size(), 5);
    const auto pages = server.requests("GET", QStringLiteral("/v2/instances"));
    QCOMPARE(pages.size(), 5); // the first page three times
    QVERIFY(!pages.at(2).query.hasQueryItem(QStringLiteral("cursor")));
    QVERIFY(!vultr->http()->lastRateLimit()); // nothing to read
}

void TestVultrErrors::reportsPersistentRateLimiting()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    ProviderErrorChecks::persistentRateLimit(scenario(server),
                                             vultrFile(QStringLiteral("error-429.json"), 429),
                                             QStringLiteral("Rate limit reached"));
}

void TestVultrErrors::timesOut()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    ProviderErrorChecks::timesOut(scenario(server), QStringLiteral("/v2/account"),
                                  vultrFile(QStringLiteral("account.json")));
}

void TestVultrErrors::truncatedBody()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    ProviderErrorChecks::truncatedList(scenario(server),
                                       vultrFile(QStringLiteral("instances-page1.json")));
}

void TestVultrErrors::wrongShapes_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("valid");
    const QByteArray end = R"("meta": {"total": 1, "links": {"next": "", "prev": ""}})";
    QTest::newRow("a string instead of an object") << QByteArray(R"("instances")") << false;
    QTest::newRow("html from a proxy") << QByteArray("<html>Bad Gateway</html>") << false;
    QTest::newRow("empty body") << QByteArray() << false;
    QTest::newRow("instances is an object")
        << QByteArray(R"({"instances": {"id": "a"}, )" + end + "}") << false;
    QTest::newRow("an instance is a string")
        << QByteArray(R"({"instances": ["cb676a46"], )" + end + "}") << false;
    QTest::newRow("an instance has no id")
        << QByteArray(R"({"instances": [{"label": "x", "status": "active"}], )" + end + "}")
        << false;
    QTest::newRow("no meta") << QByteArray(R"({"instances": []})") << false;
    QTest::newRow("meta is a string")
        << QByteArray(R"({"instances": [], "meta": "none"})") << false;
    QTest::newRow("links is a string")
        << QByteArray(R"({"instances": [], "meta": {"total": 0, "links": "none"}})") << false;
    QTest::newRow("next is a number")
        << QByteArray(R"({"instances": [], "meta": {"links": {"next": 2, "prev": ""}}})") << false;
    QTest::newRow("null IPs and tags")
        << QByteArray(R"({"instances": [{"id": "u1", "label": "bare", "status": "active",
                          "power_status": "stopped", "server_status": "ok", "main_ip": null,
                          "v6_main_ip": null, "internal_ip": null, "v6_networks": null,
                          "tags": null, "date_created": null}], )"
                      + end + "}")
        << true;
    QTest::newRow("meta without links")
        << QByteArray(R"({"instances": [], "meta": {"total": 0}})") << true;
}

void TestVultrErrors::wrongShapes()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, valid);
    FakeCloudServer server;
    QVERIFY(server.listen());
    ProviderErrorChecks::wrongShape(scenario(server), body, valid, [](const Machine &machine) {
        QCOMPARE(machine.id, QStringLiteral("u1"));
        QVERIFY(machine.publicIps().isEmpty() && machine.privateIps().isEmpty());
        QVERIFY(machine.tags.isEmpty());
        QCOMPARE(machine.state, MachineState::Stopped);
    });
}

void TestVultrErrors::repeatedCursorEnds()
{
    // A server that keeps handing out the same cursor would make a naive client loop forever.
    FakeCloudServer server;
    QVERIFY(server.listen());
    servePlans(server);
    server.on("GET", QStringLiteral("/v2/instances"), FakeResponse::raw(200, R"({"instances": [],
                  "meta": {"total": 9, "links": {"next": "c2FtZQ==", "prev": ""}}})"));
    auto vultr = provider(server);
    const auto outcome = listMachines(*vultr);
    QVERIFY(outcome->result);
    QCOMPARE(outcome->error().kind(), Error::InvalidReply);
    QCOMPARE(server.requests("GET", QStringLiteral("/v2/instances")).size(), 2);
}

void TestVultrErrors::wrongShapesElsewhere()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v2/plans"),
              FakeResponse::raw(200, R"({"plans": "vc2-1c-1gb", "meta": {}})"));
    server.on("GET", QStringLiteral("/v2/account"), FakeResponse::raw(200, R"({"account": "me"})"));
    server.on("POST", QStringLiteral("/v2/instances"),
              FakeResponse::raw(202, R"({"instance": "4f0f12e5"})"));
    server.on("GET", QStringLiteral("/v2/os"),
              FakeResponse::raw(200, R"({"os": [{"name": "no id"}], "meta": {}})"));
    auto vultr = provider(server);

    const auto sizes = listSizes(*vultr);
    QCOMPARE(sizes->error().kind(), Error::InvalidReply);
    const auto verified = verify(*vultr);
    QCOMPARE(verified->error().kind(), Error::InvalidReply);
    const auto created = createMachine(*vultr, smallInstance());
    QCOMPARE(created->error().kind(), Error::InvalidReply);
    const auto images = listImages(*vultr);
    QCOMPARE(images->error().kind(), Error::InvalidReply);
}

QTEST_GUILESS_MAIN(TestVultrErrors)
#include "tst_vultrerrors.moc"
