// CloudsYaml: openstacksdk's clouds.yaml and secure.yaml into OpenStack accounts, and every bad
// file a clear error: a missing field, an unknown auth type, a vendor profile, not YAML at all.
#include "cloudsyaml.h"
#include "testhelpers.h"

#include <QDir>
#include <QTest>

class TestCloudsYaml : public QObject
{
    Q_OBJECT

    static Result<QList<CloudsYaml::Entry>> parse(const QByteArray &clouds,
                                                  const QByteArray &secure = {},
                                                  const QString &cloud = {})
    {
        return CloudsYaml::parse(clouds, secure, cloud, QStringLiteral("clouds.yaml"));
    }

private Q_SLOTS:
    void readsBothKindsOfCredentials()
    {
        const auto entries = parse(readFixture(QStringLiteral("openstack/clouds.yaml")),
                                   readFixture(QStringLiteral("openstack/secure.yaml")));
        QVERIFY2(entries.ok(), qPrintable(entries.error().message()));
        QCOMPARE(entries.value().size(), 2);

        const CloudsYaml::Entry lab = entries.value()[0];
        QCOMPARE(lab.cloud, QStringLiteral("lab"));
        QCOMPARE(lab.account.providerId, QStringLiteral("openstack"));
        QCOMPARE(lab.account.name, QStringLiteral("lab"));
        QCOMPARE(lab.account.endpoint, QUrl(QStringLiteral("http://openstack.example.com/identity/v3")));
        QCOMPARE(lab.account.settings.value(QStringLiteral("applicationCredentialId")).toString(),
                 QStringLiteral("423f19a4ac1e4f48bbb4180756e6eb6c"));
        QCOMPARE(lab.account.settings.value(QStringLiteral("interface")).toString(),
                 QStringLiteral("public"));
        QCOMPARE(lab.account.regions, QStringList {QStringLiteral("RegionOne")});
        // The secret came from secure.yaml, so there is nothing to warn about.
        QCOMPARE(lab.secrets, QVariantMap({{QStringLiteral("applicationCredentialSecret"),
                                            QStringLiteral("rEaqvJka48mpv-secret-9c1f")}}));
        QVERIFY(lab.notes.isEmpty());
        // Secrets never land in the settings (which go to QSettings).
        for (const QVariant &value : lab.account.settings)
            QVERIFY(!value.toString().contains(QLatin1String("secret")));

        const CloudsYaml::Entry university = entries.value()[1];
        QCOMPARE(university.account.settings.value(QStringLiteral("username")).toString(),
                 QStringLiteral("demo"));
        QCOMPARE(university.account.settings.value(QStringLiteral("projectName")).toString(),
                 QStringLiteral("demo"));
        QCOMPARE(university.account.settings.value(QStringLiteral("userDomainName")).toString(),
                 QStringLiteral("Default"));
        QCOMPARE(university.account.settings.value(QStringLiteral("interface")).toString(),
                 QStringLiteral("public")); // "publicURL"
        QVERIFY(!university.account.settings.contains(QStringLiteral("password")));
        QCOMPARE(university.secrets.value(QStringLiteral("password")).toString(),
                 QStringLiteral("devstacker-password-7b2e"));
        QCOMPARE(university.account.regions,
                 QStringList({QStringLiteral("RegionOne"), QStringLiteral("RegionTwo")}));
        // The plain-text password and verify: false are both pointed out.
        QCOMPARE(university.notes.size(), 2);
        QVERIFY(university.notes[0].contains(QLatin1String("plain text")));
        QVERIFY(university.notes[1].contains(QLatin1String("verify: false")));
        for (const QString &note : university.notes)
            QVERIFY(!note.contains(QLatin1String("devstacker")));
    }

    void oneCloudByName()
    {
        const auto one = parse(readFixture(QStringLiteral("openstack/clouds.yaml")), {},
                               QStringLiteral("university"));
        QVERIFY(one.ok());
        QCOMPARE(one.value().size(), 1);
        QCOMPARE(one.value()[0].cloud, QStringLiteral("university"));
        const auto none = parse(readFixture(QStringLiteral("openstack/clouds.yaml")), {},
                                QStringLiteral("nowhere"));
        QCOMPARE(none.error().kind(), Error::InvalidInput);
        QVERIFY(none.error().message().contains(QLatin1String("lab, university")));
    }

    void aMissingSecretIsAnError()
    {
        // lab without its secure.yaml.
        const auto entries = parse(readFixture(QStringLiteral("openstack/clouds.yaml")));
        QCOMPARE(entries.error().kind(), Error::InvalidInput);
        QVERIFY2(entries.error().message().contains(QLatin1String("application_credential_secret")),
                 qPrintable(entries.error().message()));
    }

    void badFilesAreClearErrors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("words");
        QTest::newRow("missing auth_url")
            << readFixture(QStringLiteral("openstack/clouds_missing_field.yaml")) << "auth.auth_url";
        QTest::newRow("unknown auth type")
            << readFixture(QStringLiteral("openstack/clouds_unknown_auth.yaml"))
            << "auth_type \"v3oidcpassword\"";
        QTest::newRow("no clouds") << QByteArray("clouds_are: []\n") << "no \"clouds\" section";
        QTest::newRow("not yaml") << QByteArray("clouds: [unclosed\n") << "not valid YAML";
        QTest::newRow("a profile")
            << QByteArray("clouds:\n  v:\n    profile: vexxhost\n    auth: {}\n") << "vendor profile";
        QTest::newRow("identity v2")
            << QByteArray("clouds:\n  old:\n    identity_api_version: 2\n    auth:\n"
                          "      auth_url: https://k.example.com/v2.0\n")
            << "v3";
        QTest::newRow("password without project")
            << QByteArray("clouds:\n  p:\n    auth:\n      auth_url: https://k.example.com/v3\n"
                          "      username: u\n      password: p\n")
            << "project_name";
        QTest::newRow("password without user")
            << QByteArray("clouds:\n  p:\n    auth:\n      auth_url: https://k.example.com/v3\n"
                          "      user_id: 123\n      password: p\n      project_id: x\n")
            << "user_id";
        QTest::newRow("auth_url a list")
            << QByteArray("clouds:\n  p:\n    auth:\n      auth_url: [a, b]\n") << "single value";
        QTest::newRow("bad interface")
            << QByteArray("clouds:\n  a:\n    interface: sideways\n    auth:\n"
                          "      auth_url: https://k.example.com/v3\n"
                          "      application_credential_id: i\n"
                          "      application_credential_secret: s\n")
            << "sideways";
    }

    void badFilesAreClearErrors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, words);
        const auto entries = parse(yaml);
        QVERIFY(!entries.ok());
        QCOMPARE(entries.error().kind(), Error::InvalidInput);
        QVERIFY2(entries.error().message().contains(words), qPrintable(entries.error().message()));
    }

    void searchesWhereOpenStackClientsDo()
    {
        const QStringList path = CloudsYaml::searchPath();
        QVERIFY(path.contains(QDir::current().filePath(QStringLiteral("clouds.yaml"))));
        QVERIFY(path.contains(QDir::home().filePath(QStringLiteral(".config/openstack/clouds.yaml"))));
        QVERIFY(path.contains(QStringLiteral("/etc/openstack/clouds.yaml")));
        const auto nothing = CloudsYaml::read(QStringLiteral("/nonexistent/clouds.yaml"), {});
        QCOMPARE(nothing.error().kind(), Error::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestCloudsYaml)
#include "tst_cloudsyaml.moc"
