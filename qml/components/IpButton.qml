pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import CloudDeck

// A public IP in monospace that copies itself when tapped or clicked.
AbstractButton {
    id: button

    required property string ip
    signal copied(string ip)

    enabled: ip.length > 0
    implicitHeight: 24
    implicitWidth: label.implicitWidth + 2 * Theme.spacingXs + (enabled ? Theme.smallIconSize : 0)
    // Given less than its implicit width (a narrow card), the address elides in the middle; the
    // tooltip and the copy keep it whole.
    readonly property bool truncated: label.truncated
    focusPolicy: Qt.StrongFocus
    hoverEnabled: true
    Accessible.name: enabled ? qsTr("Copy IP address %1").arg(ip) : qsTr("No public IP address")
    ToolTip.visible: hovered && enabled
    ToolTip.delay: 600
    ToolTip.text: label.truncated ? qsTr("Copy IP address %1").arg(ip) : qsTr("Copy IP address")
    onClicked: button.copied(ip)

    background: Rectangle {
        radius: Theme.radiusS
        color: button.down ? Theme.pressed : button.hovered ? Theme.hover : "transparent"
        border.width: button.visualFocus ? 2 : 0
        border.color: Theme.focus
    }
    contentItem: Row { // qmllint disable deferred-property-id
        leftPadding: Theme.spacingXs
        spacing: 4
        Text {
            id: label
            objectName: "ipText"
            anchors.verticalCenter: parent.verticalCenter
            width: Math.min(implicitWidth, Math.max(0, button.width - 2 * Theme.spacingXs
                                                       - (button.enabled ? Theme.smallIconSize : 0)))
            elide: Text.ElideMiddle
            text: button.enabled ? button.ip : qsTr("no public IP")
            // Secondary, not disabled: "no public IP" is a fact to read (4.5:1), not a dead control.
            color: button.enabled ? Theme.text : Theme.textSecondary
            font.family: button.enabled ? Theme.monoFamily : Theme.fontFamily
            font.pixelSize: Theme.fontCaption + 1
        }
        SvgIcon {
            visible: button.enabled
            anchors.verticalCenter: parent.verticalCenter
            width: 14
            height: 14
            source: Theme.icon("copy")
            color: button.hovered ? Theme.accent : Theme.textSecondary
            opacity: button.hovered || Theme.touch ? 1 : 0.55
        }
    }
}
