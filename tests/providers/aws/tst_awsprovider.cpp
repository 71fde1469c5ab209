// AwsProvider end to end against a fake EC2 endpoint that verifies the SigV4 signature of every
// request independently: the calls it sends (action, region, parameters, headers) and how it reads
// every reply, across two regions and two DescribeInstances pages.
#include "awsprovider.h"
#include "awstestcase.h"
#include "fakeec2.h"
#include "negativewait.h"
#include "testhelpers.h"

#include <QTest>
#include <QUuid>

namespace {
Machine byId(const QList<Machine> &machines, const QString &id)
{
    for (const Machine &machine : machines) {
        if (machine.id == id)
            return machine;
    }
    return {};
}

QStringList regionsOf(const QList<Ec2Call> &calls)
{
    QStringList regions;
    for (const Ec2Call &call : calls)
        regions.append(call.region);
    return regions;
}

} // namespace

class TestAwsProvider : public AwsTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void listsEveryEnabledRegion();
    void queriesRegionsInParallel();
    void followsNextTokenWithTheSameParameters();
    void mapsEveryInstanceState();
    void cachesRegionsForTheProvidersLife();
    void accountRegionsRestrictTheList();
    void oneUrlServesEveryRegionSignedForEach();
    void resolvesEndpoints();
    void sendsFormPostsOfTheQueryApi();
    void carriesASessionToken();
    void runsEachAction_data();
    void runsEachAction();
    void findsTheRegionOfAnUnlistedInstance();
    void reportsAnInstanceInNoRegion();
    void refusesAnIdThatIsNotAnInstanceId();
    void createsWithRunInstances();
    void createsInTheHomeRegionWithTheDefaultVpc();
    void refusesACreateEc2Cannot();
    void listsRegions();
    void listsInstanceTypesAcrossPages();
    void listsImagesPerRegion();
    void listsKeyPairsOncePerName();
    void verifiesWithDescribeRegions();
    void failsWithoutASecretBeforeSending();
    void refusesAMalformedAccountRegion();
    void deletingTheProviderCancels();

private:
    void useAccount(const Account &account, const QString &token = {})
    {
        m_provider = m_fake->provider(account, token);
    }
};

void TestAwsProvider::listsEveryEnabledRegion()
{
    const auto machines = list();
    QVERIFY(machines);
    QVERIFY2(machines->ok(), qPrintable(AsyncResult::describe(machines->error())));
    QCOMPARE(machines->value().size(), 8);
    QStringList ids;
    for (const Machine &machine : machines->value()) {
        ids.append(machine.id);
        QCOMPARE(machine.accountId, m_provider->account().id);
        QCOMPARE(machine.region, FakeEc2::regionOfInstance(machine.id));
    }
    // Region order, then page order.
    QCOMPARE(ids,
             QStringList(
                 {QStringLiteral("i-1234567890abcdef0"), QStringLiteral("i-0598c7d356eba48d7"),
                  QStringLiteral("i-0aaaaaaaaaaaaaaa1"), QStringLiteral("i-0bbbbbbbbbbbbbbb2"),
                  QStringLiteral("i-0ccccccccccccccc3"), QStringLiteral("i-0ddddddddddddddd4"),
                  QStringLiteral("i-0eeeeeeeeeeeeeee5"), QStringLiteral("i-0fffffffffffffff6")}));
    const Machine dublin = byId(machines->value(), QStringLiteral("i-0eeeeeeeeeeeeeee5"));
    QCOMPARE(dublin.name, QStringLiteral("dublin-api"));
    QCOMPARE(dublin.region, QStringLiteral("eu-west-1"));
    QCOMPARE(dublin.publicIpv4, QStringList {QStringLiteral("34.240.1.2")});

    // DescribeRegions first (in the home region), then each region's instances.
    QCOMPARE(m_fake->calls(QStringLiteral("DescribeRegions")).size(), 1);
    QCOMPARE(m_fake->calls(QStringLiteral("DescribeRegions")).first().region,
             QStringLiteral("us-east-1"));
    QCOMPARE(m_fake->calls(QStringLiteral("DescribeRegions")).first().params.size(),
             2); // Action, Version
    QStringList instanceRegions = regionsOf(m_fake->calls(QStringLiteral("DescribeInstances")));
    instanceRegions.sort();
    QCOMPARE(instanceRegions, QStringList({QStringLiteral("eu-west-1"), QStringLiteral("us-east-1"),
                                           QStringLiteral("us-east-1")}));
    // Each region at its own URL: the account's endpoint is ".../{region}".
    for (const Ec2Call &call : m_fake->calls(QStringLiteral("DescribeInstances")))
        QCOMPARE(call.request.path, QLatin1Char('/') + call.region);
}

void TestAwsProvider::queriesRegionsInParallel()
{
    // us-east-1's first page answers late; if regions ran one after another, eu-west-1 would be
    // asked only after us-east-1's second page.
    m_fake->on(QStringLiteral("DescribeInstances"), [](const Ec2Call &call) {
        if (call.region == QLatin1String("us-east-1") && !call.has(QStringLiteral("NextToken")))
            return FakeEc2::xml(QStringLiteral("describe_instances_us-east-1_page1.xml"))
                .withDelay(400);
        if (call.region == QLatin1String("us-east-1"))
            return FakeEc2::xml(QStringLiteral("describe_instances_us-east-1_page2.xml"));
        return FakeEc2::xml(QStringLiteral("describe_instances_eu-west-1.xml"));
    });
    const auto machines = list();
    QVERIFY(machines && machines->ok());
    QCOMPARE(machines->value().size(), 8);
    const QList<Ec2Call> calls = m_fake->calls(QStringLiteral("DescribeInstances"));
    QCOMPARE(calls.size(), 3);
    QVERIFY(!calls.at(0).has(QStringLiteral("NextToken")));
    QVERIFY(!calls.at(1).has(QStringLiteral("NextToken")));
    QCOMPARE(calls.at(2).region, QStringLiteral("us-east-1"));
    QCOMPARE(calls.at(2).param(QStringLiteral("NextToken")),
             QString::fromLatin1(FakeEc2::page2Token));
}

void TestAwsProvider::followsNextTokenWithTheSameParameters()
{
    m_provider->setPageSize(5);
    QVERIFY(list()->ok());
    QList<Ec2Call> pages;
    for (const Ec2Call &call : m_fake->calls(QStringLiteral("DescribeInstances"))) {
        if (call.region == QLatin1String("us-east-1"))
            pages.append(call);
    }
    QCOMPARE(pages.size(), 2);
    QCOMPARE(pages.at(0).param(QStringLiteral("MaxResults")), QStringLiteral("5"));
    QVERIFY(!pages.at(0).has(QStringLiteral("NextToken")));
    QCOMPARE(pages.at(1).param(QStringLiteral("MaxResults")), QStringLiteral("5"));
    QCOMPARE(pages.at(1).param(QStringLiteral("NextToken")),
             QString::fromLatin1(FakeEc2::page2Token));
    m_provider->setPageSize(100000);
    QVERIFY(list()->ok());
    QCOMPARE(m_fake->calls(QStringLiteral("DescribeInstances"))
                 .last()
                 .param(QStringLiteral("MaxResults")),
             QStringLiteral("1000"));
}

void TestAwsProvider::mapsEveryInstanceState()
{
    const auto machines = list();
    QVERIFY(machines && machines->ok());
    const QList<std::tuple<const char *, const char *, MachineState::State>> expected = {
        {"i-1234567890abcdef0", "running", MachineState::Running},
        {"i-0598c7d356eba48d7", "pending", MachineState::Starting},
        {"i-0aaaaaaaaaaaaaaa1", "stopping", MachineState::Stopping},
        {"i-0bbbbbbbbbbbbbbb2", "stopped", MachineState::Stopped},
        {"i-0ccccccccccccccc3", "shutting-down", MachineState::Stopping},
        {"i-0ddddddddddddddd4", "terminated", MachineState::Terminated},
    };
    for (const auto &[id, word, state] : expected) {
        const Machine machine = byId(machines->value(), QString::fromLatin1(id));
        QCOMPARE(machine.providerState, QString::fromLatin1(word));
        QCOMPARE(machine.state, state);
    }
}

void TestAwsProvider::cachesRegionsForTheProvidersLife()
{
    // Three callers at once share one DescribeRegions; later ones use the cache.
    int answered = 0;
    m_provider->listMachines([&](Result<QList<Machine>> r) { answered += r.ok(); });
    m_provider->verify([&](Result<QString> r) { answered += r.ok(); });
    m_provider->listRegions([&](Result<QList<Region>> r) { answered += r.ok(); });
    QTRY_COMPARE(answered, 3);
    QVERIFY(list()->ok());
    QVERIFY(AsyncResult::await<QList<Region>>([this](auto done) {
                m_provider->listRegions(done);
            })->ok());
    QCOMPARE(m_fake->calls(QStringLiteral("DescribeRegions")).size(), 1);
}

void TestAwsProvider::accountRegionsRestrictTheList()
{
    useAccount(m_fake->account(QStringLiteral("/{region}"), {QStringLiteral("eu-west-1")}));
    const auto machines = list();
    QVERIFY(machines && machines->ok());
    QCOMPARE(machines->value().size(), 2);
    // The chosen regions are used as they are: no DescribeRegions needed.
    QVERIFY(m_fake->calls(QStringLiteral("DescribeRegions")).isEmpty());
    QCOMPARE(regionsOf(m_fake->calls(QStringLiteral("DescribeInstances"))),
             QStringList {QStringLiteral("eu-west-1")});
    for (const Ec2Call &call : m_fake->calls())
        QCOMPARE(call.region, QStringLiteral("eu-west-1")); // its AMIs' DescribeImages too
}

void TestAwsProvider::oneUrlServesEveryRegionSignedForEach()
{
    useAccount(m_fake->account(QStringLiteral("/")));
    const auto machines = list();
    QVERIFY(machines && machines->ok());
    QCOMPARE(machines->value().size(), 8);
    QSet<QString> regions;
    for (const Ec2Call &call : m_fake->calls()) {
        QCOMPARE(call.request.path, QStringLiteral("/"));
        regions.insert(call.region);
    }
    QCOMPARE(regions, QSet<QString>({QStringLiteral("us-east-1"), QStringLiteral("eu-west-1")}));
    QCOMPARE(byId(machines->value(), QStringLiteral("i-0fffffffffffffff6")).region,
             QStringLiteral("eu-west-1"));
}

void TestAwsProvider::resolvesEndpoints()
{
    Account account = m_fake->account();
    account.endpoint = QUrl();
    AwsProvider defaults(FakeEc2::metadata(), account, {});
    QCOMPARE(defaults.endpoint(QStringLiteral("eu-west-1")),
             QUrl(QStringLiteral("https://ec2.eu-west-1.amazonaws.com/")));
    QCOMPARE(defaults.endpoint(QStringLiteral("cn-north-1")),
             QUrl(QStringLiteral("https://ec2.cn-north-1.amazonaws.com.cn/")));
    QCOMPARE(defaults.homeRegion(), QStringLiteral("us-east-1"));

    account.endpoint = QUrl(QStringLiteral("https://compute.example.com:8773/ec2/{region}/api"));
    account.regions = {QStringLiteral("ap-east-1"), QStringLiteral("us-west-2")};
    AwsProvider templated(FakeEc2::metadata(), account, {});
    QCOMPARE(templated.endpoint(QStringLiteral("us-west-2")),
             QUrl(QStringLiteral("https://compute.example.com:8773/ec2/us-west-2/api")));
    QCOMPARE(templated.homeRegion(), QStringLiteral("ap-east-1"));

    // "{region}" in the host name, where QUrl allows no braces: kept as a DNS label (see Account).
    account.endpoint =
        Account::endpointFromText(QStringLiteral("https://ec2.{region}.example.com"));
    QVERIFY(account.endpoint.isValid());
    QCOMPARE(account.endpointText(), QStringLiteral("https://ec2.{region}.example.com"));
    AwsProvider hostTemplated(FakeEc2::metadata(), account, {});
    QCOMPARE(hostTemplated.endpoint(QStringLiteral("eu-central-1")),
             QUrl(QStringLiteral("https://ec2.eu-central-1.example.com/")));

    account.endpoint = QUrl(QStringLiteral("https://ec2.example.com:8773/services/compute"));
    AwsProvider single(FakeEc2::metadata(), account, {});
    QCOMPARE(single.endpoint(QStringLiteral("us-west-2")), account.endpoint);
    account.endpoint = QUrl(QStringLiteral("https://ec2.example.com"));
    AwsProvider bare(FakeEc2::metadata(), account, {});
    QCOMPARE(bare.endpoint(QStringLiteral("us-west-2")),
             QUrl(QStringLiteral("https://ec2.example.com/")));
}

void TestAwsProvider::sendsFormPostsOfTheQueryApi()
{
    QVERIFY(list()->ok());
    QVERIFY(!m_fake->calls().isEmpty());
    for (const Ec2Call &call : m_fake->calls()) {
        QCOMPARE(call.request.method, QByteArray("POST"));
        QVERIFY2(!call.request.target.contains('?'), call.request.target.constData());
        QCOMPARE(call.request.header("Content-Type"),
                 QByteArray("application/x-www-form-urlencoded; charset=utf-8"));
        QVERIFY(
            call.request.body.startsWith("Action=" + call.action.toUtf8() + "&Version=2016-11-15"));
        QVERIFY(call.request.header("Authorization")
                    .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"));
        QVERIFY(call.request.header("Authorization")
                    .contains("/ec2/aws4_request, SignedHeaders="
                              "content-type;host;x-amz-date, "));
        QVERIFY(call.request.header("X-Amz-Security-Token").isEmpty());
        QVERIFY(call.request.header("X-CloudDeck-Signing-Region").isEmpty());
    }
}

void TestAwsProvider::carriesASessionToken()
{
    const QString token = QStringLiteral("IQoJb3JpZ2luX2VjEXAMPLE//+token==");
    m_fake->setExpectedSessionToken(token);
    useAccount(m_fake->account(), token);
    QVERIFY(list()->ok());
    for (const Ec2Call &call : m_fake->calls()) {
        QCOMPARE(call.request.header("X-Amz-Security-Token"), token.toUtf8());
        QVERIFY(call.request.header("Authorization").contains(";x-amz-security-token, "));
    }
}

void TestAwsProvider::runsEachAction_data()
{
    QTest::addColumn<MachineAction::Action>("action");
    QTest::addColumn<QString>("ec2Action");
    QTest::addColumn<bool>("forced");
    QTest::newRow("start") << MachineAction::Start << QStringLiteral("StartInstances") << false;
    QTest::newRow("shutdown") << MachineAction::Shutdown << QStringLiteral("StopInstances")
                              << false;
    QTest::newRow("poweroff") << MachineAction::PowerOff << QStringLiteral("StopInstances") << true;
    QTest::newRow("reboot") << MachineAction::Reboot << QStringLiteral("RebootInstances") << false;
    QTest::newRow("destroy") << MachineAction::Destroy << QStringLiteral("TerminateInstances")
                             << false;
}

void TestAwsProvider::runsEachAction()
{
    QFETCH(MachineAction::Action, action);
    QFETCH(QString, ec2Action);
    QFETCH(bool, forced);
    QVERIFY(list()->ok()); // the listing tells the provider each instance's region
    const QString id = QStringLiteral("i-0eeeeeeeeeeeeeee5");
    const auto result =
        AsyncResult::await<void>([&](auto done) { m_provider->runAction(id, action, done); });
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(AsyncResult::describe(result->error())));
    const QList<Ec2Call> calls = m_fake->calls(ec2Action);
    QCOMPARE(calls.size(), 1);
    QCOMPARE(calls.first().region, QStringLiteral("eu-west-1"));
    QCOMPARE(calls.first().param(QStringLiteral("InstanceId.1")), id);
    QCOMPARE(calls.first().has(QStringLiteral("Force")), forced);
    if (forced)
        QCOMPARE(calls.first().param(QStringLiteral("Force")), QStringLiteral("true"));
    QCOMPARE(calls.first().params.size(), forced ? 4 : 3);
    // Known from the listing: no search.
    for (const Ec2Call &call : m_fake->calls(QStringLiteral("DescribeInstances")))
        QVERIFY(!call.has(QStringLiteral("Filter.1.Name")));
}

void TestAwsProvider::findsTheRegionOfAnUnlistedInstance()
{
    const QString id = QStringLiteral("i-0eeeeeeeeeeeeeee5");
    const auto result = AsyncResult::await<void>(
        [&](auto done) { m_provider->runAction(id, MachineAction::Shutdown, done); });
    QVERIFY(result && result->ok());
    const QList<Ec2Call> searches = m_fake->calls(QStringLiteral("DescribeInstances"));
    QCOMPARE(searches.size(), 2); // every region, at once
    for (const Ec2Call &search : searches) {
        QCOMPARE(search.param(QStringLiteral("Filter.1.Name")), QStringLiteral("instance-id"));
        QCOMPARE(search.param(QStringLiteral("Filter.1.Value.1")), id);
    }
    QCOMPARE(m_fake->calls(QStringLiteral("StopInstances")).first().region,
             QStringLiteral("eu-west-1"));
    // Remembered: a second action does not search again.
    QVERIFY(AsyncResult::await<void>([&](auto done) {
                m_provider->runAction(id, MachineAction::Start, done);
            })->ok());
    QCOMPARE(m_fake->calls(QStringLiteral("DescribeInstances")).size(), 2);
}

void TestAwsProvider::reportsAnInstanceInNoRegion()
{
    const auto result = AsyncResult::await<void>([&](auto done) {
        m_provider->runAction(QStringLiteral("i-0000000000000dead"), MachineAction::Reboot, done);
    });
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().kind(), Error::NotFound);
    QVERIFY(result->error().message().contains(QLatin1String("i-0000000000000dead")));
    QVERIFY(m_fake->calls(QStringLiteral("RebootInstances")).isEmpty());
}

void TestAwsProvider::refusesAnIdThatIsNotAnInstanceId()
{
    // An id that would add parameters to the form body, or is no id at all, is refused before
    // any call: the action could otherwise reach another instance.
    m_server->clearRequests();
    for (const QString &id : {QStringLiteral("i-1&InstanceId.2=i-2"), QStringLiteral(""),
                              QStringLiteral("i-1 i-2"), QStringLiteral("..")}) {
        const auto result = AsyncResult::await<void>(
            [&](auto done) { m_provider->runAction(id, MachineAction::Destroy, done); });
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind(), Error::InvalidInput);
    }
    QCOMPARE(m_server->requestCount(), 0);
}

void TestAwsProvider::createsWithRunInstances()
{
    CreateMachineRequest request;
    request.name = QStringLiteral("new-box");
    request.region = QStringLiteral("eu-west-1");
    request.size = QStringLiteral("t3.micro");
    request.image = QStringLiteral("ami-0abcdef1234567890");
    request.sshKeys = {QStringLiteral("my-key-pair")};
    request.tags = {QStringLiteral("env=dev")};
    request.userData = QStringLiteral("#!/bin/sh\necho hello > /tmp/hello\n");
    request.extra = {
        {QStringLiteral("subnetId"), QStringLiteral("subnet-0bb1c79de3EXAMPLE")},
        {QStringLiteral("securityGroupIds"), QStringList {QStringLiteral("sg-0b0384b66dEXAMPLE")}}};
    const auto created =
        AsyncResult::await<Machine>([&](auto done) { m_provider->createMachine(request, done); });
    QVERIFY(created);
    QVERIFY2(created->ok(), qPrintable(AsyncResult::describe(created->error())));
    QCOMPARE(created->value().id, QStringLiteral("i-0123456789abcdef7"));
    QCOMPARE(created->value().name, QStringLiteral("new-box"));
    QCOMPARE(created->value().state, MachineState::Pending);
    QCOMPARE(created->value().region, QStringLiteral("eu-west-1"));
    QCOMPARE(created->value().accountId, m_provider->account().id);

    const QList<Ec2Call> calls = m_fake->calls(QStringLiteral("RunInstances"));
    QCOMPARE(calls.size(), 1);
    const Ec2Call &call = calls.first();
    QCOMPARE(call.region, QStringLiteral("eu-west-1"));
    QCOMPARE(call.param(QStringLiteral("ImageId")), QStringLiteral("ami-0abcdef1234567890"));
    QCOMPARE(call.param(QStringLiteral("InstanceType")), QStringLiteral("t3.micro"));
    QCOMPARE(call.param(QStringLiteral("MinCount")), QStringLiteral("1"));
    QCOMPARE(call.param(QStringLiteral("MaxCount")), QStringLiteral("1"));
    QCOMPARE(call.param(QStringLiteral("KeyName")), QStringLiteral("my-key-pair"));
    QCOMPARE(call.param(QStringLiteral("SubnetId")), QStringLiteral("subnet-0bb1c79de3EXAMPLE"));
    QCOMPARE(call.param(QStringLiteral("SecurityGroupId.1")),
             QStringLiteral("sg-0b0384b66dEXAMPLE"));
    QCOMPARE(call.param(QStringLiteral("TagSpecification.1.ResourceType")),
             QStringLiteral("instance"));
    QCOMPARE(call.param(QStringLiteral("TagSpecification.1.Tag.1.Key")), QStringLiteral("Name"));
    QCOMPARE(call.param(QStringLiteral("TagSpecification.1.Tag.1.Value")),
             QStringLiteral("new-box"));
    QCOMPARE(call.param(QStringLiteral("TagSpecification.1.Tag.2.Key")), QStringLiteral("env"));
    QCOMPARE(call.param(QStringLiteral("TagSpecification.1.Tag.2.Value")), QStringLiteral("dev"));
    QCOMPARE(QByteArray::fromBase64(call.param(QStringLiteral("UserData")).toLatin1()),
             QByteArray("#!/bin/sh\necho hello > /tmp/hello\n"));
    QVERIFY(!QUuid::fromString(call.param(QStringLiteral("ClientToken"))).isNull());
    // Base64 '+', '/' and '=' travel percent-encoded in the signed body.
    QVERIFY(
        !call.request.body.contains("UserData=IyEvYmluL3NoCmVjaG8gaGVsbG8gPiAvdG1wL2hlbGxvCg=="));
    QVERIFY(call.request.body.contains(
        "UserData=IyEvYmluL3NoCmVjaG8gaGVsbG8gPiAvdG1wL2hlbGxvCg%3D%3D"));

    // The new instance's region is known: its first action goes straight there.
    QVERIFY(AsyncResult::await<void>([&](auto done) {
                m_provider->runAction(created->value().id, MachineAction::Reboot, done);
            })->ok());
    QCOMPARE(m_fake->calls(QStringLiteral("RebootInstances")).first().region,
             QStringLiteral("eu-west-1"));
    QVERIFY(m_fake->calls(QStringLiteral("DescribeInstances")).isEmpty());
}

void TestAwsProvider::createsInTheHomeRegionWithTheDefaultVpc()
{
    CreateMachineRequest request;
    request.size = QStringLiteral("t3.micro");
    request.image = QStringLiteral("ami-0abcdef1234567890");
    const auto created =
        AsyncResult::await<Machine>([&](auto done) { m_provider->createMachine(request, done); });
    QVERIFY(created && created->ok());
    const Ec2Call call = m_fake->calls(QStringLiteral("RunInstances")).first();
    QCOMPARE(call.region, QStringLiteral("us-east-1"));
    for (const QString &absent : {QStringLiteral("SubnetId"), QStringLiteral("SecurityGroupId.1"),
                                  QStringLiteral("KeyName"), QStringLiteral("UserData"),
                                  QStringLiteral("TagSpecification.1.ResourceType")})
        QVERIFY2(!call.has(absent), qPrintable(absent));
}

void TestAwsProvider::refusesACreateEc2Cannot()
{
    CreateMachineRequest request;
    request.image = QStringLiteral("ami-1");
    request.size = QStringLiteral("t3.micro");
    request.region = QStringLiteral("../evil");
    auto created =
        AsyncResult::await<Machine>([&](auto done) { m_provider->createMachine(request, done); });
    QCOMPARE(created->error().kind(), Error::InvalidInput);
    request.region.clear();
    request.sshKeys = {QStringLiteral("a"), QStringLiteral("b")};
    created =
        AsyncResult::await<Machine>([&](auto done) { m_provider->createMachine(request, done); });
    QCOMPARE(created->error().kind(), Error::InvalidInput);
    QCOMPARE(m_fake->calls().size(), 0);
}

void TestAwsProvider::listsRegions()
{
    auto regions =
        AsyncResult::await<QList<Region>>([this](auto done) { m_provider->listRegions(done); });
    QVERIFY(regions && regions->ok());
    QCOMPARE(regions->value().size(), 2);
    QCOMPARE(regions->value().at(1).id, QStringLiteral("eu-west-1"));
    QCOMPARE(regions->value().at(1).name, QStringLiteral("Europe (Ireland)"));

    useAccount(m_fake->account(QStringLiteral("/{region}"), {QStringLiteral("eu-west-1")}));
    regions =
        AsyncResult::await<QList<Region>>([this](auto done) { m_provider->listRegions(done); });
    QVERIFY(regions && regions->ok());
    QCOMPARE(regions->value().size(), 1);
    QCOMPARE(regions->value().first().id, QStringLiteral("eu-west-1"));
    QCOMPARE(m_fake->calls(QStringLiteral("DescribeRegions")).last().region,
             QStringLiteral("eu-west-1"));
}

void TestAwsProvider::listsInstanceTypesAcrossPages()
{
    const auto sizes =
        AsyncResult::await<QList<Size>>([this](auto done) { m_provider->listSizes(done); });
    QVERIFY(sizes && sizes->ok());
    QStringList ids;
    for (const Size &size : sizes->value()) {
        ids.append(size.id);
        QVERIFY(!size.priceHourly && !size.priceMonthly);
    }
    QCOMPARE(ids, QStringList({QStringLiteral("t4g.nano"), QStringLiteral("t3.micro"),
                               QStringLiteral("m5d.large"), QStringLiteral("c7g.xlarge")}));
    const QList<Ec2Call> calls = m_fake->calls(QStringLiteral("DescribeInstanceTypes"));
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls.at(0).region, QStringLiteral("us-east-1"));
    QCOMPARE(calls.at(0).param(QStringLiteral("MaxResults")), QStringLiteral("100"));
    QCOMPARE(calls.at(0).param(QStringLiteral("Filter.1.Name")),
             QStringLiteral("current-generation"));
    QCOMPARE(calls.at(0).param(QStringLiteral("Filter.1.Value.1")), QStringLiteral("true"));
    QCOMPARE(calls.at(1).param(QStringLiteral("NextToken")),
             QStringLiteral("AAEAAbcdefTypesPage2"));
    QCOMPARE(calls.at(1).param(QStringLiteral("Filter.1.Name")),
             QStringLiteral("current-generation"));
}

void TestAwsProvider::listsImagesPerRegion()
{
    const auto images =
        AsyncResult::await<QList<Image>>([this](auto done) { m_provider->listImages(done); });
    QVERIFY(images && images->ok());
    QCOMPARE(images->value().size(), 12); // 4 current official + 2 own, in each of 2 regions
    QCOMPARE(images->value().first().name, QStringLiteral("Ubuntu 24.04 LTS (x86_64)"));
    QCOMPARE(images->value().first().regions, QStringList {QStringLiteral("us-east-1")});
    QCOMPARE(images->value().at(4).kind, QStringLiteral("custom"));
    QCOMPARE(images->value().at(6).regions, QStringList {QStringLiteral("eu-west-1")});
    const QList<Ec2Call> calls = m_fake->calls(QStringLiteral("DescribeImages"));
    QCOMPARE(calls.size(), 4);
    int own = 0;
    for (const Ec2Call &call : calls) {
        if (call.param(QStringLiteral("Owner.1")) == QLatin1String("self")) {
            ++own;
            QCOMPARE(call.params.size(), 3);
        } else {
            QCOMPARE(call.param(QStringLiteral("Owner.1")), QStringLiteral("099720109477"));
            QCOMPARE(call.param(QStringLiteral("Filter.1.Name")), QStringLiteral("name"));
            QCOMPARE(call.param(QStringLiteral("Filter.1.Value.1")),
                     QStringLiteral("ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"));
        }
    }
    QCOMPARE(own, 2);
}

void TestAwsProvider::listsKeyPairsOncePerName()
{
    const auto keys =
        AsyncResult::await<QList<SshKey>>([this](auto done) { m_provider->listSshKeys(done); });
    QVERIFY(keys && keys->ok());
    QStringList names;
    for (const SshKey &key : keys->value())
        names.append(key.name);
    QCOMPARE(names, QStringList({QStringLiteral("my-key-pair"), QStringLiteral("laptop-ed25519"),
                                 QStringLiteral("dublin-only")}));
    for (const Ec2Call &call : m_fake->calls(QStringLiteral("DescribeKeyPairs")))
        QCOMPARE(call.param(QStringLiteral("IncludePublicKey")), QStringLiteral("true"));
    QCOMPARE(m_fake->calls(QStringLiteral("DescribeKeyPairs")).size(), 2);
}

void TestAwsProvider::verifiesWithDescribeRegions()
{
    const auto who = AsyncResult::await<QString>([this](auto done) { m_provider->verify(done); });
    QVERIFY(who && who->ok());
    QVERIFY2(who->value().contains(QLatin1String("AKIDEXAMPLE")), qPrintable(who->value()));
    QVERIFY2(who->value().contains(QLatin1String("2 region")), qPrintable(who->value()));
    QCOMPARE(m_fake->calls().size(), 1);
    QCOMPARE(m_fake->calls().first().action, QStringLiteral("DescribeRegions"));
}

void TestAwsProvider::failsWithoutASecretBeforeSending()
{
    AwsProvider provider(FakeEc2::metadata(), m_fake->account(), {});
    const auto machines =
        AsyncResult::await<QList<Machine>>([&](auto done) { provider.listMachines(done); });
    QVERIFY(machines && !machines->ok());
    QCOMPARE(machines->error().kind(), Error::CredentialsMissing);
    const auto sizes =
        AsyncResult::await<QList<Size>>([&](auto done) { provider.listSizes(done); });
    QCOMPARE(sizes->error().kind(), Error::CredentialsMissing);
    QCOMPARE(m_fake->calls().size(), 0);
}

void TestAwsProvider::refusesAMalformedAccountRegion()
{
    useAccount(m_fake->account(QStringLiteral("/{region}"),
                               {QStringLiteral("eu-west-1"), QStringLiteral("us-east-1/../x")}));
    const auto machines = list();
    QVERIFY(machines && !machines->ok());
    QCOMPARE(machines->error().kind(), Error::InvalidInput);
    QCOMPARE(m_fake->calls().size(), 0);
}

void TestAwsProvider::deletingTheProviderCancels()
{
    m_fake->on(QStringLiteral("DescribeRegions"), [](const Ec2Call &) {
        return FakeEc2::xml(QStringLiteral("describe_regions.xml")).withDelay(300);
    });
    bool called = false;
    m_provider->listMachines([&called](Result<QList<Machine>>) { called = true; });
    QTRY_COMPARE(m_fake->calls().size(), 1);
    m_provider.reset();
    expectNothingWithin(500); // long enough for the delayed reply to have arrived
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestAwsProvider)
#include "tst_awsprovider.moc"
