// How LinodeProvider fails: Linode's error bodies become the message, each HTTP error its kind,
// rate limits are waited out, and timeouts, cut-off bodies and replies of the wrong shape are
// clear errors. Nothing crashes and a failed page never yields a partial list.
#include "linodetesting.h"
#include "providererrorchecks.h"

#include <QTest>

using namespace LinodeTesting;

namespace {

void serveTypes(FakeCloudServer &server)
{
    server.on("GET", QStringLiteral("/v4/linode/types"),
              FakeResponse::file(QStringLiteral("linode/types.json")));
}

ErrorScenario scenario(FakeCloudServer &server)
{
    return {&server, QStringLiteral("/v4/linode/instances"), serveTypes,
            [](const FakeCloudServer &fake) {
                return std::unique_ptr<Provider>(provider(fake));
            }};
}

FakeResponse linodeFile(const QString &name, int status = 200)
{
    return FakeResponse::file(QStringLiteral("linode/") + name, status);
}
} // namespace

class TestLinodeErrors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void httpErrors_data();
    void httpErrors();
    void validationErrorNamesTheField();
    void failedLaterPageFailsTheList();
    void waitsOutA429();
    void slowsDownBeforeTheLimit();
    void reportsPersistentRateLimiting();
    void timesOut();
    void truncatedBody();
    void wrongShapes_data();
    void wrongShapes();
    void wrongShapesElsewhere();
};

void TestLinodeErrors::httpErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("reason");
    QTest::newRow("401") << 401 << Error::Auth << "Invalid Token";
    QTest::newRow("403") << 403 << Error::Forbidden << "Unauthorized";
    QTest::newRow("404") << 404 << Error::NotFound << "Not found";
    QTest::newRow("500") << 500 << Error::Server << "An unexpected error occurred";
}

void TestLinodeErrors::httpErrors()
{
    QFETCH(int, status);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, reason);
    FakeCloudServer server;
    QVERIFY(server.listen());
    // The same through an action, where a 404 is the usual one (the Linode is gone).
    ProviderErrorChecks::httpError(
        scenario(server), linodeFile(QStringLiteral("error-%1.json").arg(status), status), status,
        kind, reason, QStringLiteral("/v4/linode/instances/*/boot"), QStringLiteral("999"),
        MachineAction::Start);
}

void TestLinodeErrors::validationErrorNamesTheField()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("POST", QStringLiteral("/v4/linode/instances"),
              FakeResponse::file(QStringLiteral("linode/error-400.json"), 400));
    auto linode = provider(server);
    CreateMachineRequest request;
    request.name = QStringLiteral("x");
    request.region = QStringLiteral("us-east");
    request.size = QStringLiteral("g6-nanode-1");
    request.image = QStringLiteral("linode/debian12");
    const auto outcome = createMachine(*linode, request);
    QVERIFY(outcome->result);
    QCOMPARE(outcome->error().kind(), Error::BadRequest);
    QCOMPARE(outcome->error().httpStatus(), 400);
    QVERIFY2(outcome->error().message().contains(
                 QStringLiteral("label: Label must be between 3 and 64 characters.")),
             outcome->describe());
    QVERIFY2(outcome->error().message().contains(
                 QStringLiteral("root_pass: Password does not meet strength requirement.")),
             outcome->describe());
    QCOMPARE(outcome->error().providerCode(), QStringLiteral("label"));
    QCOMPARE(server.requestCount(), 1); // a POST is not repeated
}

void TestLinodeErrors::failedLaterPageFailsTheList()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    ProviderErrorChecks::failedLaterPage(
        scenario(server), linodeFile(QStringLiteral("instances-page1.json")),
        [](const RecordedRequest &request) {
            return request.query.queryItemValue(QStringLiteral("page")) == QLatin1String("1");
        },
        linodeFile(QStringLiteral("error-500.json"), 500), Error::Server);
}

void TestLinodeErrors::waitsOutA429()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    serveInstancePages(server);
    const QByteArray reset = QByteArray::number(QDateTime::currentSecsSinceEpoch() + 1);
    server.enqueue("GET", QStringLiteral("/v4/linode/instances"),
                   FakeResponse::file(QStringLiteral("linode/error-429.json"), 429)
                       .withHeader("Retry-After", "1")
                       .withHeader("X-RateLimit-Limit", "200")
                       .withHeader("X-RateLimit-Remaining", "0")
                       .withHeader("X-RateLimit-Reset", reset));
    auto linode = provider(server);
    QElapsedTimer timer;
    timer.start();
    const auto outcome = listMachines(*linode);
    QVERIFY2(outcome->ok(), outcome->describe());
    QCOMPARE(outcome->result->value().size(), 5);
    const auto pages = server.requests("GET", QStringLiteral("/v4/linode/instances"));
    QCOMPARE(pages.size(), 4); // page 1 twice
    QCOMPARE(pages.at(1).query.queryItemValue(QStringLiteral("page")), QStringLiteral("1"));
    QVERIFY2(timer.elapsed() >= 900, "the retry went out before Retry-After");
    // The replies after the wait carry the refilled budget.
    QCOMPARE(linode->http()->lastRateLimit()->remaining, 799);
}

void TestLinodeErrors::slowsDownBeforeTheLimit()
{
    // Page 1 spends the last request of the window: page 2 waits for X-RateLimit-Reset instead of
    // running into a 429.
    FakeCloudServer server;
    QVERIFY(server.listen());
    serveInstancePages(server);
    const qint64 reset = QDateTime::currentSecsSinceEpoch() + 2;
    server.on("GET", QStringLiteral("/v4/linode/instances"),
              [reset](const RecordedRequest &request) {
                  const QString page = request.query.queryItemValue(QStringLiteral("page"));
                  FakeResponse response =
                      FakeResponse::file(QStringLiteral("linode/instances-page%1.json").arg(page));
                  return response.withHeader("X-RateLimit-Limit", "200")
                      .withHeader("X-RateLimit-Remaining", page == QLatin1String("1") ? "0" : "199")
                      .withHeader("X-RateLimit-Reset", QByteArray::number(reset));
              });
    QList<qint64> receivedAt;
    connect(&server, &FakeCloudServer::requestReceived, this,
            [&receivedAt](const RecordedRequest &request) {
                if (request.path == QLatin1String("/v4/linode/instances"))
                    receivedAt.append(QDateTime::currentMSecsSinceEpoch());
            });
    auto linode = provider(server);
    const auto outcome = listMachines(*linode);
    QVERIFY2(outcome->ok(), outcome->describe());
    QCOMPARE(receivedAt.size(), 3);
    QVERIFY2(receivedAt.at(1) >= reset * 1000 - 50,
             qPrintable(QStringLiteral("page 2 went out %1 ms before the reset")
                            .arg(reset * 1000 - receivedAt.at(1))));
    QCOMPARE(server.requests("GET", QStringLiteral("/v4/linode/instances")).size(), 3);
}

void TestLinodeErrors::reportsPersistentRateLimiting()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    ProviderErrorChecks::persistentRateLimit(
        scenario(server),
        linodeFile(QStringLiteral("error-429.json"), 429)
            .withHeader("Retry-After", "0")
            .withHeader("X-RateLimit-Limit", "200")
            .withHeader("X-RateLimit-Remaining", "0"),
        QStringLiteral("Too Many Requests"), [](Provider &linode) {
            QVERIFY(linode.http()->lastRateLimit());
            QCOMPARE(linode.http()->lastRateLimit()->remaining, 0);
        });
}

void TestLinodeErrors::timesOut()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    ProviderErrorChecks::timesOut(scenario(server), QStringLiteral("/v4/profile"),
                                  linodeFile(QStringLiteral("profile.json")));
}

void TestLinodeErrors::truncatedBody()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    ProviderErrorChecks::truncatedList(scenario(server),
                                       linodeFile(QStringLiteral("instances-page1.json")));
}

void TestLinodeErrors::wrongShapes_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("valid");
    QTest::newRow("a string instead of an object") << QByteArray(R"("linodes")") << false;
    QTest::newRow("html from a proxy") << QByteArray("<html>Bad Gateway</html>") << false;
    QTest::newRow("empty body") << QByteArray() << false;
    QTest::newRow("data is an object")
        << QByteArray(R"({"data": {"id": 1}, "page": 1, "pages": 1, "results": 1})") << false;
    QTest::newRow("a Linode is a string")
        << QByteArray(R"({"data": ["linode123"], "page": 1, "pages": 1, "results": 1})") << false;
    QTest::newRow("a Linode has no id")
        << QByteArray(R"({"data": [{"label": "x", "status": "running"}], "page": 1, "pages": 1})")
        << false;
    QTest::newRow("specs is a string")
        << QByteArray(R"({"data": [{"id": 1, "specs": "big"}], "page": 1, "pages": 1})") << false;
    QTest::newRow("ipv4 is a string")
        << QByteArray(R"({"data": [{"id": 1, "ipv4": "203.0.113.1"}], "page": 1, "pages": 1})")
        << false;
    QTest::newRow("no page count")
        << QByteArray(R"({"data": [], "page": 1, "results": 0})") << false;
    QTest::newRow("page is a string")
        << QByteArray(R"({"data": [], "page": "1", "pages": 1})") << false;
    QTest::newRow("answers another page")
        << QByteArray(R"({"data": [], "page": 2, "pages": 3})") << false;
    QTest::newRow("null IPs, image and specs")
        << QByteArray(R"({"data": [{"id": 7, "label": "bare", "status": "offline", "ipv4": null,
                          "ipv6": null, "image": null, "specs": null, "tags": null,
                          "created": null}], "page": 1, "pages": 1, "results": 1})")
        << true;
    QTest::newRow("no Linodes at all")
        << QByteArray(R"({"data": [], "page": 1, "pages": 1, "results": 0})") << true;
}

void TestLinodeErrors::wrongShapes()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, valid);
    FakeCloudServer server;
    QVERIFY(server.listen());
    ProviderErrorChecks::wrongShape(scenario(server), body, valid, [](const Machine &machine) {
        QCOMPARE(machine.id, QStringLiteral("7"));
        QVERIFY(machine.publicIps().isEmpty() && machine.privateIps().isEmpty());
        QVERIFY(machine.image.isEmpty());
        QVERIFY(!machine.createdAt.isValid());
        QCOMPARE(machine.state, MachineState::Stopped);
    });
}

void TestLinodeErrors::wrongShapesElsewhere()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v4/linode/types"),
              FakeResponse::raw(200, R"({"data": "g6-nanode-1", "page": 1, "pages": 1})"));
    server.on("GET", QStringLiteral("/v4/profile"),
              FakeResponse::raw(200, R"({"email": "a@example.com"})"));
    server.on("POST", QStringLiteral("/v4/linode/instances"), FakeResponse::raw(200, R"([1, 2])"));
    server.on("GET", QStringLiteral("/v4/profile/sshkeys"),
              FakeResponse::raw(200, R"({"data": [{"label": "no id"}], "page": 1, "pages": 1})"));
    auto linode = provider(server);

    const auto sizes = listSizes(*linode);
    QCOMPARE(sizes->error().kind(), Error::InvalidReply);
    const auto verified = verify(*linode);
    QCOMPARE(verified->error().kind(), Error::InvalidReply);
    CreateMachineRequest request;
    request.region = QStringLiteral("us-east");
    request.size = QStringLiteral("g6-nanode-1");
    const auto created = createMachine(*linode, request);
    QCOMPARE(created->error().kind(), Error::InvalidReply);
    request.sshKeys = {QStringLiteral("42")};
    const auto withKey = createMachine(*linode, request);
    QCOMPARE(withKey->error().kind(), Error::InvalidReply);
}

QTEST_GUILESS_MAIN(TestLinodeErrors)
#include "tst_linodeerrors.moc"
