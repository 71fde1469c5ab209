// DigitalOceanParser must never crash and never hand out a half-read value: every mutated reply
// (random truncation, type swaps, deleted keys, flipped bytes) gives an Error or a valid result.
// The generator is seeded, so a failure names an iteration that reproduces exactly.
#include "digitaloceanprovider.h"
#include "fakedigitalocean.h"
#include "httpresponse.h"
#include "jsonmutator.h"
#include "testhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

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

/// What DigitalOcean's own replies make dangerous, besides JsonMutator's type swaps: next-page
/// links to another host (with a page number behind, before and at the current one), a droplet
/// id as a string, an id that is a list, text where nobody expects it.
QList<QJsonValue> hostileValues()
{
    QList<QJsonValue> values = {
        QStringLiteral("3164444"), QJsonObject {{QStringLiteral("id"), QJsonArray()}},
        QString::fromUtf8("\xF0\x9F\x90\xB3 not what you expected"), -1.0e300};
    for (int page = -1; page <= 3; ++page)
        values.append(QStringLiteral("https://evil.example/v2/droplets?page=%1").arg(page));
    return values;
}

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

/// The listing reads pages straight from their text (DigitalOceanParser::dropletPage); it must
/// agree with droplets() over the whole QJsonDocument on every reply: the same machines and
/// links, or an error of the same kind (and, past the JSON itself, the same words).
bool sameReading(const HttpResponse &response, int iteration)
{
    const Result<PagedList::Page<Machine>> streamed = DigitalOceanParser::dropletPage()(response);
    const Result<PagedList::Page<Machine>> whole =
        PagedList::wholePage<Machine>(&DigitalOceanParser::droplets)(response);
    const QByteArray where = "iteration " + QByteArray::number(iteration);
    if (streamed.ok() != whole.ok()) {
        qWarning("%s: streamed %s, whole %s", where.constData(),
                 streamed.ok() ? "read" : qPrintable(streamed.error().message()),
                 whole.ok() ? "read" : qPrintable(whole.error().message()));
        return false;
    }
    if (!whole.ok()) {
        const bool sameKind = streamed.error().kind() == whole.error().kind();
        const bool notJson = !response.jsonObject().ok();
        const bool sameWords = notJson || streamed.error().message() == whole.error().message();
        if (!sameKind || !sameWords) {
            qWarning("%s: %s / %s", where.constData(), qPrintable(streamed.error().message()),
                     qPrintable(whole.error().message()));
        }
        return sameKind && sameWords;
    }
    QJsonObject rest = whole.value().page;
    rest.remove(QStringLiteral("droplets"));
    if (streamed.value().items != whole.value().items || streamed.value().page != rest) {
        qWarning("%s: the readings differ", where.constData());
        return false;
    }
    return true;
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
    JsonMutator mutator(seed, hostileValues());
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
        response.body = mutator.mutate(QJsonDocument(original));
        // Error bodies are read from any reply, parseable or not.
        const DigitalOceanParser::ApiError apiError = DigitalOceanParser::error(response);
        Q_UNUSED(apiError);
        QVERIFY(sameReading(response, i));
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

    JsonMutator mutator(seed + 1, hostileValues());
    const QList<QJsonObject> pages = {FakeDigitalOcean::fixture(QStringLiteral("droplets_page1")),
                                      FakeDigitalOcean::fixture(QStringLiteral("droplets_page2")),
                                      FakeDigitalOcean::fixture(QStringLiteral("droplets_page3"))};
    int valid = 0;
    for (int i = 0; i < endToEndIterations; ++i) {
        const int broken = mutator.bounded(3);
        const QByteArray body = mutator.mutate(QJsonDocument(pages.at(broken)));
        server.on("GET", QStringLiteral("/v2/droplets"),
                  [broken, body, pages](const RecordedRequest &request) {
                      const int page = request.query.queryItemValue(QStringLiteral("page")).toInt();
                      if (page == broken + 1)
                          return FakeResponse::raw(200, body);
                      if (page < 1 || page > 3)
                          return FakeDigitalOcean::reply(QStringLiteral("error_not_found"), 404);
                      return FakeResponse::json(pages.at(page - 1));
                  });
        const auto result = AsyncResult::await<QList<Machine>>(
            [&provider](auto done) { provider->listMachines(done); });
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
