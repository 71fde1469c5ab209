#pragma once

#include "providerplugin.h"

/**
 * @brief Creates Vultr providers (plugin id "vultr").
 */
class VultrPlugin : public QObject, public ProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID ProviderPlugin_iid FILE "vultr.json")
    Q_INTERFACES(ProviderPlugin)
public:
    Provider *create(const ProviderMetadata &metadata, const Account &account,
                     const QVariantMap &secrets, QObject *parent) override;
};
