pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import CloudDeck

// The machine search: filters as you type; Escape clears.
TextField {
    id: field

    implicitHeight: Theme.controlHeight
    leftPadding: Theme.spacingS + Theme.iconSize + Theme.spacingS
    rightPadding: clear.visible ? clear.width + Theme.spacingXs : Theme.spacingM
    placeholderText: qsTr("Search names, IPs, tags, regions…")
    placeholderTextColor: Theme.textSecondary
    color: Theme.text
    selectionColor: Theme.selection
    selectedTextColor: Theme.text
    font.pixelSize: Theme.fontBody
    inputMethodHints: Qt.ImhNoPredictiveText
    Accessible.name: qsTr("Search machines")
    Keys.onEscapePressed: field.clear()

    background: Rectangle {
        radius: Theme.radiusM
        color: Theme.dark ? Theme.window : Theme.hover
        border.width: field.activeFocus ? 2 : 1
        border.color: field.activeFocus ? Theme.focus : "transparent"
    }
    SvgIcon {
        x: Theme.spacingM
        anchors.verticalCenter: parent.verticalCenter
        width: Theme.iconSize - 2
        height: Theme.iconSize - 2
        source: Theme.icon("search")
        color: Theme.textSecondary
    }
    IconButton {
        id: clear
        visible: field.text.length > 0
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        implicitWidth: field.height
        implicitHeight: field.height
        iconName: "close"
        tip: qsTr("Clear search")
        onClicked: field.clear()
    }
}
