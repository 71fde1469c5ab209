// CredentialStore against a real gnome-keyring-daemon in a private D-Bus session
// (scripts/run-test.sh starts both). No in-memory stand-in: what is written here is in the Secret
// Service.
#include "credentialstore.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

namespace {
template<typename T>
Result<T> wait(std::function<void(Callback<T>)> start)
{
    std::optional<Result<T>> result;
    start([&result](Result<T> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20'000))
        return Error(Error::Timeout, QStringLiteral("keychain job did not finish"));
    return *result;
}

QString secretToolLookup(const QString &key)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("user"), key});
    tool.waitForFinished(10'000);
    return QString::fromUtf8(tool.readAllStandardOutput() + tool.readAllStandardError());
}
} // namespace

class TestCredentialStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run through scripts/run-test.sh --keychain");
    }

    void writeReadOverwriteDelete()
    {
        CredentialStore store(QStringLiteral("CloudDeckTest"), nullptr);
        const QString account = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString token =
            QStringLiteral("dop_v1_") + QUuid::createUuid().toString(QUuid::Id128);

        auto written = wait<void>([&](Callback<void> done) {
            store.write(account, {{QStringLiteral("token"), token}}, done);
        });
        QVERIFY2(written.ok(), qPrintable(written.error().message()));

        // It is really in the Secret Service, under our schema and the account id.
        const QString found = secretToolLookup(account);
        QVERIFY2(found.contains(account), qPrintable(found));

        auto read =
            wait<QVariantMap>([&](Callback<QVariantMap> done) { store.read(account, done); });
        QVERIFY2(read.ok(), qPrintable(read.error().message()));
        QCOMPARE(read.value().value(QStringLiteral("token")).toString(), token);

        const QString rotated = token + QStringLiteral("-rotated");
        written = wait<void>([&](Callback<void> done) {
            store.write(account, {{QStringLiteral("token"), rotated}}, done);
        });
        QVERIFY(written.ok());
        read = wait<QVariantMap>([&](Callback<QVariantMap> done) { store.read(account, done); });
        QVERIFY(read.ok());
        QCOMPARE(read.value().value(QStringLiteral("token")).toString(), rotated);

        auto removed = wait<void>([&](Callback<void> done) { store.remove(account, done); });
        QVERIFY2(removed.ok(), qPrintable(removed.error().message()));
        read = wait<QVariantMap>([&](Callback<QVariantMap> done) { store.read(account, done); });
        QVERIFY(!read.ok());
        QCOMPARE(read.error().kind(), Error::CredentialsMissing);

        // Removing what is not there is not an error (remove is idempotent).
        removed = wait<void>([&](Callback<void> done) { store.remove(account, done); });
        QVERIFY(removed.ok());
    }

    void missingEntryIsCredentialsMissing()
    {
        CredentialStore store(QStringLiteral("CloudDeckTest"), nullptr);
        auto read = wait<QVariantMap>([&](Callback<QVariantMap> done) {
            store.read(QUuid::createUuid().toString(QUuid::WithoutBraces), done);
        });
        QVERIFY(!read.ok());
        QCOMPARE(read.error().kind(), Error::CredentialsMissing);
        QVERIFY(read.error().message().contains(QLatin1String("enter them again")));
    }

    void accountsDoNotSeeEachOthersSecrets()
    {
        CredentialStore store(QStringLiteral("CloudDeckTest"), nullptr);
        const QString a = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString b = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY(wait<void>([&](Callback<void> done) {
                    store.write(a, {{QStringLiteral("token"), QStringLiteral("secret-a")}}, done);
                }).ok());
        QVERIFY(wait<void>([&](Callback<void> done) {
                    store.write(b,
                                {{QStringLiteral("accessKeyId"), QStringLiteral("AKIDB")},
                                 {QStringLiteral("secretAccessKey"), QStringLiteral("secret-b")}},
                                done);
                }).ok());
        auto readA = wait<QVariantMap>([&](Callback<QVariantMap> done) { store.read(a, done); });
        auto readB = wait<QVariantMap>([&](Callback<QVariantMap> done) { store.read(b, done); });
        QVERIFY(readA.ok() && readB.ok());
        QCOMPARE(readA.value(),
                 (QVariantMap {{QStringLiteral("token"), QStringLiteral("secret-a")}}));
        QCOMPARE(readB.value().value(QStringLiteral("secretAccessKey")).toString(),
                 QStringLiteral("secret-b"));
        QVERIFY(!readB.value().contains(QStringLiteral("token")));

        // Removing one leaves the other.
        QVERIFY(wait<void>([&](Callback<void> done) { store.remove(a, done); }).ok());
        readB = wait<QVariantMap>([&](Callback<QVariantMap> done) { store.read(b, done); });
        QVERIFY(readB.ok());
        QVERIFY(wait<void>([&](Callback<void> done) { store.remove(b, done); }).ok());
    }

    void serviceNamesAreSeparate()
    {
        CredentialStore mine(QStringLiteral("CloudDeckTest"), nullptr);
        CredentialStore other(QStringLiteral("CloudDeckOther"), nullptr);
        const QString account = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY(wait<void>([&](Callback<void> done) {
                    mine.write(account, {{QStringLiteral("token"), QStringLiteral("t")}}, done);
                }).ok());
        auto read =
            wait<QVariantMap>([&](Callback<QVariantMap> done) { other.read(account, done); });
        QCOMPARE(read.error().kind(), Error::CredentialsMissing);
        QVERIFY(wait<void>([&](Callback<void> done) { mine.remove(account, done); }).ok());
    }

    void lockedCollectionIsExplained()
    {
        // Lock every collection through the Secret Service API, as a screen lock would.
        QProcess lock;
        lock.start(QStringLiteral("dbus-send"),
                   {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                    QStringLiteral("--dest=org.freedesktop.secrets"),
                    QStringLiteral("/org/freedesktop/secrets"),
                    QStringLiteral("org.freedesktop.Secret.Service.Lock"),
                    QStringLiteral("array:objpath:/org/freedesktop/secrets/collection/login,"
                                   "/org/freedesktop/secrets/aliases/default")});
        QVERIFY(lock.waitForFinished(10'000));
        QCOMPARE(lock.exitCode(), 0);

        CredentialStore store(QStringLiteral("CloudDeckTest"), nullptr);
        store.setRetryDelayMs(50);
        auto written = wait<void>([&](Callback<void> done) {
            store.write(QUuid::createUuid().toString(QUuid::WithoutBraces),
                        {{QStringLiteral("token"), QStringLiteral("t")}}, done);
        });
        QVERIFY(!written.ok());
        QCOMPARE(written.error().kind(), Error::Keychain);
        const QString message = written.error().message();
        QVERIFY2(message.startsWith(QLatin1String("Your keyring is locked")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("Unlock your keyring")), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
