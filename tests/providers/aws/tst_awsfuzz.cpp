// The EC2 XML parsers under a few hundred seeded mutations of every fixture (truncation, flipped
// bytes, cut and repeated ranges, stray markup): each reply gives a value or an InvalidReply
// error, never a crash or a value that breaks the parser's own promises. Then mutated replies
// through the whole provider against the fake endpoint.
#include "awsimagecatalog.h"
#include "awsmetrics.h"
#include "awsparser.h"
#include "awsprovider.h"
#include "awsvolumes.h"
#include "fakeec2.h"
#include "testhelpers.h"

#include <QDir>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>
#include <cmath>

namespace {
constexpr quint32 seed = 20240601;

/// Changes that keep the document well-formed, so the parsers' reading of values and shapes is
/// exercised and not only the XML reader: a leaf element's text replaced, the element dropped,
/// repeated or renamed.
QByteArray mutateLeaf(QByteArray xml, QRandomGenerator &random)
{
    static const QRegularExpression leaf(QStringLiteral("<([A-Za-z]+)>([^<]*)</\\1>"));
    static const QStringList texts = {QString(),
                                      QStringLiteral("-1"),
                                      QStringLiteral("99999999999999999999"),
                                      QStringLiteral("0x10"),
                                      QStringLiteral("not a date"),
                                      QStringLiteral("  padded  "),
                                      QStringLiteral("&amp;&lt;"),
                                      QStringLiteral("\u1234\u00e9"),
                                      QStringLiteral("true"),
                                      QStringLiteral("i-0123456789abcdef0"),
                                      QStringLiteral("terminated"),
                                      QStringLiteral("80")};
    static const QStringList names = {
        QStringLiteral("instanceId"), QStringLiteral("name"),          QStringLiteral("item"),
        QStringLiteral("nextToken"),  QStringLiteral("code"),          QStringLiteral("regionName"),
        QStringLiteral("Code"),       QStringLiteral("unknownElement")};
    QString text = QString::fromUtf8(xml);
    QList<QRegularExpressionMatch> matches;
    for (auto it = leaf.globalMatch(text); it.hasNext();)
        matches.append(it.next());
    if (matches.isEmpty())
        return xml;
    const QRegularExpressionMatch match = matches.at(random.bounded(int(matches.size())));
    const QString tag = match.captured(1);
    QString replacement;
    switch (random.bounded(4)) {
    case 0:
        replacement =
            QStringLiteral("<%1>%2</%1>").arg(tag, texts.at(random.bounded(int(texts.size()))));
        break;
    case 1:
        break; // dropped
    case 2:
        replacement = match.captured(0).repeated(2);
        break;
    default: {
        const QString other = names.at(random.bounded(int(names.size())));
        replacement = QStringLiteral("<%1>%2</%1>").arg(other, match.captured(2));
        break;
    }
    }
    text.replace(match.capturedStart(), match.capturedLength(), replacement);
    return text.toUtf8();
}

/// Changes to the bytes, which mostly break the document: truncation, flipped bytes, cut,
/// repeated and swapped ranges, stray markup.
QByteArray mutateBytes(QByteArray xml, QRandomGenerator &random)
{
    static const QByteArrayList snippets = {"<item>",
                                            "</item>",
                                            "<",
                                            ">",
                                            "&",
                                            "&amp;",
                                            "&#0;",
                                            "&#xD800;",
                                            "]]>",
                                            "<![CDATA[",
                                            "<?xml version=\"1.0\"?>",
                                            "<!DOCTYPE r>",
                                            "<nextToken>loop</nextToken>",
                                            "<instanceId></instanceId>",
                                            "<reservationSet>",
                                            "</instancesSet>",
                                            "\xff\xfe",
                                            QByteArray(1, '\0'),
                                            "<tagSet><item><key>Name</key></item></tagSet>",
                                            "xmlns:a=\"x\"",
                                            "<code>99999999999999999999</code>",
                                            "<sizeInMiB>-5</sizeInMiB>"};
    if (xml.isEmpty())
        return xml;
    const int at = random.bounded(int(xml.size()));
    const int length = 1 + random.bounded(std::max(1, int(xml.size()) - at));
    switch (random.bounded(6)) {
    case 0:
        xml.truncate(at);
        break;
    case 1:
        for (int i = random.bounded(1, 9); i > 0; --i)
            xml[random.bounded(int(xml.size()))] = char(random.bounded(256));
        break;
    case 2:
        xml.remove(at, std::min(length, 200));
        break;
    case 3:
        xml.insert(random.bounded(int(xml.size())), xml.mid(at, std::min(length, 400)));
        break;
    case 4:
        xml.insert(at, snippets.at(random.bounded(int(snippets.size()))));
        break;
    default: {
        const int other = random.bounded(int(xml.size()));
        const QByteArray a = xml.mid(at, 20);
        const QByteArray b = xml.mid(other, 20);
        xml.replace(at, a.size(), b);
        break;
    }
    }
    return xml;
}

/// One to three mutations, each well-formed or byte-level with even odds.
QByteArray mutate(QByteArray xml, QRandomGenerator &random)
{
    const int steps = 1 + random.bounded(3);
    for (int step = 0; step < steps; ++step)
        xml = random.bounded(2) == 0 ? mutateLeaf(xml, random) : mutateBytes(xml, random);
    return xml;
}

QList<QByteArray> fixtures()
{
    QList<QByteArray> all;
    const QDir dir(testDataPath(QStringLiteral("aws")));
    for (const QString &name : dir.entryList({QStringLiteral("*.xml")}, QDir::Files, QDir::Name))
        all.append(readFixture(QStringLiteral("aws/") + name));
    return all;
}

/// Fails the test unless @p result is a value or an InvalidReply (or, where the parser says so,
/// another kind); returns whether it was a value.
template<typename T>
bool acceptable(const Result<T> &result, Error::Kind alsoAllowed = Error::InvalidReply)
{
    if (result.ok())
        return true;
    const Error::Kind kind = result.error().kind();
    if (kind != Error::InvalidReply && kind != alsoAllowed)
        QTest::qFail(
            qPrintable(QStringLiteral("unexpected error kind %1").arg(Error::kindId(kind))),
            __FILE__, __LINE__);
    if (result.error().message().isEmpty())
        QTest::qFail("an error without a message", __FILE__, __LINE__);
    return false;
}
} // namespace

class TestAwsFuzz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsersSurviveMutatedReplies();
    void metricsParserSurvivesMutatedReplies();
    void providerSurvivesMutatedReplies();
};

void TestAwsFuzz::parsersSurviveMutatedReplies()
{
    QRandomGenerator random(seed);
    const QList<QByteArray> originals = fixtures();
    QVERIFY(originals.size() >= 20);
    int parsed = 0, refused = 0;
    constexpr int rounds = 400;
    for (int round = 0; round < rounds; ++round) {
        const QByteArray xml = mutate(originals.at(round % originals.size()), random);
        const QString region = QStringLiteral("us-east-1");

        const auto instances = AwsParser::instances(xml, region);
        if (acceptable(instances)) {
            for (const Machine &machine : instances.value().items) {
                QVERIFY(!machine.id.isEmpty());
                QVERIFY(!machine.name.isEmpty());
                QCOMPARE(machine.region, region);
            }
        }
        const auto regions = AwsParser::regions(xml);
        if (acceptable(regions)) {
            for (const Region &r : regions.value())
                QVERIFY(!r.id.isEmpty());
        }
        const auto types = AwsParser::instanceTypes(xml);
        if (acceptable(types)) {
            for (const Size &size : types.value().items)
                QVERIFY(!size.id.isEmpty());
        }
        const auto images = AwsParser::images(xml, region);
        if (acceptable(images)) {
            for (const Image &image : AwsImageCatalog::current(images.value().items))
                QVERIFY(!image.id.isEmpty());
        }
        const auto keys = AwsParser::keyPairs(xml);
        if (acceptable(keys)) {
            for (const SshKey &key : keys.value())
                QVERIFY(!key.id.isEmpty());
        }
        const auto volumes = AwsVolumes::parse(xml);
        if (acceptable(volumes)) {
            for (const AwsVolumes::Volume &volume : volumes.value().items) {
                QVERIFY(!volume.id.isEmpty());
                QVERIFY(!volume.instanceIds.isEmpty());
                QVERIFY(volume.sizeGiB >= 0);
            }
        }
        const auto run = AwsParser::runInstances(xml, region);
        if (acceptable(run))
            QVERIFY(!run.value().id.isEmpty());
        for (const QStringView root : {u"StartInstancesResponse", u"StopInstancesResponse",
                                       u"TerminateInstancesResponse", u"RebootInstancesResponse"})
            (void)acceptable(AwsParser::stateChange(xml, root, QStringLiteral("${instanceId}")),
                             Error::Server);
        const HttpClient::ProviderError error = AwsParser::error(xml);
        QVERIFY(error.code.isEmpty() || !error.message.isEmpty());

        const auto root = AwsXmlElement::parse(xml);
        acceptable(root) ? ++parsed : ++refused;
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "round" << round << "input:" << xml.left(400);
            return;
        }
    }
    qInfo() << rounds << "mutated replies:" << parsed << "well-formed," << refused << "refused";
    // The mutations must exercise both paths, or the test proves little.
    QVERIFY(parsed > rounds / 10);
    QVERIFY(refused > rounds / 10);
}

// CloudWatch's GetMetricData replies (get_metric_data*.xml) under the same mutations, more of
// them: a page or an InvalidReply (Forbidden/Server only for a result's StatusCode), and the
// points AwsMetrics::ordered() makes from any page in time order, finite or gaps.
void TestAwsFuzz::metricsParserSurvivesMutatedReplies()
{
    QRandomGenerator random(seed + 16);
    QList<QByteArray> originals;
    const QDir dir(testDataPath(QStringLiteral("aws")));
    for (const QString &name :
         dir.entryList({QStringLiteral("get_metric_data*.xml")}, QDir::Files, QDir::Name))
        originals.append(readFixture(QStringLiteral("aws/") + name));
    QCOMPARE(originals.size(), 3);
    int parsed = 0, refused = 0;
    constexpr int rounds = 1500;
    for (int round = 0; round < rounds; ++round) {
        const QByteArray xml = mutate(originals.at(round % originals.size()), random);
        const auto page = AwsMetrics::page(xml, 8.0 / 300);
        if (!page.ok()) {
            const Error::Kind kind = page.error().kind();
            if (kind != Error::Forbidden && kind != Error::Server)
                (void)acceptable(page); // fails the test unless InvalidReply with words
            if (QTest::currentTestFailed()) {
                qWarning().noquote() << "round" << round << "input:" << xml.left(400);
                return;
            }
            ++refused;
            continue;
        }
        ++parsed;
        for (const auto &points : page.value().points) {
            const QList<MetricSeries::Point> ordered = AwsMetrics::ordered(points, 300);
            for (qsizetype i = 0; i < ordered.size(); ++i) {
                const double value = ordered.at(i).value;
                QVERIFY2(std::isnan(value) || std::isfinite(value),
                         qPrintable(QString::number(round)));
                if (i > 0)
                    QVERIFY2(ordered.at(i).timeMs > ordered.at(i - 1).timeMs,
                             qPrintable(QString::number(round)));
            }
        }
    }
    qInfo() << rounds << "mutated metrics replies:" << parsed << "read," << refused << "refused";
    QVERIFY(parsed > rounds / 20);
    QVERIFY(refused > rounds / 20);
}

void TestAwsFuzz::providerSurvivesMutatedReplies()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    FakeEc2 fake(server);
    fake.serveFixtures();
    QRandomGenerator random(seed + 1);
    const QByteArray regions = readFixture(QStringLiteral("aws/describe_regions.xml"));
    const QByteArray dublin = readFixture(QStringLiteral("aws/describe_instances_eu-west-1.xml"));
    int ok = 0, failed = 0;
    for (int round = 0; round < 60; ++round) {
        const bool mutateRegions = round % 3 == 0;
        const QByteArray regionsReply = mutateRegions ? mutate(regions, random) : regions;
        const QByteArray dublinReply = mutateRegions ? dublin : mutate(dublin, random);
        fake.on(QStringLiteral("DescribeRegions"), [regionsReply](const Ec2Call &) {
            return FakeResponse::raw(200, regionsReply, "text/xml;charset=UTF-8");
        });
        fake.on(QStringLiteral("DescribeInstances"), [dublinReply](const Ec2Call &call) {
            if (call.region == QLatin1String("eu-west-1"))
                return FakeResponse::raw(200, dublinReply, "text/xml;charset=UTF-8");
            return FakeEc2::xml(QStringLiteral("describe_instances_empty.xml"));
        });
        const auto provider = fake.provider(fake.account());
        const auto machines =
            AsyncResult::await<QList<Machine>>([&](auto done) { provider->listMachines(done); });
        QVERIFY(machines);
        if (machines->ok()) {
            ++ok;
            for (const Machine &machine : machines->value())
                QVERIFY(!machine.id.isEmpty() && !machine.region.isEmpty());
        } else {
            ++failed;
            // Mutated regions may name other regions (empty there) or none: only the reply's own
            // problems may surface, never a crash or a silent partial list.
            const Error::Kind kind = machines->error().kind();
            QVERIFY2(
                kind == Error::InvalidReply || kind == Error::InvalidInput,
                qPrintable(Error::kindId(kind) + QLatin1Char(' ') + machines->error().message()));
        }
    }
    qInfo() << "provider: 60 mutated replies:" << ok << "listed," << failed << "failed cleanly";
    QVERIFY(fake.signatureFailures().isEmpty());
}

QTEST_GUILESS_MAIN(TestAwsFuzz)
#include "tst_awsfuzz.moc"
