#include "digitaloceanplugin.h"

#include "digitaloceanprovider.h"

Provider *DigitalOceanPlugin::create(const ProviderMetadata &metadata, const Account &account,
                                     const QVariantMap &secrets, QObject *parent)
{
    return new DigitalOceanProvider(metadata, account, secrets, parent);
}
