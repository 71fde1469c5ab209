#pragma once

#include "clouddeck_core_export.h"

#include <QDateTime>
#include <optional>

struct HttpResponse;

/**
 * @brief What a provider's rate-limit headers said about the budget left.
 */
struct CLOUDDECK_CORE_EXPORT RateLimit
{
    int limit = -1; ///< requests per window, -1 when unknown
    int remaining = -1; ///< requests left in this window
    QDateTime reset; ///< when the window refills (UTC)

    /// The common "RateLimit-Limit/Remaining/Reset" family (DigitalOcean, Hetzner) and its
    /// "X-RateLimit-*" twin (Linode). Reset is an epoch time in seconds in all three.
    [[nodiscard]] static std::optional<RateLimit> fromHeaders(const HttpResponse &response);

    /// How long to hold the next request so the budget lasts until reset: nothing while plenty
    /// is left, an even spread when it runs low, until reset when it is gone.
    [[nodiscard]] qint64 delayBeforeNextMs(const QDateTime &now) const;
};
