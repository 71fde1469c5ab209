#pragma once

#include "catalog.h"
#include "machineaction.h"
#include "result.h"

#include <QJsonObject>
#include <QString>

/**
 * @brief What CloudDeck sends to DigitalOcean API v2: request bodies and the ids that go into
 * paths, checked before anything leaves (DigitalOceanParser reads the replies).
 */
class DigitalOceanRequests
{
public:
    /// The "type" of POST /v2/droplets/{id}/actions for @p action ("power_on", "shutdown",
    /// "power_off", "reboot"); empty for Destroy, which is a DELETE of the droplet.
    [[nodiscard]] static QString actionType(MachineAction::Action action);
    /// The body of POST /v2/droplets/{id}/actions: {"type": actionType(action)}.
    [[nodiscard]] static QJsonObject actionBody(MachineAction::Action action);
    /// The body of POST /v2/droplets/{id}/actions that renames (droplet_action_rename):
    /// {"type": "rename", "name": @p name}.
    [[nodiscard]] static QJsonObject renameBody(const QString &name);
    /// The body of POST and DELETE /v2/tags/{tag}/resources (tags_resource.yml) for one
    /// droplet: {"resources": [{"resource_id": "<id, a string>", "resource_type": "droplet"}]}.
    [[nodiscard]] static QJsonObject tagResourcesBody(const QString &dropletId);
    /// The body of POST /v2/tags (tags.yml): {"name": @p tag}.
    [[nodiscard]] static QJsonObject tagBody(const QString &tag);
    /// The body of POST /v2/droplets (droplets/models/droplet_single_create.yml). Images and SSH
    /// keys that are all digits are sent as numbers (ids), others as strings (slugs,
    /// fingerprints). Known options in request.extra (backups, ipv6, monitoring, vpc_uuid,
    /// with_droplet_agent, volumes) are passed through. InvalidInput when name, size or image is
    /// missing.
    [[nodiscard]] static Result<QJsonObject> createBody(const CreateMachineRequest &request);
};
