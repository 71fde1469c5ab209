#include "proxmoxplugin.h"

#include "proxmoxprovider.h"

Provider *ProxmoxPlugin::create(const ProviderMetadata &metadata, const Account &account,
                                const QVariantMap &secrets, QObject *parent)
{
    return new ProxmoxProvider(metadata, account, secrets, parent);
}
