pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Templates as T
import CloudDeck

// The CloudDeck window. Wide (>= 1200 px): accounts | machines | details, resizable and
// remembered. Medium (720-1200 px): machines | details, accounts in a drawer. Narrow: one pane at
// a time with back navigation.
ApplicationWindow {
    id: window

    readonly property string layoutMode: width >= Theme.wideBreakpoint ? "wide"
                                         : width >= Theme.narrowBreakpoint ? "medium" : "narrow"
    property alias toast: toast
    property alias addAccountSheet: addAccountSheet
    property alias createSheet: createSheet
    property alias settingsSheet: settingsSheet
    property alias destroyDialog: destroyDialog
    property alias bulkDialog: bulkDialog
    property alias confirmDialog: confirmDialog
    property alias priceDialog: priceDialog
    property alias stack: stack

    width: 1280
    height: 800
    minimumWidth: 360
    minimumHeight: 480
    visible: true
    title: qsTr("CloudDeck")
    color: Theme.window
    font.pixelSize: Theme.fontBody

    // The controls' own colours follow the theme too.
    palette.window: Theme.window
    palette.windowText: Theme.text
    palette.base: Theme.surface
    palette.alternateBase: Theme.hover
    palette.text: Theme.text
    palette.button: Theme.surface
    palette.buttonText: Theme.text
    palette.brightText: Theme.accentText
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.accentText
    palette.placeholderText: Theme.textSecondary
    palette.toolTipBase: Theme.tooltip
    palette.toolTipText: Theme.tooltipText
    palette.light: Theme.surfaceRaised
    palette.midlight: Theme.hover
    palette.mid: Theme.border
    palette.dark: Theme.textSecondary
    palette.shadow: Theme.scrimBase // Basic dims behind modal popups with half of this
    palette.link: Theme.accent
    palette.disabled.windowText: Theme.textDisabled
    palette.disabled.text: Theme.textDisabled
    palette.disabled.buttonText: Theme.textDisabled

    function askDestroy(accountId, machineId) {
        const m = AppController.machine(accountId, machineId)
        if (!m.name)
            return
        destroyDialog.get().ask(accountId, machineId, m.name, m.accountName, AppController.providerName(m.provider),
                          m.pricePerMonth !== undefined ? Format.monthly(m.pricePerMonth, m.currency) : "")
    }
    // A forced action (power off: pulling the plug) is confirmed, as virt-manager's "Force Off"
    // is; a destructive one (destroy) asks for the machine's name. Core says which is which.
    function askAction(accountId, machineId, action) {
        const m = AppController.machine(accountId, machineId)
        if (!m.name)
            return
        switch (MachineStates.confirmation(action)) {
        case MachineStates.ConfirmByName:
            askDestroy(accountId, machineId)
            break
        case MachineStates.Confirm:
            // The provider's words: its label, and as the body what the action does and costs
            // (core's generic "like pulling the plug" unless the plugin says more).
            const words = (AppController.provider(m.provider).actions || {})[action] || {}
            const label = words.label || Format.actionText(action)
            confirmDialog.get().ask(qsTr("%1 %2?").arg(label).arg(m.name), words.description || "",
                              label, true, () => AppController.runAction(accountId, machineId, action))
            break
        default:
            AppController.runAction(accountId, machineId, action)
        }
    }
    function askBulk(action) {
        bulkDialog.get().ask(action, AppController.selection.items())
    }
    function destroyFocused() {
        if (AppController.selection.count > 0)
            askBulk("destroy")
        else if (AppController.current.exists)
            askDestroy(AppController.current.accountId, AppController.current.machineId)
    }
    function openCreate() {
        if (AppController.hasAccounts)
            createSheet.get().openFor(AppController.filters.account)
    }
    function showDetails(accountId, machineId) {
        if (layoutMode === "narrow" && stack.depth === 1)
            stack.push(detailsPage)
    }
    function openCost() {
        if (stack.depth === 1)
            stack.push(costPage)
    }
    function openActivity() {
        if (stack.depth === 1)
            stack.push(activityPage)
    }
    function askRemoveAccount(accountId) {
        const account = AppController.account(accountId)
        confirmDialog.get().ask(qsTr("Remove %1?").arg(account.name),
                          qsTr("CloudDeck forgets this account and its stored credentials. Your machines on %1 are not touched.")
                              .arg(account.providerName),
                          qsTr("Remove account"), true, () => {
                              if (addAccountSheet.object)
                                  addAccountSheet.object.close()
                              AppController.removeAccount(accountId)
                          })
    }

    AppShortcuts {
        hasAccounts: AppController.hasAccounts
        escapeEnabled: AppController.selection.count > 0 || stack.depth > 1
        onFindRequested: appHeader.focusSearch()
        onRefreshRequested: AppController.refresh()
        onCreateRequested: window.openCreate()
        onPreferencesRequested: settingsSheet.get().open()
        onDestroyRequested: window.destroyFocused()
        onSelectAllRequested: AppController.selection.addAll(AppController.filters)
        onEscapeRequested: AppController.selection.count > 0 ? AppController.selection.clear() : stack.pop()
    }

    Connections {
        target: AppController
        function onNotice(text) { toast.show(text) }
        function onShowWindowRequested() {
            window.show()
            window.raise()
            window.requestActivate()
        }
    }
    onLayoutModeChanged: {
        // Details have a page of their own only when narrow; Cost and Activity are pages at any width.
        if (layoutMode !== "narrow" && stack.depth > 1 && stack.currentItem.objectName !== "costPage"
                && stack.currentItem.objectName !== "activityPage")
            stack.pop(null)
        if (layoutMode === "wide")
            accountsDrawer.close()
    }

    StackView {
        id: stack
        anchors.fill: parent
        initialItem: mainPage
    }

    Component {
        id: mainPage
        Item {
            ColumnLayout {
                anchors.fill: parent
                spacing: 0
                AppHeader {
                    id: pageHeader
                    Layout.fillWidth: true
                    layoutMode: window.layoutMode
                    onAccountsClicked: accountsDrawer.open()
                    onCreateClicked: window.openCreate()
                    onSettingsClicked: settingsSheet.get().open()
                    onCostClicked: window.openCost()
                    onActivityClicked: window.openActivity()
                    onListFocusRequested: if (appMachines.target) appMachines.target.focusList()
                    Component.onCompleted: appHeader.target = pageHeader
                }
                // First run only: built while there is no account.
                Repeater {
                    model: AppController.hasAccounts ? 0 : 1
                    delegate: WelcomeView {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        onAddCloudClicked: addAccountSheet.get().openForNew("")
                        onTryDemoClicked: AppController.addDemoAccount()
                    }
                }
                SplitView {
                    id: split
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: AppController.hasAccounts
                    orientation: Qt.Horizontal
                    handle: Item {
                        id: handle
                        implicitWidth: 5
                        Rectangle {
                            anchors.horizontalCenter: parent.horizontalCenter
                            width: handle.T.SplitHandle.hovered || handle.T.SplitHandle.pressed ? 3 : 1
                            height: parent.height
                            color: handle.T.SplitHandle.pressed ? Theme.accent
                                   : handle.T.SplitHandle.hovered ? Theme.focus : Theme.border
                        }
                    }
                    function save() { AppSettings.setSplitState(window.layoutMode, saveState()) }
                    function restore() {
                        const state = AppSettings.splitState(window.layoutMode)
                        if (state !== undefined)
                            restoreState(state)
                    }
                    onResizingChanged: if (!resizing) save()
                    Component.onCompleted: restore()
                    Connections {
                        target: window
                        function onLayoutModeChanged() { split.restore() }
                    }

                    AccountsPane {
                        visible: window.layoutMode === "wide"
                        SplitView.preferredWidth: Theme.sidebarWidth
                        SplitView.minimumWidth: Theme.sidebarMinWidth
                        SplitView.maximumWidth: Theme.sidebarMaxWidth
                        onAddAccountClicked: addAccountSheet.get().openForNew("")
                        onEditAccountClicked: (accountId) => addAccountSheet.get().openForEdit(accountId)
                        onRemoveAccountClicked: (accountId) => window.askRemoveAccount(accountId)
                    }
                    MachinesPane {
                        id: machines
                        objectName: "machinesPane"
                        SplitView.fillWidth: true
                        SplitView.minimumWidth: 320
                        narrow: window.layoutMode === "narrow"
                        onOpenDetails: (accountId, machineId) => window.showDetails(accountId, machineId)
                        onConfirmRequested: (accountId, machineId, action) => window.askAction(accountId, machineId, action)
                        onBulkRequested: (action) => window.askBulk(action)
                        onCreateRequested: window.openCreate()
                        onPriceRequested: (accountId, machineId) => priceDialog.get().openFor(accountId, machineId)
                        Component.onCompleted: appMachines.target = machines
                    }
                    MachineDetails {
                        visible: window.layoutMode !== "narrow"
                        SplitView.preferredWidth: Theme.detailWidth
                        SplitView.minimumWidth: Theme.detailMinWidth
                        SplitView.maximumWidth: Theme.detailMaxWidth
                        onConfirmRequested: (accountId, machineId, action) => window.askAction(accountId, machineId, action)
                    }
                }
            }
        }
    }

    // Handles to the live header and list (they live inside the stack's first page).
    QtObject {
        id: appHeader
        property AppHeader target: null
        function focusSearch() { if (target) target.focusSearch() }
    }
    QtObject {
        id: appMachines
        property MachinesPane target: null
    }

    Component {
        id: detailsPage
        DetailsPage {
            onBack: stack.pop()
            onConfirmRequested: (accountId, machineId, action) => window.askAction(accountId, machineId, action)
        }
    }

    Component {
        id: costPage
        CostPage { onBack: stack.pop() }
    }
    Component {
        id: activityPage
        ActivityPage { onBack: stack.pop() }
    }

    Drawer {
        id: accountsDrawer
        edge: Qt.LeftEdge
        width: Math.min(320, window.width * 0.85)
        height: window.height
        interactive: window.layoutMode !== "wide" && AppController.hasAccounts
        background: Rectangle { color: Theme.sidebar }
        // Only where the drawer is used (wide windows show the sidebar instead).
        Repeater {
            model: window.layoutMode !== "wide" ? 1 : 0
            delegate: AccountsPane {
                width: accountsDrawer.availableWidth
                height: accountsDrawer.availableHeight
                onAccountChosen: accountsDrawer.close()
                onAddAccountClicked: {
                    accountsDrawer.close()
                    addAccountSheet.get().openForNew("")
                }
                onEditAccountClicked: (accountId) => {
                    accountsDrawer.close()
                    addAccountSheet.get().openForEdit(accountId)
                }
                onRemoveAccountClicked: (accountId) => window.askRemoveAccount(accountId)
            }
        }
    }

    // Built the first time each is opened: none is on the first frame.
    LazyPopup {
        id: addAccountSheet
        source: Qt.resolvedUrl("pages/AddAccountSheet.qml")
        parentItem: window.contentItem
        setup: (sheet) => sheet.removeRequested.connect((accountId) => window.askRemoveAccount(accountId))
    }
    LazyPopup {
        id: createSheet
        source: Qt.resolvedUrl("pages/CreateMachineSheet.qml")
        parentItem: window.contentItem
    }
    LazyPopup {
        id: settingsSheet
        source: Qt.resolvedUrl("pages/SettingsSheet.qml")
        parentItem: window.contentItem
        setup: (sheet) => sheet.clearCacheRequested.connect(() => confirmDialog.get().ask(
            qsTr("Clear the offline cache?"),
            qsTr("CloudDeck forgets the machines and catalogs it saved and loads them again from your clouds. Accounts and credentials stay."),
            qsTr("Clear cache"), false, () => AppController.clearCache()))
    }
    LazyPopup {
        id: destroyDialog
        source: Qt.resolvedUrl("components/DestroyDialog.qml")
        parentItem: window.contentItem
        setup: (dialog) => dialog.confirmed.connect((accountId, machineId) => AppController.runAction(accountId, machineId, "destroy"))
    }
    LazyPopup {
        id: bulkDialog
        source: Qt.resolvedUrl("components/BulkActionDialog.qml")
        parentItem: window.contentItem
        setup: (dialog) => dialog.confirmed.connect((action) => {
            AppController.runBulkAction(action)
            AppController.selection.clear()
        })
    }
    LazyPopup {
        id: confirmDialog
        source: Qt.resolvedUrl("components/ConfirmDialog.qml")
        parentItem: window.contentItem
        setup: (dialog) => dialog.objectName = "confirmDialog"
    }
    LazyPopup {
        id: priceDialog
        source: Qt.resolvedUrl("components/PriceDialog.qml")
        parentItem: window.contentItem
    }
    Toast { id: toast }

    // The window comes back where and as large as it was left, kept on the screen it opens on
    // (a monitor unplugged since must not hide it).
    function restoreGeometry() {
        const saved = AppSettings.windowGeometry()
        if (saved.width <= 0 || saved.height <= 0)
            return
        const w = Math.min(Math.max(saved.width, minimumWidth), Screen.desktopAvailableWidth)
        const h = Math.min(Math.max(saved.height, minimumHeight), Screen.desktopAvailableHeight)
        width = w
        height = h
        x = Math.min(Math.max(saved.x, 0), Screen.desktopAvailableWidth - w)
        y = Math.min(Math.max(saved.y, 0), Screen.desktopAvailableHeight - h)
        if (AppSettings.windowMaximized())
            showMaximized()
    }
    onClosing: AppSettings.setWindowState(
                   visibility === Window.Maximized ? Qt.rect(0, 0, 0, 0) : Qt.rect(x, y, width, height),
                   visibility === Window.Maximized)

    // The last-known picture from the cache first, then refreshes as they come due.
    Component.onCompleted: {
        restoreGeometry()
        AppController.start()
    }
}
