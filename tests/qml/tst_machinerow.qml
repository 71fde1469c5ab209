import QtQuick
import QtQuick.Controls
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
            region: "fra1"
            size: "std-2vcpu-4gb"
            publicIps: ["203.0.113.10"]
            tags: ["production", "web"]
            pricePerMonth: 24
            pendingAction: ""
            actionError: ""
            swipeActions: ["reboot", "shutdown"]
            errorReason: ""
            currency: "USD"
        }
    }
    SignalSpy { id: activatedSpy; signalName: "activated" }
    SignalSpy { id: menuSpy; signalName: "menuRequested" }
    SignalSpy { id: ipSpy; signalName: "ipCopied" }
    SignalSpy { id: selectSpy; signalName: "selectToggled" }
    SignalSpy { id: retrySpy; signalName: "retryRequested" }
    SignalSpy { id: actionSpy; signalName: "actionRequested" }

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
    function makeRow(props) {
        const row = createTemporaryObject(rowComponent, testCase, props || {})
        verify(row)
        for (const spy of [activatedSpy, menuSpy, ipSpy, selectSpy, retrySpy, actionSpy]) {
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
        const ip = findNamed(row, "cell_ip")
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

    // Which actions a swipe offers is the model's rule (MachineModel's swipeActions role, tested
    // in tst_machinemodel); the row shows those and asks for the one tapped.
    function test_swipeOffersTheTwoLikeliestActions() {
        AppSettings.density = "comfortable"
        const running = makeRow({ compact: false })
        compare(running.swipeActions, ["reboot", "shutdown"])
        verify(running.swipe.enabled)
        running.swipe.open(SwipeDelegate.Right)
        tryVerify(() => running.swipe.rightItem !== null, 2000, "the swipe's actions are shown")
        verify(findNamed(running.swipe.rightItem, "swipeAction_reboot"))
        verify(findNamed(running.swipe.rightItem, "swipeAction_shutdown"))
        verify(!findNamed(running.swipe.rightItem, "swipeAction_poweroff"))
        const reboot = findNamed(running.swipe.rightItem, "swipeAction_reboot")
        tryCompare(running.swipe, "position", -1.0, 2000, "the swipe is fully open")
        reboot.clicked() // the swipe's button asks for its action (and closes the swipe)
        compare(actionSpy.count, 1)
        compare(actionSpy.signalArguments[0][0], "reboot")

        const nothing = makeRow({ compact: false, swipeActions: [] })
        verify(!nothing.swipe.enabled, "no swipe without actions")
        AppSettings.density = "compact"
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
