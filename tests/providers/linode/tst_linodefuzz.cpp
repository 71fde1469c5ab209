// LinodeParser must never crash and never hand out a half-read value: a few hundred mutated
// replies (random truncation, type swaps, deleted keys, flipped bytes) each give an InvalidReply
// error or a valid result. Seeded, so a failure names an iteration that replays exactly.
#include "fuzzdriver.h"
#include "linodetesting.h"

#include <QTest>

using namespace LinodeTesting;
using FuzzDriver::acceptable;

namespace {
constexpr quint32 seed = 0x11D0DE5;
constexpr int iterations = 600;
constexpr int endToEndIterations = 40;

const QStringList fixtures = {
    QStringLiteral("instances-page1"),  QStringLiteral("instances-page2"),
    QStringLiteral("instances-page3"),  QStringLiteral("instances-states"),
    QStringLiteral("instance-created"), QStringLiteral("types"),
    QStringLiteral("regions"),          QStringLiteral("images"),
    QStringLiteral("sshkeys"),          QStringLiteral("profile"),
    QStringLiteral("error-400"),
};
} // namespace

class TestLinodeFuzz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsersSurviveMutatedReplies();
    void providerSurvivesMutatedReplies();
};

void TestLinodeFuzz::parsersSurviveMutatedReplies()
{
    FuzzDriver::parsers(QStringLiteral("linode"), fixtures, seed, iterations,
                        [](FuzzDriver::Sample &sample) {
                            const QJsonObject &page = sample.page;
                            const QString &context = sample.context;
                            QString why;
                            // Every parser on every mutated reply, not only the one it was made
                            // for.
                            const auto instances = LinodeParser::instances(page);
                            QVERIFY2(acceptable(instances, &why), qPrintable(context + u' ' + why));
                            if (instances.ok()) {
                                sample.valid = true;
                                for (const Machine &machine : instances.value()) {
                                    QVERIFY2(!machine.id.isEmpty(), qPrintable(context));
                                    QCOMPARE(machine.providerId, QStringLiteral("linode"));
                                }
                            }
                            QVERIFY2(acceptable(LinodeParser::instance(page), &why),
                                     qPrintable(context + u' ' + why));
                            QVERIFY2(acceptable(LinodeParser::nextPage(page, 1), &why),
                                     qPrintable(context + u' ' + why));
                            const auto types = LinodeParser::types(page);
                            QVERIFY2(acceptable(types, &why), qPrintable(context + u' ' + why));
                            if (types.ok())
                                (void)LinodeParser::priceTable(types.value());
                            QVERIFY2(acceptable(LinodeParser::regions(page), &why),
                                     qPrintable(context + u' ' + why));
                            QVERIFY2(acceptable(LinodeParser::images(page), &why),
                                     qPrintable(context + u' ' + why));
                            QVERIFY2(acceptable(LinodeParser::sshKeys(page), &why),
                                     qPrintable(context + u' ' + why));
                            QVERIFY2(acceptable(LinodeParser::profile(page), &why),
                                     qPrintable(context + u' ' + why));
                            (void)LinodeParser::error(page);
                        });
}

void TestLinodeFuzz::providerSurvivesMutatedReplies()
{
    // The same through the provider: every mutated page over HTTP ends in one callback.
    FakeCloudServer server;
    QVERIFY(server.listen());
    FuzzDriver::listMachines(server,
                             {{QStringLiteral("/v4/linode/instances"),
                               readJsonFixture(QStringLiteral("linode/instances-page1.json"))},
                              {QStringLiteral("/v4/linode/types"),
                               readJsonFixture(QStringLiteral("linode/types.json"))}},
                             seed + 1, endToEndIterations, [&server] { return provider(server); });
}

QTEST_GUILESS_MAIN(TestLinodeFuzz)
#include "tst_linodefuzz.moc"
