// AwsImageUsers: the table of default SSH users (AWS's "Default user names" for AMIs), the
// DescribeImages request it builds (botocore ec2 service-2.json: ImageId.N, IncludeDeprecated,
// IncludeDisabled), its batches, the reply it reads and the ids an InvalidAMIID error names.
#include "awsimageusers.h"
#include "testhelpers.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestAwsImageUsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void userForImage_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("description");
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QString>("platformDetails");
        QTest::addColumn<QString>("user");
        const QString unixLike = u"Linux/UNIX"_s;
        // Names and descriptions as each publisher's current AMIs carry them.
        QTest::newRow("Amazon Linux 2023")
            << u"al2023-ami-2023.5.20240722.0-kernel-6.1-x86_64"_s
            << u"Amazon Linux 2023 AMI 2023.5.20240722.0 x86_64 HVM kernel-6.1"_s << QString()
            << unixLike << u"ec2-user"_s;
        QTest::newRow("Amazon Linux 2") << u"amzn2-ami-kernel-5.10-hvm-2.0.20240719.0-x86_64-gp2"_s
                                        << u"Amazon Linux 2 Kernel 5.10 AMI 2.0.20240719.0 x86_64 "
                                           "HVM gp2"_s
                                        << QString() << unixLike << u"ec2-user"_s;
        QTest::newRow("Amazon Linux AMI (name only)")
            << u"amzn-ami-hvm-2018.03.0.20231218.0-x86_64-gp2"_s << QString() << QString()
            << unixLike << u"ec2-user"_s;
        QTest::newRow("Ubuntu") << u"ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-"
                                   "20240701"_s
                                << u"Canonical, Ubuntu, 24.04 LTS, amd64 noble image"_s << QString()
                                << unixLike << u"ubuntu"_s;
        QTest::newRow("Ubuntu Pro (billing code only)")
            << u"my-golden-image-7"_s << QString() << QString() << u"Ubuntu Pro"_s << u"ubuntu"_s;
        QTest::newRow("Debian") << u"debian-12-amd64-20240717-1811"_s
                                << u"Debian 12 (20240717-1811)"_s << QString() << unixLike
                                << u"admin"_s;
        QTest::newRow("RHEL (billing code)")
            << u"RHEL-9.4.0_HVM-20240605-x86_64-82-Hourly2-GP3"_s << u"Provided by Red Hat, Inc."_s
            << QString() << u"Red Hat Enterprise Linux"_s << u"ec2-user"_s;
        QTest::newRow("SUSE (billing code)")
            << u"suse-sles-15-sp6-v20240628-hvm-ssd-x86_64"_s
            << u"SUSE Linux Enterprise Server 15 SP6 (HVM, 64-bit, SSD-Backed)"_s << QString()
            << u"SUSE Linux"_s << u"ec2-user"_s;
        QTest::newRow("SUSE BYOS (name)") << u"suse-sles-sap-15-sp5-byos-v20240501-hvm-ssd-x86_64"_s
                                          << QString() << QString() << unixLike << u"ec2-user"_s;
        QTest::newRow("Oracle Linux")
            << u"OL8.9-x86_64-HVM-2024-02-02"_s << u"Oracle Linux 8 update 9 for x86_64 HVM"_s
            << QString() << unixLike << u"ec2-user"_s;
        QTest::newRow("CentOS 7") << u"CentOS Linux 7 x86_64 HVM EBS ENA 2002_01-b7ee8a69"_s
                                  << u"CentOS Linux 7 x86_64 HVM EBS ENA 2002_01"_s << QString()
                                  << unixLike << u"centos"_s;
        QTest::newRow("CentOS Stream")
            << u"CentOS Stream 9 x86_64 20240703"_s << u"CentOS Stream 9 x86_64 20240703"_s
            << QString() << unixLike << u"ec2-user"_s;
        QTest::newRow("Fedora Cloud") << u"Fedora-Cloud-Base-AmazonEC2.x86_64-40-1.14"_s
                                      << u"Fedora-Cloud-Base-AmazonEC2.x86_64-40-1.14"_s
                                      << QString() << unixLike << u"fedora"_s;
        QTest::newRow("Fedora CoreOS")
            << u"fedora-coreos-40.20240616.3.0-x86_64"_s
            << u"Fedora CoreOS stable 40.20240616.3.0"_s << QString() << unixLike << u"core"_s;
        QTest::newRow("Bitnami on Debian")
            << u"bitnami-wordpress-6.5.5-0-r01-linux-debian-12-x86_64-hvm-ebs-nami"_s
            << u"Bitnami WordPress 6.5.5-0-r01 on Debian 12"_s << QString() << unixLike
            << u"bitnami"_s;
        QTest::newRow("FreeBSD") << u"FreeBSD 14.1-RELEASE-amd64-UFS"_s
                                 << u"FreeBSD/amd64 releng/14.1@f389e68ca980"_s << QString()
                                 << unixLike << u"ec2-user"_s;
        QTest::newRow("Windows (platform)")
            << u"Windows_Server-2022-English-Full-Base-2024.07.10"_s
            << u"Microsoft Windows Server 2022 Full Locale English AMI"_s << u"windows"_s
            << u"Windows"_s << QString();
        QTest::newRow("Windows with SQL Server (billing code)")
            << u"Windows_Server-2019-English-Full-SQL_2019_Standard"_s << QString() << QString()
            << u"Windows with SQL Server Standard"_s << QString();
        QTest::newRow("unknown distribution")
            << u"my-app-2024-07-01"_s << u"our build"_s << QString() << unixLike << QString();
        QTest::newRow("a word inside another is not a distribution")
            << u"bottles-and-ansibles"_s << u"subuntuish tool"_s << QString() << unixLike
            << QString();
        QTest::newRow("empty") << QString() << QString() << QString() << QString() << QString();
    }
    void userForImage()
    {
        QFETCH(QString, name);
        QFETCH(QString, description);
        QFETCH(QString, platform);
        QFETCH(QString, platformDetails);
        QFETCH(QString, user);
        AwsImageUsers::Image image;
        image.id = u"ami-0123456789abcdef0"_s;
        image.name = name;
        image.description = description;
        image.platform = platform;
        image.platformDetails = platformDetails;
        QCOMPARE(AwsImageUsers::userFor(image), user);
    }

    void describeParamsNameEachImage()
    {
        const QList<std::pair<QString, QString>> expected = {
            {u"ImageId.1"_s, u"ami-0abcdef1234567890"_s},
            {u"ImageId.2"_s, u"ami-0fedcba9876543210"_s},
            {u"IncludeDeprecated"_s, u"true"_s},
            {u"IncludeDisabled"_s, u"true"_s},
        };
        QCOMPARE(
            AwsImageUsers::describeParams({u"ami-0abcdef1234567890"_s, u"ami-0fedcba9876543210"_s}),
            expected);
    }

    void batchesAreAtMostTheLimit()
    {
        QStringList ids;
        for (int i = 0; i < 2 * AwsImageUsers::maxIdsPerRequest + 1; ++i)
            ids.append(u"ami-%1"_s.arg(i, 17, 16, QLatin1Char('0')));
        const QList<QStringList> batches = AwsImageUsers::batches(ids);
        QCOMPARE(batches.size(), 3);
        QCOMPARE(batches.at(0).size(), AwsImageUsers::maxIdsPerRequest);
        QCOMPARE(batches.at(2), QStringList {ids.last()});
        QCOMPARE(batches.at(0) + batches.at(1) + batches.at(2), ids);
        QVERIFY(AwsImageUsers::batches({}).isEmpty());
    }

    void parsesTheReply()
    {
        const auto page =
            AwsImageUsers::parse(readFixture(u"aws/describe_images_in_use_us-east-1.xml"_s));
        QVERIFY(page.ok());
        QCOMPARE(page.value().items.size(), 1);
        const AwsImageUsers::Image &image = page.value().items.first();
        QCOMPARE(image.id, u"ami-0abcdef1234567890"_s);
        QCOMPARE(image.name, u"al2023-ami-2023.5.20240722.0-kernel-6.1-x86_64"_s);
        QVERIFY(image.description.startsWith(u"Amazon Linux 2023 AMI"_s));
        QCOMPARE(image.platformDetails, u"Linux/UNIX"_s);
        QCOMPARE(image.state, u"available"_s);
        QVERIFY(image.platform.isEmpty());
        QVERIFY(page.value().nextToken.isEmpty());
        // The account's own images: one Windows (by its billing code).
        const auto own = AwsImageUsers::parse(readFixture(u"aws/describe_images_self.xml"_s));
        QVERIFY(own.ok());
        QStringList users;
        for (const AwsImageUsers::Image &each : own.value().items)
            users.append(each.platformDetails + u':' + AwsImageUsers::userFor(each));
        QVERIFY2(users.contains(u"Windows:"_s), qPrintable(users.join(u' ')));
    }

    void refusesWhatIsNotAReply()
    {
        QCOMPARE(AwsImageUsers::parse("<DescribeInstancesResponse/>").error().kind(),
                 Error::InvalidReply);
        QCOMPARE(AwsImageUsers::parse("not xml").error().kind(), Error::InvalidReply);
        QCOMPARE(AwsImageUsers::parse("<DescribeImagesResponse><imagesSet><item><name>x</name>"
                                      "</item></imagesSet></DescribeImagesResponse>")
                     .error()
                     .kind(),
                 Error::InvalidReply);
    }

    void idsInErrorAreTheAmisNamed()
    {
        QCOMPARE(AwsImageUsers::idsInError(
                     u"The image id '[ami-0fedcba9876543210]' does not exist (region us-east-1)"_s),
                 QStringList {u"ami-0fedcba9876543210"_s});
        QCOMPARE(AwsImageUsers::idsInError(u"The image ids '[ami-12345678, ami-0fedcba9876543210, "
                                           "ami-12345678]' do not exist"_s),
                 (QStringList {u"ami-12345678"_s, u"ami-0fedcba9876543210"_s}));
        QVERIFY(AwsImageUsers::idsInError(u"Request limit exceeded."_s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAwsImageUsers)
#include "tst_awsimageusers.moc"
