#pragma once

#include "catalog.h"
#include "httpclient.h"
#include "machine.h"
#include "result.h"

#include <QJsonObject>
#include <optional>

/**
 * @brief Turns Nova (Compute API v2.1) replies into CloudDeck values.
 *
 * Pure functions over parsed JSON: a reply of the wrong shape gives an InvalidReply error, never
 * a crash or a silently wrong value. Field names follow the Compute API reference
 * (docs.openstack.org/api-ref/compute) and its samples (nova doc/api_samples, microversions up to
 * 2.73): servers with the embedded flavor of 2.47+, tags of 2.26+, key pairs with the paging of
 * 2.35+.
 */
class NovaParser
{
public:
    /// The newest microversion CloudDeck speaks; the one used is min(this, the cloud's maximum).
    static constexpr const char *maxMicroversion = "2.73";

    /// GET on the versioned endpoint ({"version": {...}}) or on the root ({"versions": [...]}):
    /// the v2.1 API's maximum microversion ("2.55"); empty when the cloud has no microversions
    /// (a v2.0-only Nova). Fails when neither shape is there.
    [[nodiscard]] static Result<QString> maxVersion(const QJsonObject &reply);
    /// The microversion to send: the lower of @p cloudMax and maxMicroversion (empty stays empty).
    [[nodiscard]] static QString negotiate(const QString &cloudMax);
    /// "2.55" vs "2.9": -1, 0, 1 (numeric per part); malformed text counts as 0.0.
    [[nodiscard]] static int compareVersions(const QString &a, const QString &b);

    /// A server of GET /servers/detail -> Machine in @p region. Fails without an id or a status.
    [[nodiscard]] static Result<Machine> server(const QJsonValue &value, const QString &region);
    [[nodiscard]] static Result<QList<Machine>> servers(const QJsonObject &page,
                                                        const QString &region);
    /// Nova's status (and, during a transition it does not show, OS-EXT-STS:task_state) -> ours.
    [[nodiscard]] static MachineState::State state(const QString &status,
                                                   const QString &taskState = {});
    /// The marker of "<collection>_links" rel "next" (only the marker is taken, never the link's
    /// host), or nullopt on the last page. A next link without a marker fails.
    [[nodiscard]] static Result<std::optional<QString>> nextMarker(const QJsonObject &page,
                                                                   const QString &collection);
    /// Flavors of GET /flavors/detail (disabled ones left out), each offered in @p region.
    [[nodiscard]] static Result<QList<Size>> flavors(const QJsonObject &page,
                                                     const QString &region);
    /// {"keypairs": [{"keypair": {...}}]} -> keys, identified by name (what key_name takes).
    [[nodiscard]] static Result<QList<SshKey>> keypairs(const QJsonObject &page);
    /// The 202 reply of POST /servers: {"server": {"id", ...}} -> the new server's id. The reply's
    /// adminPass is never read.
    [[nodiscard]] static Result<QString> createdServerId(const QJsonObject &reply);
    /// Any OpenStack error body: Nova {"itemNotFound": {"code", "message"}}, Keystone
    /// {"error": {"code", "message", "title"}}, Neutron {"NeutronError": {"type", "message"}}, or
    /// Glance's plain text. Never fails.
    [[nodiscard]] static HttpClient::ProviderError error(const HttpResponse &response);
};
