#include "vultrplugin.h"

#include "vultrprovider.h"

Provider *VultrPlugin::create(const ProviderMetadata &metadata, const Account &account,
                              const QVariantMap &secrets, QObject *parent)
{
    return new VultrProvider(metadata, account, secrets, parent);
}
