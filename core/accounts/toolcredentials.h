#pragma once

#include "clouddeck_core_export.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>

/**
 * @brief The credentials people already have in each cloud's own command-line tool, found and
 * read, never changed.
 *
 * `accounts import --from-tools` and the GUI's "Import from installed tools" offer each one as an
 * account: the secret goes to the keychain, the original file is left as it is (and the user is
 * told it still holds the secret). Files and formats, from each tool's documentation:
 * - doctl: `$XDG_CONFIG_HOME/doctl/config.yaml` (`access-token`, `auth-contexts: {name: token}`,
 *   `api-url`)
 * - hcloud: `$XDG_CONFIG_HOME/hcloud/cli.toml` or `$HCLOUD_CONFIG` (`[[contexts]]` with `name`,
 *   `token`)
 * - linode-cli: `$XDG_CONFIG_HOME/linode-cli` (INI: a section per user with `token`, `region`,
 *   `api_host`/`api_scheme`/`api_version`)
 * - vultr-cli: `$HOME/.vultr-cli.yaml` or `$XDG_CONFIG_HOME/vultr-cli.yaml` (`api-key`)
 * - AWS CLI: `~/.aws/credentials` and `~/.aws/config` (or `$AWS_SHARED_CREDENTIALS_FILE`,
 *   `$AWS_CONFIG_FILE`): profiles with static keys; SSO, `credential_process` and role profiles
 *   are reported as not importable yet.
 * OpenStack's clouds.yaml has its own import (CloudsYamlImport); gcloud's application default
 * credentials are the GCE plugin's `--adc-file`.
 */
class CLOUDDECK_CORE_EXPORT ToolCredentials
{
public:
    /// One credential found in a tool's file.
    struct Found
    {
        QString tool; ///< "doctl", "hcloud", "linode-cli", "vultr-cli", "aws"
        QString file; ///< where it was found
        QString context; ///< the tool's own name for it (context, user, profile)
        QString providerId; ///< our plugin id
        QVariantMap settings; ///< non-secret account fields (an AWS access key id)
        QStringList regions;
        /// The API the tool talks to when its file says (doctl's api-url, linode-cli's api_host);
        /// empty: the provider's own.
        QUrl endpoint;
        QVariantMap secrets; ///< the secret fields, by our field ids
        QString problem; ///< non-empty: cannot be imported, and why (in the user's words)

        [[nodiscard]] bool importable() const { return problem.isEmpty() && !secrets.isEmpty(); }
        /// "doctl work", the name a new account gets (made unique by the importer).
        [[nodiscard]] QString suggestedName() const;
    };

    /// Where to look: the user's home and config folder (tests give their own).
    struct Locations
    {
        QString home;
        QString configHome;
        QString hcloudConfig; ///< $HCLOUD_CONFIG, if set
        QString awsCredentials; ///< $AWS_SHARED_CREDENTIALS_FILE, if set
        QString awsConfig; ///< $AWS_CONFIG_FILE, if set
        /// The real ones: $HOME, $XDG_CONFIG_HOME (or ~/.config) and the tools' variables.
        [[nodiscard]] static Locations fromEnvironment();
    };

    /// Every credential of every tool found under @p where, in tool order; a file that exists
    /// but cannot be read gives one entry with its problem.
    [[nodiscard]] static QList<Found> scan(const Locations &where);

    // One reader per tool, each taking the file's contents (for tests and for scan()).
    [[nodiscard]] static QList<Found> readDoctl(const QByteArray &yaml, const QString &file);
    [[nodiscard]] static QList<Found> readHcloud(const QByteArray &toml, const QString &file);
    [[nodiscard]] static QList<Found> readLinodeCli(const QByteArray &ini, const QString &file);
    [[nodiscard]] static QList<Found> readVultrCli(const QByteArray &yaml, const QString &file);
    [[nodiscard]] static QList<Found> readAws(const QByteArray &credentials,
                                              const QString &credentialsFile,
                                              const QByteArray &config, const QString &configFile);
};
