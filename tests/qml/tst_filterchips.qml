import QtQuick
import QtTest
import CloudDeck

// Filter chips: a chip toggles, and the filter bar's chips narrow the real list (the Demo cloud's
// fleet through AppController) and clear again.
TestCase {
    id: testCase
    name: "FilterChips"
    when: windowShown
    visible: true // TestCase hides itself by default; the components under test must be shown
    width: 1200
    height: 300

    Component {
        id: chipComponent
        FilterChip {}
    }
    Component {
        id: barComponent
        FilterBar { width: 1200 }
    }
    SignalSpy { id: clickSpy; signalName: "clicked" }

    function findChip(item, text) {
        if (item.checkable !== undefined && item.text === text && item.count !== undefined)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findChip(item.children[i], text)
            if (found)
                return found
        }
        if (item.contentItem && item.contentItem !== item)
            return findChip(item.contentItem, text)
        return null
    }

    function initTestCase() {
        if (!AppController.hasAccounts)
            AppController.addDemoAccount()
        tryVerify(() => AppController.machineCount >= 12, 10000, "the demo fleet arrives")
        // The facets follow the rows a moment later (coalesced): wait for them as well, or a
        // loaded machine sees an empty chip bar.
        tryVerify(() => AppController.filters.stateFacets.reduce((n, f) => n + f.count, 0)
                            === AppController.machineCount, 10000, "the state facets count the fleet")
        AppController.filters.clear()
        AppController.filters.account = ""
    }
    function cleanup() {
        AppController.filters.clear()
    }

    function test_chipTogglesAndSaysWhatItCounts() {
        const chip = createTemporaryObject(chipComponent, testCase,
                                           { text: "Running", count: 8, stateId: "running" })
        clickSpy.target = chip
        clickSpy.clear()
        verify(!chip.checked)
        compare(chip.Accessible.name, "Running, 8 machines")
        mouseClick(chip)
        compare(clickSpy.count, 1)
        verify(chip.checked)
        mouseClick(chip)
        verify(!chip.checked)
        verify(chip.height >= 30)
    }

    // Issue 12, item 15: with touch a chip is a 48 px target (it was 36).
    function test_touchChipIsAFullTarget() {
        AppSettings.density = "comfortable"
        const chip = createTemporaryObject(chipComponent, testCase, { text: "Running", count: 8 })
        verify(chip.height >= 48, "chip target " + chip.height + " px")
        AppSettings.density = "compact"
    }

    function test_stateFacetsCountTheFleet() {
        const facets = AppController.filters.stateFacets
        let total = 0
        for (const facet of facets)
            total += facet.count
        compare(total, AppController.machineCount)
        const running = facets.find(f => f.id === "running")
        verify(running && running.count > 0)
    }

    function test_stateChipFiltersTheList() {
        const bar = createTemporaryObject(barComponent, testCase)
        waitForRendering(bar)
        const running = AppController.filters.stateFacets.find(f => f.id === "running")
        const chip = findChip(bar, "Running")
        verify(chip, "the bar shows a Running chip")
        compare(chip.count, running.count)
        mouseClick(chip)
        tryCompare(AppController.filters, "count", running.count)
        compare(AppController.filters.states, ["running"])
        verify(AppController.filters.active)
        const view = AppController.filters
        for (let row = 0; row < view.rowCount(); ++row)
            compare(view.get(row).stateId, "running")
        AppController.filters.clear()
        tryCompare(AppController.filters, "count", AppController.machineCount)
    }

    function test_tagAndSearchNarrowTogether() {
        AppController.filters.toggleFilter("tags", "database")
        tryCompare(AppController.filters, "count", 2)
        AppController.filters.searchText = "replica"
        tryCompare(AppController.filters, "count", 1)
        AppController.filters.clear()
        compare(AppController.filters.searchText, "")
        tryCompare(AppController.filters, "count", AppController.machineCount)
    }

    function test_summaryCountsWhatIsShown() {
        AppController.filters.toggleFilter("states", "stopped")
        tryCompare(AppController.filters, "count", 1)
        compare(AppController.filters.totalMonthlyCost, 24)
        const summary = Format.summary(AppController.filters.count, Object.keys(AppController.filters.accountCounts).length,
                                       AppController.filters.totalMonthlyCost)
        compare(summary.replace("\u2060", ""), "1 machine on 1 account, about $24/mo")
        verify(summary.indexOf("/\u2060mo") > 0, "the cost does not wrap at its slash")
    }

    function findLabel(item, prefix) {
        if (item.text !== undefined && typeof item.text === "string" && item.text.indexOf(prefix) === 0)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findLabel(item.children[i], prefix)
            if (found)
                return found
        }
        return null
    }

    function test_aSearchOfNothingSaysWhatItHides() {
        const bar = createTemporaryObject(barComponent, testCase)
        const total = AppController.filters.totalCount
        verify(total > 1)
        AppController.filters.searchText = "no-such-machine"
        tryCompare(AppController.filters, "count", 0)
        const label = findLabel(bar, "None of")
        verify(label, "the summary says how many the search hides")
        compare(label.text, "None of " + total + " machines match")
    }
}
