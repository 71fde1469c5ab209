#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

/**
 * @brief The user's own public keys on this computer (the .pub files of ~/.ssh), for the wizard:
 * read only as far as their first line, and never a private key.
 */
class LocalSshKeys
{
    Q_DECLARE_TR_FUNCTIONS(LocalSshKeys)
public:
    struct Key
    {
        QString path;
        QString line; ///< "ssh-ed25519 AAAA... comment", what --ssh-key takes
        QString name; ///< the key's comment, else the file's name
        QString fingerprint; ///< "SHA256:..."
    };

    /// The public keys among @p folder's *.pub files, by file name; other files are not opened,
    /// and a .pub that is not a public key is left out.
    [[nodiscard]] static QList<Key> scan(const QString &folder);
    /// The public key in @p path, or InvalidInput saying why not: a file without the .pub form
    /// is refused unopened; of a .pub only the first line is read, and a private key block
    /// there is refused with a warning, read no further.
    [[nodiscard]] static Result<Key> read(const QString &path);
    /// ~/.ssh
    [[nodiscard]] static QString defaultFolder();

    /// A key line is at most a few kilobytes (RSA 16384 is about 2.8 KB).
    static constexpr qint64 maxLineBytes = 16 * 1024;
};
