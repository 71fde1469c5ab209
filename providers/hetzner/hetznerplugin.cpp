#include "hetznerplugin.h"

#include "hetznerprovider.h"

Provider *HetznerPlugin::create(const ProviderMetadata &metadata, const Account &account,
                                const QVariantMap &secrets, QObject *parent)
{
    return new HetznerProvider(metadata, account, secrets, parent);
}
