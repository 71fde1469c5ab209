#include "fakeec2.h"

#include "sigv4verifier.h"
#include "testhelpers.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

namespace {
const QString apiVersion = QStringLiteral("2016-11-15");

QByteArray errorXml(const QString &code, const QString &message)
{
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error>"
                          "<Code>%1</Code><Message>%2</Message></Error></Errors>"
                          "<RequestID>00000000-fake-ec2-0000-000000000000</RequestID></Response>")
        .arg(code, message.toHtmlEscaped())
        .toUtf8();
}

FakeResponse error(int status, const QString &code, const QString &message)
{
    return FakeResponse::raw(status, errorXml(code, message), "text/xml;charset=UTF-8");
}

/// Instance id -> region, read once from the instance fixtures.
const QHash<QString, QString> &instanceRegions()
{
    static const QHash<QString, QString> regions = [] {
        QHash<QString, QString> map;
        const std::pair<const char *, const char *> files[] = {
            {"aws/describe_instances_us-east-1_page1.xml", "us-east-1"},
            {"aws/describe_instances_us-east-1_page2.xml", "us-east-1"},
            {"aws/describe_instances_eu-west-1.xml", "eu-west-1"},
        };
        static const QRegularExpression id(QStringLiteral("<instanceId>([^<]+)</instanceId>"));
        for (const auto &[file, region] : files) {
            const QString text = QString::fromUtf8(readFixture(QString::fromLatin1(file)));
            for (auto it = id.globalMatch(text); it.hasNext();)
                map.insert(it.next().captured(1), QString::fromLatin1(region));
        }
        return map;
    }();
    return regions;
}

/// DescribeInstances with Filter instance-id: that one instance, or nothing in this region.
FakeResponse filteredInstance(const Ec2Call &call)
{
    const QString id = call.param(QStringLiteral("Filter.1.Value.1"));
    QString items;
    if (FakeEc2::regionOfInstance(id) == call.region) {
        items = QStringLiteral("<item><reservationId>r-0filter</reservationId><instancesSet><item>"
                               "<instanceId>%1</instanceId><instanceState><code>16</code>"
                               "<name>running</name></instanceState></item></instancesSet></item>")
                    .arg(id);
    }
    return FakeResponse::raw(200,
                             QStringLiteral("<DescribeInstancesResponse xmlns=\"http://ec2."
                                            "amazonaws.com/doc/2016-11-15/\"><requestId>f</"
                                            "requestId><reservationSet>%1</reservationSet></"
                                            "DescribeInstancesResponse>")
                                 .arg(items)
                                 .toUtf8(),
                             "text/xml;charset=UTF-8");
}

/// The AMI the fixtures' instance i-0aaaaaaaaaaaaaaa1 runs, deregistered since: DescribeImages
/// answers for it with nothing while an instance still uses it (the API reference).
const QString deregisteredImage = QStringLiteral("ami-0fedcba9876543210");

/// DescribeImages with ImageId.N, as EC2 answers it: the region's images asked for, nothing for
/// a deregistered one, InvalidAMIID.NotFound (naming them) for ids it never had.
FakeResponse imagesById(const Ec2Call &call)
{
    QStringList asked;
    for (const auto &[key, value] : call.params) {
        if (key.startsWith(QLatin1String("ImageId.")))
            asked.append(value);
    }
    const QString fixture = QStringLiteral("describe_images_in_use_%1.xml").arg(call.region);
    const QString text = QFile::exists(testDataDir() + QStringLiteral("/aws/") + fixture)
                             ? QString::fromUtf8(readFixture(QStringLiteral("aws/") + fixture))
                             : QString();
    // The images are the imagesSet's items at its indentation (their own lists are deeper).
    static const QRegularExpression item(QStringLiteral("\\n        <item>.*?\\n        </item>"),
                                         QRegularExpression::DotMatchesEverythingOption);
    QString items;
    QStringList unknown;
    for (const QString &id : std::as_const(asked)) {
        bool found = false;
        for (auto it = item.globalMatch(text); it.hasNext();) {
            const QString image = it.next().captured();
            if (image.contains(QStringLiteral("<imageId>%1</imageId>").arg(id))) {
                items += image;
                found = true;
            }
        }
        if (!found && id != deregisteredImage)
            unknown.append(id);
    }
    if (!unknown.isEmpty()) {
        return error(400, QStringLiteral("InvalidAMIID.NotFound"),
                     QStringLiteral("The image id '[%1]' does not exist")
                         .arg(unknown.join(QStringLiteral(", "))));
    }
    return FakeResponse::raw(200,
                             QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                            "<DescribeImagesResponse xmlns=\"http://ec2."
                                            "amazonaws.com/doc/2016-11-15/\"><requestId>i</"
                                            "requestId><imagesSet>%1\n    </imagesSet></"
                                            "DescribeImagesResponse>")
                                 .arg(items)
                                 .toUtf8(),
                             "text/xml;charset=UTF-8");
}

FakeResponse stateChange(const Ec2Call &call, const QString &fixture,
                         const QHash<QString, QString> &launched)
{
    const QString id = call.param(QStringLiteral("InstanceId.1"));
    const QString region =
        launched.contains(id) ? launched.value(id) : FakeEc2::regionOfInstance(id);
    if (region != call.region) {
        return error(400, QStringLiteral("InvalidInstanceID.NotFound"),
                     QStringLiteral("The instance ID '%1' does not exist").arg(id));
    }
    return FakeEc2::xml(fixture, 200, {{QStringLiteral("instanceId"), id}});
}
} // namespace

QString Ec2Call::param(const QString &name) const
{
    for (const auto &[key, value] : params) {
        if (key == name)
            return value;
    }
    return {};
}

bool Ec2Call::has(const QString &name) const
{
    return std::any_of(params.cbegin(), params.cend(),
                       [&name](const auto &param) { return param.first == name; });
}

FakeEc2::FakeEc2(FakeCloudServer &server)
    : m_server(server)
{
    const auto handler = [this](const RecordedRequest &request) {
        return respond(request);
    };
    // "/" for an override without {region}, "/<region>" for one with it in the path.
    m_server.on("*", QStringLiteral("/"), handler);
    m_server.on("*", QStringLiteral("/*"), handler);
}

QString FakeEc2::regionOfInstance(const QString &instanceId)
{
    return instanceRegions().value(instanceId);
}

FakeResponse FakeEc2::xml(const QString &fixture, int status, const QHash<QString, QString> &values)
{
    QString text = QString::fromUtf8(readFixture(QStringLiteral("aws/") + fixture));
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        text.replace(QStringLiteral("${%1}").arg(it.key()), it.value());
    return FakeResponse::raw(status, text.toUtf8(), "text/xml;charset=UTF-8");
}

void FakeEc2::on(const QString &action, Handler handler)
{
    m_handlers.insert(action, std::move(handler));
}

void FakeEc2::enqueue(const QString &action, const FakeResponse &response)
{
    m_queue[action].append(response);
}

QList<Ec2Call> FakeEc2::calls(const QString &action) const
{
    QList<Ec2Call> result;
    for (const Ec2Call &call : m_calls) {
        if (action.isEmpty() || call.action == action)
            result.append(call);
    }
    return result;
}

QStringList FakeEc2::signatureFailures() const
{
    QStringList failures;
    for (const Ec2Call &call : m_calls) {
        if (!call.signatureFailure.isEmpty())
            failures.append(call.action + QStringLiteral(": ") + call.signatureFailure);
    }
    return failures;
}

FakeResponse FakeEc2::respond(const RecordedRequest &request)
{
    Ec2Call call;
    call.request = request;
    for (const auto &[key, value] :
         QUrlQuery(QString::fromUtf8(request.body)).queryItems(QUrl::FullyDecoded))
        call.params.append({key, value});
    call.action = call.param(QStringLiteral("Action"));

    const SigV4Verdict verdict =
        verifySigV4(request.method, request.target, request.headers, request.body,
                    QString::fromLatin1(accessKeyId), QString::fromLatin1(secretAccessKey),
                    QDateTime::currentDateTimeUtc());
    call.region = verdict.region;
    QString failure = verdict.valid ? QString() : verdict.failure;
    // What the signature does not cover but EC2 insists on, checked here as well. CloudWatch's
    // GetMetricData is served here too (tests point every endpoint at this server): it must be
    // signed for "monitoring" and carry CloudWatch's API version.
    const bool cloudWatch = call.action == QLatin1String("GetMetricData");
    const QString service = cloudWatch ? QStringLiteral("monitoring") : QStringLiteral("ec2");
    if (failure.isEmpty() && verdict.service != service)
        failure = QStringLiteral("signed for service %1, not %2").arg(verdict.service, service);
    const QStringList pathParts = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (failure.isEmpty() && !pathParts.isEmpty() && pathParts.first() != verdict.region)
        failure =
            QStringLiteral("sent to %1 but signed for %2").arg(pathParts.first(), verdict.region);
    if (failure.isEmpty() && !request.header("X-CloudDeck-Signing-Region").isEmpty())
        failure = QStringLiteral("the internal region header reached the wire");
    const QByteArray token = request.header("X-Amz-Security-Token");
    if (failure.isEmpty() && QString::fromUtf8(token) != m_sessionToken)
        failure = QStringLiteral("unexpected session token \"%1\"").arg(QString::fromUtf8(token));
    call.signatureFailure = failure;
    if (!verdict.valid)
        qWarning().noquote() << "fake EC2: signature check failed:" << failure
                             << "\ncanonical request:\n"
                             << verdict.canonicalRequest;
    m_calls.append(call);

    if (!failure.isEmpty()) {
        return error(403, QStringLiteral("SignatureDoesNotMatch"),
                     QStringLiteral("The request signature we calculated does not match the "
                                    "signature you provided. (%1)")
                         .arg(failure));
    }
    if (request.method != "POST"
        || !request.header("Content-Type").startsWith("application/x-www-form-urlencoded"))
        return error(400, QStringLiteral("InvalidParameterValue"),
                     QStringLiteral("expected a form POST"));
    if (call.param(QStringLiteral("Version"))
        != (cloudWatch ? QStringLiteral("2010-08-01") : apiVersion))
        return error(400, QStringLiteral("InvalidParameterValue"),
                     QStringLiteral("unsupported Version"));
    if (QList<FakeResponse> &queue = m_queue[call.action]; !queue.isEmpty())
        return queue.takeFirst();
    if (const auto it = m_handlers.constFind(call.action); it != m_handlers.constEnd())
        return (*it)(call);
    return error(
        400, QStringLiteral("InvalidAction"),
        QStringLiteral("The action %1 is not valid for this web service.").arg(call.action));
}

void FakeEc2::serveFixtures()
{
    on(QStringLiteral("DescribeRegions"),
       [](const Ec2Call &) { return xml(QStringLiteral("describe_regions.xml")); });
    on(QStringLiteral("DescribeInstances"), [](const Ec2Call &call) {
        if (call.param(QStringLiteral("Filter.1.Name")) == QLatin1String("instance-id"))
            return filteredInstance(call);
        const QString token = call.param(QStringLiteral("NextToken"));
        if (call.region == QLatin1String("us-east-1")) {
            if (token.isEmpty())
                return xml(QStringLiteral("describe_instances_us-east-1_page1.xml"));
            if (token == QLatin1String(page2Token))
                return xml(QStringLiteral("describe_instances_us-east-1_page2.xml"));
            return error(400, QStringLiteral("InvalidParameterValue"),
                         QStringLiteral("Invalid NextToken"));
        }
        if (call.region == QLatin1String("eu-west-1"))
            return xml(QStringLiteral("describe_instances_eu-west-1.xml"));
        return xml(QStringLiteral("describe_instances_empty.xml"));
    });
    const std::pair<const char *, const char *> changes[] = {
        {"StartInstances", "start_instances.xml"},
        {"StopInstances", "stop_instances.xml"},
        {"TerminateInstances", "terminate_instances.xml"},
        {"RebootInstances", "reboot_instances.xml"},
    };
    for (const auto &[action, file] : changes) {
        on(QString::fromLatin1(action),
           [this, fixture = QString::fromLatin1(file)](const Ec2Call &call) {
               return stateChange(call, fixture, m_launched);
           });
    }
    on(QStringLiteral("RunInstances"), [this](const Ec2Call &call) {
        // The fixture's instance, launched in the region asked.
        m_launched.insert(QStringLiteral("i-0123456789abcdef7"), call.region);
        return xml(QStringLiteral("run_instances.xml"), 200,
                   {{QStringLiteral("clientToken"), call.param(QStringLiteral("ClientToken"))}});
    });
    on(QStringLiteral("DescribeInstanceTypes"), [](const Ec2Call &call) {
        return call.param(QStringLiteral("NextToken")).isEmpty()
                   ? xml(QStringLiteral("describe_instance_types_page1.xml"))
                   : xml(QStringLiteral("describe_instance_types_page2.xml"));
    });
    on(QStringLiteral("DescribeImages"), [](const Ec2Call &call) {
        if (call.has(QStringLiteral("ImageId.1")))
            return imagesById(call);
        return call.param(QStringLiteral("Owner.1")) == QLatin1String("self")
                   ? xml(QStringLiteral("describe_images_self.xml"))
                   : xml(QStringLiteral("describe_images_official.xml"));
    });
    on(QStringLiteral("DescribeVolumes"), [](const Ec2Call &call) {
        // What botocore's DescribeVolumesRequest allows, as the provider must send it: the
        // in-use filter and a page size EC2 accepts (5 to 500).
        const int maxResults = call.param(QStringLiteral("MaxResults")).toInt();
        if (call.param(QStringLiteral("Filter.1.Name")) != QLatin1String("status")
            || call.param(QStringLiteral("Filter.1.Value.1")) != QLatin1String("in-use")
            || maxResults < 5 || maxResults > 500)
            return error(400, QStringLiteral("InvalidParameterValue"),
                         QStringLiteral("unexpected DescribeVolumes parameters"));
        const QString token = call.param(QStringLiteral("NextToken"));
        if (call.region == QLatin1String("us-east-1")) {
            if (token.isEmpty())
                return xml(QStringLiteral("describe_volumes_us-east-1_page1.xml"));
            if (token == QLatin1String(volumesPage2Token))
                return xml(QStringLiteral("describe_volumes_us-east-1_page2.xml"));
            return error(400, QStringLiteral("InvalidParameterValue"),
                         QStringLiteral("Invalid NextToken"));
        }
        if (call.region == QLatin1String("eu-west-1"))
            return xml(QStringLiteral("describe_volumes_eu-west-1.xml"));
        return xml(QStringLiteral("describe_volumes_empty.xml"));
    });
    on(QStringLiteral("DescribeKeyPairs"), [](const Ec2Call &call) {
        return call.region == QLatin1String("eu-west-1")
                   ? xml(QStringLiteral("describe_key_pairs_eu-west-1.xml"))
                   : xml(QStringLiteral("describe_key_pairs.xml"));
    });
}

ProviderMetadata FakeEc2::metadata()
{
    QFile file(QStringLiteral(AWS_METADATA));
    if (!file.open(QIODevice::ReadOnly))
        QTest::qFail("cannot read aws.json", __FILE__, __LINE__);
    return ProviderMetadata::fromJson(QJsonDocument::fromJson(file.readAll()).object());
}

Account FakeEc2::account(const QString &endpointPath, const QStringList &regions) const
{
    Account account;
    account.id = Account::newId();
    account.providerId = QStringLiteral("aws");
    account.name = QStringLiteral("aws test");
    account.endpoint = m_server.url(endpointPath);
    account.settings.insert(QStringLiteral("accessKeyId"), QString::fromLatin1(accessKeyId));
    account.regions = regions;
    return account;
}
