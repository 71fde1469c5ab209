#pragma once

#include "providermetadata.h"

#include <QVariantMap>

/**
 * @brief A provider's metadata as QML reads it: {id, name, mark, demo, defaultEndpoint,
 * tokenUrl, capabilities, fields: [{id, label, placeholder, help, secret, required}]}.
 */
namespace ProviderInfo {
[[nodiscard]] QVariantMap toMap(const ProviderMetadata &metadata);
} // namespace ProviderInfo
