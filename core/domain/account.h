#pragma once

#include "clouddeck_core_export.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>

/**
 * @brief One cloud account: which provider, what to call it, where its API is. Never its secret.
 *
 * The secret lives in the OS keychain under @c id (see CredentialStore); everything here is safe to
 * write to QSettings.
 */
struct CLOUDDECK_CORE_EXPORT Account
{
    QString id; ///< UUID without braces, the keychain key
    QString providerId;
    QString name;
    QUrl endpoint; ///< API base URL override; empty means the plugin's default
    QVariantMap settings; ///< non-secret credential fields (AWS access key id, OpenStack user, ...)
    QStringList regions; ///< regions to include; empty means all
    QByteArray pinnedCertificateSha256; ///< hex, lower case; only for self-signed private clouds
    int pollIntervalSeconds = 0; ///< 0 means the global default

    /// How to log in to this account's machines (SshTarget); empty fields mean "the default".
    struct Ssh
    {
        QString user; ///< empty: the machine's own login user, else the app's setting
        int port = 0; ///< 0: 22
        QString identityFile; ///< a private key *file* (ssh -i); never the key itself
        bool privateAddress = false; ///< connect by private IP first (VPN, bastion, same VPC)
        bool operator==(const Ssh &) const = default;
    };
    Ssh ssh;

    [[nodiscard]] bool isValid() const { return !id.isEmpty() && !providerId.isEmpty(); }
    [[nodiscard]] static QString newId();

    /// An endpoint as a user types it. "{region}" may stand anywhere, even in the host name
    /// (AWS-style "https://ec2.{region}.example.com"), where QUrl allows no braces: there it is
    /// kept as the DNS label regionLabel(), which providers replace with the region.
    [[nodiscard]] static QUrl endpointFromText(const QString &text);
    /// The endpoint as a user typed it, "{region}" restored.
    [[nodiscard]] QString endpointText() const;
    /// The stand-in for "{region}" inside a stored endpoint.
    [[nodiscard]] static QString regionLabel() { return QStringLiteral("clouddeck-region"); }
    bool operator==(const Account &) const = default;
};
