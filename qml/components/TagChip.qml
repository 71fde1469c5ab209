pragma ComponentBehavior: Bound
import QtQuick
import CloudDeck

// A machine tag: small, quiet, readable. Every list row shows its tags in these, so a chip is
// a rectangle and a text and nothing more; the details' editor adds its × (RemovableTagChip).
Rectangle {
    id: tag

    required property string text
    /// Room kept at the end for what a derived chip puts there.
    property real trailing: 0

    implicitHeight: 20
    implicitWidth: label.implicitWidth + 2 * Theme.spacingS + trailing
    radius: Theme.radiusS
    color: "transparent"
    border.width: 1
    border.color: Theme.border
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("Tag %1").arg(text)

    Text {
        id: label
        anchors.verticalCenter: parent.verticalCenter
        x: Theme.spacingS
        text: tag.text
        color: Theme.textSecondary
        font.pixelSize: Theme.fontCaption - 1
    }
}
