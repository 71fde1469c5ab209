pragma ComponentBehavior: Bound
import QtQuick
import CloudDeck

// A machine tag: small, quiet, readable.
Rectangle {
    id: tag

    required property string text

    implicitHeight: 20
    implicitWidth: label.implicitWidth + 2 * Theme.spacingS
    radius: Theme.radiusS
    color: "transparent"
    border.width: 1
    border.color: Theme.border
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("Tag %1").arg(text)

    Text {
        id: label
        anchors.centerIn: parent
        text: tag.text
        color: Theme.textSecondary
        font.pixelSize: Theme.fontCaption - 1
    }
}
