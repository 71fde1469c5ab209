import QtQuick
import QtQuick.Controls
import QtTest
import CloudDeck

// The details pane's name and tag editor over the Demo cloud: the edit button opens a field,
// Enter saves, Esc cancels, a refusal is shown inline in the rule's words; tags are chips with
// × and a "+ tag" field.
TestCase {
    id: testCase
    name: "DetailsEdit"
    when: windowShown
    visible: true
    width: 480
    height: 900

    Component {
        id: detailsComponent
        MachineDetails {
            width: 420
            height: 880
        }
    }

    function initTestCase() {
        if (!AppController.hasAccounts)
            AppController.addDemoAccount()
        tryVerify(() => AppController.machineCount >= 12, 10000, "the demo fleet arrives")
        AppController.filters.clear()
        AppController.filters.account = ""
    }

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

    function showFirst() {
        const m = AppController.filters.get(0)
        AppController.select(m.accountId, m.machineId)
        const details = createTemporaryObject(detailsComponent, testCase)
        tryVerify(() => details.exists)
        return details
    }

    function test_renameWithEnterAndCancelWithEsc() {
        const details = showFirst()
        const before = details.m.name
        const button = find(details, "renameButton")
        const field = find(details, "nameField")
        verify(button && field)
        verify(button.enabled, "the Demo cloud renames")
        verify(!field.visible)
        mouseClick(button)
        tryVerify(() => field.visible && field.activeFocus)
        compare(field.text, before)

        // Esc: nothing sent, the title back.
        field.text = "never-sent"
        keyClick(Qt.Key_Escape)
        verify(!field.visible)
        compare(details.m.name, before)

        // A name the rules refuse: said inline as typed, and Enter sends nothing.
        mouseClick(button)
        tryVerify(() => field.activeFocus)
        field.text = "bad name!"
        const error = find(details, "nameError")
        tryVerify(() => error.visible && error.text.length > 0, 2000, "the rule is shown")
        keyClick(Qt.Key_Return)
        verify(field.visible, "still editing")
        compare(details.m.name, before)

        // A good one: Enter saves; the title shows it once the cloud took it.
        field.text = before + "-renamed"
        keyClick(Qt.Key_Return)
        tryVerify(() => details.m.name === before + "-renamed", 5000)
        tryVerify(() => !field.visible)
        compare(find(details, "machineName").text, before + "-renamed")

        // Back, for the other tests.
        mouseClick(button)
        tryVerify(() => field.activeFocus)
        field.text = before
        keyClick(Qt.Key_Return)
        tryVerify(() => details.m.name === before, 5000)
    }

    function test_addAndRemoveATag() {
        const details = showFirst()
        const field = find(details, "addTagField")
        verify(field && field.enabled)
        // (The pane scrolls: the field may be below the test window's fold.)
        field.forceActiveFocus()
        tryVerify(() => field.activeFocus)
        field.text = "qa-edit"
        keyClick(Qt.Key_Return)
        tryVerify(() => details.m.tags.indexOf("qa-edit") >= 0, 5000, "the tag is added")
        tryCompare(field, "text", "")
        const remove = find(details, "removeTag_qa-edit")
        verify(remove, "the new chip has a ×")
        remove.clicked()
        tryVerify(() => details.m.tags.indexOf("qa-edit") < 0, 5000, "the tag is removed")
    }

    function test_aRefusedTagIsShownInline() {
        const details = showFirst()
        const field = find(details, "addTagField")
        // (The pane scrolls: the field may be below the test window's fold.)
        field.forceActiveFocus()
        tryVerify(() => field.activeFocus)
        field.text = "no spaces allowed"
        keyClick(Qt.Key_Return)
        const error = find(details, "tagError")
        tryVerify(() => error.visible && error.text.length > 0)
        verify(details.m.tags.indexOf("no spaces allowed") < 0)
        keyClick(Qt.Key_Escape)
        tryVerify(() => !error.visible)
    }
}
