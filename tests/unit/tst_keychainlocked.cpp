// A LOCKED keyring (issue 11, item 8), against a real gnome-keyring-daemon in a private D-Bus
// session: the login collection is locked over the Secret Service API after a secret was stored.
// QtKeychain alone reports the locked entry as "not found" and its deletion as done; CredentialStore
// and the CLI must say "unlock your keyring", exit 3, and never report a removal that did not
// happen.
#include "asyncresult.h"
#include "credentialstore.h"
#include "fakecloudserver.h"
#include "testhelpers.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

namespace {
const QString kSecrets = QStringLiteral("org.freedesktop.secrets");
const QString kServicePath = QStringLiteral("/org/freedesktop/secrets");
const QString kServiceInterface = QStringLiteral("org.freedesktop.Secret.Service");

QDBusMessage callService(const QString &method, const QVariantList &arguments)
{
    QDBusMessage message =
        QDBusMessage::createMethodCall(kSecrets, kServicePath, kServiceInterface, method);
    message.setArguments(arguments);
    return QDBusConnection::sessionBus().call(message, QDBus::Block, 10'000);
}

QDBusObjectPath defaultCollection()
{
    const QDBusMessage reply = callService(QStringLiteral("ReadAlias"), {QStringLiteral("default")});
    if (reply.type() != QDBusMessage::ReplyMessage)
        return {};
    return qdbus_cast<QDBusObjectPath>(reply.arguments().value(0));
}

bool lockDefaultCollection()
{
    const QDBusObjectPath collection = defaultCollection();
    if (collection.path().isEmpty())
        return false;
    const QDBusMessage reply = callService(
        QStringLiteral("Lock"), {QVariant::fromValue(QList<QDBusObjectPath> {collection})});
    return reply.type() == QDBusMessage::ReplyMessage;
}

// Items matching QtKeychain's attributes for (service, key): {unlocked, locked} counts.
std::pair<int, int> entries(const QString &service, const QString &key)
{
    const QMap<QString, QString> attributes {{QStringLiteral("user"), key},
                                             {QStringLiteral("server"), service}};
    const QDBusMessage reply =
        callService(QStringLiteral("SearchItems"), {QVariant::fromValue(attributes)});
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() < 2)
        return {-1, -1};
    return {int(qdbus_cast<QList<QDBusObjectPath>>(reply.arguments().at(0)).size()),
            int(qdbus_cast<QList<QDBusObjectPath>>(reply.arguments().at(1)).size())};
}

} // namespace

class TestKeychainLocked : public QObject
{
    Q_OBJECT
    FakeCloudServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run through scripts/run-test.sh --keychain");
        qDBusRegisterMetaType<QMap<QString, QString>>();
        qDBusRegisterMetaType<QList<QDBusObjectPath>>();
        QVERIFY(m_server.listen());
        m_server.on("GET", QStringLiteral("/v2/account"), [](const RecordedRequest &) {
            return FakeResponse::file(testDataPath(QStringLiteral("digitalocean/account.json")));
        });
        m_server.on("GET", QStringLiteral("/v2/droplets"), [](const RecordedRequest &) {
            return FakeResponse::file(
                testDataPath(QStringLiteral("digitalocean/droplets_page1.json")));
        });
    }

    // Runs first: the CLI stores an account while the keyring is open, then it is locked for the
    // rest of the program (gnome-keyring cannot be unlocked here without a prompt).
    void cliSaysUnlockAndKeepsTheAccount()
    {
        const CliRun added =
            runCli({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"),
                    QStringLiteral("digitalocean"), QStringLiteral("--name"), QStringLiteral("work"),
                    QStringLiteral("--endpoint"), m_server.url().toString()},
                   "dop_v1_locked_test\n");
        QVERIFY2(added.exitCode == 0, added.err.constData());

        CredentialStore direct(QStringLiteral("CloudDeckLockedTest"), nullptr);
        const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const auto written = AsyncResult::await<void>([&](Callback<void> done) {
            direct.write(key, {{QStringLiteral("token"), QStringLiteral("t0k3n")}}, done);
        });
        QVERIFY(written);
        QVERIFY2(written->ok(), qPrintable(written->error().message()));
        QCOMPARE(entries(QStringLiteral("CloudDeckLockedTest"), key), std::make_pair(1, 0));

        QVERIFY(lockDefaultCollection());
        QCOMPARE(entries(QStringLiteral("CloudDeckLockedTest"), key), std::make_pair(0, 1));

        // The store: locked, not missing; the removal refused, the entry still there.
        const auto read = AsyncResult::await<QVariantMap>(
            [&](Callback<QVariantMap> done) { direct.read(key, done); });
        QVERIFY(read);
        QVERIFY(!read->ok());
        QCOMPARE(read->error().kind(), Error::Keychain);
        QVERIFY2(read->error().message().contains(QLatin1String("nlock your keyring")),
                 qPrintable(read->error().message()));
        const auto removed =
            AsyncResult::await<void>([&](Callback<void> done) { direct.remove(key, done); });
        QVERIFY(removed);
        QVERIFY(!removed->ok());
        QCOMPARE(removed->error().kind(), Error::Keychain);
        QCOMPARE(entries(QStringLiteral("CloudDeckLockedTest"), key), std::make_pair(0, 1));

        // A missing entry is still "missing" while the keyring is locked.
        const auto missing = AsyncResult::await<QVariantMap>([&](Callback<QVariantMap> done) {
            direct.read(QUuid::createUuid().toString(QUuid::WithoutBraces), done);
        });
        QVERIFY(missing);
        QCOMPARE(missing->error().kind(), Error::CredentialsMissing);

        // The CLI: listing says unlock (exit 3, credentials), removal is refused and keeps it.
        const CliRun list = runCli({QStringLiteral("machines"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 3);
        QVERIFY2(list.err.contains("nlock your keyring"), list.err.constData());
        QVERIFY2(!list.err.contains("No credentials"), list.err.constData());

        const CliRun remove = runCli({QStringLiteral("accounts"), QStringLiteral("remove"),
                                      QStringLiteral("work"), QStringLiteral("--yes")});
        QCOMPARE(remove.exitCode, 3);
        QVERIFY2(!remove.out.contains("Removed"), remove.out.constData());
        QVERIFY2(remove.err.contains("nlock your keyring"), remove.err.constData());
        const QJsonArray accounts =
            QJsonDocument::fromJson(runCli({QStringLiteral("accounts"), QStringLiteral("list"),
                                            QStringLiteral("--json")})
                                        .out)
                .array();
        QCOMPARE(accounts.size(), 1);
        QCOMPARE(entries(QStringLiteral("CloudDeck"), accounts.at(0)[QLatin1String("id")].toString()),
                 std::make_pair(0, 1));
    }
};

QTEST_GUILESS_MAIN(TestKeychainLocked)
#include "tst_keychainlocked.moc"
