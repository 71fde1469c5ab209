// DigitalOceanProvider running droplet actions and creating droplets against a fake DigitalOcean
// API: method, path, headers and JSON body of each request, and action objects followed to
// "completed" or "errored".
#include "digitaloceanprovider.h"
#include "digitaloceantestcase.h"
#include "fakedigitalocean.h"
#include "providertesting.h"
#include "testhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

class TestDigitalOceanActions : public DigitalOceanTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void runsEachAction_data();
    void runsEachAction();
    void returnsOnceAccepted();
    void followsNothingAfterADestroy();
    void destroysWithDelete();
    void reportsAnActionThatErrored();
    void reportsAnActionThatErroredAtOnce();
    void givesUpOnAnEndlessAction();
    void refusesAnIdThatIsNotADropletId();
    void createsWithTheDocumentedBody();
    void createsFromSnapshotAndFingerprints();
    void refusesIncompleteCreate();

private:
    std::shared_ptr<AsyncOutcome<void>> run(const QString &id, MachineAction::Action action)
    {
        return AsyncResult::await<void>([this, id, action](auto done) {
            ProviderTesting::runAndFollow(*m_provider, id, action, done);
        });
    }
};

void TestDigitalOceanActions::runsEachAction_data()
{
    QTest::addColumn<MachineAction::Action>("action");
    QTest::addColumn<QString>("type");
    QTest::newRow("start") << MachineAction::Start << "power_on";
    QTest::newRow("shutdown") << MachineAction::Shutdown << "shutdown";
    QTest::newRow("poweroff") << MachineAction::PowerOff << "power_off";
    QTest::newRow("reboot") << MachineAction::Reboot << "reboot";
}

void TestDigitalOceanActions::runsEachAction()
{
    QFETCH(MachineAction::Action, action);
    QFETCH(QString, type);
    const auto result = run(QStringLiteral("3164444"), action);
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(AsyncResult::describe(result->error())));

    const auto posts = m_server->requests("POST", QStringLiteral("/v2/droplets/*/actions"));
    QCOMPARE(posts.size(), 1);
    const RecordedRequest &post = posts.first();
    QCOMPARE(post.path, QStringLiteral("/v2/droplets/3164444/actions"));
    QCOMPARE(post.header("Authorization"), FakeDigitalOcean::bearer());
    QVERIFY(post.header("Content-Type").startsWith("application/json"));
    QCOMPARE(post.json(), QJsonObject({{QStringLiteral("type"), type}}));

    // Followed until "completed": in-progress on the first poll, completed on the second.
    const auto polls = m_server->requests("GET", QStringLiteral("/v2/actions/*"));
    QCOMPARE(polls.size(), 2);
    for (const RecordedRequest &poll : polls) {
        QCOMPARE(poll.path, QStringLiteral("/v2/actions/36804636"));
        QCOMPARE(poll.header("Authorization"), FakeDigitalOcean::bearer());
    }
    QCOMPARE(m_server->requestCount(), 3);
}

void TestDigitalOceanActions::returnsOnceAccepted()
{
    // Without following (the CLI without --wait): the POST's 201 "in-progress" is the answer.
    const auto accepted = AsyncResult::await<void>([this](auto done) {
        m_provider->runAction(QStringLiteral("3164444"), MachineAction::Reboot, done);
    });
    QVERIFY(accepted);
    QVERIFY2(accepted->ok(), qPrintable(AsyncResult::describe(accepted->error())));
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(m_server->lastRequest().method, QByteArray("POST"));

    // The accepted action is what followAction() polls, once.
    const auto followed = AsyncResult::await<void>([this](auto done) {
        m_provider->followAction(QStringLiteral("3164444"), MachineAction::Reboot, done);
    });
    QVERIFY(followed && followed->ok());
    QCOMPARE(m_server->requests("GET", QStringLiteral("/v2/actions/36804636")).size(), 2);
    m_server->clearRequests();
    const auto again = AsyncResult::await<void>([this](auto done) {
        m_provider->followAction(QStringLiteral("3164444"), MachineAction::Reboot, done);
    });
    QVERIFY(again && again->ok());
    QCOMPARE(m_server->requestCount(), 0); // followed already: nothing left
}

void TestDigitalOceanActions::followsNothingAfterADestroy()
{
    const auto destroyed = AsyncResult::await<void>([this](auto done) {
        m_provider->runAction(QStringLiteral("3164444"), MachineAction::Destroy, done);
    });
    QVERIFY(destroyed && destroyed->ok());
    const auto followed = AsyncResult::await<void>([this](auto done) {
        m_provider->followAction(QStringLiteral("3164444"), MachineAction::Destroy, done);
    });
    QVERIFY(followed && followed->ok());
    QCOMPARE(m_server->requestCount(), 1); // the DELETE only
}

void TestDigitalOceanActions::destroysWithDelete()
{
    const auto result = run(QStringLiteral("3164444"), MachineAction::Destroy);
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(AsyncResult::describe(result->error())));
    QCOMPARE(m_server->requestCount(), 1);
    const RecordedRequest request = m_server->lastRequest();
    QCOMPARE(request.method, QByteArray("DELETE"));
    QCOMPARE(request.path, QStringLiteral("/v2/droplets/3164444"));
    QCOMPARE(request.header("Authorization"), FakeDigitalOcean::bearer());
    QVERIFY(request.body.isEmpty());
}

void TestDigitalOceanActions::reportsAnActionThatErrored()
{
    m_server->on("GET", QStringLiteral("/v2/actions/*"),
                 FakeDigitalOcean::reply(QStringLiteral("action_errored")));
    const auto result = run(QStringLiteral("3164444"), MachineAction::Start);
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind(), Error::Server);
    QCOMPARE(result->error().providerCode(), QStringLiteral("errored"));
    QVERIFY2(result->error().message().contains(QLatin1String("power_on action failed")),
             qPrintable(result->error().message()));
    QVERIFY(result->error().message().contains(QLatin1String("36804636")));
    QCOMPARE(m_server->requests("GET", QStringLiteral("/v2/actions/*")).size(), 1);
}

void TestDigitalOceanActions::reportsAnActionThatErroredAtOnce()
{
    m_server->on("POST", QStringLiteral("/v2/droplets/*/actions"),
                 FakeDigitalOcean::reply(QStringLiteral("action_errored"), 201));
    const auto result = run(QStringLiteral("3164444"), MachineAction::Reboot);
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind(), Error::Server);
    QCOMPARE(m_server->requestCount(), 1); // nothing left to follow

    // A POST that answers "completed" at once needs no poll either.
    m_server->on("POST", QStringLiteral("/v2/droplets/*/actions"),
                 FakeDigitalOcean::reply(QStringLiteral("action_completed"), 201));
    m_server->clearRequests();
    const auto completed = run(QStringLiteral("3164444"), MachineAction::Reboot);
    QVERIFY(completed && completed->ok());
    QCOMPARE(m_server->requestCount(), 1);
}

void TestDigitalOceanActions::givesUpOnAnEndlessAction()
{
    m_server->on("GET", QStringLiteral("/v2/actions/*"),
                 FakeDigitalOcean::reply(QStringLiteral("action_in_progress")));
    m_provider->setActionTimeoutMs(150);
    const auto result = run(QStringLiteral("3164444"), MachineAction::Shutdown);
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind(), Error::Timeout);
    QVERIFY2(result->error().message().contains(QLatin1String("in progress")),
             qPrintable(result->error().message()));
    QVERIFY(m_server->requests("GET", QStringLiteral("/v2/actions/*")).size() >= 2);
}

void TestDigitalOceanActions::refusesAnIdThatIsNotADropletId()
{
    for (const QString &id : {QStringLiteral("../account"), QStringLiteral(""),
                              QStringLiteral("12?x=1"), QStringLiteral("web-1")}) {
        const auto result = run(id, MachineAction::Destroy);
        QVERIFY(result);
        QVERIFY(!result->ok());
        QCOMPARE(result->error().kind(), Error::InvalidInput);
    }
    QCOMPARE(m_server->requestCount(), 0);
}

void TestDigitalOceanActions::createsWithTheDocumentedBody()
{
    // The reference's own create request example, field for field.
    CreateMachineRequest request;
    request.name = QStringLiteral("example.com");
    request.region = QStringLiteral("nyc3");
    request.size = QStringLiteral("s-1vcpu-1gb");
    request.image = QStringLiteral("ubuntu-20-04-x64");
    request.sshKeys = {QStringLiteral("289794"),
                       QStringLiteral("3b:16:e4:bf:8b:00:8b:b8:59:8c:a9:d3:f0:19:fa:45")};
    request.tags = {QStringLiteral("env:prod"), QStringLiteral("web")};
    request.userData = QStringLiteral("#cloud-config\nruncmd:\n  - touch /test.txt\n");
    request.extra = {
        {QStringLiteral("backups"), true},
        {QStringLiteral("ipv6"), true},
        {QStringLiteral("monitoring"), true},
        {QStringLiteral("vpc_uuid"), QStringLiteral("760e09ef-dc84-11e8-981e-3cfdfeaae000")}};
    const auto result = AsyncResult::await<Machine>(
        [this, request](auto done) { m_provider->createMachine(request, done); });
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(AsyncResult::describe(result->error())));

    QCOMPARE(m_server->requestCount(), 1);
    const RecordedRequest sent = m_server->lastRequest();
    QCOMPARE(sent.method, QByteArray("POST"));
    QCOMPARE(sent.path, QStringLiteral("/v2/droplets"));
    QCOMPARE(sent.header("Authorization"), FakeDigitalOcean::bearer());
    QVERIFY(sent.header("Content-Type").startsWith("application/json"));
    QCOMPARE(sent.json(), FakeDigitalOcean::fixture(QStringLiteral("droplet_create_request")));
    // ssh_keys mixes a numeric id and a fingerprint string, as the reference shows.
    const QJsonArray keys = sent.json().value(QLatin1String("ssh_keys")).toArray();
    QVERIFY(keys.at(0).isDouble());
    QVERIFY(keys.at(1).isString());

    // 202 Accepted: the droplet as first described, and the create action to follow.
    const Machine created = result->value();
    QCOMPARE(created.id, QStringLiteral("3164444"));
    QCOMPARE(created.name, QStringLiteral("example.com"));
    QCOMPARE(created.state, MachineState::Pending);
    QCOMPARE(created.providerState, QStringLiteral("new"));
    QVERIFY(created.publicIps().isEmpty());
    QCOMPARE(created.extra.value(QStringLiteral("createActionId")).toString(),
             QStringLiteral("7515"));
}

void TestDigitalOceanActions::createsFromSnapshotAndFingerprints()
{
    CreateMachineRequest request;
    request.name = QStringLiteral("restore-01");
    request.size = QStringLiteral("s-2vcpu-2gb");
    request.image = QStringLiteral("7555620"); // a private snapshot: numeric id
    request.sshKeys = {QStringLiteral("3b:16:e4:bf:8b:00:8b:b8:59:8c:a9:d3:f0:19:fa:45")};
    const auto result = AsyncResult::await<Machine>(
        [this, request](auto done) { m_provider->createMachine(request, done); });
    QVERIFY(result && result->ok());
    const QJsonObject expected {
        {QStringLiteral("name"), QStringLiteral("restore-01")},
        {QStringLiteral("size"), QStringLiteral("s-2vcpu-2gb")},
        {QStringLiteral("image"), 7555620},
        {QStringLiteral("ssh_keys"),
         QJsonArray {QStringLiteral("3b:16:e4:bf:8b:00:8b:b8:59:8c:a9:d3:f0:19:fa:45")}}};
    // No region (DigitalOcean picks one), no empty tags or user_data.
    QCOMPARE(m_server->lastRequest().json(), expected);
    QVERIFY(m_server->lastRequest().json().value(QLatin1String("image")).isDouble());
}

void TestDigitalOceanActions::refusesIncompleteCreate()
{
    CreateMachineRequest request;
    request.name = QStringLiteral("no-size");
    request.image = QStringLiteral("ubuntu-20-04-x64");
    const auto result = AsyncResult::await<Machine>(
        [this, request](auto done) { m_provider->createMachine(request, done); });
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind(), Error::InvalidInput);
    QCOMPARE(m_server->requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestDigitalOceanActions)
#include "tst_digitaloceanactions.moc"
