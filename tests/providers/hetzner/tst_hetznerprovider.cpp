// HetznerProvider end to end against a FakeCloudServer that answers like api.hetzner.cloud/v1:
// the requests we send (method, path, query, headers, body) and what we make of the replies.
#include "hetznertesting.h"
#include "negativewait.h"
#include "providerregistry.h"

#include <QJsonArray>
#include <QTest>

using namespace HetznerTesting;

namespace {
QString fixturePath(const QString &name)
{
    return QStringLiteral("hetzner/") + name;
}

/// Serves /v1/servers from the three page fixtures, by the "page" query parameter.
FakeResponse serversByPage(const RecordedRequest &request)
{
    const QString page = request.query.queryItemValue(QStringLiteral("page"));
    return FakeResponse::file(fixturePath(QStringLiteral("servers_page%1.json").arg(page)));
}

void verifyAuthorized(const RecordedRequest &request)
{
    QCOMPARE(request.header("Authorization"), QByteArray("Bearer ") + token);
}
} // namespace

class TestHetznerProvider : public QObject
{
    Q_OBJECT

private:
    FakeCloudServer *m_server = nullptr;

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

    void listsServersAcrossThreePages()
    {
        m_server->on("GET", QStringLiteral("/v1/servers"), &serversByPage);
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = AsyncResult::run<QList<Machine>>(
            [&](Callback<QList<Machine>> done) { provider->listMachines(std::move(done)); });
        QVERIFY(!outcome->calledSynchronously);
        QVERIFY(outcome->result.has_value());
        QVERIFY2(outcome->result->ok(),
                 qPrintable(AsyncResult::describe(outcome->result->error())));
        const QList<Machine> machines = outcome->result->value();
        QStringList ids;
        for (const Machine &machine : machines)
            ids.append(machine.id);
        QCOMPARE(ids,
                 (QStringList {QStringLiteral("42"), QStringLiteral("43"), QStringLiteral("44"),
                               QStringLiteral("45"), QStringLiteral("46")}));
        QCOMPARE(machines.at(3).state, MachineState::Starting);
        QCOMPARE(machines.at(4).state, MachineState::Pending);

        const auto requests = m_server->requests();
        QCOMPARE(requests.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(requests.at(i).method, QByteArray("GET"));
            QCOMPARE(requests.at(i).path, QStringLiteral("/v1/servers"));
            QCOMPARE(requests.at(i).query.queryItemValue(QStringLiteral("page")),
                     QString::number(i + 1));
            QCOMPARE(requests.at(i).query.queryItemValue(QStringLiteral("per_page")),
                     QStringLiteral("50"));
            verifyAuthorized(requests.at(i));
        }
        QCOMPARE(outcome->calls, 1);
    }

    void aServerSeenTwiceWhilePagingIsListedOnce()
    {
        // Pages are offsets: a server created meanwhile pushes the last one of page 1 onto page 2.
        m_server->on("GET", QStringLiteral("/v1/servers"), [](const RecordedRequest &request) {
            QJsonObject page =
                readJsonFixture(
                    fixturePath(QStringLiteral("servers_page%1.json")
                                    .arg(request.query.queryItemValue(QStringLiteral("page")))))
                    .object();
            if (request.query.queryItemValue(QStringLiteral("page")) == QLatin1String("2")) {
                const QJsonObject page1 =
                    readJsonFixture(fixturePath(QStringLiteral("servers_page1.json"))).object();
                QJsonArray servers = page.value(QLatin1String("servers")).toArray();
                servers.prepend(page1.value(QLatin1String("servers")).toArray().last());
                page.insert(QStringLiteral("servers"), servers);
            }
            return FakeResponse::json(page);
        });
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = AsyncResult::run<QList<Machine>>(
            [&](Callback<QList<Machine>> done) { provider->listMachines(std::move(done)); });
        QVERIFY(outcome->result && outcome->result->ok());
        QCOMPARE(outcome->result->value().size(), 5);
    }

    void aListingFarShortOfItsTotalFails()
    {
        // One page, no next page, and total_entries 1000000: the listing contradicts itself.
        QJsonObject page =
            readJsonFixture(fixturePath(QStringLiteral("servers_page1.json"))).object();
        const qsizetype count = page.value(QLatin1String("servers")).toArray().size();
        const auto withTotal = [&page](qint64 total) {
            QJsonObject meta = page.value(QLatin1String("meta")).toObject();
            QJsonObject pagination = meta.value(QLatin1String("pagination")).toObject();
            pagination.insert(QStringLiteral("next_page"), QJsonValue::Null);
            pagination.insert(QStringLiteral("total_entries"), total);
            meta.insert(QStringLiteral("pagination"), pagination);
            page.insert(QStringLiteral("meta"), meta);
            return FakeResponse::json(page);
        };
        m_server->on("GET", QStringLiteral("/v1/servers"), withTotal(1'000'000));
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = AsyncResult::run<QList<Machine>>(
            [&](Callback<QList<Machine>> done) { provider->listMachines(std::move(done)); });
        QVERIFY(outcome->result && !outcome->result->ok());
        QCOMPARE(outcome->result->error().kind(), Error::InvalidReply);
        QVERIFY2(outcome->result->error().message().contains(QLatin1String("1000000")),
                 qPrintable(AsyncResult::describe(outcome->result->error())));

        m_server->on("GET", QStringLiteral("/v1/servers"), withTotal(count));
        const auto complete = AsyncResult::run<QList<Machine>>(
            [&](Callback<QList<Machine>> done) { provider->listMachines(std::move(done)); });
        QVERIFY(complete->result && complete->result->ok());
        QCOMPARE(complete->result->value().size(), count);
    }

    void everyAction_data()
    {
        QTest::addColumn<MachineAction::Action>("action");
        QTest::addColumn<QString>("command");
        QTest::newRow("start") << MachineAction::Start << "poweron";
        QTest::newRow("shutdown") << MachineAction::Shutdown << "shutdown";
        QTest::newRow("poweroff") << MachineAction::PowerOff << "poweroff";
        QTest::newRow("reboot") << MachineAction::Reboot << "reboot";
    }
    void everyAction()
    {
        QFETCH(MachineAction::Action, action);
        QFETCH(QString, command);
        m_server->on("POST", QStringLiteral("/v1/servers/*/actions/") + command,
                     FakeResponse::file(fixturePath(QStringLiteral("action_running.json")), 201));
        // The action runs for two polls, then succeeds.
        m_server->on("GET", QStringLiteral("/v1/actions/13"),
                     FakeResponse::file(fixturePath(QStringLiteral("action_success.json"))));
        m_server->enqueue("GET", QStringLiteral("/v1/actions/13"),
                          FakeResponse::file(fixturePath(QStringLiteral("action_running.json"))));
        m_server->enqueue("GET", QStringLiteral("/v1/actions/13"),
                          FakeResponse::file(fixturePath(QStringLiteral("action_running.json"))));
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = AsyncResult::run<void>([&](Callback<void> done) {
            ProviderTesting::runAndFollow(*provider, QStringLiteral("42"), action, std::move(done));
        });
        QVERIFY(!outcome->calledSynchronously);
        QVERIFY(outcome->result.has_value());
        QVERIFY2(outcome->result->ok(),
                 qPrintable(AsyncResult::describe(outcome->result->error())));

        const auto requests = m_server->requests();
        QCOMPARE(requests.size(), 4);
        const RecordedRequest &post = requests.at(0);
        QCOMPARE(post.method, QByteArray("POST"));
        QCOMPARE(post.path, QStringLiteral("/v1/servers/42/actions/") + command);
        QVERIFY(post.query.isEmpty());
        QVERIFY(post.body.isEmpty()); // these endpoints take no body
        verifyAuthorized(post);
        for (int i = 1; i < 4; ++i) {
            QCOMPARE(requests.at(i).method, QByteArray("GET"));
            QCOMPARE(requests.at(i).path, QStringLiteral("/v1/actions/13"));
            verifyAuthorized(requests.at(i));
        }
        QCOMPARE(outcome->calls, 1);
    }

    void anActionReturnsOnceAcceptedAndIsFollowedOnRequest()
    {
        m_server->on("POST", QStringLiteral("/v1/servers/42/actions/reboot"),
                     FakeResponse::file(fixturePath(QStringLiteral("action_running.json")), 201));
        m_server->on("GET", QStringLiteral("/v1/actions/13"),
                     FakeResponse::file(fixturePath(QStringLiteral("action_success.json"))));
        auto provider = HetznerTesting::provider(*m_server);
        const auto accepted = AsyncResult::run<void>([&](Callback<void> done) {
            provider->runAction(QStringLiteral("42"), MachineAction::Reboot, std::move(done));
        });
        QVERIFY(accepted->result && accepted->result->ok());
        QCOMPARE(m_server->requestCount(), 1); // "running" is accepted: no poll yet
        const auto followed = AsyncResult::run<void>([&](Callback<void> done) {
            provider->followAction(QStringLiteral("42"), MachineAction::Reboot, std::move(done));
        });
        QVERIFY(followed->result);
        QVERIFY2(followed->result->ok(),
                 qPrintable(AsyncResult::describe(followed->result->error())));
        QCOMPARE(m_server->requests(QByteArray("GET"), QStringLiteral("/v1/actions/13")).size(), 1);
        // Another server's action was never accepted: nothing to follow.
        m_server->clearRequests();
        const auto other = AsyncResult::run<void>([&](Callback<void> done) {
            provider->followAction(QStringLiteral("43"), MachineAction::Reboot, std::move(done));
        });
        QVERIFY(other->result && other->result->ok());
        QCOMPARE(m_server->requestCount(), 0);
    }

    void anActionThatFailsReportsHetznersMessage()
    {
        m_server->on("POST", QStringLiteral("/v1/servers/42/actions/poweron"),
                     FakeResponse::file(fixturePath(QStringLiteral("action_running.json")), 201));
        m_server->enqueue("GET", QStringLiteral("/v1/actions/13"),
                          FakeResponse::file(fixturePath(QStringLiteral("action_running.json"))));
        m_server->on("GET", QStringLiteral("/v1/actions/13"),
                     FakeResponse::file(fixturePath(QStringLiteral("action_error.json"))));
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = AsyncResult::run<void>([&](Callback<void> done) {
            ProviderTesting::runAndFollow(*provider, QStringLiteral("42"), MachineAction::Start,
                                          std::move(done));
        });
        QVERIFY(outcome->result.has_value());
        QVERIFY(!outcome->result->ok());
        const Error &error = outcome->result->error();
        QCOMPARE(error.kind(), Error::Server);
        QCOMPARE(error.providerCode(), QStringLiteral("action_failed"));
        QVERIFY2(error.message().contains(
                     QStringLiteral("Server could not be started: host maintenance")),
                 qPrintable(error.message()));
        QCOMPARE(m_server->requests(QByteArray("GET"), QStringLiteral("/v1/actions/13")).size(), 2);
    }

    void anActionThatFailsAtOnceIsNotPolled()
    {
        m_server->on("POST", QStringLiteral("/v1/servers/42/actions/reboot"),
                     FakeResponse::file(fixturePath(QStringLiteral("action_error.json")), 201));
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = AsyncResult::run<void>([&](Callback<void> done) {
            ProviderTesting::runAndFollow(*provider, QStringLiteral("42"), MachineAction::Reboot,
                                          std::move(done));
        });
        QVERIFY(outcome->result && !outcome->result->ok());
        QVERIFY(outcome->result->error().message().contains(QStringLiteral("host maintenance")));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void anActionThatSucceedsAtOnceIsNotPolled()
    {
        m_server->on("POST", QStringLiteral("/v1/servers/42/actions/shutdown"),
                     FakeResponse::file(fixturePath(QStringLiteral("action_success.json")), 201));
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = AsyncResult::run<void>([&](Callback<void> done) {
            ProviderTesting::runAndFollow(*provider, QStringLiteral("42"), MachineAction::Shutdown,
                                          std::move(done));
        });
        QVERIFY(outcome->result && outcome->result->ok());
        QCOMPARE(m_server->requestCount(), 1);
    }

    void destroyDeletesAndFollowsTheAction()
    {
        m_server->on("DELETE", QStringLiteral("/v1/servers/42"),
                     FakeResponse::file(fixturePath(QStringLiteral("action_delete.json"))));
        m_server->on("GET", QStringLiteral("/v1/actions/14"),
                     FakeResponse::json(QJsonObject {
                         {QStringLiteral("action"),
                          QJsonObject {{QStringLiteral("id"), 14},
                                       {QStringLiteral("command"), QStringLiteral("delete_server")},
                                       {QStringLiteral("status"), QStringLiteral("success")},
                                       {QStringLiteral("progress"), 100},
                                       {QStringLiteral("error"), QJsonValue::Null}}}}));
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = AsyncResult::run<void>([&](Callback<void> done) {
            ProviderTesting::runAndFollow(*provider, QStringLiteral("42"), MachineAction::Destroy,
                                          std::move(done));
        });
        QVERIFY(outcome->result.has_value());
        QVERIFY2(outcome->result->ok(),
                 qPrintable(AsyncResult::describe(outcome->result->error())));
        const auto requests = m_server->requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(0).method, QByteArray("DELETE"));
        QCOMPARE(requests.at(0).path, QStringLiteral("/v1/servers/42"));
        QVERIFY(requests.at(0).body.isEmpty());
        verifyAuthorized(requests.at(0));
        QCOMPARE(requests.at(1).path, QStringLiteral("/v1/actions/14"));
    }

    void aMachineIdThatIsNotANumberNeverReachesAPath()
    {
        auto provider = HetznerTesting::provider(*m_server);
        for (const QString &id : {QStringLiteral("../ssh_keys"), QStringLiteral("42?x=1"),
                                  QStringLiteral("web-1"), QString()}) {
            const auto outcome = AsyncResult::run<void>([&](Callback<void> done) {
                ProviderTesting::runAndFollow(*provider, id, MachineAction::Destroy,
                                              std::move(done));
            });
            QVERIFY(!outcome->calledSynchronously);
            QVERIFY(outcome->result && !outcome->result->ok());
            QCOMPARE(outcome->result->error().kind(), Error::InvalidInput);
        }
        QCOMPARE(m_server->requestCount(), 0);
    }

    void createSendsTheDocumentedBody()
    {
        m_server->on("POST", QStringLiteral("/v1/servers"),
                     FakeResponse::file(fixturePath(QStringLiteral("server_create.json")), 201));
        auto provider = HetznerTesting::provider(*m_server);
        CreateMachineRequest request;
        request.name = QStringLiteral("new-1");
        request.region = QStringLiteral("fsn1");
        request.size = QStringLiteral("cpx11");
        request.image = QStringLiteral("ubuntu-24.04");
        request.sshKeys = {QStringLiteral("2323"), QStringLiteral("laptop")}; // an id and a name
        request.tags = {QStringLiteral("env=dev"), QStringLiteral("temp")};
        request.userData = QStringLiteral("#cloud-config\npackages: [nginx]\n");
        const auto outcome = AsyncResult::run<Machine>(
            [&](Callback<Machine> done) { provider->createMachine(request, std::move(done)); });
        QVERIFY(outcome->result.has_value());
        QVERIFY2(outcome->result->ok(),
                 qPrintable(AsyncResult::describe(outcome->result->error())));
        const Machine &machine = outcome->result->value();
        QCOMPARE(machine.id, QStringLiteral("47"));
        QCOMPARE(machine.name, QStringLiteral("new-1"));
        QCOMPARE(machine.state, MachineState::Pending);
        QCOMPARE(machine.region, QStringLiteral("fsn1"));
        QCOMPARE(machine.publicIpv6, QStringList {QStringLiteral("2a01:4f8:c17:abcd::1")});

        QCOMPARE(m_server->requestCount(), 1);
        const RecordedRequest sent = m_server->lastRequest();
        QCOMPARE(sent.method, QByteArray("POST"));
        QCOMPARE(sent.path, QStringLiteral("/v1/servers"));
        QVERIFY(sent.header("Content-Type").startsWith("application/json"));
        verifyAuthorized(sent);
        // The body exactly as the reference's "Create a Server" documents it.
        const QJsonObject expected =
            readJsonFixture(QStringLiteral("hetzner/create_request.json")).object();
        QCOMPARE(sent.json(), expected);
    }

    void createWithoutAnImageIsRefusedBeforeSending()
    {
        auto provider = HetznerTesting::provider(*m_server);
        CreateMachineRequest request;
        request.name = QStringLiteral("new-1");
        request.size = QStringLiteral("cpx11");
        const auto outcome = AsyncResult::run<Machine>(
            [&](Callback<Machine> done) { provider->createMachine(request, std::move(done)); });
        QVERIFY(!outcome->calledSynchronously);
        QVERIFY(outcome->result && !outcome->result->ok());
        QCOMPARE(outcome->result->error().kind(), Error::InvalidInput);
        QCOMPARE(m_server->requestCount(), 0);
    }

    void regionsAcrossPages()
    {
        m_server->on("GET", QStringLiteral("/v1/locations"), [](const RecordedRequest &request) {
            return FakeResponse::file(
                fixturePath(QStringLiteral("locations_page%1.json")
                                .arg(request.query.queryItemValue(QStringLiteral("page")))));
        });
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = AsyncResult::run<QList<Region>>(
            [&](Callback<QList<Region>> done) { provider->listRegions(std::move(done)); });
        QVERIFY(outcome->result && outcome->result->ok());
        QStringList ids;
        for (const Region &region : outcome->result->value())
            ids.append(region.id);
        QCOMPARE(ids, (QStringList {QStringLiteral("fsn1"), QStringLiteral("nbg1"),
                                    QStringLiteral("hel1"), QStringLiteral("ash"),
                                    QStringLiteral("hil"), QStringLiteral("sin")}));
        QCOMPARE(m_server->requestCount(), 2);
        QCOMPARE(m_server->lastRequest().query.queryItemValue(QStringLiteral("page")),
                 QStringLiteral("2"));
        verifyAuthorized(m_server->lastRequest());
    }

    void sizes()
    {
        m_server->on("GET", QStringLiteral("/v1/server_types"),
                     FakeResponse::file(fixturePath(QStringLiteral("server_types.json"))));
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = AsyncResult::run<QList<Size>>(
            [&](Callback<QList<Size>> done) { provider->listSizes(std::move(done)); });
        QVERIFY(outcome->result && outcome->result->ok());
        QCOMPARE(outcome->result->value().size(), 5);
        QCOMPARE(outcome->result->value().first().regions,
                 (QStringList {QStringLiteral("fsn1"), QStringLiteral("nbg1")}));
        const RecordedRequest sent = m_server->lastRequest();
        QCOMPARE(sent.path, QStringLiteral("/v1/server_types"));
        QCOMPARE(sent.query.queryItemValue(QStringLiteral("per_page")), QStringLiteral("50"));
        verifyAuthorized(sent);
    }

    void imagesOfHetznerThenTheProjectsSnapshots()
    {
        m_server->on("GET", QStringLiteral("/v1/images"), [](const RecordedRequest &request) {
            const QString type = request.query.queryItemValue(QStringLiteral("type"));
            return FakeResponse::file(fixturePath(QStringLiteral("images_%1.json").arg(type)));
        });
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = AsyncResult::run<QList<Image>>(
            [&](Callback<QList<Image>> done) { provider->listImages(std::move(done)); });
        QVERIFY(outcome->result && outcome->result->ok());
        QStringList ids;
        for (const Image &image : outcome->result->value())
            ids.append(image.id);
        QCOMPARE(ids, (QStringList {QStringLiteral("ubuntu-24.04"), QStringLiteral("debian-13"),
                                    QStringLiteral("203442153")}));
        const auto requests = m_server->requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(0).query.queryItemValue(QStringLiteral("type")),
                 QStringLiteral("system"));
        QCOMPARE(requests.at(1).query.queryItemValue(QStringLiteral("type")),
                 QStringLiteral("snapshot"));
        for (const RecordedRequest &request : requests) {
            QCOMPARE(request.path, QStringLiteral("/v1/images"));
            QCOMPARE(request.query.queryItemValue(QStringLiteral("page")), QStringLiteral("1"));
            verifyAuthorized(request);
        }
    }

    void sshKeys()
    {
        m_server->on("GET", QStringLiteral("/v1/ssh_keys"),
                     FakeResponse::file(fixturePath(QStringLiteral("ssh_keys.json"))));
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = AsyncResult::run<QList<SshKey>>(
            [&](Callback<QList<SshKey>> done) { provider->listSshKeys(std::move(done)); });
        QVERIFY(outcome->result && outcome->result->ok());
        QCOMPARE(outcome->result->value().size(), 2);
        QCOMPARE(outcome->result->value().at(1).name, QStringLiteral("ci"));
        QCOMPARE(m_server->lastRequest().path, QStringLiteral("/v1/ssh_keys"));
        verifyAuthorized(m_server->lastRequest());
    }

    void verifyListsOneServer()
    {
        m_server->on("GET", QStringLiteral("/v1/servers"),
                     FakeResponse::file(fixturePath(QStringLiteral("servers_page1.json"))));
        auto provider = HetznerTesting::provider(*m_server);
        const auto outcome = AsyncResult::run<QString>(
            [&](Callback<QString> done) { provider->verify(std::move(done)); });
        QVERIFY(outcome->result && outcome->result->ok());
        QCOMPARE(outcome->result->value(), QStringLiteral("Hetzner Cloud project with 5 servers"));
        QCOMPARE(m_server->requestCount(), 1);
        QCOMPARE(m_server->lastRequest().query.queryItemValue(QStringLiteral("per_page")),
                 QStringLiteral("1"));
        verifyAuthorized(m_server->lastRequest());
    }

    void theRegistryFindsAndLoadsThePlugin()
    {
        // CLOUDDECK_PLUGIN_PATH (set by ctest) points at the build tree's plugin folder.
        ProviderRegistry registry;
        QVERIFY2(registry.contains(QStringLiteral("hetzner")),
                 qPrintable(registry.searchPath().join(QLatin1Char(':'))));
        const ProviderMetadata metadata = registry.metadata(QStringLiteral("hetzner"));
        QCOMPARE(metadata.name, QStringLiteral("Hetzner Cloud"));
        QCOMPARE(metadata.defaultEndpoint, QUrl(QStringLiteral("https://api.hetzner.cloud/v1")));
        for (const char *capability : {"start", "shutdown", "poweroff", "reboot", "destroy",
                                       "create", "regions", "sizes", "images", "keys"})
            QVERIFY2(metadata.can(QString::fromLatin1(capability)), capability);
        QCOMPARE(metadata.secretFields().size(), 1);
        QCOMPARE(metadata.secretFields().first().id, QStringLiteral("token"));

        m_server->on("GET", QStringLiteral("/v1/servers"), &serversByPage);
        QString error;
        std::unique_ptr<Provider> provider(registry.create(
            account(*m_server), QVariantMap {{QStringLiteral("token"), QString::fromLatin1(token)}},
            nullptr, &error));
        QVERIFY2(provider, qPrintable(error));
        QCOMPARE(provider->metadata().id, QStringLiteral("hetzner"));
        const auto outcome = AsyncResult::run<QList<Machine>>(
            [&](Callback<QList<Machine>> done) { provider->listMachines(std::move(done)); });
        QVERIFY(outcome->result && outcome->result->ok());
        QCOMPARE(outcome->result->value().size(), 5);
        verifyAuthorized(m_server->lastRequest());
    }

    void theDefaultEndpointIsHetznersAndAnOverrideReplacesItWhole()
    {
        Account account;
        account.id = QStringLiteral("a");
        account.providerId = QStringLiteral("hetzner");
        HetznerProvider defaults(metadata(), account, {});
        QCOMPARE(defaults.url(QStringLiteral("/servers")),
                 QUrl(QStringLiteral("https://api.hetzner.cloud/v1/servers")));
        account.endpoint = QUrl(QStringLiteral("https://cloud.example.org/api/v1/"));
        HetznerProvider overridden(metadata(), account, {});
        QCOMPARE(overridden.url(QStringLiteral("/servers")),
                 QUrl(QStringLiteral("https://cloud.example.org/api/v1/servers")));
    }

    void deletingTheProviderCancelsAFollowWithoutCallingBack()
    {
        m_server->on("POST", QStringLiteral("/v1/servers/42/actions/poweroff"),
                     FakeResponse::file(fixturePath(QStringLiteral("action_running.json")), 201));
        m_server->on("GET", QStringLiteral("/v1/actions/13"),
                     FakeResponse::file(fixturePath(QStringLiteral("action_running.json"))));
        auto provider = HetznerTesting::provider(*m_server);
        auto calls = std::make_shared<int>(0);
        ProviderTesting::runAndFollow(*provider, QStringLiteral("42"), MachineAction::PowerOff,
                                      [calls](Result<void>) { ++*calls; });
        QTRY_VERIFY(m_server->requests(QByteArray("GET"), QStringLiteral("/v1/actions/13")).size()
                    >= 2);
        provider.reset();
        const int seen = m_server->requestCount();
        expectNothingWithin(100); // five times the longest poll interval: no more polls
        QCOMPARE(*calls, 0);
        // The GET that was aborted may still reach the server; nothing after it.
        QVERIFY2(m_server->requestCount() <= seen + 1,
                 qPrintable(QStringLiteral("%1 requests, %2 when deleted")
                                .arg(m_server->requestCount())
                                .arg(seen)));
    }
};

QTEST_GUILESS_MAIN(TestHetznerProvider)
#include "tst_hetznerprovider.moc"
