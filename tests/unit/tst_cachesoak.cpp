// The offline cache under kill -9 (issue 11, the soak): 30 times, a clouddeck-cli refresh of a
// 10,000-droplet account is killed at a random moment while another process reads the cache. The
// fake DigitalOcean alternates between two fleets ("a-*" and "b-*", 10,000 each), so any mix of
// the two, or a short list, would show a torn write. Every reader sees exactly one full fleet:
// the old one or the new one.
#include "fakecloudserver.h"
#include "testhelpers.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <QUrlQuery>

namespace {
constexpr int kFleet = 10'000;
constexpr int kRounds = 30;

// One fleet's pages, as DigitalOcean's GET /v2/droplets returns them (a droplet from the fixture
// written from DigitalOcean's OpenAPI document, renumbered and renamed).
class Fleet
{
public:
    Fleet(const QJsonObject &droplet, const QString &prefix, int firstId)
        : m_droplet(droplet)
        , m_prefix(prefix)
        , m_firstId(firstId)
    { }

    [[nodiscard]] QByteArray page(const QUrl &base, int page, int perPage) const
    {
        QJsonArray droplets;
        const int first = (page - 1) * perPage;
        for (int i = first; i < std::min(first + perPage, kFleet); ++i) {
            QJsonObject droplet = m_droplet;
            droplet[QLatin1String("id")] = m_firstId + i;
            droplet[QLatin1String("name")] = m_prefix + QString::number(i);
            droplets.append(droplet);
        }
        const int last = (kFleet + perPage - 1) / perPage;
        QJsonObject pages;
        auto link = [&](int n) {
            QUrl url = base.resolved(QUrl(QStringLiteral("/v2/droplets")));
            url.setQuery(QStringLiteral("page=%1&per_page=%2").arg(n).arg(perPage));
            return url.toString();
        };
        if (page < last) {
            pages[QLatin1String("next")] = link(page + 1);
            pages[QLatin1String("last")] = link(last);
        }
        return QJsonDocument(QJsonObject {
                                 {QStringLiteral("droplets"), droplets},
                                 {QStringLiteral("links"),
                                  QJsonObject {{QStringLiteral("pages"), pages}}},
                                 {QStringLiteral("meta"),
                                  QJsonObject {{QStringLiteral("total"), kFleet}}},
                             })
            .toJson(QJsonDocument::Compact);
    }

private:
    QJsonObject m_droplet;
    QString m_prefix;
    int m_firstId;
};

// "a" or "b" when @p json lists exactly one whole fleet; otherwise what is wrong.
QString wholeFleet(const QByteArray &json)
{
    const QJsonArray machines = QJsonDocument::fromJson(json).array();
    if (machines.size() != kFleet)
        return QStringLiteral("%1 machines").arg(machines.size());
    const QString prefix = machines.first()[QLatin1String("name")].toString().left(2);
    for (const QJsonValue &machine : machines) {
        if (!machine[QLatin1String("name")].toString().startsWith(prefix))
            return QStringLiteral("a mix of fleets");
    }
    return prefix.left(1);
}
} // namespace

class TestCacheSoak : public QObject
{
    Q_OBJECT

    FakeCloudServer m_server;
    std::unique_ptr<Fleet> m_fleets[2];
    int m_serving = 0;
    qint64 m_refreshMs = 2'000; ///< how long one whole refresh took here (sets the kill window)

private Q_SLOTS:
    void initTestCase()
    {
        QFile fixture(testDataPath(QStringLiteral("digitalocean/droplets_page1.json")));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        const QJsonObject droplet = QJsonDocument::fromJson(fixture.readAll())
                                        .object()[QLatin1String("droplets")]
                                        .toArray()
                                        .first()
                                        .toObject();
        QVERIFY(!droplet.isEmpty());
        m_fleets[0] = std::make_unique<Fleet>(droplet, QStringLiteral("a-"), 1'000'000);
        m_fleets[1] = std::make_unique<Fleet>(droplet, QStringLiteral("b-"), 2'000'000);
        QVERIFY(m_server.listen());
        m_server.on("GET", QStringLiteral("/v2/account"),
                    FakeResponse::file(testDataPath(QStringLiteral("digitalocean/account.json"))));
        m_server.on("GET", QStringLiteral("/v2/droplets"), [this](const RecordedRequest &request) {
            const int page = std::max(1, request.query.queryItemValue(QStringLiteral("page")).toInt());
            const int perPage = std::clamp(
                request.query.queryItemValue(QStringLiteral("per_page")).toInt(), 1, 200);
            return FakeResponse::raw(200, m_fleets[m_serving]->page(m_server.url(), page, perPage));
        });
        const CliRun add =
            runCli({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"),
                    QStringLiteral("digitalocean"), QStringLiteral("--name"), QStringLiteral("big"),
                    QStringLiteral("--endpoint"), m_server.url().toString()},
                   "dop_v1_soak\n");
        QVERIFY2(add.exitCode == 0, add.err.constData());
        // Fleet "a" written whole, then replaced by "b": the "old" set of the first round. The
        // replacement's duration (a whole fleet out, another in) sets the window the kills fall
        // into, so they hit the listing and the write alike.
        for (int fleet = 0; fleet < 2; ++fleet) {
            m_serving = fleet;
            QElapsedTimer clock;
            clock.start();
            const CliRun run = runProcess(cliPath(),
                                          {QStringLiteral("machines"), QStringLiteral("list"),
                                           QStringLiteral("--json")},
                                          {}, QProcessEnvironment::systemEnvironment(), 120'000);
            QVERIFY2(run.exitCode == 0, run.err.constData());
            m_refreshMs = std::max<qint64>(clock.elapsed(), 500);
            QCOMPARE(wholeFleet(runCli({QStringLiteral("machines"), QStringLiteral("list"),
                                        QStringLiteral("--offline"), QStringLiteral("--json")})
                                    .out),
                     fleet == 0 ? QStringLiteral("a") : QStringLiteral("b"));
        }
    }

    void killedRefreshesLeaveAWholeFleet()
    {
        QString cached = QStringLiteral("b");
        int completed = 0;
        int switched = 0;
        for (int round = 0; round < kRounds; ++round) {
            m_serving = cached == QLatin1String("a") ? 1 : 0;
            const QString next = m_serving == 0 ? QStringLiteral("a") : QStringLiteral("b");
            QProcess refresher;
            refresher.start(cliPath(), {QStringLiteral("machines"), QStringLiteral("list"),
                                        QStringLiteral("--json")});
            QVERIFY(refresher.waitForStarted());
            // Anywhere from the first page to past the last row written.
            const int killAfterMs =
                QRandomGenerator::global()->bounded(50, int(m_refreshMs * 3 / 2) + 51);
            QProcess reader;
            reader.start(cliPath(), {QStringLiteral("machines"), QStringLiteral("list"),
                                     QStringLiteral("--offline"), QStringLiteral("--json")});
            QTest::qWait(killAfterMs); // the random moment itself is the test, not a wait for it
            if (refresher.state() != QProcess::NotRunning) {
                refresher.kill(); // SIGKILL: no clean-up of any kind
                QVERIFY(refresher.waitForFinished(10'000));
            } else {
                ++completed;
            }
            // (It may have ended during the wait above: then there is nothing to wait for.)
            if (reader.state() != QProcess::NotRunning)
                QVERIFY(reader.waitForFinished(60'000));
            const QString during = wholeFleet(reader.readAllStandardOutput());
            QVERIFY2(reader.exitCode() == 0, reader.readAllStandardError().constData());
            QVERIFY2(during == cached || during == next,
                     qPrintable(QStringLiteral("round %1, killed after %2 ms: the reader saw %3")
                                    .arg(round)
                                    .arg(killAfterMs)
                                    .arg(during)));
            const CliRun after = runCli({QStringLiteral("machines"), QStringLiteral("list"),
                                         QStringLiteral("--offline"), QStringLiteral("--json")});
            QVERIFY2(after.exitCode == 0, after.err.constData());
            const QString now = wholeFleet(after.out);
            QVERIFY2(now == cached || now == next,
                     qPrintable(QStringLiteral("round %1, killed after %2 ms: the cache holds %3")
                                    .arg(round)
                                    .arg(killAfterMs)
                                    .arg(now)));
            switched += now != cached;
            cached = now;
        }
        qInfo("%d of %d refreshes finished before the kill, %d changed the cached fleet "
              "(a whole refresh took %lld ms)",
              completed, kRounds, switched, m_refreshMs);
    }
};

QTEST_GUILESS_MAIN(TestCacheSoak)
#include "tst_cachesoak.moc"
