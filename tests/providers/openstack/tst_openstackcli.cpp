// clouddeck-cli with OpenStack accounts, run as a real process against the fake cloud and a real
// keychain: `accounts add` with an application credential, machines of every region, an action,
// a busy server, and `accounts import --clouds-yaml` with secure.yaml, its default search path,
// and files it must refuse without saving anything.
#include "fakeopenstack.h"
#include "testhelpers.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString s_cli = QStringLiteral(BIN_DIR "/clouddeck-cli");
const QString s_edge = QStringLiteral("7c6b5a49-3827-4160-9f8e-7d6c5b4a3928");
} // namespace

class TestOpenStackCli : public QObject
{
    Q_OBJECT

    FakeCloudServer m_server;
    std::unique_ptr<FakeOpenStack> m_fake;
    QTemporaryDir m_files;

    CliRun cli(const QStringList &args, const QByteArray &input = {})
    {
        return runProcess(s_cli, args, input);
    }

    /// A tests/data/openstack file with the fake cloud's URL in place of openstack.example.com.
    QString copy(const QString &name, const QString &as, const QString &folder = {})
    {
        QByteArray bytes = readFixture(QStringLiteral("openstack/") + name);
        bytes.replace("http://openstack.example.com", m_server.url().toEncoded());
        const QString dir = folder.isEmpty() ? m_files.path() : folder;
        QDir().mkpath(dir);
        QFile file(dir + QLatin1Char('/') + as);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(bytes);
        return file.fileName();
    }

    QStringList accountNames()
    {
        const CliRun json =
            cli({QStringLiteral("accounts"), QStringLiteral("list"), QStringLiteral("--json")});
        QStringList names;
        for (const QJsonValue &account : QJsonDocument::fromJson(json.out).array())
            names.append(account[QLatin1String("name")].toString());
        return names;
    }

    /// Whether any file under HOME holds @p secret in clear (the keychain's file is encrypted).
    static bool homeHolds(const QByteArray &secret)
    {
        QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret)
                && !file.fileName().endsWith(QLatin1String(".yaml")))
                return true;
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(s_cli));
        QVERIFY(m_files.isValid());
        QVERIFY(m_server.listen());
        m_fake = std::make_unique<FakeOpenStack>(m_server);
        m_fake->serveFixtures();
    }

    void cleanup()
    {
        QVERIFY2(m_fake->violations().isEmpty(),
                 qPrintable(m_fake->violations().join(QLatin1Char('\n'))));
    }

    void addsAnApplicationCredentialAccount()
    {
        const CliRun add = cli(
            {QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"),
             QStringLiteral("openstack"), QStringLiteral("--name"), QStringLiteral("lab"),
             QStringLiteral("--endpoint"), m_server.url(QStringLiteral("/identity/v3")).toString(),
             QStringLiteral("--application-credential-id"),
             QString::fromLatin1(FakeOpenStack::appCredentialId)},
            QByteArray(FakeOpenStack::appCredentialSecret) + "\n\n");
        QVERIFY2(add.exitCode == 0, add.err.constData());
        QVERIFY(!add.out.contains(FakeOpenStack::appCredentialSecret)
                && !add.err.contains(FakeOpenStack::appCredentialSecret));
        QCOMPARE(m_server.requests("POST", QStringLiteral("/identity/v3/auth/tokens")).size(), 1);
        QVERIFY(!homeHolds(FakeOpenStack::appCredentialSecret));
    }

    void listsTheMachinesOfEveryRegion()
    {
        const CliRun json =
            cli({QStringLiteral("machines"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonArray machines = QJsonDocument::fromJson(json.out).array();
        QCOMPARE(machines.size(), 4);
        QSet<QString> regions;
        for (const QJsonValue &machine : machines) {
            QCOMPARE(machine[QLatin1String("provider")].toString(), QStringLiteral("openstack"));
            regions.insert(machine[QLatin1String("region")].toString());
        }
        QCOMPARE(regions, QSet<QString>({QStringLiteral("RegionOne"), QStringLiteral("RegionTwo")}));
        QVERIFY(!json.out.contains("gAAAAABfake-token"));
    }

    void startsAServerInItsRegion()
    {
        const CliRun start = cli({QStringLiteral("machines"), QStringLiteral("start"), s_edge,
                                  QStringLiteral("--account"), QStringLiteral("lab")});
        QVERIFY2(start.exitCode == 0, start.err.constData());
        const auto actions =
            m_server.requests("POST", QStringLiteral("/r2/compute/v2.1/servers/*/action"));
        QCOMPARE(actions.size(), 1);
        QCOMPARE(actions[0].body, QByteArray(R"({"os-start":null})"));
    }

    void aBusyServerIsAProviderError()
    {
        m_server.enqueue("POST", QStringLiteral("/r2/compute/v2.1/servers/*/action"),
                         m_fake->reply(QStringLiteral("error_conflicting_request"), 409));
        const CliRun start = cli({QStringLiteral("machines"), QStringLiteral("start"), s_edge,
                                  QStringLiteral("--account"), QStringLiteral("lab")});
        QCOMPARE(start.exitCode, 5);
        QVERIFY2(start.errText().contains(QLatin1String("The machine is busy")), start.err.constData());
    }

    void importRefusesBadFilesAndSavesNothing_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("words");
        QTest::newRow("missing field") << "clouds_missing_field.yaml" << "auth.auth_url";
        QTest::newRow("unknown auth type") << "clouds_unknown_auth.yaml" << "v3oidcpassword";
        // "lab" exists already: the other cloud of the file is not imported either.
        QTest::newRow("name taken") << "clouds.yaml" << "already exists";
    }

    void importRefusesBadFilesAndSavesNothing()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, words);
        const QString folder = m_files.path() + QLatin1Char('/') + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
        const QString file = copy(fixture, QStringLiteral("clouds.yaml"), folder);
        copy(QStringLiteral("secure.yaml"), QStringLiteral("secure.yaml"), folder);
        const CliRun run = cli({QStringLiteral("accounts"), QStringLiteral("import"),
                                QStringLiteral("--clouds-yaml"), file});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(words), run.err.constData());
        QCOMPARE(accountNames(), QStringList {QStringLiteral("lab")});
    }

    void importsCloudsYamlWithSecureYaml()
    {
        QVERIFY(cli({QStringLiteral("accounts"), QStringLiteral("remove"), QStringLiteral("lab"),
                     QStringLiteral("--yes")})
                    .exitCode
                == 0);
        const QString folder = m_files.path() + QStringLiteral("/both");
        const QString file = copy(QStringLiteral("clouds.yaml"), QStringLiteral("clouds.yaml"), folder);
        copy(QStringLiteral("secure.yaml"), QStringLiteral("secure.yaml"), folder);
        m_server.clearRequests();
        const CliRun run = cli({QStringLiteral("accounts"), QStringLiteral("import"),
                                QStringLiteral("--clouds-yaml"), file});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.outText().contains(QLatin1String("Imported OpenStack account \"lab\"")));
        QVERIFY(run.outText().contains(QLatin1String("Imported OpenStack account \"university\"")));
        // The user is told the password is still in the file, and about verify: false.
        QVERIFY2(run.errText().contains(QLatin1String("plain text")), run.err.constData());
        QVERIFY(run.errText().contains(QLatin1String("verify: false")));
        QVERIFY(!run.out.contains(FakeOpenStack::password) && !run.err.contains(FakeOpenStack::password));
        // Both signed in before anything was saved: application credential, then password.
        const auto auth = m_server.requests("POST", QStringLiteral("/identity/v3/auth/tokens"));
        QCOMPARE(auth.size(), 2);
        QCOMPARE(accountNames(), QStringList({QStringLiteral("lab"), QStringLiteral("university")}));
        QVERIFY(!homeHolds(FakeOpenStack::password));
        QVERIFY(!homeHolds(FakeOpenStack::appCredentialSecret));

        const CliRun list =
            cli({QStringLiteral("accounts"), QStringLiteral("list"), QStringLiteral("--json")});
        for (const QJsonValue &account : QJsonDocument::fromJson(list.out).array()) {
            if (account[QLatin1String("name")] == QLatin1String("university")) {
                QCOMPARE(account[QLatin1String("regions")].toArray().size(), 2);
                QCOMPARE(account[QLatin1String("settings")][QLatin1String("projectName")].toString(),
                         QStringLiteral("demo"));
            }
        }
        const CliRun verify = cli({QStringLiteral("accounts"), QStringLiteral("verify"),
                                   QStringLiteral("university")});
        QVERIFY2(verify.exitCode == 0, verify.err.constData());
    }

    void importsFromTheDefaultSearchPath()
    {
        QVERIFY(cli({QStringLiteral("accounts"), QStringLiteral("remove"), QStringLiteral("lab"),
                     QStringLiteral("--yes")})
                    .exitCode
                == 0);
        const QString folder = QDir::home().filePath(QStringLiteral(".config/openstack"));
        copy(QStringLiteral("clouds.yaml"), QStringLiteral("clouds.yaml"), folder);
        copy(QStringLiteral("secure.yaml"), QStringLiteral("secure.yaml"), folder);
        const CliRun run = cli({QStringLiteral("accounts"), QStringLiteral("import"),
                                QStringLiteral("--clouds-yaml"), QStringLiteral("--cloud"),
                                QStringLiteral("lab")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.errText().isEmpty()); // lab's secret is in secure.yaml: nothing to warn about
        QCOMPARE(accountNames(), QStringList({QStringLiteral("lab"), QStringLiteral("university")}));
        const CliRun machines = cli({QStringLiteral("machines"), QStringLiteral("list"),
                                     QStringLiteral("--account"), QStringLiteral("lab"),
                                     QStringLiteral("--json")});
        QVERIFY2(machines.exitCode == 0, machines.err.constData());
        // lab is limited to region_name RegionOne.
        QCOMPARE(QJsonDocument::fromJson(machines.out).array().size(), 3);
    }

    void importNeedsTheFlag()
    {
        const CliRun run = cli({QStringLiteral("accounts"), QStringLiteral("import")});
        QCOMPARE(run.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestOpenStackCli)
#include "tst_openstackcli.moc"
