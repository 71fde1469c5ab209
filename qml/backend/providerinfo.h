#pragma once

#include "providermetadata.h"

#include <QVariantMap>

/**
 * @brief A provider's metadata as QML reads it: {id, name, mark, demo, defaultEndpoint,
 * tokenUrl, capabilities, actions: {shutdown: {label, description}, ...},
 * fields: [{id, label, placeholder, help, secret, required}]}. actions holds every action, with
 * the plugin's words where it has them and the generic ones otherwise.
 */
namespace ProviderInfo {
[[nodiscard]] QVariantMap toMap(const ProviderMetadata &metadata);
} // namespace ProviderInfo
