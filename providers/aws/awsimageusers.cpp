#include "awsimageusers.h"

#include "awsxmlelement.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {
/// A word of an AMI's name or description, case-insensitive: "ubuntu" in
/// "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-..." but not "sles" in "bottles".
bool mentions(const QString &text, const QString &pattern)
{
    const QRegularExpression word(QStringLiteral("(^|[^a-z0-9])(%1)($|[^a-z])").arg(pattern),
                                  QRegularExpression::CaseInsensitiveOption);
    return word.match(text).hasMatch();
}
} // namespace

QList<std::pair<QString, QString>> AwsImageUsers::describeParams(const QStringList &ids)
{
    QList<std::pair<QString, QString>> params;
    for (qsizetype i = 0; i < ids.size(); ++i)
        params.append({QStringLiteral("ImageId.%1").arg(i + 1), ids.at(i)});
    // Without these DescribeImages leaves out deprecated and disabled AMIs (botocore:
    // "Default: No deprecated AMIs are included"), yet instances keep running from them.
    params.append({QStringLiteral("IncludeDeprecated"), QStringLiteral("true")});
    params.append({QStringLiteral("IncludeDisabled"), QStringLiteral("true")});
    return params;
}

QList<QStringList> AwsImageUsers::batches(const QStringList &ids)
{
    QList<QStringList> result;
    for (qsizetype i = 0; i < ids.size(); i += maxIdsPerRequest)
        result.append(ids.mid(i, maxIdsPerRequest));
    return result;
}

Result<AwsParser::Page<AwsImageUsers::Image>> AwsImageUsers::parse(const QByteArray &xml)
{
    const Result<AwsXmlElement> root = AwsParser::document(xml, u"DescribeImagesResponse");
    if (!root.ok())
        return root.error();
    QList<Image> images;
    for (const AwsXmlElement *item : root.value().items(u"imagesSet")) {
        Image image;
        image.id = item->textAt(u"imageId");
        if (image.id.isEmpty()) {
            return Error(Error::InvalidReply,
                         QCoreApplication::translate(
                             "AwsProvider",
                             "AWS sent a reply CloudDeck cannot read (an image has no imageId). "
                             "Try again; if it persists, check the account's endpoint."));
        }
        image.name = item->textAt(u"name");
        image.description = item->textAt(u"description");
        image.platform = item->textAt(u"platform");
        image.platformDetails = item->textAt(u"platformDetails");
        image.state = item->textAt(u"imageState");
        images.append(image);
    }
    return AwsParser::Page<Image> {images, root.value().textAt(u"nextToken")};
}

QStringList AwsImageUsers::idsInError(const QString &message)
{
    static const QRegularExpression id(QStringLiteral("\\bami-[0-9a-f]{8,17}\\b"));
    QStringList ids;
    for (auto it = id.globalMatch(message); it.hasNext();) {
        const QString found = it.next().captured();
        if (!ids.contains(found))
            ids.append(found);
    }
    return ids;
}

QString AwsImageUsers::userFor(const Image &image)
{
    // The table is AWS's "Default user names" (Amazon EC2 User Guide, "Manage system users on
    // your Amazon EC2 Linux instance",
    // https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/managing-users.html#ami-default-user-names):
    // AL2023, Amazon Linux 2 and the Amazon Linux AMI ec2-user; CentOS centos or ec2-user; Debian
    // admin; Fedora fedora or ec2-user; RHEL ec2-user or root; SUSE ec2-user or root; Ubuntu
    // ubuntu; Oracle ec2-user; Bitnami bitnami. Where AWS gives two, the first that the
    // publisher's current images use. FreeBSD is not in AWS's list: ec2-user is what the FreeBSD
    // project's own AMIs use (its release announcements, "log in as ec2-user").
    const QString platformDetails = image.platformDetails;
    if (image.platform.compare(QLatin1String("windows"), Qt::CaseInsensitive) == 0
        || platformDetails.startsWith(QLatin1String("Windows"), Qt::CaseInsensitive))
        return {}; // RDP, no SSH user
    const QString text = image.name + QLatin1Char(' ') + image.description;
    // Bitnami stacks are built on Debian or Ubuntu but log in as bitnami: first.
    if (mentions(text, QStringLiteral("bitnami")))
        return QStringLiteral("bitnami");
    // platformDetails comes from the AMI's billing code, which the publisher cannot rename:
    // it decides for the licensed distributions, whatever the image is called.
    if (platformDetails.startsWith(QLatin1String("Red Hat"), Qt::CaseInsensitive)
        || platformDetails.startsWith(QLatin1String("SUSE"), Qt::CaseInsensitive))
        return QStringLiteral("ec2-user");
    if (platformDetails.startsWith(QLatin1String("Ubuntu Pro"), Qt::CaseInsensitive))
        return QStringLiteral("ubuntu");
    if (mentions(text, QStringLiteral("ubuntu")))
        return QStringLiteral("ubuntu");
    if (mentions(text, QStringLiteral("debian")))
        return QStringLiteral("admin");
    // CentOS 7 and older log in as centos; the CentOS Stream images as ec2-user (AWS's "centos
    // or ec2-user").
    if (mentions(text, QStringLiteral("centos[ -]?stream")))
        return QStringLiteral("ec2-user");
    if (mentions(text, QStringLiteral("centos")))
        return QStringLiteral("centos");
    // Fedora CoreOS is not Fedora Cloud: its images log in as core (Fedora CoreOS
    // documentation, "Provisioning Fedora CoreOS on Amazon Web Services").
    if (mentions(text, QStringLiteral("fedora[ -]coreos")))
        return QStringLiteral("core");
    if (mentions(text, QStringLiteral("fedora")))
        return QStringLiteral("fedora");
    if (mentions(text, QStringLiteral("freebsd")))
        return QStringLiteral("ec2-user");
    if (mentions(text, QStringLiteral("amzn[0-9]*|al20[0-9][0-9]|amazon linux|rhel|red hat|"
                                      "suse|opensuse|sles|oracle linux|ol[0-9]+")))
        return QStringLiteral("ec2-user");
    return {};
}
