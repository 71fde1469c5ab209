#pragma once

#include "clouddeck_core_export.h"
#include "error.h"

#include <QDateTime>
#include <QNetworkReply>
#include <QString>
#include <QStringList>
#include <QUrl>

/**
 * @brief The user-facing wording of network errors, in one place so every provider says the same
 * thing the same way and each message ends with what to do next.
 */
namespace HttpErrorText {
CLOUDDECK_CORE_EXPORT QString invalidUrl(const QUrl &url);
CLOUDDECK_CORE_EXPORT QString insecure(const QUrl &url);
CLOUDDECK_CORE_EXPORT QString tooManyPages(int maxPages);
CLOUDDECK_CORE_EXPORT QString timeout(const QString &host, int timeoutMs);
CLOUDDECK_CORE_EXPORT QString certificateChanged(const QString &host,
                                                 const QByteArray &presentedSha256);
CLOUDDECK_CORE_EXPORT QString untrusted(const QString &host, const QStringList &sslErrors,
                                        const QString &fallback, const QByteArray &presentedSha256);
CLOUDDECK_CORE_EXPORT QString forStatus(Error::Kind kind, int status,
                                        const QString &providerMessage);
CLOUDDECK_CORE_EXPORT QString cutOff(const QString &host);
CLOUDDECK_CORE_EXPORT QString redirectRefused(const QString &host, const QUrl &target);
CLOUDDECK_CORE_EXPORT QString network(const QString &host, QNetworkReply::NetworkError error,
                                      const QString &detail);
/// Retry-After as seconds (delta-seconds or an HTTP date), -1 when absent or unreadable.
CLOUDDECK_CORE_EXPORT int retryAfterSeconds(const QByteArray &value);
/// Why a request is held, for HttpClient::waiting() ("api.example.com asked to wait (HTTP 429)").
CLOUDDECK_CORE_EXPORT QString pacingReason(const QString &host);
CLOUDDECK_CORE_EXPORT QString retryReason(const QString &host, const Error &error);
/// The rate limit is spent until @p until, beyond the request's budget.
CLOUDDECK_CORE_EXPORT QString rateLimitSpent(const QString &host, const QDateTime &until);
/// @p error (with the provider's words), then that waiting until @p until is too long (invalid:
/// the retries ran out).
CLOUDDECK_CORE_EXPORT QString waitTooLong(const QString &host, const Error &error,
                                          const QDateTime &until);
/// The idle timeout passed after part of the reply had come.
CLOUDDECK_CORE_EXPORT QString stalled(const QString &host, int timeoutMs);
CLOUDDECK_CORE_EXPORT QString tooLarge(const QString &host, qint64 maxBytes);
CLOUDDECK_CORE_EXPORT QString deadline(const QString &host, int totalMs);
} // namespace HttpErrorText
