// GceProvider against the fake Google (fakegce.h): signing in with the service-account key and
// with gcloud's application default credentials, the token kept, shared and renewed once after
// a 401, and every zone's machines from the paged aggregated list, read field by field.
#include "gcetestcase.h"
#include "providertesting.h"

class TestGceProvider : public GceTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void verifiesWithTheProjectCall()
    {
        const auto who =
            AsyncResult::await<QString>([this](auto done) { m_provider->verify(done); });
        QVERIFY(who && who->ok());
        QCOMPARE(
            who->value(),
            QStringLiteral("%1, project clouddeck-test").arg(QLatin1String(FakeGce::clientEmail)));
        QCOMPARE(m_fake->grants(), 1);
        const QList<RecordedRequest> project = requests("GET", QString());
        QCOMPARE(project.size(), 1);
        QCOMPARE(project.first().header("Authorization"), "Bearer " + m_fake->currentToken());
        // The assertion Google saw: one hour at most, the compute scope, our service account.
        const QJsonObject claims = m_fake->lastClaims();
        QVERIFY(claims.value(QLatin1String("exp")).toInteger()
                    - claims.value(QLatin1String("iat")).toInteger()
                <= 3600);
    }

    void listsEveryZoneFromTheAggregatedPages()
    {
        const auto outcome = list();
        QVERIFY(outcome && outcome->ok());
        const QList<Machine> machines = outcome->value();
        QCOMPARE(machines.size(), 9);
        const QList<RecordedRequest> pages =
            requests("GET", QStringLiteral("/aggregated/instances"));
        QCOMPARE(pages.size(), 2);
        for (const RecordedRequest &page : pages) {
            QCOMPARE(page.header("Authorization"), "Bearer " + m_fake->currentToken());
            QCOMPARE(page.query.queryItemValue(QStringLiteral("maxResults")),
                     QStringLiteral("500"));
            QCOMPARE(page.query.queryItemValue(QStringLiteral("returnPartialSuccess")),
                     QStringLiteral("true"));
        }
        QVERIFY(!pages.at(0).query.hasQueryItem(QStringLiteral("pageToken")));
        QCOMPARE(pages.at(1).query.queryItemValue(QStringLiteral("pageToken")),
                 QStringLiteral("CkQIgP7_____________"
                                "ARo3ZXVyb3BlLXdlc3QxLWIvaW5zdGFuY2VzLzQ1Njc4OTAxMjM0NTY3ODkwMTU"));
        QCOMPARE(requests("GET", QStringLiteral("/aggregated/disks")).size(), 1);
        // One token for all three calls.
        QCOMPARE(m_fake->grants(), 1);

        const Machine *web = ProviderTesting::find(machines, QStringLiteral("4567890123456789012"));
        QVERIFY(web);
        QCOMPARE(web->name, QStringLiteral("web-1"));
        QCOMPARE(web->accountId, m_fake->account().id);
        QCOMPARE(web->providerId, QStringLiteral("gce"));
        QCOMPARE(web->state, MachineState::Running);
        QCOMPARE(web->providerState, QStringLiteral("RUNNING"));
        QCOMPARE(web->region, QStringLiteral("us-central1"));
        QCOMPARE(web->extra.value(QStringLiteral("zone")).toString(),
                 QStringLiteral("us-central1-a"));
        QCOMPARE(web->size, QStringLiteral("e2-medium"));
        QCOMPARE(web->privateIpv4, QStringList {QStringLiteral("10.128.0.2")});
        QCOMPARE(web->publicIpv4, QStringList {QStringLiteral("34.123.45.67")});
        QCOMPARE(web->publicIpv6, QStringList {QStringLiteral("2600:1900:4000:a1b2:0:0:0:0")});
        QCOMPARE(web->tags,
                 (QStringList {QStringLiteral("env:prod"), QStringLiteral("team"),
                               QStringLiteral("http-server"), QStringLiteral("https-server")}));
        QCOMPARE(web->extra.value(QStringLiteral("networkTags")).toStringList(),
                 (QStringList {QStringLiteral("http-server"), QStringLiteral("https-server")}));
        QCOMPARE(web->createdAt, QDateTime::fromString(QStringLiteral("2026-11-02T15:15:30.123Z"),
                                                       Qt::ISODateWithMs));
        // The image from aggregated/disks, joined by the boot disk's URL.
        QCOMPARE(web->image, QStringLiteral("debian-12-bookworm-v20261110"));
        QCOMPARE(
            web->extra.value(QStringLiteral("sourceImage")).toString(),
            QStringLiteral("projects/debian-cloud/global/images/debian-12-bookworm-v20261110"));
        QCOMPARE(web->diskGb, 10);

        // TERMINATED is a stopped instance; its image falls back to the boot disk's licence.
        const Machine *worker =
            ProviderTesting::find(machines, QStringLiteral("4567890123456789013"));
        QCOMPARE(worker->state, MachineState::Stopped);
        QCOMPARE(worker->image, QStringLiteral("ubuntu-2404-lts"));
        QVERIFY(worker->publicIpv4.isEmpty());
        const Machine *db = ProviderTesting::find(machines, QStringLiteral("4567890123456789014"));
        QCOMPARE(db->state, MachineState::Suspended);
        QCOMPARE(db->region, QStringLiteral("europe-west1"));
        QVERIFY(db->publicIpv4.isEmpty()); // an access config without natIP
        QCOMPARE(db->image, QStringLiteral("db-golden-2026-10"));
        QCOMPARE(ProviderTesting::find(machines, QStringLiteral("4567890123456789015"))->state,
                 MachineState::Starting);
        const Machine *repair =
            ProviderTesting::find(machines, QStringLiteral("4567890123456789016"));
        QCOMPARE(repair->state, MachineState::Error);
        QCOMPARE(repair->extra.value(QStringLiteral("stateReason")).toString(),
                 QStringLiteral("Instance is being repaired after a host error"));
        const Machine *stopping =
            ProviderTesting::find(machines, QStringLiteral("4567890123456789017"));
        QCOMPARE(stopping->state, MachineState::Stopping);
        QCOMPARE(stopping->privateIpv6, QStringList {QStringLiteral("fd20:b2c:3d4e:0:0:0:0:5")});
        QCOMPARE(ProviderTesting::find(machines, QStringLiteral("4567890123456789018"))->state,
                 MachineState::Stopping);
        QCOMPARE(ProviderTesting::find(machines, QStringLiteral("4567890123456789019"))->state,
                 MachineState::Starting);
        QCOMPARE(ProviderTesting::find(machines, QStringLiteral("4567890123456789020"))->state,
                 MachineState::Stopped);
    }

    void theAccountsRegionsNarrowTheList()
    {
        m_provider = m_fake->provider(
            m_fake->account({QStringLiteral("europe-west1"), QStringLiteral("asia-northeast1-a")}),
            FakeGce::serviceAccountSecrets());
        const auto outcome = list();
        QVERIFY(outcome && outcome->ok());
        QCOMPARE(outcome->value().size(), 7);
        for (const Machine &machine : outcome->value())
            QVERIFY(machine.region != QLatin1String("us-central1"));
    }

    void anUnreachableZoneFailsTheListRatherThanHidingItsMachines()
    {
        m_server->on("GET", FakeGce::path(QStringLiteral("/aggregated/instances")),
                     FakeGce::fixture(QStringLiteral("instances_aggregated_unreachable")));
        const auto outcome = list();
        QCOMPARE(outcome->error().kind(), Error::Server);
        QVERIFY(outcome->error().message().contains(QLatin1String("zones/asia-northeast1-b")));
    }

    void aFailedDiskListLeavesTheLicenceImages()
    {
        m_server->on("GET", FakeGce::path(QStringLiteral("/aggregated/disks")),
                     FakeGce::fixture(QStringLiteral("error_permission_denied"), 403));
        const auto outcome = list();
        QVERIFY(outcome && outcome->ok());
        QCOMPARE(
            ProviderTesting::find(outcome->value(), QStringLiteral("4567890123456789012"))->image,
            QStringLiteral("debian-12-bookworm"));
    }

    void theTokenIsKeptAndSharedBetweenCalls()
    {
        QVERIFY(list()->ok());
        QVERIFY(list()->ok());
        QCOMPARE(m_fake->grants(), 1);
        // Parallel calls before any token: one grant for all of them.
        m_provider = m_fake->provider();
        const int before = m_fake->grants();
        AsyncOutcome<QList<Machine>> first, second;
        m_provider->listMachines(first.callback());
        m_provider->listMachines(second.callback());
        QVERIFY(first.wait() && second.wait());
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(m_fake->grants(), before + 1);
    }

    void aRevokedTokenIsRenewedOnceAfterA401()
    {
        QVERIFY(list()->ok());
        m_fake->revokeToken();
        m_server->clearRequests();
        const auto outcome = list();
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        QCOMPARE(m_fake->grants(), 2);
        const QList<RecordedRequest> pages =
            requests("GET", QStringLiteral("/aggregated/instances"));
        QCOMPARE(pages.last().header("Authorization"), "Bearer " + m_fake->currentToken());
    }

    void asecond401IsTheAnswer()
    {
        m_server->on("GET", FakeGce::path(QStringLiteral("/aggregated/instances")),
                     FakeGce::fixture(QStringLiteral("error_unauthenticated"), 401));
        const auto outcome = list();
        QCOMPARE(outcome->error().kind(), Error::Auth);
        QVERIFY(outcome->error().message().contains(
            QLatin1String("invalid authentication credentials")));
        QCOMPARE(m_fake->grants(), 2);
        QCOMPARE(requests("GET", QStringLiteral("/aggregated/instances")).size(), 2);
    }

    void aRefusedKeyIsAnAuthError()
    {
        m_server->on("POST", QStringLiteral("/token"),
                     FakeGce::fixture(QStringLiteral("token_error_invalid_grant"), 400));
        const auto outcome = list();
        QCOMPARE(outcome->error().kind(), Error::Auth);
        QVERIFY(outcome->error().message().contains(QLatin1String("Invalid JWT Signature")));
        QVERIFY(requests("GET", QStringLiteral("/aggregated/instances")).isEmpty());
    }

    void signsInWithApplicationDefaultCredentials()
    {
        m_provider = m_fake->provider(m_fake->applicationDefaultAccount(),
                                      FakeGce::applicationDefaultSecrets());
        const auto who =
            AsyncResult::await<QString>([this](auto done) { m_provider->verify(done); });
        QVERIFY(who && who->ok());
        QVERIFY(who->value().contains(QLatin1String("application default credentials")));
        QCOMPARE(m_fake->grants(), 1);
    }

    void withoutCredentialsNothingIsSent()
    {
        Account account = m_fake->account();
        m_provider = m_fake->provider(account, {});
        const auto outcome = list();
        QCOMPARE(outcome->error().kind(), Error::CredentialsMissing);
        account.settings.insert(QStringLiteral("projectId"), QStringLiteral("../other"));
        m_provider = m_fake->provider(account, FakeGce::serviceAccountSecrets());
        QCOMPARE(list()->error().kind(), Error::InvalidInput);
        QCOMPARE(m_server->requestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGceProvider)
#include "tst_gceprovider.moc"
