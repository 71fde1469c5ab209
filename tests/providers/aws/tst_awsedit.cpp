// AwsProvider renaming instances (the Name tag) and editing their tags against the fake EC2
// endpoint, which verifies every signature: CreateTags and DeleteTags with the Query API's
// ResourceId.N / Tag.N.Key / Tag.N.Value members (botocore ec2 2016-11-15), in the instance's
// region, and EC2's errors with its own words.
#include "awstestcase.h"
#include "providertesting.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
FakeResponse tagsAnswer(const QString &action)
{
    return FakeResponse::raw(200,
                             QStringLiteral("<%1Response xmlns=\"http://ec2.amazonaws.com/doc/"
                                            "2016-11-15/\"><requestId>7a62c49f</requestId>"
                                            "<return>true</return></%1Response>")
                                 .arg(action)
                                 .toUtf8(),
                             "text/xml;charset=UTF-8");
}
} // namespace

class TestAwsEdit : public AwsTestCase
{
    Q_OBJECT

    const QString m_id = u"i-0eeeeeeeeeeeeeee5"_s; // in eu-west-1

private Q_SLOTS:
    void renamesWithTheNameTag()
    {
        m_fake->on(u"CreateTags"_s, [](const Ec2Call &) { return tagsAnswer(u"CreateTags"_s); });
        QVERIFY(list()->ok()); // the listing tells the provider the instance's region
        const auto result = ProviderTesting::updateMachine(*m_provider, m_id, u"web 2 (blue)"_s);
        QVERIFY2(result->ok(), result->describe());
        const QList<Ec2Call> calls = m_fake->calls(u"CreateTags"_s);
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls.first().region, u"eu-west-1"_s);
        QCOMPARE(calls.first().param(u"ResourceId.1"_s), m_id);
        QCOMPARE(calls.first().param(u"Tag.1.Key"_s), u"Name"_s);
        QCOMPARE(calls.first().param(u"Tag.1.Value"_s), u"web 2 (blue)"_s);
        QVERIFY(!calls.first().has(u"Tag.2.Key"_s));
        QCOMPARE(m_fake->calls(u"DeleteTags"_s).size(), 0);
    }

    void createsAndDeletesOnlyWhatChanged()
    {
        m_fake->on(u"CreateTags"_s, [](const Ec2Call &) { return tagsAnswer(u"CreateTags"_s); });
        m_fake->on(u"DeleteTags"_s, [](const Ec2Call &) { return tagsAnswer(u"DeleteTags"_s); });
        QVERIFY(list()->ok());
        const auto result = ProviderTesting::updateMachine(
            *m_provider, m_id, std::nullopt,
            QStringList {u"Name=web"_s, u"team=b"_s, u"env=prod"_s, u"keep=1"_s, u"flag"_s},
            QStringList {u"Name=web"_s, u"team=a"_s, u"keep=1"_s, u"old=x"_s});
        QVERIFY2(result->ok(), result->describe());
        const QList<Ec2Call> created = m_fake->calls(u"CreateTags"_s);
        QCOMPARE(created.size(), 1);
        QCOMPARE(created.first().param(u"ResourceId.1"_s), m_id);
        QCOMPARE(created.first().param(u"Tag.1.Key"_s), u"team"_s); // a new value
        QCOMPARE(created.first().param(u"Tag.1.Value"_s), u"b"_s);
        QCOMPARE(created.first().param(u"Tag.2.Key"_s), u"env"_s);
        QCOMPARE(created.first().param(u"Tag.2.Value"_s), u"prod"_s);
        QCOMPARE(created.first().param(u"Tag.3.Key"_s), u"flag"_s);
        QVERIFY(created.first().has(u"Tag.3.Value"_s)); // an empty value, sent as one
        QCOMPARE(created.first().param(u"Tag.3.Value"_s), QString());
        QVERIFY(!created.first().has(u"Tag.4.Key"_s)); // neither Name nor keep=1 again
        const QList<Ec2Call> deleted = m_fake->calls(u"DeleteTags"_s);
        QCOMPARE(deleted.size(), 1);
        QCOMPARE(deleted.first().region, u"eu-west-1"_s);
        QCOMPARE(deleted.first().param(u"ResourceId.1"_s), m_id);
        QCOMPARE(deleted.first().param(u"Tag.1.Key"_s), u"old"_s);
        QVERIFY(!deleted.first().has(u"Tag.1.Value"_s)); // deleted whatever its value
        QVERIFY(!deleted.first().has(u"Tag.2.Key"_s));
    }

    void showsEc2sWordsFor400()
    {
        m_fake->on(u"CreateTags"_s, [](const Ec2Call &) {
            return FakeResponse::raw(
                400,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>"
                "InvalidParameterValue</Code><Message>Tag value exceeds the maximum length of "
                "256 characters</Message></Error></Errors><RequestID>e1</RequestID></Response>",
                "text/xml;charset=UTF-8");
        });
        QVERIFY(list()->ok());
        const auto result = ProviderTesting::updateMachine(*m_provider, m_id, u"web"_s);
        QCOMPARE(result->error().kind(), Error::BadRequest);
        QCOMPARE(result->error().providerCode(), u"InvalidParameterValue"_s);
        QVERIFY2(result->error().message().contains(u"exceeds the maximum length"_s),
                 result->describe());
    }

    void reportsAMissingInstance()
    {
        m_fake->on(u"CreateTags"_s, [](const Ec2Call &) {
            return FakeEc2::xml(u"error_instance_not_found.xml"_s, 400);
        });
        QVERIFY(list()->ok());
        const auto result = ProviderTesting::updateMachine(*m_provider, m_id, u"web"_s);
        QCOMPARE(result->error().kind(), Error::NotFound);
        QVERIFY2(result->error().message().contains(u"does not exist"_s), result->describe());
    }

    void reportsThrottling()
    {
        m_fake->on(u"CreateTags"_s, [](const Ec2Call &) {
            return FakeEc2::xml(u"error_request_limit_exceeded.xml"_s, 503);
        });
        QVERIFY(list()->ok());
        const auto result = ProviderTesting::updateMachine(*m_provider, m_id, u"web"_s);
        QCOMPARE(result->error().kind(), Error::RateLimited);
        QCOMPARE(result->error().providerCode(), u"RequestLimitExceeded"_s);
        QCOMPARE(m_fake->calls(u"DeleteTags"_s).size(), 0);
    }

    void refusesAnIdThatCouldAddParameters()
    {
        const auto result =
            ProviderTesting::updateMachine(*m_provider, u"i-1&ResourceId.2=i-2"_s, u"web"_s);
        QCOMPARE(result->error().kind(), Error::InvalidInput);
        QCOMPARE(m_fake->calls(u"CreateTags"_s).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAwsEdit)
#include "tst_awsedit.moc"
