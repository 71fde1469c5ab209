#pragma once

#include "clouddeck_core_export.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

/**
 * @brief What a provider plugin says about itself in its JSON metadata, readable without loading
 * it.
 *
 * The JSON (embedded with Q_PLUGIN_METADATA FILE) looks like:
 * {"id": "digitalocean", "name": "DigitalOcean", "mark": "DO", "defaultEndpoint": "https://...",
 *  "tokenUrl": "https://...", "capabilities": ["start", "shutdown", ...],
 *  "credentialFields": [{"id": "token", "label": "API token", "secret": true}]}
 */
struct CLOUDDECK_CORE_EXPORT ProviderMetadata
{
    struct Field
    {
        QString id; ///< "token", "accessKeyId"; the CLI option is its kebab-case form
        QString label; ///< shown in forms
        QString placeholder;
        QString help;
        bool secret = false; ///< secret fields go to the keychain, the rest to account settings
        bool required = true;
        /// Not typed in forms nor asked for on stdin: filled from a credential file (a GCE key's
        /// private key). A hidden setting still has its CLI option.
        bool hidden = false;
        bool operator==(const Field &) const = default;
    };

    /// A JSON file that fills credential fields (a Google service-account key): the CLI's
    /// "--<kebab id> FILE", the form's file picker.
    struct CredentialFile
    {
        QString id; ///< "keyFile"; the CLI option is its kebab-case form
        QString label;
        QString help;
        QString type; ///< the file's "type" member must equal this, when set
        QString defaultPath; ///< where the file usually is ("~/.config/…"), for pickers
        QList<std::pair<QString, QString>> fields; ///< file member -> credential field id
        bool operator==(const CredentialFile &) const = default;
    };

    QString id;
    QString name;
    QString mark; ///< the monogram drawn in our provider marks ("DO")
    QUrl defaultEndpoint;
    QUrl tokenUrl; ///< where a user creates the credential
    /// action ids plus "create", "regions", "sizes", "images", "keys", "metrics"
    QStringList capabilities;
    QList<Field> credentialFields;
    QList<CredentialFile> credentialFiles;
    bool demo = false; ///< simulated locally; always labelled so

    [[nodiscard]] bool isValid() const { return !id.isEmpty(); }
    [[nodiscard]] bool can(const QString &capability) const
    {
        return capabilities.contains(capability);
    }
    [[nodiscard]] QList<Field> secretFields() const;
    [[nodiscard]] QList<Field> settingFields() const;
    /// The field with @p id, or nullptr.
    [[nodiscard]] const Field *field(const QString &id) const;
    /// "accessKeyId" -> "access-key-id"
    [[nodiscard]] static QString optionName(const QString &fieldId);

    [[nodiscard]] static ProviderMetadata fromJson(const QJsonObject &object);
    [[nodiscard]] QJsonObject toJson() const;
};
