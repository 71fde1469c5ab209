#include "format.h"

#include "machineaction.h"
#include "statustext.h"

#include <QLocale>

namespace {
// Numbers and money in the user's locale; the C locale (offscreen, minimal systems) reads as US
// English rather than "1,348$".
QLocale locale()
{
    const QLocale system;
    return system.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates)
                                           : system;
}
} // namespace

Format::Format(QObject *parent)
    : QObject(parent)
{ }

QString Format::monthly(const QVariant &pricePerMonth)
{
    if (!pricePerMonth.isValid() || pricePerMonth.isNull())
        return QStringLiteral("–");
    return tr("%1/mo").arg(
        locale().toCurrencyString(pricePerMonth.toDouble(), QStringLiteral("$"), 2));
}

QString Format::hourly(const QVariant &pricePerHour)
{
    if (!pricePerHour.isValid() || pricePerHour.isNull())
        return QStringLiteral("–");
    return tr("%1/h").arg(
        locale().toCurrencyString(pricePerHour.toDouble(), QStringLiteral("$"), 3));
}

QString Format::money(double value)
{
    return locale().toCurrencyString(std::round(value), QStringLiteral("$"), 0);
}

QString Format::memory(int megabytes)
{
    if (megabytes <= 0)
        return QStringLiteral("–");
    if (megabytes < 1024)
        return tr("%1 MB").arg(megabytes);
    const double gb = megabytes / 1024.0;
    return tr("%1 GB").arg(locale().toString(gb, 'f', gb == std::floor(gb) ? 0 : 1));
}

QString Format::shape(int vcpus, int memoryMb, int diskGb)
{
    QStringList parts;
    if (vcpus > 0)
        parts.append(tr("%n vCPU", nullptr, vcpus));
    if (memoryMb > 0)
        parts.append(memory(memoryMb));
    if (diskGb > 0)
        parts.append(tr("%1 GB disk").arg(diskGb));
    return parts.join(QStringLiteral(" · "));
}

QString Format::time(const QDateTime &when)
{
    return StatusText::time(when, QDateTime::currentDateTimeUtc());
}

QString Format::date(const QDateTime &when)
{
    if (!when.isValid())
        return QStringLiteral("–");
    return locale().toString(when.toLocalTime().date(), QStringLiteral("d MMM yyyy"));
}

QString Format::age(const QDateTime &when, const QDateTime &now)
{
    return StatusText::age(when, now); // the CLI's words too
}

namespace {
// "$1,348/mo" must not wrap at its slash: a word joiner after it keeps the unit on the line.
QString keepUnitTogether(QString text)
{
    return text.replace(QLatin1String("/"), QStringLiteral("/\u2060"));
}
} // namespace

QString Format::summary(int machines, int accounts, double monthly)
{
    const QString machineText = tr("%n machine(s)", nullptr, machines);
    const QString accountText = tr("%n account(s)", nullptr, accounts);
    if (monthly <= 0)
        return tr("%1 on %2").arg(machineText, accountText);
    return keepUnitTogether(
        tr("%1 on %2, about %3/mo").arg(machineText, accountText, money(monthly)));
}

QString Format::fingerprint(const QString &hex)
{
    QStringList pairs;
    const QString upper = hex.toUpper();
    for (int i = 0; i + 1 < upper.size(); i += 2)
        pairs.append(upper.mid(i, 2));
    return pairs.join(QLatin1Char(':'));
}

QString Format::actionText(const QString &action)
{
    const auto parsed = MachineAction::fromId(action);
    return parsed ? MachineAction::text(*parsed) : action;
}
