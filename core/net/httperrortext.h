#pragma once

#include "error.h"

#include <QNetworkReply>
#include <QString>
#include <QStringList>
#include <QUrl>

/**
 * @brief The user-facing wording of network errors, in one place so every provider says the same
 * thing the same way and each message ends with what to do next.
 */
namespace HttpErrorText {
QString invalidUrl(const QUrl &url);
QString insecure(const QUrl &url);
QString tooManyPages(int maxPages);
QString timeout(const QString &host, int timeoutMs);
QString certificateChanged(const QString &host, const QByteArray &presentedSha256);
QString untrusted(const QString &host, const QStringList &sslErrors, const QString &fallback,
                  const QByteArray &presentedSha256);
QString forStatus(Error::Kind kind, int status, const QString &providerMessage);
QString cutOff(const QString &host);
QString network(const QString &host, QNetworkReply::NetworkError error, const QString &detail);
/// Retry-After as seconds (delta-seconds or an HTTP date), -1 when absent or unreadable.
int retryAfterSeconds(const QByteArray &value);
} // namespace HttpErrorText
