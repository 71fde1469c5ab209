// LinodeProvider renaming Linodes and editing their tags against a fake Linode API: PUT
// /linode/instances/{id} (updateLinodeInstance) with "label" and/or the whole "tags" array, and
// Linode's errors with its own words (errors[].reason).
#include "linodetesting.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

class TestLinodeEdit : public QObject
{
    Q_OBJECT

    FakeCloudServer *m_server = nullptr;
    const QString m_path = u"/v4/linode/instances/123"_s;

private Q_SLOTS:
    void init()
    {
        m_server = new FakeCloudServer(this);
        QVERIFY(m_server->listen());
        m_server->on("PUT", m_path,
                     LinodeTesting::withRateLimit(FakeResponse::json(
                         QJsonObject {{u"id"_s, 123}, {u"label"_s, u"linode123"_s}})));
    }
    void cleanup()
    {
        delete m_server;
        m_server = nullptr;
    }

    void renamesWithTheLabel()
    {
        auto provider = LinodeTesting::provider(*m_server);
        const auto result = ProviderTesting::updateMachine(*provider, u"123"_s, u"web-2"_s);
        QVERIFY(!result->calledSynchronously);
        QVERIFY2(result->ok(), result->describe());
        const auto puts = m_server->requests("PUT", m_path);
        QCOMPARE(puts.size(), 1);
        QCOMPARE(puts.first().json(), QJsonObject({{u"label"_s, u"web-2"_s}}));
        QCOMPARE(puts.first().header("Authorization"), "Bearer " + LinodeTesting::token);
        QVERIFY(puts.first().header("Content-Type").startsWith("application/json"));
    }

    void replacesTheTags()
    {
        auto provider = LinodeTesting::provider(*m_server);
        const auto result = ProviderTesting::updateMachine(
            *provider, u"123"_s, std::nullopt, QStringList {u"example tag"_s, u"prod"_s},
            QStringList {u"example tag"_s, u"another example"_s});
        QVERIFY2(result->ok(), result->describe());
        const QJsonObject body = m_server->requests("PUT", m_path).first().json();
        QVERIFY(!body.contains(u"label"_s));
        QVERIFY(body.value(u"tags"_s).isArray());
        QCOMPARE(body.value(u"tags"_s).toArray(), QJsonArray({u"example tag"_s, u"prod"_s}));
    }

    void clearsTheTags()
    {
        auto provider = LinodeTesting::provider(*m_server);
        const auto result = ProviderTesting::updateMachine(*provider, u"123"_s, std::nullopt,
                                                           QStringList {}, {u"old tag"_s});
        QVERIFY2(result->ok(), result->describe());
        const QJsonObject body = m_server->requests("PUT", m_path).first().json();
        QVERIFY(body.value(u"tags"_s).isArray()); // an empty array, not a missing field
        QCOMPARE(body.value(u"tags"_s).toArray().size(), 0);
    }

    void showsLinodesWordsFor400()
    {
        m_server->on("PUT", m_path, FakeResponse::file(u"linode/error-400.json"_s, 400));
        auto provider = LinodeTesting::provider(*m_server);
        const auto result = ProviderTesting::updateMachine(*provider, u"123"_s, u"ab"_s);
        QCOMPARE(result->error().kind(), Error::BadRequest);
        QCOMPARE(result->error().httpStatus(), 400);
        QVERIFY2(
            result->error().message().contains(u"Label must be between 3 and 64 characters."_s),
            result->describe());
    }

    void reportsAMissingLinode()
    {
        m_server->on("PUT", m_path, FakeResponse::file(u"linode/error-404.json"_s, 404));
        auto provider = LinodeTesting::provider(*m_server);
        const auto result = ProviderTesting::updateMachine(*provider, u"123"_s, u"web-2"_s);
        QCOMPARE(result->error().kind(), Error::NotFound);
        QCOMPARE(result->error().httpStatus(), 404);
    }

    void reportsRateLimiting()
    {
        m_server->on(
            "PUT", m_path,
            FakeResponse::file(u"linode/error-429.json"_s, 429).withHeader("Retry-After", "1"));
        auto provider = LinodeTesting::provider(*m_server);
        HttpClient::RetryPolicy policy;
        policy.maxRetries = 0;
        provider->http()->setRetryPolicy(policy);
        const auto result = ProviderTesting::updateMachine(*provider, u"123"_s, u"web-2"_s);
        QCOMPARE(result->error().kind(), Error::RateLimited);
        QVERIFY2(result->error().message().contains(u"Too Many Requests"_s), result->describe());
    }

    void refusesAnIdThatIsNotALinodeId()
    {
        auto provider = LinodeTesting::provider(*m_server);
        const auto result = ProviderTesting::updateMachine(*provider, u"../123"_s, u"web-2"_s);
        QCOMPARE(result->error().kind(), Error::InvalidInput);
        QCOMPARE(m_server->requestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLinodeEdit)
#include "tst_linodeedit.moc"
