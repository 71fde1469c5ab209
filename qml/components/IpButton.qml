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
    focusPolicy: Qt.StrongFocus
    hoverEnabled: true
    Accessible.name: enabled ? qsTr("Copy IP address %1").arg(ip) : qsTr("No public IP address")
    ToolTip.visible: hovered && enabled
    ToolTip.delay: 600
    ToolTip.text: qsTr("Copy IP address")
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
            anchors.verticalCenter: parent.verticalCenter
            text: button.enabled ? button.ip : qsTr("no public IP")
            color: button.enabled ? Theme.text : Theme.textDisabled
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
