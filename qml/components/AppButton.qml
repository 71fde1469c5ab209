pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import CloudDeck

// The app's text button in four kinds: "primary", "secondary", "danger", "flat".
Button {
    id: button

    property string kind: "secondary"
    property string iconName: ""
    property bool busy: false

    readonly property color fill: {
        if (!enabled)
            return kind === "flat" ? "transparent" : Theme.hover
        switch (kind) {
        case "primary": return down ? Qt.darker(Theme.accent, 1.15) : hovered ? Qt.lighter(Theme.accent, 1.08) : Theme.accent
        case "danger": return down ? Qt.darker(Theme.dangerFill, 1.15) : hovered ? Qt.lighter(Theme.dangerFill, 1.08) : Theme.dangerFill
        case "flat": return down ? Theme.pressed : hovered ? Theme.hover : "transparent"
        default: return down ? Theme.pressed : hovered ? Theme.hover : Theme.surface
        }
    }
    readonly property color ink: {
        if (!enabled)
            return Theme.textDisabled
        switch (kind) {
        case "primary": return Theme.accentText
        case "danger": return Theme.dangerText
        case "flat": return Theme.accent
        default: return Theme.text
        }
    }

    implicitHeight: Theme.controlHeight
    implicitWidth: Math.max(Theme.controlHeight * 2, contentItem.implicitWidth + leftPadding + rightPadding)
    leftPadding: Theme.spacingL
    rightPadding: Theme.spacingL
    focusPolicy: Qt.StrongFocus
    font.pixelSize: Theme.fontBody
    font.weight: Font.DemiBold
    Accessible.name: text

    contentItem: Row {
        spacing: Theme.spacingS
        // Built the first time it is busy: most buttons never are, and a window has dozens.
        LazyItem {
            active: button.busy
            visible: button.busy
            width: Theme.iconSize
            height: Theme.iconSize
            anchors.verticalCenter: parent.verticalCenter
            component: BusyIndicator { running: button.busy }
        }
        SvgIcon {
            visible: button.iconName.length > 0 && !button.busy
            width: Theme.iconSize - 2
            height: Theme.iconSize - 2
            anchors.verticalCenter: parent.verticalCenter
            source: button.iconName.length > 0 ? Theme.icon(button.iconName) : ""
            color: button.ink
        }
        Label {
            text: button.text
            font: button.font
            color: button.ink
            anchors.verticalCenter: parent.verticalCenter
            elide: Text.ElideRight
        }
    }
    background: Rectangle {
        radius: Theme.radiusM
        color: button.fill
        border.width: button.visualFocus ? 2 : (button.kind === "secondary" ? 1 : 0)
        border.color: button.visualFocus ? Theme.focus : Theme.border
        Behavior on color { ColorAnimation { duration: Theme.durationFast } }
    }
}
