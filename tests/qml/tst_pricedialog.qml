import QtQuick
import QtTest
import CloudDeck

// "Set monthly price" over the real AppController and the Demo cloud: what is typed is saved as
// the user's price (a decimal comma too), the header's total follows at once, a bad amount is
// refused in words with the dialog still open, and Remove takes the price away again.
TestCase {
    id: testCase
    name: "PriceDialog"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    Component {
        id: dialogComponent
        PriceDialog {}
    }

    function find(item, objectName) {
        if (item.objectName === objectName)
            return item
        const children = item.children || [] // a Popup has none: its contentItem has
        for (let i = 0; i < children.length; ++i) {
            const found = find(children[i], objectName)
            if (found)
                return found
        }
        if (item.contentItem && item.contentItem !== item)
            return find(item.contentItem, objectName)
        return null
    }
    // A running Demo machine with a list price: its price then moves the header's total.
    function pricedMachine() {
        const machines = AppController.machines
        for (let row = 0; row < machines.rowCount(); ++row) {
            const m = machines.get(row)
            if (m.stateId === "running" && m.pricePerMonth !== undefined && m.size)
                return m
        }
        return null
    }

    function initTestCase() {
        if (!AppController.hasAccounts)
            AppController.addDemoAccount()
        tryVerify(() => AppController.machineCount >= 12, 10000, "the demo fleet arrives")
        AppController.filters.clear()
        AppController.filters.account = ""
    }

    function test_setsAndRemovesAPrice() {
        const m = pricedMachine()
        verify(m, "a running, priced Demo machine")
        const before = AppController.filters.monthlyCosts["USD"]
        const dialog = createTemporaryObject(dialogComponent, testCase)
        dialog.openFor(m.accountId, m.machineId)
        tryVerify(() => dialog.opened)
        compare(dialog.scope, "machine")
        compare(find(dialog, "priceCurrency").text, "USD")
        verify(!find(dialog, "priceRemove").visible)

        const amount = find(dialog, "priceAmount")
        amount.text = "1000,50"
        mouseClick(find(dialog, "priceSave"))
        tryVerify(() => !dialog.visible)
        compare(AppController.prices.amountFor("machine", m.accountId, m.machineId), "1000.50")
        // The header's total now counts 1000.50 for it instead of its list price.
        tryCompare(AppController.filters.monthlyCosts, "USD", before - m.pricePerMonth + 1000.5)

        dialog.openFor(m.accountId, m.machineId)
        tryVerify(() => dialog.opened)
        compare(amount.text, "1000.50")
        verify(find(dialog, "priceRemove").visible)
        mouseClick(find(dialog, "priceRemove"))
        tryVerify(() => !dialog.visible)
        compare(AppController.prices.amountFor("machine", m.accountId, m.machineId), "")
        tryCompare(AppController.filters.monthlyCosts, "USD", before)
    }

    function test_refusesABadAmount() {
        const m = pricedMachine()
        const dialog = createTemporaryObject(dialogComponent, testCase)
        dialog.openFor(m.accountId, m.machineId)
        tryVerify(() => dialog.opened)
        const count = AppController.prices.count
        find(dialog, "priceAmount").text = "a lot"
        mouseClick(find(dialog, "priceSave"))
        verify(dialog.visible)
        const error = find(dialog, "priceError")
        verify(error.visible)
        compare(error.text, "\"a lot\" is not a monthly price such as 12.50.")
        compare(AppController.prices.count, count)
    }

    function test_aPriceForTheSize() {
        const m = pricedMachine()
        const dialog = createTemporaryObject(dialogComponent, testCase)
        dialog.openFor(m.accountId, m.machineId)
        tryVerify(() => dialog.opened)
        const forSize = find(dialog, "priceForSize")
        verify(forSize.visible)
        mouseClick(forSize)
        compare(dialog.scope, "size")
        find(dialog, "priceAmount").text = "3"
        mouseClick(find(dialog, "priceSave"))
        tryVerify(() => !dialog.visible)
        compare(AppController.prices.amountFor("size", m.accountId, m.size), "3.00")
        compare(AppController.prices.count, 1)
        compare(AppController.prices.set("size", m.accountId, m.size, "", "USD"), "")
    }
}
