#pragma once

#include "clouddeck_core_export.h"
#include "result.h"

#include <QCoreApplication>
#include <QString>

/**
 * @brief The one check an id passes before it goes into a request path, per kind of id.
 *
 * Machine ids come from the cache, the command line and the providers' own replies; any of them
 * can be wrong or hostile ("../account", "42?x=1"). Each provider names the kind its API uses and
 * checks every id with it before building a path, so a bad id is a clear InvalidInput error and
 * never a request to another resource.
 */
class CLOUDDECK_CORE_EXPORT ResourceId
{
    Q_DECLARE_TR_FUNCTIONS(ResourceId)
public:
    enum Kind {
        /// A positive integer in decimal, no sign, no leading zero, at most 18 digits (fits a
        /// qint64): DigitalOcean, Hetzner and Linode ids. "0" is never an object's id.
        Numeric,
        /// A UUID in its 8-4-4-4-12 hex form (either case): Vultr, OpenStack ids.
        Uuid,
        /// An opaque id made only of URL-unreserved characters (letters, digits, '-', '.', '_',
        /// '~'), 1 to 255 of them, and not "." or "..": AWS "i-0abc…", names used as ids.
        Opaque,
    };

    [[nodiscard]] static bool isValid(Kind kind, const QString &id);
    /// Ok when @p id is valid, else InvalidInput: "“x” is not a valid <noun>." @p noun names the
    /// id for the user, translated by the caller ("DigitalOcean droplet id").
    [[nodiscard]] static Result<void> check(Kind kind, const QString &id, const QString &noun);
};
