#pragma once

#include "providerplugin.h"

/**
 * @brief Creates Hetzner Cloud providers (plugin id "hetzner").
 */
class HetznerPlugin : public QObject, public ProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID ProviderPlugin_iid FILE "hetzner.json")
    Q_INTERFACES(ProviderPlugin)
public:
    Provider *create(const ProviderMetadata &metadata, const Account &account,
                     const QVariantMap &secrets, QObject *parent) override;
};
