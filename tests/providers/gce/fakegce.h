#pragma once

#include "account.h"
#include "fakecloudserver.h"
#include "providermetadata.h"

#include <QStringList>
#include <QVariantMap>
#include <memory>

class GceProvider;

/**
 * @brief A fake Google: the OAuth token endpoint (POST /token) and the Compute Engine v1 API
 * (/compute/v1/projects/clouddeck-test/…) on one FakeCloudServer, answering from the fixtures
 * in tests/data/gce (written from Google's Discovery document for compute v1).
 *
 * The token endpoint checks every grant as Google does: a jwt-bearer assertion must verify with
 * the test key's public half and carry the right iss, scope and aud and an exp at most an hour
 * after iat; a refresh_token grant must carry the ADC file's client and token. Each grant hands
 * out a new access token ("ya29.test-N"); compute calls must carry the newest as
 * "Authorization: Bearer", or get Google's 401. Every violation is listed in failures(), which
 * each test checks.
 */
class FakeGce
{
public:
    static constexpr const char *project = "clouddeck-test";
    static constexpr const char *clientEmail =
        "clouddeck-test@clouddeck-test.iam.gserviceaccount.com";
    static constexpr const char *keyId = "0123456789abcdef0123456789abcdef01234567";

    explicit FakeGce(FakeCloudServer &server);

    /// The default routes: token, project, both aggregated lists (two instance pages), actions
    /// (a RUNNING operation), zoneOperations wait (DONE), zones, machine types, images.
    void serveFixtures();
    /// "/compute/v1/projects/clouddeck-test" + @p path: the path the fake server sees.
    [[nodiscard]] static QString path(const QString &path);
    [[nodiscard]] static FakeResponse fixture(const QString &name, int status = 200);

    /// How many tokens were granted, and the newest.
    [[nodiscard]] int grants() const { return m_grants; }
    [[nodiscard]] QByteArray currentToken() const;
    /// Makes the current token invalid (revoked): compute calls with it get 401.
    void revokeToken() { m_revoked = true; }
    /// The claims of the last assertion that verified.
    [[nodiscard]] QJsonObject lastClaims() const { return m_lastClaims; }
    [[nodiscard]] QJsonObject lastHeader() const { return m_lastHeader; }
    [[nodiscard]] QStringList failures() const { return m_failures; }

    [[nodiscard]] static ProviderMetadata metadata();
    [[nodiscard]] Account account(const QStringList &regions = {}) const;
    /// The key file's secret field (the private key PEM).
    [[nodiscard]] static QVariantMap serviceAccountSecrets();
    [[nodiscard]] static QVariantMap applicationDefaultSecrets();
    [[nodiscard]] Account applicationDefaultAccount() const;
    [[nodiscard]] std::unique_ptr<GceProvider> provider(const Account &account,
                                                        const QVariantMap &secrets) const;
    [[nodiscard]] std::unique_ptr<GceProvider> provider() const;

private:
    FakeResponse token(const RecordedRequest &request);
    FakeResponse authorizedOr(const RecordedRequest &request, const FakeResponse &response);

    FakeCloudServer &m_server;
    int m_grants = 0;
    bool m_revoked = false;
    QJsonObject m_lastClaims;
    QJsonObject m_lastHeader;
    QStringList m_failures;
};
