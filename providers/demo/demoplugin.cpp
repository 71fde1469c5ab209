#include "demoplugin.h"

#include "demoprovider.h"

Provider *DemoPlugin::create(const ProviderMetadata &metadata, const Account &account,
                             const QVariantMap &, QObject *parent)
{
    return new DemoProvider(metadata, account, parent);
}
