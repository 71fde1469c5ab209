// Runs WITHOUT a session bus (scripts/run-test.sh unsets DBUS_SESSION_BUS_ADDRESS for tests that
// do not ask for a keychain): the Secret Service cannot be reached, and CredentialStore must say
// what to do about it, after one retry, without falling back to storing secrets anywhere else.
#include "credentialstore.h"

#include <QDirIterator>
#include <QStandardPaths>
#include <QTest>

class TestKeychainUnavailable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noSecretServiceIsExplained()
    {
        QVERIFY(!qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"));
        CredentialStore store(QStringLiteral("CloudDeckTest"), nullptr);
        store.setRetryDelayMs(10);
        std::optional<Result<void>> written;
        const QString secret = QStringLiteral("never-on-disk-7f3a9c");
        store.write(QStringLiteral("account-1"), {{QStringLiteral("token"), secret}},
                    [&written](Result<void> r) { written = r; });
        QVERIFY(!written.has_value()); // never synchronously
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 20'000);
        QVERIFY(!written->ok());
        QCOMPARE(written->error().kind(), Error::Keychain);
        const QString message = written->error().message();
        QVERIFY2(message.contains(QLatin1String("keychain is not available")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("gnome-keyring")), qPrintable(message));
        QVERIFY(!message.contains(secret));

        // No insecure fallback: nothing was written under HOME.
        QDirIterator files(QDir::homePath(), QDir::Files | QDir::Hidden,
                           QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(secret.toUtf8()), qPrintable(file.fileName()));
        }

        std::optional<Result<QVariantMap>> read;
        store.read(QStringLiteral("account-1"), [&read](Result<QVariantMap> r) { read = r; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 20'000);
        QCOMPARE(read->error().kind(), Error::Keychain);
    }
};

QTEST_GUILESS_MAIN(TestKeychainUnavailable)
#include "tst_keychainunavailable.moc"
