pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import CloudDeck

// An icon-only button: always a tooltip and an accessible name, a visible focus ring.
ToolButton {
    id: button

    required property string iconName
    required property string tip
    property string shortcutText: ""
    property color tone: Theme.text

    implicitWidth: Theme.iconButtonSize
    implicitHeight: Theme.iconButtonSize
    padding: 0
    focusPolicy: Qt.StrongFocus
    Accessible.name: tip
    Accessible.description: shortcutText
    ToolTip.visible: (hovered || visualFocus) && tip.length > 0
    ToolTip.delay: 600
    ToolTip.text: shortcutText.length > 0 ? qsTr("%1 (%2)").arg(tip).arg(shortcutText) : tip

    contentItem: Item {
        SvgIcon {
            anchors.centerIn: parent
            width: Theme.iconSize
            height: Theme.iconSize
            source: Theme.icon(button.iconName)
            color: button.enabled ? (button.checked ? Theme.accent : button.tone) : Theme.textDisabled
        }
    }
    background: Rectangle {
        radius: Theme.radiusM
        color: button.down ? Theme.pressed
                           : button.checked ? Theme.accentSoft
                                            : button.hovered ? Theme.hover : "transparent"
        border.width: button.visualFocus ? 2 : 0
        border.color: Theme.focus
        Behavior on color { ColorAnimation { duration: Theme.durationFast } }
    }
}
