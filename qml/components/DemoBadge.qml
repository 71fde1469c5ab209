pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import CloudDeck

// Marks anything from the Demo cloud, so nobody mistakes it for a real one.
Rectangle {
    implicitWidth: label.implicitWidth + 2 * Theme.spacingS
    implicitHeight: 18
    radius: 9
    color: Theme.demoSoft
    border.color: Theme.demo
    border.width: 1
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("Demo: simulated on this computer")
    Label {
        id: label
        anchors.centerIn: parent
        text: qsTr("Demo")
        color: Theme.demo
        font.pixelSize: Theme.fontCaption - 1
        font.weight: Font.Bold
    }
}
