#pragma once

#include "account.h"
#include "clouddeck_core_export.h"
#include "result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

/**
 * @brief Reads OpenStack's clouds.yaml (and secure.yaml beside it) into CloudDeck accounts.
 *
 * The format is openstacksdk's ("Configuring OpenStack Application": clouds -> <name> -> auth,
 * auth_type, region_name / regions, interface), read with yaml-cpp, never by hand. secure.yaml
 * holds the same tree with the secret parts and is merged over clouds.yaml, as openstacksdk does.
 * Supported: application credentials (auth_type v3applicationcredential, the recommended kind) and
 * password sign-in (password / v3password) scoped to a project. Anything else is an error that
 * names the cloud and the field, and nothing of such a file is imported.
 */
class CLOUDDECK_CORE_EXPORT CloudsYaml
{
    Q_DECLARE_TR_FUNCTIONS(CloudsYaml)
public:
    /// @brief One cloud of the file, as an account to add and its secrets for the keychain.
    struct Entry
    {
        QString cloud; ///< its name in clouds.yaml, also the account's name
        Account account; ///< provider "openstack", endpoint = auth_url; no id yet
        QVariantMap secrets; ///< applicationCredentialSecret or password
        /// What the user should know: a secret left in plain text in clouds.yaml, settings
        /// CloudDeck does not follow (verify: false, cacert).
        QStringList notes;
    };

    /// Where openstacksdk looks, in order: $OS_CLIENT_CONFIG_FILE, ./clouds.yaml,
    /// ~/.config/openstack/clouds.yaml, /etc/openstack/clouds.yaml.
    [[nodiscard]] static QStringList searchPath(const QString &fileName = QStringLiteral("clouds.yaml"));
    /// The first file of searchPath() that exists; empty when none does.
    [[nodiscard]] static QString findCloudsYaml();
    /// Reads @p file (empty: findCloudsYaml()) and the secure.yaml next to it (else the first on
    /// the search path), and gives the cloud @p cloud, or every cloud when it is empty.
    [[nodiscard]] static Result<QList<Entry>> read(const QString &file, const QString &cloud);
    /// The same on the files' contents (@p secure may be empty); @p source names clouds.yaml in
    /// messages.
    [[nodiscard]] static Result<QList<Entry>> parse(const QByteArray &clouds,
                                                    const QByteArray &secure, const QString &cloud,
                                                    const QString &source);
};
