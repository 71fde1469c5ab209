// JsonScanner must read what QJsonDocument reads and refuse what it refuses: the machine listings
// go through it instead of QJsonDocument, so any difference would be a reply read differently.
#include "jsonscanner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

namespace {
/// The whole text through the scanner: the value, or undefined when the text is not JSON.
QJsonValue scan(JsonScanner *scanner)
{
    QJsonValue value = scanner->value();
    if (!scanner->failed() && !scanner->atEnd())
        scanner->fail(QStringLiteral("text follows the value"));
    return scanner->failed() ? QJsonValue(QJsonValue::Undefined) : value;
}

std::optional<QJsonValue> viaDocument(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}
} // namespace

class TestJsonScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsWhatQJsonDocumentReads_data();
    void readsWhatQJsonDocumentReads();
    void refusesWhatQJsonDocumentRefuses_data();
    void refusesWhatQJsonDocumentRefuses();
    void faultSaysWhereAndSticks();
    void membersAndItemsStepThrough();
    void typedReadsSkipOtherTypes();
    void membersOfSomethingElseConsumesIt();
    void mutatedRepliesAgreeWithQJsonDocument();
};

void TestJsonScanner::readsWhatQJsonDocumentReads_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty containers") << QByteArray(R"([{}, [], [[]], {"a": {}}])");
    QTest::newRow("literals") << QByteArray("[true, false, null]");
    QTest::newRow("numbers") << QByteArray(
        "[0, -0, 7, -12, 3.25, -0.5, 1e3, 1E-2, 2.5e+4, 123456789012345678, "
        "-123456789012345678, 12345678901234567890123, 0.1, 1e308]");
    QTest::newRow("escapes") << QByteArray(R"(["a\"b", "\\", "\/", "\b\f\n\r\t", "\u0041\u00e9"])");
    QTest::newRow("surrogate pair") << QByteArray(R"(["\ud83d\ude00 whale"])");
    QTest::newRow("utf-8") << QByteArray("[\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x90\xb3\"]");
    QTest::newRow("whitespace") << QByteArray(" \n\t[ 1 ,\r\n {  \"a\" :  2 } ]  \n");
    QTest::newRow("escaped name") << QByteArray(R"({"\u0069d": 1, "tab\tname": 2})");
    // Not RFC 8259, but QJsonDocument reads them, so a reply it read reads the same here.
    QTest::newRow("lax numbers") << QByteArray("[1., .5, -.5e1]");
    QTest::newRow("raw control characters") << QByteArray("[\"a\x01z\", \"tab\there\nnewline\"]");
    QTest::newRow("unknown escape") << QByteArray(R"(["\x41", "\q"])");
    QTest::newRow("nested") << QByteArray(R"({"a": [1, {"b": [2, [3, {"c": null}]]}], "d": "e"})");
}

void TestJsonScanner::readsWhatQJsonDocumentReads()
{
    QFETCH(QByteArray, text);
    const std::optional<QJsonValue> expected = viaDocument(text);
    QVERIFY2(expected, "QJsonDocument reads it");
    JsonScanner scanner(text);
    const QJsonValue value = scan(&scanner);
    QVERIFY2(!scanner.failed(), qPrintable(scanner.fault()));
    QCOMPARE(value, *expected);
}

void TestJsonScanner::refusesWhatQJsonDocumentRefuses_data()
{
    QTest::addColumn<QByteArray>("text");
    const QList<std::pair<const char *, QByteArray>> rows = {
        {"nothing", ""},
        {"cut off", R"({"a": [1, 2)"},
        {"cut off in a string", R"(["abc)"},
        {"cut off after a name", R"({"a")"},
        {"trailing comma in a list", "[1,]"},
        {"trailing comma in an object", R"({"a": 1,})"},
        {"leading comma", "[,1]"},
        {"missing comma", "[1 2]"},
        {"missing comma between members", R"({"a": 1 "b": 2})"},
        {"missing colon", R"({"a" 1})"},
        {"bare name", "{a: 1}"},
        {"name not a string", "{1: 2}"},
        {"leading zero", "[01]"},
        {"lone minus", "[-]"},
        {"exponent without digits", "[1e]"},
        {"plus sign", "[+1]"},
        {"hex", "[0x10]"},
        {"short literal", "[tru]"},
        {"capital literal", "[True]"},
        {"short unicode escape", R"(["\u12"])"},
        {"bad unicode escape", R"(["\u12g4"])"},
        {"overlong UTF-8", "[\"\xc0\xaf\"]"},
        {"encoded surrogate", "[\"\xed\xa0\x80\"]"},
        {"cut-off UTF-8", "[\"\xe2\x82\"]"},
        {"stray continuation byte", "[\"\x80\"]"},
        {"invalid byte", "[\"\xff\"]"},
        {"beyond U+10FFFF", "[\"\xf4\x90\x80\x80\"]"},
        {"text after the value", "[1] x"},
        {"two values", "[1] [2]"},
        {"mismatched bracket", R"([1})"},
        {"mismatched brace", R"({"a": 1])"},
        {"nested too deeply", QByteArray(1100, '[') + QByteArray(1100, ']')},
    };
    for (const auto &[name, text] : rows)
        QTest::newRow(name) << text;
}

void TestJsonScanner::refusesWhatQJsonDocumentRefuses()
{
    QFETCH(QByteArray, text);
    QVERIFY2(!viaDocument(text), "QJsonDocument refuses it");
    JsonScanner scanner(text);
    scan(&scanner);
    QVERIFY(scanner.failed());
    QVERIFY(!scanner.fault().isEmpty());
    QVERIFY(scanner.faultOffset() >= 0 && scanner.faultOffset() <= text.size());
}

void TestJsonScanner::faultSaysWhereAndSticks()
{
    const QByteArray text = R"({"a": [1, 2,], "b": "fine"})";
    JsonScanner scanner(text);
    QVERIFY(scanner.enterObject());
    QByteArrayView name;
    QVERIFY(scanner.nextMember(name));
    QCOMPARE(name, QByteArrayView("a"));
    scanner.skip();
    QVERIFY(scanner.failed());
    QCOMPARE(scanner.faultOffset(), text.indexOf(']'));
    const QString fault = scanner.fault();
    // Nothing more is read, and the first fault is the one reported.
    QVERIFY(!scanner.nextMember(name));
    QCOMPARE(scanner.value(), QJsonValue(QJsonValue::Undefined));
    QVERIFY(scanner.string().isEmpty());
    QCOMPARE(scanner.peek(), JsonScanner::Kind::End);
    scanner.fail(QStringLiteral("another"));
    QCOMPARE(scanner.fault(), fault);
}

void TestJsonScanner::membersAndItemsStepThrough()
{
    const QByteArray text =
        R"({"\u0069d": 42, "list": [1, "two", {"x": 3}], "skip": {"deep": [[]]}})";
    JsonScanner scanner(text);
    QVERIFY(!scanner.atArray());
    QVERIFY(scanner.atObject());
    QVERIFY(scanner.enterObject());
    QByteArrayView name;
    QVERIFY(scanner.nextMember(name));
    QCOMPARE(name, QByteArrayView("id")); // the escape undone
    QCOMPARE(scanner.peek(), JsonScanner::Kind::Number);
    QCOMPARE(scanner.value(), QJsonValue(42));
    QVERIFY(scanner.nextMember(name));
    QCOMPARE(name, QByteArrayView("list"));
    QVERIFY(scanner.enterArray());
    QVERIFY(scanner.nextItem());
    QCOMPARE(scanner.value(), QJsonValue(1));
    QVERIFY(scanner.nextItem());
    QCOMPARE(scanner.peek(), JsonScanner::Kind::String);
    QCOMPARE(scanner.string(), QStringLiteral("two"));
    QVERIFY(scanner.nextItem());
    QCOMPARE(scanner.value(), QJsonValue(QJsonObject {{QStringLiteral("x"), 3}}));
    QVERIFY(!scanner.nextItem());
    QVERIFY(scanner.nextMember(name));
    QCOMPARE(name, QByteArrayView("skip"));
    scanner.skip();
    QVERIFY(!scanner.nextMember(name));
    QVERIFY(!scanner.failed());
    QVERIFY(scanner.atEnd());
    QCOMPARE(scanner.peek(), JsonScanner::Kind::End);
}

void TestJsonScanner::typedReadsSkipOtherTypes()
{
    const QByteArray text = R"([7, "text", ["a", 1, null, "b", ["c"]], "not a list", {"a": "b"}])";
    JsonScanner scanner(text);
    QVERIFY(scanner.enterArray());
    QVERIFY(scanner.nextItem());
    QCOMPARE(scanner.string(), QString()); // a number: skipped, reads as empty
    QVERIFY(scanner.nextItem());
    QCOMPARE(scanner.string(), QStringLiteral("text"));
    QVERIFY(scanner.nextItem());
    QCOMPARE(scanner.strings(), QStringList({QStringLiteral("a"), QStringLiteral("b")}));
    QVERIFY(scanner.nextItem());
    QCOMPARE(scanner.strings(), QStringList());
    QVERIFY(scanner.nextItem());
    QCOMPARE(scanner.strings(), QStringList());
    QVERIFY(!scanner.nextItem());
    QVERIFY2(!scanner.failed(), qPrintable(scanner.fault()));
    QVERIFY(scanner.atEnd());
}

void TestJsonScanner::membersOfSomethingElseConsumesIt()
{
    const QByteArray text = R"([[1, {"a": 2}], {"a": 1, "b": [2]}])";
    JsonScanner scanner(text);
    QVERIFY(scanner.enterArray());
    QVERIFY(scanner.nextItem());
    QStringList seen;
    QVERIFY(!scanner.members([&](QByteArrayView name) {
        seen.append(QString::fromUtf8(name));
        scanner.skip();
    }));
    QVERIFY(scanner.nextItem());
    QVERIFY(scanner.members([&](QByteArrayView name) {
        seen.append(QString::fromUtf8(name));
        scanner.skip();
    }));
    QCOMPARE(seen, QStringList({QStringLiteral("a"), QStringLiteral("b")}));
    QVERIFY(!scanner.nextItem());
    QVERIFY(!scanner.failed());
}

void TestJsonScanner::mutatedRepliesAgreeWithQJsonDocument()
{
    // Random damage to a real reply, seeded so a failure reproduces: the scanner and
    // QJsonDocument must agree on every result, value for value.
    QFile file(QStringLiteral(DATA_DIR "/digitalocean/droplets_page1.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray original = file.readAll();
    QRandomGenerator random(0x5CA77E);
    const QByteArray alphabet = "{}[],:\"\\ 0123456789.eE+-tfnulrsa\x01\x7f\xc3\xa9\xff\xed\xa0";
    int agreedValid = 0;
    for (int i = 0; i < 4000; ++i) {
        QByteArray text = original;
        const int edits = 1 + int(random.bounded(3));
        for (int e = 0; e < edits && !text.isEmpty(); ++e) {
            const int at = int(random.bounded(text.size()));
            const char c = alphabet.at(int(random.bounded(alphabet.size())));
            switch (random.bounded(4)) {
            case 0:
                text[at] = c;
                break;
            case 1:
                text.insert(at, c);
                break;
            case 2:
                text.remove(at, 1);
                break;
            default:
                text.truncate(at);
                break;
            }
        }
        const std::optional<QJsonValue> expected = viaDocument(text);
        JsonScanner scanner(text);
        const QJsonValue value = scan(&scanner);
        const QByteArray where = "iteration " + QByteArray::number(i) + ": " + text.left(120);
        QVERIFY2(scanner.failed() == !expected, where.constData());
        if (expected) {
            QVERIFY2(value == *expected, where.constData());
            ++agreedValid;
        }
    }
    // Both outcomes were reached (most damage breaks the text; some leaves valid JSON).
    QVERIFY(agreedValid > 100);
}

QTEST_GUILESS_MAIN(TestJsonScanner)
#include "tst_jsonscanner.moc"
