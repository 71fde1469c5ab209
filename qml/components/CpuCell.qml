pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import CloudDeck

// A row's CPU at a glance: the last hour as a sparkline and the newest value ("37 %"). Where
// there is nothing to draw, "—" and a tooltip that says why (the cloud has no metrics, the
// machine is not running, the fetch failed, nothing fetched yet).
Item {
    id: cell

    required property string accountId
    required property string machineId
    required property string stateId
    /// false while the row is pooled: the feed stops counting it as on screen.
    property bool active: true
    readonly property alias source: cpu

    readonly property bool running: stateId === "running"
    readonly property bool showing: running && cpu.hasData
    readonly property string reason: showing ? ""
        : !cpu.supported ? qsTr("This cloud does not offer metrics for its machines.")
        : !running ? qsTr("No CPU figures while the machine is not running.")
        : cpu.problem.length > 0 ? cpu.problem
        : cpu.note.length > 0 ? cpu.note
        : qsTr("No CPU figures yet.")

    // As wide as a column when there is a line to draw; only the "—" otherwise (a card's state
    // chip keeps the room).
    implicitWidth: showing ? Theme.columnCpuWidth : value.implicitWidth
    implicitHeight: Math.max(Theme.sparklineHeight, value.implicitHeight)
    Accessible.role: Accessible.StaticText
    Accessible.name: showing ? qsTr("CPU %1").arg(cpu.lastText) : qsTr("CPU: %1").arg(reason)

    MetricSource {
        id: cpu
        feed: AppController.metrics
        accountId: cell.accountId
        machineId: cell.machineId
        kind: "cpu"
        span: "1h"
        watch: true
        active: cell.active
    }

    Sparkline {
        id: line
        objectName: "cpuSparkline"
        anchors.verticalCenter: parent.verticalCenter
        width: Math.min(Theme.sparklineWidth, cell.width - value.implicitWidth - Theme.spacingXs)
        height: Theme.sparklineHeight
        visible: cell.showing
        source: cpu
        color: Theme.chartLine
    }
    Text {
        id: value
        objectName: "cpuValue"
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        text: cell.showing ? cpu.lastText : "—"
        color: cell.showing ? Theme.text : Theme.textSecondary
        font.pixelSize: Theme.fontCaption + 1
        font.family: Theme.monoFamily
    }
    HoverHandler { id: hover }
    ToolTip.visible: hover.hovered && reason.length > 0
    ToolTip.delay: 500
    ToolTip.text: reason
}
