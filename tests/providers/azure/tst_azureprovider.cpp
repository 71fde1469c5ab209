// AzureProvider against a fake Azure (sign-in, Resource Manager, Retail Prices; fixtures in
// tests/data/azure from azure-rest-api-specs): what it sends (paths, api-versions, the token,
// bodies), how it joins VMs, statuses, NICs and public IPs across subscriptions and pages, token
// caching and renewal, and prices.
#include "azuretesting.h"

#include <QTest>

using namespace AzureTesting;
using namespace ProviderTesting;
using namespace Qt::StringLiterals;

class TestAzureProvider : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<FakeAzure> m_azure;

    void expectNoViolations()
    {
        QVERIFY2(m_azure->violations().isEmpty(), qPrintable(m_azure->violations().join(u'\n')));
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

    void metadataDescribesTheServicePrincipal()
    {
        const ProviderMetadata meta = metadata();
        QCOMPARE(meta.id, u"azure"_s);
        QCOMPARE(meta.mark, u"Az"_s);
        QCOMPARE(meta.defaultEndpoint, QUrl(u"https://management.azure.com"_s));
        QStringList secrets;
        for (const auto &field : meta.secretFields())
            secrets.append(field.id);
        QCOMPARE(secrets, QStringList {u"clientSecret"_s});
        QStringList settings;
        for (const auto &field : meta.settingFields())
            settings.append(field.id);
        QVERIFY(settings.contains(u"tenantId"_s));
        QVERIFY(settings.contains(u"clientId"_s));
        QCOMPARE(ProviderMetadata::optionName(u"tenantId"_s), u"tenant-id"_s);
    }

    void tokenUrlAndScope()
    {
        const auto azure = provider(*m_server);
        QCOMPARE(azure->tokenUrl(), m_server->url(tokenPath));
        Account real = account(*m_server);
        real.endpoint = QUrl();
        real.settings.remove(u"authority"_s);
        const auto defaults = provider(real);
        QCOMPARE(defaults->tokenUrl(),
                 QUrl(u"https://login.microsoftonline.com/"_s + tenant + u"/oauth2/v2.0/token"_s));
        QCOMPARE(defaults->scope(), u"https://management.azure.com/.default"_s);
        real.endpoint = QUrl(u"https://management.usgovcloudapi.net"_s);
        QCOMPARE(provider(real)->scope(), u"https://management.usgovcloudapi.net/.default"_s);
    }

    void listsEverySubscriptionJoined()
    {
        m_azure->serveListing();
        const auto azure = provider(*m_server);
        const auto listed = listMachines(*azure);
        QVERIFY2(listed->ok(), listed->describe());
        const QList<Machine> machines = listed->result->value();
        QCOMPARE(machines.size(), 4); // three in A over two pages, one in B; Disabled C skipped

        const Machine *web1 = find(machines, AzureTesting::web1);
        QVERIFY(web1);
        QCOMPARE(web1->name, u"web-1"_s);
        QCOMPARE(web1->state, MachineState::Running);
        QCOMPARE(web1->region, u"westeurope"_s);
        QCOMPARE(web1->size, u"Standard_B2s"_s);
        QCOMPARE(web1->image, u"Canonical:ubuntu-24_04-lts:server:latest"_s);
        // The VM says RG-WEB, its NIC and IP say rg-web: joined all the same.
        QCOMPARE(web1->privateIpv4, QStringList {u"10.0.0.4"_s});
        QCOMPARE(web1->privateIpv6, QStringList {u"fd00::4"_s});
        QCOMPARE(web1->publicIpv4, QStringList {u"20.61.10.7"_s});
        QCOMPARE(web1->publicIpv6, QStringList {u"2603:1020:203::12"_s});
        QCOMPARE(web1->tags, (QStringList {u"env=prod"_s, u"team=web"_s}));
        QCOMPARE(web1->createdAt.date(), QDate(2026, 10, 1));
        QCOMPARE(web1->extra.value(u"osType"_s).toString(), u"Linux"_s);
        QCOMPARE(web1->accountId, account(*m_server).id);
        // Prices from the Retail Prices API: the Linux meter, not Windows or Spot.
        QCOMPARE(web1->pricePerHour, std::optional<double>(0.0416));
        QVERIFY(qFuzzyCompare(*web1->pricePerMonth, 0.0416 * 730));

        const auto stopped = std::find_if(machines.begin(), machines.end(),
                                          [](const Machine &m) { return m.name == u"web-2"_s; });
        QVERIFY(stopped != machines.end());
        QCOMPARE(stopped->state, MachineState::Stopped);
        QCOMPARE(stopped->providerState, u"stopped (still allocated)"_s);
        QVERIFY(stopped->publicIps().isEmpty());

        const auto db = std::find_if(machines.begin(), machines.end(),
                                     [](const Machine &m) { return m.name == u"db-1"_s; });
        QCOMPARE(db->state, MachineState::Starting);
        QVERIFY(db->publicIpv4.isEmpty()); // a dynamic IP not assigned yet
        QCOMPARE(db->privateIpv4, QStringList {u"10.1.0.4"_s});

        const auto win = std::find_if(machines.begin(), machines.end(),
                                      [](const Machine &m) { return m.name == u"win-build"_s; });
        QCOMPARE(win->state, MachineState::Stopped);
        QCOMPARE(win->providerState, u"deallocated"_s);
        QVERIFY(win->extra.value(u"computeReleased"_s).toBool()); // the cost view: not billed
        QVERIFY(!db->extra.contains(u"computeReleased"_s));
        QCOMPARE(win->pricePerHour, std::optional<double>(0.0496)); // the Windows meter
        expectNoViolations();
    }

    void requestsAreTheDocumentedOnes()
    {
        m_azure->serveListing();
        const auto azure = provider(*m_server);
        QVERIFY(listMachines(*azure)->ok());
        QStringList targets;
        for (const RecordedRequest &request : m_azure->armRequests())
            targets.append(QString::fromLatin1(request.method) + u' ' + request.path + u'?'
                           + request.query.toString(QUrl::FullyDecoded));
        targets.sort();
        const QString a = u"/subscriptions/"_s + subA, b = u"/subscriptions/"_s + subB;
        QStringList expected {
            u"GET /subscriptions?api-version=2022-12-01"_s,
            u"GET "_s + a
                + u"/providers/Microsoft.Compute/virtualMachines?api-version=2024-07-01"_s,
            u"GET "_s + a
                + u"/providers/Microsoft.Compute/virtualMachines?api-version=2024-07-01&$skiptoken=web-2"_s,
            u"GET "_s + a
                + u"/providers/Microsoft.Compute/virtualMachines?api-version=2024-07-01&statusOnly=true"_s,
            u"GET "_s + a
                + u"/providers/Microsoft.Network/networkInterfaces?api-version=2024-05-01"_s,
            u"GET "_s + a
                + u"/providers/Microsoft.Network/publicIPAddresses?api-version=2024-05-01"_s,
            u"GET "_s + b
                + u"/providers/Microsoft.Compute/virtualMachines?api-version=2024-07-01"_s,
            u"GET "_s + b
                + u"/providers/Microsoft.Compute/virtualMachines?api-version=2024-07-01&statusOnly=true"_s,
            u"GET "_s + b
                + u"/providers/Microsoft.Network/networkInterfaces?api-version=2024-05-01"_s,
            u"GET "_s + b
                + u"/providers/Microsoft.Network/publicIPAddresses?api-version=2024-05-01"_s,
        };
        expected.sort();
        QCOMPARE(targets, expected);
        // One sign-in for all ten parallel calls; prices asked once per (region, size): web-1 and
        // web-2 share theirs.
        QCOMPARE(m_azure->tokensIssued(), 1);
        QCOMPARE(m_server->requests("GET", u"/prices"_s).size(), 3);
        expectNoViolations();

        // A second listing within the day reuses token and prices.
        QVERIFY(listMachines(*azure)->ok());
        QCOMPARE(m_azure->tokensIssued(), 1);
        QCOMPARE(m_server->requests("GET", u"/prices"_s).size(), 3);
    }

    void pricesThatFailLeaveTheListingWhole()
    {
        m_azure->serveListing();
        m_server->on("GET", u"/prices"_s, FakeResponse::raw(503, "<html>busy</html>", "text/html"));
        const auto azure = provider(account(*m_server, subA));
        const auto listed = listMachines(*azure);
        QVERIFY2(listed->ok(), listed->describe());
        QCOMPARE(listed->result->value().size(), 3);
        for (const Machine &machine : listed->result->value())
            QVERIFY(!machine.pricePerHour && !machine.pricePerMonth);
        // Not asked again at once: a failed pair waits an hour.
        const qsizetype asked = m_server->requests("GET", u"/prices"_s).size();
        QVERIFY(listMachines(*azure)->ok());
        QCOMPARE(m_server->requests("GET", u"/prices"_s).size(), asked);
    }

    void chosenSubscriptionsOnly()
    {
        m_azure->serveListing();
        const auto azure = provider(account(*m_server, subB));
        const auto listed = listMachines(*azure);
        QVERIFY2(listed->ok(), listed->describe());
        QCOMPARE(listed->result->value().size(), 1);
        QCOMPARE(m_server->requests("GET", u"/subscriptions"_s).size(), 0);
        const auto wrong = provider(account(*m_server, u"not-a-guid"_s));
        QCOMPARE(listMachines(*wrong)->error().kind(), Error::InvalidInput);
    }

    void tokenRenewedBeforeExpiryAndAfter401()
    {
        m_azure->serveListing();
        QDateTime now(QDate(2026, 12, 3), QTime(6, 0), Qt::UTC);
        const auto azure = provider(account(*m_server, subB));
        azure->setClock([&now] { return now; });
        QVERIFY(listMachines(*azure)->ok());
        QCOMPARE(m_azure->tokensIssued(), 1);
        now = now.addSecs(3599 - 299); // within five minutes of the end
        QVERIFY(listMachines(*azure)->ok());
        QCOMPARE(m_azure->tokensIssued(), 2);

        // Revoked early: one 401, one new token, the call repeated once.
        m_server->enqueue("GET",
                          u"/subscriptions/*/providers/Microsoft.Network/networkInterfaces"_s,
                          FakeResponse::raw(401, fixture(u"error-401.json"_s)));
        const auto listed = listMachines(*azure);
        QVERIFY2(listed->ok(), listed->describe());
        QCOMPARE(m_azure->tokensIssued(), 3);
        expectNoViolations();
    }

    void nextLinkToAnotherHostIsRefused()
    {
        m_azure->serveListing();
        m_server->on("GET", u"/subscriptions/*/providers/Microsoft.Compute/virtualMachines"_s,
                     FakeResponse::json(QJsonObject {
                         {u"value"_s, QJsonArray {}},
                         {u"nextLink"_s, u"https://evil.example/subscriptions/x?$skiptoken=1"_s}}));
        const auto azure = provider(account(*m_server, subA));
        const auto listed = listMachines(*azure);
        QCOMPARE(listed->error().kind(), Error::InvalidReply);
        QVERIFY2(listed->error().message().contains(u"evil.example"_s), listed->describe());
    }

    void verifyCountsSubscriptions()
    {
        m_azure->serveListing();
        const auto azure = provider(*m_server);
        const auto verified = verify(*azure);
        QVERIFY2(verified->ok(), verified->describe());
        QVERIFY2(verified->result->value().contains(clientId), verified->describe());
        QVERIFY2(verified->result->value().contains(u"3 subscription"_s), verified->describe());
        QCOMPARE(m_azure->tokenRequests().size(), 1);
        expectNoViolations();
    }

    void verifyWithAWrongSecretSaysSo()
    {
        m_server->on("POST", tokenPath,
                     FakeResponse::raw(401, fixture(u"token-error-invalid-client.json"_s)));
        const auto azure = provider(*m_server);
        const auto verified = verify(*azure);
        QCOMPARE(verified->error().kind(), Error::Auth);
        QCOMPARE(verified->error().providerCode(), u"invalid_client"_s);
        QVERIFY2(verified->error().message().contains(u"AADSTS7000215"_s), verified->describe());
        QVERIFY(!verified->error().message().contains(u"Trace ID"_s));
        QCOMPARE(m_azure->armRequests().size(), 0);
    }

    void missingSecretIsCredentialsMissing()
    {
        Account incomplete = account(*m_server);
        auto azure = std::make_unique<AzureProvider>(metadata(), incomplete, QVariantMap());
        QCOMPARE(listMachines(*azure)->error().kind(), Error::CredentialsMissing);
        incomplete.settings.insert(u"tenantId"_s, u"../evil"_s);
        azure = std::make_unique<AzureProvider>(metadata(), incomplete,
                                                QVariantMap {{u"clientSecret"_s, clientSecret}});
        QCOMPARE(listMachines(*azure)->error().kind(), Error::InvalidInput);
        QCOMPARE(m_server->requestCount(), 0);
    }

    void catalogs()
    {
        m_azure->serveToken();
        m_azure->arm("GET", u"/subscriptions/*/locations"_s, u"2022-12-01"_s,
                     FakeResponse::raw(200, fixture(u"locations.json"_s)));
        m_azure->arm("GET", u"/subscriptions/*/providers/Microsoft.Compute/locations/*/vmSizes"_s,
                     u"2024-07-01"_s, FakeResponse::raw(200, fixture(u"vmsizes.json"_s)));
        m_azure->arm("GET", u"/subscriptions/*/providers/Microsoft.Compute/sshPublicKeys"_s,
                     u"2024-07-01"_s, FakeResponse::raw(200, fixture(u"sshpublickeys.json"_s)));
        Account scoped = account(*m_server, subA);
        scoped.regions = {u"westeurope"_s};
        const auto azure = provider(scoped);

        const auto regions = listRegions(*azure);
        QVERIFY2(regions->ok(), regions->describe());
        QCOMPARE(regions->result->value().size(), 2); // the logical "europe" left out
        QCOMPARE(regions->result->value().first().name, u"West Europe"_s);

        const auto sizes = listSizes(*azure);
        QVERIFY2(sizes->ok(), sizes->describe());
        QCOMPARE(sizes->result->value().size(), 3);
        QCOMPARE(sizes->result->value().at(1).memoryMb, 4096);
        QCOMPARE(sizes->result->value().at(1).vcpus, 2);
        const auto sizesAsked = m_server->requests(
            "GET", u"/subscriptions/*/providers/Microsoft.Compute/locations/*/vmSizes"_s);
        QCOMPARE(sizesAsked.size(), 1);
        QCOMPARE(sizesAsked.first().pathArgs.value(1), u"westeurope"_s);

        const auto keys = listSshKeys(*azure);
        QVERIFY2(keys->ok(), keys->describe());
        QCOMPARE(keys->result->value().first().name, u"laptop"_s);
        QVERIFY(keys->result->value().first().publicKey.startsWith(u"ssh-ed25519 "_s));

        const auto images = listImages(*azure);
        QVERIFY(images->ok());
        QStringList distributions;
        for (const Image &image : images->result->value())
            distributions.append(image.distribution);
        for (const char *wanted : {"Ubuntu", "Debian", "RHEL", "Windows"})
            QVERIFY2(distributions.contains(QLatin1String(wanted)), wanted);
        expectNoViolations();
    }
};

QTEST_GUILESS_MAIN(TestAzureProvider)
#include "tst_azureprovider.moc"
