#pragma once

#include "providerplugin.h"

/**
 * @brief Creates DigitalOcean providers (plugin id "digitalocean").
 */
class DigitalOceanPlugin : public QObject, public ProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID ProviderPlugin_iid FILE "digitalocean.json")
    Q_INTERFACES(ProviderPlugin)
public:
    Provider *create(const ProviderMetadata &metadata, const Account &account,
                     const QVariantMap &secrets, QObject *parent) override;
};
