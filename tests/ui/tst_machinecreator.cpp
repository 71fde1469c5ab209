// The create wizard's keys from this computer: only ~/.ssh's public keys are listed (a private
// key, junk and a .pub holding a private key are not), a chosen file is checked the same way
// with a clear message, and a selected key goes into the request as its key line, as
// `--ssh-key <line>` does; clouds that take only stored keys say so.

#include "accountstore.h"
#include "localsshkeys.h"
#include "machinecreator.h"
#include "providerregistry.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QByteArray aliceKey =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGcHp9PEIsaCks73qLxvhzguXRRIyVozLpbL5HC7dcPt alice@laptop";
const QByteArray aliceFingerprint = "SHA256:hYh+7+eKOE2x8LrKU/Td3qRTqP+06/hZYGcHKQslzsA";
// Not a real key: the block's shape is what matters.
const QByteArray privateBlock = "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                                "c2VjcmV0LWJvZHktdGhhdC1tdXN0LW5ldmVyLWJlLXJlYWQ=\n"
                                "-----END OPENSSH PRIVATE KEY-----\n";

void write(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}
} // namespace

class TestMachineCreator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // QDir::homePath() follows HOME: the wizard reads this ~/.ssh and no other.
        qputenv("HOME", m_home.path().toLocal8Bit());
        const QString ssh = m_home.path() + QStringLiteral("/.ssh");
        QVERIFY(QDir().mkpath(ssh));
        write(ssh + QStringLiteral("/id_ed25519.pub"), aliceKey + "\n");
        write(ssh + QStringLiteral("/id_ed25519"), privateBlock);
        write(ssh + QStringLiteral("/stolen.pub"), privateBlock); // a private key misnamed
        write(ssh + QStringLiteral("/junk.pub"), "not a key at all\n");
        write(ssh + QStringLiteral("/known_hosts"), "host ssh-ed25519 AAAA\n");
        write(ssh + QStringLiteral("/config"), "Host *\n");
    }

    void listsOnlyThePublicKeys()
    {
        MachineCreator creator;
        const QVariantList keys = creator.localKeys();
        QCOMPARE(keys.size(), 1);
        const QVariantMap key = keys.constFirst().toMap();
        QCOMPARE(key.value(QStringLiteral("name")).toString(), QStringLiteral("alice@laptop"));
        QCOMPARE(key.value(QStringLiteral("fingerprint")).toByteArray(), aliceFingerprint);
        QCOMPARE(key.value(QStringLiteral("id")).toByteArray(), aliceKey);
        QCOMPARE(key.value(QStringLiteral("file")).toString(),
                 QStringLiteral("~/.ssh/id_ed25519.pub"));
    }

    void aKeyWithoutCommentIsNamedByItsFile()
    {
        const QString path = m_home.path() + QStringLiteral("/bare.pub");
        write(path, aliceKey.left(aliceKey.lastIndexOf(' ')) + "\n");
        const Result<LocalSshKeys::Key> key = LocalSshKeys::read(path);
        QVERIFY(key.ok());
        QCOMPARE(key.value().name, QStringLiteral("bare.pub"));
    }

    void choosingAFileChecksIt_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("says");
        QTest::newRow("private key")
            << QStringLiteral(".ssh/id_ed25519") << QStringLiteral("not a public key file");
        QTest::newRow("private block in a .pub")
            << QStringLiteral(".ssh/stolen.pub") << QStringLiteral("holds a private key");
        QTest::newRow("junk") << QStringLiteral(".ssh/junk.pub")
                              << QStringLiteral("not an OpenSSH public key");
        QTest::newRow("missing") << QStringLiteral("nothing.pub")
                                 << QStringLiteral("could not be read");
    }
    void choosingAFileChecksIt()
    {
        QFETCH(QString, file);
        QFETCH(QString, says);
        MachineCreator creator;
        QSignalSpy changed(&creator, &MachineCreator::localKeysChanged);
        QVERIFY(!creator.addLocalKeyFile(QUrl::fromLocalFile(m_home.filePath(file))));
        QVERIFY2(creator.localKeyError().contains(says), qPrintable(creator.localKeyError()));
        // The message never quotes what the file holds.
        QVERIFY(!creator.localKeyError().contains(QStringLiteral("c2VjcmV0")));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(creator.localKeys().size(), 1);
        QVERIFY(creator.keys().isEmpty());
    }

    // A .pub from elsewhere is listed; with a cloud that takes key lines (the Demo cloud, as
    // Linode, Azure and Google Cloud) it is selected and goes into the request as its line.
    void aChosenKeyGoesIntoTheRequestAsItsLine()
    {
        ProviderRegistry registry;
        QVERIFY(registry.contains(QStringLiteral("demo")));
        AccountStore accounts(m_home.filePath(QStringLiteral("accounts.ini")));
        Account demo;
        demo.providerId = QStringLiteral("demo");
        demo.name = QStringLiteral("Demo");
        QVERIFY(!accounts.add(demo, &registry).isError());
        Account droplets;
        droplets.providerId = QStringLiteral("digitalocean");
        droplets.name = QStringLiteral("Droplets");
        QVERIFY(!accounts.add(droplets, &registry).isError());

        MachineCreator creator;
        creator.setRegistry(&registry);
        creator.setAccountStore(&accounts);
        creator.setAccountId(demo.id);
        QVERIFY(creator.acceptsLocalKeys());
        QVERIFY(creator.localKeyNote().isEmpty());

        const QString other = m_home.filePath(QStringLiteral("work.pub"));
        const QByteArray workKey =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDLPFdwrZgZV0xvOTXznWA6ZuLpykJS+xl3bmynI3aqV work";
        write(other, workKey + "\n");
        QVERIFY(creator.addLocalKeyFile(QUrl::fromLocalFile(other)));
        QVERIFY(creator.localKeyError().isEmpty());
        QCOMPARE(creator.localKeys().size(), 2);
        QCOMPARE(creator.keys(), QStringList {QString::fromLatin1(workKey)});
        creator.toggleKey(QString::fromLatin1(aliceKey));
        QCOMPARE(creator.keys().size(), 2);
        const QStringList names = creator.review().value(QStringLiteral("keys")).toStringList();
        QVERIFY2(names.contains(QStringLiteral("work (from this computer)")),
                 qPrintable(names.join(u',')));
        // The same file again: listed once.
        QVERIFY(creator.addLocalKeyFile(QUrl::fromLocalFile(other)));
        QCOMPARE(creator.localKeys().size(), 2);
        // Rescanning ~/.ssh keeps the key chosen from elsewhere.
        creator.reloadLocalKeys();
        QCOMPARE(creator.localKeys().size(), 2);

        // DigitalOcean takes only keys stored in the account: nothing is selected for it, and
        // the wizard says which clouds take a key from this computer.
        creator.setAccountId(droplets.id);
        QVERIFY(!creator.acceptsLocalKeys());
        QVERIFY(creator.addLocalKeyFile(QUrl::fromLocalFile(other)));
        QVERIFY(creator.keys().isEmpty());
        const QString note = creator.localKeyNote();
        QVERIFY2(note.contains(QStringLiteral("DigitalOcean takes only keys stored")),
                 qPrintable(note));
        QVERIFY2(note.contains(QStringLiteral("Linode")), qPrintable(note));
    }

private:
    QTemporaryDir m_home;
};

QTEST_GUILESS_MAIN(TestMachineCreator)
#include "tst_machinecreator.moc"
