#include "azureplugin.h"

#include "azureprovider.h"

Provider *AzurePlugin::create(const ProviderMetadata &metadata, const Account &account,
                              const QVariantMap &secrets, QObject *parent)
{
    return new AzureProvider(metadata, account, secrets, parent);
}
