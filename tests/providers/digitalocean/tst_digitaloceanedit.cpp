// DigitalOceanProvider renaming droplets and editing their tags against a fake DigitalOcean API:
// the rename action, the global tag objects created then attached and detached, the bodies'
// field names and types (resource_id a string), and the errors DigitalOcean answers with.
#include "digitaloceanprovider.h"
#include "digitaloceantestcase.h"
#include "fakedigitalocean.h"
#include "providertesting.h"
#include "testhelpers.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDigitalOceanEdit : public DigitalOceanTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void renamesWithTheRenameAction();
    void addsAndRemovesTags();
    void stopsAtTheFirstRefusal();
    void showsDigitalOceansWordsFor422();
    void reportsAMissingDroplet();
    void reportsRateLimiting();
    void refusesAnIdThatIsNotADropletId();

private:
    void serveTagRoutes()
    {
        m_server->on(
            "POST", u"/v2/tags"_s,
            FakeResponse::json(QJsonObject {{u"tag"_s, QJsonObject {{u"name"_s, u"x"_s}}}}, 201));
        m_server->on("POST", u"/v2/tags/*/resources"_s, FakeResponse::raw(204, {}, {}));
        m_server->on("DELETE", u"/v2/tags/*/resources"_s, FakeResponse::raw(204, {}, {}));
    }
    static QJsonObject dropletResources()
    {
        return {{u"resources"_s, QJsonArray {QJsonObject {{u"resource_id"_s, u"3164444"_s},
                                                          {u"resource_type"_s, u"droplet"_s}}}}};
    }
};

void TestDigitalOceanEdit::renamesWithTheRenameAction()
{
    const auto result = ProviderTesting::updateMachine(*m_provider, u"3164444"_s, u"web-02"_s);
    QVERIFY(result->result);
    QVERIFY(!result->calledSynchronously);
    QVERIFY2(result->ok(), result->describe());
    const auto posts = m_server->requests("POST", u"/v2/droplets/*/actions"_s);
    QCOMPARE(posts.size(), 1);
    QCOMPARE(posts.first().path, u"/v2/droplets/3164444/actions"_s);
    QCOMPARE(posts.first().header("Authorization"), FakeDigitalOcean::bearer());
    QCOMPARE(posts.first().json(),
             QJsonObject({{u"type"_s, u"rename"_s}, {u"name"_s, u"web-02"_s}}));
    QCOMPARE(m_server->requestCount(), 1); // a rename is not followed
}

void TestDigitalOceanEdit::addsAndRemovesTags()
{
    serveTagRoutes();
    const auto result = ProviderTesting::updateMachine(
        *m_provider, u"3164444"_s, std::nullopt, QStringList {u"web"_s, u"env:prod"_s, u"team-a"_s},
        QStringList {u"web"_s, u"old"_s});
    QVERIFY2(result->ok(), result->describe());

    // Each new tag is created (DigitalOcean answers an existing one the same), then attached.
    const auto created = m_server->requests("POST", u"/v2/tags"_s);
    QCOMPARE(created.size(), 2);
    QCOMPARE(created.at(0).json(), QJsonObject({{u"name"_s, u"env:prod"_s}}));
    QCOMPARE(created.at(1).json(), QJsonObject({{u"name"_s, u"team-a"_s}}));
    const auto attached = m_server->requests("POST", u"/v2/tags/*/resources"_s);
    QCOMPARE(attached.size(), 2);
    QCOMPARE(attached.at(0).path, u"/v2/tags/env:prod/resources"_s);
    QCOMPARE(attached.at(1).path, u"/v2/tags/team-a/resources"_s);
    for (const RecordedRequest &request : attached) {
        QCOMPARE(request.json(), dropletResources());
        QVERIFY(request.json()[u"resources"_s][0][u"resource_id"_s].isString());
        QCOMPARE(request.header("Authorization"), FakeDigitalOcean::bearer());
    }
    const auto detached = m_server->requests("DELETE", u"/v2/tags/*/resources"_s);
    QCOMPARE(detached.size(), 1);
    QCOMPARE(detached.first().path, u"/v2/tags/old/resources"_s);
    QCOMPARE(detached.first().json(), dropletResources());
    // Untouched "web": nothing sent for it.
    QCOMPARE(m_server->requestCount(), 5);
}

void TestDigitalOceanEdit::stopsAtTheFirstRefusal()
{
    serveTagRoutes();
    m_server->on("POST", u"/v2/tags/*/resources"_s,
                 FakeDigitalOcean::reply(u"error_not_found"_s, 404));
    const auto result = ProviderTesting::updateMachine(*m_provider, u"3164444"_s, std::nullopt,
                                                       QStringList {u"a1"_s, u"b2"_s}, {});
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind(), Error::NotFound);
    QCOMPARE(m_server->requests("POST", u"/v2/tags/*/resources"_s).size(), 1);
    QCOMPARE(m_server->requests("POST", u"/v2/tags"_s).size(), 1); // "b2" never created
}

void TestDigitalOceanEdit::showsDigitalOceansWordsFor422()
{
    m_server->on("POST", u"/v2/droplets/*/actions"_s,
                 FakeDigitalOcean::reply(u"error_unprocessable_entity"_s, 422));
    const auto result = ProviderTesting::updateMachine(*m_provider, u"3164444"_s, u"web-02"_s);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind(), Error::BadRequest);
    QCOMPARE(result->error().httpStatus(), 422);
    QVERIFY2(result->error().message().contains(u"request payload validation failed"_s),
             result->describe());
    QCOMPARE(result->error().providerCode(), u"unprocessable_entity"_s);
}

void TestDigitalOceanEdit::reportsAMissingDroplet()
{
    m_server->on("POST", u"/v2/droplets/*/actions"_s,
                 FakeDigitalOcean::reply(u"error_not_found"_s, 404));
    const auto result = ProviderTesting::updateMachine(*m_provider, u"3164444"_s, u"web-02"_s);
    QCOMPARE(result->error().kind(), Error::NotFound);
    QVERIFY2(result->error().message().contains(u"could not be found"_s), result->describe());
}

void TestDigitalOceanEdit::reportsRateLimiting()
{
    serveTagRoutes();
    m_server->on(
        "POST", u"/v2/tags"_s,
        FakeDigitalOcean::reply(u"error_too_many_requests"_s, 429).withHeader("retry-after", "1"));
    HttpClient::RetryPolicy policy;
    policy.maxRetries = 0;
    m_provider->http()->setRetryPolicy(policy);
    const auto result = ProviderTesting::updateMachine(*m_provider, u"3164444"_s, std::nullopt,
                                                       QStringList {u"a1"_s}, {});
    QCOMPARE(result->error().kind(), Error::RateLimited);
    QVERIFY2(result->error().message().contains(u"API rate limit exceeded."_s), result->describe());
    QCOMPARE(m_server->requests("POST", u"/v2/tags/*/resources"_s).size(), 0);
}

void TestDigitalOceanEdit::refusesAnIdThatIsNotADropletId()
{
    const auto result =
        ProviderTesting::updateMachine(*m_provider, u"3164444/../../account"_s, u"x"_s);
    QVERIFY(!result->calledSynchronously);
    QCOMPARE(result->error().kind(), Error::InvalidInput);
    QCOMPARE(m_server->requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestDigitalOceanEdit)
#include "tst_digitaloceanedit.moc"
