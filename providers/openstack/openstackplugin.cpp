#include "openstackplugin.h"

#include "openstackprovider.h"

Provider *OpenStackPlugin::create(const ProviderMetadata &metadata, const Account &account,
                                  const QVariantMap &secrets, QObject *parent)
{
    return new OpenStackProvider(metadata, account, secrets, parent);
}
