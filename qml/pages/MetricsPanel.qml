pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CloudDeck

// The details' metrics: a span selector (1 h / 24 h / 7 d / 30 d), one graph per kind the cloud
// offers, each with min/avg/max and the cloud's resolution, the age of what is shown when it is
// not fresh, the last fetch's problem, and the idle hint with what the machine costs a month.
ColumnLayout {
    id: panel

    required property string accountId
    required property string machineId
    required property string stateId
    property var pricePerMonth: undefined
    property string currency: "USD"
    property bool idle: false
    property string span: "1h"

    readonly property var kinds: ["cpu", "network_in", "network_out", "disk_read", "disk_write"]
    readonly property bool supported: cpu.supported
    // fetchedAt first: the binding then also follows a newly arrived series, not only the clock.
    readonly property bool stale: cpu.fetchedAt.getTime() > 0
                                  && (cpu.isStale(AppController.now) || AppController.offline)

    spacing: Theme.spacingS
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("Metrics")

    function kindText(kind) {
        switch (kind) {
        case "cpu": return qsTr("CPU")
        case "network_in": return qsTr("Network in")
        case "network_out": return qsTr("Network out")
        case "disk_read": return qsTr("Disk read")
        case "disk_write": return qsTr("Disk write")
        default: return kind
        }
    }

    // The CPU series of the span, for the panel's own words (age, problem); the graphs below
    // each have theirs. All of them focus the feed on this machine (watch: false).
    MetricSource {
        id: cpu
        feed: AppController.metrics
        accountId: panel.accountId
        machineId: panel.machineId
        kind: "cpu"
        span: panel.span
        watch: false
        active: panel.visible
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingS
        Label {
            text: qsTr("Metrics")
            color: Theme.text
            font.pixelSize: Theme.fontBody
            font.weight: Font.DemiBold
            Accessible.role: Accessible.Heading
        }
        Item { Layout.fillWidth: true }
        Row {
            id: spans
            objectName: "metricSpans"
            visible: panel.supported
            spacing: 0
            Repeater {
                model: ["1h", "24h", "7d", "30d"]
                delegate: AbstractButton {
                    id: spanButton
                    required property string modelData
                    required property int index
                    objectName: "span_" + modelData
                    checkable: true
                    checked: panel.span === modelData
                    implicitWidth: Math.max(44, label.implicitWidth + 2 * Theme.spacingM)
                    implicitHeight: Theme.touch ? Theme.chipTargetHeight : 28
                    focusPolicy: Qt.StrongFocus
                    Accessible.name: qsTr("Show the last %1").arg(text)
                    text: modelData === "1h" ? qsTr("1 h") : modelData === "24h" ? qsTr("24 h")
                          : modelData === "7d" ? qsTr("7 d") : qsTr("30 d")
                    onClicked: panel.span = modelData
                    background: Rectangle {
                        color: spanButton.checked ? Theme.accentSoft : spanButton.hovered ? Theme.hover : Theme.surface
                        border.width: spanButton.visualFocus ? 2 : 1
                        border.color: spanButton.visualFocus ? Theme.focus : spanButton.checked ? Theme.accent : Theme.border
                        radius: spanButton.index === 0 || spanButton.index === 3 ? Theme.radiusS : 0
                    }
                    contentItem: Text { // qmllint disable deferred-property-id
                        id: label
                        text: spanButton.text
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                        color: spanButton.checked ? Theme.accentSoftText : Theme.text
                        font.pixelSize: Theme.fontCaption + 1
                        font.weight: spanButton.checked ? Font.DemiBold : Font.Normal
                    }
                }
            }
        }
    }

    // Idle: CPU under 2 % for a week, and what that costs.
    Rectangle {
        objectName: "idleHint"
        visible: panel.idle
        Layout.fillWidth: true
        implicitHeight: idleText.implicitHeight + 2 * Theme.spacingS
        radius: Theme.radiusS
        color: Theme.warningSoft
        border.color: Theme.tint(Theme.warning, 0.5)
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacingM
            anchors.rightMargin: Theme.spacingM
            spacing: Theme.spacingS
            Rectangle {
                implicitWidth: idleChip.implicitWidth + 2 * Theme.spacingS
                implicitHeight: 20
                radius: 10
                color: Theme.warning
                Text {
                    id: idleChip
                    anchors.centerIn: parent
                    text: qsTr("idle")
                    color: Theme.dark ? Theme.window : Theme.fillText
                    font.pixelSize: Theme.fontCaption
                    font.weight: Font.DemiBold
                }
            }
            Label {
                id: idleText
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: panel.pricePerMonth !== undefined
                      ? qsTr("CPU under 2 % for 7 days, yet it costs %1.").arg(Format.monthly(panel.pricePerMonth, panel.currency))
                      : qsTr("CPU under 2 % for 7 days.")
                color: Theme.warningText
                font.pixelSize: Theme.fontCaption + 1
            }
        }
    }

    Label {
        objectName: "metricsUnsupported"
        visible: !panel.supported
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: qsTr("This cloud does not offer metrics for its machines.")
        color: Theme.textSecondary
        font.pixelSize: Theme.fontCaption + 1
    }
    Label {
        objectName: "metricsProblem"
        visible: panel.supported && cpu.problem.length > 0
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: cpu.problem
        color: Theme.danger
        font.pixelSize: Theme.fontCaption + 1
    }
    Label {
        objectName: "metricsAge"
        visible: panel.supported && panel.stale && cpu.fetchedAt.getTime() > 0
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: visible ? qsTr("Fetched %1; not renewed since.").arg(Format.age(cpu.fetchedAt, AppController.now)) : ""
        color: Theme.warningText
        font.pixelSize: Theme.fontCaption + 1
    }

    Repeater {
        model: panel.supported ? panel.kinds : []
        delegate: ColumnLayout {
            id: chart
            required property string modelData
            objectName: "metric_" + modelData
            // A kind the cloud has (a series of this machine arrived, for any span: switching
            // spans does not make graphs vanish and return); CPU always, saying why when empty.
            property string offeredFor: ""
            visible: series.hasData || modelData === "cpu" || offeredFor === panel.machineId
            Layout.fillWidth: true
            spacing: 2
            Connections {
                target: series
                function onDataChanged() {
                    if (series.hasData)
                        chart.offeredFor = panel.machineId
                }
            }

            MetricSource {
                id: series
                feed: AppController.metrics
                accountId: panel.accountId
                machineId: panel.machineId
                kind: chart.modelData
                span: panel.span
                watch: false
                active: panel.visible
            }

            // Plain anchors, not a RowLayout: a layout inside a column that was hidden while
            // its series loaded could keep a zero width in Qt 6.4 and stack both labels.
            Item {
                Layout.fillWidth: true
                implicitHeight: Math.max(kindLabel.implicitHeight, lastLabel.implicitHeight)
                Label {
                    id: kindLabel
                    anchors.left: parent.left
                    anchors.right: lastLabel.left
                    anchors.rightMargin: Theme.spacingS
                    anchors.verticalCenter: parent.verticalCenter
                    elide: Text.ElideRight
                    text: panel.kindText(chart.modelData)
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption + 1
                    font.weight: Font.DemiBold
                }
                Label {
                    id: lastLabel
                    objectName: "metricLast"
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    visible: series.hasData
                    text: graph.hasReadout ? graph.readoutText : qsTr("now %1").arg(series.lastText)
                    color: Theme.text
                    font.pixelSize: Theme.fontCaption + 1
                    font.family: Theme.monoFamily
                }
            }
            MetricGraph {
                id: graph
                objectName: "metricGraph"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.graphHeight
                source: series
                valueAxisWidth: 64 // every graph's plot starts at the same x
                color: Theme.chartLine
                textColor: Theme.textSecondary
                gridColor: Theme.chartGrid
                font.pixelSize: Theme.fontCaption - 1
                font.family: Theme.fontFamily
                // Keyboard: Tab to a graph, arrows read point by point, Escape stops.
                activeFocusOnTab: true
                Keys.onLeftPressed: graph.stepProbe(-1)
                Keys.onRightPressed: graph.stepProbe(1)
                Keys.onEscapePressed: graph.probeX = -1
                onActiveFocusChanged: if (!activeFocus) graph.probeX = -1
                Rectangle {
                    anchors.fill: parent
                    anchors.margins: -2
                    visible: graph.activeFocus
                    color: "transparent"
                    radius: Theme.radiusS
                    border.width: 2
                    border.color: Theme.focus
                }
                Accessible.role: Accessible.Chart
                Accessible.name: qsTr("%1 over the last %2").arg(panel.kindText(chart.modelData)).arg(panel.span)
                Accessible.description: series.summaryText
                Label {
                    anchors.centerIn: parent
                    visible: !series.hasData
                    width: parent.width * 0.8
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    text: panel.stateId !== "running" && panel.stateId.length > 0
                          ? qsTr("No figures while the machine is not running.")
                          : series.note.length > 0 ? series.note : qsTr("No figures yet.")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption + 1
                }
            }
            // min/avg/max and the cloud's resolution: each whole, the second on its own line
            // when both do not fit.
            Flow {
                Layout.fillWidth: true
                visible: series.hasData
                spacing: Theme.spacingM
                Label {
                    objectName: "metricSummary"
                    text: series.summaryText
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption
                }
                Label {
                    objectName: "metricResolution"
                    text: series.resolutionText
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption
                }
            }
        }
    }
}
