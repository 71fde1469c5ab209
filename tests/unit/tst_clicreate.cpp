// `clouddeck-cli machines create` against a fake DigitalOcean: the wizard's rules
// (CreateMachineRequest, Inventory::createProblems) refuse bad input with exit code 2 and a
// sentence naming the option, before anything is sent; good input is sent once.
#include "digitaloceanroutes.h"
#include "fakecloudserver.h"
#include "testhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

class TestCliCreate : public QObject
{
    Q_OBJECT

    FakeCloudServer m_server;

    CliRun create(const QStringList &extra)
    {
        return runCli(QStringList {QStringLiteral("machines"), QStringLiteral("create"),
                                   QStringLiteral("--account"), QStringLiteral("work")}
                      + extra);
    }

    static QStringList complete(const QString &name)
    {
        return {QStringLiteral("--name"),   name,
                QStringLiteral("--region"), QStringLiteral("nyc3"),
                QStringLiteral("--size"),   QStringLiteral("s-1vcpu-1gb"),
                QStringLiteral("--image"),  QStringLiteral("ubuntu-20-04-x64")};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(cliPath()));
        QVERIFY(m_server.listen());
        DigitalOceanRoutes::serveAccountAndDroplets(m_server);
        m_server.on(
            "POST", QStringLiteral("/v2/droplets"),
            FakeResponse::file(
                testDataPath(QStringLiteral("digitalocean/droplet_create_response.json")), 202));
        const QString token =
            QStringLiteral("dop_v1_") + QUuid::createUuid().toString(QUuid::Id128);
        const CliRun add = runCli({QStringLiteral("accounts"), QStringLiteral("add"),
                                   QStringLiteral("--provider"), QStringLiteral("digitalocean"),
                                   QStringLiteral("--name"), QStringLiteral("work"),
                                   QStringLiteral("--endpoint"), m_server.url().toString()},
                                  token.toUtf8() + '\n');
        QVERIFY2(add.exitCode == 0, add.err.constData());
    }

    void badInputIsRefusedBeforeAnythingIsSent_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad name") << complete(QStringLiteral("bad name!"))
                                  << QStringLiteral("--name: Use letters, digits, dots and dashes");
        QTest::newRow("leading dash")
            << complete(QStringLiteral("-web")) << QStringLiteral("--name: Use letters, digits");
        QTest::newRow("name too long")
            << complete(QString(64, QLatin1Char('a'))) << QStringLiteral("(at most 63 characters)");
        QTest::newRow("no name") << complete(QString())
                                 << QStringLiteral("--name: Give the machine a name.");
        QTest::newRow("bad tag")
            << complete(QStringLiteral("web-9"))
                   + QStringList {QStringLiteral("--tag"), QStringLiteral("not/ok")}
            << QStringLiteral("--tag: Tags may use letters, digits and : . _ - only; \"not/ok\"");
        QStringList noRegion = complete(QStringLiteral("web-9"));
        noRegion.remove(2, 2);
        QTest::newRow("no region") << noRegion << QStringLiteral("--region: Choose a region.");
        QStringList noImage = complete(QStringLiteral("web-9"));
        noImage.remove(6, 2);
        QTest::newRow("no image") << noImage << QStringLiteral("--image: Choose an image.");
    }
    void badInputIsRefusedBeforeAnythingIsSent()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        m_server.clearRequests();
        const CliRun run = create(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(message), run.err.constData());
        QVERIFY(run.out.isEmpty());
        QCOMPARE(m_server.requestCount(), 0); // not one request, not even a listing
    }

    void aNameTheAccountUsesIsRefused()
    {
        m_server.clearRequests();
        const CliRun run = create(complete(QStringLiteral("Example.com")));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(
                     QLatin1String("This account already has a machine called example.com.")),
                 run.err.constData());
        QVERIFY(!m_server.requests("GET", QStringLiteral("/v2/droplets")).isEmpty());
        QVERIFY(m_server.requests("POST", QStringLiteral("/v2/droplets")).isEmpty());
    }

    void goodInputIsSentOnce()
    {
        m_server.clearRequests();
        const CliRun run =
            create(complete(QStringLiteral("api-1"))
                   + QStringList {QStringLiteral("--tag"), QStringLiteral("env:prod"),
                                  QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const auto posts = m_server.requests("POST", QStringLiteral("/v2/droplets"));
        QCOMPARE(posts.size(), 1);
        const QJsonObject body = QJsonDocument::fromJson(posts.first().body).object();
        QCOMPARE(body[QLatin1String("name")].toString(), QStringLiteral("api-1"));
        QCOMPARE(body[QLatin1String("region")].toString(), QStringLiteral("nyc3"));
        QCOMPARE(body[QLatin1String("tags")].toArray().first().toString(),
                 QStringLiteral("env:prod"));
        QVERIFY2(run.errText().contains(QLatin1String("Created ")), run.err.constData());
        QCOMPARE(QJsonDocument::fromJson(run.out).array().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliCreate)
#include "tst_clicreate.moc"
