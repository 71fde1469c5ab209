import QtQuick
import QtTest
import CloudDeck

// One machine as a grid card: every line of text stays inside its card at every width the grid
// gives a card, and the grid's column count never makes a card narrower than the minimum.
TestCase {
    id: testCase
    name: "MachineCard"
    when: windowShown
    visible: true
    width: 1000
    height: 400

    Component {
        id: cardComponent
        MachineCard {
            height: Theme.cardHeight
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
            publicIps: ["203.0.113.10"]
            tags: ["production", "web"]
            pricePerMonth: 24
            pendingAction: ""
            actionError: ""
            errorReason: ""
            currency: "USD"
        }
    }

    readonly property var textNames: ["cardName", "cardAccount", "stateText", "cardDetail", "ipText", "cardCost"]

    function findNamed(item, objectName) {
        if (item.objectName === objectName && item.visible)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findNamed(item.children[i], objectName)
            if (found)
                return found
        }
        if (item.contentItem && item.contentItem !== item) {
            const found = findNamed(item.contentItem, objectName)
            if (found)
                return found
        }
        return null
    }

    // A text fits when its box lies inside the card's padding and what it paints fits its box
    // (or it elides, which is what eliding is for).
    function checkFits(card, label) {
        for (const objectName of textNames) {
            const text = findNamed(card, objectName)
            verify(text, label + ": " + objectName + " is shown")
            const box = text.mapToItem(card, 0, 0, text.width, text.height)
            verify(box.x >= card.leftPadding - 0.5,
                   `${label}: ${objectName} starts at ${box.x}, left of the card's padding`)
            verify(box.x + box.width <= card.width - card.rightPadding + 0.5,
                   `${label}: ${objectName} ends at ${box.x + box.width} in a ${card.width} px card`)
            verify(box.y >= 0 && box.y + box.height <= card.height + 0.5,
                   `${label}: ${objectName} leaves the card vertically`)
            verify(text.contentWidth <= text.width + 0.5 || text.elide !== Text.ElideNone,
                   `${label}: ${objectName} paints ${text.contentWidth} px into ${text.width} px without eliding`)
        }
        // The address and the cost share the last line without overlapping.
        const ip = findNamed(card, "cardPublicIp")
        const cost = findNamed(card, "cardCost")
        const ipBox = ip.mapToItem(card, 0, 0, ip.width, ip.height)
        const costBox = cost.mapToItem(card, 0, 0, cost.width, cost.height)
        verify(ipBox.x + ipBox.width <= costBox.x + 0.5, label + ": the IP runs into the cost")
    }

    function makeCard(width, props) {
        const card = createTemporaryObject(cardComponent, testCase, Object.assign({ width: width }, props || {}))
        verify(card)
        waitForRendering(card)
        return card
    }

    function test_columnsKeepCardsAtLeastTheMinimumWidth_data() {
        return [360, 599, 600, 800, 1023, 1280, 1440, 1920, 2560].map(w => ({ tag: "" + w, width: w }))
    }
    function test_columnsKeepCardsAtLeastTheMinimumWidth(data) {
        const columns = Theme.cardColumns(data.width)
        verify(columns >= 1)
        const cardWidth = Math.floor(data.width / columns) - Theme.cardGap
        if (columns > 1)
            verify(cardWidth >= Theme.cardMinWidth, `${columns} columns make ${cardWidth} px cards at ${data.width} px`)
        // And no wider than needed: one more column would not fit.
        verify(Math.floor(data.width / (columns + 1)) - Theme.cardGap < Theme.cardMinWidth,
               `${data.width} px has room for ${columns + 1} columns`)
    }

    function test_everyTextFitsItsCard_data() {
        const longFacts = {
            name: "analytics-warehouse-replica-eu-central-2-very-long-name",
            accountName: "DigitalOcean (client: Example Holdings International)",
            stateId: "error",
            stateText: "Error",
            errorReason: "the hypervisor reported a hardware failure on the host node",
            region: "eu-central-2-availability-zone-b",
            size: "memory-optimised-16vcpu-128gb-nvme",
            publicIps: ["2001:db8:85a3:1234:5678:8a2e:370:7334"],
            pricePerMonth: 123456.78,
            currency: "EUR",
        }
        const rows = []
        for (const w of [Theme.cardMinWidth, 300, 344, 420]) {
            rows.push({ tag: "typical " + w, width: w, props: {} })
            rows.push({ tag: "long " + w, width: w, props: longFacts })
            rows.push({ tag: "failed action " + w, width: w,
                        props: { actionError: "Reboot failed: the droplet is locked by another event in progress" } })
            rows.push({ tag: "stale " + w, width: w, props: Object.assign({ stale: true }, longFacts) })
        }
        return rows
    }
    function test_everyTextFitsItsCard(data) {
        for (const density of ["compact", "comfortable"]) {
            AppSettings.density = density
            const card = makeCard(data.width, data.props)
            checkFits(card, `${data.tag}, ${density}`)
        }
        AppSettings.density = "compact"
    }

    function test_noPublicIpSaysSo() {
        const card = makeCard(Theme.cardMinWidth, { publicIps: [] })
        compare(findNamed(card, "ipText").text, "no public IP")
        checkFits(card, "no IP")
    }
}
