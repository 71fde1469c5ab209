// HetznerProvider renaming servers and editing their labels against a fake Hetzner API: PUT
// /servers/{id} with "name" and/or "labels", the labels read first so that only the edited tags
// change (a label set meanwhile elsewhere survives), and Hetzner's errors with its own words.
#include "hetznertesting.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

class TestHetznerEdit : public QObject
{
    Q_OBJECT

    FakeCloudServer *m_server = nullptr;

    void serveServer(const QJsonObject &labels)
    {
        const QJsonObject server {{u"id"_s, 42}, {u"name"_s, u"web-1"_s}, {u"labels"_s, labels}};
        m_server->on("GET", u"/v1/servers/42"_s,
                     FakeResponse::json(QJsonObject {{u"server"_s, server}}));
        m_server->on("PUT", u"/v1/servers/42"_s,
                     FakeResponse::json(QJsonObject {{u"server"_s, server}}));
    }

private Q_SLOTS:
    void init()
    {
        m_server = new FakeCloudServer(this);
        QVERIFY(m_server->listen());
    }
    void cleanup()
    {
        delete m_server;
        m_server = nullptr;
    }

    void renamesWithPut()
    {
        serveServer({});
        auto provider = HetznerTesting::provider(*m_server);
        const auto result = ProviderTesting::updateMachine(*provider, u"42"_s, u"web-2"_s);
        QVERIFY(!result->calledSynchronously);
        QVERIFY2(result->ok(), result->describe());
        const auto puts = m_server->requests("PUT", u"/v1/servers/42"_s);
        QCOMPARE(puts.size(), 1);
        QCOMPARE(puts.first().json(), QJsonObject({{u"name"_s, u"web-2"_s}})); // labels untouched
        QCOMPARE(puts.first().header("Authorization"), "Bearer " + HetznerTesting::token);
        QVERIFY(puts.first().header("Content-Type").startsWith("application/json"));
        QCOMPARE(m_server->requests("GET", u"/v1/servers/42"_s).size(), 0);
    }

    void editsOnlyTheChangedLabels()
    {
        // The listing showed env=prod, team=web, monitoring; since then someone added
        // "backup=daily" in the console. The user drops "team=web", changes env and adds "ha".
        serveServer({{u"env"_s, u"prod"_s},
                     {u"team"_s, u"web"_s},
                     {u"monitoring"_s, u""_s},
                     {u"backup"_s, u"daily"_s}});
        auto provider = HetznerTesting::provider(*m_server);
        const auto result = ProviderTesting::updateMachine(
            *provider, u"42"_s, std::nullopt,
            QStringList {u"env=staging"_s, u"monitoring"_s, u"ha"_s},
            QStringList {u"env=prod"_s, u"team=web"_s, u"monitoring"_s});
        QVERIFY2(result->ok(), result->describe());
        QCOMPARE(m_server->requests("GET", u"/v1/servers/42"_s).size(), 1);
        const auto puts = m_server->requests("PUT", u"/v1/servers/42"_s);
        QCOMPARE(puts.size(), 1);
        const QJsonObject body = puts.first().json();
        QVERIFY(!body.contains(u"name"_s));
        QVERIFY(body.value(u"labels"_s).isObject());
        QCOMPARE(body.value(u"labels"_s).toObject(), QJsonObject({{u"env"_s, u"staging"_s},
                                                                  {u"monitoring"_s, u""_s},
                                                                  {u"ha"_s, u""_s},
                                                                  {u"backup"_s, u"daily"_s}}));
    }

    void showsHetznersWordsFor422()
    {
        serveServer({});
        m_server->on("PUT", u"/v1/servers/42"_s,
                     FakeResponse::file(u"hetzner/error_422.json"_s, 422));
        auto provider = HetznerTesting::provider(*m_server);
        const auto result = ProviderTesting::updateMachine(*provider, u"42"_s, u"web-2"_s);
        QCOMPARE(result->error().kind(), Error::BadRequest);
        QCOMPARE(result->error().httpStatus(), 422);
        QVERIFY2(result->error().message().contains(u"is not a valid hostname"_s),
                 result->describe());
        QCOMPARE(result->error().providerCode(), u"invalid_input"_s);
    }

    void reportsAMissingServer()
    {
        m_server->on("GET", u"/v1/servers/42"_s,
                     FakeResponse::file(u"hetzner/error_404.json"_s, 404));
        auto provider = HetznerTesting::provider(*m_server);
        const auto result = ProviderTesting::updateMachine(*provider, u"42"_s, std::nullopt,
                                                           QStringList {u"a"_s}, {});
        QCOMPARE(result->error().kind(), Error::NotFound);
        QVERIFY2(result->error().message().contains(u"not found"_s), result->describe());
        QCOMPARE(m_server->requests("PUT", u"/v1/servers/42"_s).size(), 0);
    }

    void reportsRateLimiting()
    {
        m_server->on("PUT", u"/v1/servers/42"_s,
                     FakeResponse::file(u"hetzner/error_429.json"_s, 429));
        auto provider = HetznerTesting::provider(*m_server);
        HttpClient::RetryPolicy policy;
        policy.maxRetries = 0;
        provider->http()->setRetryPolicy(policy);
        const auto result = ProviderTesting::updateMachine(*provider, u"42"_s, u"web-2"_s);
        QCOMPARE(result->error().kind(), Error::RateLimited);
        QVERIFY2(result->error().message().contains(u"limit of 3600 requests per hour"_s),
                 result->describe());
    }

    void refusesAnIdThatIsNotAServerId()
    {
        auto provider = HetznerTesting::provider(*m_server);
        const auto result = ProviderTesting::updateMachine(*provider, u"42?x=1"_s, u"a"_s);
        QCOMPARE(result->error().kind(), Error::InvalidInput);
        QCOMPARE(m_server->requestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHetznerEdit)
#include "tst_hetzneredit.moc"
