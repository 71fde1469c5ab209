import QtQuick
import QtTest
import CloudDeck

// One row of the machine list: what it shows and what its gestures ask for.
TestCase {
    id: testCase
    name: "MachineRow"
    when: windowShown
    visible: true // TestCase hides itself by default; the components under test must be shown
    width: 1200
    height: 200

    Component {
        id: rowComponent
        MachineRow {
            width: 1200
            index: 0
            accountId: "acc-1"
            machineId: "m-1"
            name: "web-frontend-1"
            provider: "demo"
            accountName: "Demo cloud"
            stateId: "running"
            stateText: "Running"
            providerState: "active"
            region: "fra1"
            size: "std-2vcpu-4gb"
            primaryIp: "203.0.113.10"
            publicIps: ["203.0.113.10"]
            tags: ["production", "web"]
            pricePerMonth: 24
            pendingAction: ""
            actionError: ""
            allowedActions: ["shutdown", "poweroff", "reboot", "destroy"]
            extra: ({})
            currency: "USD"
        }
    }
    SignalSpy { id: activatedSpy; signalName: "activated" }
    SignalSpy { id: menuSpy; signalName: "menuRequested" }
    SignalSpy { id: ipSpy; signalName: "ipCopied" }
    SignalSpy { id: selectSpy; signalName: "selectToggled" }
    SignalSpy { id: retrySpy; signalName: "retryRequested" }

    function findText(item, text) {
        if (item.text === text && item.visible)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findText(item.children[i], text)
            if (found)
                return found
        }
        if (item.contentItem && item.contentItem !== item) {
            const found = findText(item.contentItem, text)
            if (found)
                return found
        }
        return null
    }
    function findByType(item, predicate) {
        if (predicate(item) && item.visible)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findByType(item.children[i], predicate)
            if (found)
                return found
        }
        return null
    }
    function makeRow(props) {
        const row = createTemporaryObject(rowComponent, testCase, props || {})
        verify(row)
        for (const spy of [activatedSpy, menuSpy, ipSpy, selectSpy, retrySpy]) {
            spy.target = row
            spy.clear()
        }
        waitForRendering(row)
        return row
    }

    function test_compactRowShowsTheFacts() {
        const row = makeRow({ compact: true })
        verify(findText(row, "web-frontend-1"), "name")
        verify(findText(row, "Running"), "state text")
        verify(findText(row, "fra1"), "region")
        verify(findText(row, "std-2vcpu-4gb"), "size")
        verify(findText(row, "203.0.113.10"), "public IP")
        verify(findText(row, "$24.00/mo"), "monthly cost")
        verify(findText(row, "production"), "tags")
        compare(row.height, Theme.rowHeight)
        verify(row.Accessible.name.indexOf("web-frontend-1") === 0)
    }

    function test_touchRowShowsTheFactsOnTwoLines() {
        const row = makeRow({ compact: false })
        const name = findText(row, "web-frontend-1")
        const cost = findText(row, "$24.00/mo")
        verify(name && cost)
        verify(findText(row, "fra1 · std-2vcpu-4gb"))
        verify(cost.mapToItem(row, 0, 0).y > name.mapToItem(row, 0, 0).y + name.height / 2,
               "the cost is on the second line")
    }

    function test_clickActivatesRightClickAsksForTheMenu() {
        const row = makeRow({ compact: true })
        mouseClick(row, 300, row.height / 2)
        compare(activatedSpy.count, 1)
        mouseClick(row, 300, row.height / 2, Qt.RightButton)
        compare(menuSpy.count, 1)
    }

    function test_tappingTheIpCopiesIt() {
        const row = makeRow({ compact: true })
        const ip = findByType(row, i => i.ip === "203.0.113.10" && i.copied !== undefined)
        verify(ip)
        mouseClick(ip)
        compare(ipSpy.count, 1)
        compare(ipSpy.signalArguments[0][0], "203.0.113.10")
        compare(activatedSpy.count, 0, "copying the IP does not open the machine")
    }

    function test_noPublicIpSaysSo() {
        const row = makeRow({ compact: true, publicIps: [], primaryIp: "" })
        verify(findText(row, "no public IP"))
    }

    function test_swipeOffersTheTwoLikeliestActions() {
        const running = makeRow({ compact: false })
        compare(running.swipeActions, ["reboot", "shutdown"])
        const stopped = makeRow({ compact: false, stateId: "stopped", stateText: "Stopped",
                                  allowedActions: ["start", "destroy"] })
        compare(stopped.swipeActions, ["start", "destroy"])
    }

    function test_selectionModeTapTogglesSelection() {
        AppSettings.density = "comfortable"
        const row = makeRow({ compact: false, selectionMode: true })
        mouseClick(row, 400, row.height / 2)
        compare(selectSpy.count, 1)
        compare(activatedSpy.count, 0)
        AppSettings.density = "compact"
    }

    function test_failedActionShowsItsMessageAndRetry() {
        const row = makeRow({ compact: false, actionError: "Reboot failed: the droplet is locked" })
        verify(findText(row, "Reboot failed: the droplet is locked"))
        const retry = findText(row, "Retry")
        verify(retry)
        mouseClick(retry)
        tryCompare(retrySpy, "count", 1)
    }

    function test_selectedRowIsObvious() {
        const plain = makeRow({ compact: true })
        const selected = makeRow({ compact: true, selected: true })
        verify(!Qt.colorEqual(plain.background.color, selected.background.color))
        compare(selected.Accessible.selected, true)
    }
}
