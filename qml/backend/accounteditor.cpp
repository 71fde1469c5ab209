#include "accounteditor.h"

#include "accountservice.h"
#include "accountstore.h"
#include "appsettings.h"
#include "credentialfile.h"
#include "credentialstore.h"
#include "format.h"
#include "inventory.h"
#include "providerinfo.h"
#include "providerregistry.h"

#include <QPointer>

AccountEditor::AccountEditor(QObject *parent)
    : QObject(parent)
{
    // A service set after a provider was chosen changes what the form shows.
    connect(this, &AccountEditor::servicesChanged, this, &AccountEditor::providerChanged);
}

AccountEditor::~AccountEditor()
{
    clear();
}

void AccountEditor::setProviderId(const QString &providerId)
{
    if (providerId == m_account.providerId)
        return;
    // A name the user did not type follows the provider ("DigitalOcean 2").
    auto defaultNameFor = [this](const QString &id) {
        return m_registry && m_accounts ? m_accounts->uniqueName(m_registry->metadata(id).name)
                                        : QString();
    };
    const QString previousDefault = defaultNameFor(m_account.providerId);
    const bool defaultName = m_account.name.isEmpty() || m_account.name == previousDefault;
    m_account.providerId = providerId;
    m_account.settings.clear();
    m_account.pinnedCertificateSha256.clear();
    m_secrets.clear();
    if (defaultName && !m_editing)
        m_account.name = defaultNameFor(providerId);
    Q_EMIT providerChanged();
    changed();
}

QVariantMap AccountEditor::provider() const
{
    if (!m_registry || !m_registry->contains(m_account.providerId))
        return {};
    return ProviderInfo::toMap(m_registry->metadata(m_account.providerId));
}

QVariantList AccountEditor::fields() const
{
    return provider().value(QStringLiteral("fields")).toList();
}

void AccountEditor::setName(const QString &name)
{
    if (name == m_account.name)
        return;
    m_account.name = name;
    changed();
}

void AccountEditor::setSshUser(const QString &user)
{
    if (user.trimmed() == m_account.ssh.user)
        return;
    m_account.ssh.user = user.trimmed();
    Q_EMIT sshChanged();
}

void AccountEditor::setSshPort(const QString &port)
{
    if (port == m_sshPortText)
        return;
    m_sshPortText = port;
    bool ok = false;
    const int number = port.trimmed().toInt(&ok);
    // Not a number: -1, which AccountStore::validateSsh refuses with its sentence.
    m_account.ssh.port = port.trimmed().isEmpty() ? 0 : ok ? number : -1;
    Q_EMIT sshChanged();
}

void AccountEditor::setSshIdentityFile(const QString &file)
{
    if (file.trimmed() == m_account.ssh.identityFile)
        return;
    m_account.ssh.identityFile = file.trimmed();
    Q_EMIT sshChanged();
}

void AccountEditor::setSshIdentityFileUrl(const QUrl &file)
{
    setSshIdentityFile(file.isLocalFile() ? file.toLocalFile() : file.toString());
}

void AccountEditor::setSshPrivateAddress(bool privateAddress)
{
    if (privateAddress == m_account.ssh.privateAddress)
        return;
    m_account.ssh.privateAddress = privateAddress;
    Q_EMIT sshChanged();
}

QString AccountEditor::sshDefaultUser() const
{
    const QString providerUser =
        m_registry ? m_registry->metadata(m_account.providerId).sshUser : QString();
    return providerUser.isEmpty() ? AppSettings::instance()->sshUser() : providerUser;
}

QString AccountEditor::sshProblem() const
{
    return AccountStore::validateSsh(m_account.ssh).message();
}

// The text is kept as typed: a QUrl made from a half-typed "http://127" reads back as
// "http://0.0.0.127", and writing that into the field garbled what the user was typing.
void AccountEditor::setEndpoint(const QString &endpoint)
{
    if (endpoint == m_endpointText)
        return;
    m_endpointText = endpoint;
    const QString trimmed = endpoint.trimmed();
    const QUrl url = trimmed.isEmpty() ? QUrl() : QUrl(trimmed, QUrl::StrictMode);
    if (url != m_account.endpoint)
        m_account.pinnedCertificateSha256.clear(); // a pin belongs to one server
    m_account.endpoint = url;
    changed();
}

bool AccountEditor::isSecret(const QString &fieldId) const
{
    if (!m_registry)
        return true; // unknown: never store it in the settings
    const auto metadata = m_registry->metadata(m_account.providerId);
    for (const auto &field : metadata.credentialFields) {
        if (field.id == fieldId)
            return field.secret;
    }
    return false;
}

void AccountEditor::setField(const QString &fieldId, const QString &value)
{
    QVariantMap &target = isSecret(fieldId) ? m_secrets : m_account.settings;
    if (target.value(fieldId).toString() == value)
        return;
    if (value.isEmpty())
        target.remove(fieldId);
    else
        target.insert(fieldId, value);
    changed();
}

QVariantMap AccountEditor::importCredentialFile(const QString &fileId, const QUrl &file)
{
    const auto metadata =
        m_registry ? m_registry->metadata(m_account.providerId) : ProviderMetadata();
    for (const auto &spec : metadata.credentialFiles) {
        if (spec.id != fileId)
            continue;
        const Result<QVariantMap> values = CredentialFile::read(spec, file.toLocalFile());
        if (!values.ok()) {
            return {{QStringLiteral("ok"), false},
                    {QStringLiteral("message"), values.error().message()}};
        }
        QStringList loaded;
        for (auto it = values.value().begin(); it != values.value().end(); ++it) {
            setField(it.key(), it.value().toString());
            const ProviderMetadata::Field *field = metadata.field(it.key());
            if (field && !field->secret)
                loaded.append(it.value().toString());
        }
        //: %1 is the file's kind ("Service account key file"), %2 what it names.
        return {{QStringLiteral("ok"), true},
                {QStringLiteral("message"),
                 tr("Loaded the %1: %2.").arg(spec.label, loaded.join(QStringLiteral(", ")))}};
    }
    return {{QStringLiteral("ok"), false},
            {QStringLiteral("message"), tr("Unknown credential file.")}};
}

QString AccountEditor::field(const QString &fieldId) const
{
    return isSecret(fieldId) ? QString() : m_account.settings.value(fieldId).toString();
}

bool AccountEditor::complete() const
{
    if (!m_registry || m_account.providerId.isEmpty() || m_account.name.trimmed().isEmpty())
        return false;
    const auto metadata = m_registry->metadata(m_account.providerId);
    if (metadata.defaultEndpoint.isEmpty() && m_account.endpoint.isEmpty() && !metadata.demo)
        return false; // nowhere to connect to (OpenStack: the Keystone URL)
    for (const auto &field : metadata.credentialFields) {
        if (!field.required)
            continue;
        if (field.secret && m_editing)
            continue; // empty means "keep the stored secret"
        const QVariantMap &values = field.secret ? m_secrets : m_account.settings;
        if (values.value(field.id).toString().trimmed().isEmpty())
            return false;
    }
    return true;
}

QString AccountEditor::certificateFingerprint() const
{
    return Format::fingerprint(QString::fromLatin1(m_offeredCertificate));
}

QString AccountEditor::pinnedFingerprint() const
{
    return Format::fingerprint(QString::fromLatin1(m_account.pinnedCertificateSha256));
}

bool AccountEditor::load(const QString &accountId)
{
    const auto account = m_accounts ? m_accounts->account(accountId) : std::nullopt;
    if (!account)
        return false;
    clear();
    m_account = *account;
    m_endpointText = m_account.endpoint.toString();
    m_sshPortText = m_account.ssh.port > 0 ? QString::number(m_account.ssh.port) : QString();
    m_editing = true;
    Q_EMIT sshChanged();
    Q_EMIT accountIdChanged();
    Q_EMIT providerChanged();
    changed();
    return true;
}

void AccountEditor::changed()
{
    ++m_generation;
    Q_EMIT inputChanged();
    if (m_status != Editing)
        setStatus(Editing);
}

void AccountEditor::setStatus(Status status, const QString &message)
{
    m_status = status;
    m_message = message;
    Q_EMIT statusChanged();
}

void AccountEditor::verify()
{
    if (!complete() || busy() || !m_service || !m_credentials || !endpointUsable())
        return;
    const quint64 generation = ++m_generation;
    m_offeredCertificate.clear();
    setStatus(Verifying,
              tr("Connecting to %1…").arg(provider().value(QStringLiteral("name")).toString()));

    // The form may be closed before the provider answers.
    QPointer<AccountEditor> self(this);
    auto failed = [self, generation](const Error &error) {
        if (self)
            self->verifyFailed(generation, error);
    };
    auto finished = [self, generation, failed](const Result<QString> &result) {
        if (!result.ok())
            return failed(result.error());
        if (self)
            self->verified(generation, result.value());
    };

    Account account = m_account;
    account.name = account.name.trimmed();
    const bool hasSecretFields = !m_registry->metadata(account.providerId).secretFields().isEmpty();
    if (m_editing && m_secrets.isEmpty() && hasSecretFields) {
        // Check the stored secret against the (possibly new) endpoint and pin.
        QPointer<AccountService> service(m_service);
        m_credentials->read(account.id,
                            [service, account, finished, failed](Result<QVariantMap> secrets) {
                                if (!secrets.ok())
                                    return failed(secrets.error());
                                if (service)
                                    service->verify(account, secrets.value(), finished);
                            });
        return;
    }
    if (Error error = m_service->validate(account, m_secrets); error.isError() && !m_editing) {
        setStatus(Failed, error.message());
        return;
    }
    m_service->verify(account, m_secrets, finished);
}

void AccountEditor::verified(quint64 generation, const QString &who)
{
    if (generation != m_generation)
        return; // the form changed meanwhile; this answer is about other input
    setStatus(Verified, who.isEmpty() ? tr("The credentials work.") : tr("Connected: %1").arg(who));
}

void AccountEditor::verifyFailed(quint64 generation, const Error &error)
{
    if (generation != m_generation)
        return;
    if (error.kind() == Error::Tls && !error.peerCertificateSha256().isEmpty()
        && error.peerCertificateSha256() != m_account.pinnedCertificateSha256) {
        m_offeredCertificate = error.peerCertificateSha256();
        setStatus(NeedsPin, error.message());
        return;
    }
    setStatus(Failed, error.message());
}

void AccountEditor::trustCertificate()
{
    if (m_offeredCertificate.isEmpty())
        return;
    m_account.pinnedCertificateSha256 = m_offeredCertificate.toLower();
    m_offeredCertificate.clear();
    setStatus(Editing);
    verify();
}

void AccountEditor::save()
{
    if (m_status != Verified)
        return;
    store();
}

bool AccountEditor::endpointUsable()
{
    if (m_endpointText.trimmed().isEmpty()
        || (m_account.endpoint.isValid() && !m_account.endpoint.host().isEmpty()
            && (m_account.endpoint.scheme() == QLatin1String("https")
                || m_account.endpoint.scheme() == QLatin1String("http")))) {
        return true;
    }
    setStatus(Failed, tr("\"%1\" is not an API address. Enter a full URL such as %2, or "
                         "leave the field empty for the default.")
                          .arg(m_endpointText.trimmed(),
                               provider().value(QStringLiteral("defaultEndpoint")).toString()));
    return false;
}

void AccountEditor::saveUnverified()
{
    // After a failed check (the cloud unreachable from here right now, a VPN down): the user's
    // call, as the CLI's --no-verify. AccountService still validates the fields and endpoint.
    if (!complete() || (m_status != Failed && m_status != Editing) || !endpointUsable())
        return;
    store();
}

void AccountEditor::store()
{
    if (!m_service)
        return;
    setStatus(Saving, tr("Saving…"));
    QPointer<AccountEditor> self(this);
    QPointer<Inventory> inventory(m_inventory);
    auto finished = [this, self, inventory](const Result<Account> &result) {
        if (result.ok() && inventory)
            inventory->refresh(result.value().id); // saved, whether or not the form is open
        if (!self)
            return;
        if (!result.ok()) {
            setStatus(Failed, result.error().message());
            return;
        }
        m_secrets.clear();
        const QString id = result.value().id;
        setStatus(Saved, tr("Saved"));
        Q_EMIT saved(id);
    };
    Account account = m_account;
    account.name = account.name.trimmed();
    if (m_editing) {
        const auto secrets = m_secrets.isEmpty() ? std::nullopt : std::optional(m_secrets);
        m_service->edit(account, secrets, false, finished);
    } else {
        m_service->add(account, m_secrets, false, finished);
    }
}

void AccountEditor::clear()
{
    m_secrets.clear();
    m_account.settings.clear();
    m_offeredCertificate.clear();
    ++m_generation;
}
