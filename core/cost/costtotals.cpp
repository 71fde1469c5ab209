#include "costtotals.h"

void CostTotals::add(const Money &amount)
{
    if (!amount.isValid())
        return;
    m_minor[amount.currency()] += amount.minorUnits();
}

void CostTotals::add(const CostTotals &other)
{
    for (auto it = other.m_minor.cbegin(); it != other.m_minor.cend(); ++it)
        m_minor[it.key()] += it.value();
}

QList<Money> CostTotals::amounts() const
{
    QList<Money> result;
    for (auto it = m_minor.cbegin(); it != m_minor.cend(); ++it)
        result.append(Money(it.value(), it.key()));
    return result;
}

Money CostTotals::amount(const QString &currency) const
{
    return Money(m_minor.value(currency), currency);
}

QString CostTotals::displayText(const QString &empty) const
{
    QStringList parts;
    for (const Money &money : amounts())
        parts.append(money.displayText());
    return parts.isEmpty() ? empty : parts.join(QStringLiteral(" + "));
}

QJsonObject CostTotals::toJson() const
{
    QJsonObject object;
    for (const Money &money : amounts())
        object.insert(money.currency(), money.plainText());
    return object;
}

std::optional<Money> CostTotals::converted(const QString &target,
                                           const QHash<QString, qint64> &ratesPpm) const
{
    Money sum(0, target);
    for (const Money &money : amounts()) {
        const auto rate = ratesPpm.constFind(money.currency());
        if (rate == ratesPpm.constEnd())
            return std::nullopt;
        const std::optional<Money> next = sum.plus(money.converted(*rate, target));
        if (!next)
            return std::nullopt;
        sum = *next;
    }
    return sum;
}
