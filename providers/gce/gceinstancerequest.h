#pragma once

#include "createmachinerequest.h"
#include "result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

/**
 * @brief The body of compute.instances.insert for a CreateMachineRequest: machine type, a boot
 * disk from the image, the default network (or request.extra "network"/"subnetwork") with an
 * external address, labels from the tags, and the SSH keys as the "ssh-keys" metadata item.
 */
class GceInstanceRequest
{
    Q_DECLARE_TR_FUNCTIONS(GceInstanceRequest)
public:
    /// @p sshKeyLines are "user:ssh-ed25519 AAAA… comment" lines as GCE's ssh-keys takes them.
    [[nodiscard]] static Result<QJsonObject>
    body(const CreateMachineRequest &request, const QString &zone, const QStringList &sshKeyLines);
    /// "env:prod" -> ("env", "prod"), "web" -> ("web", ""): GCE label keys and values are
    /// lower-case letters, digits, '_' and '-' (a key starts with a letter), at most 63 each.
    [[nodiscard]] static Result<QJsonObject> labels(const QStringList &tags);
    /// An OpenSSH key line as a "user:key" ssh-keys line; the user is the comment's part before
    /// '@' when it is a valid login name, else @p fallbackUser. A line already "user:key" stays.
    [[nodiscard]] static QString sshKeyLine(const QString &key, const QString &fallbackUser);
    /// What an image id from the catalog or the user looks like before it goes into a request:
    /// "projects/P/global/images/NAME" or ".../images/family/FAMILY".
    [[nodiscard]] static bool isImagePath(const QString &image);
};
