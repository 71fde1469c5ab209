#pragma once

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>

/**
 * @brief Locale-aware text for numbers, money, sizes and ages, so QML never formats by hand.
 */
class Format : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    explicit Format(QObject *parent = nullptr);

    /// "$24.00/mo", "€4.51/mo" (in @p currency, an ISO 4217 code); "-" when @p pricePerMonth is
    /// undefined.
    Q_INVOKABLE [[nodiscard]] static QString
    monthly(const QVariant &pricePerMonth, const QString &currency = QStringLiteral("USD"));
    /// "$0.036/h"
    Q_INVOKABLE [[nodiscard]] static QString
    hourly(const QVariant &pricePerHour, const QString &currency = QStringLiteral("USD"));
    /// "2 EBS volumes, 130 GiB · ≈ $15.50/mo" from a machine's extra (volumeCount, volumesGiB,
    /// volumesPrice, volumesCurrency, volumesUnpricedCharges, as the AWS plugin sets them; see
    /// MachineCost), with a second line when IOPS or throughput are left out; "" without volumes.
    Q_INVOKABLE [[nodiscard]] static QString volumes(const QVariantMap &extra);
    /// "$1,234" (whole units, for totals).
    Q_INVOKABLE [[nodiscard]] static QString money(double value,
                                                   const QString &currency = QStringLiteral("USD"));
    /// "$1,234/mo + €56/mo": one total per currency, never added across currencies.
    Q_INVOKABLE [[nodiscard]] static QString monthlyTotals(const QVariantMap &byCurrency);
    /// "10,016": a count with the locale's thousands separator.
    Q_INVOKABLE [[nodiscard]] static QString count(int value);
    /// @p text (a URL, an address) with word joiners (U+2060) after its separators, so that a
    /// wrapping label moves it to the next line whole instead of breaking it after "https://".
    Q_INVOKABLE [[nodiscard]] static QString unbroken(const QString &text);
    /// "4 GB", "512 MB".
    Q_INVOKABLE [[nodiscard]] static QString memory(int megabytes);
    /// "2 vCPU · 4 GB · 80 GB disk".
    Q_INVOKABLE [[nodiscard]] static QString shape(int vcpus, int memoryMb, int diskGb);
    /// "10:42" on @p now's day (the caller's clock, AppController.now), else "12 Mar 10:42".
    Q_INVOKABLE [[nodiscard]] static QString time(const QDateTime &when, const QDateTime &now);
    /// "12 Mar 2024".
    Q_INVOKABLE [[nodiscard]] static QString date(const QDateTime &when);
    /// "12 s ago", "5 min ago", "2 h ago", "3 days ago": StatusText::age, as the CLI says it.
    Q_INVOKABLE [[nodiscard]] static QString age(const QDateTime &when, const QDateTime &now);
    /// "12 machines on 2 accounts, about $1,234/mo"; @p monthly is a dollar amount or a map of
    /// amounts per currency (see monthlyTotals).
    Q_INVOKABLE [[nodiscard]] static QString summary(int machines, int accounts,
                                                     const QVariant &monthly);
    /// The header's line when the search and chips hide all @p total machines (of one account
    /// when @p inAccount): how many are hidden, not "0 machines on 0 accounts".
    Q_INVOKABLE [[nodiscard]] static QString noMatch(int total, bool inAccount);
    /// "Reboot" for "reboot": the translated name of a machine action.
    Q_INVOKABLE [[nodiscard]] static QString actionText(const QString &action);
    /// "AB:CD:..." in groups for a hex fingerprint.
    Q_INVOKABLE [[nodiscard]] static QString fingerprint(const QString &hex);
};
