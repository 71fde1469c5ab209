#pragma once

#include "catalog.h"
#include "machineaction.h"
#include "machineupdate.h"
#include "result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

/**
 * @brief What CloudDeck sends to the Hetzner Cloud API: request bodies and the ids that go into
 * paths, checked before anything leaves (HetznerParser reads the replies).
 */
class HetznerRequests
{
public:
    /// The path segment of POST /servers/{id}/actions/<command> ("poweron", "shutdown",
    /// "poweroff", "reboot"); empty for Destroy, which is a DELETE of the server.
    [[nodiscard]] static QString actionCommand(MachineAction::Action action);
    /// The body of POST /servers ("Create a Server" in the reference). An image that is all
    /// digits is sent as an id (a number), others as a name; SSH keys always as strings, an id in
    /// decimal (the published description types them so). Tags become labels. Known
    /// options in request.extra (networks, firewalls, volumes, placement_group, automount,
    /// public_net, start_after_create) are passed through. InvalidInput when name, size or image
    /// is missing.
    [[nodiscard]] static Result<QJsonObject> createBody(const CreateMachineRequest &request);
    /// Tags to labels: "key=value" -> {"key": "value"}, "key" -> {"key": ""} (the reverse of
    /// HetznerParser::tags()).
    [[nodiscard]] static QJsonObject labels(const QStringList &tags);
    /// The body of PUT /servers/{id} ("Update a Server"): "name" when @p update renames,
    /// "labels" when it changes tags: @p current (the server's labels now) with the keys of
    /// the removed tags taken out and the added tags set.
    [[nodiscard]] static QJsonObject updateBody(const MachineUpdate &update,
                                                const QJsonObject &current);
};
