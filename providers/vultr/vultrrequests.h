#pragma once

#include "catalog.h"
#include "machineaction.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <utility>

/**
 * @brief What CloudDeck sends to Vultr API v2: request bodies and action paths (VultrParser reads
 * the replies; ids are checked with ResourceId::Uuid before they reach a path).
 */
class VultrRequests
{
public:
    /// The last path segment of POST /instances/{id}/<segment> for @p action ("start", "halt",
    /// "reboot"); empty for Destroy (a DELETE) and Shutdown (Vultr has no graceful one).
    [[nodiscard]] static QString actionSegment(MachineAction::Action action);
    /// The body of POST /instances: region, plan, the image field (imageField()), label and
    /// hostname, @p sshKeyIds as sshkey_id, tags, and user data base64-encoded.
    [[nodiscard]] static QJsonObject createBody(const CreateMachineRequest &request,
                                                const QStringList &sshKeyIds);
    /// The create-instance field an image id goes to: a number is an "os_id", a UUID a
    /// "snapshot_id", anything else a Marketplace application's "image_id". "os:", "snapshot:"
    /// and "image:" prefixes choose explicitly.
    [[nodiscard]] static std::pair<QString, QJsonValue> imageField(const QString &image);
    /// A host name made from a label ("Web Server 1" -> "web-server-1"); empty if nothing is left.
    [[nodiscard]] static QString hostname(const QString &label);
};
