#pragma once

#include "providerplugin.h"

/**
 * @brief Creates Proxmox VE providers (plugin id "proxmox").
 */
class ProxmoxPlugin : public QObject, public ProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID ProviderPlugin_iid FILE "proxmox.json")
    Q_INTERFACES(ProviderPlugin)
public:
    Provider *create(const ProviderMetadata &metadata, const Account &account,
                     const QVariantMap &secrets, QObject *parent) override;
};
