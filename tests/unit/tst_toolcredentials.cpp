// The credentials of other tools' files (ToolCredentials), from samples written from each tool's
// documentation (tests/data/tools): what is found, what is refused and why, and scan() over a
// home folder laid out as those tools lay it out.
#include "testhelpers.h"
#include "toolcredentials.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {
const ToolCredentials::Found *byContext(const QList<ToolCredentials::Found> &found,
                                        const QString &context)
{
    for (const ToolCredentials::Found &entry : found) {
        if (entry.context == context)
            return &entry;
    }
    return nullptr;
}

} // namespace

class TestToolCredentials : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void doctlContexts()
    {
        const auto found = ToolCredentials::readDoctl(
            readFixture(QStringLiteral("tools/doctl-config.yaml")), QStringLiteral("config.yaml"));
        QCOMPARE(found.size(), 2); // "empty" has no token
        const auto *main = byContext(found, QStringLiteral("default"));
        const auto *work = byContext(found, QStringLiteral("work"));
        QVERIFY(main && work);
        QCOMPARE(main->providerId, QStringLiteral("digitalocean"));
        QVERIFY(main->importable());
        QVERIFY(main->secrets.value(QStringLiteral("token")).toString().startsWith(u"dop_v1_0123"));
        QVERIFY(work->secrets.value(QStringLiteral("token")).toString().startsWith(u"dop_v1_fedc"));
        QCOMPARE(work->suggestedName(), QStringLiteral("doctl work"));
        QVERIFY(main->endpoint.isEmpty());
        QVERIFY(main->settings.isEmpty()); // a token is all DigitalOcean needs
    }

    void doctlApiUrlIsKept()
    {
        const auto found = ToolCredentials::readDoctl(
            "access-token: t\napi-url: https://do-proxy.example.com\n", QStringLiteral("c"));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().endpoint, QUrl(QStringLiteral("https://do-proxy.example.com")));
    }

    void hcloudContexts()
    {
        const auto found = ToolCredentials::readHcloud(
            readFixture(QStringLiteral("tools/hcloud-cli.toml")), QStringLiteral("cli.toml"));
        QCOMPARE(found.size(), 3);
        QCOMPARE(
            byContext(found, QStringLiteral("production"))
                ->secrets.value(QStringLiteral("token"))
                .toString(),
            QStringLiteral("jEheVytlAoFl7F8MqUQ7jAo2hOXASztX9d9Mz0IhJDNc0MdbLKA7JQMAyJXqJ3X0"));
        // A TOML literal string ('...') is taken as it is.
        QCOMPARE(byContext(found, QStringLiteral("staging"))
                     ->secrets.value(QStringLiteral("token"))
                     .toString()
                     .left(6),
                 QStringLiteral("Hp8TJV"));
        const auto *broken = byContext(found, QStringLiteral("broken"));
        QVERIFY(broken && !broken->importable());
        QVERIFY(broken->problem.contains(QLatin1String("no token")));
    }

    void linodeCliUsers()
    {
        const auto found = ToolCredentials::readLinodeCli(
            readFixture(QStringLiteral("tools/linode-cli")), QStringLiteral("linode-cli"));
        QCOMPARE(found.size(), 2); // alice and bob; [DEFAULT] only names the default user
        QVERIFY(byContext(found, QStringLiteral("alice")));
        QVERIFY(byContext(found, QStringLiteral("bob")));
        QCOMPARE(found.first().providerId, QStringLiteral("linode"));
        QVERIFY(found.first().regions.isEmpty()); // its region is a default for creating only
    }

    void vultrCliKey()
    {
        const auto found = ToolCredentials::readVultrCli(
            readFixture(QStringLiteral("tools/vultr-cli.yaml")), QStringLiteral("v"));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().secrets.value(QStringLiteral("token")).toString(),
                 QStringLiteral("EXAMPLEKEYABCDEFGHIJKLMNOPQRSTUVWXYZ"));
        QVERIFY(ToolCredentials::readVultrCli("other: 1\n", QStringLiteral("v")).isEmpty());
    }

    void awsProfiles()
    {
        const auto found = ToolCredentials::readAws(
            readFixture(QStringLiteral("tools/aws-credentials")), QStringLiteral("credentials"),
            readFixture(QStringLiteral("tools/aws-config")), QStringLiteral("config"));
        const auto *main = byContext(found, QStringLiteral("default"));
        QVERIFY(main && main->importable());
        QCOMPARE(main->settings.value(QStringLiteral("accessKeyId")).toString(),
                 QStringLiteral("AKIAIOSFODNN7EXAMPLE"));
        // The secret byte for byte (slashes and all), and nowhere in the settings.
        QCOMPARE(main->secrets.value(QStringLiteral("secretAccessKey")).toString(),
                 QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
        QVERIFY(!main->secrets.contains(QStringLiteral("sessionToken")));
        QCOMPARE(main->file, QStringLiteral("credentials"));
        const auto *temp = byContext(found, QStringLiteral("temp"));
        QVERIFY(
            temp
            && temp->secrets.value(QStringLiteral("sessionToken")).toString().endsWith(u"EXAMPLE"));
        // Profiles CloudDeck cannot sign in with yet are listed with the reason.
        const auto *sso = byContext(found, QStringLiteral("my-sso"));
        QVERIFY(sso && !sso->importable() && sso->problem.contains(QLatin1String("SSO")));
        const auto *external = byContext(found, QStringLiteral("external"));
        QVERIFY(external && external->problem.contains(QLatin1String("credential_process")));
        const auto *admin = byContext(found, QStringLiteral("admin"));
        QVERIFY(admin && admin->problem.contains(QLatin1String("role")));
        // Settings without keys are no credential at all.
        QVERIFY(!byContext(found, QStringLiteral("settings-only")));
        QVERIFY(!byContext(found, QStringLiteral("sso-session my-sso")));
    }

    void brokenFilesSayWhatIsWrong()
    {
        const auto yaml =
            ToolCredentials::readDoctl("access-token: [unclosed\n", QStringLiteral("c"));
        QCOMPARE(yaml.size(), 1);
        QVERIFY(!yaml.first().importable());
        QVERIFY2(yaml.first().problem.contains(QLatin1String("could not be read")),
                 qPrintable(yaml.first().problem));
        const auto toml = ToolCredentials::readHcloud("[[contexts]]\nname\n", QStringLiteral("t"));
        QCOMPARE(toml.size(), 1);
        QVERIFY(toml.first().problem.contains(QLatin1String("line 2")));
    }

    void scanFindsEveryToolWhereItKeepsItsFile()
    {
        QTemporaryDir dir;
        ToolCredentials::Locations where;
        where.home = dir.filePath(QStringLiteral("home"));
        where.configHome = dir.filePath(QStringLiteral("home/.config"));
        QVERIFY(writeFile(where.configHome + QStringLiteral("/doctl/config.yaml"),
                          readFixture(QStringLiteral("tools/doctl-config.yaml"))));
        QVERIFY(writeFile(where.configHome + QStringLiteral("/hcloud/cli.toml"),
                          readFixture(QStringLiteral("tools/hcloud-cli.toml"))));
        QVERIFY(writeFile(where.configHome + QStringLiteral("/linode-cli"),
                          readFixture(QStringLiteral("tools/linode-cli"))));
        QVERIFY(writeFile(where.home + QStringLiteral("/.vultr-cli.yaml"),
                          readFixture(QStringLiteral("tools/vultr-cli.yaml"))));
        QVERIFY(writeFile(where.home + QStringLiteral("/.aws/credentials"),
                          readFixture(QStringLiteral("tools/aws-credentials"))));
        QVERIFY(writeFile(where.home + QStringLiteral("/.aws/config"),
                          readFixture(QStringLiteral("tools/aws-config"))));
        const auto found = ToolCredentials::scan(where);
        QStringList tools;
        for (const auto &entry : found) {
            if (!tools.contains(entry.tool))
                tools.append(entry.tool);
        }
        QCOMPARE(tools, QStringList({QStringLiteral("doctl"), QStringLiteral("hcloud"),
                                     QStringLiteral("linode-cli"), QStringLiteral("vultr-cli"),
                                     QStringLiteral("aws")}));
        QCOMPARE(found.size(), 2 + 3 + 2 + 1 + 5);

        // A folder where a file should be, and a file we may not read: said, not skipped.
        QTemporaryDir other;
        ToolCredentials::Locations odd;
        odd.home = other.filePath(QStringLiteral("home"));
        odd.configHome = other.filePath(QStringLiteral("home/.config"));
        QVERIFY(QDir().mkpath(odd.configHome + QStringLiteral("/doctl/config.yaml")));
        const auto problems = ToolCredentials::scan(odd);
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().problem.contains(QLatin1String("not a file")));

        // Nothing there: nothing found.
        QTemporaryDir empty;
        QVERIFY(ToolCredentials::scan({empty.path(), empty.path(), {}, {}, {}}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestToolCredentials)
#include "tst_toolcredentials.moc"
