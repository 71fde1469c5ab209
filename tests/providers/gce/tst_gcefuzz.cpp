// GceParser under JsonMutator (truncations, type swaps, deleted keys, flipped bytes) over every
// fixture, at least 500 mutated replies: each gives a whole value or an InvalidReply with words,
// never a crash. Then mutated aggregated pages through the provider and the fake Google.
#include "fakegce.h"
#include "fuzzdriver.h"
#include "gceparser.h"
#include "gceprovider.h"
#include "oauthtokenendpoint.h"

namespace {
constexpr quint32 seed = 0x6CE15EED;
constexpr int iterations = 900;
constexpr int endToEndIterations = 40;

const QStringList fixtures = {
    QStringLiteral("instances_aggregated_page1"), QStringLiteral("instances_aggregated_page2"),
    QStringLiteral("disks_aggregated"),           QStringLiteral("operation_running"),
    QStringLiteral("operation_failed"),           QStringLiteral("zones"),
    QStringLiteral("machine_types_page1"),        QStringLiteral("images_own"),
    QStringLiteral("image_family_debian"),        QStringLiteral("token"),
    QStringLiteral("error_rate_limit"),           QStringLiteral("project"),
};

template<typename T>
bool acceptable(const Result<T> &result, const QString &context)
{
    QString why;
    if (!FuzzDriver::acceptable(result, &why)) {
        qWarning("%s: %s", qPrintable(context), qPrintable(why));
        return false;
    }
    return true;
}
} // namespace

class TestGceFuzz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mutatedRepliesNeverCrashTheParser()
    {
        FuzzDriver::parsers(
            QStringLiteral("gce"), fixtures, seed, iterations, [](FuzzDriver::Sample &sample) {
                const QJsonObject &page = sample.page;
                const auto machines = GceParser::instancesPage(page);
                // An unreachable zone is a Server error by design; everything else InvalidReply.
                if (!machines.ok() && machines.error().kind() == Error::Server)
                    return;
                QVERIFY2(acceptable(machines, sample.context), qPrintable(sample.context));
                if (machines.ok()) {
                    for (const Machine &machine : machines.value()) {
                        QVERIFY2(!machine.id.isEmpty() && !machine.name.isEmpty(),
                                 qPrintable(sample.context));
                        for (const QString &ip : machine.publicIps() + machine.privateIps())
                            QVERIFY2(!ip.isEmpty(), qPrintable(sample.context));
                    }
                    sample.valid = !machines.value().isEmpty();
                }
                QVERIFY(acceptable(GceParser::disksPage(page), sample.context));
                QVERIFY(acceptable(GceParser::operation(page), sample.context));
                QVERIFY(acceptable(GceParser::zonesPage(page), sample.context));
                QVERIFY(acceptable(GceParser::machineTypesPage(page), sample.context));
                QVERIFY(acceptable(GceParser::imagesPage(page), sample.context));
                QVERIFY(acceptable(GceParser::image(page), sample.context));
                QVERIFY(acceptable(GceParser::project(page), sample.context));
                QVERIFY(acceptable(GceParser::projectSshKeys(page), sample.context));
                QVERIFY(acceptable(OAuthTokenEndpoint::token(page), sample.context));
                (void)GceParser::error(page);
                (void)GceParser::nextPageToken(page);
            });
    }

    void mutatedPagesThroughTheProvider()
    {
        FakeCloudServer server;
        QVERIFY(server.listen());
        FakeGce fake(server);
        fake.serveFixtures();
        const QList<FuzzDriver::MutatedRoute> routes = {
            {FakeGce::path(QStringLiteral("/aggregated/instances")),
             readJsonFixture(QStringLiteral("gce/instances_aggregated_page2.json"))},
            {FakeGce::path(QStringLiteral("/aggregated/disks")),
             readJsonFixture(QStringLiteral("gce/disks_aggregated.json"))},
        };
        // The mutated routes replace the fake's own, so they carry no token check: the
        // provider still signs in first, through the fake token endpoint.
        FuzzDriver::listMachines(server, routes, seed, endToEndIterations,
                                 [&fake]() -> std::unique_ptr<Provider> {
                                     auto provider = fake.provider();
                                     provider->http()->setRetryPolicy({0, 1, 1});
                                     return provider;
                                 });
        QVERIFY(fake.grants() >= endToEndIterations);
    }
};

QTEST_GUILESS_MAIN(TestGceFuzz)
#include "tst_gcefuzz.moc"
