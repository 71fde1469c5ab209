// `clouddeck-cli machines rename` and `machines tag` against a fake DigitalOcean: core's rules
// refuse bad input with exit code 2 before anything is sent; good input is sent as the API
// describes; --json prints the updated machine; the cloud's refusal is its own words.
#include "digitaloceanroutes.h"
#include "fakecloudserver.h"
#include "testhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

class TestCliEdit : public QObject
{
    Q_OBJECT

    FakeCloudServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(cliPath()));
        QVERIFY(m_server.listen());
        DigitalOceanRoutes::serveAccountAndDroplets(m_server);
        DigitalOceanRoutes::serveActions(m_server);
        m_server.on("POST", u"/v2/tags"_s,
                    FakeResponse::json(QJsonObject {{u"tag"_s, QJsonObject {}}}, 201));
        m_server.on("POST", u"/v2/tags/*/resources"_s, FakeResponse::raw(204, {}));
        m_server.on("DELETE", u"/v2/tags/*/resources"_s, FakeResponse::raw(204, {}));
        const QString token = u"dop_v1_"_s + QUuid::createUuid().toString(QUuid::Id128);
        const CliRun add =
            runCli({u"accounts"_s, u"add"_s, u"--provider"_s, u"digitalocean"_s, u"--name"_s,
                    u"work"_s, u"--endpoint"_s, m_server.url().toString()},
                   token.toUtf8() + '\n');
        QVERIFY2(add.exitCode == 0, add.err.constData());
        QCOMPARE(runCli({u"machines"_s, u"list"_s}).exitCode, 0); // fills the cache
    }

    void renamePrintsTheUpdatedMachine()
    {
        m_server.clearRequests();
        const CliRun run =
            runCli({u"machines"_s, u"rename"_s, u"3164445"_s, u"build-02"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const auto posts = m_server.requests("POST", u"/v2/droplets/*/actions"_s);
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.first().path, u"/v2/droplets/3164445/actions"_s);
        QCOMPARE(posts.first().json(),
                 QJsonObject({{u"type"_s, u"rename"_s}, {u"name"_s, u"build-02"_s}}));
        const QJsonObject machine = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(machine.value(u"name"_s).toString(), u"build-02"_s);
        QCOMPARE(machine.value(u"id"_s).toString(), u"3164445"_s);
        QCOMPARE(machine.value(u"account"_s).toString(), u"work"_s);
        // The cache knows the new name: the next run finds the machine by it.
        const CliRun activity = runCli({u"activity"_s, u"--json"_s});
        QVERIFY(activity.out.contains("\"rename\""));
    }

    void tagAddsAndRemoves()
    {
        m_server.clearRequests();
        const CliRun run = runCli({u"machines"_s, u"tag"_s, u"3164444"_s, u"--add"_s, u"team-a"_s,
                                   u"--remove"_s, u"web"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("tags env:prod, team-a"), run.out.constData());
        const auto created = m_server.requests("POST", u"/v2/tags"_s);
        QCOMPARE(created.size(), 1);
        QCOMPARE(created.first().json(), QJsonObject({{u"name"_s, u"team-a"_s}}));
        QCOMPARE(m_server.requests("POST", u"/v2/tags/*/resources"_s).first().path,
                 u"/v2/tags/team-a/resources"_s);
        QCOMPARE(m_server.requests("DELETE", u"/v2/tags/*/resources"_s).first().path,
                 u"/v2/tags/web/resources"_s);
    }

    void badInputIsRefusedBeforeAnythingIsSent()
    {
        m_server.clearRequests();
        const CliRun name = runCli({u"machines"_s, u"rename"_s, u"3164444"_s, u"bad name!"_s});
        QCOMPARE(name.exitCode, 2);
        QVERIFY2(name.err.contains("DigitalOcean droplet names use"), name.err.constData());
        const CliRun tag = runCli({u"machines"_s, u"tag"_s, u"3164444"_s, u"--add"_s, u"a b"_s});
        QCOMPARE(tag.exitCode, 2);
        QVERIFY2(tag.err.contains("DigitalOcean tags use"), tag.err.constData());
        QCOMPARE(runCli({u"machines"_s, u"tag"_s, u"3164444"_s}).exitCode, 2);
        QCOMPARE(runCli({u"machines"_s, u"rename"_s, u"3164444"_s}).exitCode, 2);
        QCOMPARE(m_server.requests("POST", u"/v2/droplets/*/actions"_s).size(), 0);
        QCOMPARE(m_server.requests("POST", u"/v2/tags"_s).size(), 0);
    }

    void theCloudsRefusalIsItsOwnWords()
    {
        m_server.on("POST", u"/v2/droplets/*/actions"_s,
                    FakeResponse::file(
                        testDataPath(u"digitalocean/error_unprocessable_entity.json"_s), 422));
        const CliRun run = runCli({u"machines"_s, u"rename"_s, u"3164444"_s, u"web-9"_s});
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains("request payload validation failed"), run.err.constData());
        DigitalOceanRoutes::serveActions(m_server);
    }
};

QTEST_GUILESS_MAIN(TestCliEdit)
#include "tst_cliedit.moc"
