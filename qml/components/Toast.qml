pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import CloudDeck

// Short confirmations ("IP copied") at the bottom for about two seconds; a newer one replaces
// the one shown.
Popup {
    id: toast

    function show(message) {
        label.text = message
        open()
        timer.restart()
    }

    x: (parent.width - width) / 2
    y: parent.height - height - Theme.spacingXxl
    margins: Theme.spacingL
    padding: 0
    modal: false
    focus: false
    closePolicy: Popup.NoAutoClose
    width: Math.min(label.implicitWidth + 2 * Theme.spacingXl, parent.width - 2 * Theme.spacingL)
    height: Math.max(Theme.controlHeight + 4, label.implicitHeight + 2 * Theme.spacingM)

    enter: Transition {
        NumberAnimation { property: "opacity"; from: 0; to: 1; duration: Theme.durationNormal; easing.type: Easing.OutCubic }
        NumberAnimation { property: "y"; from: toast.parent.height - toast.height; to: toast.parent.height - toast.height - Theme.spacingXxl; duration: Theme.durationNormal; easing.type: Easing.OutCubic }
    }
    exit: Transition {
        NumberAnimation { property: "opacity"; to: 0; duration: Theme.durationFast }
    }

    background: Rectangle {
        radius: Theme.radiusL
        color: Theme.tooltip
    }
    contentItem: Label { // qmllint disable deferred-property-id
        id: label
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        color: Theme.tooltipText
        font.pixelSize: Theme.fontBody
        wrapMode: Text.Wrap
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
    Timer {
        id: timer
        interval: Theme.toastDuration
        onTriggered: toast.close()
    }
}
