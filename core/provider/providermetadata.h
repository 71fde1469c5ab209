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
 *  ("keyText": a create request may name an SSH key by its public key line, not only by a key
 *   stored in the account: the wizard then offers the keys on this computer),
 *  "credentialFields": [{"id": "token", "label": "API token", "secret": true}],
 *  "billing": {"currency": "USD", "prices": "list", "stopped": "full",
 *              "quote": "<the provider's own words>", "source": "https://..."},
 *  "actions": {"shutdown": {"label": "Stop (deallocate)", "progress": "Stopping (deallocating)",
 *                           "description": "<what it does, what it costs>"}}}
 * "actions" is optional and only for the actions whose words differ from the generic ones.
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

    /// How the cloud bills, for the cost view: what its prices are in and what a stopped machine
    /// costs. Each rule quotes the provider's own documentation (quote, source), so the rule can
    /// be checked and shown to the user.
    struct Billing
    {
        /// What a machine that is stopped (powered off, not deleted) still costs.
        enum class Stopped {
            Unknown, ///< not documented: counted in full and marked as an estimate
            Full, ///< the whole price: the cloud keeps CPU, RAM and disk reserved
            Volumes, ///< only its disks (AWS: EBS volumes), which the listing does not price
            Free, ///< nothing
        };
        /// Where machine prices come from.
        enum class Prices {
            None, ///< no list price (private clouds): the user may set one
            List, ///< the listing or the size catalogue carries the provider's price
            PriceListApi, ///< a separate price service (AWS Price List Query API)
        };
        QString currency = QStringLiteral("USD"); ///< ISO 4217, what the cloud bills in
        Prices prices = Prices::None;
        Stopped stopped = Stopped::Unknown;
        bool taxIncluded = false; ///< prices are gross (Hetzner shows VAT-inclusive prices)
        QString quote; ///< the provider's words the stopped rule rests on
        QUrl source; ///< where those words are published

        [[nodiscard]] static QString stoppedId(Stopped stopped);
        [[nodiscard]] static Stopped stoppedFromId(const QString &id);
        [[nodiscard]] static QString pricesId(Prices prices);
        [[nodiscard]] static Prices pricesFromId(const QString &id);
        [[nodiscard]] static Billing fromJson(const QJsonObject &object);
        [[nodiscard]] QJsonObject toJson() const;
        bool operator==(const Billing &) const = default;
    };

    /// A provider's own words for one action (Azure's shutdown is "Stop (deallocate)"), shown
    /// as the plugin gives them; an empty member falls back to the generic, translated words.
    struct ActionWording
    {
        QString label; ///< menus and buttons: "Stop (deallocate)"
        QString progress; ///< CLI progress: "Stopping (deallocating)"
        QString description; ///< tooltip and confirmation body: the effect and what it costs
        bool operator==(const ActionWording &) const = default;
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
    Billing billing;
    /// The login its images use when the machine does not say ("ec2-user" on AWS); empty: the
    /// app's setting (root unless changed), as on DigitalOcean, Hetzner, Linode and Vultr.
    QString sshUser;
    /// Action id ("shutdown") -> the plugin's own words, only for the actions that have them.
    QList<std::pair<QString, ActionWording>> actions;

    [[nodiscard]] bool isValid() const { return !id.isEmpty(); }
    [[nodiscard]] bool can(const QString &capability) const
    {
        return capabilities.contains(capability);
    }
    [[nodiscard]] QList<Field> secretFields() const;
    [[nodiscard]] QList<Field> settingFields() const;
    /// The field with @p id, or nullptr.
    [[nodiscard]] const Field *field(const QString &id) const;
    /// The label of action @p actionId: the plugin's, else the generic "Shut down".
    [[nodiscard]] QString actionLabel(const QString &actionId) const;
    /// The CLI's progress words: the plugin's, else the label ("Shut down: vm1…").
    [[nodiscard]] QString actionProgress(const QString &actionId) const;
    /// What the action does: the plugin's, else the generic description (may be empty).
    [[nodiscard]] QString actionDescription(const QString &actionId) const;
    /// The plugin's own words for @p actionId, or nullptr when it uses the generic ones.
    [[nodiscard]] const ActionWording *actionWording(const QString &actionId) const;
    /// The generic description of an action, translated; empty when the label says it all.
    [[nodiscard]] static QString genericActionDescription(const QString &actionId);
    /// "accessKeyId" -> "access-key-id"
    [[nodiscard]] static QString optionName(const QString &fieldId);

    [[nodiscard]] static ProviderMetadata fromJson(const QJsonObject &object);
    [[nodiscard]] QJsonObject toJson() const;
};
