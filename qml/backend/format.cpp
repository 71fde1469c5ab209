#include "format.h"

#include "machineaction.h"
#include "money.h"
#include "statustext.h"

#include <QJSValue>
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

// Money's symbols; a price without a currency is in dollars (the clouds that omit it bill in USD).
QString symbol(const QString &currency)
{
    return Money::symbol(currency.isEmpty() ? QStringLiteral("USD") : currency);
}
} // namespace

Format::Format(QObject *parent)
    : QObject(parent)
{ }

QString Format::monthly(const QVariant &pricePerMonth, const QString &currency)
{
    if (!pricePerMonth.isValid() || pricePerMonth.isNull())
        return QStringLiteral("–");
    return tr("%1/mo").arg(
        locale().toCurrencyString(pricePerMonth.toDouble(), symbol(currency), 2));
}

QString Format::hourly(const QVariant &pricePerHour, const QString &currency)
{
    if (!pricePerHour.isValid() || pricePerHour.isNull())
        return QStringLiteral("–");
    return tr("%1/h").arg(locale().toCurrencyString(pricePerHour.toDouble(), symbol(currency), 3));
}

QString Format::volumes(const QVariantMap &extra)
{
    const int count = extra.value(QStringLiteral("volumeCount")).toInt();
    if (count <= 0)
        return {};
    QString text = tr("%n EBS volume(s), %1 GiB", nullptr, count)
                       .arg(extra.value(QStringLiteral("volumesGiB")).toInt());
    const QString price = extra.value(QStringLiteral("volumesPrice")).toString();
    if (price.isEmpty())
        return text + QStringLiteral("  ·  ") + tr("not priced");
    text += QStringLiteral("  ·  ≈ ")
            + monthly(price.toDouble(), extra.value(QStringLiteral("volumesCurrency")).toString());
    if (extra.value(QStringLiteral("volumesUnpricedCharges")).toBool())
        text +=
            QLatin1Char('\n') + tr("Storage only: provisioned IOPS and throughput not included");
    return text;
}

QString Format::money(double value, const QString &currency)
{
    return locale().toCurrencyString(std::round(value), symbol(currency), 0);
}

QString Format::count(int value)
{
    return locale().toString(value);
}

// Dollars first (the most common), then the others by code.
QString Format::monthlyTotals(const QVariantMap &byCurrency)
{
    QStringList parts;
    QStringList codes = byCurrency.keys();
    codes.sort();
    if (codes.removeOne(QStringLiteral("USD")))
        codes.prepend(QStringLiteral("USD"));
    for (const QString &code : std::as_const(codes)) {
        if (const double value = byCurrency.value(code).toDouble(); value > 0)
            parts.append(tr("%1/mo").arg(money(value, code)));
    }
    return parts.join(QStringLiteral(" + "));
}

QString Format::unbroken(const QString &text)
{
    QString result;
    result.reserve(text.size() * 2);
    for (const QChar c : text) {
        result.append(c);
        if (c == QLatin1Char('/') || c == QLatin1Char('.') || c == QLatin1Char(':')
            || c == QLatin1Char('-') || c == QLatin1Char('?') || c == QLatin1Char('='))
            result.append(QChar(0x2060)); // WORD JOINER: no line break here
    }
    return result;
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

QString Format::time(const QDateTime &when, const QDateTime &now)
{
    return StatusText::time(when, now); // "today" is the caller's (injectable) clock's day
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

QString Format::noMatch(int total, bool inAccount)
{
    if (inAccount)
        return tr("None of this account's machines match");
    if (total == 1)
        return tr("The one machine does not match");
    return tr("None of %1 machines match").arg(count(total));
}

QString Format::summary(int machines, int accounts, const QVariant &monthly)
{
    // "%n" would print 10016: the count goes in with the locale's separators.
    const QString machineText =
        tr("%n machine(s)", nullptr, machines).replace(QString::number(machines), count(machines));
    const QString accountText = tr("%n account(s)", nullptr, accounts);
    // A map from C++ (filters.monthlyCosts) or a plain JavaScript object arrives as a QJSValue.
    QVariant value = monthly;
    if (value.metaType() == QMetaType::fromType<QJSValue>())
        value = value.value<QJSValue>().toVariant();
    const QString totals = value.typeId() == QMetaType::QVariantMap
                               ? monthlyTotals(value.toMap())
                               : monthlyTotals({{QStringLiteral("USD"), value.toDouble()}});
    if (totals.isEmpty())
        return tr("%1 on %2").arg(machineText, accountText);
    return keepUnitTogether(tr("%1 on %2, about %3").arg(machineText, accountText, totals));
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
