// VultrParser must never crash and never hand out a half-read value: a few hundred mutated
// replies (random truncation, type swaps, deleted keys, flipped bytes) each give an InvalidReply
// error or a valid result. Seeded, so a failure names an iteration that replays exactly.
#include "fuzzdriver.h"
#include "vultrparser.h"
#include "vultrtesting.h"

#include <QTest>

using namespace VultrTesting;
using FuzzDriver::acceptable;

namespace {
constexpr quint32 seed = 0x7017A;
constexpr int iterations = 600;
constexpr int endToEndIterations = 40;

const QStringList fixtures = {
    QStringLiteral("instances-page1"),  QStringLiteral("instances-page2"),
    QStringLiteral("instances-page3"),  QStringLiteral("instances-states"),
    QStringLiteral("instance-created"), QStringLiteral("plans"),
    QStringLiteral("regions"),          QStringLiteral("os"),
    QStringLiteral("snapshots"),        QStringLiteral("ssh-keys"),
    QStringLiteral("account"),          QStringLiteral("error-400"),
};
} // namespace

class TestVultrFuzz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsersSurviveMutatedReplies();
    void providerSurvivesMutatedReplies();
};

void TestVultrFuzz::parsersSurviveMutatedReplies()
{
    FuzzDriver::parsers(
        QStringLiteral("vultr"), fixtures, seed, iterations, [](FuzzDriver::Sample &sample) {
            const QJsonObject &page = sample.page;
            const QString &context = sample.context;
            QString why;
            // Every parser on every mutated reply, not only the one it was made for.
            const auto instances = VultrParser::instances(page);
            QVERIFY2(acceptable(instances, &why), qPrintable(context + u' ' + why));
            if (instances.ok()) {
                sample.valid = true;
                for (const Machine &machine : instances.value()) {
                    QVERIFY2(!machine.id.isEmpty(), qPrintable(context));
                    QCOMPARE(machine.providerId, QStringLiteral("vultr"));
                }
            }
            QVERIFY2(acceptable(VultrParser::instance(page), &why),
                     qPrintable(context + u' ' + why));
            QVERIFY2(acceptable(VultrParser::instance(page.value(u"instance")), &why),
                     qPrintable(context + u' ' + why));
            QVERIFY2(acceptable(VultrParser::nextCursor(page), &why),
                     qPrintable(context + u' ' + why));
            const auto plans = VultrParser::plans(page);
            QVERIFY2(acceptable(plans, &why), qPrintable(context + u' ' + why));
            if (plans.ok())
                (void)PriceTable::fromSizes(plans.value());
            QVERIFY2(acceptable(VultrParser::regions(page), &why),
                     qPrintable(context + u' ' + why));
            QVERIFY2(acceptable(VultrParser::operatingSystems(page), &why),
                     qPrintable(context + u' ' + why));
            QVERIFY2(acceptable(VultrParser::snapshots(page), &why),
                     qPrintable(context + u' ' + why));
            QVERIFY2(acceptable(VultrParser::sshKeys(page), &why),
                     qPrintable(context + u' ' + why));
            QVERIFY2(acceptable(VultrParser::account(page), &why),
                     qPrintable(context + u' ' + why));
            (void)VultrParser::error(page);
        });
}

void TestVultrFuzz::providerSurvivesMutatedReplies()
{
    // The same through the provider: every mutated page over HTTP ends in one callback.
    FakeCloudServer server;
    QVERIFY(server.listen());
    FuzzDriver::listMachines(
        server,
        {{QStringLiteral("/v2/instances"),
          readJsonFixture(QStringLiteral("vultr/instances-page1.json"))},
         {QStringLiteral("/v2/plans"), readJsonFixture(QStringLiteral("vultr/plans.json"))}},
        seed + 1, endToEndIterations, [&server] { return provider(server); });
}

QTEST_GUILESS_MAIN(TestVultrFuzz)
#include "tst_vultrfuzz.moc"
