// DigitalOceanParser must never crash and never hand out a half-read value: every mutated reply
// (random truncation, type swaps, deleted keys, flipped bytes) gives an Error or a valid result.
// The generator is seeded, so a failure names an iteration that reproduces exactly.
#include "digitaloceanprovider.h"
#include "fakedigitalocean.h"
#include "httpresponse.h"
#include "testhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <variant>

namespace {
constexpr quint32 seed = 0xD0C0FFEE;
constexpr int iterations = 600;
constexpr int endToEndIterations = 40;

const QStringList fixtures = {
    QStringLiteral("droplets_page1"),
    QStringLiteral("droplets_page2"),
    QStringLiteral("droplets_page3"),
    QStringLiteral("droplet_create_response"),
    QStringLiteral("action_in_progress"),
    QStringLiteral("action_errored"),
    QStringLiteral("account"),
    QStringLiteral("regions_page1"),
    QStringLiteral("sizes_page1"),
    QStringLiteral("images_distribution_page1"),
    QStringLiteral("images_private"),
    QStringLiteral("ssh_keys_page1"),
    QStringLiteral("error_unprocessable_entity"),
};

using Step = std::variant<QString, qsizetype>; // object key or array index
using Path = QList<Step>;

void collectPaths(const QJsonValue &value, Path &path, QList<Path> &paths)
{
    paths.append(path);
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            path.append(it.key());
            collectPaths(it.value(), path, paths);
            path.removeLast();
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            path.append(i);
            collectPaths(array.at(i), path, paths);
            path.removeLast();
        }
    }
}

// Returns @p node with the value at @p path replaced by @p replacement, or removed when
// @p replacement is undefined.
QJsonValue rewrite(const QJsonValue &node, const Path &path, qsizetype depth,
                   const QJsonValue &replacement)
{
    if (depth == path.size())
        return replacement;
    const Step &step = path.at(depth);
    if (const QString *key = std::get_if<QString>(&step)) {
        QJsonObject object = node.toObject();
        const QJsonValue child = rewrite(object.value(*key), path, depth + 1, replacement);
        if (child.isUndefined())
            object.remove(*key);
        else
            object.insert(*key, child);
        return object;
    }
    const qsizetype index = std::get<qsizetype>(step);
    QJsonArray array = node.toArray();
    const QJsonValue child = rewrite(array.at(index), path, depth + 1, replacement);
    if (child.isUndefined())
        array.removeAt(index);
    else
        array.replace(index, child);
    return array;
}

/// @brief Produces mutated replies from a seeded generator.
class Mutator
{
public:
    explicit Mutator(quint32 seed)
        : m_random(seed)
    { }

    QByteArray mutate(const QJsonObject &reply)
    {
        QJsonValue root = reply;
        const int structural = 1 + int(m_random.bounded(3));
        for (int i = 0; i < structural; ++i) {
            QList<Path> paths;
            Path path;
            collectPaths(root, path, paths);
            if (paths.size() < 2) // nothing left but the root object
                break;
            const Path target = paths.at(1 + m_random.bounded(int(paths.size()) - 1));
            // Deleting a key or item, or swapping its value for one of another type.
            const QJsonValue replacement =
                m_random.bounded(3) == 0 ? QJsonValue(QJsonValue::Undefined) : randomValue();
            root = rewrite(root, target, 0, replacement);
        }
        QByteArray bytes = QJsonDocument(root.toObject()).toJson(QJsonDocument::Compact);
        const int byteLevel = int(m_random.bounded(10));
        if (byteLevel < 3 && !bytes.isEmpty()) // random truncation
            bytes.truncate(m_random.bounded(int(bytes.size())));
        else if (byteLevel == 3 && !bytes.isEmpty()) // one flipped byte
            bytes[m_random.bounded(int(bytes.size()))] = char(m_random.bounded(256));
        return bytes;
    }

    int bounded(int limit) { return int(m_random.bounded(limit)); }

private:
    QJsonValue randomValue()
    {
        switch (m_random.bounded(10)) {
        case 0:
            return QJsonValue::Null;
        case 1:
            return m_random.bounded(2) == 1;
        case 2:
            return double(m_random.bounded(1000000)) - 500000.0;
        case 3:
            return 1.0e300 * (m_random.bounded(2) ? 1 : -1);
        case 4:
            return QString();
        case 5:
            return QStringLiteral("3164444");
        case 6:
            return QStringLiteral("https://evil.example/v2/droplets?page=%1")
                .arg(int(m_random.bounded(5)) - 1);
        case 7:
            return QJsonArray {QJsonValue::Null, 1, QStringLiteral("x")};
        case 8:
            return QJsonObject {{QStringLiteral("id"), QJsonArray()}};
        default:
            return QString::fromUtf8("\xF0\x9F\x90\xB3 not what you expected");
        }
    }

    QRandomGenerator m_random;
};

/// Tallies of one parser over the run, to show the fuzzing reached both outcomes.
struct Tally
{
    int valid = 0;
    int errors = 0;
};

bool validError(const Error &error)
{
    return (error.kind() == Error::InvalidReply || error.kind() == Error::Forbidden)
           && !error.message().isEmpty();
}

bool validMachine(const Machine &machine)
{
    if (machine.id.isEmpty() || machine.providerId != QLatin1String("digitalocean"))
        return false;
    const QStringList ips = machine.publicIps() + machine.privateIps();
    return std::none_of(ips.begin(), ips.end(), [](const QString &ip) { return ip.isEmpty(); });
}
} // namespace

class TestDigitalOceanFuzz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mutatedRepliesNeverCrashTheParser();
    void mutatedRepliesThroughTheProvider();
};

void TestDigitalOceanFuzz::mutatedRepliesNeverCrashTheParser()
{
    QList<QJsonObject> originals;
    for (const QString &name : fixtures)
        originals.append(FakeDigitalOcean::fixture(name));
    Mutator mutator(seed);
    QHash<QString, Tally> tallies;
    int notJson = 0;

    // Checks one parser's outcome: an error of the documented kind, or a value passing @p valid.
    const auto check = [&tallies](const char *parser, int iteration, const auto &result,
                                  const auto &valid) {
        Tally &tally = tallies[QLatin1String(parser)];
        const QByteArray where = QByteArray(parser) + " at iteration "
                                 + QByteArray::number(iteration) + " (seed "
                                 + QByteArray::number(seed, 16) + ")";
        if (result.ok()) {
            ++tally.valid;
            return QTest::qVerify(valid(result.value()), "valid(result)", where.constData(),
                                  __FILE__, __LINE__);
        }
        ++tally.errors;
        return QTest::qVerify(validError(result.error()), "validError", where.constData(), __FILE__,
                              __LINE__);
    };
    const auto allMachines = [](const QList<Machine> &machines) {
        return std::all_of(machines.begin(), machines.end(), validMachine);
    };
    const auto allIds = [](const auto &items) {
        return std::all_of(items.begin(), items.end(),
                           [](const auto &item) { return !item.id.isEmpty(); });
    };

    for (int i = 0; i < iterations; ++i) {
        const QJsonObject &original = originals.at(mutator.bounded(int(originals.size())));
        HttpResponse response;
        response.status = 200;
        response.body = mutator.mutate(original);
        // Error bodies are read from any reply, parseable or not.
        const DigitalOceanParser::ApiError apiError = DigitalOceanParser::error(response);
        Q_UNUSED(apiError);
        const Result<QJsonObject> json = response.jsonObject();
        if (!json.ok()) {
            ++notJson;
            QVERIFY(json.error().kind() == Error::InvalidReply);
            continue;
        }
        const QJsonObject &reply = json.value();
        using Parser = DigitalOceanParser;
        QVERIFY(check("droplets", i, Parser::droplets(reply), allMachines));
        QVERIFY(check("createdDroplet", i, Parser::createdDroplet(reply), validMachine));
        QVERIFY(check("nextPage", i, Parser::nextPage(reply, 1),
                      [](const std::optional<int> &next) { return !next || *next > 1; }));
        QVERIFY(check("action", i, Parser::action(reply),
                      [](const Parser::Action &action) { return !action.status.isEmpty(); }));
        QVERIFY(check("account", i, Parser::account(reply),
                      [](const QString &who) { return !who.isEmpty(); }));
        QVERIFY(check("regions", i, Parser::regions(reply), allIds));
        QVERIFY(check("sizes", i, Parser::sizes(reply), allIds));
        QVERIFY(check("sshKeys", i, Parser::sshKeys(reply), allIds));
        for (const auto source : {Parser::ImageSource::Distribution, Parser::ImageSource::Private})
            QVERIFY(check("images", i, Parser::images(reply, source), allIds));
    }

    // The run reached both outcomes where it matters, so it proves something.
    QVERIFY(notJson > 0);
    for (const char *parser : {"droplets", "createdDroplet", "action", "account", "regions"}) {
        const Tally tally = tallies.value(QLatin1String(parser));
        QVERIFY2(tally.valid > 0 && tally.errors > 0,
                 qPrintable(QStringLiteral("%1: %2 valid, %3 errors")
                                .arg(QLatin1String(parser))
                                .arg(tally.valid)
                                .arg(tally.errors)));
    }
    qInfo("%d mutated replies; %d not JSON; droplets %d valid / %d errors", iterations, notJson,
          tallies.value(QStringLiteral("droplets")).valid,
          tallies.value(QStringLiteral("droplets")).errors);
}

void TestDigitalOceanFuzz::mutatedRepliesThroughTheProvider()
{
    // The same through HTTP: HttpClient, paging and the provider's callbacks see the damage too.
    FakeCloudServer server;
    QVERIFY(server.listen());
    FakeDigitalOcean fake(server);
    fake.serveFixtures();
    const auto provider = fake.provider();
    HttpClient::RetryPolicy policy;
    policy.maxRetries = 0;
    provider->http()->setRetryPolicy(policy);

    Mutator mutator(seed + 1);
    const QList<QJsonObject> pages = {FakeDigitalOcean::fixture(QStringLiteral("droplets_page1")),
                                      FakeDigitalOcean::fixture(QStringLiteral("droplets_page2")),
                                      FakeDigitalOcean::fixture(QStringLiteral("droplets_page3"))};
    int valid = 0;
    for (int i = 0; i < endToEndIterations; ++i) {
        const int broken = mutator.bounded(3);
        const QByteArray body = mutator.mutate(pages.at(broken));
        server.on("GET", QStringLiteral("/v2/droplets"),
                  [broken, body, pages](const RecordedRequest &request) {
                      const int page = request.query.queryItemValue(QStringLiteral("page")).toInt();
                      if (page == broken + 1)
                          return FakeResponse::raw(200, body);
                      if (page < 1 || page > 3)
                          return FakeDigitalOcean::reply(QStringLiteral("error_not_found"), 404);
                      return FakeResponse::json(pages.at(page - 1));
                  });
        const auto result =
            await<QList<Machine>>([&provider](auto done) { provider->listMachines(done); });
        QVERIFY2(result, qPrintable(QStringLiteral("iteration %1").arg(i)));
        if (result->ok()) {
            ++valid;
            QVERIFY(std::all_of(result->value().begin(), result->value().end(), validMachine));
        } else {
            QVERIFY2(!result->error().message().isEmpty(),
                     qPrintable(QStringLiteral("iteration %1").arg(i)));
        }
    }
    qInfo("%d of %d mutated listings were still valid", valid, endToEndIterations);
}

QTEST_GUILESS_MAIN(TestDigitalOceanFuzz)
#include "tst_digitaloceanfuzz.moc"
