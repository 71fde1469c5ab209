#include "statustext.h"

#include <QTest>

/// Ages and times as both front ends show them: every boundary, with a fixed "now".
class TestStatusText : public QObject
{
    Q_OBJECT

    const QDateTime m_now = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);

private Q_SLOTS:
    void ageIsDescribedForPeople()
    {
        const QDateTime now = m_now;
        QCOMPARE(StatusText::age(now.addSecs(-12), now), QStringLiteral("12 s ago"));
        QCOMPARE(StatusText::age(now.addSecs(-300), now), QStringLiteral("5 min ago"));
        QCOMPARE(StatusText::age(now.addSecs(-7300), now), QStringLiteral("2 h ago"));
        QCOMPARE(StatusText::age(now.addDays(-3), now), QStringLiteral("3 days ago"));
        QCOMPARE(StatusText::age(now.addSecs(30), now), QStringLiteral("0 s ago"));
        QCOMPARE(StatusText::age(QDateTime(), now), QStringLiteral("never"));
    }

    void ageBoundaries_data()
    {
        QTest::addColumn<qint64>("secondsAgo");
        QTest::addColumn<QString>("expected");
        QTest::newRow("now") << qint64(0) << QStringLiteral("0 s ago");
        QTest::newRow("59 s") << qint64(59) << QStringLiteral("59 s ago");
        QTest::newRow("60 s") << qint64(60) << QStringLiteral("1 min ago");
        QTest::newRow("3599 s") << qint64(3599) << QStringLiteral("59 min ago");
        QTest::newRow("1 h") << qint64(3600) << QStringLiteral("1 h ago");
        QTest::newRow("24 h") << qint64(24 * 3600) << QStringLiteral("24 h ago");
        QTest::newRow("47 h 59 min") << qint64(48 * 3600 - 60) << QStringLiteral("47 h ago");
        QTest::newRow("48 h") << qint64(48 * 3600) << QStringLiteral("2 days ago");
        QTest::newRow("a year") << qint64(365) * 86400 << QStringLiteral("365 days ago");
    }
    void ageBoundaries()
    {
        QFETCH(qint64, secondsAgo);
        QFETCH(QString, expected);
        QCOMPARE(StatusText::age(m_now.addSecs(-secondsAgo), m_now), expected);
    }

    void ageIgnoresTimeZones()
    {
        // The same instant in another zone is the same age.
        const QDateTime when = m_now.addSecs(-90).toOffsetFromUtc(5 * 3600);
        QCOMPARE(StatusText::age(when, m_now), QStringLiteral("1 min ago"));
    }

    void timeOmitsTodaysDate()
    {
        const QDateTime now = QDateTime(QDate(2026, 3, 1), QTime(18, 0));
        const QString today = StatusText::time(QDateTime(QDate(2026, 3, 1), QTime(10, 42)), now);
        QVERIFY2(today.contains(QLatin1String("10:42")) || today.contains(QLatin1String("10.42")),
                 qPrintable(today));
        QVERIFY2(!today.contains(QLatin1String("Mar")), qPrintable(today));
        const QString earlier = StatusText::time(QDateTime(QDate(2026, 2, 27), QTime(10, 42)), now);
        QVERIFY2(earlier.contains(QLatin1String("27")), qPrintable(earlier));
        QVERIFY2(earlier.size() > today.size(), qPrintable(earlier));
        QCOMPARE(StatusText::time(QDateTime(), now), QStringLiteral("–"));
    }
};

QTEST_GUILESS_MAIN(TestStatusText)
#include "tst_statustext.moc"
