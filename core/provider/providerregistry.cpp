#include "providerregistry.h"

#include "provider.h"
#include "providerplugin.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonObject>
#include <QLibrary>
#include <QPluginLoader>

Q_LOGGING_CATEGORY(lcPlugins, "clouddeck.plugins", QtInfoMsg)

ProviderPlugin::~ProviderPlugin() = default;

ProviderRegistry::ProviderRegistry(QObject *parent)
    : QObject(parent)
{
    scan();
}

// Loaders stay loaded for the life of the process: providers' code lives in them.
ProviderRegistry::~ProviderRegistry() = default;

QStringList ProviderRegistry::searchPath() const
{
    QStringList path;
    const QString fromEnv = qEnvironmentVariable("CLOUDDECK_PLUGIN_PATH");
    for (const QString &dir : fromEnv.split(QDir::listSeparator(), Qt::SkipEmptyParts))
        path.append(QDir::cleanPath(dir));
    path.append(QDir::cleanPath(QCoreApplication::applicationDirPath()
                                + QStringLiteral("/../" CLOUDDECK_PLUGIN_RELDIR)));
    return path;
}

void ProviderRegistry::scan()
{
    for (const QString &dir : searchPath()) {
        const QDir folder(dir);
        const auto files = folder.entryInfoList(QDir::Files, QDir::Name);
        for (const QFileInfo &file : files) {
            if (!QLibrary::isLibrary(file.fileName()))
                continue;
            auto *loader = new QPluginLoader(file.absoluteFilePath(), this);
            const QJsonObject meta = loader->metaData();
            if (meta.value(QLatin1String("IID")).toString() != QLatin1String(ProviderPlugin_iid)) {
                delete loader;
                continue;
            }
            ProviderMetadata metadata =
                ProviderMetadata::fromJson(meta.value(QLatin1String("MetaData")).toObject());
            if (!metadata.isValid() || m_entries.contains(metadata.id)) {
                delete loader;
                continue;
            }
            qCDebug(lcPlugins) << "found provider" << metadata.id << "in" << file.filePath();
            m_entries.insert(metadata.id, {metadata, loader});
        }
    }
}

QList<ProviderMetadata> ProviderRegistry::providers() const
{
    QList<ProviderMetadata> result;
    for (const QString &id : providerIds())
        result.append(m_entries.value(id).metadata);
    return result;
}

QStringList ProviderRegistry::providerIds() const
{
    QStringList ids = m_entries.keys();
    ids.sort();
    return ids;
}

ProviderMetadata ProviderRegistry::metadata(const QString &id) const
{
    return m_entries.value(id).metadata;
}

QString ProviderRegistry::fileName(const QString &id) const
{
    const Entry entry = m_entries.value(id);
    return entry.loader ? entry.loader->fileName() : QString();
}

Provider *ProviderRegistry::create(const Account &account, const QVariantMap &secrets,
                                   QObject *parent, QString *error)
{
    const auto it = m_entries.constFind(account.providerId);
    if (it == m_entries.constEnd()) {
        if (error)
            *error = tr("No provider plugin \"%1\" is installed.").arg(account.providerId);
        return nullptr;
    }
    auto *plugin = qobject_cast<ProviderPlugin *>(it->loader->instance());
    if (!plugin) {
        if (error) {
            *error = tr("The provider plugin \"%1\" could not be loaded: %2")
                         .arg(account.providerId, it->loader->errorString());
        }
        qCWarning(lcPlugins) << "cannot load" << it->loader->fileName()
                             << it->loader->errorString();
        return nullptr;
    }
    return plugin->create(it->metadata, account, secrets, parent);
}
