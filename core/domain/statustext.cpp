#include "statustext.h"

#include <QLocale>

#include <algorithm>

namespace {
// The C locale (offscreen runs, minimal systems) reads as US English rather than as raw ISO.
QLocale locale()
{
    const QLocale system;
    return system.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates)
                                           : system;
}
} // namespace

QString StatusText::age(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return tr("never");
    const qint64 seconds = std::max<qint64>(0, when.secsTo(now));
    // The counts are worked out before tr(): Qt 6.4's lupdate loops forever on a division
    // inside the call's arguments.
    const int minutes = int(seconds / 60);
    const int hours = int(seconds / 3600);
    const int days = int(seconds / 86400);
    // Units without a plural ("s", "min", "h") read well untranslated (tools and tests
    // without the translator).
    if (seconds < 60)
        return tr("%n s ago", nullptr, int(seconds));
    if (seconds < 3600)
        return tr("%n min ago", nullptr, minutes);
    // "30 h ago" says more than "1 day ago"; days start when hours stop being easy to count.
    if (seconds < 2 * 86400)
        return tr("%n h ago", nullptr, hours);
    return tr("%n days ago", nullptr, days);
}

QString StatusText::time(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return QStringLiteral("–");
    const QDateTime local = when.toLocalTime();
    const QLocale loc = locale();
    if (local.date() == now.toLocalTime().date())
        return loc.toString(local.time(), QLocale::ShortFormat);
    return loc.toString(local.date(), QStringLiteral("d MMM")) + QLatin1Char(' ')
           + loc.toString(local.time(), QLocale::ShortFormat);
}
