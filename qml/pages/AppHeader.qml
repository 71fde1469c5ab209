pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CloudDeck

// The window's header: accounts (narrow), search, refresh with its progress, new machine,
// settings. On narrow windows the search is an icon that expands over the header.
Rectangle {
    id: header

    property string layoutMode: "wide"
    property bool searchExpanded: false
    readonly property bool narrow: layoutMode === "narrow"
    property alias searchField: search

    signal accountsClicked()
    signal createClicked()
    signal settingsClicked()
    signal costClicked()
    signal activityClicked()
    signal listFocusRequested()

    function focusSearch() {
        if (narrow)
            searchExpanded = true
        search.forceActiveFocus()
        search.selectAll()
    }

    implicitHeight: Theme.headerHeight
    color: Theme.surface

    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Theme.border
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingS
        anchors.rightMargin: Theme.spacingM
        spacing: Theme.spacingS

        IconButton {
            visible: header.layoutMode !== "wide" && AppController.hasAccounts
                     && !(header.narrow && header.searchExpanded)
            iconName: "menu"
            tip: qsTr("Accounts")
            onClicked: header.accountsClicked()
        }
        Row {
            visible: !(header.narrow && header.searchExpanded)
            Layout.leftMargin: header.layoutMode === "wide" ? Theme.spacingS : 0
            spacing: Theme.spacingS
            SvgIcon {
                anchors.verticalCenter: parent.verticalCenter
                width: 28
                height: 28
                source: Theme.icon("app")
            }
            Label {
                anchors.verticalCenter: parent.verticalCenter
                text: "CloudDeck"
                color: Theme.text
                font.pixelSize: Theme.fontSubtitle + 1
                font.weight: Font.Bold
                Accessible.role: Accessible.Heading
            }
        }
        Item {
            visible: !header.narrow
            Layout.preferredWidth: header.layoutMode === "wide" ? 108 : Theme.spacingL
        }
        IconButton {
            visible: header.narrow && header.searchExpanded
            iconName: "back"
            tip: qsTr("Close search")
            onClicked: {
                search.clear()
                header.searchExpanded = false
            }
        }
        SearchField {
            id: search
            visible: AppController.hasAccounts && (!header.narrow || header.searchExpanded)
            Layout.fillWidth: true
            Layout.maximumWidth: header.narrow ? -1 : 560
            text: AppController.filters.searchText
            onTextEdited: AppController.filters.searchText = text
            Keys.onDownPressed: header.listFocusRequested()
            Keys.onReturnPressed: header.listFocusRequested()
            onTextChanged: if (text.length === 0) AppController.filters.searchText = ""
        }
        Item { Layout.fillWidth: true; visible: !(header.narrow && header.searchExpanded) || !AppController.hasAccounts }
        IconButton {
            visible: AppController.hasAccounts && header.narrow && !header.searchExpanded
            iconName: "search"
            tip: qsTr("Search")
            shortcutText: "Ctrl+F"
            onClicked: header.focusSearch()
        }
        IconButton {
            id: refreshButton
            visible: AppController.hasAccounts && !(header.narrow && header.searchExpanded)
            iconName: "refresh"
            tip: AppController.refreshing ? qsTr("Refreshing…") : qsTr("Refresh all accounts")
            shortcutText: "F5"
            onClicked: AppController.refresh()
            RotationAnimator on rotation {
                running: AppController.refreshing
                from: 0
                to: 360
                duration: 900
                loops: Animation.Infinite
                onRunningChanged: if (!running) refreshButton.rotation = 0
            }
        }
        AppButton {
            visible: !header.narrow && AppController.hasAccounts
            kind: "primary"
            iconName: "plus"
            text: qsTr("New machine")
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: qsTr("Create a machine (Ctrl+N)")
            onClicked: header.createClicked()
        }
        IconButton {
            visible: header.narrow && !header.searchExpanded && AppController.hasAccounts
            iconName: "plus"
            tip: qsTr("New machine")
            shortcutText: "Ctrl+N"
            onClicked: header.createClicked()
        }
        IconButton {
            objectName: "costButton"
            visible: AppController.hasAccounts && !(header.narrow && header.searchExpanded)
            iconName: "dollar"
            tip: qsTr("Cost")
            onClicked: header.costClicked()
        }
        IconButton {
            objectName: "activityButton"
            // Below 480 px the log is reached from Settings instead: the header keeps its search.
            visible: AppController.hasAccounts && !(header.narrow && header.searchExpanded) && header.width >= 480
            iconName: "history"
            tip: qsTr("Activity")
            onClicked: header.activityClicked()
        }
        IconButton {
            visible: !(header.narrow && header.searchExpanded)
            iconName: "settings"
            tip: qsTr("Settings")
            shortcutText: "Ctrl+,"
            onClicked: header.settingsClicked()
        }
    }

    // Refresh progress: a thin moving bar along the bottom edge.
    Item {
        id: progress
        visible: AppController.refreshing
        anchors.bottom: parent.bottom
        width: parent.width
        height: 2
        clip: true
        Rectangle {
            id: bar
            width: parent.width * 0.25
            height: parent.height
            color: Theme.accent
            XAnimator on x {
                running: progress.visible
                from: -bar.width
                to: progress.width
                duration: 1100
                loops: Animation.Infinite
                easing.type: Easing.InOutCubic
            }
        }
    }
}
