#pragma once

#include "account.h"
#include "clouddeck_core_export.h"
#include "providermetadata.h"

#include <QObject>
#include <QVariantMap>
#include <QtPlugin>

class Provider;

/**
 * @brief The factory a provider plugin exports. Its metadata comes from the JSON embedded with
 * Q_PLUGIN_METADATA(IID ProviderPlugin_iid FILE "<id>.json") and is handed in by the registry.
 */
class CLOUDDECK_CORE_EXPORT ProviderPlugin
{
public:
    virtual ~ProviderPlugin();
    /// A new provider for @p account, owned by @p parent. @p secrets are the secret fields.
    [[nodiscard]] virtual Provider *create(const ProviderMetadata &metadata, const Account &account,
                                           const QVariantMap &secrets, QObject *parent) = 0;
};

#define ProviderPlugin_iid "org.clouddeck.ProviderPlugin/1"
Q_DECLARE_INTERFACE(ProviderPlugin, ProviderPlugin_iid)
