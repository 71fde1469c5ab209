pragma ComponentBehavior: Bound
import QtQuick
import CloudDeck

// A machine tag: small, quiet, readable. Removable ones (the details pane's editor) have a ×.
Rectangle {
    id: tag

    required property string text
    property bool removable: false

    signal removeClicked()

    implicitHeight: removable ? 24 : 20
    implicitWidth: label.implicitWidth + 2 * Theme.spacingS + (removable ? remove.width : 0)
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
    // The × only where the chip is removable: every list row shows its tags in chips, and a
    // button each would be most of what building a screenful of rows costs. (A Repeater of 0
    // or 1: Qt 6.4's Loader refuses a bound inline component.)
    Item {
        id: remove
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        width: tag.removable ? 18 : 0
        height: 18
        Repeater {
            model: tag.removable ? 1 : 0
            delegate: IconButton {
                objectName: "removeTag_" + tag.text
                width: 18
                height: 18
                // The pane's icons are sized for buttons; in a 24 px chip the × stays light.
                scale: 0.7
                iconName: "close"
                tip: qsTr("Remove tag %1").arg(tag.text)
                onClicked: tag.removeClicked()
            }
        }
    }
}
