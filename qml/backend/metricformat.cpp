#include "metricformat.h"

#include <QCoreApplication>
#include <QLocale>
#include <cmath>

namespace {
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("MetricFormat", text, nullptr, n);
}

QString number(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}
} // namespace

QString MetricFormat::value(double value, const QString &unit)
{
    if (!std::isfinite(value))
        return QStringLiteral("—");
    if (unit == QLatin1String("%")) {
        // Under 10 % a decimal says whether "idle" means 0.1 or 1.9; above it, it is noise.
        const double rounded = std::abs(value) < 10 ? std::round(value * 10) / 10 : std::round(value);
        return number(rounded, std::abs(value) < 10 && rounded != std::round(rounded) ? 1 : 0)
               + QStringLiteral("\u202f%");
    }
    // SI prefixes (kilo = 1000) for rates: bit/s by networking's convention, B/s alike so that a
    // disk's "12 MB/s" reads as the cloud consoles print it.
    static const char *const prefixes[] = {"", "k", "M", "G", "T", "P", "E"};
    double scaled = value;
    int prefix = 0;
    while (std::abs(scaled) >= 1000 && prefix < 6) {
        scaled /= 1000;
        ++prefix;
    }
    const double magnitude = std::abs(scaled);
    const int decimals = magnitude == 0 || magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
    QString text = number(scaled, decimals);
    // "1.50" reads as more precise than it is: drop trailing zeros of the decimals.
    const QChar point = QLocale().decimalPoint().at(0);
    if (decimals > 0 && text.contains(point)) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(1);
    }
    return text + QChar(0x202f) + QLatin1String(prefixes[prefix]) + unit;
}

QString MetricFormat::resolution(int seconds)
{
    if (seconds <= 0)
        return {};
    if (seconds % 86400 == 0)
        return seconds == 86400 ? tr("daily points") : tr("%n-day points", seconds / 86400);
    if (seconds % 3600 == 0)
        return seconds == 3600 ? tr("hourly points") : tr("%n-hour points", seconds / 3600);
    if (seconds % 60 == 0)
        return tr("%n-minute points", seconds / 60);
    return tr("%n-second points", seconds);
}

QString MetricFormat::axisUnit(const QString &unit)
{
    return unit;
}

double MetricFormat::niceCeiling(double value)
{
    if (!std::isfinite(value) || value <= 0)
        return 1;
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        const double nice = step * power;
        if (!std::isfinite(nice))
            return value; // near the largest double: no rounder number above it
        if (nice >= value * (1 - 1e-9))
            return nice;
    }
    return value;
}
