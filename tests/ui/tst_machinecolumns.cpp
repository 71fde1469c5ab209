// The machine list's columns: widths and shown/hidden choices round-trip (through AppSettings
// too), minimum widths hold, unknown or broken saved values are ignored, Reset forgets all, and
// columns drop by priority when the list is narrow.

#include "appsettings.h"
#include "machinecolumns.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {
qreal sum(const MachineColumns &columns)
{
    // The right edge of the last shown column: what the row needs.
    qreal right = 0;
    const QVariantMap widths = columns.widths();
    const QVariantMap positions = columns.positions();
    for (auto it = widths.cbegin(); it != widths.cend(); ++it) {
        if (it.value().toReal() > 0)
            right = qMax(right, positions.value(it.key()).toReal() + it.value().toReal());
    }
    return right;
}
} // namespace

class TestMachineColumns : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QCoreApplication::setApplicationName(QStringLiteral("clouddeck-test")); }

    void defaultsFillTheWidth()
    {
        MachineColumns columns;
        QAbstractItemModelTester tester(&columns);
        columns.setAvailableWidth(1600);
        QCOMPARE(columns.rowCount(), 9);
        QCOMPARE(columns.customized(), false);
        // Name takes what the others leave; the last column ends at the edge.
        QCOMPARE(sum(columns), 1600.0);
        QVERIFY(columns.width(QStringLiteral("name"))
                >= columns.minimumWidth(QStringLiteral("name")));
        // Cells never overlap: each starts after the previous one ends.
        qreal end = -1;
        for (int row = 0; row < columns.rowCount(); ++row) {
            const QModelIndex index = columns.index(row);
            if (!index.data(MachineColumns::ShownRole).toBool())
                continue;
            const qreal x = index.data(MachineColumns::PositionRole).toReal();
            QVERIFY2(x > end, qPrintable(index.data(MachineColumns::ColumnIdRole).toString()));
            end = x + index.data(MachineColumns::WidthRole).toReal();
        }
    }

    // One account: the column would repeat one name on every row. Two: it is shown. The
    // user's choice wins either way.
    void accountColumnFollowsTheAccountCount()
    {
        MachineColumns columns;
        columns.setAvailableWidth(1600);
        columns.setAccountCount(1);
        QVERIFY(!columns.isShown(QStringLiteral("account")));
        columns.setAccountCount(2);
        QVERIFY(columns.isShown(QStringLiteral("account")));
        columns.setChecked(QStringLiteral("account"), false);
        QVERIFY(!columns.isShown(QStringLiteral("account")));
        columns.setAccountCount(3);
        QVERIFY(!columns.isShown(QStringLiteral("account")));
        columns.setAccountCount(1);
        columns.setChecked(QStringLiteral("account"), true);
        QVERIFY(columns.isShown(QStringLiteral("account")));
    }

    void resizeKeepsMinimumsAndNameRoom()
    {
        MachineColumns columns;
        columns.setAvailableWidth(1400);
        QSignalSpy saved(&columns, &MachineColumns::stateChanged);
        columns.resize(QStringLiteral("size"), 10);
        QCOMPARE(columns.width(QStringLiteral("size")),
                 columns.minimumWidth(QStringLiteral("size")));
        QCOMPARE(saved.count(), 1);
        // Growing stops when Name is at its minimum: nothing is pushed out, nothing overlaps.
        columns.resize(QStringLiteral("tags"), 5000);
        QCOMPARE(columns.width(QStringLiteral("name")),
                 columns.minimumWidth(QStringLiteral("name")));
        QCOMPARE(sum(columns), 1400.0);
        QVERIFY(columns.isShown(QStringLiteral("region")));
        // Name is not resized by hand and cannot be hidden.
        columns.resize(QStringLiteral("name"), 500);
        columns.setChecked(QStringLiteral("name"), false);
        QVERIFY(columns.isShown(QStringLiteral("name")));
        QVERIFY(!columns.state()
                     .value(QStringLiteral("visible"))
                     .toMap()
                     .contains(QStringLiteral("name")));
        // Fit: as wide as the content, within the limits (Name has no room left: make some).
        columns.fit(QStringLiteral("region"), 90.4);
        QCOMPARE(columns.width(QStringLiteral("region")), 64.0);
        columns.resize(QStringLiteral("tags"), 60);
        columns.fit(QStringLiteral("region"), 90.4);
        QCOMPARE(columns.width(QStringLiteral("region")), 91.0);
        columns.fit(QStringLiteral("region"), 1);
        QCOMPARE(columns.width(QStringLiteral("region")),
                 columns.minimumWidth(QStringLiteral("region")));
    }

    void narrowListDropsByPriority()
    {
        MachineColumns columns;
        columns.setAvailableWidth(2000);
        QVERIFY(columns.isShown(QStringLiteral("tags")));
        columns.setAvailableWidth(800);
        // Tags and size go first, the CPU glance stays; state and cost always.
        QVERIFY(!columns.isShown(QStringLiteral("tags")));
        QVERIFY(!columns.isShown(QStringLiteral("size")));
        for (const char *id : {"name", "state", "cpu", "cost"})
            QVERIFY2(columns.isShown(QString::fromLatin1(id)), id);
        QVERIFY(columns.isChecked(QStringLiteral("tags"))); // wanted, just no room
        QVERIFY(sum(columns) <= 800);
        // Hiding a wide column makes room for one that was dropped.
        const bool regionBefore = columns.isShown(QStringLiteral("region"));
        columns.setChecked(QStringLiteral("cpu"), false);
        columns.setChecked(QStringLiteral("ip"), false);
        QVERIFY(columns.isShown(QStringLiteral("region")) || regionBefore);
        QVERIFY(columns.isShown(QStringLiteral("size")));
    }

    void stateRoundTripsAndIgnoresUnknowns()
    {
        MachineColumns first;
        first.setAvailableWidth(1600);
        first.resize(QStringLiteral("ip"), 150);
        first.setChecked(QStringLiteral("tags"), false);
        first.setChecked(QStringLiteral("account"), true);
        const QVariantMap state = first.state();

        MachineColumns second;
        second.setAvailableWidth(1600);
        second.restore(state);
        QCOMPARE(second.width(QStringLiteral("ip")), 150.0);
        QVERIFY(!second.isShown(QStringLiteral("tags")));
        QVERIFY(second.isShown(QStringLiteral("account")));
        QCOMPARE(second.state(), state);

        // An older or edited file: unknown columns, junk and out-of-range values.
        MachineColumns third;
        third.restore({{QStringLiteral("widths"),
                        QVariantMap {{QStringLiteral("bogus"), 99},
                                     {QStringLiteral("size"), QStringLiteral("wide")},
                                     {QStringLiteral("region"), 2},
                                     {QStringLiteral("name"), 400}}},
                       {QStringLiteral("visible"),
                        QVariantMap {{QStringLiteral("name"), false},
                                     {QStringLiteral("nothing"), true},
                                     {QStringLiteral("cpu"), QStringLiteral("yes")}}}});
        const QVariantMap widths = third.state().value(QStringLiteral("widths")).toMap();
        QCOMPARE(widths.keys(), QStringList {QStringLiteral("region")});
        QCOMPARE(widths.value(QStringLiteral("region")).toReal(),
                 third.minimumWidth(QStringLiteral("region")));
        QVERIFY(!third.state().contains(QStringLiteral("visible")));
        QVERIFY(third.isShown(QStringLiteral("name")));
    }

    void resetForgetsEverything()
    {
        MachineColumns columns;
        columns.setAvailableWidth(1600);
        const QVariantMap defaults = columns.widths();
        columns.resize(QStringLiteral("state"), 200);
        columns.setChecked(QStringLiteral("cost"), false);
        QVERIFY(columns.customized());
        QSignalSpy saved(&columns, &MachineColumns::stateChanged);
        columns.reset();
        QCOMPARE(saved.count(), 1);
        QVERIFY(!columns.customized());
        QVERIFY(columns.state().isEmpty());
        QCOMPARE(columns.widths(), defaults);
        columns.reset(); // nothing to undo: nothing written
        QCOMPARE(saved.count(), 1);
    }

    void appSettingsKeepsTheState()
    {
        AppSettings *settings = AppSettings::instance();
        MachineColumns columns;
        columns.resize(QStringLiteral("tags"), 222);
        columns.setChecked(QStringLiteral("region"), false);
        settings->setColumnState(columns.state());
        MachineColumns restored;
        restored.restore(settings->columnState());
        QCOMPARE(restored.state(), columns.state());
        settings->setColumnState({});
        QVERIFY(settings->columnState().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMachineColumns)
#include "tst_machinecolumns.moc"
