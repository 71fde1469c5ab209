#pragma once

#include "account.h"
#include "catalog.h"
#include "machineaction.h"
#include "result.h"

#include <QJsonObject>
#include <QUrl>
#include <QVariantMap>

/**
 * @brief Builds what CloudDeck sends to OpenStack: the Keystone v3 authentication body, the
 * Nova create and action bodies, and the URLs derived from what the user configured.
 *
 * Every body follows the api-ref samples (keystone api-ref/source/v3/samples/admin/
 * auth-application-credential-id-request.json and the password "project-scoped" request; nova
 * doc/api_samples/servers/server-create-req.json, server-action-start/stop/reboot). Server ids
 * are checked with ResourceId (Uuid) before they reach a path.
 */
class OpenStackRequests
{
public:
    /// Which of the account's credentials authenticate it.
    enum class AuthMethod { ApplicationCredential, Password };

    /// The application credential when its id is set, else password authentication; an error
    /// (CredentialsMissing or InvalidInput) naming what is missing otherwise.
    [[nodiscard]] static Result<AuthMethod> authMethod(const Account &account,
                                                       const QVariantMap &secrets);
    /// {"auth": {"identity": ..., "scope": ...}} for POST /v3/auth/tokens. Application
    /// credentials carry their own scope (Keystone rejects another); password sign-in is scoped
    /// to the project (by id, else by name in its domain) so the token comes with a catalog.
    [[nodiscard]] static Result<QJsonObject> authBody(const Account &account,
                                                      const QVariantMap &secrets);
    /// The account's Keystone URL with "/v3/auth/tokens" (or "/auth/tokens" after a "/v3").
    [[nodiscard]] static QUrl tokensUrl(const QUrl &authUrl);
    /// @p endpoint with @p path appended ("/servers/detail") and @p query set.
    [[nodiscard]] static QUrl serviceUrl(const QUrl &endpoint, const QString &path,
                                         const QList<std::pair<QString, QString>> &query = {});
    /// @p endpoint (a catalog URL of Glance or Neutron, versioned or not) with the API version
    /// segment ("/v2", "/v2.0") appended unless it ends with it already.
    [[nodiscard]] static QUrl versioned(const QUrl &endpoint, const QString &version);

    /// The body of POST /servers/{id}/action: {"os-start": null}, {"os-stop": null},
    /// {"reboot": {"type": "SOFT"|"HARD"}}. Destroy is a DELETE and has none.
    [[nodiscard]] static QJsonObject actionBody(MachineAction::Action action, bool hardReboot);
    /// {"server": {...}} for POST /servers. @p networkId empty with @p microversion >= 2.37
    /// sends "networks": "auto". Tags need 2.52: below it they are an error, not dropped.
    [[nodiscard]] static Result<QJsonObject> createBody(const CreateMachineRequest &request,
                                                        const QString &networkId,
                                                        const QString &microversion);
};
