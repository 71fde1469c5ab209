#include "accountservice.h"

#include "accountstore.h"
#include "credentialstore.h"
#include "provider.h"
#include "providerregistry.h"

#include <QTimer>

namespace {
template<typename T>
void later(QObject *context, Callback<T> done, Result<T> result)
{
    QTimer::singleShot(0, context,
                       [done = std::move(done), result = std::move(result)] { done(result); });
}
} // namespace

AccountService::AccountService(ProviderRegistry *registry, AccountStore *accounts,
                               CredentialStore *credentials, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_accounts(accounts)
    , m_credentials(credentials)
{ }

Error AccountService::validate(const Account &account, const QVariantMap &secrets) const
{
    if (Error error = m_accounts->validate(account, m_registry); error.isError())
        return error;
    const ProviderMetadata metadata = m_registry->metadata(account.providerId);
    for (const ProviderMetadata::Field &field : metadata.credentialFields) {
        const QString value = field.secret ? secrets.value(field.id).toString()
                                           : account.settings.value(field.id).toString();
        if (field.required && value.trimmed().isEmpty()) {
            return Error(Error::InvalidInput,
                         tr("%1 needs the field \"%2\".").arg(metadata.name, field.label));
        }
    }
    return {};
}

void AccountService::verify(const Account &account, const QVariantMap &secrets,
                            Callback<QString> done)
{
    QString loadError;
    Provider *provider = m_registry->create(account, secrets, this, &loadError);
    if (!provider)
        return later<QString>(this, std::move(done), Error(Error::Unsupported, loadError));
    provider->verify([provider, done = std::move(done)](Result<QString> result) {
        provider->deleteLater(); // the secret leaves memory with it
        done(std::move(result));
    });
}

void AccountService::verifyStored(const QString &accountId, Callback<QString> done)
{
    const auto account = m_accounts->account(accountId);
    if (!account)
        return later<QString>(this, std::move(done),
                              Error(Error::NotFound, tr("No such account.")));
    if (m_registry->metadata(account->providerId).secretFields().isEmpty())
        return verify(*account, {}, std::move(done));
    m_credentials->read(accountId, [this, account = *account, done](Result<QVariantMap> secrets) {
        if (!secrets.ok())
            return done(secrets.error());
        verify(account, secrets.value(), done);
    });
}

void AccountService::add(Account account, const QVariantMap &secrets, bool verifyFirst,
                         Callback<Account> done)
{
    account.name = account.name.trimmed();
    if (account.id.isEmpty())
        account.id = Account::newId();
    if (Error error = validate(account, secrets); error.isError())
        return later<Account>(this, std::move(done), error);

    auto save = [this, account, secrets, done]() mutable {
        const bool hasSecret = !m_registry->metadata(account.providerId).secretFields().isEmpty();
        auto saveSettings = [this, account, done](const Result<void> &written) mutable {
            if (!written.ok())
                return done(written.error());
            if (Error error = m_accounts->add(account, m_registry); error.isError()) {
                // Lost a race for the name (another process): take the secret back out.
                m_credentials->remove(account.id,
                                      [done, error](const Result<void> &) { done(error); });
                return;
            }
            done(account);
        };
        if (!hasSecret)
            return saveSettings({});
        m_credentials->write(account.id, secrets, saveSettings);
    };
    if (!verifyFirst)
        return save();
    verify(account, secrets, [save, done](const Result<QString> &verified) mutable {
        if (!verified.ok())
            return done(verified.error());
        save();
    });
}

void AccountService::edit(const Account &account, const std::optional<QVariantMap> &newSecrets,
                          bool verifyFirst, Callback<Account> done)
{
    const auto existing = m_accounts->account(account.id);
    if (!existing)
        return later<Account>(this, std::move(done),
                              Error(Error::NotFound, tr("No such account.")));
    if (Error error = m_accounts->validate(account, m_registry); error.isError())
        return later<Account>(this, std::move(done), error);

    auto save = [this, account, newSecrets, done]() {
        auto saveSettings = [this, account, done](const Result<void> &written) {
            if (!written.ok())
                return done(written.error());
            if (Error error = m_accounts->update(account, m_registry); error.isError())
                return done(error);
            done(account);
        };
        if (!newSecrets)
            return saveSettings({});
        m_credentials->write(account.id, *newSecrets, saveSettings);
    };
    if (!verifyFirst)
        return save();
    auto check = [this, account, save, done](const QVariantMap &secrets) {
        verify(account, secrets, [save, done](const Result<QString> &verified) {
            if (!verified.ok())
                return done(verified.error());
            save();
        });
    };
    if (newSecrets) {
        if (Error error = validate(account, *newSecrets); error.isError())
            return later<Account>(this, std::move(done), error);
        return check(*newSecrets);
    }
    if (m_registry->metadata(account.providerId).secretFields().isEmpty())
        return check({});
    m_credentials->read(account.id, [check, done](Result<QVariantMap> secrets) {
        if (!secrets.ok())
            return done(secrets.error());
        check(secrets.value());
    });
}

void AccountService::remove(const QString &accountId, Callback<void> done)
{
    if (!m_accounts->account(accountId))
        return later<void>(this, std::move(done), Error(Error::NotFound, tr("No such account.")));
    m_credentials->remove(accountId, [this, accountId, done](const Result<void> &removed) {
        if (!removed.ok())
            return done(removed.error()); // keep the account: its secret is still in the keychain
        m_accounts->remove(accountId);
        done({});
    });
}
