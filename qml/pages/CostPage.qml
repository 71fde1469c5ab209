pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import CloudDeck

// What all this costs: the monthly run-rate of the machines shown, grouped, as bars and a table,
// with what machines that are off still cost. Every number comes from CostModel (core's
// CostReport); this page only lays it out. Amounts of different currencies get bars of their own
// scale and are never added.
Rectangle {
    id: page
    objectName: "costPage"

    property alias model: costModel
    readonly property bool narrow: width < 900
    readonly property var groupTitles: ({
        provider: qsTr("Provider"), account: qsTr("Account"), region: qsTr("Region"),
        tag: qsTr("Tag"), size: qsTr("Size")
    })

    signal back()

    color: Theme.window
    Keys.onEscapePressed: page.back()
    Keys.onBackPressed: page.back()

    CostModel {
        id: costModel
        machineModel: AppController.machines
        view: AppController.filters
        registry: AppController.registry
        userPrices: AppController.userPrices
    }

    FileDialog {
        id: exportDialog
        title: qsTr("Export costs as CSV")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "csv"
        nameFilters: [qsTr("CSV files (*.csv)")]
        onAccepted: {
            if (costModel.exportCsv(selectedFile))
                AppController.notice(qsTr("Costs exported"))
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // Header: back, title, export.
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.headerHeight
            color: Theme.surface
            Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.spacingS
                anchors.rightMargin: Theme.spacingM
                spacing: Theme.spacingS
                IconButton {
                    iconName: "back"
                    tip: qsTr("Back to machines")
                    onClicked: page.back()
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Cost")
                    color: Theme.text
                    font.pixelSize: Theme.fontSubtitle + 1
                    font.weight: Font.DemiBold
                    Accessible.role: Accessible.Heading
                }
                AppButton {
                    objectName: "costExportButton"
                    iconName: "external"
                    text: page.narrow ? qsTr("CSV") : qsTr("Export CSV")
                    enabled: costModel.machineCount > 0
                    ToolTip.visible: hovered
                    ToolTip.delay: 600
                    ToolTip.text: qsTr("Every machine with its price and where the price comes from")
                    onClicked: exportDialog.open()
                }
            }
        }

        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true

            ColumnLayout {
                width: scroll.availableWidth
                spacing: Theme.spacingL

                Item { Layout.preferredHeight: Theme.spacingS }

                // The totals.
                GridLayout {
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacingL
                    Layout.rightMargin: Theme.spacingL
                    columns: page.narrow ? 1 : 2
                    columnSpacing: Theme.spacingL
                    rowSpacing: Theme.spacingL

                    Rectangle {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.preferredHeight: totalColumn.implicitHeight + 2 * Theme.spacingL
                        radius: Theme.radiusM
                        color: Theme.surface
                        border.color: Theme.border
                        ColumnLayout {
                            id: totalColumn
                            anchors.fill: parent
                            anchors.margins: Theme.spacingL
                            spacing: Theme.spacingXs
                            Label {
                                text: qsTr("Monthly run-rate")
                                color: Theme.textSecondary
                                font.pixelSize: Theme.fontCaption + 1
                            }
                            Label {
                                objectName: "costTotal"
                                Layout.fillWidth: true
                                text: costModel.totalText
                                color: Theme.text
                                font.pixelSize: Theme.fontDisplay
                                font.weight: Font.DemiBold
                                wrapMode: Text.Wrap
                            }
                            Label {
                                Layout.fillWidth: true
                                text: {
                                    const parts = [qsTr("%n machine(s) shown", "", costModel.machineCount)]
                                    if (costModel.unpricedCount > 0)
                                        parts.push(qsTr("%n without a price", "", costModel.unpricedCount))
                                    if (costModel.convertedText.length > 0)
                                        parts.push(qsTr("%1 with your rates").arg(costModel.convertedText))
                                    return parts.join(" · ")
                                }
                                color: Theme.textSecondary
                                font.pixelSize: Theme.fontCaption + 1
                                wrapMode: Text.Wrap
                            }
                        }
                    }
                    Rectangle {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.preferredHeight: offColumn.implicitHeight + 2 * Theme.spacingL
                        radius: Theme.radiusM
                        color: costModel.offButBilledCount > 0 ? Theme.warningSoft : Theme.surface
                        border.color: costModel.offButBilledCount > 0 ? Theme.warning : Theme.border
                        ColumnLayout {
                            id: offColumn
                            anchors.fill: parent
                            anchors.margins: Theme.spacingL
                            spacing: Theme.spacingXs
                            Label {
                                text: qsTr("Off, but still billed")
                                color: Theme.textSecondary
                                font.pixelSize: Theme.fontCaption + 1
                            }
                            Label {
                                objectName: "costOffButBilled"
                                Layout.fillWidth: true
                                text: costModel.offButBilledCount > 0 ? costModel.offButBilledText : qsTr("Nothing")
                                color: costModel.offButBilledCount > 0 ? Theme.warning : Theme.text
                                font.pixelSize: Theme.fontDisplay
                                font.weight: Font.DemiBold
                                wrapMode: Text.Wrap
                            }
                            Label {
                                Layout.fillWidth: true
                                text: {
                                    if (costModel.offButBilledCount === 0 && costModel.volumesOnlyCount === 0)
                                        return qsTr("No machine that is off costs anything here.")
                                    const parts = []
                                    if (costModel.offButBilledCount > 0)
                                        parts.push(qsTr("%1/mo is for %n machine(s) that are off.", "", costModel.offButBilledCount)
                                                       .arg(costModel.offButBilledText))
                                    if (costModel.volumesOnlyCount > 0)
                                        parts.push(qsTr("%n stopped AWS instance(s) cost only their disks, not priced here.", "", costModel.volumesOnlyCount))
                                    return parts.join(" ")
                                }
                                color: Theme.textSecondary
                                font.pixelSize: Theme.fontCaption + 1
                                wrapMode: Text.Wrap
                            }
                        }
                    }
                }

                // Running and billed, but doing nothing for a week (the metrics' idle rule).
                Banner {
                    objectName: "costIdle"
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacingL
                    Layout.rightMargin: Theme.spacingL
                    visible: costModel.idleCount > 0
                    kind: "info"
                    text: qsTr("%1/mo is for %n machine(s) idle for a week (CPU under 2 %).", "", costModel.idleCount)
                              .arg(costModel.idleText)
                    detail: {
                        const shown = costModel.idleMachines.slice(0, 4).map(m => qsTr("%1 (%2)").arg(m.name).arg(m.billedText))
                        if (costModel.idleCount > shown.length)
                            shown.push(qsTr("%n more", "", costModel.idleCount - shown.length))
                        return shown.join(" · ")
                    }
                    actionText: qsTr("Show idle machines")
                    onActionTriggered: {
                        AppController.filters.idleOnly = true
                        page.back()
                    }
                }

                Banner {
                    objectName: "costHint"
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacingL
                    Layout.rightMargin: Theme.spacingL
                    visible: costModel.hint.length > 0
                    kind: "warning"
                    text: costModel.hint
                }

                // Group by.
                Flow {
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacingL
                    Layout.rightMargin: Theme.spacingL
                    spacing: Theme.spacingS
                    ButtonGroup { id: groupChips }
                    Label {
                        height: Theme.chipHeight
                        verticalAlignment: Text.AlignVCenter
                        text: qsTr("Group by")
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontCaption + 1
                    }
                    Repeater {
                        model: ["provider", "account", "region", "tag", "size"]
                        delegate: FilterChip {
                            required property string modelData
                            objectName: "groupBy_" + modelData
                            text: page.groupTitles[modelData]
                            ButtonGroup.group: groupChips
                            checked: costModel.groupBy === modelData
                            onClicked: costModel.groupBy = modelData
                        }
                    }
                }

                // Bars and table in one: each group a row, its bar(s) in the middle.
                Rectangle {
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacingL
                    Layout.rightMargin: Theme.spacingL
                    Layout.preferredHeight: table.implicitHeight
                    radius: Theme.radiusM
                    color: Theme.surface
                    border.color: Theme.border
                    clip: true

                    Column {
                        id: table
                        width: parent.width

                        Item {
                            width: parent.width
                            height: Theme.rowHeight * 0.8
                            RowLayout {
                                anchors.fill: parent
                                anchors.leftMargin: Theme.spacingL
                                anchors.rightMargin: Theme.spacingL
                                spacing: Theme.spacingM
                                Label {
                                    Layout.preferredWidth: page.narrow ? 140 : 220
                                    text: page.groupTitles[costModel.groupBy] ?? ""
                                    color: Theme.textSecondary
                                    font.pixelSize: Theme.fontCaption
                                    font.weight: Font.DemiBold
                                }
                                Item { Layout.fillWidth: true }
                                Label {
                                    Layout.preferredWidth: 64
                                    horizontalAlignment: Text.AlignRight
                                    text: qsTr("Machines")
                                    color: Theme.textSecondary
                                    font.pixelSize: Theme.fontCaption
                                    font.weight: Font.DemiBold
                                }
                                Label {
                                    Layout.preferredWidth: page.narrow ? 120 : 170
                                    horizontalAlignment: Text.AlignRight
                                    text: qsTr("Monthly")
                                    color: Theme.textSecondary
                                    font.pixelSize: Theme.fontCaption
                                    font.weight: Font.DemiBold
                                }
                                Label {
                                    visible: !page.narrow
                                    Layout.preferredWidth: 130
                                    horizontalAlignment: Text.AlignRight
                                    text: qsTr("Off, billed")
                                    color: Theme.textSecondary
                                    font.pixelSize: Theme.fontCaption
                                    font.weight: Font.DemiBold
                                }
                            }
                            Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.divider }
                        }

                        Repeater {
                            id: rows
                            objectName: "costRows"
                            model: costModel
                            delegate: Item {
                                id: row
                                required property int index
                                required property string label
                                required property int machines
                                required property string totalText
                                required property var totalLines
                                required property var offButBilledLines
                                required property int unpricedCount
                                required property var bars

                                width: table.width
                                height: Math.max(Theme.rowHeight, barColumn.implicitHeight + Theme.spacingM,
                                                 totalLabel.implicitHeight + Theme.spacingM)
                                Accessible.role: Accessible.Row
                                Accessible.name: qsTr("%1: %2 a month, %n machine(s)", "", machines).arg(label).arg(totalText)

                                Rectangle {
                                    anchors.fill: parent
                                    color: row.index % 2 === 1 ? Theme.hover : "transparent"
                                    opacity: 0.5
                                }
                                RowLayout {
                                    anchors.fill: parent
                                    anchors.leftMargin: Theme.spacingL
                                    anchors.rightMargin: Theme.spacingL
                                    spacing: Theme.spacingM
                                    Label {
                                        Layout.preferredWidth: page.narrow ? 140 : 220
                                        text: row.label
                                        elide: Text.ElideRight
                                        color: Theme.text
                                        font.weight: Font.DemiBold
                                    }
                                    Column {
                                        id: barColumn
                                        Layout.fillWidth: true
                                        Layout.alignment: Qt.AlignVCenter
                                        spacing: 3
                                        Repeater {
                                            model: row.bars
                                            delegate: Rectangle {
                                                required property var modelData
                                                // Each currency its own colour and scale.
                                                width: Math.max(3, barColumn.width * modelData.fraction)
                                                height: row.bars.length > 1 ? 8 : 12
                                                radius: height / 2
                                                color: modelData.main ? Theme.accent : Theme.demo
                                                ToolTip.visible: barMouse.containsMouse
                                                ToolTip.text: modelData.text
                                                MouseArea { id: barMouse; anchors.fill: parent; hoverEnabled: true }
                                            }
                                        }
                                    }
                                    Label {
                                        Layout.preferredWidth: 64
                                        horizontalAlignment: Text.AlignRight
                                        text: row.machines
                                        color: Theme.textSecondary
                                    }
                                    // One line per currency: amounts of two currencies are
                                    // shown apart, never summed.
                                    Label {
                                        id: totalLabel
                                        Layout.preferredWidth: page.narrow ? 120 : 170
                                        horizontalAlignment: Text.AlignRight
                                        text: (row.totalLines.length > 0 ? row.totalLines.join("\n") : "–")
                                              + (row.unpricedCount > 0 ? " *" : "")
                                        color: Theme.text
                                        font.family: Theme.monoFamily
                                    }
                                    Label {
                                        visible: !page.narrow
                                        Layout.preferredWidth: 130
                                        horizontalAlignment: Text.AlignRight
                                        text: row.offButBilledLines.length > 0 ? row.offButBilledLines.join("\n") : "–"
                                        color: row.offButBilledLines.length > 0 ? Theme.warning : Theme.textDisabled
                                        font.family: Theme.monoFamily
                                    }
                                }
                            }
                        }
                    }
                }

                Label {
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacingL
                    Layout.rightMargin: Theme.spacingL
                    visible: costModel.estimate || costModel.unpricedCount > 0
                    text: {
                        const parts = []
                        if (costModel.estimate)
                            parts.push(qsTr("≈ an estimate: AWS on-demand list price × 730 hours."))
                        if (costModel.unpricedCount > 0)
                            parts.push(qsTr("* some machines have no price: set one with clouddeck-cli machines price."))
                        return parts.join(" ")
                    }
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption
                    wrapMode: Text.Wrap
                }

                // The machines that are off, billed ones first.
                Label {
                    Layout.leftMargin: Theme.spacingL
                    visible: offRepeater.count > 0
                    text: qsTr("Machines that are off")
                    color: Theme.text
                    font.pixelSize: Theme.fontSubtitle
                    font.weight: Font.DemiBold
                }
                Rectangle {
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacingL
                    Layout.rightMargin: Theme.spacingL
                    Layout.preferredHeight: offList.implicitHeight
                    visible: offRepeater.count > 0
                    radius: Theme.radiusM
                    color: Theme.surface
                    border.color: Theme.border
                    clip: true
                    Column {
                        id: offList
                        width: parent.width
                        Repeater {
                            id: offRepeater
                            model: costModel.offMachines
                            delegate: Item {
                                id: offRow
                                required property var modelData
                                required property int index
                                width: offList.width
                                height: Math.max(Theme.rowHeight, offText.implicitHeight + Theme.spacingM)
                                Rectangle {
                                    visible: offRow.index > 0
                                    width: parent.width
                                    height: 1
                                    color: Theme.divider
                                }
                                RowLayout {
                                    anchors.fill: parent
                                    anchors.leftMargin: Theme.spacingL
                                    anchors.rightMargin: Theme.spacingL
                                    spacing: Theme.spacingM
                                    StateGlyph {
                                        stateId: "stopped"
                                        Layout.preferredWidth: 12
                                        Layout.preferredHeight: 12
                                    }
                                    ColumnLayout {
                                        id: offText
                                        Layout.fillWidth: true
                                        spacing: 2
                                        Label {
                                            Layout.fillWidth: true
                                            text: offRow.modelData.name + "  ·  " + offRow.modelData.account
                                            elide: Text.ElideRight
                                            color: Theme.text
                                            font.weight: Font.DemiBold
                                        }
                                        Label {
                                            Layout.fillWidth: true
                                            text: offRow.modelData.note
                                            wrapMode: Text.Wrap
                                            color: Theme.textSecondary
                                            font.pixelSize: Theme.fontCaption
                                        }
                                    }
                                    Label {
                                        text: offRow.modelData.billedText + qsTr("/mo")
                                        color: offRow.modelData.billed ? Theme.warning : Theme.textSecondary
                                        font.family: Theme.monoFamily
                                        font.weight: Font.DemiBold
                                        ToolTip.visible: offMouse.containsMouse
                                        ToolTip.text: qsTr("%1 (%2)").arg(offRow.modelData.priceText).arg(offRow.modelData.source)
                                        MouseArea { id: offMouse; anchors.fill: parent; hoverEnabled: true }
                                    }
                                }
                            }
                        }
                    }
                }

                Item { Layout.preferredHeight: Theme.spacingL }
            }
        }
    }
}
