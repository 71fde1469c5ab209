#include "machineeditrules.h"
#include "machineupdate.h"

#include <QTest>

using namespace Qt::StringLiterals;

/// The name and tag rules of each cloud (MachineEditRules, from the clouds' API descriptions)
/// and the one tag-edit rule the CLI and the GUI share (MachineUpdate::editedTags).
class TestMachineEditRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("ok");
        const QString longName(256, u'a');
        QTest::newRow("empty") << u"vultr"_s << u"  "_s << false;
        QTest::newRow("padded") << u"vultr"_s << u" web"_s << false;
        QTest::newRow("control") << u"vultr"_s << u"web\n1"_s << false;
        QTest::newRow("vultr free text") << u"vultr"_s << u"Web server (blue)"_s << true;
        QTest::newRow("do host") << u"digitalocean"_s << u"web-1.example.com"_s << true;
        QTest::newRow("do space") << u"digitalocean"_s << u"web 1"_s << false;
        QTest::newRow("do underscore") << u"digitalocean"_s << u"web_1"_s << false;
        QTest::newRow("do 255") << u"digitalocean"_s << QString(255, u'a') << true;
        QTest::newRow("do 256") << u"digitalocean"_s << longName << false;
        QTest::newRow("hetzner host") << u"hetzner"_s << u"db-2.internal"_s << true;
        QTest::newRow("hetzner dash end") << u"hetzner"_s << u"db-"_s << false;
        QTest::newRow("hetzner label 64") << u"hetzner"_s << QString(64, u'a') << false;
        QTest::newRow("hetzner underscore") << u"hetzner"_s << u"db_2"_s << false;
        QTest::newRow("linode ok") << u"linode"_s << u"web_1.prod"_s << true;
        QTest::newRow("linode short") << u"linode"_s << u"ab"_s << false;
        QTest::newRow("linode 64") << u"linode"_s << QString(64, u'a') << true;
        QTest::newRow("linode 65") << u"linode"_s << QString(65, u'a') << false;
        QTest::newRow("linode double dash") << u"linode"_s << u"web--1"_s << false;
        QTest::newRow("linode double dot") << u"linode"_s << u"web..1"_s << false;
        QTest::newRow("linode ends dash") << u"linode"_s << u"web-"_s << false;
        QTest::newRow("aws free text") << u"aws"_s << u"Build box (CI)"_s << true;
        QTest::newRow("aws 256") << u"aws"_s << QString(256, u'x') << true;
        QTest::newRow("aws 257") << u"aws"_s << QString(257, u'x') << false;
        QTest::newRow("demo") << u"demo"_s << u"web-1"_s << true;
        QTest::newRow("demo space") << u"demo"_s << u"web 1"_s << false;
    }
    void names()
    {
        QFETCH(QString, provider);
        QFETCH(QString, name);
        QFETCH(bool, ok);
        const QString problem = MachineEditRules::nameProblem(provider, name);
        QVERIFY2(problem.isEmpty() == ok, qPrintable(problem));
    }

    void tags_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<bool>("ok");
        QTest::newRow("empty") << u"linode"_s << u""_s << false;
        QTest::newRow("do colon") << u"digitalocean"_s << u"env:prod"_s << true;
        QTest::newRow("do space") << u"digitalocean"_s << u"my tag"_s << false;
        QTest::newRow("do dot") << u"digitalocean"_s << u"a.b"_s << false;
        QTest::newRow("do 255") << u"digitalocean"_s << QString(255, u'a') << true;
        QTest::newRow("do 256") << u"digitalocean"_s << QString(256, u'a') << false;
        QTest::newRow("hetzner key") << u"hetzner"_s << u"monitoring"_s << true;
        QTest::newRow("hetzner pair") << u"hetzner"_s << u"env=prod"_s << true;
        QTest::newRow("hetzner prefix") << u"hetzner"_s << u"example.com/team=web"_s << true;
        QTest::newRow("hetzner reserved") << u"hetzner"_s << u"hetzner.cloud/x=1"_s << false;
        QTest::newRow("hetzner key 64") << u"hetzner"_s << QString(64, u'k') << false;
        QTest::newRow("hetzner value dash") << u"hetzner"_s << u"env=-prod"_s << false;
        QTest::newRow("hetzner value space") << u"hetzner"_s << u"env=a b"_s << false;
        QTest::newRow("linode 3") << u"linode"_s << u"abc"_s << true;
        QTest::newRow("linode 2") << u"linode"_s << u"ab"_s << false;
        QTest::newRow("linode space") << u"linode"_s << u"example tag"_s << true;
        QTest::newRow("linode 51") << u"linode"_s << QString(51, u'a') << false;
        QTest::newRow("vultr") << u"vultr"_s << u"any tag"_s << true;
        QTest::newRow("aws pair") << u"aws"_s << u"team=web ops"_s << true;
        QTest::newRow("aws key only") << u"aws"_s << u"flag"_s << true;
        QTest::newRow("aws reserved") << u"aws"_s << u"aws:cloudformation=x"_s << false;
        QTest::newRow("aws reserved case") << u"aws"_s << u"AWS:x=1"_s << false;
        QTest::newRow("aws key 127") << u"aws"_s << QString(127, u'k') << true;
        QTest::newRow("aws key 128") << u"aws"_s << QString(128, u'k') << false;
        QTest::newRow("aws value 257") << u"aws"_s << u"k="_s + QString(257, u'v') << false;
        QTest::newRow("aws no key") << u"aws"_s << u"=v"_s << false;
    }
    void tags()
    {
        QFETCH(QString, provider);
        QFETCH(QString, tag);
        QFETCH(bool, ok);
        const QString problem = MachineEditRules::tagProblem(provider, tag);
        QVERIFY2(problem.isEmpty() == ok, qPrintable(problem));
    }

    void listRules()
    {
        QVERIFY(!MachineEditRules::tagsProblem(u"linode"_s, {u"abc"_s, u"abc"_s}, {}).isEmpty());
        QVERIFY(
            !MachineEditRules::tagsProblem(u"hetzner"_s, {u"env=a"_s, u"env=b"_s}, {}).isEmpty());
        // AWS: the Name tag is the rename's; a tag edit keeps it as it was.
        const QStringList before {u"Name=web"_s, u"team=a"_s};
        QVERIFY(MachineEditRules::tagsProblem(u"aws"_s, {u"Name=web"_s, u"team=b"_s}, before)
                    .isEmpty());
        QVERIFY(!MachineEditRules::tagsProblem(u"aws"_s, {u"team=b"_s}, before).isEmpty());
        QVERIFY(!MachineEditRules::tagsProblem(u"aws"_s, {u"Name=db"_s}, before).isEmpty());
    }

    void editedTags()
    {
        const QStringList current {u"a"_s, u"b"_s, u"c"_s};
        QCOMPARE(MachineUpdate::editedTags(current, {u"d"_s, u"a"_s}, {u"b"_s}),
                 QStringList({u"a"_s, u"c"_s, u"d"_s}));
        QCOMPARE(MachineUpdate::editedTags(current, {}, {}, QStringList {u" x "_s, u""_s}),
                 QStringList({u"x"_s}));
        QCOMPARE(MachineUpdate::editedTags(current, {u"y"_s}, {u"x"_s}, QStringList {u"x"_s}),
                 QStringList({u"y"_s}));
        QCOMPARE(MachineUpdate::editedTags(current, {}, {}, QStringList {}), QStringList());
    }

    void addedAndRemoved()
    {
        MachineUpdate update;
        update.previousTags = {u"a"_s, u"b"_s};
        update.tags = QStringList {u"b"_s, u"c"_s};
        QCOMPARE(update.addedTags(), QStringList({u"c"_s}));
        QCOMPARE(update.removedTags(), QStringList({u"a"_s}));
    }
};

QTEST_GUILESS_MAIN(TestMachineEditRules)
#include "tst_machineeditrules.moc"
