#include "azureoperation.h"

#include "azureparser.h"
#include "httperrortext.h"
#include "oauthtoken.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>
#include <memory>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AzureOperation", text);
}

struct Run
{
    AzureOperation::Sender send;
    AzureOperation::Handle handle;
    AzureOperation::Timing timing;
    QString what;
    AzureOperation::EndCallback end;
    qint64 deadlineMs = 0;

    void done(const Error &error, AzureOperation::End verdict) const { end(verdict, error); }
    void unknown(const Error &error) const { end(AzureOperation::End::Unknown, error); }
};

int delayFor(const Run &run, int retryAfterSeconds, int previousMs)
{
    if (retryAfterSeconds >= 0)
        return int(std::min<qint64>(qint64(retryAfterSeconds) * 1000, run.timing.maxRetryAfterMs));
    return std::min(run.timing.maxMs, previousMs + std::max(1, previousMs / 2));
}

/// What a look that failed says: a Location look answers the failed operation's own error
/// (400/409/422); anything else (no connection, a 5xx after retries, a 401) says nothing of it.
AzureOperation::End verdictOf(const Run &run, const Error &error)
{
    return !run.handle.asyncOperation && error.kind() == Error::BadRequest
               ? AzureOperation::End::Failed
               : AzureOperation::End::Unknown;
}

void poll(QObject *context, const std::shared_ptr<Run> &run, int delayMs)
{
    QTimer::singleShot(delayMs, context, [context, run, delayMs] {
        run->send(HttpRequest::get(run->handle.url), [context, run,
                                                      delayMs](Result<HttpResponse> reply) {
            if (!reply.ok())
                return run->done(reply.error(), verdictOf(*run, reply.error()));
            const int retryAfter =
                HttpErrorText::retryAfterSeconds(reply.value().header("Retry-After"));
            bool finished = false;
            if (run->handle.asyncOperation) {
                const Result<QJsonObject> body = reply.value().jsonObject();
                const Result<AzureParser::Operation> operation =
                    body.ok() ? AzureParser::operation(body.value())
                              : Result<AzureParser::Operation>(body.error());
                if (!operation.ok())
                    return run->unknown(operation.error());
                const AzureParser::Operation &value = operation.value();
                if (value.finished() && !value.succeeded()) {
                    const QString reason =
                        value.errorMessage.isEmpty() ? value.status : value.errorMessage;
                    const bool internal = value.errorCode.contains(QLatin1String("Internal"));
                    Error error(internal ? Error::Server : Error::BadRequest,
                                tr("Azure could not %1: %2").arg(run->what, reason));
                    error.setProviderCode(value.errorCode.isEmpty() ? value.status
                                                                    : value.errorCode);
                    return run->done(error, AzureOperation::End::Failed);
                }
                finished = value.finished();
            } else {
                finished = reply.value().status != 202;
            }
            if (finished)
                return run->done({}, AzureOperation::End::Succeeded);
            if (QDateTime::currentMSecsSinceEpoch() >= run->deadlineMs) {
                return run->unknown(
                    Error(Error::Timeout, tr("Azure was still working to %1 after %2 minutes. It "
                                             "may still finish; refresh to see.")
                                              .arg(run->what)
                                              .arg(run->timing.timeoutMs / 60'000)));
            }
            poll(context, run, delayFor(*run, retryAfter, delayMs));
        });
    });
}

} // namespace

Result<std::optional<AzureOperation::Handle>> AzureOperation::fromReply(const HttpResponse &reply,
                                                                        const QUrl &armBase)
{
    Handle handle;
    QByteArray target = reply.header("Azure-AsyncOperation");
    handle.asyncOperation = !target.isEmpty();
    if (target.isEmpty())
        target = reply.header("Location");
    if (target.isEmpty()) {
        if (reply.status == 202)
            return Error(Error::InvalidReply,
                         tr("Azure accepted the request but named no operation to follow."));
        return std::optional<Handle>();
    }
    handle.url = reply.url.resolved(QUrl::fromEncoded(target, QUrl::StrictMode));
    if (!handle.url.isValid() || !OAuthToken::sameOrigin(handle.url, {armBase}))
        return Error(Error::InvalidReply,
                     tr("Azure named an operation on another host (%1); CloudDeck does not "
                        "follow it there.")
                         .arg(handle.url.host().left(100)));
    handle.retryAfterSeconds = HttpErrorText::retryAfterSeconds(reply.header("Retry-After"));
    return std::optional<Handle>(handle);
}

void AzureOperation::follow(QObject *context, const Sender &send, const Handle &handle,
                            const Timing &timing, const QString &what, const Callback<void> &done)
{
    followEnd(context, send, handle, timing, what, [done](End end, const Error &error) {
        if (end == End::Succeeded)
            return done({});
        done(error);
    });
}

void AzureOperation::followEnd(QObject *context, const Sender &send, const Handle &handle,
                               const Timing &timing, const QString &what, EndCallback done)
{
    auto run = std::make_shared<Run>(Run {send, handle, timing, what, std::move(done),
                                          QDateTime::currentMSecsSinceEpoch() + timing.timeoutMs});
    poll(context, run,
         handle.retryAfterSeconds >= 0 ? int(
             std::min<qint64>(qint64(handle.retryAfterSeconds) * 1000, timing.maxRetryAfterMs))
                                       : timing.firstMs);
}
