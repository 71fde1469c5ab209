#pragma once

#include "catalog.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>

/**
 * @brief Turns the pages of Hetzner's catalog endpoints (/locations, /server_types, /images,
 * /ssh_keys) into the values the create-machine flow offers.
 *
 * Like HetznerParser: pure functions, any input gives a value or an InvalidReply error.
 */
class HetznerCatalogParser
{
public:
    /// {"locations": [...]} -> regions (id = location name, "fsn1").
    [[nodiscard]] static Result<QList<Region>> locations(const QJsonObject &page);
    /// {"server_types": [...]} -> sizes. A type is offered only in the locations where it has a
    /// price entry (and which its "locations" list, when present, does not mark unavailable or
    /// past its deprecation); @p now decides what "past" means.
    [[nodiscard]] static Result<QList<Size>>
    serverTypes(const QJsonObject &page, const QDateTime &now = QDateTime::currentDateTimeUtc());
    /// {"images": [...]} -> images. System images are named by their name ("ubuntu-24.04"), which
    /// Hetzner resolves to the right architecture for the server type; snapshots by their id.
    [[nodiscard]] static Result<QList<Image>> images(const QJsonObject &page);
    /// {"ssh_keys": [...]} -> keys.
    [[nodiscard]] static Result<QList<SshKey>> sshKeys(const QJsonObject &page);
};
