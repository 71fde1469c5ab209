// Inventory: catalogs for the create flow, stored in the offline cache.
#include "inventory.h"

#include "provider.h"

template<typename T>
void Inventory::fetchCatalog(const QString &accountId, InventoryCache::CatalogKind kind,
                             void (Provider::*list)(Callback<QList<T>>), Callback<QList<T>> done)
{
    QPointer<Inventory> self(this);
    // The cached copy stands in when the provider cannot answer (offline, or failing).
    auto fallback = [self, accountId, kind, done](const Error &error) {
        QDateTime storedAt;
        const QJsonArray stored = self && self->m_cache
                                      ? self->m_cache->catalog(accountId, kind, &storedAt)
                                      : QJsonArray();
        if (storedAt.isValid() && error.kind() != Error::Unsupported)
            done(InventoryCache::fromJsonArray<T>(stored));
        else
            done(error);
    };
    withProvider(accountId, [self, accountId, kind, list, done,
                             fallback](Result<Provider *> provider) {
        if (!provider.ok())
            return fallback(provider.error());
        (provider.value()->*list)([self, accountId, kind, done, fallback](Result<QList<T>> items) {
            if (!items.ok())
                return fallback(items.error());
            if (self && self->m_cache && self->m_cache->isOpen()) {
                self->m_cache->storeCatalog(
                    accountId, kind, InventoryCache::toJsonArray(items.value()), self->now());
            }
            done(items);
        });
    });
}

void Inventory::fetchRegions(const QString &accountId, Callback<QList<Region>> done)
{
    fetchCatalog<Region>(accountId, InventoryCache::CatalogKind::Regions, &Provider::listRegions,
                         std::move(done));
}

void Inventory::fetchSizes(const QString &accountId, Callback<QList<Size>> done)
{
    fetchCatalog<Size>(accountId, InventoryCache::CatalogKind::Sizes, &Provider::listSizes,
                       std::move(done));
}

void Inventory::fetchImages(const QString &accountId, Callback<QList<Image>> done)
{
    fetchCatalog<Image>(accountId, InventoryCache::CatalogKind::Images, &Provider::listImages,
                        std::move(done));
}

void Inventory::fetchSshKeys(const QString &accountId, Callback<QList<SshKey>> done)
{
    fetchCatalog<SshKey>(accountId, InventoryCache::CatalogKind::SshKeys, &Provider::listSshKeys,
                         std::move(done));
}
