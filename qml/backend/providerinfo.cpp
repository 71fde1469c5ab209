#include "providerinfo.h"

#include "machineaction.h"

#include <QVariantList>

QVariantMap ProviderInfo::toMap(const ProviderMetadata &metadata)
{
    QVariantList fields;
    for (const ProviderMetadata::Field &field : metadata.credentialFields) {
        fields.append(QVariantMap {{QStringLiteral("id"), field.id},
                                   {QStringLiteral("label"), field.label},
                                   {QStringLiteral("placeholder"), field.placeholder},
                                   {QStringLiteral("help"), field.help},
                                   {QStringLiteral("secret"), field.secret},
                                   {QStringLiteral("required"), field.required},
                                   {QStringLiteral("hidden"), field.hidden}});
    }
    QVariantList files;
    for (const ProviderMetadata::CredentialFile &file : metadata.credentialFiles) {
        files.append(QVariantMap {{QStringLiteral("id"), file.id},
                                  {QStringLiteral("label"), file.label},
                                  {QStringLiteral("help"), file.help},
                                  {QStringLiteral("defaultPath"), file.defaultPath}});
    }
    // Every action, not only the plugin's own, so QML reads one place for its words.
    QVariantMap actions;
    for (const MachineAction::Action action : MachineAction::all()) {
        const QString id = MachineAction::id(action);
        actions.insert(id, QVariantMap {{QStringLiteral("label"), metadata.actionLabel(id)},
                                        {QStringLiteral("description"),
                                         metadata.actionDescription(id)}});
    }
    return {{QStringLiteral("id"), metadata.id},
            {QStringLiteral("name"), metadata.name},
            {QStringLiteral("mark"), metadata.mark},
            {QStringLiteral("demo"), metadata.demo},
            {QStringLiteral("defaultEndpoint"), metadata.defaultEndpoint.toString()},
            {QStringLiteral("tokenUrl"), metadata.tokenUrl.toString()},
            {QStringLiteral("capabilities"), metadata.capabilities},
            {QStringLiteral("actions"), actions},
            {QStringLiteral("fields"), fields},
            {QStringLiteral("files"), files}};
}
