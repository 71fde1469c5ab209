#include "accountstore.h"
#include "sshtarget.h"

#include <QTemporaryDir>
#include <QTest>

/// Who and where "Open SSH" and the copied SSH line log in to: the account's options, the
/// machine's own login (Azure's admin user), the provider's default (AWS's ec2-user), then the
/// app's setting; public address first unless the account says private. Values never become
/// more than one argument of the terminal command.
class TestSshTarget : public QObject
{
    Q_OBJECT

    static Machine machine()
    {
        Machine m;
        m.id = QStringLiteral("1");
        m.name = QStringLiteral("web-1");
        m.publicIpv4 = {QStringLiteral("203.0.113.7")};
        m.publicIpv6 = {QStringLiteral("2001:db8::7")};
        m.privateIpv4 = {QStringLiteral("10.0.0.7")};
        return m;
    }

private Q_SLOTS:
    void userComesFromTheFirstThatKnows()
    {
        Machine m = machine();
        Account::Ssh account;
        QCOMPARE(SshTarget::forMachine(m, account, {}, QStringLiteral("root")).user,
                 QStringLiteral("root"));
        QCOMPARE(SshTarget::forMachine(m, account, QStringLiteral("ec2-user"), QStringLiteral("root"))
                     .user,
                 QStringLiteral("ec2-user"));
        m.extra.insert(QStringLiteral("sshUser"), QStringLiteral("azureuser"));
        QCOMPARE(SshTarget::forMachine(m, account, QStringLiteral("ec2-user"), QStringLiteral("root"))
                     .user,
                 QStringLiteral("azureuser"));
        account.user = QStringLiteral("deploy");
        QCOMPARE(SshTarget::forMachine(m, account, QStringLiteral("ec2-user"), QStringLiteral("root"))
                     .user,
                 QStringLiteral("deploy"));
    }

    void hostIsPublicUnlessTheAccountSaysPrivate()
    {
        Machine m = machine();
        Account::Ssh account;
        QCOMPARE(SshTarget::forMachine(m, account, {}, QStringLiteral("root")).host,
                 QStringLiteral("203.0.113.7"));
        account.privateAddress = true;
        QCOMPARE(SshTarget::forMachine(m, account, {}, QStringLiteral("root")).host,
                 QStringLiteral("10.0.0.7"));
        m.privateIpv4.clear(); // no private address: the public one rather than none
        QCOMPARE(SshTarget::forMachine(m, account, {}, QStringLiteral("root")).host,
                 QStringLiteral("203.0.113.7"));
        account.privateAddress = false;
        m.publicIpv4.clear();
        QCOMPARE(SshTarget::forMachine(m, account, {}, QStringLiteral("root")).host,
                 QStringLiteral("2001:db8::7"));
        m.publicIpv6.clear();
        const SshTarget none = SshTarget::forMachine(m, account, {}, QStringLiteral("root"));
        QVERIFY(!none.isValid());
        QCOMPARE(none.commandLine(), QString());
    }

    void commandLineShowsOnlyWhatIsSet()
    {
        Account::Ssh account;
        QCOMPARE(SshTarget::forMachine(machine(), account, {}, QStringLiteral("root")).commandLine(),
                 QStringLiteral("ssh root@203.0.113.7"));
        account.port = 2222;
        account.identityFile = QStringLiteral("/home/ann/.ssh/work key");
        const SshTarget target = SshTarget::forMachine(machine(), account, {}, QStringLiteral("root"));
        QCOMPARE(target.arguments(),
                 (QStringList {QStringLiteral("-p"), QStringLiteral("2222"), QStringLiteral("-i"),
                               QStringLiteral("/home/ann/.ssh/work key"),
                               QStringLiteral("root@203.0.113.7")}));
        // Quoted for a POSIX shell where needed, as the line goes to the clipboard.
        QCOMPARE(target.commandLine(),
                 QStringLiteral("ssh -p 2222 -i '/home/ann/.ssh/work key' root@203.0.113.7"));
    }

    void theTerminalTemplateGetsOneArgumentPerValue()
    {
        Account::Ssh account;
        account.port = 2222;
        account.identityFile = QStringLiteral("~/.ssh/id_ed25519");
        const SshTarget target = SshTarget::forMachine(machine(), account, {}, QStringLiteral("root"));
        // Today's default: options go in right after ssh.
        QCOMPARE(target.fill({QStringLiteral("x-terminal-emulator"), QStringLiteral("-e"),
                              QStringLiteral("ssh"), QStringLiteral("{user}@{host}")}),
                 (QStringList {QStringLiteral("x-terminal-emulator"), QStringLiteral("-e"),
                               QStringLiteral("ssh"), QStringLiteral("-p"), QStringLiteral("2222"),
                               QStringLiteral("-i"), QStringLiteral("~/.ssh/id_ed25519"),
                               QStringLiteral("root@203.0.113.7")}));
        // {ssh} stands for the whole ssh command.
        QCOMPARE(target.fill({QStringLiteral("kitty"), QStringLiteral("{ssh}")}),
                 (QStringList {QStringLiteral("kitty"), QStringLiteral("ssh"), QStringLiteral("-p"),
                               QStringLiteral("2222"), QStringLiteral("-i"),
                               QStringLiteral("~/.ssh/id_ed25519"),
                               QStringLiteral("root@203.0.113.7")}));
        // A template that places the port itself gets no second -p.
        QCOMPARE(target.fill({QStringLiteral("/usr/bin/ssh"), QStringLiteral("-p{port}"),
                              QStringLiteral("{user}@{host}")}),
                 (QStringList {QStringLiteral("/usr/bin/ssh"), QStringLiteral("-i"),
                               QStringLiteral("~/.ssh/id_ed25519"), QStringLiteral("-p2222"),
                               QStringLiteral("root@203.0.113.7")}));
    }

    void theAccountStoreKeepsAndChecksTheOptions()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("accounts.ini"));
        Account account;
        account.name = QStringLiteral("Work");
        account.providerId = QStringLiteral("digitalocean");
        account.ssh.user = QStringLiteral("deploy");
        account.ssh.port = 2222;
        account.ssh.identityFile = QStringLiteral("~/.ssh/work");
        account.ssh.privateAddress = true;
        {
            AccountStore store(file);
            QVERIFY(!store.add(account).isError());
        }
        AccountStore again(file);
        const auto loaded = again.account(account.id);
        QVERIFY(loaded);
        QCOMPARE(loaded->ssh, account.ssh);

        Account::Ssh bad;
        bad.user = QStringLiteral("-oProxyCommand=x");
        QVERIFY(AccountStore::validateSsh(bad).message().contains(QLatin1String("login name")));
        bad = {};
        bad.port = 70000;
        QVERIFY(AccountStore::validateSsh(bad).isError());
        bad = {};
        bad.identityFile = QStringLiteral("-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn");
        QVERIFY2(AccountStore::validateSsh(bad).message().contains(QLatin1String("not the key")),
                 "pasted key material is refused, never stored");
        account.ssh = bad;
        QVERIFY(again.update(account).isError());
        QCOMPARE(AccountStore(file).account(account.id)->ssh.identityFile,
                 QStringLiteral("~/.ssh/work")); // the refused change left the file as it was
    }
};

QTEST_GUILESS_MAIN(TestSshTarget)
#include "tst_sshtarget.moc"
