// AwsProvider when EC2 says no: each documented error reply becomes an Error of the right kind
// whose message is AWS's own, throttling is retried with backoff (and each retry signed anew),
// and malformed, truncated or foreign replies fail cleanly without a partial list.
#include "awsprovider.h"
#include "awstestcase.h"
#include "fakeec2.h"
#include "testhelpers.h"

#include <QTest>

class TestAwsErrors : public AwsTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void mapsEachErrorReply_data();
    void mapsEachErrorReply();
    void actionErrorsAreAws_data();
    void actionErrorsAreAws();
    void retriesThrottlingThenSucceeds_data();
    void retriesThrottlingThenSucceeds();
    void signsEachRetryAnew();
    void retriesAThrottledAction();
    void givesUpOnEndlessThrottling();
    void retriesAnUnavailableRegion();
    void doesNotRetryAnInternalError();
    void oneFailingRegionFailsTheWholeList();
    void malformedXmlIsAnInvalidReply_data();
    void malformedXmlIsAnInvalidReply();
    void retriesATruncatedBody();
    void reportsABodyThatIsAlwaysTruncated();
    void refusesALoopingNextToken();
    void doesNotCacheAFailedDescribeRegions();
    void timesOut();
};

void TestAwsErrors::mapsEachErrorReply_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("status");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("code");
    QTest::newRow("AuthFailure 401") << QStringLiteral("error_auth_failure.xml") << 401
                                     << Error::Auth << QStringLiteral("AuthFailure");
    QTest::newRow("UnauthorizedOperation 403")
        << QStringLiteral("error_unauthorized_operation.xml") << 403 << Error::Forbidden
        << QStringLiteral("UnauthorizedOperation");
    QTest::newRow("SignatureDoesNotMatch 403")
        << QStringLiteral("error_signature_does_not_match.xml") << 403 << Error::Auth
        << QStringLiteral("SignatureDoesNotMatch");
    QTest::newRow("RequestExpired 400") << QStringLiteral("error_request_expired.xml") << 400
                                        << Error::Auth << QStringLiteral("RequestExpired");
    QTest::newRow("OptInRequired 401") << QStringLiteral("error_opt_in_required.xml") << 401
                                       << Error::Forbidden << QStringLiteral("OptInRequired");
    QTest::newRow("InternalError 500") << QStringLiteral("error_internal_error.xml") << 500
                                       << Error::Server << QStringLiteral("InternalError");
}

void TestAwsErrors::mapsEachErrorReply()
{
    QFETCH(QString, file);
    QFETCH(int, status);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, code);
    m_fake->on(QStringLiteral("DescribeRegions"),
               [file, status](const Ec2Call &) { return FakeEc2::xml(file, status); });
    const auto machines = list();
    QVERIFY(machines && !machines->ok());
    const Error &error = machines->error();
    QCOMPARE(error.kind(), kind);
    QCOMPARE(error.providerCode(), code);
    QCOMPARE(error.httpStatus(), status);
    // AWS's words, its request id, and where it happened.
    QVERIFY2(error.message().contains(code + QStringLiteral(": ")),
             qPrintable(AsyncResult::describe(error)));
    QVERIFY2(error.message().contains(QLatin1String("request ID")),
             qPrintable(AsyncResult::describe(error)));
    QVERIFY2(error.message().contains(QLatin1String("(region us-east-1)")),
             qPrintable(AsyncResult::describe(error)));
    QVERIFY(!error.message().contains(QLatin1String(FakeEc2::secretAccessKey)));
    QCOMPARE(error.message().contains(QLatin1String("Allow ec2:DescribeRegions")),
             code == QLatin1String("UnauthorizedOperation"));
    QVERIFY(m_fake->calls(QStringLiteral("DescribeInstances")).isEmpty());
}

void TestAwsErrors::actionErrorsAreAws_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("status");
    QTest::addColumn<Error::Kind>("kind");
    QTest::newRow("InvalidInstanceID.NotFound")
        << QStringLiteral("error_instance_not_found.xml") << 400 << Error::NotFound;
    QTest::newRow("IncorrectInstanceState")
        << QStringLiteral("error_incorrect_instance_state.xml") << 400 << Error::BadRequest;
    QTest::newRow("UnauthorizedOperation")
        << QStringLiteral("error_unauthorized_operation.xml") << 403 << Error::Forbidden;
}

void TestAwsErrors::actionErrorsAreAws()
{
    QFETCH(QString, file);
    QFETCH(int, status);
    QFETCH(Error::Kind, kind);
    QVERIFY(list()->ok());
    m_fake->enqueue(QStringLiteral("StartInstances"), FakeEc2::xml(file, status));
    const auto result = AsyncResult::await<void>([this](auto done) {
        m_provider->runAction(QStringLiteral("i-0bbbbbbbbbbbbbbb2"), MachineAction::Start, done);
    });
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().kind(), kind);
    QCOMPARE(m_fake->calls(QStringLiteral("StartInstances")).size(), 1); // a 4xx is not retried
}

void TestAwsErrors::retriesThrottlingThenSucceeds_data()
{
    // EC2 has sent RequestLimitExceeded both as 503 and as 400; other AWS APIs say Throttling.
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("status");
    QTest::newRow("RequestLimitExceeded 503")
        << QStringLiteral("error_request_limit_exceeded.xml") << 503;
    QTest::newRow("RequestLimitExceeded 400")
        << QStringLiteral("error_request_limit_exceeded.xml") << 400;
    QTest::newRow("Throttling 400") << QStringLiteral("error_throttling.xml") << 400;
}

void TestAwsErrors::retriesThrottlingThenSucceeds()
{
    QFETCH(QString, file);
    QFETCH(int, status);
    m_fake->enqueue(QStringLiteral("DescribeRegions"), FakeEc2::xml(file, status));
    m_fake->enqueue(QStringLiteral("DescribeRegions"), FakeEc2::xml(file, status));
    const auto machines = list();
    QVERIFY(machines);
    QVERIFY2(machines->ok(), qPrintable(AsyncResult::describe(machines->error())));
    QCOMPARE(machines->value().size(), 8);
    QCOMPARE(m_fake->calls(QStringLiteral("DescribeRegions")).size(), 3);
}

void TestAwsErrors::signsEachRetryAnew()
{
    // A clock that moves a second per signature: each attempt must carry its own date and a
    // signature over it (the fake verifies each one).
    auto tick = std::make_shared<int>(0);
    const QDateTime start = QDateTime::currentDateTimeUtc();
    m_provider->setSigningClock([tick, start] { return start.addSecs((*tick)++); });
    m_fake->enqueue(QStringLiteral("DescribeRegions"),
                    FakeEc2::xml(QStringLiteral("error_request_limit_exceeded.xml"), 503));
    QVERIFY(AsyncResult::await<QString>([this](auto done) { m_provider->verify(done); })->ok());
    const QList<Ec2Call> calls = m_fake->calls(QStringLiteral("DescribeRegions"));
    QCOMPARE(calls.size(), 2);
    QVERIFY(calls.at(0).request.header("X-Amz-Date") != calls.at(1).request.header("X-Amz-Date"));
    QVERIFY(calls.at(0).request.header("Authorization")
            != calls.at(1).request.header("Authorization"));
}

void TestAwsErrors::retriesAThrottledAction()
{
    QVERIFY(list()->ok());
    m_fake->enqueue(QStringLiteral("StopInstances"),
                    FakeEc2::xml(QStringLiteral("error_request_limit_exceeded.xml"), 503));
    const auto result = AsyncResult::await<void>([this](auto done) {
        m_provider->runAction(QStringLiteral("i-1234567890abcdef0"), MachineAction::PowerOff, done);
    });
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(AsyncResult::describe(result->error())));
    const QList<Ec2Call> calls = m_fake->calls(QStringLiteral("StopInstances"));
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls.at(1).param(QStringLiteral("Force")), QStringLiteral("true"));
}

void TestAwsErrors::givesUpOnEndlessThrottling()
{
    m_fake->on(QStringLiteral("DescribeRegions"), [](const Ec2Call &) {
        return FakeEc2::xml(QStringLiteral("error_request_limit_exceeded.xml"), 503);
    });
    const auto machines = list();
    QVERIFY(machines && !machines->ok());
    QCOMPARE(machines->error().kind(), Error::RateLimited);
    QCOMPARE(machines->error().providerCode(), QStringLiteral("RequestLimitExceeded"));
    const int attempts = m_provider->http()->retryPolicy().maxRetries + 1;
    QCOMPARE(m_fake->calls(QStringLiteral("DescribeRegions")).size(), attempts);
}

void TestAwsErrors::retriesAnUnavailableRegion()
{
    m_fake->enqueue(QStringLiteral("DescribeInstances"),
                    FakeEc2::xml(QStringLiteral("error_unavailable.xml"), 503));
    const auto machines = list();
    QVERIFY(machines);
    QVERIFY2(machines->ok(), qPrintable(AsyncResult::describe(machines->error())));
    QCOMPARE(machines->value().size(), 8);
}

void TestAwsErrors::doesNotRetryAnInternalError()
{
    m_fake->enqueue(QStringLiteral("DescribeRegions"),
                    FakeEc2::xml(QStringLiteral("error_internal_error.xml"), 500));
    const auto machines = list();
    QVERIFY(machines && !machines->ok());
    QCOMPARE(machines->error().kind(), Error::Server);
    QCOMPARE(m_fake->calls().size(), 1);
}

void TestAwsErrors::oneFailingRegionFailsTheWholeList()
{
    m_fake->on(QStringLiteral("DescribeInstances"), [](const Ec2Call &call) {
        if (call.region == QLatin1String("eu-west-1"))
            return FakeEc2::xml(QStringLiteral("error_opt_in_required.xml"), 401);
        return call.has(QStringLiteral("NextToken"))
                   ? FakeEc2::xml(QStringLiteral("describe_instances_us-east-1_page2.xml"))
                   : FakeEc2::xml(QStringLiteral("describe_instances_us-east-1_page1.xml"));
    });
    const auto machines = list();
    QVERIFY(machines && !machines->ok());
    QCOMPARE(machines->error().kind(), Error::Forbidden);
    QVERIFY2(machines->error().message().contains(QLatin1String("(region eu-west-1)")),
             qPrintable(AsyncResult::describe(machines->error())));
}

void TestAwsErrors::malformedXmlIsAnInvalidReply_data()
{
    QTest::addColumn<QByteArray>("body");
    const QByteArray page = readFixture(QStringLiteral("aws/describe_instances_eu-west-1.xml"));
    QTest::newRow("cut in the middle") << page.left(page.size() / 2);
    QTest::newRow("not XML") << QByteArray("{\"Reservations\": []}");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("another action's reply")
        << readFixture(QStringLiteral("aws/describe_regions.xml"));
    QTest::newRow("an error body with 200")
        << readFixture(QStringLiteral("aws/error_auth_failure.xml"));
    QTest::newRow("html") << QByteArray("<html><body>Service Unavailable</body></html>");
}

void TestAwsErrors::malformedXmlIsAnInvalidReply()
{
    QFETCH(QByteArray, body);
    m_fake->on(QStringLiteral("DescribeInstances"), [body](const Ec2Call &call) {
        if (call.region == QLatin1String("eu-west-1"))
            return FakeResponse::raw(200, body, "text/xml;charset=UTF-8");
        return call.has(QStringLiteral("NextToken"))
                   ? FakeEc2::xml(QStringLiteral("describe_instances_us-east-1_page2.xml"))
                   : FakeEc2::xml(QStringLiteral("describe_instances_us-east-1_page1.xml"));
    });
    const auto machines = list();
    QVERIFY(machines && !machines->ok());
    QCOMPARE(machines->error().kind(), Error::InvalidReply);
    QVERIFY(!machines->error().message().isEmpty());
}

void TestAwsErrors::retriesATruncatedBody()
{
    // 200 with the full Content-Length announced, half the body, then the connection closes.
    m_fake->enqueue(QStringLiteral("DescribeRegions"),
                    FakeEc2::xml(QStringLiteral("describe_regions.xml"))
                        .withFault(FakeResponse::Fault::Truncate));
    const auto machines = list();
    QVERIFY(machines);
    QVERIFY2(machines->ok(), qPrintable(AsyncResult::describe(machines->error())));
    QCOMPARE(m_fake->calls(QStringLiteral("DescribeRegions")).size(), 2);
}

void TestAwsErrors::reportsABodyThatIsAlwaysTruncated()
{
    m_fake->on(QStringLiteral("DescribeRegions"), [](const Ec2Call &) {
        return FakeEc2::xml(QStringLiteral("describe_regions.xml"))
            .withFault(FakeResponse::Fault::Truncate);
    });
    const auto machines = list();
    QVERIFY(machines && !machines->ok());
    QCOMPARE(machines->error().kind(), Error::Network); // lost mid-reply: CLI exit 4
}

void TestAwsErrors::refusesALoopingNextToken()
{
    m_fake->on(QStringLiteral("DescribeInstances"), [](const Ec2Call &) {
        return FakeEc2::xml(QStringLiteral("describe_instances_us-east-1_page1.xml"));
    });
    const auto machines = list();
    QVERIFY(machines && !machines->ok());
    QCOMPARE(machines->error().kind(), Error::InvalidReply);
    QVERIFY(machines->error().message().contains(QLatin1String("NextToken")));
}

void TestAwsErrors::doesNotCacheAFailedDescribeRegions()
{
    m_fake->enqueue(QStringLiteral("DescribeRegions"),
                    FakeEc2::xml(QStringLiteral("error_auth_failure.xml"), 401));
    QCOMPARE(AsyncResult::await<QString>([this](auto done) { m_provider->verify(done); })
                 ->error()
                 .kind(),
             Error::Auth);
    QVERIFY(AsyncResult::await<QString>([this](auto done) { m_provider->verify(done); })->ok());
    QCOMPARE(m_fake->calls(QStringLiteral("DescribeRegions")).size(), 2);
}

void TestAwsErrors::timesOut()
{
    m_provider->http()->setTimeoutMs(200);
    HttpClient::RetryPolicy policy = m_provider->http()->retryPolicy();
    policy.maxRetries = 0;
    m_provider->http()->setRetryPolicy(policy);
    m_fake->on(QStringLiteral("DescribeRegions"), [](const Ec2Call &) {
        return FakeEc2::xml(QStringLiteral("describe_regions.xml")).withDelay(2000);
    });
    const auto machines = list();
    QVERIFY(machines && !machines->ok());
    QCOMPARE(machines->error().kind(), Error::Timeout);
}

QTEST_GUILESS_MAIN(TestAwsErrors)
#include "tst_awserrors.moc"
