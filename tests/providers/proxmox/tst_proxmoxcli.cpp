// clouddeck-cli with a Proxmox VE account, run as a real process against the fake cluster over
// HTTPS with a self-signed certificate, and the real keychain: `accounts add --provider proxmox
// --token-id USER@REALM!TOKENID --endpoint https://HOST:8006/api2/json` with the secret on
// stdin is refused until the certificate is pinned (the fingerprint offered), then works with
// --pin-cert; the secret is in no file and no output; machines, actions (accepted is the answer;
// --wait follows the task; destroy needs --yes and a stopped guest), a failed task's text,
// catalogs; a changed certificate is refused.
#include "fakeproxmox.h"
#include "testhelpers.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString s_cli = QStringLiteral(BIN_DIR "/clouddeck-cli");
const QString s_tokenId = u"clouddeck@pve!ci"_s;
const QByteArray s_secret = "3f8c2a1e-7b4d-4e9a-9c1f-2d6b8e0a5c7f";
} // namespace

class TestProxmoxCli : public QObject
{
    Q_OBJECT

    FakeCloudServer m_server;
    TestCertificate m_certificate;
    std::unique_ptr<FakeProxmox> m_cluster;

    CliRun cli(const QStringList &args, const QByteArray &input = {})
    {
        // --wait re-reads the listing every 50 ms instead of every few seconds.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CLOUDDECK_CLI_POLL_MS"_s, u"50"_s);
        return runProcess(s_cli, args, input, env);
    }
    QStringList addArgs(const QString &name) const
    {
        return {u"accounts"_s,   u"add"_s,
                u"--provider"_s, u"proxmox"_s,
                u"--name"_s,     name,
                u"--token-id"_s, s_tokenId,
                u"--endpoint"_s, m_server.url(u"/api2/json"_s).toString()};
    }
    QJsonArray machines()
    {
        const CliRun json = cli({u"machines"_s, u"list"_s, u"--json"_s});
        if (json.exitCode != 0)
            qWarning("%s", json.err.constData());
        return QJsonDocument::fromJson(json.out).array();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(s_cli));
        m_certificate = makeSelfSignedCertificate(u"pve1.lab"_s);
        QVERIFY(!m_certificate.isNull());
        QVERIFY(m_server.listenTls(m_certificate.certificate, m_certificate.key));
        m_cluster =
            std::make_unique<FakeProxmox>(m_server, "PVEAPIToken=clouddeck@pve!ci=" + s_secret);
        m_cluster->setTaskPolls(1);
    }

    void cleanup()
    {
        QVERIFY2(m_cluster->violations().isEmpty(),
                 qPrintable(m_cluster->violations().join(u'\n')));
    }

    void unpinnedCertificateIsRefusedWithItsFingerprint()
    {
        const CliRun add = cli(addArgs(u"lab"_s), s_secret + "\n");
        QCOMPARE(add.exitCode, 4); // network class: TLS
        QVERIFY2(
            add.errText().contains(u"--pin-cert "_s + QString::fromLatin1(m_certificate.sha256())),
            add.err.constData());
        QCOMPARE(m_server.requestCount(), 0); // the token never left
        const CliRun list = cli({u"accounts"_s, u"list"_s, u"--json"_s});
        QVERIFY2(list.exitCode == 0, list.err.constData());
        QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 0); // nothing half-saved
    }

    void pinnedAccountIsAddedWithTheSecretInTheKeychainOnly()
    {
        const CliRun add =
            cli(addArgs(u"lab"_s)
                    + QStringList {u"--pin-cert"_s, QString::fromLatin1(m_certificate.sha256())},
                s_secret + "\n");
        QVERIFY2(add.exitCode == 0, add.err.constData());
        QVERIFY(!add.out.contains(s_secret) && !add.err.contains(s_secret));
        QCOMPARE(m_cluster->requests("GET", u"/version"_s).size(), 1); // verified
        const CliRun list = cli({u"accounts"_s, u"list"_s, u"--json"_s});
        QVERIFY2(list.exitCode == 0, list.err.constData());
        const QJsonArray accounts = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(accounts.size(), 1);
        QCOMPARE(accounts[0][u"provider"_s].toString(), u"proxmox"_s);
        QVERIFY(!list.out.contains(s_secret));
        // The token id is a setting, the secret is not in any file we wrote.
        // Every folder the test runner made (HOME and the XDG folders are siblings in it).
        QDirIterator files(qEnvironmentVariable("CLOUDDECK_TEST_TMP", QDir::homePath()),
                           QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        bool tokenIdStored = false;
        while (files.hasNext()) {
            QFile file(files.next());
            if (file.size() > 50'000'000 || !file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = file.readAll();
            if (file.fileName().contains(u"keyrings"_s))
                continue; // gnome-keyring's own (encrypted) store
            QVERIFY2(!bytes.contains(s_secret), qPrintable(file.fileName()));
            tokenIdStored = tokenIdStored || bytes.contains("clouddeck@pve!ci");
        }
        QVERIFY(tokenIdStored);
    }

    void listsGuestsTemplatesAndAddresses()
    {
        const QJsonArray list = machines();
        QCOMPARE(list.size(), 9);
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue &machine : list)
            byId.insert(machine[u"id"_s].toString(), machine.toObject());
        QCOMPARE(byId.value(u"qemu/9000"_s).value(u"state"_s).toString(), u"template"_s);
        QCOMPARE(byId.value(u"qemu/100"_s).value(u"state"_s).toString(), u"running"_s);
        QCOMPARE(byId.value(u"qemu/100"_s).value(u"region"_s).toString(), u"pve1"_s);
        QVERIFY2(QJsonDocument(byId.value(u"qemu/100"_s)).toJson().contains("203.0.113.21"),
                 QJsonDocument(byId.value(u"qemu/100"_s)).toJson().constData());
        const CliRun table = cli({u"machines"_s, u"list"_s});
        QVERIFY2(table.exitCode == 0, table.err.constData());
        QVERIFY(table.outText().contains(u"debian-12-cloud"_s));
        // The table prints state ids, as for every provider ("running", "template").
        QVERIFY(table.outText().contains(u" template "_s));
    }

    void startIsAcceptedThenFollowedWithWait()
    {
        const QString statusPath = u"/nodes/{node}/tasks/{upid}/status"_s;
        const int before = int(m_cluster->requests("GET", statusPath).size());
        // Without --wait: accepted (the task's UPID came back) is the answer; nothing followed.
        const CliRun accepted = cli({u"machines"_s, u"start"_s, u"db-01"_s});
        QVERIFY2(accepted.exitCode == 0, accepted.err.constData());
        QVERIFY2(accepted.outText().contains(u"accepted by Proxmox VE"_s), accepted.out.constData());
        const auto posts = m_cluster->requests("POST", u"/nodes/{node}/qemu/{vmid}/status/start"_s);
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.first().path, u"/api2/json/nodes/pve2/qemu/101/status/start"_s);
        QCOMPARE(m_cluster->requests("GET", statusPath).size(), before);
        // With --wait: the task is read on its node until it stopped, then the guest runs.
        const CliRun start = cli({u"machines"_s, u"start"_s, u"db-01"_s, u"--wait"_s});
        QVERIFY2(start.exitCode == 0, start.err.constData());
        QCOMPARE(m_cluster->requests("POST", u"/nodes/{node}/qemu/{vmid}/status/start"_s).size(),
                 2);
        QVERIFY(m_cluster->requests("GET", statusPath).size() > before);
        QCOMPARE(m_cluster->requests("GET", statusPath).last().pathArgs.at(1),
                 m_cluster->tasks().last());
        QCOMPARE(m_cluster->resource(u"qemu/101"_s).value(u"status"_s).toString(), u"running"_s);
    }

    void failedTaskIsAProviderError()
    {
        m_cluster->failNextTask(u"VM quota exceeded on pool 'prod'"_s);
        const CliRun start = cli({u"machines"_s, u"start"_s, u"ci-runner"_s, u"--wait"_s});
        QCOMPARE(start.exitCode, 5);
        QVERIFY2(start.errText().contains(u"VM quota exceeded on pool 'prod'"_s),
                 start.err.constData());
    }

    void destroyNeedsYesAndAStoppedGuest()
    {
        const CliRun unconfirmed = cli({u"machines"_s, u"destroy"_s, u"ci-runner"_s});
        QCOMPARE(unconfirmed.exitCode, 2);
        const CliRun running = cli({u"machines"_s, u"destroy"_s, u"web-01"_s, u"--yes"_s});
        QVERIFY(running.exitCode != 0);
        QVERIFY2(running.errText().contains(u"only stopped"_s), running.err.constData());
        QCOMPARE(m_cluster->requests("DELETE", u"/nodes/{node}/qemu/{vmid}"_s).size(), 0);
        const CliRun destroyed =
            cli({u"machines"_s, u"destroy"_s, u"ci-runner"_s, u"--yes"_s, u"--wait"_s});
        QVERIFY2(destroyed.exitCode == 0, destroyed.err.constData());
        const auto deletes = m_cluster->requests("DELETE", u"/nodes/{node}/lxc/{vmid}"_s);
        QCOMPARE(deletes.size(), 1);
        QCOMPARE(deletes.first().target,
                 QByteArray("/api2/json/nodes/pve1/lxc/201?purge=1&destroy-unreferenced-disks=1"));
        QVERIFY(m_cluster->resource(u"lxc/201"_s).isEmpty());
    }

    void catalogs()
    {
        const CliRun regions = cli({u"regions"_s, u"--account"_s, u"lab"_s});
        QVERIFY2(regions.exitCode == 0, regions.err.constData());
        QVERIFY(regions.outText().contains(u"pve2"_s));
        const CliRun sizes = cli({u"sizes"_s, u"--account"_s, u"lab"_s});
        QVERIFY2(sizes.exitCode == 0, sizes.err.constData());
        QVERIFY(sizes.outText().contains(u"c2-m4096"_s));
        const CliRun images = cli({u"images"_s, u"--account"_s, u"lab"_s, u"--json"_s});
        QVERIFY2(images.exitCode == 0, images.err.constData());
        QVERIFY(images.outText().contains(u"qemu/9000"_s));
        QVERIFY(!images.outText().contains(u"qemu/100\""_s));
    }

    void changedCertificateIsRefused()
    {
        const TestCertificate other = makeSelfSignedCertificate(u"pve1.lab"_s);
        QVERIFY(!other.isNull());
        m_server.setCertificate(other.certificate, other.key);
        m_server.disconnectAll();
        const int before = m_server.requestCount();
        const CliRun list = cli({u"machines"_s, u"list"_s, u"--json"_s});
        QVERIFY(list.exitCode != 0);
        QVERIFY2(list.errText().contains(u"changed"_s), list.err.constData());
        QCOMPARE(m_server.requestCount(), before);
        m_server.setCertificate(m_certificate.certificate, m_certificate.key);
    }
};

QTEST_GUILESS_MAIN(TestProxmoxCli)
#include "tst_proxmoxcli.moc"
