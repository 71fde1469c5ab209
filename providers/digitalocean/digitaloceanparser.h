#pragma once

#include "catalog.h"
#include "machine.h"
#include "machineaction.h"
#include "result.h"

#include <QJsonObject>
#include <optional>

struct HttpResponse;

/**
 * @brief DigitalOcean API v2's JSON, both ways: replies into CloudDeck values, and the request
 * bodies we send.
 *
 * Pure functions over parsed JSON, so they can be fed any input: a reply of the wrong shape
 * yields an InvalidReply error, never a crash and never a silently wrong value. Field names follow
 * DigitalOcean's OpenAPI reference (github.com/digitalocean/openapi, specification/resources).
 */
class DigitalOceanParser
{
public:
    /// An action object (actions/models/action.yml).
    struct Action
    {
        qint64 id = 0;
        QString status; ///< "in-progress", "completed" or "errored"
        QString type; ///< "power_on", "shutdown", "create", ...
    };
    /// An error body (shared/models/error.yml); empty fields when the body is not one.
    struct ApiError
    {
        QString id; ///< "unauthorized", "not_found", "unprocessable_entity", ...
        QString message;
        QString requestId; ///< for support tickets
    };
    /// Which listing an image page came from: the reply's "type" attribute cannot tell
    /// DigitalOcean's own distribution images from a user's snapshots (both are "snapshot").
    enum class ImageSource { Distribution, Private };

    /// A droplet object -> Machine. Fails when it is not an object or has no id.
    [[nodiscard]] static Result<Machine> droplet(const QJsonValue &value);
    /// {"droplets": [...]} -> machines; fails on the first droplet that is not one.
    [[nodiscard]] static Result<QList<Machine>> droplets(const QJsonObject &page);
    /// The 202 reply of POST /v2/droplets: {"droplet": {...}, "links": {"actions": [...]}}. The
    /// create action's id, when given, is in extra["createActionId"].
    [[nodiscard]] static Result<Machine> createdDroplet(const QJsonObject &reply);
    /// "new" -> Pending, "active" -> Running, "off" -> Stopped, "archive" -> Suspended.
    [[nodiscard]] static MachineState::State state(const QString &status);
    /// The page number of links.pages.next, or nullopt on the last page. Only the number is taken
    /// from the link (never its host). A next page that does not come after @p currentPage is an
    /// error, so a looping server cannot keep us paging.
    [[nodiscard]] static Result<std::optional<int>> nextPage(const QJsonObject &page,
                                                             int currentPage);
    /// {"action": {...}} -> Action; fails without an id or a status.
    [[nodiscard]] static Result<Action> action(const QJsonObject &reply);
    /// {"account": {"email", "team": {"name"}}} -> "email (team name)"; a locked account fails.
    [[nodiscard]] static Result<QString> account(const QJsonObject &reply);
    /// Any non-2xx body; never fails (an unreadable body gives an empty ApiError).
    [[nodiscard]] static ApiError error(const HttpResponse &response);

    [[nodiscard]] static Result<QList<Region>> regions(const QJsonObject &page);
    [[nodiscard]] static Result<QList<Size>> sizes(const QJsonObject &page);
    /// Images usable for a new droplet (status "available", or no status given).
    [[nodiscard]] static Result<QList<Image>> images(const QJsonObject &page, ImageSource source);
    [[nodiscard]] static Result<QList<SshKey>> sshKeys(const QJsonObject &page);

    /// The "type" of POST /v2/droplets/{id}/actions for @p action; empty for Destroy (a DELETE).
    [[nodiscard]] static QString actionType(MachineAction::Action action);
    /// The body of POST /v2/droplets (droplets/models/droplet_single_create.yml). Images and SSH
    /// keys that are all digits are sent as numbers (ids), others as strings (slugs,
    /// fingerprints). Known options in request.extra (backups, ipv6, monitoring, vpc_uuid,
    /// with_droplet_agent, volumes) are passed through. InvalidInput when name, size or image is
    /// missing.
    [[nodiscard]] static Result<QJsonObject> createBody(const CreateMachineRequest &request);
    /// True for a numeric id as the API gives them (digits only): droplet, image and SSH key ids.
    /// Droplet ids are checked with it before they go into a path.
    [[nodiscard]] static bool isNumericId(const QString &id);
};
