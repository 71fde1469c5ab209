// The SSH user of each EC2 instance from its AMI, end to end against the fake EC2 endpoint: one
// DescribeImages per region after its DescribeInstances (the request as botocore's ec2
// service-2.json has it: Action, Version 2016-11-15, ImageId.N, IncludeDeprecated,
// IncludeDisabled; signed for ec2 in that region), each AMI asked once, the user in the
// machine's extra where SshTarget finds it, and what a key without ec2:DescribeImages and a
// deregistered AMI leave: the provider's default (aws.json's ec2-user).
#include "awsprovider.h"
#include "awstestcase.h"
#include "fakeec2.h"
#include "sshtarget.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString amazonLinux = u"i-1234567890abcdef0"_s; // us-east-1, ami-0abcdef1234567890
const QString deregistered = u"i-0aaaaaaaaaaaaaaa1"_s; // us-east-1, ami-0fedcba9876543210
const QString windows = u"i-0bbbbbbbbbbbbbbb2"_s; // us-east-1, platform windows
const QString terminated = u"i-0ddddddddddddddd4"_s;
const QString ubuntu = u"i-0eeeeeeeeeeeeeee5"_s; // eu-west-1, ami-0d71ea30463e0ff8d
const QString alImage = u"ami-0abcdef1234567890"_s;
const QString goneImage = u"ami-0fedcba9876543210"_s;

Machine byId(const QList<Machine> &machines, const QString &id)
{
    for (const Machine &machine : machines) {
        if (machine.id == id)
            return machine;
    }
    return {};
}

/// The user "Open SSH" logs in as: no account option, the provider's default, the app's.
QString sshUser(const Machine &machine)
{
    return SshTarget::forMachine(machine, Account::Ssh(), FakeEc2::metadata().sshUser, u"root"_s)
        .user;
}

QStringList imageIdsOf(const Ec2Call &call)
{
    QStringList ids;
    for (const auto &[key, value] : call.params) {
        if (key.startsWith(u"ImageId."_s))
            ids.append(key + u'=' + value);
    }
    return ids;
}
} // namespace

class TestAwsSshUsers : public AwsTestCase
{
    Q_OBJECT

    QDateTime m_now = QDateTime::currentDateTimeUtc();

    QList<Machine> listed()
    {
        const auto outcome = list();
        if (!outcome || !outcome->ok())
            return {};
        return outcome->result->value();
    }

    void useOneRegion()
    {
        m_provider = m_fake->provider(m_fake->account(u"/{region}"_s, {u"us-east-1"_s}));
        m_provider->setPriceClock([this] { return m_now; });
    }

private Q_SLOTS:
    void eachInstanceGetsItsImagesUser()
    {
        const QList<Machine> machines = listed();
        QCOMPARE(machines.size(), 8);
        QCOMPARE(byId(machines, amazonLinux).extra.value(u"sshUser"_s).toString(), u"ec2-user"_s);
        QCOMPARE(byId(machines, ubuntu).extra.value(u"sshUser"_s).toString(), u"ubuntu"_s);
        // What SshTarget makes of it, unchanged: the image's user, else aws.json's.
        QCOMPARE(sshUser(byId(machines, ubuntu)), u"ubuntu"_s);
        QCOMPARE(sshUser(byId(machines, amazonLinux)), u"ec2-user"_s);
        QVERIFY(!byId(machines, deregistered).extra.contains(u"sshUser"_s));
        QCOMPARE(sshUser(byId(machines, deregistered)), u"ec2-user"_s);
        QVERIFY(!byId(machines, windows).extra.contains(u"sshUser"_s));
        // Not asked about, but its AMI is known from the others.
        QCOMPARE(byId(machines, terminated).extra.value(u"sshUser"_s).toString(), u"ec2-user"_s);
    }

    void oneDescribeImagesPerRegionAsBotocoreHasIt()
    {
        QCOMPARE(listed().size(), 8);
        const QList<Ec2Call> calls = m_fake->calls(u"DescribeImages"_s);
        QCOMPARE(calls.size(), 2);
        const Ec2Call &east = calls.at(0).region == u"us-east-1"_s ? calls.at(0) : calls.at(1);
        const Ec2Call &west = calls.at(0).region == u"us-east-1"_s ? calls.at(1) : calls.at(0);
        QCOMPARE(west.region, u"eu-west-1"_s);
        // The distinct AMIs of the region's instances in the order listed; not the Windows
        // instance's (it says so itself) nor the terminated one's.
        QCOMPARE(imageIdsOf(east),
                 (QStringList {u"ImageId.1="_s + alImage, u"ImageId.2="_s + goneImage}));
        QCOMPARE(imageIdsOf(west), QStringList {u"ImageId.1=ami-0d71ea30463e0ff8d"_s});
        for (const Ec2Call &call : calls) {
            QCOMPARE(call.request.method, QByteArray("POST"));
            QCOMPARE(call.request.path, u"/"_s + call.region);
            QVERIFY(call.request.body.startsWith("Action=DescribeImages&Version=2016-11-15&"));
            QCOMPARE(call.param(u"IncludeDeprecated"_s), u"true"_s);
            QCOMPARE(call.param(u"IncludeDisabled"_s), u"true"_s);
            QVERIFY(!call.has(u"Owner.1"_s));
            QVERIFY(!call.has(u"Filter.1.Name"_s));
            const QByteArray authorization = call.request.header("Authorization");
            QVERIFY2(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"),
                     authorization.constData());
            QVERIFY2(authorization.contains("/" + call.region.toUtf8()
                                            + "/ec2/aws4_request, "
                                              "SignedHeaders=content-type;host;x-amz-date, "),
                     authorization.constData());
            QVERIFY(!call.request.header("X-Amz-Date").isEmpty());
            QVERIFY(call.request.header("X-CloudDeck-Signing-Region").isEmpty());
        }
        // After the region's instances: DescribeInstances' last page comes first.
        const QList<Ec2Call> all = m_fake->calls();
        qsizetype lastInstances = -1;
        qsizetype images = -1;
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (all[i].region != u"us-east-1"_s)
                continue;
            if (all[i].action == u"DescribeInstances"_s)
                lastInstances = i;
            if (all[i].action == u"DescribeImages"_s)
                images = i;
        }
        QVERIFY(lastInstances >= 0 && images > lastInstances);
    }

    void eachImageIsAskedOnce()
    {
        QCOMPARE(listed().size(), 8);
        QCOMPARE(m_fake->calls(u"DescribeImages"_s).size(), 2);
        const QList<Machine> again = listed();
        QCOMPARE(m_fake->calls(u"DescribeImages"_s).size(), 2); // the deregistered one too
        QCOMPARE(byId(again, ubuntu).extra.value(u"sshUser"_s).toString(), u"ubuntu"_s);
        QCOMPARE(byId(again, amazonLinux).extra.value(u"sshUser"_s).toString(), u"ec2-user"_s);
    }

    void aKeyWithoutDescribeImagesKeepsTheDefault()
    {
        useOneRegion();
        m_fake->on(u"DescribeImages"_s, [](const Ec2Call &) {
            return FakeEc2::xml(u"error_unauthorized_operation.xml"_s, 403);
        });
        const QList<Machine> machines = listed();
        QCOMPARE(machines.size(), 6); // not an error on the account
        for (const Machine &machine : machines)
            QVERIFY2(!machine.extra.contains(u"sshUser"_s), qPrintable(machine.id));
        QCOMPARE(sshUser(byId(machines, amazonLinux)), u"ec2-user"_s);
        QCOMPARE(m_fake->calls(u"DescribeImages"_s).size(), 1);
        // Not asked again for an hour (the policy may be fixed by then).
        QCOMPARE(listed().size(), 6);
        QCOMPARE(m_fake->calls(u"DescribeImages"_s).size(), 1);
        m_fake->serveFixtures();
        m_now = m_now.addSecs(3700);
        const QList<Machine> fixed = listed();
        QCOMPARE(m_fake->calls(u"DescribeImages"_s).size(), 2);
        QCOMPARE(byId(fixed, amazonLinux).extra.value(u"sshUser"_s).toString(), u"ec2-user"_s);
    }

    void anAmiGoneForGoodIsLeftOutAndTheRestAskedAgain()
    {
        useOneRegion();
        // Once no instance uses it any more, EC2 refuses the whole request for a deregistered
        // AMI (InvalidAMIID.NotFound, naming it).
        m_fake->enqueue(u"DescribeImages"_s,
                        FakeEc2::xml(u"error_ami_not_found.xml"_s, 400)); // names another id
        m_fake->enqueue(u"DescribeImages"_s,
                        FakeResponse::raw(400,
                                          "<Response><Errors><Error><Code>InvalidAMIID.NotFound"
                                          "</Code><Message>The image id '[ami-0fedcba9876543210]'"
                                          " does not exist</Message></Error></Errors>"
                                          "<RequestID>r</RequestID></Response>",
                                          "text/xml;charset=UTF-8"));
        const QList<Machine> first = listed();
        QCOMPARE(first.size(), 6);
        // The first error names no AMI asked for: nothing to leave out, the default until the
        // next listing.
        QCOMPARE(m_fake->calls(u"DescribeImages"_s).size(), 1);
        QVERIFY(!byId(first, amazonLinux).extra.contains(u"sshUser"_s));

        const QList<Machine> second = listed();
        const QList<Ec2Call> calls = m_fake->calls(u"DescribeImages"_s);
        QCOMPARE(calls.size(), 3);
        QCOMPARE(imageIdsOf(calls.at(1)),
                 (QStringList {u"ImageId.1="_s + alImage, u"ImageId.2="_s + goneImage}));
        QCOMPARE(imageIdsOf(calls.at(2)), QStringList {u"ImageId.1="_s + alImage});
        QCOMPARE(byId(second, amazonLinux).extra.value(u"sshUser"_s).toString(), u"ec2-user"_s);
        QVERIFY(!byId(second, deregistered).extra.contains(u"sshUser"_s));
        listed();
        QCOMPARE(m_fake->calls(u"DescribeImages"_s).size(), 3);
    }

    void anotherFailureIsTriedAtTheNextListing()
    {
        useOneRegion();
        m_fake->on(u"DescribeImages"_s, [](const Ec2Call &) {
            return FakeEc2::xml(u"error_internal_error.xml"_s, 500);
        });
        const QList<Machine> failed = listed();
        QCOMPARE(failed.size(), 6); // not an error on the account
        QVERIFY(!byId(failed, amazonLinux).extra.contains(u"sshUser"_s));
        const qsizetype asked = m_fake->calls(u"DescribeImages"_s).size();
        QVERIFY(asked >= 1);
        m_fake->serveFixtures();
        const QList<Machine> next = listed();
        QCOMPARE(m_fake->calls(u"DescribeImages"_s).size(), asked + 1);
        QCOMPARE(byId(next, amazonLinux).extra.value(u"sshUser"_s).toString(), u"ec2-user"_s);
    }
};

QTEST_GUILESS_MAIN(TestAwsSshUsers)
#include "tst_awssshusers.moc"
