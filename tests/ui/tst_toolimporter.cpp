// The add-account sheet's "Import from installed tools" model, under QAbstractItemModelTester,
// with the real keychain, tool files in the formats their documentation gives (tests/data/tools)
// in this test's private HOME, and a local DigitalOcean for Verify: what is listed (and what is
// not importable, and why), one row verified and saved, duplicates recognised, all the rest
// imported, a failed Verify shown and retried, the tools' files never changed and never a
// secret in a role.

#include "accountservice.h"
#include "accountstore.h"
#include "credentialstore.h"
#include "digitaloceanroutes.h"
#include "fakecloudserver.h"
#include "guiservices.h"
#include "inventory.h"
#include "machinemodel.h"
#include "providerregistry.h"
#include "testhelpers.h"
#include "toolimporter.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

namespace {
using Services = GuiServices;

QByteArray digest(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly)
               ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
               : QByteArray();
}

// A home of its own for each case, so each sees exactly the tools it writes.
ToolCredentials::Locations home(const QString &name)
{
    ToolCredentials::Locations where;
    where.home = QDir::homePath() + QStringLiteral("/homes/") + name;
    where.configHome = where.home + QStringLiteral("/.config");
    return where;
}

int rowOf(const ToolImporter &model, const QString &tool, const QString &context)
{
    for (int i = 0; i < model.rowCount(); ++i) {
        const QModelIndex index = model.index(i);
        if (index.data(ToolImporter::ToolRole).toString() == tool
            && index.data(ToolImporter::ContextRole).toString() == context)
            return i;
    }
    return -1;
}

QVariant at(const ToolImporter &model, int row, int role)
{
    return model.index(row).data(role);
}
} // namespace

class TestToolImporter : public QObject
{
    Q_OBJECT
    FakeCloudServer m_server;
    FakeCloudServer m_refusing; ///< a DigitalOcean that refuses every token
    std::unique_ptr<Services> m_services;
    ToolCredentials::Locations m_doctlHome;
    QString m_doctlFile;

    // doctl's config pointed at @p server (its api-url), as a proxy user would have it.
    static QByteArray doctlConfig(const FakeCloudServer &server)
    {
        return readFixture(QStringLiteral("tools/doctl-config.yaml"))
               + "api-url: " + server.url().toString().toUtf8() + "\n";
    }

    void scanned(ToolImporter &model)
    {
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.scan();
        QCOMPARE(reset.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), 15000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setApplicationName(QStringLiteral("clouddeck"));
        QVERIFY(m_server.listen());
        DigitalOceanRoutes::serveAccount(m_server);
        QVERIFY(m_refusing.listen());
        m_refusing.on("GET", QStringLiteral("/v2/account"),
                      FakeResponse::raw(401, R"({"id":"Unauthorized","message":"Unable to )"
                                             R"(authenticate you"})"));
        m_services = std::make_unique<Services>();
        if (!m_services->registry.contains(QStringLiteral("digitalocean")))
            QSKIP("the DigitalOcean plugin is not built");
        m_doctlHome = home(QStringLiteral("doctl"));
        m_doctlFile = m_doctlHome.configHome + QStringLiteral("/doctl/config.yaml");
        QVERIFY(writeFile(m_doctlFile, doctlConfig(m_server)));
    }

    void listsEveryToolAndWhyNot()
    {
        const ToolCredentials::Locations where = home(QStringLiteral("all"));
        QVERIFY(writeFile(where.configHome + QStringLiteral("/doctl/config.yaml"),
                          doctlConfig(m_server)));
        QVERIFY(writeFile(where.configHome + QStringLiteral("/hcloud/cli.toml"),
                          readFixture(QStringLiteral("tools/hcloud-cli.toml"))));
        QVERIFY(writeFile(where.home + QStringLiteral("/.aws/credentials"),
                          readFixture(QStringLiteral("tools/aws-credentials"))));
        QVERIFY(writeFile(where.home + QStringLiteral("/.aws/config"),
                          readFixture(QStringLiteral("tools/aws-config"))));
        ToolImporter model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_services->give(model);
        model.setLocations(where);
        scanned(model);
        QVERIFY2(model.rowCount() >= 8, qPrintable(QString::number(model.rowCount())));

        const int work = rowOf(model, QStringLiteral("doctl"), QStringLiteral("work"));
        QVERIFY(work >= 0);
        QCOMPARE(at(model, work, ToolImporter::StatusRole).toInt(), int(ToolImporter::Available));
        QCOMPARE(at(model, work, ToolImporter::ProviderIdRole).toString(),
                 QStringLiteral("digitalocean"));
        QCOMPARE(at(model, work, ToolImporter::ProviderNameRole).toString(),
                 QStringLiteral("DigitalOcean"));
        QCOMPARE(at(model, work, ToolImporter::AccountNameRole).toString(),
                 QStringLiteral("doctl work"));
        QCOMPARE(at(model, work, ToolImporter::FileRole).toString(),
                 QStringLiteral("~/homes/all/.config/doctl/config.yaml"));
        QVERIFY(at(model, work, ToolImporter::ImportableRole).toBool());

        const int empty = rowOf(model, QStringLiteral("hcloud"), QStringLiteral("broken"));
        QVERIFY(empty >= 0);
        QCOMPARE(at(model, empty, ToolImporter::StatusRole).toInt(),
                 int(ToolImporter::NotImportable));
        QVERIFY(!at(model, empty, ToolImporter::ImportableRole).toBool());
        QCOMPARE(at(model, empty, ToolImporter::ProblemRole).toString(),
                 QStringLiteral("The context has no token."));
        QCOMPARE(at(model, empty, ToolImporter::StatusTextRole).toString(),
                 QStringLiteral("Not importable: The context has no token."));
        // A tool's context without a token at all (doctl's "empty") is not offered.
        QCOMPARE(rowOf(model, QStringLiteral("doctl"), QStringLiteral("empty")), -1);

        // AWS: static keys are offered; SSO and credential_process are listed with the reason.
        const int aws = rowOf(model, QStringLiteral("aws"), QStringLiteral("default"));
        QVERIFY(aws >= 0);
        QCOMPARE(at(model, aws, ToolImporter::StatusRole).toInt(), int(ToolImporter::Available));
        for (const char *profile : {"my-sso", "external"}) {
            const int row = rowOf(model, QStringLiteral("aws"), QLatin1String(profile));
            QVERIFY2(row >= 0, profile);
            QCOMPARE(at(model, row, ToolImporter::StatusRole).toInt(),
                     int(ToolImporter::NotImportable));
            QVERIFY2(at(model, row, ToolImporter::StatusTextRole)
                         .toString()
                         .startsWith(u"Not importable: "),
                     qPrintable(at(model, row, ToolImporter::StatusTextRole).toString()));
        }
        const QString sso = at(model, rowOf(model, QStringLiteral("aws"), QStringLiteral("my-sso")),
                               ToolImporter::ProblemRole)
                                .toString();
        QVERIFY2(sso.contains(u"SSO") || sso.contains(u"Identity Center"), qPrintable(sso));
        QVERIFY(rowOf(model, QStringLiteral("hcloud"), QStringLiteral("production")) >= 0);

        // No role of any row holds a secret.
        const QHash<int, QByteArray> roles = model.roleNames();
        for (int i = 0; i < model.rowCount(); ++i) {
            for (auto it = roles.cbegin(); it != roles.cend(); ++it) {
                const QString value = at(model, i, it.key()).toString();
                QVERIFY2(!value.contains(u"dop_v1_") && !value.contains(u"wJalrXUtnFEMI")
                             && !value.contains(u"EXAMPLEKEY"),
                         it.value().constData());
            }
        }
        QCOMPARE(model.pendingCount(), 6); // 2 doctl, 2 hcloud, aws default and temp
        QCOMPARE(m_server.requestCount(), 0); // nothing verified by listing
        QVERIFY(m_services->accounts.accounts().isEmpty());
    }

    void importOneVerifiesAndSaves()
    {
        const QByteArray before = digest(m_doctlFile);
        ToolImporter model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_services->give(model);
        model.setLocations(m_doctlHome);
        scanned(model);
        const int row = rowOf(model, QStringLiteral("doctl"), QStringLiteral("default"));
        QVERIFY(row >= 0);
        QSignalSpy imported(&model, &ToolImporter::imported);
        QVERIFY(model.importRow(row));
        QCOMPARE(at(model, row, ToolImporter::StatusRole).toInt(), int(ToolImporter::Verifying));
        QVERIFY(model.busy());
        QVERIFY(imported.wait(15000));
        QCOMPARE(imported.constFirst().constFirst().toString(), QStringLiteral("doctl default"));
        QCOMPARE(at(model, row, ToolImporter::StatusRole).toInt(), int(ToolImporter::Imported));
        QCOMPARE(at(model, row, ToolImporter::StatusTextRole).toString(),
                 QStringLiteral("Imported as \"doctl default\""));
        QVERIFY(!model.busy());

        // Verified against the API doctl uses, with that token, once.
        const QList<RecordedRequest> verified =
            m_server.requests("GET", QStringLiteral("/v2/account"));
        QCOMPARE(verified.size(), 1);
        QVERIFY(verified.constFirst().header("Authorization").startsWith("Bearer dop_v1_0123"));
        // Saved, its secret in the keychain only, the user told the file still has it.
        const std::optional<Account> account =
            m_services->accounts.findByName(QStringLiteral("doctl default"));
        QVERIFY(account);
        QCOMPARE(account->endpoint, m_server.url());
        std::optional<Result<QVariantMap>> secret;
        m_services->credentials.read(account->id,
                                     [&secret](Result<QVariantMap> read) { secret = read; });
        QTRY_VERIFY_WITH_TIMEOUT(secret.has_value(), 15000);
        QVERIFY(secret->ok());
        QVERIFY(
            secret->value().value(QStringLiteral("token")).toString().startsWith(u"dop_v1_0123"));
        QCOMPARE(model.notes().size(), 1);
        QVERIFY2(model.notes().constFirst().contains(u"still holds the secret"),
                 qPrintable(model.notes().constFirst()));
        QCOMPARE(digest(m_doctlFile), before); // read, never changed
        QFile settings(QDir::homePath() + QStringLiteral("/.config/clouddeck/accounts.ini"));
        if (settings.open(QIODevice::ReadOnly))
            QVERIFY(!settings.readAll().contains("dop_v1_"));
        // Not importable twice.
        QVERIFY(!model.importRow(row));
    }

    void aRescanRecognisesTheDuplicate()
    {
        ToolImporter model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_services->give(model);
        model.setLocations(m_doctlHome);
        scanned(model);
        const int row = rowOf(model, QStringLiteral("doctl"), QStringLiteral("default"));
        QCOMPARE(at(model, row, ToolImporter::StatusRole).toInt(), int(ToolImporter::Duplicate));
        QCOMPARE(at(model, row, ToolImporter::ExistingAccountRole).toString(),
                 QStringLiteral("doctl default"));
        QCOMPARE(at(model, row, ToolImporter::StatusTextRole).toString(),
                 QStringLiteral("Already added as \"doctl default\""));
        QVERIFY(!at(model, row, ToolImporter::ImportableRole).toBool());
        QVERIFY(!model.importRow(row));
        QCOMPARE(model.pendingCount(), 1); // "work"
    }

    void importAllImportsTheRest()
    {
        ToolImporter model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_services->give(model);
        model.setLocations(m_doctlHome);
        scanned(model);
        const qsizetype accountsBefore = m_services->accounts.accounts().size();
        QCOMPARE(model.importAll(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!model.busy(), 15000);
        const int work = rowOf(model, QStringLiteral("doctl"), QStringLiteral("work"));
        QCOMPARE(at(model, work, ToolImporter::StatusRole).toInt(), int(ToolImporter::Imported));
        QCOMPARE(m_services->accounts.accounts().size(), accountsBefore + 1);
        QCOMPARE(model.pendingCount(), 0);
        QCOMPARE(model.importAll(), 0);
    }

    void aFailedVerifyIsShownAndSavesNothing()
    {
        ToolCredentials::Locations where = home(QStringLiteral("refused"));
        QVERIFY(writeFile(where.configHome + QStringLiteral("/doctl/config.yaml"),
                          "access-token: dop_v1_refused0000000000000000000000000000000000000000"
                          "0000000000000000000000\napi-url: "
                              + m_refusing.url().toString().toUtf8() + "\n"));
        ToolImporter model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_services->give(model);
        model.setLocations(where);
        scanned(model);
        QCOMPARE(model.rowCount(), 1);
        const qsizetype accountsBefore = m_services->accounts.accounts().size();
        QVERIFY(model.importRow(0));
        QTRY_COMPARE_WITH_TIMEOUT(at(model, 0, ToolImporter::StatusRole).toInt(),
                                  int(ToolImporter::Failed), 15000);
        const QString message = at(model, 0, ToolImporter::MessageRole).toString();
        QVERIFY2(!message.isEmpty(), "a failed Verify says why");
        QVERIFY(
            at(model, 0, ToolImporter::StatusTextRole).toString().startsWith(u"Not imported: "));
        QVERIFY(at(model, 0, ToolImporter::ImportableRole).toBool()); // may be tried again
        QCOMPARE(m_services->accounts.accounts().size(), accountsBefore);
        QVERIFY(model.notes().isEmpty());
        // Tried again: verified again (and refused again).
        QVERIFY(model.importRow(0));
        QTRY_COMPARE_WITH_TIMEOUT(at(model, 0, ToolImporter::StatusRole).toInt(),
                                  int(ToolImporter::Failed), 15000);
        QCOMPARE(m_refusing.requests("GET", QStringLiteral("/v2/account")).size(), 2);
    }

    void anUnreadableFileIsARow()
    {
        ToolCredentials::Locations where = home(QStringLiteral("broken"));
        QVERIFY(writeFile(where.configHome + QStringLiteral("/doctl/config.yaml"),
                          "access-token: [unclosed\n  : :\n"));
        ToolImporter model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_services->give(model);
        model.setLocations(where);
        scanned(model);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(at(model, 0, ToolImporter::StatusRole).toInt(), int(ToolImporter::NotImportable));
        QVERIFY(!at(model, 0, ToolImporter::ProblemRole).toString().isEmpty());
    }

    void nothingFound()
    {
        ToolImporter model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_services->give(model);
        model.setLocations(home(QStringLiteral("nothing")));
        scanned(model);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.pendingCount(), 0);
        QVERIFY(model.errorString().isEmpty());
    }
};

QTEST_MAIN(TestToolImporter)
#include "tst_toolimporter.moc"
