#pragma once

#include "fakecloudserver.h"
#include "openstackprovider.h"
#include "providertesting.h"

#include <QJsonObject>
#include <QSet>
#include <QStringList>
#include <memory>

/**
 * @brief A fake OpenStack (Keystone v3, Nova v2.1, Glance v2, Neutron v2.0) on a
 * FakeCloudServer, answering from tests/data/openstack (written from the api-ref samples).
 *
 * Keystone issues a new token for each valid POST /identity/v3/auth/tokens; every other route
 * answers 401 (Keystone's error body) unless X-Auth-Token is a token it issued and did not
 * revoke. The catalog's "http://openstack.example.com" becomes the server's own URL. Every
 * request is checked against the reference (methods, paths, the microversion header, body field
 * names, types and enums); what fails is collected in violations(), which each test checks.
 */
class FakeOpenStack
{
public:
    static constexpr const char *appCredentialId = "423f19a4ac1e4f48bbb4180756e6eb6c";
    static constexpr const char *appCredentialSecret = "rEaqvJka48mpv-secret-9c1f";
    static constexpr const char *username = "demo";
    static constexpr const char *password = "devstacker-password-7b2e";
    /// The maximum microversion the fake Nova advertises (compute_version.json).
    static constexpr const char *novaMax = "2.55";

    explicit FakeOpenStack(FakeCloudServer &server);

    /// Serves every route. @p tokenFixture is the token reply (token_application_credential).
    void serveFixtures(const QString &tokenFixture = QStringLiteral("token_application_credential"));
    [[nodiscard]] static ProviderMetadata metadata();
    /// An account with an application credential (Keystone URL = server + /identity/v3).
    [[nodiscard]] Account account() const;
    /// The same cloud with password sign-in.
    [[nodiscard]] Account passwordAccount() const;
    [[nodiscard]] static QVariantMap appCredentialSecrets();
    [[nodiscard]] static QVariantMap passwordSecrets();
    /// A provider for @p account (account() by default) with quick retries and page size 2.
    [[nodiscard]] std::unique_ptr<OpenStackProvider> provider(const Account &account,
                                                              const QVariantMap &secrets) const;
    [[nodiscard]] std::unique_ptr<OpenStackProvider> provider() const;

    /// A fixture of tests/data/openstack with the catalog host replaced by the server's.
    [[nodiscard]] QByteArray fixture(const QString &name) const;
    [[nodiscard]] FakeResponse reply(const QString &name, int status = 200) const;

    /// Every token issued so far is refused from now on (as after a Keystone key rotation).
    void revokeAll() { m_state->revoked.unite(m_state->issued); }
    /// The maximum microversion the fake Nova accepts (its version document is the test's).
    void setNovaMax(const QString &max) { m_state->novaMax = max; }
    [[nodiscard]] int tokensIssued() const { return int(m_state->issued.size()); }
    [[nodiscard]] QStringList violations() const { return m_state->violations; }
    /// The requests that carried a token (anything but Keystone's POST).
    [[nodiscard]] QList<RecordedRequest> authorizedRequests() const;

private:
    struct State
    {
        QSet<QByteArray> issued;
        QSet<QByteArray> revoked;
        QStringList violations;
        QString novaMax = QString::fromLatin1(FakeOpenStack::novaMax);
        int next = 1;
    };
    void serveKeystone(const QString &tokenFixture);
    void serveNova(const QString &prefix, const QStringList &pages, const QString &flavors);
    void serveGlanceAndNeutron();
    /// The route's answer when the token is missing or not valid, else nullopt.
    [[nodiscard]] std::optional<FakeResponse> refuse(const RecordedRequest &request) const;
    void checkMicroversion(const RecordedRequest &request) const;
    void violation(const RecordedRequest &request, const QString &what) const;

    FakeCloudServer &m_server;
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

/// The checks of a POST /servers body against the Compute API's create schema (2.1 to 2.73):
/// empty when valid, else what is wrong.
[[nodiscard]] QStringList checkCreateBody(const QJsonObject &body, const QString &microversion);
/// The checks of a POST /servers/{id}/action body: one of os-start, os-stop, reboot.
[[nodiscard]] QStringList checkActionBody(const QJsonObject &body);
/// The checks of a POST /v3/auth/tokens body (application credential or password, scoped).
[[nodiscard]] QStringList checkAuthBody(const QJsonObject &body);
