#include "httperrortext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("HttpClient", text);
}

QString withDetail(QString text, int status, const QString &providerMessage)
{
    const QString detail = providerMessage.trimmed();
    if (detail.isEmpty())
        return text.arg(QStringLiteral("HTTP %1").arg(status));
    return text.arg(QStringLiteral("HTTP %1: %2").arg(status).arg(detail));
}
} // namespace

namespace HttpErrorText {

QString invalidUrl(const QUrl &url)
{
    return tr("\"%1\" is not a valid http(s) URL.").arg(url.toDisplayString());
}

QString insecure(const QUrl &url)
{
    return tr("Refusing to send credentials over plain http to %1: use https (plain http is only "
              "allowed to this computer).")
        .arg(url.host());
}

QString tooManyPages(int maxPages)
{
    return tr("The provider kept returning more pages after %1; stopped to avoid a loop.")
        .arg(maxPages);
}

QString timeout(const QString &host, int timeoutMs)
{
    return tr("%1 did not answer within %2 s. Check your connection, or try again later.")
        .arg(host)
        .arg(timeoutMs / 1000.0, 0, 'g', 3);
}

QString stalled(const QString &host, int timeoutMs)
{
    return tr("%1 sent part of its reply, then nothing for %2 s. Check your connection, or try "
              "again later.")
        .arg(host)
        .arg(timeoutMs / 1000.0, 0, 'g', 3);
}

QString certificateChanged(const QString &host, const QByteArray &presentedSha256)
{
    return tr("The certificate of %1 has changed (it now presents SHA-256 %2) and no longer "
              "matches "
              "the one pinned for this account. If the change is expected, pin the new "
              "fingerprint; otherwise someone may be intercepting the connection.")
        .arg(host, QString::fromLatin1(presentedSha256));
}

QString untrusted(const QString &host, const QStringList &sslErrors, const QString &fallback,
                  const QByteArray &presentedSha256)
{
    const QString reasons = sslErrors.isEmpty() ? fallback : sslErrors.join(QStringLiteral("; "));
    if (presentedSha256.isEmpty())
        return tr("Secure connection to %1 failed: %2.").arg(host, reasons);
    return tr("The certificate of %1 is not trusted (%2). If this is your own private cloud with a "
              "self-signed certificate, pin its SHA-256 fingerprint %3 for this account.")
        .arg(host, reasons, QString::fromLatin1(presentedSha256));
}

QString forStatus(Error::Kind kind, int status, const QString &providerMessage)
{
    switch (kind) {
    case Error::Auth:
        return withDetail(tr("The credentials were rejected (%1). Check the token or key, or "
                             "create a new one and update the account."),
                          status, providerMessage);
    case Error::Forbidden:
        return withDetail(tr("The credentials are valid but not allowed to do this (%1). Give "
                             "the token the permission it needs (e.g. write access)."),
                          status, providerMessage);
    case Error::NotFound:
        return withDetail(tr("Not found (%1). It may have been deleted already, or the account's "
                             "endpoint is wrong."),
                          status, providerMessage);
    case Error::RateLimited:
        // Said neutrally: whether CloudDeck waits and tries again is told separately (waiting(),
        // waitTooLong()), and only when it does.
        return withDetail(tr("The provider is limiting how fast we may ask (%1)."), status,
                          providerMessage);
    case Error::Server:
        return withDetail(tr("The provider had a problem on its side (%1). Try again in a few "
                             "minutes; check the provider's status page if it persists."),
                          status, providerMessage);
    default:
        break;
    }
    return withDetail(tr("The provider refused the request (%1)."), status, providerMessage);
}

QString cutOff(const QString &host)
{
    return tr("The reply from %1 was cut off before it was complete. Try again.").arg(host);
}

QString redirectRefused(const QString &host, const QUrl &target)
{
    return tr("%1 answered with a redirect to %2. CloudDeck does not follow redirects, so "
              "credentials never go anywhere else: check the account's endpoint (https, host "
              "and path).")
        .arg(host, target.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
}

QString network(const QString &host, QNetworkReply::NetworkError error, const QString &detail)
{
    switch (error) {
    case QNetworkReply::HostNotFoundError:
        return tr("Cannot find the host %1. Check your network connection and the account's "
                  "endpoint.")
            .arg(host);
    case QNetworkReply::ConnectionRefusedError:
        return tr("%1 refused the connection. Check the account's endpoint.").arg(host);
    case QNetworkReply::RemoteHostClosedError:
        return tr("%1 closed the connection before answering. Try again.").arg(host);
    default:
        break;
    }
    return tr("Cannot reach %1: %2. Check your network connection.").arg(host, detail);
}

int retryAfterSeconds(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (ok) {
        // A negative delay is no delay anyone meant: unreadable, so the usual backoff applies
        // (taking it as 0 would send the retries in a burst).
        if (seconds < 0)
            return -1;
        return int(std::min<qint64>(seconds, 10 * 365 * 86400LL));
    }
    const QDateTime date = QLocale::c().toDateTime(
        QString::fromLatin1(trimmed), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!date.isValid())
        return -1;
    QDateTime utc = date;
    utc.setTimeSpec(Qt::UTC);
    return int(std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(utc)));
}

namespace {
QString duration(qint64 ms)
{
    // The count is worked out before translate(): Qt 6.4's lupdate loops forever on a
    // division inside the call's arguments.
    const int seconds = int((ms + 999) / 1000);
    const int minutes = seconds / 60;
    const int hours = seconds / 3600;
    if (seconds < 120)
        return QCoreApplication::translate("HttpClient", "%n s", nullptr, seconds);
    if (seconds < 2 * 3600)
        return QCoreApplication::translate("HttpClient", "%n min", nullptr, minutes);
    return QCoreApplication::translate("HttpClient", "%n h", nullptr, hours);
}

QString clock(const QDateTime &until)
{
    const QDateTime local = until.toLocalTime();
    const bool today = local.date() == QDateTime::currentDateTime().date();
    return QLocale::c().toString(local, today ? QStringLiteral("HH:mm:ss")
                                              : QStringLiteral("yyyy-MM-dd HH:mm"));
}
} // namespace

QString pacingReason(const QString &host)
{
    return tr("%1's rate limit is spent until it refills").arg(host);
}

QString rateLimitSpent(const QString &host, const QDateTime &until)
{
    return tr("%1's rate limit allows no more requests for %2 (until %3), longer than CloudDeck "
              "waits for one request: try again after %3.")
        .arg(host, duration(QDateTime::currentDateTimeUtc().msecsTo(until)), clock(until));
}

QString retryReason(const QString &host, const Error &error)
{
    if (error.kind() == Error::RateLimited) {
        return error.httpStatus() > 0
                   ? tr("%1 asked to wait (HTTP %2)").arg(host).arg(error.httpStatus())
                   : tr("%1 asked to wait").arg(host);
    }
    if (error.httpStatus() >= 500)
        return tr("%1 had a problem (HTTP %2)").arg(host).arg(error.httpStatus());
    return tr("the connection to %1 failed").arg(host);
}

QString waitTooLong(const QString &host, const Error &error, const QDateTime &until)
{
    Q_UNUSED(host)
    if (!until.isValid()) {
        return tr("%1 CloudDeck tried again and stopped: try again in a few minutes.")
            .arg(error.message());
    }
    return tr("%1 Waiting %2 (until %3) is longer than CloudDeck waits for one request: try "
              "again after %3.")
        .arg(error.message(), duration(QDateTime::currentDateTimeUtc().msecsTo(until)),
             clock(until));
}

QString tooLarge(const QString &host, qint64 maxBytes)
{
    return tr("The reply from %1 is larger than %2 MB, the most CloudDeck accepts; it was not "
              "read. Check the account's endpoint.")
        .arg(host)
        .arg(maxBytes / (1024 * 1024));
}

QString deadline(const QString &host, int totalMs)
{
    return tr("%1 kept sending its reply for more than %2 and it was stopped. Try again later.")
        .arg(host, duration(totalMs));
}

} // namespace HttpErrorText
