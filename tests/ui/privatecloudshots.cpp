#include "privatecloudshots.h"

#include "accounteditor.h"
#include "appcontroller.h"
#include "cloudsyamlimporter.h"
#include "fakecloudserver.h"
#include "providerregistry.h"
#include "screentools.h"
#include "shooter.h"
#include "testhelpers.h"

#include <QQmlProperty>
#include <QUrl>

using namespace ScreenTools;

namespace {

AccountEditor *openForm(QQuickWindow *window, const QString &providerId)
{
    if (!AppController::instance()->registry()->contains(providerId))
        fail(QStringLiteral("the %1 plugin is not loaded").arg(providerId));
    call(popup(window, "addAccountSheet"), "openForNew", {providerId});
    Shooter::settle();
    auto *editor = findAnywhere<AccountEditor>(window);
    if (!editor)
        fail(QStringLiteral("no account editor"));
    if (editor->providerId() != providerId)
        editor->setProviderId(providerId);
    Shooter::settle();
    return editor;
}

// What a person types: into the visible field (so the picture shows it) and into the editor.
void type(QQuickWindow *window, AccountEditor *editor, const QString &fieldId,
          const QString &value)
{
    const QString name = QStringLiteral("field_") + fieldId;
    QObject *input = findAnywhere<QObject>(window, name);
    if (!input)
        fail(QStringLiteral("no field %1").arg(name));
    QQmlProperty::write(input, QStringLiteral("text"), value);
    editor->setField(fieldId, value);
}

void shootOpenStack(Shooter &shooter, QQuickWindow *window)
{
    AccountEditor *editor = openForm(window, QStringLiteral("openstack"));
    editor->setName(QStringLiteral("Lab"));
    type(window, editor, QStringLiteral("applicationCredentialId"),
         QStringLiteral("423f19a4ac1e4f48bbb4180756e6eb6c"));
    // A clouds.yaml whose cloud has no auth_url: the import names what is missing and adds
    // nothing.
    auto *importer = findAnywhere<CloudsYamlImporter>(window);
    if (!importer)
        fail(QStringLiteral("no clouds.yaml importer on the OpenStack form"));
    importer->importFile(
        QUrl::fromLocalFile(testDataPath(QStringLiteral("openstack/clouds_missing_field.yaml"))));
    waitFor(QStringLiteral("the clouds.yaml import"),
            [&] { return !importer->busy() && importer->failed(); });
    shooter.shotIn(QStringLiteral("add-account-openstack"),
                   {{1280, 800, "light", "comfortable"}, {1920, 1080, "dark", "compact"}});
    call(popup(window, "addAccountSheet"), "close");
    Shooter::settle();
}

void shootProxmoxPin(Shooter &shooter, QQuickWindow *window)
{
    const TestCertificate certificate = makeSelfSignedCertificate(QStringLiteral("pve1"));
    FakeCloudServer https;
    if (certificate.isNull() || !https.listenTls(certificate.certificate, certificate.key))
        fail(QStringLiteral("no local HTTPS server for the Proxmox form"));
    AccountEditor *editor = openForm(window, QStringLiteral("proxmox"));
    editor->setName(QStringLiteral("Homelab"));
    type(window, editor, QStringLiteral("tokenId"), QStringLiteral("clouddeck@pve!inventory"));
    type(window, editor, QStringLiteral("secret"),
         QStringLiteral("5f0c9a2e-7d41-4b8e-9a63-0d2f1c8b7e54"));
    editor->setEndpoint(https.url(QStringLiteral("/api2/json")).toString());
    editor->verify();
    waitFor(
        QStringLiteral("the certificate prompt"),
        [&] { return editor->status() == AccountEditor::NeedsPin; }, 30000);
    shooter.shotIn(QStringLiteral("add-account-proxmox-pin"),
                   {{1280, 800, "dark", "comfortable"},
                    {800, 1280, "light", "comfortable"},
                    {1920, 1080, "light", "compact"}});
    call(popup(window, "addAccountSheet"), "close");
    Shooter::settle();
}

} // namespace

void shootPrivateCloudForms(Shooter &shooter, QQuickWindow *window)
{
    shootOpenStack(shooter, window);
    shootProxmoxPin(shooter, window);
}
