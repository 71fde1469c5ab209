// VultrProvider renaming instances and editing their tags against a fake Vultr API: PATCH
// /instances/{id} (update-instance) with "label" and/or the whole "tags" array (never the
// deprecated single "tag"), and Vultr's errors with its own words ("error").
#include "vultrtesting.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

class TestVultrEdit : public QObject
{
    Q_OBJECT

    FakeCloudServer *m_server = nullptr;
    const QString m_id = u"cb676a46-66fd-4dfb-b839-443f2e6c0b60"_s;
    const QString m_path = u"/v2/instances/"_s + m_id;

private Q_SLOTS:
    void init()
    {
        m_server = new FakeCloudServer(this);
        QVERIFY(m_server->listen());
        m_server->on(
            "PATCH", m_path,
            FakeResponse::json(QJsonObject {{u"instance"_s, QJsonObject {{u"id"_s, m_id}}}}, 202));
    }
    void cleanup()
    {
        delete m_server;
        m_server = nullptr;
    }

    void renamesWithTheLabel()
    {
        auto provider = VultrTesting::provider(*m_server);
        const auto result = ProviderTesting::updateMachine(*provider, m_id, u"web-2"_s);
        QVERIFY(!result->calledSynchronously);
        QVERIFY2(result->ok(), result->describe());
        const auto patches = m_server->requests("PATCH", m_path);
        QCOMPARE(patches.size(), 1);
        QCOMPARE(patches.first().json(), QJsonObject({{u"label"_s, u"web-2"_s}}));
        QCOMPARE(patches.first().header("Authorization"), "Bearer " + VultrTesting::token);
        QVERIFY(patches.first().header("Content-Type").startsWith("application/json"));
    }

    void replacesTheTags()
    {
        auto provider = VultrTesting::provider(*m_server);
        const auto result = ProviderTesting::updateMachine(
            *provider, m_id, std::nullopt, QStringList {u"example tag"_s, u"prod"_s},
            QStringList {u"example tag"_s, u"another example"_s});
        QVERIFY2(result->ok(), result->describe());
        const QJsonObject body = m_server->requests("PATCH", m_path).first().json();
        QVERIFY(!body.contains(u"label"_s));
        QVERIFY(!body.contains(u"tag"_s));
        QVERIFY(body.value(u"tags"_s).isArray());
        QCOMPARE(body.value(u"tags"_s).toArray(), QJsonArray({u"example tag"_s, u"prod"_s}));
    }

    void clearsTheTags()
    {
        auto provider = VultrTesting::provider(*m_server);
        const auto result = ProviderTesting::updateMachine(*provider, m_id, std::nullopt,
                                                           QStringList {}, {u"old tag"_s});
        QVERIFY2(result->ok(), result->describe());
        const QJsonObject body = m_server->requests("PATCH", m_path).first().json();
        QVERIFY(body.value(u"tags"_s).isArray()); // an empty array, not a missing field
        QCOMPARE(body.value(u"tags"_s).toArray().size(), 0);
    }

    void showsVultrsWordsFor422()
    {
        m_server->on("PATCH", m_path, FakeResponse::file(u"vultr/error-422.json"_s, 422));
        auto provider = VultrTesting::provider(*m_server);
        const auto result = ProviderTesting::updateMachine(*provider, m_id, u"ab"_s);
        QCOMPARE(result->error().kind(), Error::BadRequest);
        QCOMPARE(result->error().httpStatus(), 422);
        QVERIFY2(result->error().message().contains(u"Label must be less than 255 characters."_s),
                 result->describe());
    }

    void reportsAMissingInstance()
    {
        m_server->on("PATCH", m_path, FakeResponse::file(u"vultr/error-404.json"_s, 404));
        auto provider = VultrTesting::provider(*m_server);
        const auto result = ProviderTesting::updateMachine(*provider, m_id, u"web-2"_s);
        QCOMPARE(result->error().kind(), Error::NotFound);
        QCOMPARE(result->error().httpStatus(), 404);
    }

    void reportsRateLimiting()
    {
        m_server->on(
            "PATCH", m_path,
            FakeResponse::file(u"vultr/error-429.json"_s, 429).withHeader("Retry-After", "1"));
        auto provider = VultrTesting::provider(*m_server);
        HttpClient::RetryPolicy policy;
        policy.maxRetries = 0;
        provider->http()->setRetryPolicy(policy);
        const auto result = ProviderTesting::updateMachine(*provider, m_id, u"web-2"_s);
        QCOMPARE(result->error().kind(), Error::RateLimited);
        QVERIFY2(result->error().message().contains(u"Rate limit reached"_s), result->describe());
    }

    void refusesAnIdThatIsNotAnInstanceId()
    {
        auto provider = VultrTesting::provider(*m_server);
        const auto result = ProviderTesting::updateMachine(*provider, u"../x"_s, u"web-2"_s);
        QCOMPARE(result->error().kind(), Error::InvalidInput);
        QCOMPARE(m_server->requestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestVultrEdit)
#include "tst_vultredit.moc"
