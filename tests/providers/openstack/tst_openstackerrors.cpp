// Every error kind of issue 14 for OpenStack: 403, 404, 409 (in tst_openstackactions), 5xx, a
// later page failing, a cut-off reply, replies of the wrong shape, rate limiting, a timeout, and
// TLS: an unpinned self-signed certificate refused with its fingerprint offered, a pinned one
// accepted, a changed one refused, and no step down from https to http.
#include "fakeopenstack.h"
#include "providererrorchecks.h"
#include "testhelpers.h"

#include <QTest>

namespace {
const QString s_servers = QStringLiteral("/compute/v2.1/servers/detail");
const QString s_action = QStringLiteral("/compute/v2.1/servers/*/action");
const QString s_web = QStringLiteral("2ce4c5b3-2866-4972-93ce-77a2ea46a7f9");
} // namespace

class TestOpenStackErrors : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<FakeOpenStack> m_fake;

    ErrorScenario scenario()
    {
        ErrorScenario result;
        result.server = m_server.get();
        result.machinesPath = s_servers;
        result.makeProvider = [this](const FakeCloudServer &) -> std::unique_ptr<Provider> {
            return m_fake->provider();
        };
        return result;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeCloudServer>();
        QVERIFY(m_server->listen());
        m_fake = std::make_unique<FakeOpenStack>(*m_server);
        m_fake->serveFixtures();
    }

    void httpErrors_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("status");
        QTest::addColumn<Error::Kind>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("403") << "error_forbidden" << 403 << Error::Forbidden
                             << "Policy doesn't allow os_compute_api:servers:detail";
        QTest::newRow("404") << "error_item_not_found" << 404 << Error::NotFound
                             << "could not be found";
        QTest::newRow("400") << "error_bad_request" << 400 << Error::BadRequest
                             << "Multiple possible networks found";
        QTest::newRow("500") << "error_compute_fault" << 500 << Error::Server
                             << "Unexpected API Error";
    }

    void httpErrors()
    {
        QFETCH(QString, fixture);
        QFETCH(int, status);
        QFETCH(Error::Kind, kind);
        QFETCH(QString, reason);
        ProviderErrorChecks::httpError(scenario(), m_fake->reply(fixture, status), status, kind,
                                       reason, s_action, s_web, MachineAction::Start);
    }

    void neutronAndGlanceErrorsSpeakToo()
    {
        m_server->on("GET", QStringLiteral("/network/v2.0/networks"),
                     m_fake->reply(QStringLiteral("error_neutron_not_found"), 404));
        m_server->on("GET", QStringLiteral("/image/v2/images"),
                     FakeResponse::raw(403, "403 Forbidden\n\nYou are not authorized to list "
                                            "images.\n\n", "text/plain"));
        const auto provider = m_fake->provider();
        const auto networks = AsyncResult::run<QList<OpenStackProvider::Network>>(
            [&](Callback<QList<OpenStackProvider::Network>> done) {
                provider->listNetworks(QStringLiteral("RegionOne"), done);
            });
        QCOMPARE(networks->error().kind(), Error::NotFound);
        QVERIFY2(networks->error().message().contains(QLatin1String("Network d32019d3")),
                 networks->describe());
        QCOMPARE(networks->error().providerCode(), QStringLiteral("NetworkNotFound"));
        const auto images = ProviderTesting::listImages(*provider);
        QCOMPARE(images->error().kind(), Error::Forbidden);
        QVERIFY2(images->error().message().contains(QLatin1String("not authorized to list images")),
                 images->describe());
    }

    void aFailedLaterPageFailsTheList()
    {
        ProviderErrorChecks::failedLaterPage(
            scenario(), m_fake->reply(QStringLiteral("servers_detail_regionone_page1")),
            [](const RecordedRequest &request) { return !request.query.hasQueryItem(QStringLiteral("marker")); },
            m_fake->reply(QStringLiteral("error_compute_fault"), 500), Error::Server);
    }

    void aFailingRegionFailsTheList()
    {
        // A list missing RegionTwo would look as if its machines were deleted.
        m_server->on("GET", QStringLiteral("/r2/compute/v2.1/servers/detail"),
                     m_fake->reply(QStringLiteral("error_compute_fault"), 500));
        const auto outcome = ProviderTesting::listMachines(*m_fake->provider());
        QCOMPARE(outcome->error().kind(), Error::Server);
        QCOMPARE(outcome->calls, 1);
    }

    void aCutOffReplyIsInvalid()
    {
        ProviderErrorChecks::truncatedList(
            scenario(), m_fake->reply(QStringLiteral("servers_detail_regionone_page1")));
    }

    void repliesOfTheWrongShape_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("valid");
        QTest::newRow("empty list") << QByteArray(R"({"servers": []})") << true;
        QTest::newRow("no servers") << QByteArray(R"({})") << false;
        QTest::newRow("servers an object") << QByteArray(R"({"servers": {}})") << false;
        QTest::newRow("no status") << QByteArray(R"({"servers": [{"id": "a"}]})") << false;
        QTest::newRow("addresses a string")
            << QByteArray(R"({"servers": [{"id": "a", "status": "ACTIVE", "addresses": "x"}]})")
            << false;
        QTest::newRow("not an ip")
            << QByteArray(R"({"servers": [{"id": "a", "status": "ACTIVE",
                 "addresses": {"n": [{"addr": "nope", "version": 4}]}}]})")
            << false;
        QTest::newRow("tags an object")
            << QByteArray(R"({"servers": [{"id": "a", "status": "ACTIVE", "tags": {}}]})") << false;
        QTest::newRow("bad next link")
            << QByteArray(R"({"servers": [], "servers_links": [{"rel": "next", "href": "/x"}]})")
            << false;
        QTest::newRow("an array") << QByteArray(R"([])") << false;
        QTest::newRow("html") << QByteArray("<html>proxy error</html>") << false;
    }

    void repliesOfTheWrongShape()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, valid);
        ProviderErrorChecks::wrongShape(scenario(), body, valid, [](const Machine &machine) {
            QVERIFY(!machine.id.isEmpty());
        });
    }

    void aBrokenTokenReplyIsInvalid_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("subjectToken");
        QTest::newRow("no header") << QByteArray(R"({"token": {"expires_at": "2030-01-01T00:00:00Z"}})")
                                   << QByteArray();
        QTest::newRow("no expiry") << QByteArray(R"({"token": {"catalog": []}})") << QByteArray("t");
        QTest::newRow("catalog an object")
            << QByteArray(R"({"token": {"expires_at": "2030-01-01T00:00:00Z", "catalog": {}}})")
            << QByteArray("t");
        QTest::newRow("endpoint without url")
            << QByteArray(R"({"token": {"expires_at": "2030-01-01T00:00:00Z", "catalog": [
                 {"type": "compute", "endpoints": [{"interface": "public", "region_id": "R"}]}]}})")
            << QByteArray("t");
    }

    void aBrokenTokenReplyIsInvalid()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, subjectToken);
        FakeResponse reply = FakeResponse::raw(201, body);
        if (!subjectToken.isEmpty())
            reply.withHeader("X-Subject-Token", subjectToken);
        m_server->on("POST", QStringLiteral("/identity/v3/auth/tokens"), reply);
        const auto outcome = ProviderTesting::verify(*m_fake->provider());
        QCOMPARE(outcome->error().kind(), Error::InvalidReply);
        QVERIFY(!outcome->error().message().isEmpty());
    }

    void persistentRateLimiting()
    {
        ProviderErrorChecks::persistentRateLimit(
            scenario(), m_fake->reply(QStringLiteral("error_over_limit"), 429).withHeader("Retry-After", "0"),
            QStringLiteral("Maximum number of instances exceeded"));
    }

    void aSilentServerTimesOut()
    {
        ProviderErrorChecks::timesOut(scenario(), QStringLiteral("/compute/v2.1"),
                                      m_fake->reply(QStringLiteral("compute_version")));
    }

    void aSilentKeystoneTimesOut()
    {
        m_server->on("POST", QStringLiteral("/identity/v3/auth/tokens"),
                     m_fake->reply(QStringLiteral("token_application_credential"), 201)
                         .withHeader("X-Subject-Token", "t")
                         .withDelay(5000));
        const auto provider = m_fake->provider();
        provider->http()->setTimeoutMs(300);
        const auto outcome = ProviderTesting::listMachines(*provider);
        QCOMPARE(outcome->error().kind(), Error::Timeout);
    }
};

/// TLS against an HTTPS fake cloud whose catalog names its own https URL.
class TestOpenStackTls : public QObject
{
    Q_OBJECT

    TestCertificate m_first;
    TestCertificate m_second;

private Q_SLOTS:
    void initTestCase()
    {
        m_first = makeSelfSignedCertificate();
        m_second = makeSelfSignedCertificate();
        QVERIFY(!m_first.isNull() && !m_second.isNull());
    }

    void unpinnedSelfSignedIsRefusedWithItsFingerprint()
    {
        FakeCloudServer https;
        QVERIFY(https.listenTls(m_first.certificate, m_first.key));
        FakeOpenStack fake(https);
        fake.serveFixtures();
        const auto outcome = ProviderTesting::verify(*fake.provider());
        QCOMPARE(outcome->error().kind(), Error::Tls);
        QCOMPARE(outcome->error().peerCertificateSha256(), m_first.sha256());
        QVERIFY2(outcome->error().message().contains(QString::fromLatin1(m_first.sha256())),
                 outcome->describe());
        // Nothing reached the server: the handshake failed before any request.
        QCOMPARE(https.requestCount(), 0);
    }

    void pinnedIsAcceptedAndAChangeIsRefused()
    {
        FakeCloudServer https;
        QVERIFY(https.listenTls(m_first.certificate, m_first.key));
        FakeOpenStack fake(https);
        fake.serveFixtures();
        Account account = fake.account();
        account.pinnedCertificateSha256 = m_first.sha256();
        const auto provider = fake.provider(account, FakeOpenStack::appCredentialSecrets());
        const auto listed = ProviderTesting::listMachines(*provider);
        QVERIFY2(listed->ok(), listed->describe());
        QCOMPARE(listed->result->value().size(), 4);
        QVERIFY(fake.violations().isEmpty());

        https.setCertificate(m_second.certificate, m_second.key);
        https.disconnectAll();
        const auto changed = ProviderTesting::listMachines(*provider);
        QCOMPARE(changed->error().kind(), Error::Tls);
        QVERIFY2(changed->error().message().contains(QLatin1String("has changed")),
                 changed->describe());
        QCOMPARE(changed->error().peerCertificateSha256(), m_second.sha256());
    }

    void noStepDownToPlainHttp()
    {
        FakeCloudServer https;
        QVERIFY(https.listenTls(m_first.certificate, m_first.key));
        FakeOpenStack fake(https);
        fake.serveFixtures();
        QByteArray token = fake.fixture(QStringLiteral("token_application_credential"));
        const QByteArray base = https.url().toEncoded();
        token.replace(base + "/compute", "http" + base.mid(5) + "/compute");
        https.on("POST", QStringLiteral("/identity/v3/auth/tokens"),
                 FakeResponse::raw(201, token).withHeader("X-Subject-Token", "t"));
        Account account = fake.account();
        account.pinnedCertificateSha256 = m_first.sha256();
        const auto provider = fake.provider(account, FakeOpenStack::appCredentialSecrets());
        const auto outcome = ProviderTesting::listMachines(*provider);
        QCOMPARE(outcome->error().kind(), Error::Insecure);
        QVERIFY2(outcome->error().message().contains(QLatin1String("plain http")),
                 outcome->describe());
        QCOMPARE(https.requests("POST", QStringLiteral("/identity/v3/auth/tokens")).size(), 1);
        QCOMPARE(https.requestCount(), 1);

        // Nor does the authorizer put the token on a plain http request to the Keystone host.
        FakeCloudServer plain;
        QVERIFY(plain.listen());
        plain.on("GET", QStringLiteral("/compute/v2.1"), FakeResponse::raw(200, "{}"));
        QCOMPARE(plain.url().host(), https.url().host());
        QVERIFY(provider->session()->token());
        const auto sent = AsyncResult::run<HttpResponse>([&](Callback<HttpResponse> done) {
            provider->http()->send(HttpRequest::get(plain.url(QStringLiteral("/compute/v2.1"))),
                                   done);
        });
        QVERIFY2(sent->ok(), sent->describe());
        QCOMPARE(plain.requestCount(), 1);
        QVERIFY(plain.lastRequest().header("X-Auth-Token").isEmpty());
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int status = 0;
    {
        TestOpenStackErrors errors;
        status |= QTest::qExec(&errors, argc, argv);
    }
    {
        TestOpenStackTls tls;
        status |= QTest::qExec(&tls, argc, argv);
    }
    return status;
}

#include "tst_openstackerrors.moc"
