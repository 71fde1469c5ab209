import QtQuick
import QtTest
import CloudDeck

// What the app remembers between runs: the sort the user chose is written as soon as it changes
// (AppController restores it at the next start), and the window's geometry round-trips through
// AppSettings with a maximised window keeping its last normal size.
TestCase {
    id: testCase
    name: "RememberedState"

    function test_sortIsWrittenWhenChosen() {
        const filters = AppController.filters
        const key = filters.sortKey
        const order = filters.sortOrder
        filters.sortKey = MachineFilterModel.SortByRegion
        compare(AppSettings.sortState().key, MachineFilterModel.SortByRegion)
        filters.sortOrder = Qt.DescendingOrder
        compare(AppSettings.sortState().order, Qt.DescendingOrder)
        filters.sortKey = key
        filters.sortOrder = order
        compare(AppSettings.sortState().key, key)
        compare(AppSettings.sortState().order, order)
    }

    function test_windowGeometryRoundTrips() {
        AppSettings.setWindowState(Qt.rect(40, 30, 1100, 760), false)
        const saved = AppSettings.windowGeometry()
        compare([saved.x, saved.y, saved.width, saved.height], [40, 30, 1100, 760])
        verify(!AppSettings.windowMaximized())
        // Closed maximised: the normal geometry stays, the flag is kept.
        AppSettings.setWindowState(Qt.rect(0, 0, 0, 0), true)
        compare(AppSettings.windowGeometry().width, 1100)
        compare(AppSettings.windowGeometry().height, 760)
        verify(AppSettings.windowMaximized())
    }
}
