#include "money.h"

#include <QRegularExpression>
#include <cmath>
#include <limits>

namespace {
// a / b rounded half away from zero, for b > 0.
qint64 divideRounded(qint64 a, qint64 b)
{
    const qint64 half = b / 2;
    return a >= 0 ? (a + half) / b : -((-a + half) / b);
}

bool multiplyFits(qint64 a, qint64 b, qint64 *out)
{
    return !__builtin_mul_overflow(a, b, out);
}
} // namespace

Money::Money(qint64 minorUnits, QString currency)
    : m_minor(minorUnits)
    , m_currency(std::move(currency))
{ }

Money Money::fromMajor(double amount, const QString &currency)
{
    return Money(qint64(std::llround(amount * 100.0)), currency);
}

std::optional<Money> Money::fromDecimal(const QString &text, const QString &currency,
                                        qint64 multiplier)
{
    // Up to 8 integer digits and 10 decimals (AWS sends "0.0104000000"): the value as an
    // integer count of 10^-10 units then fits in 64 bits.
    static const QRegularExpression decimal(QStringLiteral("^([0-9]{1,8})(?:\\.([0-9]{0,10}))?$"));
    const QRegularExpressionMatch match = decimal.match(text.trimmed());
    if (!match.hasMatch() || multiplier < 0)
        return std::nullopt;
    const QString fraction = match.captured(2).leftJustified(10, QLatin1Char('0'));
    const qint64 parts = match.captured(1).toLongLong() * 10'000'000'000LL + fraction.toLongLong();
    // parts * multiplier / 10^8 is the amount in cents: split so that it cannot overflow for any
    // real price, and round only once, at the end.
    const qint64 unit = 100'000'000LL;
    qint64 high = 0;
    qint64 low = 0;
    qint64 cents = 0;
    if (!multiplyFits(parts / unit, multiplier, &high)
        || !multiplyFits(parts % unit, multiplier, &low)
        || __builtin_add_overflow(high, divideRounded(low, unit), &cents))
        return std::nullopt;
    return Money(cents, currency);
}

std::optional<Money> Money::parse(const QString &text, const QString &defaultCurrency)
{
    static const QRegularExpression form(
        QStringLiteral("^(?:([A-Za-z]{3})\\s*)?([0-9]+(?:\\.[0-9]{1,2})?)(?:\\s*([A-Za-z]{3}))?$"));
    const QRegularExpressionMatch match = form.match(text.trimmed());
    if (!match.hasMatch() || (match.hasCaptured(1) && match.hasCaptured(3)))
        return std::nullopt;
    QString currency = match.hasCaptured(1) ? match.captured(1) : match.captured(3);
    currency = currency.isEmpty() ? defaultCurrency : currency.toUpper();
    if (!isCurrencyCode(currency))
        return std::nullopt;
    return fromDecimal(match.captured(2), currency);
}

std::optional<Money> Money::plus(const Money &other) const
{
    if (!other.isValid())
        return *this;
    if (!isValid())
        return other;
    if (other.m_currency != m_currency)
        return std::nullopt;
    qint64 sum = 0;
    if (__builtin_add_overflow(m_minor, other.m_minor, &sum))
        return std::nullopt;
    return Money(sum, m_currency);
}

Money Money::converted(qint64 ratePpm, const QString &currency) const
{
    qint64 product = 0;
    if (!multiplyFits(m_minor, ratePpm, &product))
        return Money(std::numeric_limits<qint64>::max(), currency);
    return Money(divideRounded(product, 1'000'000), currency);
}

QString Money::plainText() const
{
    const qint64 absolute = m_minor < 0 ? -m_minor : m_minor;
    return QStringLiteral("%1%2.%3")
        .arg(m_minor < 0 ? QStringLiteral("-") : QString())
        .arg(absolute / 100)
        .arg(absolute % 100, 2, 10, QLatin1Char('0'));
}

QString Money::displayText() const
{
    const qint64 absolute = m_minor < 0 ? -m_minor : m_minor;
    // Grouped by hand ("1,234"): QLocale::c() omits group separators, and the user's locale
    // would mix its separators with our currency symbols.
    QString whole = QString::number(absolute / 100);
    for (qsizetype i = whole.size() - 3; i > 0; i -= 3)
        whole.insert(i, QLatin1Char(','));
    const QString amount =
        QStringLiteral("%1.%2").arg(whole).arg(absolute % 100, 2, 10, QLatin1Char('0'));
    return (m_minor < 0 ? QStringLiteral("-") : QString()) + symbol(m_currency) + amount;
}

QString Money::symbol(const QString &currency)
{
    if (currency == QLatin1String("USD"))
        return QStringLiteral("$");
    if (currency == QLatin1String("EUR"))
        return QStringLiteral("€");
    if (currency == QLatin1String("GBP"))
        return QStringLiteral("£");
    return currency + QLatin1Char(' ');
}

bool Money::isCurrencyCode(const QString &code)
{
    if (code.size() != 3)
        return false;
    for (const QChar c : code) {
        if (c < QLatin1Char('A') || c > QLatin1Char('Z'))
            return false;
    }
    return true;
}
