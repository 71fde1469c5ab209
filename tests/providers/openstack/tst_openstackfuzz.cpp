// The OpenStack parsers must never crash and never hand out a half-read value: 600 mutated
// replies (truncation, type swaps, deleted keys, flipped bytes) through every parser, each an
// InvalidReply error or a whole value; then mutated Keystone, version and server replies through
// the provider over HTTP. Seeded, so a failure names an iteration that replays exactly.
#include "fakeopenstack.h"
#include "fuzzdriver.h"
#include "keystoneparser.h"
#include "novaparser.h"
#include "openstackcatalogparser.h"

#include <QTest>

using FuzzDriver::acceptable;

namespace {
constexpr quint32 seed = 0x05AC1D;
constexpr int iterations = 600;
constexpr int endToEndIterations = 60;

const QStringList fixtures = {
    QStringLiteral("servers_detail_regionone_page1"), QStringLiteral("servers_detail_states"),
    QStringLiteral("token_application_credential"),   QStringLiteral("compute_version"),
    QStringLiteral("compute_versions"),               QStringLiteral("flavors_detail"),
    QStringLiteral("keypairs_page1"),                 QStringLiteral("images_page1"),
    QStringLiteral("networks"),                       QStringLiteral("server_create_response"),
    QStringLiteral("error_conflicting_request"),      QStringLiteral("servers_detail_regiontwo"),
};
} // namespace

class TestOpenStackFuzz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsersSurviveMutatedReplies()
    {
        FuzzDriver::parsers(
            QStringLiteral("openstack"), fixtures, seed, iterations, [](FuzzDriver::Sample &sample) {
                const QJsonObject &page = sample.page;
                const QString &context = sample.context;
                QString why;
                const auto servers = NovaParser::servers(page, QStringLiteral("RegionOne"));
                QVERIFY2(acceptable(servers, &why), qPrintable(context + u' ' + why));
                if (servers.ok()) {
                    for (const Machine &machine : servers.value()) {
                        QVERIFY2(!machine.id.isEmpty() && !machine.providerState.isEmpty(),
                                 qPrintable(context));
                        QCOMPARE(machine.region, QStringLiteral("RegionOne"));
                    }
                }
                const auto token = KeystoneParser::token("t", page);
                QVERIFY2(acceptable(token, &why), qPrintable(context + u' ' + why));
                if (token.ok()) {
                    QVERIFY2(token.value().expiresAt.isValid(), qPrintable(context));
                    for (const auto &endpoint : token.value().catalog)
                        QVERIFY2(endpoint.url.isValid() && !endpoint.url.host().isEmpty(),
                                 qPrintable(context));
                }
                const auto version = NovaParser::maxVersion(page);
                QVERIFY2(acceptable(version, &why), qPrintable(context + u' ' + why));
                const auto flavors = NovaParser::flavors(page, QStringLiteral("RegionOne"));
                QVERIFY2(acceptable(flavors, &why), qPrintable(context + u' ' + why));
                const auto keys = NovaParser::keypairs(page);
                QVERIFY2(acceptable(keys, &why), qPrintable(context + u' ' + why));
                const auto images = OpenStackCatalogParser::images(page, QStringLiteral("R"));
                QVERIFY2(acceptable(images, &why), qPrintable(context + u' ' + why));
                const auto networks = OpenStackCatalogParser::networks(page, QStringLiteral("R"));
                QVERIFY2(acceptable(networks, &why), qPrintable(context + u' ' + why));
                QVERIFY2(acceptable(OpenStackCatalogParser::nextImageMarker(page), &why),
                         qPrintable(context + u' ' + why));
                for (const char *collection : {"servers", "keypairs", "flavors", "networks"}) {
                    QVERIFY2(acceptable(NovaParser::nextMarker(page, QString::fromLatin1(collection)),
                                        &why),
                             qPrintable(context + u' ' + why));
                }
                QVERIFY2(acceptable(NovaParser::createdServerId(page), &why),
                         qPrintable(context + u' ' + why));
                HttpResponse response;
                response.status = 409;
                response.body = QJsonDocument(page).toJson();
                (void)NovaParser::error(response);
                sample.valid = servers.ok() || token.ok() || version.ok() || flavors.ok()
                               || keys.ok() || images.ok() || networks.ok();
            });
    }

    void providerSurvivesMutatedReplies()
    {
        FakeCloudServer server;
        QVERIFY(server.listen());
        FakeOpenStack fake(server);
        fake.serveFixtures();
        const auto json = [&fake](const char *name) {
            return QJsonDocument::fromJson(fake.fixture(QString::fromLatin1(name)));
        };
        FuzzDriver::listMachines(
            server,
            {{QStringLiteral("/compute/v2.1"), json("compute_version")},
             {QStringLiteral("/compute/v2.1/servers/detail"), json("servers_detail_regionone_page2")},
             {QStringLiteral("/r2/compute/v2.1/servers/detail"), json("servers_detail_regiontwo")}},
            seed, endToEndIterations, [&fake] { return std::unique_ptr<Provider>(fake.provider()); });
    }

    void providerSurvivesMutatedTokens()
    {
        FakeCloudServer server;
        QVERIFY(server.listen());
        FakeOpenStack fake(server);
        fake.serveFixtures();
        const QJsonDocument token =
            QJsonDocument::fromJson(fake.fixture(QStringLiteral("token_application_credential")));
        JsonMutator mutator(seed + 1);
        for (int i = 0; i < endToEndIterations; ++i) {
            server.on("POST", QStringLiteral("/identity/v3/auth/tokens"),
                      FakeResponse::raw(201, mutator.mutate(token))
                          .withHeader("X-Subject-Token", "gAAAAABfake-token-1"));
            const QString context =
                QStringLiteral("iteration %1 (%2)").arg(i).arg(mutator.description());
            const auto provider = fake.provider();
            const auto outcome = ProviderTesting::listMachines(*provider);
            QVERIFY2(outcome->result, qPrintable(context));
            QCOMPARE(outcome->calls, 1);
            if (outcome->ok())
                continue;
            // A mutated catalog may also name another host (refused) or lose a service.
            const Error::Kind kind = outcome->error().kind();
            QVERIFY2(kind == Error::InvalidReply || kind == Error::Insecure
                         || kind == Error::Unsupported || kind == Error::Auth
                         || kind == Error::NotFound || kind == Error::Network,
                     qPrintable(context + u' ' + Error::kindId(kind) + u' '
                                + outcome->error().message()));
            QVERIFY2(!outcome->error().message().isEmpty(), qPrintable(context));
        }
    }
};

QTEST_GUILESS_MAIN(TestOpenStackFuzz)
#include "tst_openstackfuzz.moc"
