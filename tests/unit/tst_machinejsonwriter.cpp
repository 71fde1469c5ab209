// The streaming JSON writer of `machines list --json` against the reference it replaces:
// QJsonDocument(array of Machine::toJson() + "account").toJson(Indented), byte for byte, for
// ordinary machines and for every string and extra value a hostile server could send.
#include "inventorytestsupport.h"
#include "machinejsonwriter.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QUrl>

#include <limits>

using namespace InventoryTest;

namespace {
QByteArray reference(const QList<Machine> &machines, const QString &account)
{
    QJsonArray array;
    for (const Machine &machine : machines) {
        QJsonObject object = machine.toJson();
        object.insert(QStringLiteral("account"), account);
        array.append(object);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QByteArray written(const QList<Machine> &machines, const QString &account)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        MachineJsonWriter writer(&buffer);
        for (const Machine &machine : machines)
            writer.write(machine, account);
    } // the destructor ends the array
    return buffer.data();
}

/// Compares line by line, so that a failure names the first line that differs.
bool sameBytes(const QByteArray &actual, const QByteArray &expected)
{
    const QList<QByteArray> a = actual.split('\n');
    const QList<QByteArray> e = expected.split('\n');
    for (qsizetype i = 0; i < qMin(a.size(), e.size()); ++i) {
        if (a.at(i) != e.at(i)) {
            qWarning("line %lld: written %s, expected %s", qlonglong(i + 1),
                     a.at(i).toPercentEncoding(" \"{}[]:,").constData(),
                     e.at(i).toPercentEncoding(" \"{}[]:,").constData());
            return false;
        }
    }
    return a.size() == e.size();
}

/// A string of random UTF-16 units: controls, JSON specials, Latin-1, BMP, surrogate pairs and
/// lone surrogates, in any order.
QString hostile(QRandomGenerator &random)
{
    static const char16_t pool[] = {0x0,   0x1,   0x8,    0x9,    0xa,    0xc,    0xd,   0x1b,
                                    0x1f,  u'"',  u'\\',  u'/',   u'a',   0x7f,   0x80,  0xe9,
                                    0x7ff, 0x800, 0x20ac, 0xd83d, 0xde00, 0xdbff, 0xdc00, 0xfffd,
                                    0xffff};
    QString text;
    const int length = random.bounded(12);
    for (int i = 0; i < length; ++i)
        text.append(QChar(pool[random.bounded(int(std::size(pool)))]));
    return text;
}
} // namespace

class TestMachineJsonWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyListIsAnEmptyArray()
    {
        QCOMPARE(written({}, QStringLiteral("x")), reference({}, QStringLiteral("x")));
        QCOMPARE(written({}, QStringLiteral("x")), QByteArray("[\n]\n"));
    }

    void ordinaryMachinesMatchTheReference()
    {
        const QList<Machine> list = machines(QStringLiteral("acc-1"), 200);
        QVERIFY(sameBytes(written(list, QStringLiteral("Work")), reference(list, QStringLiteral("Work"))));
    }

    void emptyAndMissingFieldsMatchTheReference()
    {
        Machine bare; // no lists, no prices, no dates, no extra
        bare.id = QStringLiteral("1");
        QCOMPARE(written({bare}, QString()), reference({bare}, QString()));
    }

    void hostileStringsMatchTheReference()
    {
        QRandomGenerator random(20261202);
        for (int round = 0; round < 300; ++round) {
            Machine m = machine(QStringLiteral("acc"), round);
            m.name = hostile(random);
            m.id = hostile(random);
            m.region = hostile(random);
            m.tags = {hostile(random), hostile(random)};
            m.publicIpv6 = {hostile(random)};
            m.extra = {{hostile(random), hostile(random)},
                       {QStringLiteral("nested"),
                        QVariantMap {{hostile(random), QVariantList {hostile(random), 1, true}}}}};
            const QString account = hostile(random);
            const QByteArray mine = written({m}, account);
            QVERIFY2(sameBytes(mine, reference({m}, account)),
                     qPrintable(QStringLiteral("round %1").arg(round)));
        }
    }

    void extraValuesOfEveryTypeMatchTheReference()
    {
        Machine m = machine(QStringLiteral("acc"), 1);
        m.extra = {
            {QStringLiteral("bool"), false},
            {QStringLiteral("int"), 42},
            {QStringLiteral("negative"), -7},
            {QStringLiteral("bigInteger"), qint64(1) << 60},
            {QStringLiteral("integralDouble"), 1e15},
            {QStringLiteral("hugeDouble"), 1e300},
            {QStringLiteral("fraction"), 0.1},
            {QStringLiteral("nan"), std::numeric_limits<double>::quiet_NaN()},
            {QStringLiteral("null"), QVariant()},
            {QStringLiteral("emptyList"), QVariantList()},
            {QStringLiteral("emptyMap"), QVariantMap()},
            {QStringLiteral("strings"), QStringList {QStringLiteral("a"), QStringLiteral("b")}},
            {QStringLiteral("unsigned"), 4000000000u},
            {QStringLiteral("float"), 0.25f},
            {QStringLiteral("bytes"), QByteArray("raw\x01")},
            {QStringLiteral("url"), QUrl(QStringLiteral("https://example.com/a b"))},
            {QStringLiteral("hash"), QVariantHash {{QStringLiteral("z"), 1}, {QStringLiteral("a"), 2}}},
            {QStringLiteral("deep"),
             QVariantMap {{QStringLiteral("list"),
                           QVariantList {QVariantMap {{QStringLiteral("k"), 1.5}}, QVariantList()}}}},
        };
        m.createdAt = QDateTime(QDate(12, 3, 4), QTime(5, 6, 7, 890), Qt::UTC);
        m.lastSeen = QDateTime(QDate(2026, 12, 2), QTime(23, 59, 59), Qt::OffsetFromUTC, 3600);
        m.pricePerMonth = 1e21;
        m.pricePerHour = std::numeric_limits<double>::infinity();
        QVERIFY(sameBytes(written({m}, QStringLiteral("a")), reference({m}, QStringLiteral("a"))));

        // Whole numbers on both sides of 2^53, where Qt stops keeping doubles as integers.
        for (const double price : {1e15, 9007199254740992.0, 9007199254740994.0, -0.0, -1e16,
                                   0.5, 1.0 / 3}) {
            m.pricePerMonth = price;
            m.pricePerHour = -price;
            m.extra = {{QStringLiteral("d"), price}};
            QVERIFY2(sameBytes(written({m}, QStringLiteral("a")), reference({m}, QStringLiteral("a"))),
                     qPrintable(QString::number(price)));
        }
    }

    void bytesReachTheDeviceBeforeTheEnd()
    {
        // A long list streams: the device holds most of it while machines are still written.
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        MachineJsonWriter writer(&buffer);
        const QList<Machine> list = machines(QStringLiteral("acc"), 2000);
        for (const Machine &machine : list)
            writer.write(machine, QStringLiteral("Work"));
        QVERIFY(buffer.size() > 0);
        const qint64 before = buffer.size();
        writer.end();
        QVERIFY(buffer.size() > before);
        writer.end(); // idempotent
        QCOMPARE(buffer.data(), reference(list, QStringLiteral("Work")));
    }

    void writeAllMatchesOneWriteAfterAnother_data()
    {
        QTest::addColumn<int>("perAccount");
        // Around the share of 512 machines and its doubling, where the threads take turns; the
        // small ones are written by one thread.
        for (int n : {0, 1, 300, 511, 512, 513, 1024, 1537, 5000})
            QTest::addRow("%d per account", n) << n;
    }

    void writeAllMatchesOneWriteAfterAnother()
    {
        QFETCH(int, perAccount);
        // Two accounts interleaved, as a list sorted by name is; one without a name is written
        // with its id.
        const QList<Machine> a = machines(QStringLiteral("acc-a"), perAccount);
        const QList<Machine> b = machines(QStringLiteral("acc-b"), perAccount);
        QList<Machine> list;
        for (qsizetype i = 0; i < a.size(); ++i)
            list << a.at(i) << b.at(i);
        const QHash<QString, QString> names{{QStringLiteral("acc-a"), QStringLiteral("Work")}};
        QBuffer expected;
        expected.open(QIODevice::WriteOnly);
        {
            MachineJsonWriter writer(&expected);
            for (const Machine &machine : list)
                writer.write(machine, names.value(machine.accountId, machine.accountId));
        }
        QBuffer actual;
        actual.open(QIODevice::WriteOnly);
        {
            MachineJsonWriter writer(&actual);
            QList<const Machine *> pointers;
            for (const Machine &machine : list)
                pointers.append(&machine);
            writer.writeAll(pointers, names);
        }
        QVERIFY(sameBytes(actual.data(), expected.data()));
        QCOMPARE(actual.data(), expected.data());
        QCOMPARE(QJsonDocument::fromJson(actual.data()).array().size(), list.size());
    }
};

QTEST_GUILESS_MAIN(TestMachineJsonWriter)
#include "tst_machinejsonwriter.moc"
