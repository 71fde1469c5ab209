import QtQuick
import QtTest
import CloudDeck

// The Cost page over the real AppController and the Demo cloud: it shows what CostModel says
// (totals, a row per group, what is off but billed), regroups from its chips and goes back.
TestCase {
    id: testCase
    name: "CostPage"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    Component {
        id: pageComponent
        CostPage { width: 1280; height: 800 }
    }
    SignalSpy { id: backSpy; signalName: "back" }

    function find(item, objectName) {
        if (item.objectName === objectName)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = find(item.children[i], objectName)
            if (found)
                return found
        }
        if (item.contentItem && item.contentItem !== item)
            return find(item.contentItem, objectName)
        return null
    }

    function initTestCase() {
        if (!AppController.hasAccounts)
            AppController.addDemoAccount()
        tryVerify(() => AppController.machineCount >= 12, 10000, "the demo fleet arrives")
        AppController.filters.clear()
        AppController.filters.account = ""
    }

    function test_showsTheModelsNumbers() {
        const page = createTemporaryObject(pageComponent, testCase)
        const model = page.model
        tryVerify(() => model.count > 0, 5000, "the report is built")
        compare(model.groupBy, "provider")
        compare(model.count, 1) // the demo cloud alone
        // Every machine shown but destroyed ones (which cost nothing).
        verify(model.machineCount > 0 && model.machineCount <= AppController.machineCount)
        const total = find(page, "costTotal")
        verify(total)
        compare(total.text, model.totalText)
        verify(total.text.indexOf("$") >= 0)
        const off = find(page, "costOffButBilled")
        if (model.offButBilledCount > 0)
            compare(off.text, model.offButBilledText)
        else
            compare(off.text, "Nothing")
        compare(find(page, "costRows").count, model.count)
        verify(!find(page, "costHint").visible)
    }

    function test_regroupsFromTheChips() {
        const page = createTemporaryObject(pageComponent, testCase)
        const model = page.model
        tryVerify(() => model.count > 0, 5000)
        const chip = find(page, "groupBy_region")
        verify(chip)
        mouseClick(chip)
        compare(model.groupBy, "region")
        verify(chip.checked)
        verify(model.count > 1)
        tryCompare(find(page, "costRows"), "count", model.count)
        mouseClick(find(page, "groupBy_provider"))
        compare(model.groupBy, "provider")
    }

    function test_backAndEscape() {
        const page = createTemporaryObject(pageComponent, testCase)
        backSpy.target = page
        backSpy.clear()
        page.forceActiveFocus()
        keyClick(Qt.Key_Escape)
        compare(backSpy.count, 1)
    }

    function test_narrowStillShowsTotals() {
        const page = createTemporaryObject(pageComponent, testCase, { width: 400 })
        tryVerify(() => page.model.count > 0, 5000)
        verify(page.narrow)
        compare(find(page, "costTotal").text, page.model.totalText)
    }
}
