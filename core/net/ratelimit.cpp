#include "ratelimit.h"

#include "httpresponse.h"

#include <algorithm>

namespace {
std::optional<RateLimit> read(const HttpResponse &response, const QByteArray &prefix)
{
    bool remainingOk = false;
    const int remaining = response.header(prefix + "Remaining").toInt(&remainingOk);
    if (!remainingOk)
        return std::nullopt;
    RateLimit limit;
    limit.remaining = remaining;
    bool ok = false;
    const int total = response.header(prefix + "Limit").toInt(&ok);
    if (ok)
        limit.limit = total;
    const qint64 reset = response.header(prefix + "Reset").toLongLong(&ok);
    if (ok && reset > 0)
        limit.reset = QDateTime::fromSecsSinceEpoch(reset, Qt::UTC);
    return limit;
}
} // namespace

std::optional<RateLimit> RateLimit::fromHeaders(const HttpResponse &response)
{
    if (auto limit = read(response, "RateLimit-"))
        return limit;
    return read(response, "X-RateLimit-");
}

qint64 RateLimit::delayBeforeNextMs(const QDateTime &now) const
{
    if (remaining < 0 || !reset.isValid())
        return 0;
    const qint64 untilReset = std::max<qint64>(0, now.msecsTo(reset));
    if (remaining == 0)
        return untilReset;
    // Low water mark: the last 5% of the window (at least 5 requests) are spread evenly.
    const int lowWater = std::max(5, limit > 0 ? limit / 20 : 5);
    if (remaining > lowWater)
        return 0;
    return untilReset / (remaining + 1);
}
