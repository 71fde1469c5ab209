#pragma once

#include "providerplugin.h"

/**
 * @brief Creates Linode providers (plugin id "linode").
 */
class LinodePlugin : public QObject, public ProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID ProviderPlugin_iid FILE "linode.json")
    Q_INTERFACES(ProviderPlugin)
public:
    Provider *create(const ProviderMetadata &metadata, const Account &account,
                     const QVariantMap &secrets, QObject *parent) override;
};
