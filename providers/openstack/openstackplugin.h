#pragma once

#include "providerplugin.h"

/**
 * @brief Creates OpenStack providers (plugin id "openstack").
 */
class OpenStackPlugin : public QObject, public ProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID ProviderPlugin_iid FILE "openstack.json")
    Q_INTERFACES(ProviderPlugin)
public:
    Provider *create(const ProviderMetadata &metadata, const Account &account,
                     const QVariantMap &secrets, QObject *parent) override;
};
