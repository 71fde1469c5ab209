pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import CloudDeck

// A toggle chip for the filter bar: optional state glyph or provider mark, label and count.
AbstractButton {
    id: chip

    property string stateId: ""
    property string iconName: ""
    property int count: -1

    checkable: true
    implicitHeight: Theme.chipTargetHeight
    implicitWidth: row.implicitWidth + 2 * Theme.spacingM
    focusPolicy: Qt.StrongFocus
    Accessible.role: Accessible.CheckBox
    Accessible.name: count >= 0 ? qsTr("%1, %2 machines").arg(text).arg(count) : text
    Accessible.checkable: true
    Accessible.checked: checked

    contentItem: Item {}
    // The chip is drawn at chipHeight, centred in its (taller, with touch) target.
    background: Item {
        Rectangle {
            anchors.verticalCenter: parent.verticalCenter
            width: parent.width
            height: Math.min(parent.height, Theme.chipHeight)
            radius: height / 2
            color: chip.checked ? Theme.accentSoft : chip.down ? Theme.pressed
                                                               : chip.hovered ? Theme.hover : Theme.surface
            border.width: chip.visualFocus ? 2 : 1
            border.color: chip.visualFocus ? Theme.focus : chip.checked ? Theme.accent : Theme.border
            Behavior on color { ColorAnimation { duration: Theme.durationFast } }
        }
    }

    Row {
        id: row
        anchors.centerIn: parent
        spacing: 6
        SvgIcon {
            visible: chip.checked
            width: Theme.smallIconSize
            height: Theme.smallIconSize
            anchors.verticalCenter: parent.verticalCenter
            source: Theme.icon("check")
            color: Theme.accentSoftText
        }
        StateGlyph {
            visible: chip.stateId.length > 0 && !chip.checked
            stateId: chip.stateId.length > 0 ? chip.stateId : "unknown"
            animated: false // a facet is not work in progress
            width: 12
            height: 12
            anchors.verticalCenter: parent.verticalCenter
        }
        SvgIcon {
            visible: chip.iconName.length > 0 && !chip.checked
            width: Theme.smallIconSize
            height: Theme.smallIconSize
            anchors.verticalCenter: parent.verticalCenter
            source: chip.iconName.length > 0 ? Theme.icon(chip.iconName) : ""
            color: Theme.textSecondary
        }
        Label {
            text: chip.text
            anchors.verticalCenter: parent.verticalCenter
            color: chip.checked ? Theme.accentSoftText : Theme.text
            font.pixelSize: Theme.fontCaption + 1
            font.weight: chip.checked ? Font.DemiBold : Font.Normal
        }
        Label {
            visible: chip.count >= 0
            text: chip.count
            anchors.verticalCenter: parent.verticalCenter
            color: chip.checked ? Theme.accentSoftText : Theme.textSecondary
            font.pixelSize: Theme.fontCaption
        }
    }
}
