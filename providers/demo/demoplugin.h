#pragma once

#include "providerplugin.h"

#include <QObject>

/// @brief The plugin that makes Demo cloud accounts (id "demo").
class DemoPlugin : public QObject, public ProviderPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID ProviderPlugin_iid FILE "demo.json")
    Q_INTERFACES(ProviderPlugin)
public:
    [[nodiscard]] Provider *create(const ProviderMetadata &metadata, const Account &account,
                                   const QVariantMap &secrets, QObject *parent) override;
};
