import QtQuick
import QtTest
import CloudDeck

// Selection with the mouse (issue 12, item 11) over the Demo fleet: click A, Ctrl+click B and C
// selects A, B and C; Shift extends from the anchor; a plain click starts again.
TestCase {
    id: testCase
    name: "Selection"
    when: windowShown
    visible: true
    width: 1000
    height: 600

    Component {
        id: paneComponent
        MachinesPane { width: 1000; height: 600 }
    }

    function initTestCase() {
        if (!AppController.hasAccounts)
            AppController.addDemoAccount()
        tryVerify(() => AppController.machineCount >= 12, 10000, "the demo fleet arrives")
        AppController.filters.clear()
        AppController.filters.account = ""
    }
    function cleanup() {
        AppController.selection.clear()
    }

    function keyOf(row) {
        const m = AppController.filters.get(row)
        return [m.accountId, m.machineId]
    }
    function click(pane, row, modifiers) {
        const [accountId, machineId] = keyOf(row)
        pane.activate(row, accountId, machineId, modifiers)
    }
    function selected(row) {
        const [accountId, machineId] = keyOf(row)
        return AppController.selection.contains(accountId, machineId)
    }

    function test_ctrlClickKeepsTheFirstMachine() {
        const pane = createTemporaryObject(paneComponent, testCase)
        click(pane, 0, Qt.NoModifier)
        compare(AppController.selection.count, 0)
        click(pane, 1, Qt.ControlModifier)
        click(pane, 2, Qt.ControlModifier)
        compare(AppController.selection.count, 3)
        verify(selected(0) && selected(1) && selected(2))
        click(pane, 1, Qt.ControlModifier) // toggles B off again
        compare(AppController.selection.count, 2)
        verify(selected(0) && !selected(1) && selected(2))
    }

    function test_plainClickStartsAgain() {
        const pane = createTemporaryObject(paneComponent, testCase)
        click(pane, 0, Qt.NoModifier)
        click(pane, 3, Qt.ControlModifier)
        compare(AppController.selection.count, 2)
        click(pane, 5, Qt.NoModifier)
        compare(AppController.selection.count, 0)
        click(pane, 6, Qt.ShiftModifier)
        verify(selected(5) && selected(6))
    }
}
