#include "awsplugin.h"

#include "awsprovider.h"

Provider *AwsPlugin::create(const ProviderMetadata &metadata, const Account &account,
                            const QVariantMap &secrets, QObject *parent)
{
    return new AwsProvider(metadata, account, secrets, parent);
}
