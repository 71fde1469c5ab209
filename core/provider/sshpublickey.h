#pragma once

#include "catalog.h"
#include "clouddeck_core_export.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

/**
 * @brief What CloudDeck can tell from an OpenSSH public key line ("ssh-ed25519 AAAA… comment")
 * by itself, for APIs that list keys without a fingerprint (Linode, Vultr) and for telling a key
 * from a key id.
 */
namespace SshPublicKey {

/// True when @p text has the form "<type> <base64 blob> [comment]" of a public key.
CLOUDDECK_CORE_EXPORT bool isPublicKey(const QString &text);
/// "SHA256:<base64 without padding>" as `ssh-keygen -l` prints it; empty when not a key.
CLOUDDECK_CORE_EXPORT QString fingerprintSha256(const QString &publicKey);
/// The keys of @p available that @p wanted name, in order: each by id, name, fingerprint or the
/// public key line itself (what a person may type after --ssh-key). InvalidInput naming the first
/// one that is not there, since creating a machine without the key asked for would lock them out.
CLOUDDECK_CORE_EXPORT Result<QList<SshKey>> select(const QList<SshKey> &available,
                                                   const QStringList &wanted);

/// How an API names a key in a create request: which entries it takes as they are (Vultr a key
/// id, Linode a key line), and what it takes for a key of the account's catalog.
struct KeyForm
{
    std::function<bool(const QString &entry)> direct;
    std::function<QString(const SshKey &key)> pick;
};
/// Lists the account's keys (the provider's listSshKeys()).
using KeyListing = std::function<void(Callback<QList<SshKey>> done)>;

/// The entries of @p wanted (ids, names, fingerprints, key lines, as the wizard and --ssh-key
/// give them) in the form @p form describes: an entry it takes directly as it is (trimmed), any
/// other looked up with select() among the keys @p list gives, which runs only when one is
/// needed. Without a lookup @p done runs at once: the caller sends its create request from it,
/// whose reply comes later.
CLOUDDECK_CORE_EXPORT void resolve(const QStringList &wanted, const KeyForm &form,
                                   const KeyListing &list, Callback<QStringList> done);

} // namespace SshPublicKey
