#pragma once

#include "clouddeck_core_export.h"

#include <QMetaType>
#include <QString>
#include <optional>

/**
 * @brief An amount of money: integer minor units (cents) and an ISO 4217 currency code.
 *
 * Prices arrive as doubles or decimal strings ("0.0104000000" USD an hour); adding thousands of
 * doubles drifts by cents, so every sum in CloudDeck is made of Money, whose arithmetic is exact.
 * Amounts of different currencies are never added: plus() of two currencies is refused, and
 * totals are kept per currency (CostTotals).
 */
class CLOUDDECK_CORE_EXPORT Money
{
    Q_GADGET
public:
    Money() = default;
    Money(qint64 minorUnits, QString currency);

    /// @p amount in major units (12.5 -> 1250 cents), rounded half away from zero.
    [[nodiscard]] static Money fromMajor(double amount, const QString &currency);
    /// A decimal string ("12.50", "0.0104000000") times @p multiplier (730 hours), computed in
    /// integers and rounded half away from zero to cents only at the end; nullopt when @p text is
    /// not a plain non-negative decimal or the result does not fit.
    [[nodiscard]] static std::optional<Money> fromDecimal(const QString &text,
                                                          const QString &currency,
                                                          qint64 multiplier = 1);
    /// "12.50 EUR", "12.50" (the currency then comes from @p defaultCurrency), "EUR 12.50".
    [[nodiscard]] static std::optional<Money> parse(const QString &text,
                                                    const QString &defaultCurrency);

    [[nodiscard]] qint64 minorUnits() const { return m_minor; }
    [[nodiscard]] QString currency() const { return m_currency; }
    [[nodiscard]] bool isValid() const { return !m_currency.isEmpty(); }
    [[nodiscard]] bool isZero() const { return m_minor == 0; }
    /// The amount in major units, for display and JSON only (never for sums).
    [[nodiscard]] double toMajor() const { return double(m_minor) / 100.0; }

    /// The sum; nullopt when the currencies differ (one invalid operand takes the other's).
    [[nodiscard]] std::optional<Money> plus(const Money &other) const;
    /// This amount times @p factor in parts per million (a conversion rate 1.08 is 1'080'000),
    /// rounded half away from zero, in @p currency.
    [[nodiscard]] Money converted(qint64 ratePpm, const QString &currency) const;

    /// "12.50" (a dot, two decimals: machine-readable, as in CSV and JSON).
    [[nodiscard]] QString plainText() const;
    /// "$12.50", "€12.50", "CHF 12.50", with thousands separators ("$1,234.00").
    [[nodiscard]] QString displayText() const;
    /// The symbol CloudDeck shows for @p currency ("$", "€", "£"), else the code and a space.
    [[nodiscard]] static QString symbol(const QString &currency);
    /// An ISO 4217 code: three capital letters.
    [[nodiscard]] static bool isCurrencyCode(const QString &code);

    bool operator==(const Money &other) const = default;

private:
    qint64 m_minor = 0;
    QString m_currency;
};

Q_DECLARE_METATYPE(Money)
