#pragma once

#include "catalog.h"
#include "result.h"

#include <QJsonObject>
#include <optional>

/**
 * @brief Reads the Image service (Glance v2) and Networking (Neutron v2.0) replies the create
 * flow needs.
 *
 * Field names follow docs.openstack.org/api-ref/image/v2 ("List images") and
 * docs.openstack.org/api-ref/network/v2 ("List networks"). Pure functions returning Result.
 */
class OpenStackCatalogParser
{
public:
    /// @brief A Neutron network a new server can be attached to.
    struct Network
    {
        QString id;
        QString name;
        QString region;
        bool external = false; ///< router:external: floating-IP pools, not for servers directly
        bool shared = false;
        bool operator==(const Network &) const = default;
    };

    /// {"images": [...], "next": "/v2/images?marker=..."} -> active images, each in @p region.
    [[nodiscard]] static Result<QList<Image>> images(const QJsonObject &page,
                                                     const QString &region);
    /// The marker of the page's "next" link (only the marker is taken), nullopt at the end.
    [[nodiscard]] static Result<std::optional<QString>> nextImageMarker(const QJsonObject &page);
    /// {"networks": [...]} -> the networks, each in @p region.
    [[nodiscard]] static Result<QList<Network>> networks(const QJsonObject &page,
                                                         const QString &region);
};
