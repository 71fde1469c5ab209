// The add-account form's logic against a local HTTPS DigitalOcean: Verify before Save, the
// certificate pin prompt for a self-signed endpoint, the exact problem on failure, and where the
// secret goes (the keychain, never accounts.ini).

#include "accounteditor.h"
#include "accountservice.h"
#include "accountstore.h"
#include "asyncresult.h"
#include "credentialstore.h"
#include "fakecloudserver.h"
#include "format.h"
#include "guiservices.h"
#include "inventory.h"
#include "machinemodel.h"
#include "providerregistry.h"
#include "testhelpers.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using Services = GuiServices;

class TestAccountEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setApplicationName(QStringLiteral("clouddeck"));
        m_certificate = makeSelfSignedCertificate();
        QVERIFY(!m_certificate.isNull());
        QVERIFY(m_https.listenTls(m_certificate.certificate, m_certificate.key));
        m_https.on("GET", QStringLiteral("/v2/account"),
                   FakeResponse::file(testDataPath(QStringLiteral("digitalocean/account.json"))));
        m_services = std::make_unique<Services>();
        if (!m_services->registry.contains(QStringLiteral("digitalocean")))
            QSKIP("the DigitalOcean plugin is not built");
    }

    void selfSignedEndpointAsksToPinThenVerifiesAndSaves()
    {
        AccountEditor editor;
        m_services->give(editor);
        editor.setProviderId(QStringLiteral("digitalocean"));
        QCOMPARE(editor.fields().size(), 1);
        QVERIFY(editor.fields().constFirst().toMap().value(QStringLiteral("secret")).toBool());
        editor.setName(QStringLiteral("Private cloud"));
        QVERIFY(!editor.complete());
        editor.setField(QStringLiteral("token"), QStringLiteral("dop_v1_secret_for_test"));
        QCOMPARE(editor.field(QStringLiteral("token")), QString()); // never readable back
        editor.setEndpoint(m_https.url().toString());
        QVERIFY(editor.complete());

        // Save does nothing before Verify.
        editor.save();
        QCOMPARE(editor.status(), AccountEditor::Editing);

        editor.verify();
        QCOMPARE(editor.status(), AccountEditor::Verifying);
        QTRY_COMPARE_WITH_TIMEOUT(editor.status(), AccountEditor::NeedsPin, 15000);
        QCOMPARE(editor.certificateFingerprint(),
                 Format::fingerprint(QString::fromLatin1(m_certificate.sha256())));
        QVERIFY2(editor.message().contains(QLatin1String("not trusted")),
                 qPrintable(editor.message()));

        editor.trustCertificate();
        QTRY_COMPARE_WITH_TIMEOUT(editor.status(), AccountEditor::Verified, 15000);
        QVERIFY(!editor.message().isEmpty());
        const RecordedRequest request = m_https.lastRequest();
        QCOMPARE(request.path, QStringLiteral("/v2/account"));
        QCOMPARE(request.header("authorization"), QByteArray("Bearer dop_v1_secret_for_test"));

        QSignalSpy saved(&editor, &AccountEditor::saved);
        editor.save();
        QVERIFY(saved.wait(15000));
        const QString id = saved.constFirst().constFirst().toString();
        QCOMPARE(editor.status(), AccountEditor::Saved);

        const auto account = m_services->accounts.account(id);
        QVERIFY(account);
        QCOMPARE(account->name, QStringLiteral("Private cloud"));
        QCOMPARE(account->pinnedCertificateSha256, m_certificate.sha256());

        // The secret is in the keychain and nowhere in the settings file.
        CredentialStore keychain;
        const auto secrets = AsyncResult::run<QVariantMap>(
            [&](Callback<QVariantMap> done) { keychain.read(id, done); });
        QVERIFY2(secrets->ok(), secrets->describe());
        QCOMPARE(secrets->result->value().value(QStringLiteral("token")).toString(),
                 QStringLiteral("dop_v1_secret_for_test"));
        QFile settings(AccountStore::defaultFileName());
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QVERIFY(!settings.readAll().contains("dop_v1_secret_for_test"));
    }

    void rejectedTokenShowsTheProvidersWords()
    {
        FakeCloudServer http;
        QVERIFY(http.listen());
        http.on("GET", QStringLiteral("/v2/account"),
                FakeResponse::raw(
                    401, R"({"id":"unauthorized","message":"Unable to authenticate you"})"));
        AccountEditor editor;
        m_services->give(editor);
        editor.setProviderId(QStringLiteral("digitalocean"));
        editor.setField(QStringLiteral("token"), QStringLiteral("dop_v1_wrong"));
        editor.setEndpoint(http.url().toString());
        editor.verify();
        QTRY_COMPARE_WITH_TIMEOUT(editor.status(), AccountEditor::Failed, 15000);
        QVERIFY2(editor.message().contains(QLatin1String("Unable to authenticate you")),
                 qPrintable(editor.message()));
        editor.save();
        QCOMPARE(editor.status(), AccountEditor::Failed); // nothing saved
    }

    void editingAfterVerifyAsksForVerifyAgain()
    {
        AccountEditor editor;
        m_services->give(editor);
        editor.setProviderId(QStringLiteral("demo"));
        editor.verify();
        QTRY_COMPARE_WITH_TIMEOUT(editor.status(), AccountEditor::Verified, 15000);
        editor.setEndpoint(QStringLiteral("https://example.invalid"));
        QCOMPARE(editor.status(), AccountEditor::Editing);
    }

    /// Each keystroke of an address arrives as it is typed and is read back unchanged: a
    /// half-typed "http://127" is no URL yet and must not come back as "http://0.0.0.127".
    void endpointIsKeptAsTypedAndCheckedOnVerify()
    {
        AccountEditor editor;
        m_services->give(editor);
        editor.setProviderId(QStringLiteral("demo"));
        const QString typed = QStringLiteral("http://127.0.0.1:9");
        for (qsizetype length = 1; length <= typed.size(); ++length) {
            editor.setEndpoint(typed.left(length));
            QCOMPARE(editor.endpoint(), typed.left(length));
        }
        editor.setEndpoint(QStringLiteral("not an address"));
        editor.verify();
        QCOMPARE(editor.status(), AccountEditor::Failed);
        QVERIFY2(editor.message().contains(QLatin1String("not an API address")),
                 qPrintable(editor.message()));
        editor.setEndpoint(QString());
        QCOMPARE(editor.endpoint(), QString());
        QCOMPARE(editor.status(), AccountEditor::Editing);
    }

    /// A cloud out of reach right now (offline, VPN down) can still be added, as with the CLI's
    /// --no-verify, once the user saw the check fail; the fields are validated as always.
    void unreachableCloudIsSavedWithoutVerifyingOnRequest()
    {
        quint16 closedPort = 0;
        {
            FakeCloudServer gone;
            QVERIFY(gone.listen());
            closedPort = gone.url().port();
        }
        AccountEditor editor;
        m_services->give(editor);
        editor.setProviderId(QStringLiteral("digitalocean"));
        editor.setName(QStringLiteral("Later"));
        editor.setField(QStringLiteral("token"), QStringLiteral("dop_v1_saved_unverified"));
        QCOMPARE(editor.status(), AccountEditor::Editing);

        editor.setEndpoint(QStringLiteral("not an address"));
        editor.verify();
        QCOMPARE(editor.status(), AccountEditor::Failed);
        const qsizetype before = m_services->accounts.accounts().size();
        editor.saveUnverified();
        QCOMPARE(editor.status(), AccountEditor::Failed);
        QVERIFY2(editor.message().contains(QLatin1String("not an API address")),
                 qPrintable(editor.message()));
        QCOMPARE(m_services->accounts.accounts().size(), before); // a bad address is never saved

        editor.setEndpoint(QStringLiteral("http://127.0.0.1:%1").arg(closedPort));
        editor.verify();
        QTRY_COMPARE_WITH_TIMEOUT(editor.status(), AccountEditor::Failed, 15000);
        QSignalSpy saved(&editor, &AccountEditor::saved);
        editor.saveUnverified();
        QVERIFY(saved.wait(15000));
        QCOMPARE(editor.status(), AccountEditor::Saved);
        const QString id = saved.constFirst().constFirst().toString();
        const auto account = m_services->accounts.account(id);
        QVERIFY(account);
        QCOMPARE(account->name, QStringLiteral("Later"));
        CredentialStore keychain;
        const auto secrets = AsyncResult::run<QVariantMap>(
            [&](Callback<QVariantMap> done) { keychain.read(id, done); });
        QVERIFY2(secrets->ok(), secrets->describe());
        QCOMPARE(secrets->result->value().value(QStringLiteral("token")).toString(),
                 QStringLiteral("dop_v1_saved_unverified"));
    }

    void cleanupTestCase() { m_services.reset(); }

private:
    std::unique_ptr<Services> m_services;
    TestCertificate m_certificate;
    FakeCloudServer m_https;
};

QTEST_MAIN(TestAccountEditor)
#include "tst_accounteditor.moc"
