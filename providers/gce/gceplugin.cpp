#include "gceplugin.h"

#include "gceprovider.h"

Provider *GcePlugin::create(const ProviderMetadata &metadata, const Account &account,
                            const QVariantMap &secrets, QObject *parent)
{
    return new GceProvider(metadata, account, secrets, parent);
}
