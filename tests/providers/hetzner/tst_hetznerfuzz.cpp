// Hundreds of mutated Hetzner replies (keys deleted, types swapped, values mangled, bodies cut off)
// through every parser entry point, and a few dozen through the provider and a FakeCloudServer:
// each must give a valid result or an InvalidReply error, never a crash. The generator is seeded,
// so a failure names a sample that reproduces.
#include "hetznercatalogparser.h"
#include "hetznertesting.h"
#include "httpresponse.h"
#include "resourceid.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

using namespace HetznerTesting;

namespace {
/// Fixed, so every run sees the same samples; CLOUDDECK_FUZZ_SEED and CLOUDDECK_FUZZ_SAMPLES
/// explore further by hand (a failure prints the seed and sample that reproduce it).
quint32 fuzzSeed()
{
    bool ok = false;
    const quint32 fromEnv = qEnvironmentVariable("CLOUDDECK_FUZZ_SEED").toUInt(&ok);
    return ok ? fromEnv : 20260105;
}

int fuzzSamples()
{
    bool ok = false;
    const int fromEnv = qEnvironmentVariableIntValue("CLOUDDECK_FUZZ_SAMPLES", &ok);
    return ok && fromEnv > 0 ? fromEnv : 600;
}

const QStringList fixtures = {
    QStringLiteral("servers_page1.json"),   QStringLiteral("servers_page2.json"),
    QStringLiteral("servers_page3.json"),   QStringLiteral("server_create.json"),
    QStringLiteral("action_running.json"),  QStringLiteral("action_error.json"),
    QStringLiteral("locations_page1.json"), QStringLiteral("server_types.json"),
    QStringLiteral("images_system.json"),   QStringLiteral("images_snapshot.json"),
    QStringLiteral("ssh_keys.json"),        QStringLiteral("error_422.json"),
};

/// A value of another type (or a strange one of the same), as a broken server might send.
QJsonValue otherValue(const QJsonValue &original, QRandomGenerator &random)
{
    switch (random.bounded(12)) {
    case 0:
        return QJsonValue::Null;
    case 1:
        return QStringLiteral("garbage");
    case 2:
        return 42;
    case 3:
        return -1.5;
    case 4:
        return 1.0e308;
    case 5:
        return true;
    case 6:
        return QJsonArray();
    case 7:
        return QJsonObject();
    case 8:
        return QJsonArray {QStringLiteral("a"), 1, QJsonValue::Null};
    case 9:
        return QString(random.bounded(1, 5000), QLatin1Char('9'));
    case 10: // a string cut short ("2001:db8::/6", "runn")
        if (original.isString()) {
            const QString text = original.toString();
            return text.left(int(random.bounded(qMax<qsizetype>(1, text.size()))));
        }
        return QStringLiteral("2001:db8::/999");
    default:
        return original.isDouble() ? QJsonValue(-original.toDouble()) : QJsonValue(0);
    }
}

/// Mutates the @p target-th node (pre-order) of @p value. Returns Undefined to delete it.
QJsonValue mutate(const QJsonValue &value, int &target, QRandomGenerator &random)
{
    if (target-- == 0)
        return random.bounded(3) == 0 ? QJsonValue(QJsonValue::Undefined)
                                      : otherValue(value, random);
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        const QStringList keys = object.keys();
        for (const QString &key : keys) {
            const QJsonValue changed = mutate(object.value(key), target, random);
            if (changed.isUndefined())
                object.remove(key);
            else
                object.insert(key, changed);
            if (target < 0)
                break;
        }
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonValue changed = mutate(array.at(i), target, random);
            if (changed.isUndefined())
                array.removeAt(i--);
            else
                array.replace(i, changed);
            if (target < 0)
                break;
        }
        return array;
    }
    return value;
}

int countNodes(const QJsonValue &value)
{
    int count = 1;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            count += countNodes(it.value());
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            count += countNodes(item);
    }
    return count;
}

/// One mutated reply body: 1 to 4 tree mutations, then perhaps cut off or with a byte changed.
QByteArray mutatedBody(QRandomGenerator &random, const QStringList &from = fixtures)
{
    static QHash<QString, QJsonObject> cache;
    const QString name = from.at(random.bounded(int(from.size())));
    if (!cache.contains(name))
        cache.insert(name, readJsonFixture(QStringLiteral("hetzner/") + name).object());
    const QJsonObject original = cache.value(name);
    QJsonValue value = original;
    const int mutations = random.bounded(1, 5);
    for (int i = 0; i < mutations; ++i) {
        int target = random.bounded(countNodes(value));
        const QJsonValue changed = mutate(value, target, random);
        value = changed.isUndefined() ? QJsonValue(QJsonObject()) : changed;
    }
    QByteArray body = value.isObject()  ? QJsonDocument(value.toObject()).toJson()
                      : value.isArray() ? QJsonDocument(value.toArray()).toJson()
                                        : QByteArray("null");
    switch (random.bounded(6)) {
    case 0:
        body.truncate(random.bounded(int(body.size()) + 1));
        break;
    case 1:
        if (!body.isEmpty())
            body[random.bounded(int(body.size()))] = char(random.bounded(256));
        break;
    default:
        break;
    }
    return body;
}

template<typename T>
bool acceptable(const Result<T> &result)
{
    return result.ok()
           || (result.error().kind() == Error::InvalidReply && !result.error().message().isEmpty());
}

/// What is wrong with a machine a parser accepted; empty when nothing is.
QString insane(const Machine &machine)
{
    if (!ResourceId::isValid(ResourceId::Numeric, machine.id) || machine.providerId != QLatin1String("hetzner"))
        return QStringLiteral("id \"%1\"").arg(machine.id);
    for (const QString &ip : machine.publicIpv4 + machine.privateIpv4) {
        if (QHostAddress(ip).protocol() != QAbstractSocket::IPv4Protocol)
            return QStringLiteral("IPv4 \"%1\"").arg(ip);
    }
    for (const QString &ip : machine.publicIpv6 + machine.privateIpv6) {
        if (QHostAddress(ip).protocol() != QAbstractSocket::IPv6Protocol)
            return QStringLiteral("IPv6 \"%1\"").arg(ip);
    }
    if (machine.memoryMb < 0)
        return QStringLiteral("memory %1").arg(machine.memoryMb);
    return {};
}
} // namespace

class TestHetznerFuzz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyParserOnMutatedReplies()
    {
        const quint32 seed = fuzzSeed();
        QRandomGenerator random(seed);
        const int samples = fuzzSamples();
        int parsedServers = 0;
        int refusedServers = 0;
        int notJson = 0;
        for (int sample = 0; sample < samples; ++sample) {
            const QByteArray body = mutatedBody(random);
            const QByteArray where = "seed " + QByteArray::number(seed) + " sample "
                                     + QByteArray::number(sample) + ": " + body.left(300);
            HttpResponse response;
            response.status = random.bounded(2) ? 200 : 422;
            response.body = body;
            response.headers = {
                {"RateLimit-Limit", QByteArray::number(random.bounded(-5, 5000))},
                {"RateLimit-Remaining", QByteArray::number(random.bounded(-5, 5000))},
                {"RateLimit-Reset", body.left(12)}};
            // Neither reads anything but headers and body; both must simply return.
            (void)HetznerParser::error(response);
            (void)HetznerParser::rateLimit(response);

            const Result<QJsonObject> json = response.jsonObject();
            QVERIFY2(acceptable(json), where.constData());
            if (!json.ok()) {
                ++notJson;
                continue;
            }
            const QJsonObject &page = json.value();
            const auto servers = HetznerParser::servers(page);
            QVERIFY2(acceptable(servers), where.constData());
            if (servers.ok()) {
                ++parsedServers;
                for (const Machine &machine : servers.value()) {
                    const QString problem = insane(machine);
                    QVERIFY2(problem.isEmpty(), qPrintable(problem + QStringLiteral(" in ")
                                                           + QString::fromUtf8(where)));
                }
            } else {
                ++refusedServers;
            }
            QVERIFY2(acceptable(HetznerParser::nextPage(page, random.bounded(1, 4))),
                     where.constData());
            (void)HetznerParser::totalEntries(page);
            QVERIFY2(acceptable(HetznerParser::action(page)), where.constData());
            const auto created = HetznerParser::createdServer(page);
            QVERIFY2(acceptable(created), where.constData());
            if (created.ok()) {
                const QString problem = insane(created.value());
                QVERIFY2(problem.isEmpty(),
                         qPrintable(problem + QStringLiteral(" in ") + QString::fromUtf8(where)));
            }
            QVERIFY2(acceptable(HetznerCatalogParser::locations(page)), where.constData());
            QVERIFY2(acceptable(HetznerCatalogParser::serverTypes(page)), where.constData());
            QVERIFY2(acceptable(HetznerCatalogParser::images(page)), where.constData());
            QVERIFY2(acceptable(HetznerCatalogParser::sshKeys(page)), where.constData());
        }
        // The run reached both outcomes, and bodies that were not JSON at all.
        QVERIFY(parsedServers > 0);
        QVERIFY(refusedServers > 0);
        QVERIFY(notJson > 0);
        qInfo("%d samples: %d server lists parsed, %d refused, %d not JSON", samples, parsedServers,
              refusedServers, notJson);
    }

    void theProviderOnMutatedPages()
    {
        FakeCloudServer server;
        QVERIFY(server.listen());
        const quint32 seed = fuzzSeed() + 1;
        QRandomGenerator random(seed);
        auto provider = HetznerTesting::provider(server);
        HttpClient::RetryPolicy noRetries;
        noRetries.maxRetries = 0;
        provider->http()->setRetryPolicy(noRetries);
        provider->setActionTimeoutMs(200); // a mutated action may say "running" for ever
        // Server pages only, so a fair share of the lists still parse.
        const QStringList serverPages = fixtures.mid(0, 3);
        int ok = 0;
        for (int sample = 0; sample < 60; ++sample) {
            const QByteArray body = mutatedBody(random, serverPages);
            server.on("GET", QStringLiteral("/v1/servers"), FakeResponse::raw(200, body));
            server.on("GET", QStringLiteral("/v1/actions/*"), FakeResponse::raw(200, body));
            server.on("POST", QStringLiteral("/v1/servers/42/actions/reboot"),
                      FakeResponse::raw(201, body));
            const QByteArray where = "seed " + QByteArray::number(seed) + " sample "
                                     + QByteArray::number(sample) + ": " + body.left(300);
            const auto list = AsyncResult::run<QList<Machine>>(
                [&](Callback<QList<Machine>> done) { provider->listMachines(std::move(done)); });
            QVERIFY2(list->result.has_value(), where.constData());
            QCOMPARE(list->calls, 1);
            // A page may name a next page that the same mutated body then answers; either way
            // the outcome is a list or an error that is not about the network.
            QVERIFY2(list->result->ok() || list->result->error().kind() == Error::InvalidReply,
                     qPrintable(AsyncResult::describe(list->result->error()) + QLatin1Char(' ')
                                + QString::fromUtf8(where)));
            ok += list->result->ok() ? 1 : 0;
            const auto action = AsyncResult::run<void>([&](Callback<void> done) {
                ProviderTesting::runAndFollow(*provider, QStringLiteral("42"),
                                              MachineAction::Reboot, std::move(done));
            });
            QVERIFY2(action->result.has_value(), where.constData());
            QCOMPARE(action->calls, 1);
        }
        QVERIFY(ok > 0);
    }
};

QTEST_GUILESS_MAIN(TestHetznerFuzz)
#include "tst_hetznerfuzz.moc"
