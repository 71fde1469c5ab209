pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQml.Models
import CloudDeck

// Under the header: the summary of what is shown, sort and list/grid, and the filter chips.
Rectangle {
    id: bar

    property bool narrow: false
    readonly property MachineFilterModel filters: AppController.filters

    implicitHeight: column.implicitHeight + Theme.spacingM + Theme.spacingS
    color: Theme.window

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.topMargin: Theme.spacingM
        anchors.leftMargin: Theme.spacingL
        anchors.rightMargin: Theme.spacingM
        spacing: Theme.spacingS

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    text: bar.filters.count === 0 && bar.filters.totalCount > 0
                          ? Format.noMatch(bar.filters.totalCount, bar.filters.account.length > 0)
                          : Format.summary(bar.filters.count,
                                           bar.filters.active || bar.filters.account.length > 0
                                           ? Object.keys(bar.filters.accountCounts).length : AppController.accountCount,
                                           bar.filters.monthlyCosts)
                    wrapMode: Text.WordWrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                    color: Theme.text
                    font.pixelSize: Theme.fontBody
                    font.weight: Font.DemiBold
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                Label {
                    readonly property bool stale: AppController.staleAccounts.length > 0
                    objectName: "freshness"
                    Layout.fillWidth: true
                    // Never "Updated just now" while some of what is shown could not be refreshed.
                    text: AppController.refreshing ? qsTr("Refreshing…")
                          : stale ? (AppController.offlineDataTime.getTime() > 0
                                     ? qsTr("Some data is from %1").arg(Format.age(AppController.offlineDataTime, AppController.now))
                                     : qsTr("Some accounts could not be refreshed"))
                          : AppController.lastUpdated.getTime() > 0
                            ? qsTr("Updated %1").arg(Format.age(AppController.lastUpdated, AppController.now))
                            : qsTr("Not refreshed yet")
                    elide: Text.ElideRight
                    color: stale ? Theme.warningText : Theme.textSecondary
                    font.pixelSize: Theme.fontCaption
                }
            }
            AppButton {
                id: sortButton
                kind: "flat"
                iconName: "sort"
                text: bar.narrow ? "" : qsTr("Sort: %1").arg(currentSortText())
                Accessible.name: qsTr("Sort by %1").arg(currentSortText())
                implicitWidth: bar.narrow ? Theme.iconButtonSize : implicitContentWidth + leftPadding + rightPadding
                leftPadding: bar.narrow ? Theme.spacingS : Theme.spacingM
                rightPadding: bar.narrow ? Theme.spacingS : Theme.spacingM
                function currentSortText() {
                    const keys = bar.filters.sortKeys
                    for (let i = 0; i < keys.length; ++i)
                        if (keys[i].id === bar.filters.sortKey)
                            return keys[i].text
                    return ""
                }
                onClicked: sortMenu.popup(sortButton, 0, sortButton.height)
                Menu {
                    id: sortMenu
                    Instantiator {
                        model: bar.filters.sortKeys
                        delegate: MenuItem {
                            required property var modelData
                            text: modelData.text
                            checkable: true
                            checked: bar.filters.sortKey === modelData.id
                            onTriggered: bar.filters.sortKey = modelData.id
                        }
                        onObjectAdded: (index, object) => sortMenu.insertItem(index, object)
                        onObjectRemoved: (index, object) => sortMenu.removeItem(object)
                    }
                    MenuSeparator {}
                    MenuItem {
                        text: qsTr("Descending")
                        checkable: true
                        checked: bar.filters.sortOrder === Qt.DescendingOrder
                        onTriggered: bar.filters.sortOrder = checked ? Qt.DescendingOrder : Qt.AscendingOrder
                    }
                }
            }
            Rectangle {
                Layout.preferredHeight: Theme.iconButtonSize
                Layout.preferredWidth: 2 * Theme.iconButtonSize + 4
                radius: Theme.radiusM
                color: Theme.surface
                border.color: Theme.border
                Row {
                    anchors.centerIn: parent
                    IconButton {
                        iconName: "list"
                        tip: qsTr("Show as list")
                        checkable: true
                        checked: AppSettings.viewMode === "list"
                        implicitWidth: Theme.iconButtonSize
                        implicitHeight: Theme.iconButtonSize - 4
                        onClicked: AppSettings.viewMode = "list"
                    }
                    IconButton {
                        iconName: "grid"
                        tip: qsTr("Show as grid")
                        checkable: true
                        checked: AppSettings.viewMode === "grid"
                        implicitWidth: Theme.iconButtonSize
                        implicitHeight: Theme.iconButtonSize - 4
                        onClicked: AppSettings.viewMode = "grid"
                    }
                }
            }
        }

        // Chips scroll sideways when they do not fit.
        Flickable {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.chipTargetHeight
            contentWidth: chips.implicitWidth
            contentHeight: height
            flickableDirection: Flickable.HorizontalFlick
            boundsBehavior: Flickable.StopAtBounds
            clip: true
            visible: bar.filters.stateFacets.length > 0 || bar.filters.active
            Row {
                id: chips
                spacing: Theme.spacingS
                Repeater {
                    model: bar.filters.stateFacets
                    delegate: FilterChip {
                        required property var modelData
                        text: modelData.text
                        count: modelData.count
                        stateId: modelData.stateId
                        checked: modelData.checked
                        onClicked: bar.filters.toggleFilter("states", modelData.id)
                    }
                }
                FilterChip {
                    // Machines only costing money: CPU under 2 % for a whole week (core's IdleRule).
                    visible: bar.filters.idleCount > 0 || bar.filters.idleOnly
                    text: qsTr("Idle")
                    iconName: "cpu"
                    count: bar.filters.idleCount
                    checked: bar.filters.idleOnly
                    onClicked: bar.filters.toggleFilter("idle", "")
                    ToolTip.visible: hovered
                    ToolTip.delay: 600
                    ToolTip.text: qsTr("CPU under 2 % for the last 7 days")
                }
                Rectangle {
                    visible: bar.filters.providerFacets.length > 1
                    width: 1
                    height: Theme.chipHeight - 8
                    anchors.verticalCenter: parent.verticalCenter
                    color: Theme.border
                }
                Repeater {
                    model: bar.filters.providerFacets.length > 1 ? bar.filters.providerFacets : []
                    delegate: FilterChip {
                        required property var modelData
                        text: AppController.provider(modelData.id).name || modelData.id
                        count: modelData.count
                        checked: modelData.checked
                        onClicked: bar.filters.toggleFilter("providers", modelData.id)
                    }
                }
                Rectangle {
                    visible: bar.filters.tagFacets.length > 0
                    width: 1
                    height: Theme.chipHeight - 8
                    anchors.verticalCenter: parent.verticalCenter
                    color: Theme.border
                }
                Repeater {
                    model: bar.filters.tagFacets
                    delegate: FilterChip {
                        required property var modelData
                        text: modelData.id
                        iconName: "tag"
                        count: modelData.count
                        checked: modelData.checked
                        onClicked: bar.filters.toggleFilter("tags", modelData.id)
                    }
                }
                AppButton {
                    visible: bar.filters.active
                    kind: "flat"
                    text: qsTr("Clear filters")
                    implicitHeight: Theme.chipTargetHeight
                    onClicked: bar.filters.clear()
                }
            }
        }
    }
}
