#pragma once

#include "catalog.h"
#include "machine.h"
#include "pagedlist.h"
#include "result.h"

#include <QJsonObject>
#include <optional>

struct HttpResponse;

/**
 * @brief Turns DigitalOcean API v2 replies into CloudDeck values (DigitalOceanRequests builds
 * what we send).
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
    /// A page of GET /v2/droplets read straight from its text (DigitalOceanDropletReader), with
    /// no JSON document built. Accepts and refuses what droplets() over the whole document does
    /// (tst_digitaloceanfuzz holds the two equal over mutated replies).
    [[nodiscard]] static PagedList::PageReader<Machine> dropletPage();
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
    /// meta.total: how many items the whole listing has, as the API states; nullopt without one.
    [[nodiscard]] static std::optional<qint64> statedTotal(const QJsonObject &page);
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
};
