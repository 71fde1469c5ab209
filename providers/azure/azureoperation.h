#pragma once

#include "httpclient.h"
#include "result.h"

#include <QObject>
#include <QUrl>
#include <functional>
#include <optional>

/**
 * @brief One Azure Resource Manager long-running operation, followed to its end.
 *
 * A 201/202 reply names where to look: Azure-AsyncOperation (a status resource whose "status"
 * is InProgress until Succeeded, Failed or Canceled, with Azure's error) or, without it, Location
 * (202 while running, 200/204 when done). Each look waits for the reply's Retry-After (ARM's own
 * pace; capped) or, without one, a delay growing by half; a still running operation at the
 * deadline is a Timeout, and the next listing shows where the machine got to. Only URLs on the
 * Resource Manager host are followed, so a reply can never send the token elsewhere (the
 * authorizer would not add it anyway). The timers belong to the context (the provider):
 * deleting it cancels the follow without a callback.
 */
class AzureOperation
{
public:
    struct Handle
    {
        QUrl url;
        bool asyncOperation = false; ///< Azure-AsyncOperation, else Location
        int retryAfterSeconds = -1;
    };
    struct Timing
    {
        int firstMs = 2000;
        int maxMs = 15'000;
        int maxRetryAfterMs = 60'000;
        int timeoutMs = 15 * 60'000;
    };
    using Sender = std::function<void(HttpRequest request, Callback<HttpResponse> done)>;
    /// How a followed operation ended. Failed is Azure's own verdict (the status resource said
    /// Failed or Canceled, or the Location look answered 400/409/422); Unknown is a look that
    /// could not be made or read, or the deadline: the operation may still succeed.
    enum class End { Succeeded, Failed, Unknown };
    using EndCallback = std::function<void(End end, const Error &error)>;

    /// The operation a 2xx reply announced, or nullopt when it completed at once (200 without a
    /// header). An announced URL on another host than @p armBase is InvalidReply.
    [[nodiscard]] static Result<std::optional<Handle>> fromReply(const HttpResponse &reply,
                                                                 const QUrl &armBase);
    /// Looks at @p handle until it ends; @p done gets success, Azure's error (BadRequest with
    /// its code, or Server for InternalExecutionError), or Timeout.
    static void follow(QObject *context, const Sender &send, const Handle &handle,
                       const Timing &timing, const QString &what, const Callback<void> &done);
    /// follow() for callers that act on the verdict (a failed create is cleaned up, a create
    /// of unknown outcome is not): @p done gets the End and, unless Succeeded, the error.
    static void followEnd(QObject *context, const Sender &send, const Handle &handle,
                          const Timing &timing, const QString &what, EndCallback done);
};
