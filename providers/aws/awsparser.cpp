#include "awsparser.h"

#include "awsregionnames.h"

#include <QCoreApplication>
#include <QSet>

namespace {
Error shapeError(const QString &what)
{
    return Error(Error::InvalidReply,
                 QCoreApplication::translate(
                     "AwsProvider",
                     "AWS sent a reply CloudDeck cannot read (%1). Try again; if it persists, "
                     "check the account's endpoint.")
                     .arg(what));
}

void appendUnique(QStringList &list, const QString &value)
{
    if (!value.isEmpty() && !list.contains(value))
        list.append(value);
}

void insertIfSet(QVariantMap &map, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        map.insert(key, value);
}

QDateTime isoTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

/// EC2's state code: the low byte is the state (the high byte is internal to AWS).
QString stateNameForCode(const QString &code)
{
    bool ok = false;
    const int value = code.toInt(&ok);
    if (!ok)
        return {};
    switch (value & 0xff) {
    case 0:
        return QStringLiteral("pending");
    case 16:
        return QStringLiteral("running");
    case 32:
        return QStringLiteral("shutting-down");
    case 48:
        return QStringLiteral("terminated");
    case 64:
        return QStringLiteral("stopping");
    case 80:
        return QStringLiteral("stopped");
    default:
        return {};
    }
}

void readAddresses(const AwsXmlElement &item, Machine &machine)
{
    appendUnique(machine.publicIpv4, item.textAt(u"ipAddress"));
    appendUnique(machine.privateIpv4, item.textAt(u"privateIpAddress"));
    appendUnique(machine.publicIpv6, item.textAt(u"ipv6Address"));
    // Secondary addresses and IPv6 live on the network interfaces. AWS IPv6 addresses are
    // globally routable, so they count as public.
    for (const AwsXmlElement *interface : item.items(u"networkInterfaceSet")) {
        for (const AwsXmlElement *address : interface->items(u"privateIpAddressesSet")) {
            appendUnique(machine.privateIpv4, address->textAt(u"privateIpAddress"));
            appendUnique(machine.publicIpv4, address->textAt(u"association/publicIp"));
        }
        for (const AwsXmlElement *address : interface->items(u"ipv6AddressesSet"))
            appendUnique(machine.publicIpv6, address->textAt(u"ipv6Address"));
    }
}

template<typename T>
Result<AwsParser::Page<T>> withToken(QList<T> items, const AwsXmlElement &root)
{
    return AwsParser::Page<T> {std::move(items), root.textAt(u"nextToken")};
}
} // namespace

Result<AwsXmlElement> AwsParser::document(const QByteArray &xml, QStringView expectedRoot)
{
    Result<AwsXmlElement> root = AwsXmlElement::parse(xml);
    if (!root.ok())
        return root;
    if (root.value().name() != expectedRoot) {
        return shapeError(QStringLiteral("expected %1, got %2")
                              .arg(expectedRoot.toString(), root.value().name()));
    }
    return root;
}

MachineState::State AwsParser::state(const QString &name)
{
    // "pending" is both a launch and a start from stopped; "starting" is right for both.
    if (name == QLatin1String("pending"))
        return MachineState::Starting;
    if (name == QLatin1String("running"))
        return MachineState::Running;
    if (name == QLatin1String("stopping") || name == QLatin1String("shutting-down"))
        return MachineState::Stopping;
    if (name == QLatin1String("stopped"))
        return MachineState::Stopped;
    if (name == QLatin1String("terminated"))
        return MachineState::Terminated;
    return MachineState::Unknown;
}

Result<Machine> AwsParser::instance(const AwsXmlElement &item, const QString &region)
{
    Machine machine;
    machine.providerId = QStringLiteral("aws");
    machine.id = item.textAt(u"instanceId");
    if (machine.id.isEmpty())
        return shapeError(QStringLiteral("an instance has no instanceId"));
    machine.region = region;
    machine.providerState = item.textAt(u"instanceState/name");
    if (machine.providerState.isEmpty())
        machine.providerState = stateNameForCode(item.textAt(u"instanceState/code"));
    machine.state = state(machine.providerState);
    machine.size = item.textAt(u"instanceType");
    machine.image = item.textAt(u"imageId");
    // launchTime is the last start, not the creation; EC2 keeps no creation time on the
    // instance. It is the closest the API offers and is labelled so in extra.
    machine.createdAt = isoTime(item.textAt(u"launchTime"));
    readAddresses(item, machine);

    for (const AwsXmlElement *tag : item.items(u"tagSet")) {
        const QString key = tag->textAt(u"key");
        if (key.isEmpty())
            continue;
        const QString value = tag->textAt(u"value");
        machine.tags.append(key + QLatin1Char('=') + value);
        if (key == QLatin1String("Name"))
            machine.name = value;
    }
    if (machine.name.isEmpty())
        machine.name = machine.id; // an untagged instance is known by its id in the console too

    const int cores = item.textAt(u"cpuOptions/coreCount").toInt();
    const int threads = item.textAt(u"cpuOptions/threadsPerCore").toInt();
    if (cores > 0 && threads > 0)
        machine.vcpus = cores * threads;

    QVariantMap &extra = machine.extra;
    insertIfSet(extra, QStringLiteral("publicDnsName"), item.textAt(u"dnsName"));
    insertIfSet(extra, QStringLiteral("privateDnsName"), item.textAt(u"privateDnsName"));
    // "platform" is only present (as "windows") for Windows; platformDetails names the rest.
    const QString platform = item.textAt(u"platform");
    const QString details = item.textAt(u"platformDetails");
    insertIfSet(extra, QStringLiteral("platform"),
                !platform.isEmpty()
                    ? platform
                    : (!details.isEmpty() ? details : QStringLiteral("Linux/UNIX")));
    insertIfSet(extra, QStringLiteral("platformDetails"), details);
    insertIfSet(extra, QStringLiteral("launchTime"), item.textAt(u"launchTime"));
    insertIfSet(extra, QStringLiteral("availabilityZone"),
                item.textAt(u"placement/availabilityZone"));
    insertIfSet(extra, QStringLiteral("keyName"), item.textAt(u"keyName"));
    insertIfSet(extra, QStringLiteral("vpcId"), item.textAt(u"vpcId"));
    insertIfSet(extra, QStringLiteral("subnetId"), item.textAt(u"subnetId"));
    insertIfSet(extra, QStringLiteral("architecture"), item.textAt(u"architecture"));
    insertIfSet(extra, QStringLiteral("lifecycle"), item.textAt(u"instanceLifecycle"));
    insertIfSet(extra, QStringLiteral("stateReason"), item.textAt(u"stateReason/message"));
    QStringList groups;
    for (const AwsXmlElement *group : item.items(u"groupSet"))
        appendUnique(groups, group->textAt(u"groupId"));
    if (!groups.isEmpty())
        extra.insert(QStringLiteral("securityGroups"), groups);
    return machine;
}

Result<AwsParser::Page<Machine>> AwsParser::instances(const QByteArray &xml, const QString &region)
{
    const Result<AwsXmlElement> root = document(xml, u"DescribeInstancesResponse");
    if (!root.ok())
        return root.error();
    if (!root.value().child(u"reservationSet"))
        return shapeError(QStringLiteral("DescribeInstances without a reservationSet"));
    QList<Machine> machines;
    for (const AwsXmlElement *reservation : root.value().items(u"reservationSet")) {
        for (const AwsXmlElement *item : reservation->items(u"instancesSet")) {
            Result<Machine> machine = instance(*item, region);
            if (!machine.ok())
                return machine.error();
            machines.append(machine.takeValue());
        }
    }
    return withToken(std::move(machines), root.value());
}

Result<Machine> AwsParser::runInstances(const QByteArray &xml, const QString &region)
{
    const Result<AwsXmlElement> root = document(xml, u"RunInstancesResponse");
    if (!root.ok())
        return root.error();
    const QList<const AwsXmlElement *> items = root.value().items(u"instancesSet");
    if (items.isEmpty())
        return shapeError(QStringLiteral("RunInstances without an instance"));
    return instance(*items.first(), region);
}

Result<QString> AwsParser::stateChange(const QByteArray &xml, QStringView expectedRoot,
                                       const QString &instanceId)
{
    const Result<AwsXmlElement> root = document(xml, expectedRoot);
    if (!root.ok())
        return root.error();
    if (expectedRoot == u"RebootInstancesResponse") {
        if (root.value().textAt(u"return") != QLatin1String("true"))
            return Error(Error::Server, QCoreApplication::translate(
                                            "AwsProvider", "AWS did not accept the reboot of %1.")
                                            .arg(instanceId));
        return QStringLiteral("running");
    }
    for (const AwsXmlElement *item : root.value().items(u"instancesSet")) {
        if (item->textAt(u"instanceId") != instanceId)
            continue;
        QString name = item->textAt(u"currentState/name");
        if (name.isEmpty())
            name = stateNameForCode(item->textAt(u"currentState/code"));
        return name;
    }
    return shapeError(QStringLiteral("%1 does not mention %2").arg(expectedRoot, instanceId));
}

Result<QList<Region>> AwsParser::regions(const QByteArray &xml)
{
    const Result<AwsXmlElement> root = document(xml, u"DescribeRegionsResponse");
    if (!root.ok())
        return root.error();
    if (!root.value().child(u"regionInfo"))
        return shapeError(QStringLiteral("DescribeRegions without regionInfo"));
    QList<Region> regions;
    for (const AwsXmlElement *item : root.value().items(u"regionInfo")) {
        Region region;
        region.id = item->textAt(u"regionName");
        if (region.id.isEmpty())
            return shapeError(QStringLiteral("a region has no regionName"));
        region.name = AwsRegionNames::name(region.id);
        region.country = AwsRegionNames::country(region.id);
        region.available = item->textAt(u"optInStatus") != QLatin1String("not-opted-in");
        regions.append(region);
    }
    return regions;
}

Result<AwsParser::Page<Size>> AwsParser::instanceTypes(const QByteArray &xml)
{
    const Result<AwsXmlElement> root = document(xml, u"DescribeInstanceTypesResponse");
    if (!root.ok())
        return root.error();
    QList<Size> sizes;
    for (const AwsXmlElement *item : root.value().items(u"instanceTypeSet")) {
        Size size;
        size.id = item->textAt(u"instanceType");
        if (size.id.isEmpty())
            return shapeError(QStringLiteral("an instance type has no name"));
        size.vcpus = item->textAt(u"vCpuInfo/defaultVCpus").toInt();
        size.memoryMb = int(item->textAt(u"memoryInfo/sizeInMiB").toLongLong());
        size.diskGb = int(item->textAt(u"instanceStorageInfo/totalSizeInGB").toLongLong());
        QStringList architectures;
        for (const AwsXmlElement *arch : item->items(u"processorInfo/supportedArchitectures"))
            appendUnique(architectures, arch->text());
        QStringList parts = {
            QCoreApplication::translate("AwsProvider", "%n vCPU", nullptr, size.vcpus),
            QCoreApplication::translate("AwsProvider", "%1 GiB")
                .arg(size.memoryMb / 1024.0, 0, 'g', 4)};
        if (size.diskGb > 0)
            parts.append(
                QCoreApplication::translate("AwsProvider", "%1 GB local disk").arg(size.diskGb));
        if (!architectures.isEmpty())
            parts.append(architectures.join(QLatin1Char('/')));
        size.description = parts.join(QStringLiteral(", "));
        // EC2's API has no prices (they come from the separate Price List service).
        sizes.append(size);
    }
    return withToken(std::move(sizes), root.value());
}

Result<AwsParser::Page<AwsParser::ImageRecord>> AwsParser::images(const QByteArray &xml,
                                                                  const QString &region)
{
    const Result<AwsXmlElement> root = document(xml, u"DescribeImagesResponse");
    if (!root.ok())
        return root.error();
    QList<ImageRecord> records;
    for (const AwsXmlElement *item : root.value().items(u"imagesSet")) {
        ImageRecord record;
        record.image.id = item->textAt(u"imageId");
        if (record.image.id.isEmpty())
            return shapeError(QStringLiteral("an image has no imageId"));
        record.image.name = item->textAt(u"name");
        if (record.image.name.isEmpty())
            record.image.name = record.image.id;
        record.image.distribution = item->textAt(u"platformDetails");
        record.image.kind = QStringLiteral("custom");
        record.image.regions = {region};
        record.ownerId = item->textAt(u"imageOwnerId");
        if (record.ownerId.isEmpty())
            record.ownerId = item->textAt(u"ownerId");
        record.ownerAlias = item->textAt(u"imageOwnerAlias");
        record.architecture = item->textAt(u"architecture");
        record.created = isoTime(item->textAt(u"creationDate"));
        records.append(record);
    }
    return withToken(std::move(records), root.value());
}

Result<QList<SshKey>> AwsParser::keyPairs(const QByteArray &xml)
{
    const Result<AwsXmlElement> root = document(xml, u"DescribeKeyPairsResponse");
    if (!root.ok())
        return root.error();
    QList<SshKey> keys;
    for (const AwsXmlElement *item : root.value().items(u"keySet")) {
        SshKey key;
        key.name = item->textAt(u"keyName");
        if (key.name.isEmpty())
            return shapeError(QStringLiteral("a key pair has no keyName"));
        key.id = key.name; // RunInstances names the key pair, not its key-... id
        key.fingerprint = item->textAt(u"keyFingerprint");
        key.publicKey = item->textAt(u"publicKey");
        keys.append(key);
    }
    return keys;
}

Error::Kind AwsParser::kindForCode(const QString &code)
{
    static const QSet<QString> auth = {
        QStringLiteral("AuthFailure"),
        QStringLiteral("InvalidClientTokenId"),
        QStringLiteral("SignatureDoesNotMatch"),
        QStringLiteral("IncompleteSignature"),
        QStringLiteral("MissingAuthenticationToken"),
        QStringLiteral("RequestExpired"),
        QStringLiteral("ExpiredToken"),
        QStringLiteral("UnrecognizedClientException"),
        QStringLiteral("InvalidAccessKeyId"),
    };
    static const QSet<QString> forbidden = {
        QStringLiteral("UnauthorizedOperation"),
        QStringLiteral("AccessDenied"),
        QStringLiteral("AccessDeniedException"),
        QStringLiteral("OptInRequired"),
        QStringLiteral("Blocked"),
        QStringLiteral("PendingVerification"),
    };
    static const QSet<QString> throttled = {
        QStringLiteral("RequestLimitExceeded"),     QStringLiteral("Throttling"),
        QStringLiteral("ThrottlingException"),      QStringLiteral("ThrottledException"),
        QStringLiteral("RequestThrottled"),         QStringLiteral("RequestThrottledException"),
        QStringLiteral("TooManyRequestsException"), QStringLiteral("SlowDown"),
        QStringLiteral("EC2ThrottledException"),    QStringLiteral("PriorRequestNotComplete"),
    };
    static const QSet<QString> server = {
        QStringLiteral("Unavailable"),
        QStringLiteral("ServiceUnavailable"),
        QStringLiteral("InternalError"),
        QStringLiteral("InternalFailure"),
    };
    if (auth.contains(code))
        return Error::Auth;
    if (forbidden.contains(code))
        return Error::Forbidden;
    if (throttled.contains(code))
        return Error::RateLimited;
    if (server.contains(code))
        return Error::Server;
    if (code.endsWith(QLatin1String(".NotFound")))
        return Error::NotFound;
    return Error::None;
}

HttpClient::ProviderError AwsParser::error(const QByteArray &xml)
{
    const Result<AwsXmlElement> root = AwsXmlElement::parse(xml);
    if (!root.ok())
        return {};
    const AwsXmlElement *error =
        root.value().name() == u"Error" ? &root.value() : root.value().find(u"Error");
    if (!error)
        return {};
    HttpClient::ProviderError result;
    result.code = error->textAt(u"Code");
    QString message = error->textAt(u"Message");
    // UnauthorizedOperation carries a long encoded blob only `aws sts
    // decode-authorization-message` can read; it would bury the sentence that matters.
    const qsizetype blob = message.indexOf(QLatin1String("Encoded authorization failure message"));
    if (blob > 0)
        message = message.left(blob).trimmed();
    if (result.code == QLatin1String("SignatureDoesNotMatch"))
        message += QCoreApplication::translate("AwsProvider", " Check the secret access key.");
    else if (result.code == QLatin1String("RequestExpired"))
        message += QCoreApplication::translate("AwsProvider",
                                               " Check that this computer's clock is right.");
    else if (result.code == QLatin1String("OptInRequired"))
        message += QCoreApplication::translate(
            "AwsProvider", " Enable the region in the AWS console, or remove it from the account's "
                           "regions.");
    result.message = result.code.isEmpty() ? message.trimmed()
                                           : result.code + QStringLiteral(": ") + message.trimmed();
    QString requestId = root.value().textAt(u"RequestID");
    if (requestId.isEmpty())
        requestId = root.value().textAt(u"RequestId");
    if (!requestId.isEmpty())
        result.message +=
            QCoreApplication::translate("AwsProvider", " (request ID %1)").arg(requestId);
    result.kind = kindForCode(result.code);
    return result;
}
