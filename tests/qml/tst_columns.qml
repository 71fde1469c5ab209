import QtQuick
import QtQuick.Controls
import QtTest
import CloudDeck

// The list's columns with real mouse events over the Demo fleet: dragging a separator resizes
// the column and every row's cell follows the header; the header's menu hides a column (rows
// follow), Name cannot be hidden, and Reset columns brings the defaults back.
TestCase {
    id: testCase
    name: "Columns"
    when: windowShown
    visible: true
    width: 1500
    height: 600

    Component {
        id: paneComponent
        MachinesPane { width: 1500; height: 600 }
    }

    function initTestCase() {
        if (!AppController.hasAccounts)
            AppController.addDemoAccount()
        tryVerify(() => AppController.machineCount >= 12, 10000, "the demo fleet arrives")
        AppController.filters.clear()
        AppController.filters.account = ""
        AppSettings.viewMode = "list"
        AppSettings.density = "compact"
    }
    function cleanup() {
        AppController.columns.reset()
    }

    function findNamed(item, objectName) {
        if (item.objectName === objectName && item.visible)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findNamed(item.children[i], objectName)
            if (found)
                return found
        }
        return null
    }
    function rowCells(pane, objectName) {
        const list = findNamed(pane, "machineList")
        const cells = []
        const rows = list.contentItem.children
        for (let i = 0; i < rows.length; ++i) {
            const cell = findNamed(rows[i], objectName)
            if (cell)
                cells.push(cell)
        }
        return cells
    }
    // Every row's cell for the column starts and ends where its title does.
    function verifyCellsFollow(pane, columnId) {
        const header = findNamed(pane, "header_" + columnId)
        verify(header, columnId + " has a title")
        const left = header.mapToItem(pane, 0, 0).x
        const cells = rowCells(pane, "cell_" + columnId)
        verify(cells.length >= 5, "rows show the " + columnId + " column")
        for (const cell of cells) {
            compare(cell.mapToItem(pane, 0, 0).x, left, columnId + " cell starts under its title")
            compare(cell.width, header.width, columnId + " cell is as wide as its title")
        }
    }

    function test_dragSeparatorResizesHeaderAndRows() {
        const pane = createTemporaryObject(paneComponent, testCase)
        tryVerify(() => rowCells(pane, "cell_size").length >= 5)
        const header = findNamed(pane, "header_size")
        const separator = findNamed(pane, "separator_size")
        verify(separator)
        const before = header.width
        const nameBefore = findNamed(pane, "header_name").width
        // Drag the separator on Size's left 40 px to the left: Size widens by 40, Name pays.
        // Positions are the pane's: the separator moves with the drag.
        const start = separator.mapToItem(pane, separator.width / 2, separator.height / 2)
        const x = start.x
        const y = start.y
        mousePress(pane, x, y)
        mouseMove(pane, x - 20, y)
        mouseMove(pane, x - 40, y)
        mouseRelease(pane, x - 40, y)
        compare(header.width, before + 40)
        compare(findNamed(pane, "header_name").width, nameBefore - 40)
        verifyCellsFollow(pane, "size")
        verifyCellsFollow(pane, "ip")
        compare(AppSettings.columnState().widths.size, before + 40, "the width is remembered")

        // Far past the minimum: the column stops at it, nothing overlaps.
        const again = separator.mapToItem(pane, separator.width / 2, separator.height / 2)
        mousePress(pane, again.x, y)
        mouseMove(pane, again.x + 150, y)
        mouseMove(pane, again.x + 300, y)
        mouseRelease(pane, again.x + 300, y)
        compare(header.width, AppController.columns.minimumWidth("size"))
        verifyCellsFollow(pane, "size")
        const region = findNamed(pane, "header_region")
        verify(region.x + region.width < header.x, "region ends before size begins")

        // Double-click fits the column to its content.
        mouseDoubleClickSequence(separator, separator.width / 2, separator.height / 2)
        verify(header.width > AppController.columns.minimumWidth("size"))
        verifyCellsFollow(pane, "size")
    }

    function test_headerMenuHidesAColumn() {
        const pane = createTemporaryObject(paneComponent, testCase)
        tryVerify(() => rowCells(pane, "cell_tags").length >= 5)
        const headerBar = findNamed(pane, "columnHeader")
        mouseClick(headerBar, headerBar.width / 2, headerBar.height / 2, Qt.RightButton)
        const columnMenu = pane.columnMenuItem
        tryCompare(columnMenu, "opened", true)
        let tagsItem = null
        let nameItem = null
        for (let i = 0; i < columnMenu.count; ++i) {
            const item = columnMenu.itemAt(i)
            if (item.objectName === "columnMenu_tags")
                tagsItem = item
            if (item.objectName === "columnMenu_name")
                nameItem = item
        }
        verify(tagsItem && nameItem)
        verify(tagsItem.checked)
        verify(!nameItem.enabled, "Name cannot be hidden")
        mouseClick(tagsItem)
        tryVerify(() => !findNamed(pane, "header_tags"), 2000, "the tags title goes")
        compare(rowCells(pane, "cell_tags").length, 0, "and so does every row's tags cell")
        verify(!tagsItem.checked)
        verifyCellsFollow(pane, "cost")
        verifyCellsFollow(pane, "name")
        compare(AppSettings.columnState().visible.tags, false, "the choice is remembered")

        // Reset columns: tags are back, nothing is remembered.
        mouseClick(headerBar, headerBar.width / 2, headerBar.height / 2, Qt.RightButton)
        tryCompare(columnMenu, "opened", true)
        const reset = columnMenu.itemAt(columnMenu.count - 1)
        compare(reset.objectName, "columnMenu_reset")
        mouseClick(reset)
        tryVerify(() => findNamed(pane, "header_tags"))
        verify(tagsItem.checked, "the check follows a reset")
        verifyCellsFollow(pane, "tags")
        compare(Object.keys(AppSettings.columnState()).length, 0)
    }

    function test_keyboardResizes() {
        const pane = createTemporaryObject(paneComponent, testCase)
        tryVerify(() => findNamed(pane, "header_region"))
        const region = findNamed(pane, "header_region")
        const title = region.children[0]
        title.forceActiveFocus()
        const before = region.width
        keyClick(Qt.Key_Right, Qt.AltModifier)
        compare(region.width, before + 16)
        keyClick(Qt.Key_Left, Qt.AltModifier)
        keyClick(Qt.Key_Left, Qt.AltModifier)
        compare(region.width, before - 16)
        verifyCellsFollow(pane, "region")
    }

    function test_sortingByAHeaderStillWorks() {
        const pane = createTemporaryObject(paneComponent, testCase)
        tryVerify(() => findNamed(pane, "header_region"))
        const filters = AppController.filters
        const key = filters.sortKey
        const region = findNamed(pane, "header_region")
        mouseClick(region, region.width / 2, region.height / 2)
        compare(filters.sortKey, MachineFilterModel.SortByRegion)
        filters.sortKey = key
    }
}
