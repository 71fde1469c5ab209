// VultrParser must never crash and never hand out a half-read value: a few hundred mutated
// replies (random truncation, type swaps, deleted keys, flipped bytes) each give an InvalidReply
// error or a valid result. Seeded, so a failure names an iteration that replays exactly.
#include "httpresponse.h"
#include "jsonmutator.h"
#include "vultrparser.h"
#include "vultrtesting.h"

#include <QTest>

using namespace VultrTesting;

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

// An error must be the documented kind with words for the user; a value must be whole.
template<typename T>
bool acceptable(const Result<T> &result, QString *why)
{
    if (result.ok())
        return true;
    if (result.error().kind() != Error::InvalidReply)
        *why = QStringLiteral("error kind %1").arg(Error::kindId(result.error().kind()));
    else if (result.error().message().isEmpty())
        *why = QStringLiteral("an error without a message");
    return why->isEmpty();
}
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
    QList<QJsonDocument> documents;
    for (const QString &name : fixtures)
        documents.append(readJsonFixture(QStringLiteral("vultr/%1.json").arg(name)));
    JsonMutator mutator(seed);
    int valid = 0;
    int rejected = 0;
    for (int i = 0; i < iterations; ++i) {
        const int which = i % int(documents.size());
        HttpResponse response;
        response.status = 200;
        response.body = mutator.mutate(documents.at(which));
        const QString context = QStringLiteral("iteration %1 (%2: %3)")
                                    .arg(i)
                                    .arg(fixtures.at(which), mutator.description());
        QString why;
        const Result<QJsonObject> body = response.jsonObject();
        QVERIFY2(acceptable(body, &why), qPrintable(context + u' ' + why));
        if (!body.ok()) {
            ++rejected;
            continue;
        }
        const QJsonObject &page = body.value();

        // Every parser on every mutated reply, not only the one it was made for.
        const auto instances = VultrParser::instances(page);
        QVERIFY2(acceptable(instances, &why), qPrintable(context + u' ' + why));
        if (instances.ok()) {
            ++valid;
            for (const Machine &machine : instances.value()) {
                QVERIFY2(!machine.id.isEmpty(), qPrintable(context));
                QCOMPARE(machine.providerId, QStringLiteral("vultr"));
            }
        } else {
            ++rejected;
        }
        QVERIFY2(acceptable(VultrParser::instance(page), &why), qPrintable(context + u' ' + why));
        QVERIFY2(acceptable(VultrParser::instance(page.value(u"instance")), &why),
                 qPrintable(context + u' ' + why));
        QVERIFY2(acceptable(VultrParser::nextCursor(page), &why), qPrintable(context + u' ' + why));
        const auto plans = VultrParser::plans(page);
        QVERIFY2(acceptable(plans, &why), qPrintable(context + u' ' + why));
        if (plans.ok())
            (void)PriceTable::fromSizes(plans.value());
        QVERIFY2(acceptable(VultrParser::regions(page), &why), qPrintable(context + u' ' + why));
        QVERIFY2(acceptable(VultrParser::operatingSystems(page), &why),
                 qPrintable(context + u' ' + why));
        QVERIFY2(acceptable(VultrParser::snapshots(page), &why), qPrintable(context + u' ' + why));
        QVERIFY2(acceptable(VultrParser::sshKeys(page), &why), qPrintable(context + u' ' + why));
        QVERIFY2(acceptable(VultrParser::account(page), &why), qPrintable(context + u' ' + why));
        (void)VultrParser::error(page);
    }
    // The mutations must exercise both outcomes, or the test proves little.
    QVERIFY2(valid > iterations / 20, qPrintable(QString::number(valid)));
    QVERIFY2(rejected > iterations / 20, qPrintable(QString::number(rejected)));
}

void TestVultrFuzz::providerSurvivesMutatedReplies()
{
    // The same through the provider: every mutated page over HTTP ends in one callback.
    FakeCloudServer server;
    QVERIFY(server.listen());
    const QJsonDocument page = readJsonFixture(QStringLiteral("vultr/instances-page1.json"));
    const QJsonDocument plans = readJsonFixture(QStringLiteral("vultr/plans.json"));
    JsonMutator mutator(seed + 1);
    for (int i = 0; i < endToEndIterations; ++i) {
        server.on("GET", QStringLiteral("/v2/instances"),
                  FakeResponse::raw(200, mutator.mutate(page)));
        const QString context =
            QStringLiteral("iteration %1 (%2)").arg(i).arg(mutator.description());
        server.on("GET", QStringLiteral("/v2/plans"),
                  FakeResponse::raw(200, mutator.mutate(plans)));
        auto vultr = provider(server);
        const auto outcome = AsyncResult::run<QList<Machine>>(
            [&](Callback<QList<Machine>> done) { vultr->listMachines(std::move(done)); });
        QVERIFY2(outcome->result, qPrintable(context));
        QCOMPARE(outcome->calls, 1);
        QString why;
        QVERIFY2(acceptable(*outcome->result, &why), qPrintable(context + u' ' + why));
    }
}

QTEST_GUILESS_MAIN(TestVultrFuzz)
#include "tst_vultrfuzz.moc"
