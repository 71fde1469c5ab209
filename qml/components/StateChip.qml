pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import CloudDeck

// A machine's state as colour, glyph and text together. Errors add their short reason.
Rectangle {
    id: chip

    required property string stateId
    required property string stateText
    property string reason: ""
    property bool compact: false
    /// Whether a transition's glyph moves (see StateGlyph).
    property bool animated: true

    readonly property color tone: Theme.stateColor(stateId)
    // The model's errorReason is empty unless the state is error.
    readonly property string label: reason.length > 0
                                    ? qsTr("Error: %1").arg(reason) : stateText

    readonly property int padding: compact ? Theme.spacingS : 10
    readonly property int glyphSize: compact ? 12 : 14
    property real maximumWidth: 260

    implicitHeight: compact ? 22 : 26
    // Sized from the text's own width (never from the chip's), so layouts settle in one pass.
    implicitWidth: Math.min(naturalWidth, maximumWidth)
    /// The width the whole text needs (a list column fits itself to it).
    readonly property real naturalWidth: 2 * padding + glyphSize + 6 + text.implicitWidth
    radius: height / 2
    color: Theme.tint(tone, Theme.dark ? 0.16 : 0.10)
    border.width: MachineStates.isUnknown(stateId) ? 1 : 0
    border.color: tone

    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("State: %1").arg(label)
    // A shortened label (a long error reason) shows in full on hover.
    ToolTip.visible: text.truncated && hover.hovered
    ToolTip.text: label
    ToolTip.delay: 500

    HoverHandler { id: hover }

    StateGlyph {
        id: glyph
        objectName: "stateGlyph"
        x: chip.padding
        anchors.verticalCenter: parent.verticalCenter
        stateId: chip.stateId
        animated: chip.animated
        width: chip.glyphSize
        height: chip.glyphSize
    }
    Text {
        id: text
        objectName: "stateText"
        x: glyph.x + glyph.width + 6
        width: Math.max(0, chip.width - x - chip.padding)
        anchors.verticalCenter: parent.verticalCenter
        text: chip.label
        elide: Text.ElideRight
        color: Theme.stateTextColor(chip.stateId)
        font.pixelSize: chip.compact ? Theme.fontCaption : Theme.fontCaption + 1
        font.weight: Font.DemiBold
        font.strikeout: MachineStates.isGone(chip.stateId)
    }
}
