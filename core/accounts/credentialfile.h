#pragma once

#include "clouddeck_core_export.h"
#include "providermetadata.h"
#include "result.h"

#include <QCoreApplication>
#include <QVariantMap>

/**
 * @brief Reads a credential file a provider's metadata describes (a Google service-account key,
 * gcloud's application default credentials) into credential field values.
 *
 * The CLI's "--key-file FILE" and the form's file picker both come here, so the same file gives
 * the same fields. The values include secret ones (a private key): callers hand those to the
 * keychain only (AccountService), never to settings or logs; the file itself is left where it is.
 */
class CLOUDDECK_CORE_EXPORT CredentialFile
{
    Q_DECLARE_TR_FUNCTIONS(CredentialFile)
public:
    /// A key file is a few kilobytes; anything far larger is not one.
    static constexpr qint64 maxBytes = 64 * 1024;

    /// Field id -> value for every member of @p spec found in the JSON @p content (members that
    /// are absent or empty are left out), or InvalidInput saying what is wrong with the file.
    [[nodiscard]] static Result<QVariantMap> parse(const ProviderMetadata::CredentialFile &spec,
                                                   const QByteArray &content);
    /// parse() of the file at @p path ("~/" is the home folder).
    [[nodiscard]] static Result<QVariantMap> read(const ProviderMetadata::CredentialFile &spec,
                                                  const QString &path);
};
