import QtQuick
import QtQuick.Controls
import QtTest
import CloudDeck

// Destroying needs the machine's name typed; the bulk dialog lists what it will touch.
TestCase {
    id: testCase
    name: "DestroyDialog"
    when: windowShown
    visible: true // TestCase hides itself by default; the components under test must be shown
    width: 800
    height: 600

    Component {
        id: dialogComponent
        DestroyDialog {}
    }
    Component {
        id: bulkComponent
        BulkActionDialog {}
    }
    SignalSpy { id: confirmedSpy; signalName: "confirmed" }

    function find(item, objectName) {
        if (item.objectName === objectName)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = find(item.children[i], objectName)
            if (found)
                return found
        }
        return null
    }

    function test_confirmOnlyWithTheExactName() {
        const dialog = createTemporaryObject(dialogComponent, testCase)
        confirmedSpy.target = dialog
        confirmedSpy.clear()
        dialog.ask("acc-1", "m-7", "staging-app", "Work", "DigitalOcean", "$24.00/mo")
        tryCompare(dialog, "opened", true)
        const field = find(dialog.contentItem, "destroyConfirmField")
        const button = find(dialog.contentItem, "destroyConfirm")
        verify(field && button)
        verify(!button.enabled, "nothing typed")

        field.text = "staging"
        verify(!button.enabled, "a prefix is not enough")
        field.text = "Staging-App"
        verify(!button.enabled, "the name, exactly")
        keyClick(Qt.Key_Return)
        compare(confirmedSpy.count, 0)

        field.text = "staging-app"
        verify(button.enabled)
        mouseClick(button)
        compare(confirmedSpy.count, 1)
        compare(confirmedSpy.signalArguments[0][0], "acc-1")
        compare(confirmedSpy.signalArguments[0][1], "m-7")
        tryCompare(dialog, "opened", false)
    }

    function test_saysWhatIsLost() {
        const dialog = createTemporaryObject(dialogComponent, testCase)
        dialog.ask("acc-1", "m-7", "staging-app", "Work", "DigitalOcean", "$24.00/mo")
        tryCompare(dialog, "opened", true)
        compare(dialog.contentItem.Accessible.name, "Destroy staging-app")
        const cancel = find(dialog.contentItem, "destroyCancel")
        const confirm = find(dialog.contentItem, "destroyConfirm")
        verify(confirm.mapToItem(null, 0, 0).x > cancel.mapToItem(null, 0, 0).x,
               "the destructive button comes last")
        compare(confirm.kind, "danger")
        mouseClick(cancel)
        tryCompare(dialog, "opened", false)
    }

    function test_bulkListsTheMachinesAndSkipsThoseThatCannot() {
        const dialog = createTemporaryObject(bulkComponent, testCase)
        confirmedSpy.target = dialog
        confirmedSpy.clear()
        dialog.ask("reboot", [
            { accountId: "a", machineId: "1", name: "web-1", accountName: "Work", allowedActions: ["reboot", "shutdown"] },
            { accountId: "a", machineId: "2", name: "web-2", accountName: "Work", allowedActions: ["reboot"] },
            { accountId: "a", machineId: "3", name: "db-1", accountName: "Work", allowedActions: ["start"] },
        ])
        tryCompare(dialog, "opened", true)
        compare(dialog.affected.length, 2)
        compare(dialog.skipped, 1)
        verify(dialog.confirmable, "a reboot needs no typing")
    }

    function test_bulkDestroyNeedsTheCount() {
        const dialog = createTemporaryObject(bulkComponent, testCase)
        dialog.ask("destroy", [
            { accountId: "a", machineId: "1", name: "web-1", accountName: "Work", allowedActions: ["destroy"] },
            { accountId: "a", machineId: "2", name: "web-2", accountName: "Work", allowedActions: ["destroy"] },
        ])
        tryCompare(dialog, "opened", true)
        verify(!dialog.confirmable)
        keyClick(Qt.Key_1)
        verify(!dialog.confirmable)
        keyClick(Qt.Key_Backspace)
        keyClick(Qt.Key_2)
        verify(dialog.confirmable)
    }
}
