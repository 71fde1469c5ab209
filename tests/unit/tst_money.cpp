// Money and CostTotals: exact cents, never a sum across currencies, conversions only with the
// user's own rates.
#include "costtotals.h"
#include "money.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decimalsAreExact_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("multiplier");
        QTest::addColumn<qint64>("cents");
        QTest::newRow("monthly") << u"12.50"_s << qint64(1) << qint64(1250);
        QTest::newRow("integer") << u"7"_s << qint64(1) << qint64(700);
        // AWS t3.micro, us-east-1: 0.0104 * 730 = 7.592 -> $7.59
        QTest::newRow("aws hourly") << u"0.0104000000"_s << qint64(730) << qint64(759);
        // 0.0416 * 730 = 30.368 -> 30.37
        QTest::newRow("aws t3.medium") << u"0.0416000000"_s << qint64(730) << qint64(3037);
        // Half a cent rounds away from zero: 0.005 -> 0.01
        QTest::newRow("half a cent") << u"0.005"_s << qint64(1) << qint64(1);
        QTest::newRow("just under") << u"0.0049999999"_s << qint64(1) << qint64(0);
        QTest::newRow("large") << u"99999999.99"_s << qint64(1) << qint64(9999999999);
        QTest::newRow("a big machine") << u"32.7680000000"_s << qint64(730) << qint64(2392064);
    }
    void decimalsAreExact()
    {
        QFETCH(QString, text);
        QFETCH(qint64, multiplier);
        QFETCH(qint64, cents);
        const auto money = Money::fromDecimal(text, QStringLiteral("USD"), multiplier);
        QVERIFY(money);
        QCOMPARE(money->minorUnits(), cents);
        QCOMPARE(money->currency(), QStringLiteral("USD"));
    }

    void badDecimalsAreRefused()
    {
        for (const char *bad :
             {"", "-1", "1e3", "1,50", "abc", "0x10", "1.12345678901", "123456789.00"}) {
            const QString text = QString::fromLatin1(bad);
            QVERIFY2(!Money::fromDecimal(text, QStringLiteral("USD")), bad);
        }
        QVERIFY(!Money::fromDecimal(QStringLiteral("99999999.99"), QStringLiteral("USD"),
                                    qint64(1) << 62));
    }

    void noFloatDrift()
    {
        // Ten thousand machines at $0.10: doubles drift, cents do not.
        double asDouble = 0;
        CostTotals totals;
        for (int i = 0; i < 10'000; ++i) {
            asDouble += 0.1;
            totals.add(Money::fromMajor(0.1, QStringLiteral("USD")));
        }
        QVERIFY(asDouble != 1000.0); // the drift this type exists to avoid
        QCOMPARE(totals.amount(QStringLiteral("USD")).minorUnits(), qint64(100'000));
        QCOMPARE(totals.amount(QStringLiteral("USD")).plainText(), QStringLiteral("1000.00"));
        // Hetzner's gross prices have four decimals; each machine is rounded once, to cents.
        QCOMPARE(Money::fromMajor(4.5101, QStringLiteral("EUR")).minorUnits(), qint64(451));
        QCOMPARE(Money::fromMajor(7.59, QStringLiteral("USD")).minorUnits(), qint64(759));
    }

    void currenciesAreNeverAdded()
    {
        const Money dollars(4000, QStringLiteral("USD"));
        const Money euros(1200, QStringLiteral("EUR"));
        QVERIFY(!dollars.plus(euros));
        QCOMPARE(dollars.plus(Money(1, QStringLiteral("USD")))->minorUnits(), qint64(4001));
        QCOMPARE(dollars.plus(Money())->minorUnits(), qint64(4000));

        CostTotals totals;
        totals.add(dollars);
        totals.add(euros);
        totals.add(Money(50, QStringLiteral("EUR")));
        QCOMPARE(totals.currencies(), QStringList({QStringLiteral("EUR"), QStringLiteral("USD")}));
        QCOMPARE(totals.displayText(), QStringLiteral("€12.50 + $40.00"));
        QCOMPARE(totals.toJson().value(QLatin1String("EUR")).toString(), QStringLiteral("12.50"));
        QCOMPARE(CostTotals().displayText(), QStringLiteral("—"));

        // Converted only when every currency has a rate: 12.50 EUR * 1.08 = 13.50 USD.
        QHash<QString, qint64> rates {{QStringLiteral("USD"), 1'000'000}};
        QVERIFY(!totals.converted(QStringLiteral("USD"), rates));
        rates.insert(QStringLiteral("EUR"), 1'080'000);
        QCOMPARE(totals.converted(QStringLiteral("USD"), rates)->minorUnits(), qint64(5350));
    }

    void parsesWhatUsersType()
    {
        QCOMPARE(Money::parse(QStringLiteral("12.50"), QStringLiteral("USD")),
                 Money(1250, QStringLiteral("USD")));
        QCOMPARE(Money::parse(QStringLiteral("12.5 eur"), QStringLiteral("USD")),
                 Money(1250, QStringLiteral("EUR")));
        QCOMPARE(Money::parse(QStringLiteral("CHF 9"), QStringLiteral("USD")),
                 Money(900, QStringLiteral("CHF")));
        QVERIFY(!Money::parse(QStringLiteral("12.505"), QStringLiteral("USD")));
        QVERIFY(!Money::parse(QStringLiteral("EUR 3 USD"), QStringLiteral("USD")));
        QVERIFY(!Money::parse(QStringLiteral("-3"), QStringLiteral("USD")));
        QVERIFY(!Money::parse(QStringLiteral("3"), QStringLiteral("usd")));
    }

    void displays()
    {
        QCOMPARE(Money(123456789, QStringLiteral("USD")).displayText(),
                 QStringLiteral("$1,234,567.89"));
        QCOMPARE(Money(5, QStringLiteral("EUR")).displayText(), QStringLiteral("€0.05"));
        QCOMPARE(Money(100000, QStringLiteral("CHF")).displayText(),
                 QStringLiteral("CHF 1,000.00"));
        QCOMPARE(Money(-250, QStringLiteral("GBP")).displayText(), QStringLiteral("-£2.50"));
        QCOMPARE(Money(-250, QStringLiteral("GBP")).plainText(), QStringLiteral("-2.50"));
        QVERIFY(Money::isCurrencyCode(QStringLiteral("EUR")));
        QVERIFY(!Money::isCurrencyCode(QStringLiteral("EURO")));
        QVERIFY(!Money::isCurrencyCode(QStringLiteral("eur")));
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
