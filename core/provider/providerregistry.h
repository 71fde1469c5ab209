#pragma once

#include "clouddeck_core_export.h"
#include "providermetadata.h"

#include <QHash>
#include <QLoggingCategory>
#include <QObject>
#include <QStringList>

class Provider;
class ProviderPlugin;
class QPluginLoader;
struct Account;

CLOUDDECK_CORE_EXPORT Q_DECLARE_LOGGING_CATEGORY(lcPlugins)

    /**
     * @brief Finds provider plugins at run time and creates providers from them.
     *
     * Searches, in order, every folder in CLOUDDECK_PLUGIN_PATH (path-list separated), then the
     * install's plugin folder relative to the executable (<bin>/../<libdir>/clouddeck/plugins),
     * which is also where the build tree puts them. The first plugin found for an id wins. Metadata
     * is read without loading the library; a plugin is loaded when its first provider is created.
     */
    class CLOUDDECK_CORE_EXPORT ProviderRegistry : public QObject
{
    Q_OBJECT
public:
    explicit ProviderRegistry(QObject *parent = nullptr);
    ~ProviderRegistry() override;

    /// Scans the search path again (new plugins are added; known ones kept).
    void scan();
    [[nodiscard]] QStringList searchPath() const;
    [[nodiscard]] QList<ProviderMetadata> providers() const;
    [[nodiscard]] QStringList providerIds() const;
    [[nodiscard]] ProviderMetadata metadata(const QString &id) const;
    [[nodiscard]] bool contains(const QString &id) const { return m_entries.contains(id); }
    [[nodiscard]] QString fileName(const QString &id) const;

    /// A provider for @p account, or nullptr (with @p error set) if its plugin cannot be loaded.
    [[nodiscard]] Provider *create(const Account &account, const QVariantMap &secrets,
                                   QObject *parent, QString *error = nullptr);

private:
    struct Entry
    {
        ProviderMetadata metadata;
        QPluginLoader *loader = nullptr;
    };
    QHash<QString, Entry> m_entries;
};
