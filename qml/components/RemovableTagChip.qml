pragma ComponentBehavior: Bound
import QtQuick
import CloudDeck

// A tag in the details' editor: the list's chip with a × where the cloud lets tags be edited.
TagChip {
    id: tag

    property bool removable: false

    signal removeClicked()

    implicitHeight: removable ? 24 : 20
    trailing: removable ? remove.width : 0

    IconButton {
        id: remove
        objectName: "removeTag_" + tag.text
        visible: tag.removable
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        implicitWidth: 18
        implicitHeight: 18
        // The pane's icons are sized for buttons; in a 24 px chip the × stays light.
        scale: 0.7
        iconName: "close"
        tip: qsTr("Remove tag %1").arg(tag.text)
        onClicked: tag.removeClicked()
    }
}
