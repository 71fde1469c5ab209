#include "linodeplugin.h"

#include "linodeprovider.h"

Provider *LinodePlugin::create(const ProviderMetadata &metadata, const Account &account,
                               const QVariantMap &secrets, QObject *parent)
{
    return new LinodeProvider(metadata, account, secrets, parent);
}
