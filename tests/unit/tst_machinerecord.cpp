#include "inventorytestsupport.h"
#include "machinediff.h"
#include "machinerecord.h"

#include <QTest>
#include <QtEndian>

using namespace InventoryTest;

/// The cache's binary record of a machine: lossless, and safe against damaged bytes.
class TestMachineRecord : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripEveryField()
    {
        Machine m = machine(QStringLiteral("a"), 5);
        m.extra.insert(QStringLiteral("nested"), QVariantMap {{QStringLiteral("k"), 1}});
        m.privateIpv6 = {QStringLiteral("fd00::1"), QStringLiteral("fd00::2")};
        m.name = QStringLiteral("wéb-ünïcode-✓-𝄞"); // outside Latin-1 and the BMP
        m.pricePerHour = 0.0; // zero is a price, not "none"
        const QByteArray record = MachineRecord::encode(m);
        QCOMPARE(quint8(record.at(0)), MachineRecord::Format);
        Machine back;
        back.accountId = m.accountId; // kept by the cache in columns, not in the record
        back.id = m.id;
        QVERIFY(MachineRecord::decode(record, back));
        QCOMPARE(back, m);
    }

    // Every provider's extra value types come back as they went in, so a machine read from the
    // cache equals the same machine parsed again and a refresh that changed nothing writes
    // nothing (format 1 returned a QStringList as a QVariantList: every row "changed").
    void extraKeepsItsTypes()
    {
        Machine m = machine(QStringLiteral("a"), 5);
        m.extra = {{QStringLiteral("features"), QStringList {QStringLiteral("ipv6")}},
                   {QStringLiteral("locked"), true},
                   {QStringLiteral("imageId"), QStringLiteral("6918990")},
                   {QStringLiteral("big"), qint64(9007199254740993)}, // above 2^53
                   {QStringLiteral("ratio"), 0.25},
                   {QStringLiteral("ports"), QVariantList {22, QStringLiteral("443")}}};
        Machine back;
        back.accountId = m.accountId;
        back.id = m.id;
        QVERIFY(MachineRecord::decode(MachineRecord::encode(m), back));
        QCOMPARE(MachineDiff::compare(m, back), MachineDiff::Fields());
        QCOMPARE(back.extra.value(QStringLiteral("features")).metaType(),
                 QMetaType::fromType<QStringList>());
        QCOMPARE(back.extra.value(QStringLiteral("big")).toLongLong(), qint64(9007199254740993));
    }

    void formatOneRecordsAreStillRead()
    {
        // A record as the previous build wrote it: format 1, extra as compact JSON at the end.
        Machine m = machine(QStringLiteral("a"), 3);
        m.extra.clear();
        QByteArray record = MachineRecord::encode(m);
        const QByteArray json = R"({"imageSlug":"ubuntu-24-04-x64","locked":true})";
        record[0] = char(MachineRecord::JsonExtraFormat);
        record.chop(4); // the empty extra's length
        const quint32 size = qToLittleEndian(quint32(json.size()));
        record.append(reinterpret_cast<const char *>(&size), 4);
        record.append(json);
        Machine back;
        QVERIFY(MachineRecord::decode(record, back));
        QCOMPARE(back.name, m.name);
        QCOMPARE(back.extra.value(QStringLiteral("imageSlug")).toString(),
                 QStringLiteral("ubuntu-24-04-x64"));
        QCOMPARE(back.extra.value(QStringLiteral("locked")).toBool(), true);
    }

    void roundTripEmpty()
    {
        Machine m;
        m.state = MachineState::Pending;
        Machine back;
        QVERIFY(MachineRecord::decode(MachineRecord::encode(m), back));
        QCOMPARE(back, m);
        QVERIFY(!back.createdAt.isValid());
        QVERIFY(!back.pricePerMonth);
        QVERIFY(back.extra.isEmpty());
    }

    void everyStateSurvives()
    {
        for (int s = MachineState::Unknown; s <= MachineState::Template; ++s) {
            Machine m;
            m.state = MachineState::State(s);
            Machine back;
            QVERIFY(MachineRecord::decode(MachineRecord::encode(m), back));
            QCOMPARE(back.state, m.state);
        }
    }

    void truncatedRecordsAreRefused()
    {
        const QByteArray record = MachineRecord::encode(machine(QStringLiteral("a"), 9));
        for (qsizetype size = 0; size < record.size(); ++size) {
            Machine back;
            QVERIFY2(!MachineRecord::decode(QByteArrayView(record).first(size), back),
                     qPrintable(QString::number(size)));
        }
    }

    void damagedRecordsAreRefused()
    {
        QByteArray record = MachineRecord::encode(machine(QStringLiteral("a"), 9));
        Machine back;
        QByteArray otherFormat = record;
        otherFormat[0] = char(MachineRecord::TypedExtraFormat + 1);
        QVERIFY(!MachineRecord::decode(otherFormat, back));
        QByteArray trailing = record + QByteArray("x");
        QVERIFY(!MachineRecord::decode(trailing, back));
        // A length field claiming more than there is.
        QByteArray hugeLength = record;
        hugeLength[1] = char(0xff);
        hugeLength[2] = char(0xff);
        hugeLength[3] = char(0xff);
        hugeLength[4] = char(0x7f);
        QVERIFY(!MachineRecord::decode(hugeLength, back));
        // Random bytes never crash and are (almost surely) refused.
        for (int i = 0; i < 200; ++i) {
            QByteArray noise = record;
            for (int j = 0; j < 8; ++j)
                noise[1 + (i * 31 + j * 17) % (noise.size() - 1)] = char(i * 7 + j);
            Machine any;
            (void)MachineRecord::decode(noise, any);
        }
    }

    // Found by fuzz_cache: Qt 6.4's QDataStream reserves a list's stated count before reading
    // it, so a damaged count in `extra` asked for 96 GB and the failed allocation ended the
    // program. Such a record is refused, as any other damage is.
    void hugeCountsInExtraAreRefused_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QByteArray>("items"); // the serialized count and first item
        QTest::newRow("string list") << QVariant(QStringList {QStringLiteral("a")})
                                     << QByteArray::fromHex("00000001" "00000002" "0061");
        QTest::newRow("byte array list")
            << QVariant::fromValue(QByteArrayList {QByteArrayLiteral("a")})
            << QByteArray::fromHex("00000001" "00000001" "61");
        QTest::newRow("list by type name")
            << QVariant::fromValue(QList<int> {7}) << QByteArray::fromHex("00000001" "00000007");
        QTest::newRow("variant list")
            << QVariant(QVariantList {QVariant(true)})
            << QByteArray::fromHex("00000001" "00000001" "00" "01");
        QTest::newRow("nested map")
            << QVariant(QVariantMap {{QStringLiteral("k"), QVariant(true)}})
            << QByteArray::fromHex("00000001" "00000002" "006b");
    }

    void hugeCountsInExtraAreRefused()
    {
        QFETCH(QVariant, value);
        QFETCH(QByteArray, items);
        Machine m = machine(QStringLiteral("a"), 3);
        // A date beside it keeps the map in format 2 (QDataStream), which these counts are of.
        m.extra = {{QStringLiteral("x"), value},
                   {QStringLiteral("y"), QDateTime(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC)}};
        const QByteArray record = MachineRecord::encode(m);
        QCOMPARE(quint8(record.at(0)), MachineRecord::Format);
        Machine back;
        QVERIFY(MachineRecord::decode(record, back));
        QCOMPARE(back.extra, m.extra);
        const qsizetype at = record.lastIndexOf(items);
        QVERIFY(at > 0);
        for (const char *count : {"fffffff0", "00100000", "00000002"}) {
            QByteArray damaged = record;
            damaged.replace(at, 4, QByteArray::fromHex(count));
            QVERIFY2(!MachineRecord::decode(damaged, back), count);
        }
    }

    // What the clouds' parsers store (strings, string lists, bools, integers, doubles) is
    // written in format 3, its keys and strings shared through the pool, and read back with
    // the same types; damage in it is refused like any other.
    void typedExtraRoundTripsAndSharesStrings()
    {
        Machine m = machine(QStringLiteral("a"), 3);
        m.extra = {{QStringLiteral("regionName"), QStringLiteral("Frankfurt 1")},
                   {QStringLiteral("features"), QStringList {QStringLiteral("ipv6"), QString()}},
                   {QStringLiteral("locked"), false},
                   {QStringLiteral("imageId"), 6918990},
                   {QStringLiteral("big"), qint64(9007199254740993)},
                   {QStringLiteral("ratio"), 0.1},
                   {QStringLiteral("empty"), QString()}};
        const QByteArray record = MachineRecord::encode(m);
        QCOMPARE(quint8(record.at(0)), MachineRecord::TypedExtraFormat);
        MachineRecord::StringPool pool;
        Machine a;
        Machine b;
        QVERIFY(MachineRecord::decode(record, a, &pool));
        QVERIFY(MachineRecord::decode(record, b, &pool));
        a.accountId = m.accountId;
        a.id = m.id;
        QCOMPARE(a, m);
        QCOMPARE(MachineDiff::compare(m, a), MachineDiff::Fields());
        for (const char *key : {"regionName", "features", "locked", "imageId", "big", "ratio"}) {
            const QString name = QString::fromLatin1(key);
            QCOMPARE(a.extra.value(name).metaType(), m.extra.value(name).metaType());
        }
        QCOMPARE(a.extra.value(QStringLiteral("ratio")).toDouble(), 0.1); // bit for bit
        // Keys and string values are shared between machines read with one pool.
        QVERIFY(a.extra.firstKey().constData() == b.extra.firstKey().constData());
        QVERIFY(a.extra.value(QStringLiteral("regionName")).toString().constData()
                == b.extra.value(QStringLiteral("regionName")).toString().constData());

        // Every truncation is refused, and so is a count beyond what is left.
        for (qsizetype size = 0; size < record.size(); ++size) {
            Machine back;
            QVERIFY2(!MachineRecord::decode(QByteArrayView(record).first(size), back),
                     qPrintable(QString::number(size)));
        }
        const QByteArray countOf7 = QByteArray::fromHex("07000000"); // the map's, little-endian
        const qsizetype at = record.indexOf(countOf7, record.size() - 400);
        QVERIFY(at > 0);
        for (const char *count : {"f0ffffff", "00001000", "08000000"}) {
            QByteArray damaged = record;
            damaged.replace(at, 4, QByteArray::fromHex(count));
            Machine back;
            QVERIFY2(!MachineRecord::decode(damaged, back, &pool), count);
        }
        // An unknown type tag: the one after the key "ratio" (UTF-16) is a double's.
        const QByteArray ratioKey = QByteArray::fromHex("72006100740069006f00");
        const qsizetype tag = record.indexOf(ratioKey) + ratioKey.size();
        QVERIFY(tag > ratioKey.size());
        QCOMPARE(record.at(tag), 'd');
        QByteArray badTag = record;
        badTag[tag] = 'x';
        Machine back;
        QVERIFY(!MachineRecord::decode(badTag, back));
    }

    void extraOfOtherTypesIsStillRead()
    {
        Machine m = machine(QStringLiteral("a"), 3);
        m.extra = {{QStringLiteral("when"), QDateTime(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC)},
                   {QStringLiteral("ratio"), 0.5f},
                   {QStringLiteral("ids"), QVariant::fromValue(QList<int> {1, 2})}};
        Machine back;
        QVERIFY(MachineRecord::decode(MachineRecord::encode(m), back));
        QCOMPARE(back.extra, m.extra);
    }

    void poolSharesRepeatedStrings()
    {
        MachineRecord::StringPool pool;
        const QByteArray one = MachineRecord::encode(machine(QStringLiteral("a"), 4));
        const QByteArray two = MachineRecord::encode(machine(QStringLiteral("a"), 8));
        Machine a;
        Machine b;
        QVERIFY(MachineRecord::decode(one, a, &pool));
        QVERIFY(MachineRecord::decode(two, b, &pool));
        QCOMPARE(a.region, b.region); // both "nyc3"
        QVERIFY(a.region.constData() == b.region.constData()); // one string, shared
        QVERIFY(a.tags.constFirst().constData() == b.tags.constFirst().constData());
        QVERIFY(a.name.constData() != b.name.constData());
        // More distinct values than the pool holds still decode right.
        for (int n = 0; n < 100; ++n) {
            Machine m = machine(QStringLiteral("a"), n);
            m.region = QStringLiteral("region-%1").arg(n);
            Machine back;
            QVERIFY(MachineRecord::decode(MachineRecord::encode(m), back, &pool));
            QCOMPARE(back.region, m.region);
        }
    }
};

QTEST_GUILESS_MAIN(TestMachineRecord)
#include "tst_machinerecord.moc"
