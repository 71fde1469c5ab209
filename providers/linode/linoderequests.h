#pragma once

#include "catalog.h"
#include "machineaction.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

/**
 * @brief What CloudDeck sends to Linode API v4: request bodies and action paths (LinodeParser
 * reads the replies; ids are checked with ResourceId::Numeric before they reach a path).
 */
class LinodeRequests
{
public:
    /// The last path segment of POST /linode/instances/{id}/<segment> for @p action ("boot",
    /// "shutdown", "reboot"); empty for Destroy (a DELETE) and PowerOff (Linode has none).
    [[nodiscard]] static QString actionSegment(MachineAction::Action action);
    /// The body of POST /linode/instances: region, type, label, image with a random root_pass,
    /// @p authorizedKeys (public key lines), tags, and user data base64-encoded under metadata.
    [[nodiscard]] static QJsonObject createBody(const CreateMachineRequest &request,
                                                const QStringList &authorizedKeys);
    /// A password Linode's strength check accepts and nobody knows (see createBody()).
    [[nodiscard]] static QString randomRootPassword();
};
