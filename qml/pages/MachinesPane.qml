pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQml.Models
import CloudDeck

// The machine list (or grid) with its filter bar, banners, empty states, selection and the
// actions reachable from rows: click, Ctrl/Shift-click, right click, long press, swipe, keys.
Rectangle {
    id: pane

    property bool narrow: false
    property int anchorRow: -1
    property bool menuNeeded: false
    readonly property MachineFilterModel filters: AppController.filters
    readonly property var selection: AppController.selection
    readonly property MachineColumns columns: AppController.columns
    readonly property Menu columnMenuItem: header.menu // for tests: popups are not children
    readonly property bool selecting: selection.count > 0
    readonly property Item view: AppSettings.viewMode === "grid" ? grid : list

    // The shown view's current row (list and grid have no common QML type that has it).
    function currentRow() { return AppSettings.viewMode === "grid" ? grid.currentIndex : list.currentIndex }
    function setCurrentRow(row) {
        if (AppSettings.viewMode === "grid")
            grid.currentIndex = row
        else
            list.currentIndex = row
    }

    // Double-click on a separator: as wide as the widest cell among the rows shown, or the title.
    function fitColumn(columnId, titleWidth) {
        let widest = titleWidth
        const rows = list.contentItem.children
        for (let i = 0; i < rows.length; ++i) {
            const cell = pane.findCell(rows[i], "cell_" + columnId)
            if (cell)
                widest = Math.max(widest, cell.fitWidth)
        }
        columns.fit(columnId, widest)
    }
    function findCell(item, objectName) {
        if (item.objectName === objectName)
            return item.visible ? item : null
        const kids = item.children
        for (let i = 0; i < kids.length; ++i) {
            const found = pane.findCell(kids[i], objectName)
            if (found)
                return found
        }
        return null
    }

    signal openDetails(string accountId, string machineId)
    // An action that needs a confirmation first (MachineStates.confirmation): the window asks.
    signal confirmRequested(string accountId, string machineId, string action)
    signal bulkRequested(string action)
    signal createRequested()
    signal priceRequested(string accountId, string machineId)

    color: Theme.window

    function activate(row, accountId, machineId, modifiers) {
        if (modifiers & Qt.ControlModifier) {
            // The first Ctrl+click starts a selection from the machine already shown, as file
            // managers do: click A, Ctrl+click B selects A and B.
            const current = AppController.current
            if (selection.count === 0 && current.exists
                    && (current.accountId !== accountId || current.machineId !== machineId))
                selection.add(current.accountId, current.machineId)
            selection.toggle(accountId, machineId)
            anchorRow = row
        } else if ((modifiers & Qt.ShiftModifier) && anchorRow >= 0) {
            selection.addRange(filters, anchorRow, row)
        } else {
            selection.clear()
            anchorRow = row
            AppController.select(accountId, machineId)
            pane.openDetails(accountId, machineId)
        }
        pane.setCurrentRow(row)
    }
    // True while the account's last refresh failed: its rows say their data is not current.
    function isStale(accountId) {
        const ids = AppController.staleAccountIds
        for (let i = 0; i < ids.length; ++i) {
            if (ids[i] === accountId)
                return true
        }
        return false
    }
    function requestAction(accountId, machineId, action) {
        if (MachineStates.confirmation(action) !== MachineStates.NoConfirmation)
            pane.confirmRequested(accountId, machineId, action)
        else
            AppController.runAction(accountId, machineId, action)
    }
    function openMenu(item, x, y, accountId, machineId, name, ip) {
        menuNeeded = true // built on first use, then kept
        const menu = menuInstantiator.object
        menu.accountId = accountId
        menu.machineId = machineId
        menu.name = name
        menu.ip = ip
        const machine = AppController.machine(accountId, machineId)
        menu.allowed = machine.allowedActions || []
        const info = AppController.provider(machine.provider)
        menu.actions = info.actions || {}
        menu.popup(item, x, y)
    }
    function focusList() {
        if (pane.currentRow() < 0 && pane.filters.count > 0)
            pane.setCurrentRow(0)
        view.forceActiveFocus()
    }
    function follow(row) {
        const m = row >= 0 ? filters.get(row) : null
        if (m && m.machineId !== undefined) {
            AppController.select(m.accountId, m.machineId)
            anchorRow = row
        }
    }
    function openCurrent() {
        const m = pane.currentRow() >= 0 ? filters.get(pane.currentRow()) : null
        if (m && m.machineId !== undefined) {
            AppController.select(m.accountId, m.machineId)
            pane.openDetails(m.accountId, m.machineId)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // Whenever any data shown is stale: everything offline, or some accounts failing.
        Banner {
            id: staleBanner
            objectName: "staleBanner"
            readonly property var stale: AppController.staleAccounts
            readonly property bool known: AppController.offlineDataTime.getTime() > 0
            readonly property string when: known ? qsTr("%1 (%2)").arg(Format.time(AppController.offlineDataTime, AppController.now))
                                                              .arg(Format.age(AppController.offlineDataTime, AppController.now))
                                                 : ""
            Layout.fillWidth: true
            visible: AppController.offline || stale.length > 0
            kind: "offline"
            text: AppController.offline
                  ? (known ? qsTr("Offline - showing data from %1").arg(when) : qsTr("Offline - no data could be loaded yet"))
                  : stale.length === 1
                    ? (known ? qsTr("%1 could not be refreshed - showing its data from %2").arg(stale[0].name).arg(when)
                             : qsTr("%1 could not be refreshed").arg(stale[0].name))
                    : (known ? qsTr("%n account(s) could not be refreshed - showing data from %1", "", stale.length).arg(when)
                             : qsTr("%n account(s) could not be refreshed", "", stale.length))
            detail: stale.map(a => qsTr("%1: %2").arg(a.name).arg(a.reason)).join("\n")
                    + (stale.length > 0 ? "\n" + qsTr("Actions on these machines may fail until the account is reachable again.") : "")
            actionText: qsTr("Retry")
            onActionTriggered: {
                if (AppController.offline || stale.length !== 1)
                    AppController.refresh()
                else
                    AppController.refreshAccount(stale[0].accountId)
            }
        }
        Banner {
            id: cacheBanner
            property bool dismissed: false
            Layout.fillWidth: true
            visible: AppController.cacheNotice.length > 0 && !dismissed
            kind: "warning"
            text: AppController.cacheNotice
            actionText: qsTr("Dismiss")
            onActionTriggered: dismissed = true
        }
        FilterBar {
            Layout.fillWidth: true
            narrow: pane.narrow
        }
        Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 1; color: Theme.border }

        ColumnHeader {
            id: header
            objectName: "columnHeader"
            Layout.fillWidth: true
            // Kept while a search matches nothing: the list's height then stays put, so Qt
            // keeps its pooled rows and clearing the search reuses them instead of building
            // a screenful of new ones (issue 12: 100+ ms for "every row back" otherwise).
            visible: !Theme.touch && AppSettings.viewMode !== "grid" && AppController.machineCount > 0
            columns: pane.columns
            filters: pane.filters
            onFitRequested: (columnId, titleWidth) => pane.fitColumn(columnId, titleWidth)
        }
        Binding {
            target: pane.columns
            property: "availableWidth"
            value: list.width - Theme.columnLead - Theme.columnTrail + Theme.columnGap
        }
        Binding {
            target: pane.columns
            property: "spacing"
            value: Theme.columnGap
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            ListView {
                id: list
                objectName: "machineList"
                anchors.fill: parent
                visible: AppSettings.viewMode !== "grid"
                model: AppSettings.viewMode !== "grid" ? pane.filters : null
                clip: true
                reuseItems: true
                // No rows kept ready beyond the screen: a search or sort re-fills every row in
                // the buffer too (a third more with the default 320 px), while scrolling
                // recycles the row that left for the one that enters either way (bench_window:
                // scrolling no slower, a cleared search or a sort 10-20 ms faster).
                cacheBuffer: 0
                keyNavigationEnabled: true
                highlightFollowsCurrentItem: false
                currentIndex: -1
                boundsBehavior: Theme.touch ? Flickable.DragOverBounds : Flickable.StopAtBounds
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Machines")
                ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
                onDragEnded: if (contentY < originY - 80) AppController.refresh()
                // Arrow keys move through the list and the detail pane follows; Enter opens.
                onCurrentIndexChanged: if (activeFocus) pane.follow(currentIndex)
                Keys.onReturnPressed: pane.openCurrent()
                Keys.onEnterPressed: pane.openCurrent()

                delegate: MachineRow {
                    id: rowItem
                    compact: !Theme.touch
                    selectionMode: pane.selecting
                    selected: pane.selection.revision >= 0 && pane.selection.contains(accountId, machineId)
                    current: AppController.current.machineId === machineId
                             && AppController.current.accountId === accountId
                    monogram: ""
                    stale: pane.isStale(accountId)
                    onActivated: (modifiers) => pane.activate(index, accountId, machineId, modifiers)
                    onSelectToggled: {
                        pane.selection.toggle(accountId, machineId)
                        pane.anchorRow = index
                    }
                    onMenuRequested: (x, y) => pane.openMenu(rowItem, x, y, accountId, machineId, name,
                                                             publicIp)
                    onActionRequested: (action) => pane.requestAction(accountId, machineId, action)
                    onIpCopied: (ip) => AppController.copy(ip, qsTr("IP"))
                    onRetryRequested: AppController.retryAction(accountId, machineId)
                    ListView.onPooled: {
                        swipe.close()
                        rowItem.metricsActive = false
                    }
                    ListView.onReused: rowItem.metricsActive = true
                }

            }

            // Pull to refresh (touch): a hint above the list while it is pulled down.
            Label {
                anchors.horizontalCenter: parent.horizontalCenter
                y: Math.max(Theme.spacingS, (list.originY - list.contentY) / 2 - height / 2)
                visible: list.visible && list.contentY < list.originY - 8
                text: list.contentY < list.originY - 80 ? qsTr("Release to refresh") : qsTr("Pull to refresh")
                color: Theme.textSecondary
                font.pixelSize: Theme.fontCaption + 1
            }

            GridView {
                id: grid
                anchors.fill: parent
                anchors.margins: Theme.spacingS
                visible: AppSettings.viewMode === "grid"
                model: AppSettings.viewMode === "grid" ? pane.filters : null
                clip: true
                reuseItems: true
                keyNavigationEnabled: true
                currentIndex: -1
                readonly property int columns: Theme.cardColumns(width)
                cellWidth: Math.floor(width / grid.columns) // "columns" alone is the header row's id
                cellHeight: Theme.cardHeight + Theme.cardGap
                boundsBehavior: Theme.touch ? Flickable.DragOverBounds : Flickable.StopAtBounds
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Machines")
                ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
                onDragEnded: if (contentY < originY - 80) AppController.refresh()
                onCurrentIndexChanged: if (activeFocus) pane.follow(currentIndex)
                Keys.onReturnPressed: pane.openCurrent()
                Keys.onEnterPressed: pane.openCurrent()

                delegate: Item {
                    id: cell
                    required property int index
                    required property var model
                    width: grid.cellWidth
                    height: grid.cellHeight
                    GridView.onPooled: cardItem.metricsActive = false
                    GridView.onReused: cardItem.metricsActive = true
                    MachineCard {
                        id: cardItem
                        anchors.fill: parent
                        anchors.margins: Theme.cardGap / 2
                        index: cell.index
                        accountId: cell.model.accountId
                        machineId: cell.model.machineId
                        name: cell.model.name
                        provider: cell.model.provider
                        accountName: cell.model.accountName
                        stateId: cell.model.stateId
                        stateText: cell.model.stateText
                        providerState: cell.model.providerState
                        region: cell.model.region
                        size: cell.model.size
                        publicIps: cell.model.publicIps
                        tags: cell.model.tags
                        pricePerMonth: cell.model.pricePerMonth
                        pendingAction: cell.model.pendingAction
                        actionError: cell.model.actionError
                        errorReason: cell.model.errorReason
                        currency: cell.model.currency
                        stale: pane.isStale(accountId)
                        selectionMode: pane.selecting
                        selected: pane.selection.revision >= 0 && pane.selection.contains(accountId, machineId)
                        current: AppController.current.machineId === machineId
                                 && AppController.current.accountId === accountId
                        onActivated: (modifiers) => pane.activate(cell.index, accountId, machineId, modifiers)
                        onSelectToggled: pane.selection.toggle(accountId, machineId)
                        onMenuRequested: (x, y) => pane.openMenu(cardItem, x, y, accountId, machineId, name,
                                                                 publicIp)
                        onIpCopied: (ip) => AppController.copy(ip, qsTr("IP"))
                        onRetryRequested: AppController.retryAction(accountId, machineId)
                    }
                }
            }

            EmptyState {
                anchors.fill: parent
                visible: pane.filters.count === 0 && AppController.machineCount > 0
                illustration: "no-results"
                illustrationWidth: 180
                title: qsTr("No machines match")
                text: qsTr("Nothing matches the search and filters you chose.")
                AppButton {
                    kind: "primary"
                    text: qsTr("Clear filters")
                    onClicked: {
                        pane.filters.clear()
                        pane.filters.account = ""
                    }
                }
            }
            EmptyState {
                anchors.fill: parent
                visible: AppController.machineCount === 0 && AppController.hasAccounts
                illustration: "no-selection"
                illustrationWidth: 180
                title: AppController.refreshing ? qsTr("Loading machines…") : qsTr("No machines yet")
                text: AppController.refreshing ? qsTr("Asking your clouds what is running.")
                                               : qsTr("Your accounts have no machines. Create one to get started.")
                AppButton {
                    visible: !AppController.refreshing
                    kind: "primary"
                    iconName: "plus"
                    text: qsTr("New machine")
                    onClicked: pane.createRequested()
                }
            }
        }

        // Bulk actions for the selected machines.
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: pane.selecting ? Theme.headerHeight : 0
            visible: Layout.preferredHeight > 0
            color: Theme.surfaceRaised
            Behavior on Layout.preferredHeight { NumberAnimation { duration: Theme.durationNormal; easing.type: Easing.OutCubic } }
            Rectangle { width: parent.width; height: 1; color: Theme.border }
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.spacingS
                anchors.rightMargin: Theme.spacingM
                spacing: Theme.spacingXs
                IconButton {
                    iconName: "close"
                    tip: qsTr("Clear selection")
                    shortcutText: qsTr("Esc")
                    onClicked: pane.selection.clear()
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("%n selected", "", pane.selection.count)
                    color: Theme.text
                    font.pixelSize: Theme.fontBody
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                }
                IconButton {
                    iconName: "select"
                    tip: qsTr("Select all shown")
                    shortcutText: "Ctrl+A"
                    onClicked: pane.selection.addAll(pane.filters)
                }
                Repeater {
                    model: ["start", "shutdown", "reboot", "poweroff", "destroy"]
                    delegate: IconButton {
                        required property string modelData
                        readonly property int allowing: pane.selection.revision >= 0
                                                        ? pane.selection.countAllowing(modelData) : 0
                        iconName: modelData
                        tone: MachineStates.isDestructive(modelData) ? Theme.danger : Theme.text
                        enabled: allowing > 0
                        tip: qsTr("%1 (%2 of the selected)").arg(Format.actionText(modelData)).arg(allowing)
                        onClicked: pane.bulkRequested(modelData)
                    }
                }
            }
        }
    }

    Instantiator {
        id: menuInstantiator
        active: pane.menuNeeded
        delegate: MachineMenu {
            onActionRequested: (action) => pane.requestAction(accountId, machineId, action)
            onDetailsRequested: {
                AppController.select(accountId, machineId)
                pane.openDetails(accountId, machineId)
            }
            onSelectRequested: pane.selection.toggle(accountId, machineId)
            onPriceRequested: pane.priceRequested(accountId, machineId)
        }
    }
}
