// OpenStack against the fake cloud: Keystone sign-in (application credential and password), the
// token's lifetime and a 401, the catalog's regions listed in parallel, Nova's paging and
// microversion, every server status, and the rule that a token never goes to a host the user did
// not configure.
#include "fakeopenstack.h"
#include "openstackrequests.h"
#include "testhelpers.h"

#include <QTest>

using ProviderTesting::find;

class TestOpenStackProvider : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<FakeOpenStack> m_fake;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeCloudServer>();
        QVERIFY(m_server->listen());
        m_fake = std::make_unique<FakeOpenStack>(*m_server);
        m_fake->serveFixtures();
    }

    void cleanup()
    {
        QVERIFY2(m_fake->violations().isEmpty(),
                 qPrintable(m_fake->violations().join(QLatin1Char('\n'))));
    }

    void listsEveryRegionOfTheCatalog()
    {
        const auto provider = m_fake->provider();
        const auto outcome = ProviderTesting::listMachines(*provider);
        QVERIFY2(outcome->ok(), outcome->describe());
        QVERIFY(!outcome->calledSynchronously);
        const QList<Machine> machines = outcome->result->value();
        QCOMPARE(machines.size(), 4); // 2 + 1 in RegionOne (two pages), 1 in RegionTwo
        QCOMPARE(find(machines, QStringLiteral("7c6b5a49-3827-4160-9f8e-7d6c5b4a3928"))->region,
                 QStringLiteral("RegionTwo"));
        QCOMPARE(find(machines, QStringLiteral("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"))->region,
                 QStringLiteral("RegionOne"));
        for (const Machine &machine : machines)
            QCOMPARE(machine.accountId, m_fake->account().id);
        // One token for everything, one version document per compute endpoint.
        QCOMPARE(m_fake->tokensIssued(), 1);
        QCOMPARE(m_server->requests("GET", QStringLiteral("/compute/v2.1")).size(), 1);
        QCOMPARE(m_server->requests("GET", QStringLiteral("/r2/compute/v2.1")).size(), 1);
    }

    void pagesWithLimitAndMarker()
    {
        const auto provider = m_fake->provider();
        QVERIFY(ProviderTesting::listMachines(*provider)->ok());
        const auto pages = m_server->requests("GET", QStringLiteral("/compute/v2.1/servers/detail"));
        QCOMPARE(pages.size(), 2);
        QCOMPARE(pages[0].target, QByteArray("/compute/v2.1/servers/detail?limit=2"));
        QCOMPARE(pages[1].query.queryItemValue(QStringLiteral("marker")),
                 QStringLiteral("9aa1b2c3-0d4e-4f50-8a61-72b83c94d0e5"));
        QCOMPARE(pages[1].query.queryItemValue(QStringLiteral("limit")), QStringLiteral("2"));
    }

    void sendsTheTokenAndTheNegotiatedMicroversion()
    {
        const auto provider = m_fake->provider();
        QVERIFY(ProviderTesting::listMachines(*provider)->ok());
        const auto auth = m_server->requests("POST", QStringLiteral("/identity/v3/auth/tokens"));
        QCOMPARE(auth.size(), 1);
        // The api-ref's application-credential request, with our credential.
        const QJsonObject expected = QJsonDocument::fromJson(R"({"auth": {"identity": {
            "methods": ["application_credential"],
            "application_credential": {"id": "423f19a4ac1e4f48bbb4180756e6eb6c",
                                       "secret": "rEaqvJka48mpv-secret-9c1f"}}}})").object();
        QCOMPARE(auth[0].json(), expected);
        for (const RecordedRequest &request : m_fake->authorizedRequests()) {
            QVERIFY2(request.header("X-Auth-Token").startsWith("gAAAAABfake-token-"),
                     qPrintable(request.path));
            if (request.path.contains(QLatin1String("/servers")))
                QCOMPARE(request.header("OpenStack-API-Version"), QByteArray("compute 2.55"));
        }
    }

    void capsTheMicroversionAtTheNewestWeSpeak()
    {
        m_server->on("GET", QStringLiteral("/compute/v2.1"),
                     m_fake->reply(QStringLiteral("compute_version_newer")));
        m_fake->setNovaMax(QStringLiteral("2.96"));
        QCOMPARE(NovaParser::negotiate(QStringLiteral("2.96")), QStringLiteral("2.73"));
        QCOMPARE(NovaParser::negotiate(QStringLiteral("2.9")), QStringLiteral("2.9"));
        QCOMPARE(NovaParser::negotiate(QString()), QString());
        const auto provider = m_fake->provider();
        QVERIFY(ProviderTesting::listMachines(*provider)->ok());
        const auto pages = m_server->requests("GET", QStringLiteral("/compute/v2.1/servers/detail"));
        QCOMPARE(pages[0].header("OpenStack-API-Version"), QByteArray("compute 2.73"));
    }

    void readsEveryFieldOfAServer()
    {
        const auto provider = m_fake->provider();
        const auto outcome = ProviderTesting::listMachines(*provider);
        QVERIFY2(outcome->ok(), outcome->describe());
        const Machine *web =
            find(outcome->result->value(), QStringLiteral("2ce4c5b3-2866-4972-93ce-77a2ea46a7f9"));
        QVERIFY(web);
        QCOMPARE(web->name, QStringLiteral("web-1"));
        QCOMPARE(web->state, MachineState::Running);
        QCOMPARE(web->providerState, QStringLiteral("ACTIVE"));
        // Floating and globally routable fixed addresses are public, per family.
        QCOMPARE(web->publicIpv4, QStringList({QStringLiteral("203.0.113.17"),
                                               QStringLiteral("198.51.100.40")}));
        QCOMPARE(web->privateIpv4, QStringList {QStringLiteral("10.0.0.12")});
        QCOMPARE(web->publicIpv6, QStringList {QStringLiteral("2001:db8:0:1::40")});
        QCOMPARE(web->privateIpv6, QStringList {QStringLiteral("fd12:3456:789a:1::12")});
        const QVariantMap networks = web->extra.value(QStringLiteral("networks")).toMap();
        QCOMPARE(networks.value(QStringLiteral("private")).toStringList().size(), 3);
        QVERIFY(networks.value(QStringLiteral("private"))
                    .toStringList()
                    .contains(QStringLiteral("203.0.113.17 (floating)")));
        QCOMPARE(web->size, QStringLiteral("m1.small"));
        QCOMPARE(web->vcpus, 1);
        QCOMPARE(web->memoryMb, 2048);
        QCOMPARE(web->diskGb, 20);
        QCOMPARE(web->image, QStringLiteral("70a599e0-31e7-49b7-b260-868f441e862b"));
        QCOMPARE(web->tags, QStringList({QStringLiteral("web"), QStringLiteral("prod")}));
        QCOMPARE(web->extra.value(QStringLiteral("metadata")).toMap(),
                 QVariantMap({{QStringLiteral("role"), QStringLiteral("web")}}));
        QCOMPARE(web->extra.value(QStringLiteral("availabilityZone")).toString(),
                 QStringLiteral("nova"));
        QCOMPARE(web->extra.value(QStringLiteral("keyName")).toString(), QStringLiteral("ops-key"));
        QCOMPARE(web->createdAt, QDateTime(QDate(2019, 4, 23), QTime(15, 19, 14), Qt::UTC));
        QVERIFY(!web->pricePerMonth && !web->pricePerHour); // the API has no prices

        const Machine *db =
            find(outcome->result->value(), QStringLiteral("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"));
        QVERIFY(db);
        QCOMPARE(db->state, MachineState::Stopped);
        QVERIFY(db->image.isEmpty()); // booted from a volume: "image": ""
        const Machine *building =
            find(outcome->result->value(), QStringLiteral("9aa1b2c3-0d4e-4f50-8a61-72b83c94d0e5"));
        QCOMPARE(building->state, MachineState::Pending);
        QVERIFY(building->publicIps().isEmpty() && building->privateIps().isEmpty());
        QCOMPARE(building->extra.value(QStringLiteral("availabilityZone")).toString(),
                 QStringLiteral("az2"));
    }

    void mapsEveryServerStatus_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<MachineState::State>("state");
        QTest::newRow("ACTIVE") << "s-active" << MachineState::Running;
        QTest::newRow("BUILD") << "s-build" << MachineState::Pending;
        QTest::newRow("REBUILD") << "s-rebuild" << MachineState::Pending;
        QTest::newRow("SHUTOFF") << "s-shutoff" << MachineState::Stopped;
        QTest::newRow("REBOOT") << "s-reboot" << MachineState::Rebooting;
        QTest::newRow("HARD_REBOOT") << "s-hard_reboot" << MachineState::Rebooting;
        QTest::newRow("PAUSED") << "s-paused" << MachineState::Suspended;
        QTest::newRow("SUSPENDED") << "s-suspended" << MachineState::Suspended;
        QTest::newRow("SHELVED") << "s-shelved" << MachineState::Suspended;
        QTest::newRow("SHELVED_OFFLOADED") << "s-shelved_offloaded" << MachineState::Suspended;
        QTest::newRow("RESIZE") << "s-resize" << MachineState::Pending;
        QTest::newRow("VERIFY_RESIZE") << "s-verify_resize" << MachineState::Running;
        QTest::newRow("MIGRATING") << "s-migrating" << MachineState::Pending;
        QTest::newRow("RESCUE") << "s-rescue" << MachineState::Suspended;
        QTest::newRow("ERROR") << "s-error" << MachineState::Error;
        QTest::newRow("DELETED") << "s-deleted" << MachineState::Terminated;
        QTest::newRow("SOFT_DELETED") << "s-soft_deleted" << MachineState::Terminated;
        QTest::newRow("UNKNOWN") << "s-unknown" << MachineState::Unknown;
        QTest::newRow("PASSWORD") << "s-password" << MachineState::Running;
        QTest::newRow("ACTIVE powering-off") << "s-powering-off" << MachineState::Stopping;
        QTest::newRow("SHUTOFF powering-on") << "s-powering-on" << MachineState::Starting;
    }

    void mapsEveryServerStatus()
    {
        QFETCH(QString, name);
        QFETCH(MachineState::State, state);
        const auto parsed = NovaParser::servers(
            readJsonFixture(QStringLiteral("openstack/servers_detail_states.json")).object(),
            QStringLiteral("RegionOne"));
        QVERIFY(parsed.ok());
        for (const Machine &machine : parsed.value()) {
            if (machine.name != name)
                continue;
            QCOMPARE(machine.state, state);
            // The original is kept.
            QCOMPARE(machine.providerState, QString::fromLatin1(QTest::currentDataTag()).section(
                                                QLatin1Char(' '), 0, 0));
            return;
        }
        QFAIL("no such server in the fixture");
    }

    void verifySaysWhoAndWhere()
    {
        const auto provider = m_fake->provider();
        const auto outcome = ProviderTesting::verify(*provider);
        QVERIFY2(outcome->ok(), outcome->describe());
        QCOMPARE(outcome->result->value(),
                 QStringLiteral("demo in project demo (compute in RegionOne, RegionTwo)"));
    }

    void signsInWithAPasswordScopedToTheProject()
    {
        const auto provider =
            m_fake->provider(m_fake->passwordAccount(), FakeOpenStack::passwordSecrets());
        QVERIFY(ProviderTesting::listMachines(*provider)->ok());
        const QJsonObject expected = QJsonDocument::fromJson(R"({"auth": {
            "identity": {"methods": ["password"], "password": {"user": {
                "name": "demo", "domain": {"name": "Default"},
                "password": "devstacker-password-7b2e"}}},
            "scope": {"project": {"name": "demo", "domain": {"name": "Default"}}}}})").object();
        QCOMPARE(m_server->requests("POST", QStringLiteral("/identity/v3/auth/tokens"))[0].json(),
                 expected);
    }

    void scopesByProjectIdWhenGiven()
    {
        Account account = m_fake->passwordAccount();
        account.settings.insert(QStringLiteral("projectId"),
                                QStringLiteral("231c62fb0fbd485b995e8b060c3f0d98"));
        account.settings.insert(QStringLiteral("userDomainId"), QStringLiteral("default"));
        const auto body = OpenStackRequests::authBody(account, FakeOpenStack::passwordSecrets());
        QVERIFY(body.ok());
        const QJsonObject auth = body.value()[QLatin1String("auth")].toObject();
        QCOMPARE(auth[QLatin1String("scope")].toObject(),
                 QJsonObject({{QStringLiteral("project"),
                               QJsonObject {{QStringLiteral("id"),
                                             QStringLiteral("231c62fb0fbd485b995e8b060c3f0d98")}}}}));
        QCOMPARE(auth[QLatin1String("identity")][QLatin1String("password")][QLatin1String("user")]
                     [QLatin1String("domain")]
                         .toObject(),
                 QJsonObject({{QStringLiteral("id"), QStringLiteral("default")}}));
        QVERIFY(checkAuthBody(body.value()).isEmpty());
    }

    void reusesTheTokenUntilShortlyBeforeItExpires()
    {
        // The fixture's token lives an hour (issued 21:14:05, expires 22:14:05 on the cloud's
        // clock); renewal starts 5 minutes before the end, measured on our (injected) clock.
        const auto provider = m_fake->provider();
        QDateTime now = QDateTime(QDate(2030, 1, 1), QTime(12, 0), Qt::UTC);
        const QDateTime start = now;
        provider->session()->oauth()->setClock([&now] { return now; });
        QVERIFY(ProviderTesting::listMachines(*provider)->ok());
        QCOMPARE(m_fake->tokensIssued(), 1);
        QCOMPARE(provider->session()->oauth()->renewAt(), start.addSecs(60 * 60 - 5 * 60));
        now = now.addSecs(54 * 60);
        QVERIFY(ProviderTesting::listMachines(*provider)->ok());
        QCOMPARE(m_fake->tokensIssued(), 1);
        now = now.addSecs(2 * 60); // 56 minutes in: inside the margin
        QVERIFY(ProviderTesting::listMachines(*provider)->ok());
        QCOMPARE(m_fake->tokensIssued(), 2);
        QCOMPARE(provider->session()->oauth()->fetches(), 2);
    }

    void withoutIssuedAtTheTokenLivesUntilExpiresAt()
    {
        // A reply without issued_at: the lifetime runs from when we asked to expires_at as our
        // clock reads it.
        QJsonObject reply =
            QJsonDocument::fromJson(m_fake->fixture(QStringLiteral("token_application_credential")))
                .object();
        QJsonObject token = reply.value(QLatin1String("token")).toObject();
        token.remove(QStringLiteral("issued_at"));
        reply.insert(QStringLiteral("token"), token);
        m_server->on("POST", QStringLiteral("/identity/v3/auth/tokens"),
                     FakeResponse::raw(201, QJsonDocument(reply).toJson())
                         .withHeader("X-Subject-Token", "gAAAAAB-no-issued-at"));
        const auto provider = m_fake->provider();
        OAuthToken *oauth = provider->session()->oauth();
        const QDateTime expiresAt(QDate(2018, 1, 15), QTime(22, 14, 5), Qt::UTC);
        QDateTime now = expiresAt.addSecs(-30 * 60);
        oauth->setClock([&now] { return now; });
        const auto ready =
            AsyncResult::run<void>([oauth](Callback<void> done) { oauth->withToken(done); });
        QVERIFY2(ready->ok(), ready->describe());
        QCOMPARE(oauth->renewAt(), expiresAt.addSecs(-OAuthToken::renewMarginSeconds));
        QVERIFY(provider->session()->token());
        QCOMPARE(provider->session()->token()->id, QByteArray("gAAAAAB-no-issued-at"));
        now = expiresAt.addSecs(-OAuthToken::renewMarginSeconds);
        QVERIFY(
            AsyncResult::run<void>([oauth](Callback<void> done) { oauth->withToken(done); })->ok());
        QCOMPARE(oauth->fetches(), 2);
    }

    void authenticatesOnceForParallelCalls()
    {
        const auto provider = m_fake->provider();
        auto first = std::make_shared<std::optional<Result<QList<Machine>>>>();
        auto second = std::make_shared<std::optional<Result<QList<Size>>>>();
        provider->listMachines([first](Result<QList<Machine>> r) { first->emplace(std::move(r)); });
        provider->listSizes([second](Result<QList<Size>> r) { second->emplace(std::move(r)); });
        QTRY_VERIFY(first->has_value() && second->has_value());
        QVERIFY(first->value().ok() && second->value().ok());
        QCOMPARE(m_fake->tokensIssued(), 1);
    }

    void aRejectedTokenIsRenewedOnceThenTheCallSucceeds()
    {
        const auto provider = m_fake->provider();
        QVERIFY(ProviderTesting::listMachines(*provider)->ok());
        m_fake->revokeAll(); // Keystone's keys rotated: the cached token is now refused
        m_server->clearRequests();
        const auto outcome = ProviderTesting::listMachines(*provider);
        QVERIFY2(outcome->ok(), outcome->describe());
        QCOMPARE(outcome->result->value().size(), 4);
        QCOMPARE(m_fake->tokensIssued(), 2);
        const auto renewal = m_server->requests("POST", QStringLiteral("/identity/v3/auth/tokens"));
        QCOMPARE(renewal.size(), 1);
        QVERIFY(renewal[0].header("X-Auth-Token").isEmpty()); // the request for a token has none
    }

    void aSecond401IsTheAnswer()
    {
        const auto provider = m_fake->provider();
        QVERIFY(ProviderTesting::listMachines(*provider)->ok());
        m_server->on("GET", QStringLiteral("/compute/v2.1/servers/detail"),
                     FakeResponse::file(QStringLiteral("openstack/error_keystone_unauthorized.json"),
                                        401));
        m_server->clearRequests();
        const auto outcome = ProviderTesting::listMachines(*provider);
        QCOMPARE(outcome->error().kind(), Error::Auth);
        QCOMPARE(outcome->calls, 1);
        // One renewal, not a loop.
        QCOMPARE(m_server->requests("POST", QStringLiteral("/identity/v3/auth/tokens")).size(), 1);
        QCOMPARE(m_server->requests("GET", QStringLiteral("/compute/v2.1/servers/detail")).size(),
                 2);
    }

    void wrongCredentialsAreAnAuthError()
    {
        const auto provider = m_fake->provider(
            m_fake->account(), {{QStringLiteral("applicationCredentialSecret"),
                                 QStringLiteral("wrong")}});
        const auto outcome = ProviderTesting::listMachines(*provider);
        QCOMPARE(outcome->error().kind(), Error::Auth);
        QVERIFY2(outcome->error().message().contains(QLatin1String("Keystone rejected")),
                 outcome->describe());
        QVERIFY(!outcome->error().message().contains(QLatin1String("wrong")));
        QCOMPARE(m_fake->authorizedRequests().size(), 0);
    }

    void missingCredentialsFailBeforeAnyRequest()
    {
        Account account = m_fake->account();
        const auto provider = m_fake->provider(account, {});
        const auto outcome = ProviderTesting::verify(*provider);
        QCOMPARE(outcome->error().kind(), Error::CredentialsMissing);
        account.settings.clear();
        const auto nothing = ProviderTesting::verify(*m_fake->provider(account, {}));
        QCOMPARE(nothing->error().kind(), Error::CredentialsMissing);
        QVERIFY(nothing->error().message().contains(QLatin1String("application credential")));
        Account noProject = m_fake->passwordAccount();
        noProject.settings.remove(QStringLiteral("projectName"));
        const auto unscoped =
            ProviderTesting::verify(*m_fake->provider(noProject, FakeOpenStack::passwordSecrets()));
        QCOMPARE(unscoped->error().kind(), Error::InvalidInput);
        QCOMPARE(m_server->requestCount(), 0);
    }

    void aCatalogPointingElsewhereIsRefusedAndGetsNoToken()
    {
        // The catalog names "localhost:<other port>" for compute: the same machine, another host
        // name than the one configured (127.0.0.1). The other server must see nothing.
        FakeCloudServer elsewhere;
        QVERIFY(elsewhere.listen());
        elsewhere.on("*", QStringLiteral("/compute/v2.1"), FakeResponse::raw(200, "{}"));
        QByteArray token = m_fake->fixture(QStringLiteral("token_catalog_elsewhere"));
        token.replace("http://elsewhere.example.net",
                      QByteArray("http://localhost:") + QByteArray::number(elsewhere.port()));
        m_server->on("POST", QStringLiteral("/identity/v3/auth/tokens"),
                     FakeResponse::raw(201, token).withHeader("X-Subject-Token", "gAAAAAB-leak"));
        const auto provider = m_fake->provider();
        const auto outcome = ProviderTesting::listMachines(*provider);
        QCOMPARE(outcome->error().kind(), Error::Insecure);
        QVERIFY2(outcome->error().message().contains(QLatin1String("localhost")),
                 outcome->describe());
        QVERIFY(outcome->error().message().contains(QLatin1String("did not send the token")));
        QCOMPARE(elsewhere.requestCount(), 0);
        const auto verified = ProviderTesting::verify(*provider);
        QCOMPARE(verified->error().kind(), Error::Insecure);
        QCOMPARE(elsewhere.requestCount(), 0);

        // Allowed once the user names the host.
        Account allowed = m_fake->account();
        allowed.settings.insert(QStringLiteral("serviceHosts"), QStringLiteral("localhost"));
        const auto permitted = m_fake->provider(allowed, FakeOpenStack::appCredentialSecrets());
        (void)ProviderTesting::verify(*permitted);
        QCOMPARE(elsewhere.requests("GET", QStringLiteral("/compute/v2.1")).size(), 1);
        QCOMPARE(elsewhere.requests("GET", QStringLiteral("/compute/v2.1"))[0].header("X-Auth-Token"),
                 QByteArray("gAAAAAB-leak"));
    }

    void theAuthorizerAddsNoTokenForOtherHosts()
    {
        const auto provider = m_fake->provider();
        QVERIFY(ProviderTesting::verify(*provider)->ok());
        FakeCloudServer other;
        QVERIFY(other.listen());
        other.on("GET", QStringLiteral("/x"), FakeResponse::raw(200, "{}"));
        QUrl url = other.url(QStringLiteral("/x"));
        url.setHost(QStringLiteral("localhost"));
        const auto sent = AsyncResult::run<HttpResponse>(
            [&](Callback<HttpResponse> done) { provider->http()->send(HttpRequest::get(url), done); });
        QVERIFY(sent->ok());
        QVERIFY(other.lastRequest().header("X-Auth-Token").isEmpty());
    }

    void aCatalogWithoutComputeIsAClearError()
    {
        m_fake = std::make_unique<FakeOpenStack>(*m_server);
        m_fake->serveFixtures(QStringLiteral("token_no_compute"));
        const auto provider = m_fake->provider();
        const auto outcome = ProviderTesting::verify(*provider);
        QCOMPARE(outcome->error().kind(), Error::Unsupported);
        QVERIFY2(outcome->error().message().contains(QLatin1String("no compute endpoint")),
                 outcome->describe());
    }

    void theInterfaceChoosesTheEndpoints()
    {
        // The internal endpoints are on 10.0.0.10, not a configured host: refused, not used.
        Account account = m_fake->account();
        account.settings.insert(QStringLiteral("interface"), QStringLiteral("internal"));
        const auto provider = m_fake->provider(account, FakeOpenStack::appCredentialSecrets());
        const auto outcome = ProviderTesting::listMachines(*provider);
        QCOMPARE(outcome->error().kind(), Error::Insecure);
        QVERIFY(outcome->error().message().contains(QLatin1String("10.0.0.10")));
    }

    void chosenRegionsOnly()
    {
        Account account = m_fake->account();
        account.regions = {QStringLiteral("RegionTwo")};
        const auto provider = m_fake->provider(account, FakeOpenStack::appCredentialSecrets());
        const auto outcome = ProviderTesting::listMachines(*provider);
        QVERIFY2(outcome->ok(), outcome->describe());
        QCOMPARE(outcome->result->value().size(), 1);
        QCOMPARE(m_server->requests("GET", QStringLiteral("/compute/v2.1/servers/detail")).size(), 0);

        account.regions = {QStringLiteral("RegionNine")};
        const auto unknown = ProviderTesting::listMachines(
            *m_fake->provider(account, FakeOpenStack::appCredentialSecrets()));
        QCOMPARE(unknown->error().kind(), Error::InvalidInput);
        QVERIFY(unknown->error().message().contains(QLatin1String("RegionOne, RegionTwo")));
    }

    void noKeystoneUrlIsAClearError()
    {
        Account account = m_fake->account();
        account.endpoint = QUrl();
        const auto outcome = ProviderTesting::verify(
            *m_fake->provider(account, FakeOpenStack::appCredentialSecrets()));
        QCOMPARE(outcome->error().kind(), Error::InvalidInput);
        QVERIFY(outcome->error().message().contains(QLatin1String("auth_url")));
    }

    void tokensUrlFromWhatUsersType()
    {
        QCOMPARE(OpenStackRequests::tokensUrl(QUrl(QStringLiteral("https://k.example.com:5000/v3"))),
                 QUrl(QStringLiteral("https://k.example.com:5000/v3/auth/tokens")));
        QCOMPARE(OpenStackRequests::tokensUrl(QUrl(QStringLiteral("https://k.example.com:5000/"))),
                 QUrl(QStringLiteral("https://k.example.com:5000/v3/auth/tokens")));
        QCOMPARE(OpenStackRequests::tokensUrl(QUrl(QStringLiteral("https://k.example.com/identity"))),
                 QUrl(QStringLiteral("https://k.example.com/identity/v3/auth/tokens")));
        QCOMPARE(OpenStackRequests::versioned(QUrl(QStringLiteral("https://g.example.com:9292/v2/")),
                                              QStringLiteral("v2")),
                 QUrl(QStringLiteral("https://g.example.com:9292/v2")));
    }
};

QTEST_GUILESS_MAIN(TestOpenStackProvider)
#include "tst_openstackprovider.moc"
