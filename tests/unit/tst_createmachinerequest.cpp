#include "createmachinerequest.h"

#include <QTest>

using Field = CreateMachineRequest::Field;

/// The rules a create request meets before it is sent, shared by the wizard and the CLI.
class TestCreateMachineRequest : public QObject
{
    Q_OBJECT

    static CreateMachineRequest good()
    {
        CreateMachineRequest request;
        request.name = QStringLiteral("web-3");
        request.region = QStringLiteral("fra1");
        request.size = QStringLiteral("s-2vcpu-4gb");
        request.image = QStringLiteral("debian-12-x64");
        request.tags = {QStringLiteral("production"), QStringLiteral("team:web")};
        return request;
    }

private Q_SLOTS:
    void aCompleteRequestHasNoProblem()
    {
        QVERIFY(good().problems().isEmpty());
        QCOMPARE(good().validate(), QString());
        CreateMachineRequest noTags = good();
        noTags.tags.clear();
        QVERIFY(noTags.problems().isEmpty()); // tags and keys are optional
    }

    void requiredFields_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("region") << int(Field::Region) << QStringLiteral("Choose a region.");
        QTest::newRow("size") << int(Field::Size) << QStringLiteral("Choose a size.");
        QTest::newRow("image") << int(Field::Image) << QStringLiteral("Choose an image.");
        QTest::newRow("name") << int(Field::Name) << QStringLiteral("Give the machine a name.");
    }
    void requiredFields()
    {
        QFETCH(int, field);
        QFETCH(QString, message);
        for (const QString &empty : {QString(), QStringLiteral("   ")}) {
            CreateMachineRequest request = good();
            switch (Field(field)) {
            case Field::Region:
                request.region = empty;
                break;
            case Field::Size:
                request.size = empty;
                break;
            case Field::Image:
                request.image = empty;
                break;
            case Field::Name:
                request.name = empty;
                break;
            case Field::Tags:
                break;
            }
            const auto problems = request.problems();
            QCOMPARE(problems.size(), 1);
            QCOMPARE(int(problems.first().field), field);
            QCOMPARE(problems.first().message, message);
            QCOMPARE(request.problem(Field(field)), message);
            QCOMPARE(request.validate(), message);
        }
    }

    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << QStringLiteral("web-3") << true;
        QTest::newRow("one character") << QStringLiteral("a") << true;
        QTest::newRow("dots") << QStringLiteral("db.prod.example") << true;
        QTest::newRow("digits first") << QStringLiteral("3web") << true;
        QTest::newRow("63 characters") << QString(63, QLatin1Char('a')) << true;
        QTest::newRow("64 characters") << QString(64, QLatin1Char('a')) << false;
        QTest::newRow("space") << QStringLiteral("bad name") << false;
        QTest::newRow("bang") << QStringLiteral("bad!") << false;
        QTest::newRow("leading dash") << QStringLiteral("-web") << false;
        QTest::newRow("trailing dash") << QStringLiteral("web-") << false;
        QTest::newRow("trailing dot") << QStringLiteral("web.") << false;
        QTest::newRow("underscore") << QStringLiteral("web_1") << false;
        QTest::newRow("slash") << QStringLiteral("web/1") << false;
        QTest::newRow("not ASCII") << QStringLiteral("wéb") << false;
    }
    void names()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(CreateMachineRequest::isValidName(name), valid);
        CreateMachineRequest request = good();
        request.name = name;
        QCOMPARE(request.problems().isEmpty(), valid);
        if (!valid) {
            QCOMPARE(request.problems().first().field, Field::Name);
            QVERIFY(request.validate().contains(QLatin1String("letters, digits")));
        }
    }

    void theNameIsJudgedTrimmed()
    {
        CreateMachineRequest request = good();
        request.name = QStringLiteral("  web-3\t");
        QVERIFY(request.problems().isEmpty());
    }

    void tags_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<bool>("valid");
        QTest::newRow("word") << QStringLiteral("production") << true;
        QTest::newRow("key:value") << QStringLiteral("team:web") << true;
        QTest::newRow("punctuation allowed") << QStringLiteral("a.b_c-d") << true;
        QTest::newRow("64 characters") << QString(64, QLatin1Char('t')) << true;
        QTest::newRow("65 characters") << QString(65, QLatin1Char('t')) << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("slash") << QStringLiteral("not/ok") << false;
        QTest::newRow("space") << QStringLiteral("two words") << false;
        QTest::newRow("equals") << QStringLiteral("a=b") << false;
    }
    void tags()
    {
        QFETCH(QString, tag);
        QFETCH(bool, valid);
        QCOMPARE(CreateMachineRequest::isValidTag(tag), valid);
        CreateMachineRequest request = good();
        request.tags.append(tag);
        QCOMPARE(request.problems().isEmpty(), valid);
        if (!valid) {
            QCOMPARE(request.problems().first().field, Field::Tags);
            QVERIFY2(request.validate().contains(QLatin1Char('"') + tag + QLatin1Char('"')),
                     qPrintable(request.validate()));
        }
    }

    void problemsComeInTheWizardsOrder()
    {
        CreateMachineRequest request;
        request.tags = {QStringLiteral("not/ok")};
        QList<Field> fields;
        for (const auto &problem : request.problems())
            fields.append(problem.field);
        QCOMPARE(fields, (QList<Field> {Field::Region, Field::Size, Field::Image, Field::Name,
                                        Field::Tags}));
        QCOMPARE(request.validate(), QStringLiteral("Choose a region."));
        QCOMPARE(request.problem(Field::Tags), request.problems().last().message);
    }

    void tagsAreParsedFromText()
    {
        QCOMPARE(CreateMachineRequest::parseTags(QStringLiteral("production, web")),
                 (QStringList {QStringLiteral("production"), QStringLiteral("web")}));
        QCOMPARE(CreateMachineRequest::parseTags(QStringLiteral(" a  b,,c ")),
                 (QStringList {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QVERIFY(CreateMachineRequest::parseTags(QStringLiteral(" , ")).isEmpty());
    }

    void fieldsNameTheirOption()
    {
        QCOMPARE(CreateMachineRequest::fieldId(Field::Name), QStringLiteral("name"));
        QCOMPARE(CreateMachineRequest::fieldId(Field::Region), QStringLiteral("region"));
        QCOMPARE(CreateMachineRequest::fieldId(Field::Size), QStringLiteral("size"));
        QCOMPARE(CreateMachineRequest::fieldId(Field::Image), QStringLiteral("image"));
        QCOMPARE(CreateMachineRequest::fieldId(Field::Tags), QStringLiteral("tag"));
    }
};

QTEST_GUILESS_MAIN(TestCreateMachineRequest)
#include "tst_createmachinerequest.moc"
